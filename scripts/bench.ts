/**
 * `npm run bench [-- scenarios/x.yaml …]`: runs scenarios end to end (default: scenarios/reference.yaml, 10,000
 * consumers × 122 days) with `peaklab run`'s code path and prints what the run cost: wall time, consumer-intervals
 * per second, transactions per second, gas per consumer-event and peak memory (process.resourceUsage().maxRSS).
 * A benchmark prints numbers; it asserts nothing. Runs go to reports/bench/<scenario name>/.
 */
import { basename, join } from 'node:path';
import { runScenario } from '../sim/cli/commands/run.ts';

const scenarios = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const list = scenarios.length > 0 ? scenarios : ['scenarios/reference.yaml'];
const lines: string[] = [];
for (const path of list) {
  const name = basename(path).replace(/\.ya?ml$/, '');
  const report = await runScenario(path, { out: join('reports', 'bench', name), quiet: true }, (line) => process.stderr.write(`${line}\n`));
  lines.push(
    [
      name.padEnd(12),
      `${report.wallSeconds.toFixed(1)} s`.padStart(9),
      `${Math.round(report.consumerIntervals / report.wallSeconds).toLocaleString('en-US')} consumer-intervals/s (period only ${Math.round(report.periodConsumerIntervals / report.wallSeconds).toLocaleString('en-US')})`.padStart(52),
      `${(report.transactions / report.wallSeconds).toFixed(0)} tx/s (${report.transactions.toLocaleString('en-US')} tx)`.padStart(22),
      `${report.gasPerConsumerEvent?.toLocaleString('en-US') ?? '–'} gas per consumer-event`.padStart(32),
      `peak memory ${report.maxRssMb.toFixed(0)} MB`,
    ].join('  '),
  );
}
process.stdout.write(`\npeaklab bench (simulation wall time: data, chain, day cycle, cross-check, files; the report is extra)\n${lines.join('\n')}\n`);
