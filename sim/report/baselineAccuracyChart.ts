import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, type ChartBuilderParameters, type ReportChart, roundTo, VEGA_LITE_SCHEMA } from './reportChart.ts';

/**
 * Accuracy of every customer-baseline method on placebo days (backtest-baseline.json): median
 * per-consumer bias against relative RMSE, one point per method and dataset; the method the run
 * used is drawn larger. Null when no run directory holds backtest-baseline.json.
 */
export function baselineAccuracyChart({ runs }: ChartBuilderParameters): ReportChart | null {
  const points: { dataset: string; method: string; id: string; biasPct: number; rrmsePct: number; used: string }[] = [];
  for (const { label, run } of runs) {
    const file = run.backtestBaseline;
    if (file === null) continue;
    const usedMethod = run.summary.baseline?.method;
    for (const d of file.datasets) {
      for (const m of d.methods) {
        const stats = m.perConsumerMedian ?? m.aggregate;
        if (m.skipped || stats === null || stats === undefined || stats.biasPct === null || stats.rrmsePct === null) continue;
        points.push({
          dataset: runs.length > 1 ? `${label} · ${d.dataset}` : d.dataset,
          method: m.name,
          id: m.id,
          biasPct: roundTo(stats.biasPct, 3),
          rrmsePct: roundTo(stats.rrmsePct, 3),
          used: m.id === usedMethod || m.name === usedMethod ? 'Used in this run' : 'Other methods',
        });
      }
    }
  }
  if (points.length === 0) return null;
  const title = 'Baseline accuracy by method: bias vs relative RMSE (%)';
  return {
    name: 'baseline-accuracy',
    title,
    description:
      'Each point is one customer-baseline (CBL) method on one dataset, scored on non-event placebo days (median over consumers). Best is bottom centre: low error and no bias; a negative bias under-pays consumers, a positive one over-pays.',
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      title: { text: title, subtitle: 'Placebo-day backtest (backtest-baseline.json), median per consumer' },
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
      config: CHART_CONFIG,
      layer: [
        { data: { values: [{ x: 0 }] }, mark: { type: 'rule', color: '#999', strokeDash: [4, 4] }, encoding: { x: { field: 'x', type: 'quantitative' } } },
        {
          data: { values: points },
          layer: [
            {
              mark: { type: 'point', filled: true, opacity: 0.85 },
              encoding: {
                x: { field: 'biasPct', type: 'quantitative', title: 'Bias, median per consumer (%; + = baseline too high)', scale: { padding: 40 } },
                y: { field: 'rrmsePct', type: 'quantitative', title: 'Relative RMSE, median per consumer (%)', scale: { zero: true } },
                color: { field: 'dataset', type: 'nominal', title: 'Dataset' },
                size: { field: 'used', type: 'ordinal', title: 'Method', scale: { domain: ['Used in this run', 'Other methods'], range: [220, 60] } },
                tooltip: [
                  { field: 'method', type: 'nominal', title: 'Method' },
                  { field: 'dataset', type: 'nominal', title: 'Dataset' },
                  { field: 'biasPct', type: 'quantitative', title: 'Bias (%)', format: '.2f' },
                  { field: 'rrmsePct', type: 'quantitative', title: 'RRMSE (%)', format: '.2f' },
                ],
              },
            },
            {
              mark: { type: 'text', align: 'left', dx: 6, dy: -6, fontSize: 9, color: '#333' },
              encoding: {
                x: { field: 'biasPct', type: 'quantitative' },
                y: { field: 'rrmsePct', type: 'quantitative' },
                text: { field: 'id', type: 'nominal' },
              },
            },
          ],
        },
      ],
    },
  };
}
