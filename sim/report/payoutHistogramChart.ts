import { payoutAmounts } from './payoutAmounts.ts';
import { CHART_CONFIG, CHART_WIDTH, type ChartBuilderParameters, type ReportChart, roundTo, VEGA_LITE_SCHEMA } from './reportChart.ts';

/** Histogram of payouts per consumer who took part in at least one event, one panel per token (human units). */
export function payoutHistogramChart({ runs }: ChartBuilderParameters): ReportChart | null {
  const values: { token: string; payout: number; run: string }[] = [];
  for (const { label, run } of runs) {
    for (const [token, list] of payoutAmounts({ run }).byToken) {
      for (const c of list) if (c.participated > 0) values.push({ token, payout: roundTo(c.amount, 6), run: label });
    }
  }
  if (values.length === 0) return null;
  const tokens = [...new Set(values.map((v) => v.token))].sort();
  const title = 'Payout per participating consumer (token units)';
  return {
    name: 'payout-histogram',
    title,
    description:
      'How many consumers earned how much over the whole run (consumers.csv entitlement, divided by the token’s decimals), counting consumers who took part in at least one event. One panel per payout token.',
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      title: { text: title, subtitle: 'Consumers who took part in at least one event; one panel per token' },
      config: CHART_CONFIG,
      data: { values },
      vconcat: tokens.map((token) => ({
        width: CHART_WIDTH - 80,
        height: 140,
        transform: [{ filter: { field: 'token', equal: token } }],
        mark: { type: 'bar', opacity: 0.75, binSpacing: 1 },
        encoding: {
          x: { field: 'payout', type: 'quantitative', bin: { maxbins: 30 }, title: `Payout over the run (${token})` },
          y: { aggregate: 'count', type: 'quantitative', title: 'Consumers (count)', stack: null, axis: { tickMinStep: 1 } },
          color: { field: 'run', type: 'nominal', title: 'Run', ...(runs.length === 1 ? { legend: null } : {}) },
          tooltip: [
            { field: 'payout', type: 'quantitative', bin: { maxbins: 30 }, title: `Payout bin (${token})` },
            { aggregate: 'count', type: 'quantitative', title: 'Consumers' },
          ],
        },
      })),
    },
  };
}
