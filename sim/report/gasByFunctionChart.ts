import { formatNumber } from '../metrics/index.ts';
import { CHART_CONFIG, CHART_WIDTH, type ChartBuilderParameters, type ReportChart, roundTo, VEGA_LITE_SCHEMA } from './reportChart.ts';

/** Gas used per contract function over the whole run (summary.json gas.byFunction), with calls and USD in the tooltip. */
export function gasByFunctionChart({ runs }: ChartBuilderParameters): ReportChart | null {
  const bars: { fn: string; gas: number; calls: number; gasPerCall: number; usd: number; run: string }[] = [];
  const prices: string[] = [];
  for (const { label, run } of runs) {
    const g = run.summary.gas;
    prices.push(`${runs.length > 1 ? `${label}: ` : ''}${formatNumber({ value: g.gasPriceGwei, decimals: 2, display: true })} gwei, ${formatNumber({ value: g.ethUsd, decimals: 2, display: true })} USD/ETH`);
    for (const [fn, { calls, gas }] of Object.entries(g.byFunction).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      bars.push({ fn, gas, calls, gasPerCall: calls > 0 ? Math.round(gas / calls) : 0, usd: roundTo(gas * g.gasPriceGwei * 1e-9 * g.ethUsd, 4), run: label });
    }
  }
  if (bars.length === 0) return null;
  const title = 'Gas by contract function (gas units)';
  return {
    name: 'gas-by-function',
    title,
    description: `Total gas each contract function used during the run, largest first; the tooltip adds calls, gas per call and the cost in USD at ${[...new Set(prices)].join('; ')}.`,
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      title: { text: title, subtitle: `Cost at ${[...new Set(prices)].join('; ')}` },
      width: CHART_WIDTH - 200,
      config: CHART_CONFIG,
      data: { values: bars },
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'fn', type: 'nominal', title: 'Contract.function', axis: { labelLimit: 320 }, sort: { field: 'gas', op: 'sum', order: 'descending' } },
        x: { field: 'gas', type: 'quantitative', title: 'Gas used (gas units)', axis: { format: '~s' } },
        color: { field: 'run', type: 'nominal', title: 'Run', ...(runs.length === 1 ? { legend: null } : {}) },
        ...(runs.length > 1 ? { yOffset: { field: 'run', type: 'nominal' } } : {}),
        tooltip: [
          { field: 'fn', type: 'nominal', title: 'Function' },
          { field: 'gas', type: 'quantitative', title: 'Gas', format: ',' },
          { field: 'calls', type: 'quantitative', title: 'Calls', format: ',' },
          { field: 'gasPerCall', type: 'quantitative', title: 'Gas per call', format: ',' },
          { field: 'usd', type: 'quantitative', title: 'Cost (USD)', format: ',.2f' },
        ],
      },
    },
  };
}
