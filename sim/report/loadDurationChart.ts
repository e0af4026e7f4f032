import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, type ChartBuilderParameters, LOAD_COLORS, type ReportChart, roundTo, seriesLabel, VEGA_LITE_SCHEMA } from './reportChart.ts';

export interface LoadDurationChartParameters extends ChartBuilderParameters {
  /** How many of the highest-load hours to draw (default 100). */
  topHours?: number;
}

const WITHOUT = 'Without DR (baseline)';
const WITH = 'With DR';

/**
 * Load-duration curve of the top hours: each series sorted from its highest interval down, so the
 * x value is the number of hours the load was at or above the y value. DR lowers the left end.
 */
export function loadDurationChart({ runs, topHours = 100 }: LoadDurationChartParameters): ReportChart {
  const points: { hours: number; kw: number; series: string }[] = [];
  for (const { label, run } of runs) {
    const step = run.summary.period.intervalMinutes / 60;
    const count = Math.min(run.timeseries.time.length, Math.max(1, Math.round(topHours / step)));
    for (const [series, values] of [
      [WITHOUT, run.timeseries.baselineKw],
      [WITH, run.timeseries.withDrKw],
    ] as const) {
      const top = Float64Array.from(values).sort().reverse().subarray(0, count);
      const name = seriesLabel(runs, label, series);
      top.forEach((kw, rank) => points.push({ hours: roundTo((rank + 1) * step, 4), kw: roundTo(kw, 1), series: name }));
    }
  }
  const title = `Load-duration curve of the top ${topHours} hours (kW)`;
  return {
    name: 'load-duration',
    title,
    description: `Loads sorted from highest to lowest for the ${topHours} highest hours of the period, without and with DR. Read a point as “the load was at or above y kW for x hours”; the drop at the left end is the peak DR removed.`,
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      title: { text: title, subtitle: 'Each series sorted on its own, highest first' },
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
      config: CHART_CONFIG,
      data: { values: points },
      mark: { type: 'line', interpolate: 'step-before', strokeWidth: 1.5 },
      encoding: {
        x: { field: 'hours', type: 'quantitative', title: 'Hours at or above the load (h)' },
        y: { field: 'kw', type: 'quantitative', title: 'System load (kW)', scale: { zero: false } },
        color: {
          field: 'series',
          type: 'nominal',
          title: 'Load',
          ...(runs.length === 1 ? { scale: { domain: [WITHOUT, WITH], range: [LOAD_COLORS.baseline, LOAD_COLORS.withDr] } } : {}),
        },
        tooltip: [
          { field: 'series', type: 'nominal', title: 'Series' },
          { field: 'hours', type: 'quantitative', title: 'Hours at or above', format: ',.2f' },
          { field: 'kw', type: 'quantitative', title: 'Load (kW)', format: ',.1f' },
        ],
      },
    },
  };
}
