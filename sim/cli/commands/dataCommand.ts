/**
 * `peaklab data list [--data DIR]` — the data root in use and the dataset views available there.
 * `peaklab data check <name> [--data DIR] [--findings FILE.csv]` — loads a view (sha256, parsing,
 * data-quality policy), prints its shape and the findings summary, optionally writes every finding
 * as CSV. Exit code 1 when the dataset breaks its policy.
 */
import { resolve } from 'node:path';
import { from as tableFrom } from 'arquero';
import { Command } from 'commander';
import { listManifests, loadDataset, manifestsDir, resolveDataRoot, summarizeFindings } from '../../data/index.ts';
import { writeAtomic } from '../../writeAtomic.ts';

const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');

export function dataCommand(): Command {
  const data = new Command('data').description('Dataset views: where the data root is, what is available, and data-quality checks');
  data
    .command('list')
    .description('Show the data root (--data > PEAKLAB_DATA > ../shared/datasets > datasets/subsets) and the dataset views')
    .option('--data <dir>', 'data root')
    .action((options: { data?: string }) => {
      const r = resolveDataRoot({ data: options.data, env: process.env });
      const own = listManifests(r.dataRoot);
      const views = own.length > 0 ? own : listManifests(manifestsDir);
      process.stdout.write(`data root: ${r.dataRoot} (from ${r.source})\nmanifests: ${own.length > 0 ? r.dataRoot : manifestsDir}\n`);
      for (const v of views) process.stdout.write(`  ${v}\n`);
    });
  data
    .command('check')
    .description('Load a dataset view: verify sha256, parse, apply its data-quality policy, summarise the findings')
    .argument('<name>', 'dataset view (manifest name)')
    .option('--data <dir>', 'data root')
    .option('--findings <file>', 'write every finding as CSV')
    .action(async (name: string, options: { data?: string; findings?: string }) => {
      let findingsSeen: Parameters<typeof summarizeFindings>[0]['findings'][number][] = [];
      const writeFindings = () => {
        if (!options.findings) return;
        const path = resolve(options.findings);
        const rows = findingsSeen.map((f) => ({ ...f, line: f.line ?? '' }));
        writeAtomic({ path, content: rows.length > 0 ? tableFrom(rows).toCSV() + '\n' : 'kind,column,timestamp,file,line,count,action,message\n' });
        process.stdout.write(`findings: ${path}\n`);
      };
      try {
        const r = await loadDataset({ name, data: options.data, env: process.env, onFinding: (f) => findingsSeen.push(f) });
        const f = r.frame;
        process.stdout.write(
          [
            `${f.name}: ${f.length} intervals of ${f.stepMs / 60_000} min, ${iso(f.start)} … ${iso(f.time[f.length - 1]!)} (${f.timezone})`,
            `data root: ${r.dataRoot}`,
            `manifest: ${r.manifestPath}`,
            ...r.files.map((x) => `  ${x.path}  sha256 ${x.sha256} ok`),
            `columns: ${[...f.columns.keys()].map((c) => `${c} [${f.units.get(c)}]`).join(', ')}`,
            `roles: ${JSON.stringify(f.roles)}`,
            'findings:',
            `  ${r.summary.replaceAll('\n', '\n  ')}`,
            '',
          ].join('\n'),
        );
        writeFindings();
      } catch (error) {
        if (findingsSeen.length > 0) {
          process.stdout.write(`findings:\n  ${summarizeFindings({ findings: findingsSeen }).text.replaceAll('\n', '\n  ')}\n`);
          writeFindings();
        }
        findingsSeen = [];
        throw error;
      }
    });
  return data;
}
