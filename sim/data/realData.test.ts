/**
 * Checks every manifest in datasets/ against the real files when the full datasets are present
 * (../shared/datasets or PEAKLAB_DATA). Skipped — with a message saying why — when they are not;
 * the committed-subset test (subsets.test.ts) always runs.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from './loadDataset.ts';
import { listManifests, manifestsDir, projectRoot, subsetsDir } from './resolveDataRoot.ts';

const fullRoot = process.env.PEAKLAB_DATA || resolve(projectRoot, '..', 'shared', 'datasets');
const present = existsSync(resolve(fullRoot, 'gefcom2012_load'));
const reason = `full datasets not found at ${fullRoot} (set PEAKLAB_DATA to run the real-data manifest checks)`;
const minMax = (a: Float64Array) => {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of a) if (Number.isFinite(x)) [lo, hi] = [Math.min(lo, x), Math.max(hi, x)];
  return [lo, hi];
};
if (!present) console.warn(`realData.test.ts skipped: ${reason}`);

describe.skipIf(!present)(`real datasets at ${fullRoot}`, () => {
  for (const name of listManifests(manifestsDir)) {
    it(`${name}: sha256 verified, loads within its policy, roles point at data`, async () => {
      const r = await loadDataset({ name, dataRoot: fullRoot, manifestDir: manifestsDir });
      expect(r.findings.filter((f) => f.action === 'fail')).toEqual([]);
      const f = r.frame;
      const roles = [f.roles.load, f.roles.price, f.roles.carbon, ...(f.roles.temperature ?? []), ...(f.roles.consumers ?? [])].filter(
        (x): x is string => x !== undefined,
      );
      expect(roles.length).toBeGreaterThan(0);
      for (const c of roles) expect(f.columns.get(c)!.some((x) => Number.isFinite(x))).toBe(true);
    });
  }

  it('gefcom2012 matches the README: system load 836,900 … 3,280,423 kW, 2008-06-30 07:00-24:00 unknown', async () => {
    const { frame: f, findings } = await loadDataset({ name: 'gefcom2012', dataRoot: fullRoot, manifestDir: manifestsDir });
    const load = f.columns.get('load')!;
    expect(minMax(load)).toEqual([836900, 3280423]);
    expect(findings.filter((x) => x.kind === 'missing' && x.column === 'load')).toEqual([
      expect.objectContaining({ count: 18, timestamp: '2008-06-30T10:00:00.000Z', action: 'drop' }),
    ]);
  });

  it('the gefcom2012 subset equals the full view over its span', async () => {
    const full = (await loadDataset({ name: 'gefcom2012', dataRoot: fullRoot, manifestDir: manifestsDir })).frame;
    const sub = (await loadDataset({ name: 'gefcom2012', dataRoot: subsetsDir, manifestDir: subsetsDir })).frame;
    const offset = (sub.start - full.start) / full.stepMs;
    for (const c of ['load', 'T1', 'T11']) {
      const a = full.columns.get(c)!.subarray(offset, offset + sub.length);
      expect([...sub.columns.get(c)!]).toEqual([...a]);
    }
  });

  it('pjm_pjme needs only a manifest: unsorted rows sorted, DST repeats kept/interpolated, README min/max', async () => {
    const { frame: f, findings } = await loadDataset({ name: 'pjm_pjme', dataRoot: fullRoot, manifestDir: manifestsDir });
    const v = f.columns.get('load')!;
    expect(minMax(v)).toEqual([14544, 62009]);
    expect(findings.filter((x) => x.kind === 'dstRepeat' && x.action === 'keep')).toHaveLength(4);
    expect(findings.filter((x) => x.kind === 'unsorted')).toHaveLength(1);
  });
});
