import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ScenarioError } from '../errors.ts';
import { InvalidScenarioError } from './invalidScenarioError.ts';
import { loadScenario } from './loadScenario.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'peaklab-scenario-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('loadScenario', () => {
  it('loads the quickstart: ~2,000 consumers, July 2007, a few events', () => {
    const path = join(root, 'scenarios', 'quickstart.yaml');
    const { scenario, sha256, path: absolute } = loadScenario({ path });
    expect(sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
    expect(absolute).toBe(path);
    expect(scenario.name).toBe('quickstart');
    expect(scenario.population.count).toBe(2000);
    expect(scenario.period).toMatchObject({ start: '2007-07-01', end: '2007-07-31' });
    expect(scenario.data.system).toBe('gefcom2012');
    expect(scenario.program.events.maxPerSeason).toBeLessThanOrEqual(6);
    expect(readFileSync(path, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./schema.json');
  });

  it('loads the reference: 10,000 consumers, June–September 2007, every section written out', () => {
    const path = join(root, 'scenarios', 'reference.yaml');
    const { scenario } = loadScenario({ path });
    expect(scenario.population.count).toBe(10_000);
    expect(scenario.period).toMatchObject({ start: '2007-06-01', end: '2007-09-30' });
    expect(Object.keys(scenario.population.archetypes).sort()).toEqual(['industrial', 'residential_ac', 'residential_ev', 'small_commercial']);
    expect(scenario.program.rates).toEqual({ pUSD: '0.25', GRID: '2.5' });
    expect(readFileSync(path, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./schema.json');
  });

  it('hashes the exact bytes, so a comment change changes the hash but not the scenario', () => {
    const text = readFileSync(join(root, 'scenarios', 'quickstart.yaml'), 'utf8');
    const a = join(scratch, 'a.yaml');
    const b = join(scratch, 'b.yaml');
    writeFileSync(a, text);
    writeFileSync(b, `${text}# a trailing comment\n`);
    const ra = loadScenario({ path: a });
    const rb = loadScenario({ path: b });
    expect(ra.scenario).toEqual(rb.scenario);
    expect(ra.sha256).not.toBe(rb.sha256);
  });

  it('names the file in errors (line numbers included)', () => {
    const path = join(scratch, 'bad.yaml');
    writeFileSync(path, 'name: x\nperiod:\n  start: 2007-07-01\n  end: 2007-06-01\n');
    expect(() => loadScenario({ path })).toThrow(InvalidScenarioError);
    expect(() => loadScenario({ path })).toThrow(`${path}:4:3 period.end: expected a date on or after period.start (2007-07-01), found "2007-06-01"`);
  });

  it('throws a ScenarioError with a hint for a missing file or bytes that are not UTF-8', () => {
    const missing = join(scratch, 'nope.yaml');
    expect(() => loadScenario({ path: missing })).toThrow(ScenarioError);
    expect(() => loadScenario({ path: missing })).toThrow(/ENOENT[\s\S]*scenarios\/quickstart\.yaml/);
    const latin1 = join(scratch, 'latin1.yaml');
    writeFileSync(latin1, Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x0a]));
    expect(() => loadScenario({ path: latin1 })).toThrow(/not UTF-8/);
  });
});
