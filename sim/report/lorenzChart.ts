import { formatNumber } from '../metrics/index.ts';
import { lorenzCurve } from './lorenzCurve.ts';
import { payoutAmounts } from './payoutAmounts.ts';
import { CHART_CONFIG, CHART_HEIGHT, type ChartBuilderParameters, type ReportChart, roundTo, VEGA_LITE_SCHEMA } from './reportChart.ts';

/**
 * Lorenz curve of payouts per token over all registered consumers holding it (non-participants
 * count as zero), with the Gini coefficient in the legend and the line of perfect equality.
 */
export function lorenzChart({ runs }: ChartBuilderParameters): ReportChart | null {
  const points: { population: number; share: number; series: string }[] = [];
  const ginis: string[] = [];
  for (const { label, run } of runs) {
    for (const [token, list] of payoutAmounts({ run }).byToken) {
      const curve = lorenzCurve({ amounts: list.map((c) => c.amount) });
      if (curve.gini === null) continue;
      const gini = `Gini ${formatNumber({ value: curve.gini, decimals: 3, display: true })}`;
      const series = `${runs.length > 1 ? `${label} · ` : ''}${token} (${gini}, ${formatNumber({ value: list.length, display: true })} consumers)`;
      ginis.push(series);
      for (const p of curve.points) points.push({ population: roundTo(100 * p.population, 3), share: roundTo(100 * p.share, 3), series });
    }
  }
  if (points.length === 0) return null;
  const title = 'Payout inequality: Lorenz curve per token (%)';
  return {
    name: 'payout-lorenz',
    title,
    description: `Consumers sorted from smallest to largest payout: the curve shows what share of a token's payouts went to the bottom x% of consumers (non-participants count as zero). The diagonal is perfect equality; ${ginis.join('; ')}.`,
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      title: { text: title, subtitle: 'Diagonal = everyone paid the same; Gini = area between diagonal and curve × 2' },
      width: CHART_HEIGHT + 40,
      height: CHART_HEIGHT + 40,
      config: CHART_CONFIG,
      layer: [
        {
          data: { values: [{ x: 0 }, { x: 100 }] },
          mark: { type: 'line', color: '#888', strokeDash: [4, 4] },
          encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'x', type: 'quantitative' } },
        },
        {
          data: { values: points },
          mark: { type: 'line', strokeWidth: 2 },
          encoding: {
            x: { field: 'population', type: 'quantitative', title: 'Consumers, smallest payout first (cumulative %)', scale: { domain: [0, 100] } },
            y: { field: 'share', type: 'quantitative', title: 'Payouts received (cumulative %)', scale: { domain: [0, 100] } },
            color: { field: 'series', type: 'nominal', title: 'Token', legend: { orient: 'bottom', direction: 'vertical' } },
            tooltip: [
              { field: 'series', type: 'nominal', title: 'Token' },
              { field: 'population', type: 'quantitative', title: 'Consumers (%)', format: '.1f' },
              { field: 'share', type: 'quantitative', title: 'Payouts (%)', format: '.1f' },
            ],
          },
        },
      ],
    },
  };
}
