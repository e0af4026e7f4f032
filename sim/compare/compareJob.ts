/**
 * The pool worker of `peaklab compare`: one run — the status quo or one proposal — on one seed, in its own process
 * with its own embedded anvil. Writes the run directory and returns its summary and governance record.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSimulation, writeRunDirectory } from '../engine/index.ts';
import { loadProposal } from '../governance/index.ts';
import { buildRunFiles } from '../metrics/index.ts';
import type { PoolWorkerFunction } from '../pool/index.ts';
import { loadScenario } from '../scenario/index.ts';
import type { GovernanceRecord } from './governanceRecord.ts';
import { runProposal } from './runProposal.ts';

export interface CompareJobInput {
  scenarioPath: string;
  /** The season's root seed of this run. */
  seed: number;
  /** The seed of the token holders (the scenario's own seed, the same on every run). */
  electorateSeed: number;
  /** The proposal file, or null for the status quo (the scenario as is, no vote). */
  proposalPath: string | null;
  /** The run directory to write. */
  dir: string;
  rpcUrl?: string;
  data?: string;
  tools?: Readonly<Record<string, string>>;
  tag: string;
}

export interface CompareJobOutput {
  dir: string;
  seed: number;
  /** summary.json as written. */
  summary: unknown;
  governance: GovernanceRecord | null;
}

export const runJob: PoolWorkerFunction<CompareJobInput, CompareJobOutput> = async ({ scenarioPath, seed, electorateSeed, proposalPath, dir, rpcUrl, data, tools, tag }, { progress }) => {
  const loaded = loadScenario({ path: scenarioPath });
  const scenario = { ...loaded.scenario, seed };
  const common = { scenario, scenarioPath: loaded.path, scenarioSha256: loaded.sha256, rpcUrl, data, env: process.env, tools };
  const onProgress = (p: { phase: string; message: string }) => {
    if (p.phase !== 'day') progress(p.message);
  };
  let files: Map<string, string>;
  let governance: GovernanceRecord | null = null;
  if (proposalPath === null) {
    files = buildRunFiles((await runSimulation({ ...common, onProgress })).record);
  } else {
    const run = await runProposal({ ...common, proposal: loadProposal({ path: proposalPath }), electorateSeed, onProgress });
    files = run.files;
    governance = run.governance;
  }
  const written = writeRunDirectory({ dir, files, tag });
  return { dir: written, seed, summary: JSON.parse(readFileSync(join(written, 'summary.json'), 'utf8')), governance };
};
