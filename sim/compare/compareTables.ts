import { formatNumber } from '../metrics/index.ts';
import { escapeHtml, tokenAmountToNumber } from '../report/index.ts';
import type { GovernanceRecord } from './governanceRecord.ts';
import { HEADLINE_KPIS } from './headlineKpis.ts';
import type { PairedKpi } from './pairedKpis.ts';
import { describeDelta, type RankedEntry } from './rankProposals.ts';

/** Whole governance tokens (18 decimals) from base units, as the KPI tables print numbers. */
const tokens = (units: string): string => formatNumber({ value: tokenAmountToNumber({ amount: BigInt(units), decimals: 18 }), decimals: 0, display: true });

const table = (head: readonly string[], rows: readonly string[], className = 'kpi') =>
  `<div class="scroll"><table class="${className}"><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>\n${rows.map((r) => `<tr>${r}</tr>`).join('\n')}\n</tbody></table></div>`;

/** propose → vote → queue → execute, as UTC times (the Governor's timestamp clock). */
function timelineText(timeline: GovernanceRecord['timeline']): string {
  const steps: [string, string][] = [
    ['proposed', 'proposed'],
    ['snapshot', 'voting opens'],
    ['deadline', 'voting closes'],
    ['queued', 'queued'],
    ['executed', 'executed'],
  ];
  return steps
    .filter(([key]) => timeline[key] !== null && timeline[key] !== undefined)
    .map(([key, name]) => `${name} ${new Date(Number(timeline[key]) * 1000).toISOString().slice(0, 16).replace('T', ' ')}`)
    .join(' → ');
}

/** One row per run: the proposal (title, description, changes) and its governance record; the status quo has none. */
export function proposalsTable(runs: readonly { label: string; governance: GovernanceRecord | null }[]): string {
  const head = ['Run', 'Proposal', 'Outcome', 'For / against / abstain (PGOV)', 'Quorum (PGOV)', 'Voters', 'Propose → vote → queue → execute (UTC)', 'Timelock calls', 'Governance gas'];
  const rows = runs.map(({ label, governance: g }) => {
    if (g === null) return `<th scope="row">${escapeHtml(label)}</th><td>The scenario as is (the reference of every Δ)</td><td>no vote</td>${'<td>–</td>'.repeat(6)}`;
    const changes = g.proposal.changes.map((c) => `${c.parameter} = ${typeof c.value === 'string' ? c.value : JSON.stringify(c.value)}`).join('; ');
    return [
      `<th scope="row">${escapeHtml(label)}</th>`,
      `<td><strong>${escapeHtml(g.proposal.title)}</strong><span class="kpi-detail">${escapeHtml(g.proposal.description)}</span><span class="kpi-detail">${escapeHtml(changes)}</span></td>`,
      `<td>${g.status === 'executed' ? 'passed, executed' : 'defeated, not applied'}</td>`,
      `<td>${tokens(g.votes.for)} / ${tokens(g.votes.against)} / ${tokens(g.votes.abstain)}</td>`,
      `<td>${tokens(g.votes.quorum)}</td>`,
      `<td>${g.votes.voters} of ${g.votes.holders}</td>`,
      `<td>${escapeHtml(timelineText(g.timeline))}</td>`,
      `<td>${g.actions.map(escapeHtml).join('<br>')}</td>`,
      `<td>${formatNumber({ value: Number(g.gasUsed), display: true })}</td>`,
    ].join('');
  });
  return table(head, rows);
}

/** The ranking, best first, each with its one-sentence reason. */
export function verdictList(ranking: readonly RankedEntry[]): string {
  const items = ranking.map((r) => `<li data-run="${escapeHtml(r.label)}"><strong>${escapeHtml(r.label)}</strong> — ${escapeHtml(r.reason)}</li>`);
  return `<ol class="verdict">\n${items.join('\n')}\n</ol>`;
}

const p = (v: number | null) => (v === null ? '–' : v < 0.0001 ? '< 0.0001' : v.toFixed(4));

/** Per proposal and headline KPI: mean paired Δ, 95 % interval, p (raw and Holm) and the verdict. */
export function pairedTable(paired: readonly { label: string; kpis: readonly PairedKpi[] }[]): string {
  const head = ['Proposal', 'KPI (better)', 'Mean Δ vs status quo (95 % CI)', 'Seeds', 'p', 'p (Holm)', 'Verdict'];
  const rows = paired.flatMap(({ label, kpis }) =>
    kpis.map(
      (k) =>
        `<th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(k.label)} (${k.better})</td><td data-delta="${escapeHtml(k.path)}">${k.n === 0 ? 'n/a' : escapeHtml(describeDelta(k))}</td><td>${k.n}</td><td>${p(k.p)}</td><td>${p(k.pHolm)}</td><td class="verdict-${k.verdict.replace(/[^a-z]+/g, '-')}">${escapeHtml(k.verdict)}${k.note === undefined ? '' : `<span class="kpi-detail">${escapeHtml(k.note)}</span>`}</td>`,
    ),
  );
  return table(head, rows);
}

/** Per proposal and headline KPI, the Δ on every seed (proposal − status quo on the same seed). */
export function perSeedTable({ seeds, paired }: { seeds: readonly number[]; paired: readonly { label: string; kpis: readonly PairedKpi[] }[] }): string {
  const head = ['Proposal', 'KPI', ...seeds.map((s) => `seed ${s}`)];
  const rows = paired.flatMap(({ label, kpis }) =>
    kpis.map((k) => {
      const decimals = HEADLINE_KPIS.find((h) => h.path === k.path)?.decimals ?? 2;
      const cells = k.deltas.map((d) => `<td>${d === null ? 'n/a' : formatNumber({ value: d, decimals, display: true, signed: true })}</td>`);
      return `<th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(k.label)}${k.unit === '' ? '' : ` (${escapeHtml(k.unit)})`}</td>${cells.join('')}`;
    }),
  );
  return table(head, rows);
}
