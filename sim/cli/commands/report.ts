import { relative } from 'node:path';
import { Command } from 'commander';
import { writeReport } from '../../report/index.ts';

interface Options {
  quiet?: boolean;
}

/** `peaklab report <run-dir>` — writes report.html and charts/ into a run directory. */
export function reportCommand(): Command {
  return new Command('report')
    .description('Write report.html (self-contained, works offline) and charts/<name>.{svg,png,vl.json} into a run directory')
    .argument('<run-dir>', 'folder written by `peaklab run` (holds summary.json, timeseries.csv, …)')
    .option('--quiet', 'print nothing on success')
    .action(async (runDir: string, options: Options) => {
      const result = await writeReport({ runDir });
      if (options.quiet === true) return;
      const shown = (path: string) => relative(process.cwd(), path) || '.';
      process.stdout.write(`peaklab: wrote ${shown(result.html)} and ${result.charts.length} charts in ${shown(result.chartsDir)}/ (svg, png, vl.json)\n`);
    });
}
