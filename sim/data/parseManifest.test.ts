import { describe, expect, it } from 'vitest';
import { DatasetError } from '../errors.ts';
import { parseManifest } from './parseManifest.ts';

const good = `name: tiny
description: test
source: generated
citation: none
licence: CC0
timezone: UTC
time: { clock: utc, label: beginning }
tables:
  - id: t
    file: data.csv
    sha256: ${'0a'.repeat(32)}
    time: { datetime: { column: time, format: "%Y-%m-%d %H:%M" } }
columns:
  - name: load
    unit: kW
    from: { table: t, field: load }
roles: { load: load }
`;

function error(text: string): DatasetError {
  try {
    parseManifest({ text, path: 'm.yaml' });
  } catch (e) {
    expect(e).toBeInstanceOf(DatasetError);
    return e as DatasetError;
  }
  throw new Error('expected a DatasetError');
}

describe('parseManifest', () => {
  it('accepts a valid manifest and applies strict defaults', () => {
    const m = parseManifest({ text: good, path: 'm.yaml' });
    expect(m.tables[0]!.layout).toBe('long');
    expect(m.policy.gap).toBe('fail');
    expect(m.policy.maxInterpolate).toBe(3);
    expect(m.time.resolutionMinutes).toBe(60);
  });

  it('expands entity ranges', () => {
    const m = parseManifest({ text: good.replace('from: { table: t, field: load }', 'from: { table: t, field: load, entities: "3..5", aggregate: sum }'), path: 'm.yaml' });
    const from = m.columns[0]!.from;
    expect(Array.isArray(from) ? undefined : from.entities).toEqual(['3', '4', '5']);
  });

  it('reports a bad sha256 with its YAML path and line', () => {
    const e = error(good.replace('0a'.repeat(32), 'xyz'));
    expect(e.details).toContain('m.yaml:11 at tables.0.sha256: sha256 must be 64 lowercase hex digits');
  });

  it('reports an unknown table, a bad time zone and an unknown role column, all at once', () => {
    const e = error(good.replace('from: { table: t,', 'from: { table: nope,').replace('timezone: UTC', 'timezone: Mars/Olympus').replace('load: load }', 'load: power }'));
    expect(e.shortMessage).toBe('Manifest m.yaml is invalid (3 problems)');
    expect(e.details).toContain('unknown table "nope"');
    expect(e.details).toContain('"Mars/Olympus" is not an IANA time zone');
    expect(e.details).toContain('role load names unknown column "power"');
  });

  it('rejects unknown keys, ambiguous time specs and bad policies', () => {
    expect(error(good.replace('licence: CC0', 'licence: CC0\ncolour: red')).details).toContain('colour');
    expect(error(good.replace('time: { datetime:', 'time: { hour: h, datetime:')).details).toContain('hour is not used with datetime');
    expect(error(`${good}policy: { gap: ignore }\n`).details).toContain('at policy.gap');
    expect(error(good.replace('    time: { datetime: { column: time, format: "%Y-%m-%d %H:%M" } }', '    time: { year: y }')).details).toContain(
      'year, month and day columns go together',
    );
  });

  it('explains a sha256 that YAML read as a number', () => {
    const e = error(good.replace(`sha256: ${'0a'.repeat(32)}`, `sha256: ${'1'.repeat(64)}`));
    expect(e.details).toContain('tables.0.sha256: Invalid input: expected string, received number');
    expect(e.hint).toContain('Quote values that must stay text');
  });

  it('reports YAML syntax errors with the line', () => {
    const e = error('name: [unclosed\n');
    expect(e.shortMessage).toBe('Manifest m.yaml is not valid YAML');
    expect(e.details).toMatch(/^m\.yaml:\d+: /);
  });
});
