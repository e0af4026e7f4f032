import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatNumber } from '../metrics/index.ts';
import {
  escapeHtml,
  type KpiRow,
  kpiRows,
  readRunDirectory,
  renderChartFiles,
  renderHtmlPage,
  renderKpiTable,
  reportCharts,
  tokenAmountToNumber,
} from '../report/index.ts';
import { writeAtomic } from '../writeAtomic.ts';
import type { GovernanceRecord } from './governanceRecord.ts';

/** One run of a comparison: a proposal applied to the scenario, and the run directory it produced. */
export interface CompareRun {
  /** Column label (the proposal file's name without .yaml). */
  label: string;
  /** The run directory (`peaklab run` format). */
  dir: string;
  governance: GovernanceRecord;
}

export interface WriteCompareReportParameters {
  /** Folder of the comparison: compare.html, compare.json and charts/ are written here. */
  out: string;
  scenario: { name: string; file: string; sha256: string; seed: number };
  runs: readonly CompareRun[];
}

export interface WriteCompareReportResult {
  html: string;
  json: string;
  charts: string[];
}

/** One KPI across runs, as compare.json lists it: values in each run, and deltas to the first run. */
export interface CompareKpi {
  id: string;
  group: string;
  label: string;
  unit: string;
  values: (number | null)[];
  text: string[];
  /** value − first run's value (null for the first run, or when either is missing). */
  deltas: (number | null)[];
}

/** Whole governance tokens (18 decimals) from base units, as the KPI tables print numbers. */
const tokens = (units: string): string => formatNumber({ value: tokenAmountToNumber({ amount: BigInt(units), decimals: 18 }), decimals: 0, display: true });

/** KPIs of every run lined up by id (first-seen order), with deltas to the first run. */
export function compareKpis({ columns }: { columns: readonly (readonly KpiRow[])[] }): CompareKpi[] {
  const order: KpiRow[] = [];
  const seen = new Set<string>();
  for (const rows of columns) {
    for (const row of rows) {
      if (!seen.has(row.id)) {
        seen.add(row.id);
        order.push(row);
      }
    }
  }
  const maps = columns.map((rows) => new Map(rows.map((r) => [r.id, r])));
  return order.map((row) => {
    const cells = maps.map((m) => m.get(row.id));
    const round = (v: number) => Number(v.toFixed(Math.max(row.decimals, 6)));
    const values = cells.map((c) => (c?.value === undefined || c.value === null || !Number.isFinite(c.value) ? null : round(c.value)));
    return {
      id: row.id,
      group: row.group,
      label: row.label,
      unit: row.unit,
      values,
      text: cells.map((c) => c?.text ?? '–'),
      deltas: values.map((v, i) => (i === 0 || v === null || values[0] === null ? null : round(v - (values[0] as number)))),
    };
  });
}

function proposalsTable(runs: readonly CompareRun[]): string {
  const head = ['Run', 'Proposal', 'Outcome', 'For / against / abstain (PGOV)', 'Quorum (PGOV)', 'Voters', 'Timelock calls', 'Governance gas'];
  const body = runs.map(({ label, governance: g }) =>
    [
      `<th scope="row">${escapeHtml(label)}</th>`,
      `<td>${escapeHtml(g.proposal.title)}<span class="kpi-detail">${escapeHtml(g.proposal.changes.map((c) => `${c.parameter} = ${typeof c.value === 'string' ? c.value : JSON.stringify(c.value)}`).join('; '))}</span></td>`,
      `<td>${g.status === 'executed' ? 'passed, executed' : 'defeated, not applied'}</td>`,
      `<td>${tokens(g.votes.for)} / ${tokens(g.votes.against)} / ${tokens(g.votes.abstain)}</td>`,
      `<td>${tokens(g.votes.quorum)}</td>`,
      `<td>${g.votes.voters} of ${g.votes.holders}</td>`,
      `<td>${g.actions.map(escape).join('<br>')}</td>`,
      `<td>${formatNumber({ value: Number(g.gasUsed), display: true })}</td>`,
    ].join(''),
  );
  return `<div class="scroll"><table class="kpi"><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>\n${body.map((r) => `<tr>${r}</tr>`).join('\n')}\n</tbody></table></div>`;
}

/**
 * Writes the comparison of several proposal runs of one scenario: `compare.json` (scenario, each run's
 * proposal and governance outcome, KPIs side by side with deltas to the first run), `compare.html` (the
 * proposals and their votes, the KPI table with Δ columns, every report chart with the runs overlaid) and
 * `charts/`. Same runs ⇒ same bytes.
 */
export async function writeCompareReport({ out, scenario, runs }: WriteCompareReportParameters): Promise<WriteCompareReportResult> {
  mkdirSync(out, { recursive: true });
  const loaded = runs.map((r) => ({ label: r.label, run: readRunDirectory({ dir: r.dir }) }));
  const columns = loaded.map(({ run }) => kpiRows({ summary: run.summary }));
  const kpis = compareKpis({ columns });
  const compare = {
    schema: 'peaklab/compare@1',
    scenario,
    runs: runs.map((r, i) => ({
      label: r.label,
      dir: relative(out, r.dir) || '.',
      resultsSha256: loaded[i].run.summary.resultsSha256 ?? null,
      governance: r.governance,
    })),
    kpis,
  };
  const jsonPath = join(out, 'compare.json');
  writeAtomic({ path: jsonPath, content: `${JSON.stringify(compare, null, 2)}\n` });

  const groups = reportCharts({ runs: loaded });
  const charts = groups.flatMap((g) => g.charts);
  await renderChartFiles({ charts, dir: join(out, 'charts') });
  const first = loaded[0].run.summary;
  const html = renderHtmlPage({
    title: `peaklab compare — ${scenario.name}`,
    subtitle: `${first.period.start} … ${first.period.end} (${first.period.timezone}) · seed ${scenario.seed} · ${runs.length} proposals, each voted on the real Governor before the season · Δ against ${runs[0].label}`,
    sections: [
      {
        id: 'proposals',
        title: 'Proposals',
        intro:
          'Each run deploys the scenario, puts one proposal through PeaklabGovernor (seeded token holders delegate and vote; a passed proposal is queued in the timelock and executed after its delay) and then simulates the season. A defeated proposal changes nothing.',
        html: proposalsTable(runs),
      },
      {
        id: 'kpis',
        title: 'Key figures',
        intro: `From each run’s summary.json; Δ columns against ${runs[0].label} (percentage points for % rows).`,
        html: renderKpiTable({ columns: loaded.map(({ label }, i) => ({ label, rows: columns[i] })) }),
      },
      ...groups.map((g) => ({ id: g.id, title: g.title, charts: g.charts })),
    ],
    footerHtml: `<p>Scenario <strong>${escapeHtml(scenario.name)}</strong> (${escapeHtml(scenario.file)}, sha256 <code>${escapeHtml(scenario.sha256)}</code>), seed ${scenario.seed}. Run directories: ${runs
      .map((r) => `<a href="${escapeHtml(relative(out, r.dir))}/summary.json">${escapeHtml(r.label)}</a>`)
      .join(', ')}.</p>`,
  });
  const htmlPath = join(out, 'compare.html');
  writeAtomic({ path: htmlPath, content: html });
  return { html: htmlPath, json: jsonPath, charts: charts.map((c) => c.name) };
}
