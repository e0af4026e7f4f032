import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PeaklabError, UsageError } from '../errors.ts';
import { loadProposal } from '../governance/index.ts';
import { type PoolProgress, type PoolResult, runPool } from '../pool/index.ts';
import type { Scenario } from '../scenario/index.ts';
import type { CompareJobInput, CompareJobOutput } from './compareJob.ts';
import { STATUS_QUO } from './rankProposals.ts';
import { seedList } from './seedList.ts';
import { type CompareRun, writeCompareReport, type WriteCompareReportResult } from './writeCompareReport.ts';

export interface CompareProposalsParameters {
  /** The validated scenario (with any --seed applied: the first seed of the list), its absolute path and sha256. */
  scenario: Scenario;
  scenarioPath: string;
  scenarioSha256: string;
  /** Proposal files, in column order after the status quo. */
  proposalPaths: readonly string[];
  /** Folder of the comparison; each run's directory goes to `<out>/<label>/seed-<seed>/`. */
  out: string;
  /** Seeds per run (default 10): the scenario's seed and the next ones (`seedList`). */
  seeds?: number;
  /** Worker processes (default: the cores; 1 with --rpc-url, whose node the runs would share). */
  workers?: number;
  rpcUrl?: string;
  data?: string;
  tools?: Readonly<Record<string, string>>;
  /** Temp-folder suffix for the run directories (the CLI passes its pid). */
  tag: string;
  /** Pool progress; job ids are `<label>@<seed>`. */
  onProgress?: (progress: PoolProgress) => void;
}

export interface CompareProposalsResult extends WriteCompareReportResult {
  runs: CompareRun[];
  seeds: number[];
}

/** Some runs of a comparison failed: each with its label, seed and error. */
export class CompareRunsFailedError extends PeaklabError {
  override name = 'CompareRunsFailedError';
}

const worker = fileURLToPath(new URL('./compareJob.ts', import.meta.url));

function proposalFiles(proposalPaths: readonly string[]) {
  if (proposalPaths.length < 1) throw new UsageError('compare needs at least one proposal file', { hint: 'peaklab compare <scenario.yaml> <proposal-a.yaml> <proposal-b.yaml> …' });
  const proposals = proposalPaths.map((path) => ({ path: resolve(path), label: basename(path, extname(path)), proposal: loadProposal({ path }) }));
  const labels = new Set<string>([STATUS_QUO]);
  for (const { label, path } of proposals) {
    if (labels.has(label)) throw new UsageError(`Two proposal files are called ${label}`, { details: path, hint: `Give every proposal file its own name (not ${STATUS_QUO}): the name labels its run and column.` });
    labels.add(label);
  }
  return proposals;
}

function failures(results: readonly PoolResult<CompareJobOutput>[]): never {
  const failed = results.flatMap((r) => (r.ok ? [] : [`${r.id}: ${r.error.name}: ${r.error.message}${r.error.hint === undefined ? '' : ` (fix: ${r.error.hint})`}`]));
  throw new CompareRunsFailedError(`${failed.length} of ${results.length} runs of the comparison failed`, { details: failed.join('\n'), hint: 'Each failed run is named <proposal>@<seed>; rerun `peaklab run` with that --seed to see it alone.' });
}

/**
 * `peaklab compare`: the status quo (the scenario as is) and the scenario with each proposal — voted on the real
 * Governor before the season (`runProposal`) — each on the same seeds, as independent jobs on a process pool. Every
 * run directory is kept under `out`; compare.html and compare.json pair them per seed against the status quo. All
 * proposal files are validated before the first run starts.
 */
export async function compareProposals({ scenario, scenarioPath, scenarioSha256, proposalPaths, out, seeds = 10, workers, rpcUrl, data, tools, tag, onProgress }: CompareProposalsParameters): Promise<CompareProposalsResult> {
  const proposals = proposalFiles(proposalPaths);
  const seedsOf = seedList({ seed: scenario.seed, count: seeds });
  const dir = resolve(out);
  const labelled = [{ label: STATUS_QUO, path: null as string | null }, ...proposals.map((p) => ({ label: p.label, path: p.path }))];
  const jobs = labelled.flatMap(({ label, path }) =>
    seedsOf.map((seed) => ({
      id: `${label}@${seed}`,
      input: { scenarioPath, seed, electorateSeed: scenario.seed, proposalPath: path, dir: join(dir, label, `seed-${seed}`), rpcUrl, data, tools, tag } satisfies CompareJobInput,
    })),
  );
  const results = await runPool<CompareJobInput, CompareJobOutput>({ jobs, worker, workers: rpcUrl === undefined ? workers : 1, onProgress });
  if (results.some((r) => !r.ok)) failures(results);
  const values = results.map((r) => (r as { value: CompareJobOutput }).value);
  const runs: CompareRun[] = labelled.map(({ label }, i) => {
    const own = values.slice(i * seedsOf.length, (i + 1) * seedsOf.length);
    return { label, dir: own[0].dir, governance: own[0].governance, seeds: own.map((v) => ({ seed: v.seed, dir: v.dir })) };
  });
  const report = await writeCompareReport({ out: dir, scenario: { name: scenario.name, file: basename(scenarioPath), sha256: scenarioSha256, seed: scenario.seed }, runs });
  return { ...report, runs, seeds: seedsOf };
}
