/**
 * `peaklab compare <scenario.yaml> <proposal-a.yaml> <proposal-b.yaml> … [--out DIR]`: the scenario once per
 * governance proposal (same seed and data), each proposal voted on the real Governor before the season; writes
 * compare.html and compare.json beside each run's directory.
 */
import { relative, resolve } from 'node:path';
import { Command } from 'commander';
import { compareProposals } from '../../compare/index.ts';
import { loadScenario } from '../../scenario/index.ts';
import { withSeedOption } from '../withSeedOption.ts';
import { toolVersions } from './run.ts';

interface CompareOptions {
  out?: string;
  seed?: string;
  rpcUrl?: string;
  data?: string;
  quiet?: boolean;
}

const tokens = (units: string) => (BigInt(units) / 10n ** 18n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** `peaklab compare`. */
export function compareCommand(): Command {
  return new Command('compare')
    .description('Run a scenario once per governance proposal (each voted on the real Governor before the season) and compare the runs')
    .argument('<scenario>', 'scenario file, e.g. scenarios/quickstart.yaml')
    .argument('<proposals...>', 'proposal files, e.g. scenarios/proposal-higher-rate.yaml scenarios/proposal-nyiso-baseline.yaml (the first is the Δ reference)')
    .option('--out <dir>', 'folder for compare.html, compare.json and the run directories (default: reports/compare-<scenario name>)')
    .option('--seed <n>', "override the scenario's root seed (uint32), the same for every run")
    .option('--rpc-url <url>', 'use a running anvil instead of starting an embedded one per run')
    .option('--data <dir>', 'folder holding the datasets (as for peaklab run)')
    .option('--quiet', 'print only the result')
    .action(async (scenarioPath: string, proposalPaths: string[], options: CompareOptions) => {
      const { scenario: parsed, sha256, path } = loadScenario({ path: scenarioPath });
      const scenario = withSeedOption({ scenario: parsed, seed: options.seed });
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
        rpcUrl: options.rpcUrl,
        data: options.data,
        env: process.env,
        tools: toolVersions(),
        tag: String(process.pid),
        onProgress: (label, p) => {
          if (p.phase !== 'day') print(`[${label}] ${p.message}`);
        },
      });
      const shown = (p: string) => relative(process.cwd(), p) || '.';
      for (const run of result.runs) {
        const g = run.governance;
        process.stdout.write(
          `peaklab: ${run.label}: "${g.proposal.title}" ${g.status === 'executed' ? 'passed and executed' : 'was DEFEATED (not applied)'} — for ${tokens(g.votes.for)}, against ${tokens(g.votes.against)}, abstain ${tokens(g.votes.abstain)} PGOV (quorum ${tokens(g.votes.quorum)}); run in ${shown(run.dir)}/\n`,
        );
      }
      process.stdout.write(`peaklab: wrote ${shown(result.html)}, ${shown(result.json)} and ${result.charts.length} charts\n`);
    });
}
