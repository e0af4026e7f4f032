/**
 * `peaklab check <scenario.yaml>… --golden DIR [--update]`: the CI regression gate. Reruns each scenario and
 * compares the economic outcomes of its summary.json with `<DIR>/<scenario-name>.json`; prints metric, golden,
 * now, delta, tolerance and status; exits 1 on any breach (or missing metric), 0 otherwise. `--update` rewrites
 * the golden files from the runs, keeping their metrics and tolerances.
 */
import { relative } from 'node:path';
import { Command, CommanderError } from 'commander';
import { checkScenario, formatCheckTable } from '../../check/index.ts';
import { toolVersions } from './run.ts';

interface CheckOptions {
  golden: string;
  update?: boolean;
  keep?: string;
  rpcUrl?: string;
  data?: string;
  quiet?: boolean;
}

/** `peaklab check`. */
export function checkCommand(): Command {
  return new Command('check')
    .description('Rerun scenarios and compare their economic outcomes with golden files (exit 1 on a breach): the CI regression gate')
    .argument('<scenarios...>', 'scenario files, e.g. scenarios/quickstart.yaml')
    .requiredOption('--golden <dir>', 'folder of the golden files, <dir>/<scenario-name>.json (e.g. reports/golden/)')
    .option('--update', 'rewrite the golden files from these runs (keeps each file’s metrics and tolerances)')
    .option('--keep <dir>', 'keep the run directories in <dir>/<scenario-name>/ (default: not written)')
    .option('--rpc-url <url>', 'use a running anvil instead of starting an embedded one per run')
    .option('--data <dir>', 'folder holding the datasets (as for peaklab run)')
    .option('--quiet', 'print only the tables and the verdict')
    .action(async (scenarioPaths: string[], options: CheckOptions) => {
      const failed: string[] = [];
      for (const scenarioPath of scenarioPaths) {
        const result = await checkScenario({
          scenarioPath,
          goldenDir: options.golden,
          update: options.update === true,
          keepRunDir: options.keep === undefined ? undefined : `${options.keep}/${scenarioPath.replace(/^.*\//, '').replace(/\.ya?ml$/, '')}`,
          tag: String(process.pid),
          rpcUrl: options.rpcUrl,
          data: options.data,
          env: process.env,
          tools: toolVersions(),
          onProgress: (p) => {
            if (options.quiet !== true && p.phase !== 'day') process.stdout.write(`[${relative(process.cwd(), scenarioPath)}] ${p.message}\n`);
          },
        });
        const golden = relative(process.cwd(), result.golden);
        if (result.action !== 'compared') {
          process.stdout.write(`peaklab check: ${result.action} ${golden} from this run of ${result.scenario} (${result.rows.length} metrics)\n`);
          continue;
        }
        process.stdout.write(`\npeaklab check: ${result.scenario} against ${golden}\n${formatCheckTable({ rows: result.rows })}\n`);
        const bad = result.rows.filter((r) => r.status !== 'ok');
        process.stdout.write(result.passed ? `${result.scenario}: all ${result.rows.length} metrics within tolerance\n` : `${result.scenario}: ${bad.length} of ${result.rows.length} metrics outside tolerance (${bad.map((r) => r.metric).join(', ')})\n`);
        if (!result.passed) failed.push(result.scenario);
      }
      if (failed.length > 0) {
        process.stderr.write(`peaklab check: FAILED for ${failed.join(', ')}. If the change is intended, rerun with --update and commit the golden files.\n`);
        throw new CommanderError(1, 'peaklab.check.failed', `regression check failed for ${failed.join(', ')}`);
      }
    });
}
