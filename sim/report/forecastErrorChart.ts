import { formatNumber } from '../metrics/index.ts';
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, type ChartBuilderParameters, type ReportChart, roundTo, VEGA_LITE_SCHEMA } from './reportChart.ts';

/**
 * Distribution of the forecast's percentage error, (forecast − actual) ÷ actual × 100, over all
 * intervals with a forecast; the subtitle gives MAPE and mean error. Null when no run has a forecast.
 */
export function forecastErrorChart({ runs }: ChartBuilderParameters): ReportChart | null {
  const errors: { errorPct: number; run: string }[] = [];
  const stats: string[] = [];
  for (const { label, run } of runs) {
    const { baselineKw, forecastKw } = run.timeseries;
    let sum = 0;
    let sumAbs = 0;
    let n = 0;
    for (let i = 0; i < forecastKw.length; i++) {
      if (!Number.isFinite(forecastKw[i]) || baselineKw[i] === 0) continue;
      const e = (100 * (forecastKw[i] - baselineKw[i])) / baselineKw[i];
      errors.push({ errorPct: roundTo(e, 3), run: label });
      sum += e;
      sumAbs += Math.abs(e);
      n++;
    }
    if (n > 0) {
      stats.push(`${runs.length > 1 ? `${label}: ` : ''}MAPE ${formatNumber({ value: sumAbs / n, decimals: 2, display: true })}%, mean error ${formatNumber({ value: sum / n, decimals: 2, signed: true, display: true })}% over ${formatNumber({ value: n, display: true })} intervals`);
    }
  }
  if (errors.length === 0) return null;
  const title = 'Forecast error distribution (% of actual load)';
  return {
    name: 'forecast-error',
    title,
    description: `How far the forecast was from the actual load without DR, as a share of the actual, per interval. ${stats.join('; ')}. Bars right of zero are over-forecasts.`,
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      title: { text: title, subtitle: stats.join('; ') },
      width: CHART_WIDTH,
      height: CHART_HEIGHT - 60,
      config: CHART_CONFIG,
      data: { values: errors },
      mark: { type: 'bar', opacity: 0.7, binSpacing: 1 },
      encoding: {
        x: { field: 'errorPct', type: 'quantitative', bin: { maxbins: 40 }, title: 'Forecast error (% of actual; + = forecast too high)' },
        y: { aggregate: 'count', type: 'quantitative', title: 'Intervals (count)', stack: null },
        color: { field: 'run', type: 'nominal', title: 'Run', ...(runs.length === 1 ? { legend: null } : {}) },
        tooltip: [
          { field: 'errorPct', type: 'quantitative', bin: { maxbins: 40 }, title: 'Error bin (%)' },
          { aggregate: 'count', type: 'quantitative', title: 'Intervals' },
        ],
      },
    },
  };
}
