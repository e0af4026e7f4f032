import { join } from 'node:path';
import { writeAtomic } from '../writeAtomic.ts';
import { citationsHtml } from './citationsHtml.ts';
import { datasetCitations } from './datasetCitations.ts';
import { escapeHtml } from './escapeHtml.ts';
import { kpiRows } from './kpiRows.ts';
import { readRunDirectory } from './readRunDirectory.ts';
import { renderChartFiles } from './renderChartFiles.ts';
import { renderHtmlPage } from './renderHtmlPage.ts';
import { renderEventTable } from './renderEventTable.ts';
import { renderKpiTable } from './renderKpiTable.ts';
import { reportCharts } from './reportCharts.ts';
import type { RunSummary } from './runDirectorySchema.ts';

export interface WriteReportParameters {
  /** The run directory (`peaklab run` output); the report is written into it. */
  runDir: string;
  /** Folders holding dataset manifests for the citations (default: datasets/ and datasets/subsets/). */
  manifestDirs?: readonly string[];
}

export interface WriteReportResult {
  /** Absolute path of report.html. */
  html: string;
  /** Absolute path of the charts folder. */
  chartsDir: string;
  /** Chart names, in page order. */
  charts: string[];
}

/**
 * `peaklab report`: reads a run directory and writes into it `report.html` (self-contained, works
 * offline) and `charts/<name>.{vl.json,svg,png}` for every chart. Same run directory ⇒ same bytes.
 */
export async function writeReport({ runDir, manifestDirs }: WriteReportParameters): Promise<WriteReportResult> {
  const run = readRunDirectory({ dir: runDir });
  // Named after the scenario (summary.json), not the --out folder the user happened to pick.
  const label = run.summary.scenario.name;
  const runs = [{ label, run }];
  const groups = reportCharts({ runs });
  const charts = groups.flatMap((g) => g.charts);
  const chartsDir = join(run.dir, 'charts');
  await renderChartFiles({ charts, dir: chartsDir });
  const s = run.summary;
  const tools = Object.entries(run.manifest.tools)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const footerHtml = [
    citationsHtml({ citations: datasetCitations({ manifest: run.manifest, manifestDirs }) }),
    `<p>Scenario <strong>${escapeHtml(s.scenario.name)}</strong>, seed ${s.scenario.seed}, scenario sha256 <code>${escapeHtml(s.scenario.sha256)}</code>${
      s.resultsSha256 === undefined ? '' : `, results sha256 <code>${escapeHtml(s.resultsSha256)}</code>`
    }.${tools === '' ? '' : ` Tools: ${escapeHtml(tools)}.`}</p>`,
  ].join('\n');
  const html = renderHtmlPage({
    title: `peaklab run report — ${s.scenario.name}`,
    subtitle: `${s.period.start} … ${s.period.end} (${s.period.timezone}, ${s.period.intervalMinutes}-minute intervals) · seed ${s.scenario.seed} · ${s.consumers} consumers · ${s.events} DR events`,
    sections: [
      {
        id: 'kpis',
        title: 'Key figures',
        intro: 'From summary.json. Token amounts are in human units (smallest units ÷ 10^decimals); USD at the scenario’s prices.',
        html: `${peakNote(s)}${renderKpiTable({ columns: [{ label, rows: kpiRows({ summary: s }) }] })}`,
      },
      { id: 'events', title: 'DR events', intro: 'From events.jsonl, in call order.', html: `<div class="scroll">${renderEventTable({ run })}</div>` },
      ...groups.map((g) => ({ id: g.id, title: g.title, charts: g.charts })),
    ],
    footerHtml,
  });
  const htmlPath = join(run.dir, 'report.html');
  writeAtomic({ path: htmlPath, content: html });
  return { html: htmlPath, chartsDir, charts: charts.map((c) => c.name) };
}

/** Why the system peak fell by less (or more) than the events cut, from summary.json `peak.explanation`. */
function peakNote(s: RunSummary): string {
  if (s.peak.explanation === undefined) return '';
  return `<p class="peak-note"><strong>Where the peak moved.</strong> ${escapeHtml(s.peak.explanation)}</p>\n`;
}
