import { forecastMapePct, formatNumber } from '../metrics/index.ts';
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, type ChartBuilderParameters, type ReportChart, roundTo, VEGA_LITE_SCHEMA } from './reportChart.ts';

/**
 * Distribution of the forecast's percentage error against the load without DR, (forecast − load) ÷ load × 100, over
 * all intervals with a forecast; the subtitle gives MAPE and mean error from sim/metrics `forecastMapePct`, the
 * definition summary.json's KPI uses. Null when no run has a forecast.
 */
export function forecastErrorChart({ runs }: ChartBuilderParameters): ReportChart | null {
  const errors: { errorPct: number; run: string }[] = [];
  const stats: string[] = [];
  for (const { label, run } of runs) {
    const { baselineKw, forecastKw } = run.timeseries;
    for (let i = 0; i < forecastKw.length; i++) {
      if (!Number.isFinite(forecastKw[i]) || !(baselineKw[i] > 0)) continue;
      errors.push({ errorPct: roundTo((100 * (forecastKw[i] - baselineKw[i])) / baselineKw[i], 3), run: label });
    }
    const { mapePct, meanErrorPct, intervals } = forecastMapePct({ forecastKw, loadWithoutDrKw: baselineKw });
    if (intervals > 0) {
      stats.push(`${runs.length > 1 ? `${label}: ` : ''}MAPE ${formatNumber({ value: mapePct, decimals: 2, display: true })}%, mean error ${formatNumber({ value: meanErrorPct, decimals: 2, signed: true, display: true })}% over ${formatNumber({ value: intervals, display: true })} intervals`);
    }
  }
  if (errors.length === 0) return null;
  const title = 'Forecast error distribution (% of load without DR)';
  return {
    name: 'forecast-error',
    title,
    description: `How far the day-ahead forecast was from the load without DR, as a share of that load, per interval (the MAPE is the KPI table’s). ${stats.join('; ')}. Bars right of zero are over-forecasts.`,
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      title: { text: title, subtitle: stats.join('; ') },
      width: CHART_WIDTH,
      height: CHART_HEIGHT - 60,
      config: CHART_CONFIG,
      data: { values: errors },
      mark: { type: 'bar', opacity: 0.7, binSpacing: 1 },
      encoding: {
        x: { field: 'errorPct', type: 'quantitative', bin: { maxbins: 40 }, title: 'Forecast error (% of load without DR; + = forecast too high)' },
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
