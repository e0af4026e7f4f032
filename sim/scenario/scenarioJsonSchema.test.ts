import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from './scenarioJsonSchema.ts';
import { REFERENCE_END, REFERENCE_START, scenarioReference } from './scenarioReference.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const STALE = 'stale: run `npm run scenario:schema` and commit the result';

describe('scenarioJsonSchema', () => {
  it('matches the committed scenarios/schema.json', () => {
    const committed = readFileSync(join(root, 'scenarios', 'schema.json'), 'utf8');
    expect(committed, `scenarios/schema.json is ${STALE}`).toBe(scenarioJsonSchema().text);
  });

  it('matches the scenario reference committed in docs/scenario-reference.md', () => {
    const page = readFileSync(join(root, 'docs', 'scenario-reference.md'), 'utf8');
    const start = page.indexOf(REFERENCE_START);
    const end = page.indexOf(REFERENCE_END);
    expect(start, 'docs/scenario-reference.md has no generated scenario reference').toBeGreaterThanOrEqual(0);
    expect(page.slice(start, end + REFERENCE_END.length), `docs/scenario-reference.md is ${STALE}`).toBe(scenarioReference().markdown);
  });

  it('documents every field: each property has a description, and optional ones a default', () => {
    // Optional without a default, by design (their descriptions say what absence means).
    const noDefault = /^\.data\.dataRoot$|^\.chain\.rpcUrl$|^\.chain\.l2\.l1BaseFeeGwei$|^\.program\.rates\.(GRID|pUSD)$|^\.population\.archetypes\.[a-z_]+$/;
    const problems: string[] = [];
    const walk = (node: Record<string, unknown>, path: string, required: boolean): void => {
      if (typeof node.description !== 'string' || node.description.length === 0) problems.push(`${path}: no description`);
      if (!required && node.default === undefined && !noDefault.test(path)) problems.push(`${path}: no default`);
      const properties = (node.properties ?? {}) as Record<string, Record<string, unknown>>;
      const requiredKeys = (node.required ?? []) as string[];
      for (const [key, child] of Object.entries(properties)) walk(child, `${path}.${key}`, requiredKeys.includes(key));
    };
    walk(scenarioJsonSchema().schema, '', true);
    expect(problems).toEqual([]);
  });

  it('accepts the example scenarios and rejects what the zod schema rejects (editors agree with the validator)', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(scenarioJsonSchema().schema);
    for (const file of ['quickstart.yaml', 'reference.yaml']) {
      const data: unknown = parse(readFileSync(join(root, 'scenarios', file), 'utf8'));
      expect(validate(data), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    const minimal = { name: 'x', period: { start: '2007-07-01', end: '2007-07-31' } };
    expect(validate(minimal)).toBe(true);
    expect(validate({ ...minimal, extra: 1 })).toBe(false);
    expect(validate({ ...minimal, period: { start: '2007-07-01', end: '2007-07-31', interval: '30m' } })).toBe(false);
    expect(validate({ ...minimal, population: { count: -1 } })).toBe(false);
    expect(validate({ ...minimal, program: { rates: { pUSD: '0.25', DOGE: 1 } } })).toBe(false);
    expect(validate({ name: 'x' })).toBe(false);
  });

  it('shows sections filled by defaults and decimal amounts with their defaults', () => {
    const schema = scenarioJsonSchema().schema as { properties: Record<string, { default?: unknown; properties?: Record<string, { default?: unknown }> }> };
    expect(schema.properties.utilities.properties?.bond.default).toEqual({ token: 'pUSD', amount: '10000' });
    expect(schema.properties.program.properties?.rates.default).toEqual({ pUSD: '0.25' });
    expect(schema.properties.chain.default).toMatchObject({ mode: 'embedded', hardfork: 'cancun' });
  });
});
