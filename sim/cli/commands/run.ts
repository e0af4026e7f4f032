/**
 * `peaklab run <scenario.yaml> [--out DIR] [--seed N] [--rpc-url URL] [--data DIR] [--quiet]`: runs a scenario
 * end to end (sim/engine), builds its files and KPIs (sim/metrics), writes the run directory atomically (docs/run-directory.md) and the report.
 * The only place of the simulator that reads the wall clock (for the timings it prints), argv, TTY and signals.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { Command } from 'commander';
import { anvilBinaryPath, type ChainNode } from '../../chain/index.ts';
import { projectRoot } from '../../data/index.ts';
import { type RunProgress, runSimulation, tmpDirOf, writeRunDirectory } from '../../engine/index.ts';
import { buildRunFiles } from '../../metrics/index.ts';
import { writeReport } from '../../report/index.ts';
import { loadScenario } from '../../scenario/index.ts';
import { progressReporter } from '../progressReporter.ts';
import { withSeedOption } from '../withSeedOption.ts';

export interface RunOptions {
  out?: string;
  seed?: string;
  rpcUrl?: string;
  data?: string;
  quiet?: boolean;
}

/** Versions of the tools behind a run, for manifest.json. */
export function toolVersions(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const version = (pkg: string) => {
    try {
      return (require(`${pkg}/package.json`) as { version: string }).version;
    } catch {
      return 'unknown';
    }
  };
  let anvil = 'unknown';
  try {
    anvil = execFileSync(anvilBinaryPath(), ['--version'], { encoding: 'utf8' }).split('\n')[0]!.trim();
  } catch {
    // reported as unknown
  }
  const peaklab = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
  return { node: process.version, peaklab, anvil, forge: `@foundry-rs/forge ${version('@foundry-rs/forge')}`, solc: `solc (solcjs) ${version('solc')}`, viem: version('viem') };
}

/** The outcome of a run for people and benchmarks. */
export interface RunReport {
  dir: string;
  wallSeconds: number;
  /** Consumer-intervals simulated, warm-up days included. */
  consumerIntervals: number;
  /** Consumer-intervals of the scenario's period only. */
  periodConsumerIntervals: number;
  transactions: number;
  gasPerConsumerEvent: number | null;
  maxRssMb: number;
}

/** Runs a scenario and writes its run directory (and report); shared by the command and scripts/bench.ts. */
export async function runScenario(path: string, options: RunOptions, print: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<RunReport> {
  const started = performance.now();
  const { scenario: parsed, sha256, path: absolute } = loadScenario({ path });
  const scenario = withSeedOption({ scenario: parsed, seed: options.seed });
  const dir = resolve(options.out ?? join(scenario.outputs.dir, scenario.name));
  const tag = String(process.pid);
  const stamp = (text: string) => `[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${text}`;
  const progress = progressReporter({
    bar: process.stdout.isTTY === true && options.quiet !== true && !process.env.CI,
    format: 'peaklab run |{bar}| {value}/{total} days {message}',
    line: ({ done, total, payload }) => stamp(`day ${done}/${total} ${payload.message}`),
    write: print,
  });
  let node: ChainNode | undefined;
  const onSigint = () => {
    progress.stop();
    rmSync(tmpDirOf(dir, tag), { recursive: true, force: true });
    void node?.stop();
    process.stderr.write('peaklab: interrupted; the embedded chain was stopped and nothing was written\n');
    process.exit(130);
  };
  process.once('SIGINT', onSigint);
  process.once('SIGTERM', onSigint);
  const onProgress = (p: RunProgress) => {
    if (p.phase === 'day' && p.days !== undefined) return progress.step({ done: p.day ?? 0, total: p.days, payload: { message: p.message } });
    if (p.phase === 'finish') progress.stop();
    print(stamp(p.phase === 'day' ? `day ${p.day}/${p.days} ${p.message}` : p.message));
  };
  try {
    const result = await runSimulation({
      scenario,
      scenarioPath: absolute,
      scenarioSha256: sha256,
      rpcUrl: options.rpcUrl,
      data: options.data,
      env: process.env,
      onProgress,
      onNode: (n) => (node = n),
      tools: toolVersions(),
    });
    progress.stop();
    const files = buildRunFiles(result.record);
    writeRunDirectory({ dir, files, tag });
    const wallSeconds = (performance.now() - started) / 1000;
    const summary = JSON.parse(files.get('summary.json')!) as { gas: { perConsumerEvent: number | null }; crossCheck: { consumersChecked: number } };
    const shown = relative(process.cwd(), dir) || '.';
    print(`peaklab: wrote ${shown}/ (summary.json, timeseries.csv, events.jsonl, consumers.csv, gas.csv, manifest.json)`);
    print(
      `  ${scenario.population.count} consumers × ${result.stats.consumerIntervals / (scenario.period.interval === '15m' ? 96 : 24) / scenario.population.count} days (incl. warm-up), ${result.stats.events} events, ${result.stats.consumerEvents} consumer-events; ` +
        `${result.stats.transactions} transactions, ${result.stats.gasUsed} gas (${summary.gas.perConsumerEvent ?? '–'} per consumer-event); cross-check: ${summary.crossCheck.consumersChecked} consumers, 0 mismatches`,
    );
    if (scenario.outputs.report && scenario.outputs.formats.includes('html')) {
      const report = await writeReport({ runDir: dir });
      print(`peaklab: wrote ${relative(process.cwd(), report.html)} and ${report.charts.length} charts`);
    }
    const wall = (performance.now() - started) / 1000;
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    print(`  wall ${wall.toFixed(1)} s (simulation ${wallSeconds.toFixed(1)} s), ${Math.round(result.stats.consumerIntervals / wallSeconds)} consumer-intervals/s, ${Math.round(result.stats.transactions / wallSeconds)} tx/s, peak memory ${maxRssMb.toFixed(0)} MB`);
    const periodIntervals = files.get('timeseries.csv')!.trim().split('\n').length - 1;
    return { dir, wallSeconds, consumerIntervals: result.stats.consumerIntervals, periodConsumerIntervals: scenario.population.count * periodIntervals, transactions: result.stats.transactions, gasPerConsumerEvent: summary.gas.perConsumerEvent, maxRssMb };
  } finally {
    progress.stop();
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
    rmSync(tmpDirOf(dir, tag), { recursive: true, force: true });
  }
}

/** `peaklab run`. */
export function runCommand(): Command {
  return new Command('run')
    .description('Simulate a scenario end to end on a chain and write its run directory and report')
    .argument('<scenario>', 'scenario file, e.g. scenarios/quickstart.yaml')
    .option('--out <dir>', 'run directory (default: <outputs.dir>/<scenario name>)')
    .option('--seed <n>', "override the scenario's root seed (uint32)")
    .option('--rpc-url <url>', 'use a running node (anvil) instead of starting an embedded one')
    .option('--data <dir>', 'folder holding the datasets (default: PEAKLAB_DATA, ../shared/datasets, then the committed subsets)')
    .option('--quiet', 'plain line-based progress (no progress bar)')
    .action(async (path: string, options: RunOptions) => {
      await runScenario(path, options);
    });
}
