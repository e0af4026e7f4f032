import { formatNumber } from '../metrics/index.ts';
import { HEADLINE_KPIS } from './headlineKpis.ts';
import type { PairedKpi } from './pairedKpis.ts';

/** The label the status quo has in every table, ranking and folder. */
export const STATUS_QUO = 'status-quo';

export interface RankedEntry {
  rank: number;
  label: string;
  /** KPIs (paths) on which the proposal is better / worse than the status quo. */
  better: string[];
  worse: string[];
  /** better − worse (0 for the status quo). */
  score: number;
  /** The verdict in one sentence. */
  reason: string;
}

export interface RankProposalsParameters {
  proposals: readonly { label: string; status: 'executed' | 'defeated'; kpis: readonly PairedKpi[] }[];
  seeds: number;
  alpha: number;
}

/** The rule the ranking follows, as compare.json and the page state it. */
export const RANKING_RULE =
  'Ranked by the number of headline KPIs on which a run is better than the status quo minus those on which it is worse (paired t-test per KPI, Holm-corrected across the KPIs at family-wise α), ties broken by the mean Δ of net benefit, then of peak reduction; the status quo scores 0.';

const decimalsOf = (path: string) => HEADLINE_KPIS.find((k) => k.path === path)?.decimals ?? 2;

/** "+412.3 kW (95 % CI +210.0 to +614.5)" */
export function describeDelta(kpi: PairedKpi): string {
  const d = decimalsOf(kpi.path);
  const num = (v: number | null) => formatNumber({ value: v, decimals: d, display: true, signed: true });
  const unit = kpi.unit === '' ? '' : ` ${kpi.unit}`;
  return `${num(kpi.mean)}${unit} (95 % CI ${num(kpi.low)} to ${num(kpi.high)})`;
}

function reasonFor({ label, status, kpis }: RankProposalsParameters['proposals'][number], seeds: number, alpha: number): string {
  const named = (verdict: string) => kpis.filter((k) => k.verdict === verdict).map((k) => `${k.label.charAt(0).toLowerCase()}${k.label.slice(1)} ${describeDelta(k)}`);
  const better = named('better');
  const worse = named('worse');
  const unclear = kpis.filter((k) => k.verdict === 'not distinguishable').length;
  const na = kpis.filter((k) => k.verdict === 'n/a').length;
  const basis = `over ${seeds} seed${seeds === 1 ? '' : 's'}, Holm α = ${alpha}`;
  const defeated = status === 'defeated' ? ' — the vote defeated it, so only its governance gas differs' : '';
  if (better.length === 0 && worse.length === 0) return `${label} is not distinguishable from the status quo on any headline KPI (${basis}${na > 0 ? `; ${na} n/a` : ''})${defeated}.`;
  const parts = [better.length > 0 ? `better than the status quo on ${better.join(' and ')}` : '', worse.length > 0 ? `worse on ${worse.join(' and ')}` : ''].filter((p) => p !== '');
  return `${label} is ${parts.join(', ')}; not distinguishable on ${unclear} and n/a on ${na} KPI${na === 1 ? '' : 's'} (${basis})${defeated}.`;
}

/** Proposals and the status quo ranked by the stated rule (`RANKING_RULE`), each with its verdict in one sentence. */
export function rankProposals({ proposals, seeds, alpha }: RankProposalsParameters): RankedEntry[] {
  const mean = (kpis: readonly PairedKpi[], path: string) => kpis.find((k) => k.path === path)?.mean ?? 0;
  const entries = [
    { label: STATUS_QUO, better: [], worse: [], score: 0, net: 0, peak: 0, order: -1, reason: `${STATUS_QUO} is the scenario as is: every Δ is measured against it.` },
    ...proposals.map((p, order) => {
      const better = p.kpis.filter((k) => k.verdict === 'better').map((k) => k.path);
      const worse = p.kpis.filter((k) => k.verdict === 'worse').map((k) => k.path);
      return { label: p.label, better, worse, score: better.length - worse.length, net: mean(p.kpis, 'costEffectiveness.netBenefitUsd'), peak: mean(p.kpis, 'peak.reductionKw'), order, reason: reasonFor(p, seeds, alpha) };
    }),
  ];
  entries.sort((a, b) => b.score - a.score || b.net - a.net || b.peak - a.peak || a.order - b.order);
  return entries.map(({ label, better, worse, score, reason }, i) => ({ rank: i + 1, label, better, worse, score, reason }));
}
