import { createHash } from 'node:crypto';
import { scenarioSchema, type Scenario } from './scenarioSchema.ts';
import { validateYaml } from './validateYaml.ts';

export interface ParseScenarioParameters {
  /** The scenario file's text (YAML). */
  text: string;
  /** The file name shown in messages. */
  file: string;
}

export interface ParseScenarioResult {
  /** The validated scenario, every default filled in. */
  scenario: Scenario;
  /** sha256 (hex) of the file's bytes (UTF-8 of `text`), recorded with the run for provenance. */
  sha256: string;
}

/** What to do with an invalid scenario. */
export const SCENARIO_HINT =
  'Fix the fields listed above. scenarios/schema.json documents every field, its type and default (editors complete scenarios that start with "# yaml-language-server: $schema=./schema.json"); docs/scenario-reference.md has the same.';

/**
 * Parses and validates a scenario from its text. Throws `InvalidScenarioError` (a `ScenarioError`)
 * listing every problem with its YAML path and line.
 */
export function parseScenario({ text, file }: ParseScenarioParameters): ParseScenarioResult {
  const { value } = validateYaml({ text, file, schema: scenarioSchema, hint: SCENARIO_HINT });
  return { scenario: value, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
}
