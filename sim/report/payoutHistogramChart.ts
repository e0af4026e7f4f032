import { median } from 'simple-statistics';
import { formatNumber } from '../metrics/index.ts';
import { payoutAmounts } from './payoutAmounts.ts';
import { CHART_CONFIG, CHART_WIDTH, type ChartBuilderParameters, type ReportChart, roundTo, VEGA_LITE_SCHEMA } from './reportChart.ts';

interface PayoutPoint {
  token: string;
  archetype: string;
  payout: number;
  run: string;
}

/**
 * Histogram of payouts per consumer who took part in at least one event, one panel per token and archetype (human
 * units), each with its own payout axis: an industrial site earns a hundred times a household, so one shared axis
 * puts almost every consumer in the first bin.
 */
export function payoutHistogramChart({ runs }: ChartBuilderParameters): ReportChart | null {
  const values: PayoutPoint[] = [];
  for (const { label, run } of runs) {
    for (const [token, list] of payoutAmounts({ run }).byToken) {
      for (const c of list) if (c.participated > 0) values.push({ token, archetype: c.archetype, payout: roundTo(c.amount, 6), run: label });
    }
  }
  if (values.length === 0) return null;
  const panels = [...new Set(values.map((v) => `${v.token}\u0000${v.archetype}`))].sort().map((key) => {
    const [token, archetype] = key.split('\u0000') as [string, string];
    const amounts = values.filter((v) => v.token === token && v.archetype === archetype).map((v) => v.payout);
    return { token, archetype, count: amounts.length, median: median(amounts) };
  });
  const title = 'Payout per participating consumer, by archetype (token units)';
  return {
    name: 'payout-histogram',
    title,
    description:
      'How many consumers earned how much over the whole run (consumers.csv entitlement, divided by the token’s decimals), counting consumers who took part in at least one event. One panel per payout token and archetype, each with its own payout axis.',
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      title: { text: title, subtitle: 'Consumers who took part in at least one event; each panel has its own payout axis' },
      config: CHART_CONFIG,
      data: { values },
      columns: 2,
      concat: panels.map(({ token, archetype, count, median: m }) => ({
        title: { text: `${archetype} (${formatNumber({ value: count, display: true })} consumers, median ${formatNumber({ value: m, decimals: 2, display: true })} ${token})`, fontSize: 12 },
        width: CHART_WIDTH / 2 - 60,
        height: 110,
        transform: [{ filter: { and: [{ field: 'token', equal: token }, { field: 'archetype', equal: archetype }] } }],
        mark: { type: 'bar', opacity: 0.75, binSpacing: 1 },
        encoding: {
          x: { field: 'payout', type: 'quantitative', bin: { maxbins: 15 }, title: `Payout over the run (${token})`, axis: { labelOverlap: 'greedy', labelSeparation: 6 } },
          y: { aggregate: 'count', type: 'quantitative', title: 'Consumers (count)', stack: null, axis: { tickMinStep: 1 } },
          color: { field: 'run', type: 'nominal', title: 'Run', ...(runs.length === 1 ? { legend: null } : {}) },
          tooltip: [
            { field: 'payout', type: 'quantitative', bin: { maxbins: 15 }, title: `Payout bin (${token})` },
            { aggregate: 'count', type: 'quantitative', title: 'Consumers' },
          ],
        },
      })),
    },
  };
}
