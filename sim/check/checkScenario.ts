import { type RunProgress, runSimulation, writeRunDirectory } from '../engine/index.ts';
import { UsageError } from '../errors.ts';
import { buildRunFiles } from '../metrics/index.ts';
import { type RunSummary, runSummarySchema } from '../report/index.ts';
import { loadScenario } from '../scenario/index.ts';
import { type CheckRow, compareGolden } from './compareGolden.ts';
import { goldenPath, readGolden, writeGolden } from './goldenFile.ts';
import { updateGolden } from './updateGolden.ts';

export interface CheckScenarioParameters {
  /** The scenario file to rerun. */
  scenarioPath: string;
  /** Folder of the golden files (`<dir>/<scenario-name>.json`). */
  goldenDir: string;
  /** Rewrite the golden file from this run (keeping its metrics and tolerances) instead of comparing. */
  update?: boolean;
  /** Keep the run directory here (default: not written). */
  keepRunDir?: string;
  /** Temp-folder suffix when the run directory is kept. */
  tag?: string;
  rpcUrl?: string;
  data?: string;
  env?: Readonly<Record<string, string | undefined>>;
  tools?: Readonly<Record<string, string>>;
  onProgress?: (progress: RunProgress) => void;
}

export interface CheckScenarioResult {
  scenario: string;
  golden: string;
  rows: CheckRow[];
  passed: boolean;
  /** 'compared', or 'updated' / 'created' with --update. */
  action: 'compared' | 'updated' | 'created';
  summary: RunSummary;
}

/**
 * Reruns a scenario end to end and compares the economic outcomes of its summary.json with the golden file
 * (`compareGolden`); with `update`, rewrites the golden file from the run instead (tolerances kept).
 */
export async function checkScenario({ scenarioPath, goldenDir, update = false, keepRunDir, tag = 'check', rpcUrl, data, env, tools, onProgress }: CheckScenarioParameters): Promise<CheckScenarioResult> {
  const { scenario, sha256, path } = loadScenario({ path: scenarioPath });
  const file = goldenPath({ dir: goldenDir, scenario: scenario.name });
  const existing = readGolden({ path: file });
  if (existing === undefined && !update) {
    throw new UsageError(`No golden file for scenario ${scenario.name}`, {
      details: `expected ${file}`,
      hint: `Create it from a run you trust: peaklab check ${scenarioPath} --golden ${goldenDir} --update (then commit it).`,
    });
  }
  if (existing !== undefined && existing.scenario !== scenario.name) {
    throw new UsageError(`The golden file ${file} is for scenario ${existing.scenario}, not ${scenario.name}`, { hint: 'Golden files are named after the scenario they guard.' });
  }
  const run = await runSimulation({ scenario, scenarioPath: path, scenarioSha256: sha256, rpcUrl, data, env, tools, onProgress });
  const files = buildRunFiles(run.record);
  if (keepRunDir !== undefined) writeRunDirectory({ dir: keepRunDir, files, tag });
  const summary = runSummarySchema.parse(JSON.parse(files.get('summary.json') as string));
  if (update) {
    const golden = updateGolden({ summary, golden: existing });
    writeGolden({ path: file, golden });
    return { scenario: scenario.name, golden: file, ...compareGolden({ golden, summary }), action: existing === undefined ? 'created' : 'updated', summary };
  }
  const golden = existing as NonNullable<typeof existing>;
  const rows = compareGolden({ golden, summary });
  if (golden.seed !== summary.scenario.seed) {
    rows.rows.unshift({ metric: 'scenario.seed', unit: '', golden: golden.seed, now: summary.scenario.seed, delta: summary.scenario.seed - golden.seed, allowed: 0, tolerance: { abs: 0 }, status: 'breach' });
    rows.passed = false;
  }
  return { scenario: scenario.name, golden: file, ...rows, action: 'compared', summary };
}
