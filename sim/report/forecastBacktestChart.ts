import { CHART_CONFIG, CHART_WIDTH, type ChartBuilderParameters, type ReportChart, roundTo, VEGA_LITE_SCHEMA } from './reportChart.ts';

/** MAPE of every forecasting model in the rolling-origin backtest (backtest-forecast.json). Null when absent. */
export function forecastBacktestChart({ runs }: ChartBuilderParameters): ReportChart | null {
  const bars: { model: string; mode: string; mapePct: number }[] = [];
  const periods: string[] = [];
  for (const { label, run } of runs) {
    const file = run.backtestForecast;
    if (file === null) continue;
    periods.push(`${runs.length > 1 ? `${label}: ` : ''}${file.dataset} ${file.period.from} … ${file.period.to}`);
    for (const r of file.runs) {
      for (const m of r.models) {
        if (m.mapePct === null) continue;
        bars.push({ model: m.name, mode: runs.length > 1 ? `${label} · ${r.mode}` : r.mode, mapePct: roundTo(m.mapePct, 3) });
      }
    }
  }
  if (bars.length === 0) return null;
  const title = 'Forecast backtest: MAPE by model (%)';
  return {
    name: 'forecast-backtest',
    title,
    description: `Mean absolute percentage error of each day-ahead load forecasting model in the rolling-origin backtest (${periods.join('; ')}). Ex-post uses measured temperatures, ex-ante forecast ones; shorter bars are better.`,
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      title: { text: title, subtitle: periods.join('; ') },
      width: CHART_WIDTH - 120,
      config: CHART_CONFIG,
      data: { values: bars },
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'model', type: 'nominal', title: 'Model', sort: { field: 'mapePct', op: 'min', order: 'ascending' } },
        yOffset: { field: 'mode', type: 'nominal' },
        x: { field: 'mapePct', type: 'quantitative', title: 'MAPE (%)' },
        color: { field: 'mode', type: 'nominal', title: 'Temperature input' },
        tooltip: [
          { field: 'model', type: 'nominal', title: 'Model' },
          { field: 'mode', type: 'nominal', title: 'Mode' },
          { field: 'mapePct', type: 'quantitative', title: 'MAPE (%)', format: '.3f' },
        ],
      },
    },
  };
}
