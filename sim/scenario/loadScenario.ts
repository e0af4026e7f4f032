import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ScenarioError } from '../errors.ts';
import { SCENARIO_HINT, type ParseScenarioResult } from './parseScenario.ts';
import { scenarioSchema } from './scenarioSchema.ts';
import { validateYaml } from './validateYaml.ts';

export interface LoadScenarioParameters {
  /** Path of the scenario YAML file. */
  path: string;
}

export interface LoadScenarioResult extends ParseScenarioResult {
  /** Absolute path of the file; relative paths inside the scenario (data.dataRoot) are relative to its folder. */
  path: string;
}

/**
 * Reads, parses and validates a scenario file. `sha256` is the hash of the file's exact bytes.
 * Throws `ScenarioError` when the file cannot be read or is not UTF-8, `InvalidScenarioError` when it is invalid.
 */
export function loadScenario({ path }: LoadScenarioParameters): LoadScenarioResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ScenarioError(`Cannot read the scenario file ${path}`, {
      details: `file: ${path}${code ? ` (${code})` : ''}`,
      hint: code === 'ENOENT' ? 'Check the path; the example scenarios are in scenarios/ (scenarios/quickstart.yaml).' : 'Check that the file exists and is readable.',
      cause: error,
    });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new ScenarioError(`The scenario file ${path} is not UTF-8 text`, {
      details: `file: ${path}`,
      hint: 'Save the scenario as UTF-8 (plain text YAML).',
      cause: error,
    });
  }
  const { value } = validateYaml({ text, file: path, schema: scenarioSchema, hint: SCENARIO_HINT });
  return { scenario: value, sha256: createHash('sha256').update(bytes).digest('hex'), path: resolve(path) };
}
