import { formatNumber } from '../metrics/index.ts';
import { CHART_CONFIG, CHART_WIDTH, type ChartBuilderParameters, type ReportChart, roundTo, VEGA_LITE_SCHEMA } from './reportChart.ts';

/** Functions drawn by name; the rest are summed into one "other" bar. */
const SHOWN_FUNCTIONS = 10;

/** The functions that used the most gas over all runs, largest first (ties by name), at most SHOWN_FUNCTIONS. */
function shownFunctions(runs: ChartBuilderParameters['runs']): string[] {
  const total = new Map<string, number>();
  for (const { run } of runs) for (const [fn, { gas }] of Object.entries(run.summary.gas.byFunction)) total.set(fn, (total.get(fn) ?? 0) + gas);
  const ranked = [...total].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  // Grouping a single function would only rename it.
  return ranked.slice(0, ranked.length <= SHOWN_FUNCTIONS + 1 ? ranked.length : SHOWN_FUNCTIONS).map(([fn]) => fn);
}

/**
 * Gas used per contract function over the whole run (summary.json gas.byFunction), the ten largest by name and the
 * long tail (deployments, governance, one-off set-up calls) as one "other" bar; calls and USD in the tooltip.
 */
export function gasByFunctionChart({ runs }: ChartBuilderParameters): ReportChart | null {
  const bars: { fn: string; gas: number; calls: number; gasPerCall: number; usd: number; run: string }[] = [];
  const prices: string[] = [];
  const order = shownFunctions(runs);
  const shown = new Set(order);
  const others = new Set(runs.flatMap(({ run }) => Object.keys(run.summary.gas.byFunction))).size - shown.size;
  const otherLabel = `other (${others} functions)`;
  for (const { label, run } of runs) {
    const g = run.summary.gas;
    prices.push(`${runs.length > 1 ? `${label}: ` : ''}${formatNumber({ value: g.gasPriceGwei, decimals: 2, display: true })} gwei, ${formatNumber({ value: g.ethUsd, decimals: 2, display: true })} USD/ETH`);
    const rows = new Map<string, { calls: number; gas: number }>();
    for (const [fn, { calls, gas }] of Object.entries(g.byFunction).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const key = shown.has(fn) ? fn : otherLabel;
      const r = rows.get(key) ?? { calls: 0, gas: 0 };
      rows.set(key, { calls: r.calls + calls, gas: r.gas + gas });
    }
    for (const [fn, { calls, gas }] of rows) {
      bars.push({ fn, gas, calls, gasPerCall: calls > 0 ? Math.round(gas / calls) : 0, usd: roundTo(gas * g.gasPriceGwei * 1e-9 * g.ethUsd, 4), run: label });
    }
  }
  if (bars.length === 0) return null;
  const title = 'Gas by contract function (gas units)';
  return {
    name: 'gas-by-function',
    title,
    description: `Total gas each contract function used during the run, the ten largest first and the rest summed as “other”; the tooltip adds calls, gas per call and the cost in USD at ${[...new Set(prices)].join('; ')}.`,
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      title: { text: title, subtitle: `Cost at ${[...new Set(prices)].join('; ')}` },
      width: CHART_WIDTH - 200,
      config: CHART_CONFIG,
      data: { values: bars },
      mark: { type: 'bar' },
      encoding: {
        // The title says what the bars are; an axis title would collide with the longest label.
        y: { field: 'fn', type: 'nominal', title: null, axis: { labelLimit: 320 }, sort: others > 0 ? [...order, otherLabel] : order },
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
