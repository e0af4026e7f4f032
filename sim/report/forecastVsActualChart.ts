import { CHART_CONFIG, CHART_HEIGHT, type ChartBuilderParameters, type ReportChart, roundTo, VEGA_LITE_SCHEMA } from './reportChart.ts';

/**
 * Forecast against actual load without DR, one point per interval, with the line of perfect
 * forecasts. Null when no run has a forecast.
 */
export function forecastVsActualChart({ runs }: ChartBuilderParameters): ReportChart | null {
  const points: { actual: number; forecast: number; run: string }[] = [];
  let low = Infinity;
  let high = -Infinity;
  for (const { label, run } of runs) {
    const { baselineKw, forecastKw } = run.timeseries;
    for (let i = 0; i < forecastKw.length; i++) {
      if (!Number.isFinite(forecastKw[i])) continue;
      points.push({ actual: roundTo(baselineKw[i], 1), forecast: roundTo(forecastKw[i], 1), run: label });
      low = Math.min(low, baselineKw[i], forecastKw[i]);
      high = Math.max(high, baselineKw[i], forecastKw[i]);
    }
  }
  if (points.length === 0) return null;
  const models = runs.map(({ label, run }) => (runs.length > 1 ? `${label}: ` : '') + (run.summary.forecast?.model ?? 'forecast'));
  const title = 'Forecast vs actual load without DR (kW)';
  const domain = [Math.floor(low), Math.ceil(high)];
  return {
    name: 'forecast-vs-actual',
    title,
    description: `Each point is one interval: the load the forecaster (${models.join(', ')}) expected against the load that occurred without DR. Points on the diagonal are perfect; above it the forecast was too high.`,
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      title: { text: title, subtitle: `Model: ${models.join(', ')}; diagonal = perfect forecast` },
      width: CHART_HEIGHT + 60,
      height: CHART_HEIGHT + 60,
      config: CHART_CONFIG,
      layer: [
        {
          data: { values: [{ kw: domain[0], line: 'Perfect forecast' }, { kw: domain[1], line: 'Perfect forecast' }] },
          mark: { type: 'line', color: '#888', strokeDash: [4, 4] },
          encoding: {
            x: { field: 'kw', type: 'quantitative', scale: { domain } },
            y: { field: 'kw', type: 'quantitative', scale: { domain } },
          },
        },
        {
          data: { values: points },
          mark: { type: 'point', filled: true, size: 14, opacity: 0.5 },
          encoding: {
            x: { field: 'actual', type: 'quantitative', title: 'Actual load without DR (kW)', scale: { domain } },
            y: { field: 'forecast', type: 'quantitative', title: 'Forecast load (kW)', scale: { domain } },
            color: { field: 'run', type: 'nominal', title: 'Run', ...(runs.length === 1 ? { legend: null } : {}) },
            tooltip: [
              { field: 'actual', type: 'quantitative', title: 'Actual (kW)', format: ',.1f' },
              { field: 'forecast', type: 'quantitative', title: 'Forecast (kW)', format: ',.1f' },
            ],
          },
        },
      ],
    },
  };
}
