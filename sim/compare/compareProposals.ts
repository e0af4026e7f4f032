import { basename, extname, join, resolve } from 'node:path';
import { type RunProgress, writeRunDirectory } from '../engine/index.ts';
import { UsageError } from '../errors.ts';
import { loadProposal } from '../governance/index.ts';
import type { Scenario } from '../scenario/index.ts';
import { runProposal } from './runProposal.ts';
import { type CompareRun, writeCompareReport, type WriteCompareReportResult } from './writeCompareReport.ts';

export interface CompareProposalsParameters {
  /** The validated scenario (with any --seed applied), its absolute path and sha256. */
  scenario: Scenario;
  scenarioPath: string;
  scenarioSha256: string;
  /** Proposal files, in column order (the first is the reference of the Δ columns). */
  proposalPaths: readonly string[];
  /** Folder of the comparison; each run's directory goes to `<out>/<proposal-name>/`. */
  out: string;
  rpcUrl?: string;
  data?: string;
  env?: Readonly<Record<string, string | undefined>>;
  tools?: Readonly<Record<string, string>>;
  /** Temp-folder suffix for the run directories (the CLI passes its pid). */
  tag: string;
  onProgress?: (label: string, progress: RunProgress) => void;
}

export interface CompareProposalsResult extends WriteCompareReportResult {
  runs: CompareRun[];
}

/**
 * `peaklab compare`: the scenario once per proposal — same seed, same data — each proposal voted on the real
 * Governor before the season (`runProposal`); every run directory kept under `out`, then compare.html and
 * compare.json side by side. All proposal files are validated before the first run starts.
 */
export async function compareProposals({ scenario, scenarioPath, scenarioSha256, proposalPaths, out, rpcUrl, data, env, tools, tag, onProgress }: CompareProposalsParameters): Promise<CompareProposalsResult> {
  if (proposalPaths.length < 1) throw new UsageError('compare needs at least one proposal file', { hint: 'peaklab compare <scenario.yaml> <proposal-a.yaml> <proposal-b.yaml> …' });
  const proposals = proposalPaths.map((path) => ({ path, label: basename(path, extname(path)), proposal: loadProposal({ path }) }));
  const labels = new Set<string>();
  for (const { label, path } of proposals) {
    if (labels.has(label)) throw new UsageError(`Two proposal files are called ${label}`, { details: path, hint: 'Give every proposal file its own name: the name labels its run and column.' });
    labels.add(label);
  }
  const dir = resolve(out);
  const runs: CompareRun[] = [];
  for (const { label, proposal } of proposals) {
    const run = await runProposal({ scenario, scenarioPath, scenarioSha256, proposal, rpcUrl, data, env, tools, onProgress: (p) => onProgress?.(label, p) });
    const runDir = writeRunDirectory({ dir: join(dir, label), files: run.files, tag });
    runs.push({ label, dir: runDir, governance: run.governance });
  }
  const report = await writeCompareReport({ out: dir, scenario: { name: scenario.name, file: basename(scenarioPath), sha256: scenarioSha256, seed: scenario.seed }, runs });
  return { ...report, runs };
}
