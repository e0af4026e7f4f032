/**
 * `peaklab compare <scenario.yaml> <proposal-a.yaml> … [--seeds N] [-j N] [--out DIR]`: the status quo and the
 * scenario with each governance proposal (voted on the real Governor before the season), every run on the same N
 * seeds, in parallel on the local cores; writes compare.html and compare.json (paired Δs with intervals and a ranked
 * verdict) beside every run's directory.
 */
import { relative, resolve } from 'node:path';
import { Command } from 'commander';
import { compareProposals } from '../../compare/index.ts';
import { defaultWorkers } from '../../pool/index.ts';
import { loadScenario } from '../../scenario/index.ts';
import { integerOption } from '../integerOption.ts';
import { withSeedOption } from '../withSeedOption.ts';
import { toolVersions } from './run.ts';

interface CompareOptions {
  out?: string;
  seed?: string;
  seeds: string;
  jobs?: string;
  rpcUrl?: string;
  data?: string;
  quiet?: boolean;
}

const tokens = (units: string) => (BigInt(units) / 10n ** 18n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** `peaklab compare`. */
export function compareCommand(): Command {
  return new Command('compare')
    .description('Run a scenario as is (the status quo) and once per governance proposal (each voted on the real Governor before the season), on the same seeds, and say which proposals are better, worse or not distinguishable')
    .argument('<scenario>', 'scenario file, e.g. scenarios/quickstart.yaml')
    .argument('<proposals...>', 'proposal files, e.g. scenarios/proposal-higher-rate.yaml scenarios/proposal-nyiso-baseline.yaml')
    .option('--seeds <n>', "seeds per run: the scenario's seed (or --seed) and the next n − 1 integers", '10')
    .option('-j, --jobs <n>', `runs at once, each its own process and anvil (default: the cores, here ${defaultWorkers()})`)
    .option('--out <dir>', 'folder for compare.html, compare.json and the run directories (default: reports/compare-<scenario name>)')
    .option('--seed <n>', "override the scenario's root seed (uint32): the first seed of the list")
    .option('--rpc-url <url>', 'use a running anvil instead of an embedded one per run (runs one at a time)')
    .option('--data <dir>', 'folder holding the datasets (as for peaklab run)')
    .option('--quiet', 'print only the result')
    .action(async (scenarioPath: string, proposalPaths: string[], options: CompareOptions) => {
      const { scenario: parsed, sha256, path } = loadScenario({ path: scenarioPath });
      const scenario = withSeedOption({ scenario: parsed, seed: options.seed });
      const seeds = integerOption({ value: options.seeds, flag: '--seeds', min: 1, max: 1000 });
      const workers = options.jobs === undefined ? undefined : integerOption({ value: options.jobs, flag: '--jobs', min: 1, max: 256 });
      const out = resolve(options.out ?? `reports/compare-${scenario.name}`);
      const print = (line: string) => {
        if (options.quiet !== true) process.stdout.write(`${line}\n`);
      };
      const result = await compareProposals({
        scenario,
        scenarioPath: path,
        scenarioSha256: sha256,
        proposalPaths,
        out,
        seeds,
        workers,
        rpcUrl: options.rpcUrl,
        data: options.data,
        tools: toolVersions(),
        tag: String(process.pid),
        onProgress: (p) => {
          if (p.type === 'finished') print(`[${p.done}/${p.total}] ${p.id} ${p.ok ? 'done' : 'FAILED'}`);
        },
      });
      const shown = (p: string) => relative(process.cwd(), p) || '.';
      for (const run of result.runs) {
        const g = run.governance;
        if (g === null) continue;
        process.stdout.write(
          `peaklab: ${run.label}: "${g.proposal.title}" ${g.status === 'executed' ? 'passed and executed' : 'was DEFEATED (not applied)'} — for ${tokens(g.votes.for)}, against ${tokens(g.votes.against)}, abstain ${tokens(g.votes.abstain)} PGOV (quorum ${tokens(g.votes.quorum)})\n`,
        );
      }
      for (const entry of result.ranking) process.stdout.write(`peaklab: ${entry.rank}. ${entry.reason}\n`);
      process.stdout.write(`peaklab: wrote ${shown(result.html)}, ${shown(result.json)} and ${result.charts.length} charts; runs in ${shown(out)}/<run>/seed-<seed>/\n`);
    });
}
