import { relative } from 'node:path';
import { Command } from 'commander';
import { UsageError } from '../../errors.ts';
import { inspectReportInBrowser, writeReport } from '../../report/index.ts';

interface Options {
  quiet?: boolean;
  screenshot?: string;
}

/** `peaklab report <run-dir>` — writes report.html and charts/ into a run directory. */
export function reportCommand(): Command {
  return new Command('report')
    .description('Write report.html (self-contained, works offline) and charts/<name>.{svg,png,vl.json} into a run directory')
    .argument('<run-dir>', 'folder written by `peaklab run` (holds summary.json, timeseries.csv, …)')
    .option('--screenshot <png>', 'also open report.html in headless chromium, check every chart rendered, and save a full-page PNG')
    .option('--quiet', 'print nothing on success')
    .action(async (runDir: string, options: Options) => {
      const result = await writeReport({ runDir });
      const shown = (path: string) => relative(process.cwd(), path) || '.';
      if (options.screenshot !== undefined) {
        const seen = await inspectReportInBrowser({ html: result.html, screenshot: options.screenshot });
        const blank = seen.charts.filter((c) => c.width <= 0 || c.height <= 0 || c.marks === 0).map((c) => c.name);
        if (seen.failed.length > 0 || seen.rendered !== result.charts.length || blank.length > 0 || seen.problems.length > 0) {
          throw new UsageError('The report did not render cleanly in chromium', {
            details: [
              `${shown(result.html)}: ${seen.rendered} of ${result.charts.length} charts rendered`,
              ...seen.failed.map((f) => `failed: ${f}`),
              ...blank.map((b) => `blank chart: ${b}`),
              ...seen.problems,
            ].join('\n'),
            hint: 'Open the page in a browser and read its console; the chart specs are in charts/<name>.vl.json.',
          });
        }
      }
      if (options.quiet === true) return;
      process.stdout.write(`peaklab: wrote ${shown(result.html)} and ${result.charts.length} charts in ${shown(result.chartsDir)}/ (svg, png, vl.json)\n`);
      if (options.screenshot !== undefined) process.stdout.write(`peaklab: every chart rendered in chromium; screenshot ${shown(options.screenshot)}\n`);
    });
}
