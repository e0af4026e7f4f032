import { mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatNumber } from '../metrics/index.ts';
import { escapeHtml, type KpiRow, kpiRows, readRunDirectory, renderChartFiles, renderHtmlPage, renderKpiTable, reportCharts } from '../report/index.ts';
import { writeAtomic } from '../writeAtomic.ts';
import { pairedTable, perSeedTable, proposalsTable, verdictList } from './compareTables.ts';
import type { GovernanceRecord } from './governanceRecord.ts';
import { type PairedKpi, pairedKpis } from './pairedKpis.ts';
import { HEADLINE_KPIS, readKpi } from './headlineKpis.ts';
import { RANKING_RULE, type RankedEntry, rankProposals } from './rankProposals.ts';

/** One run of a comparison: the status quo or a proposal applied to the scenario, on each seed. */
export interface CompareRun {
  /** Column label (the proposal file's name without .yaml; `status-quo` for the scenario as is). */
  label: string;
  /** The run directory of the first seed (`peaklab run` format): the KPI table and charts show it. */
  dir: string;
  /** The governance record (the same vote on every seed); null for the status quo. */
  governance: GovernanceRecord | null;
  /** Every seed's run directory (default: the first seed's only). */
  seeds?: readonly { seed: number; dir: string }[];
}

export interface WriteCompareReportParameters {
  /** Folder of the comparison: compare.html, compare.json and charts/ are written here. */
  out: string;
  scenario: { name: string; file: string; sha256: string; seed: number };
  /** The reference (the status quo) first, then the proposals. */
  runs: readonly CompareRun[];
  /** Family-wise error rate of the verdicts (default 0.05). */
  alpha?: number;
}

