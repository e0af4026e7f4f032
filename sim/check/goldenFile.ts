import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateYaml } from '../scenario/index.ts';
import { writeAtomic } from '../writeAtomic.ts';
import { type Golden, goldenSchema } from './goldenSchema.ts';

const GOLDEN_HINT =
  'Fix the fields listed (a golden file is { "schema": "peaklab/golden@1", "scenario", "seed", "metrics": { "<id>": { "value", "unit", "tolerance": { "abs"?, "rel"? } } } }), or rewrite it with `peaklab check <scenario> --golden <dir> --update`.';

/** Path of a scenario's golden file in `dir`: `<dir>/<scenario-name>.json`. */
export function goldenPath({ dir, scenario }: { dir: string; scenario: string }): string {
  return join(dir, `${scenario}.json`);
}

/** Reads and validates a golden file (errors name the JSON path and line); undefined when it does not exist. */
export function readGolden({ path }: { path: string }): Golden | undefined {
  if (!existsSync(path)) return undefined;
  const { value } = validateYaml({ text: readFileSync(path, 'utf8'), file: path, schema: goldenSchema, hint: GOLDEN_HINT });
  return value;
}

/** The golden file's text: JSON, two-space indent, one metric per line, numbers as JavaScript prints them. */
export function formatGolden({ golden }: { golden: Golden }): string {
  const lines = Object.entries(golden.metrics).map(([id, entry]) => `    ${JSON.stringify(id)}: ${JSON.stringify(entry)}`);
  return [
    '{',
    `  "schema": ${JSON.stringify(golden.schema)},`,
    `  "scenario": ${JSON.stringify(golden.scenario)},`,
    `  "seed": ${golden.seed},`,
    '  "metrics": {',
    lines.join(',\n'),
    '  }',
    '}',
    '',
  ].join('\n');
}

/** Writes a golden file atomically (creating its folder). */
export function writeGolden({ path, golden }: { path: string; golden: Golden }): void {
  writeAtomic({ path, content: formatGolden({ golden }) });
}