export interface WriteCompareReportResult {
  html: string;
  json: string;
  charts: string[];
  ranking: RankedEntry[];
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

/** The statistics every verdict rests on, as compare.json and the page state them. */
export const COMPARE_STATISTICS = {
  pairing: 'Each proposal runs on the same seeds as the status quo; Δ = proposal − status quo on the same seed.',
  interval: '95 % Student t interval of the mean paired Δ: mean ± t(0.975, n − 1) · sd / √n.',
  test: 'Two-sided paired t-test per KPI (H0: mean Δ = 0).',
  correction: 'Holm step-down across the headline KPIs of each proposal, family-wise α; better / worse when the Holm-adjusted p ≤ α, in the direction the KPI table calls better; otherwise not distinguishable.',
  usdPerKw: '$/kW is tested only when both runs’ peak reduction has a 95 % interval above zero on every seed; otherwise n/a.',
  ranking: RANKING_RULE,
};

/** Each headline KPI's values per seed of one run, read from its run directories' summary.json. */
function seedValues(run: CompareRun): Record<string, (number | null)[]> {
  const summaries = (run.seeds ?? [{ dir: run.dir }]).map((s) => JSON.parse(readFileSync(join(s.dir, 'summary.json'), 'utf8')) as unknown);
  return Object.fromEntries(HEADLINE_KPIS.map((k) => [k.path, summaries.map((summary) => readKpi({ summary, path: k.path }))]));
}

/** The paired analysis and the ranking: every run after the first against the first, seed by seed. */
function analyse(runs: readonly CompareRun[], alpha: number) {
  const reference = seedValues(runs[0]);
  const paired: { label: string; kpis: PairedKpi[] }[] = runs.slice(1).map((r) => ({ label: r.label, kpis: pairedKpis({ statusQuo: reference, proposal: seedValues(r), alpha }) }));
  const ranking = rankProposals({
    proposals: paired.map((p, i) => ({ ...p, status: runs[i + 1].governance?.status ?? 'executed' })),
    seeds: (runs[0].seeds ?? [runs[0]]).length,
    alpha,
  });
  return { paired, ranking };
}

/**
 * Writes the comparison of the status quo and several proposal runs of one scenario over several seeds:
 * `compare.json` (scenario, seeds, each run's proposal and governance record, the first seed's KPIs side by side,
 * the paired per-seed Δs with intervals and verdicts, the ranking and the rules behind them), `compare.html` (the
 * verdict first, then the same tables and every report chart of the first seed with the runs overlaid) and `charts/`.
 * Same runs ⇒ same bytes.
 */
export async function writeCompareReport({ out, scenario, runs, alpha = 0.05 }: WriteCompareReportParameters): Promise<WriteCompareReportResult> {
  mkdirSync(out, { recursive: true });
  const loaded = runs.map((r) => ({ label: r.label, run: readRunDirectory({ dir: r.dir }) }));
  const columns = loaded.map(({ run }) => kpiRows({ summary: run.summary }));
  const kpis = compareKpis({ columns });
  const seeds = (runs[0].seeds ?? [{ seed: scenario.seed, dir: runs[0].dir }]).map((s) => s.seed);
  const { paired, ranking } = analyse(runs, alpha);
  const compare = {
    schema: 'peaklab/compare@2',
    scenario,
    seeds,
    reference: runs[0].label,
    statistics: { ...COMPARE_STATISTICS, alpha },
    verdict: ranking,
    runs: runs.map((r, i) => ({
      label: r.label,
      dir: relative(out, r.dir) || '.',
      resultsSha256: loaded[i].run.summary.resultsSha256 ?? null,
      seeds: (r.seeds ?? [{ seed: scenario.seed, dir: r.dir }]).map((s) => ({ seed: s.seed, dir: relative(out, s.dir) || '.' })),
      governance: r.governance,
    })),
    paired,
    kpis,
  };
  const jsonPath = join(out, 'compare.json');
  writeAtomic({ path: jsonPath, content: `${JSON.stringify(compare, null, 2)}\n` });

  const groups = reportCharts({ runs: loaded });
  const charts = groups.flatMap((g) => g.charts);
  await renderChartFiles({ charts, dir: join(out, 'charts') });
  const first = loaded[0].run.summary;
  const ref = runs[0].label;
  const html = renderHtmlPage({
    title: `peaklab compare — ${scenario.name}`,
    subtitle: `${first.period.start} … ${first.period.end} (${first.period.timezone}) · ${seeds.length} seed${seeds.length === 1 ? '' : 's'} (${seeds.join(', ')}) · ${runs.length - 1} proposal${runs.length === 2 ? '' : 's'}, each voted on the real Governor before the season · Δ against ${ref}`,
    sections: [
      { id: 'verdict', title: 'Verdict', intro: `${RANKING_RULE} α = ${alpha}.`, html: verdictList(ranking) },
      { id: 'paired', title: `Paired Δ vs ${ref} over ${seeds.length} seeds`, intro: `${COMPARE_STATISTICS.pairing} ${COMPARE_STATISTICS.interval} ${COMPARE_STATISTICS.test} ${COMPARE_STATISTICS.correction} ${COMPARE_STATISTICS.usdPerKw}`, html: pairedTable(paired) },
      { id: 'per-seed', title: 'Δ on each seed', intro: `Proposal − ${ref} on the same seed.`, html: perSeedTable({ seeds, paired }) },
      {
        id: 'proposals',
        title: 'Proposals',
        intro:
          'Each proposal run deploys the scenario, puts the proposal through PeaklabGovernor (seeded token holders delegate and vote — the same holders and votes on every seed; a passed proposal is queued in the timelock and executed after its delay) and then simulates the season. A defeated proposal changes nothing.',
        html: proposalsTable(runs),
      },
      {
        id: 'kpis',
        title: `Key figures, seed ${seeds[0]}`,
        intro: `From each run’s summary.json on the first seed; Δ columns against ${ref} (percentage points for % rows).`,
        html: renderKpiTable({ columns: loaded.map(({ label }, i) => ({ label, rows: columns[i] })) }),
      },
      ...groups.map((g) => ({ id: g.id, title: `${g.title} (seed ${seeds[0]})`, charts: g.charts })),
    ],
    footerHtml: `<p>Scenario <strong>${escapeHtml(scenario.name)}</strong> (${escapeHtml(scenario.file)}, sha256 <code>${escapeHtml(scenario.sha256)}</code>), seeds ${seeds.join(', ')}. Run directories of the first seed: ${runs
      .map((r) => `<a href="${escapeHtml(relative(out, r.dir))}/summary.json">${escapeHtml(r.label)}</a>`)
      .join(', ')}.</p>`,
  });
  const htmlPath = join(out, 'compare.html');
  writeAtomic({ path: htmlPath, content: html });
  return { html: htmlPath, json: jsonPath, charts: charts.map((c) => c.name), ranking };
}
