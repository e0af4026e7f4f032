/**
 * The committed compact subsets (datasets/subsets/) load through their manifests and give the
 * frames the quickstart relies on. Always runs: the subsets are in the repository.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from './loadDataset.ts';
import { listManifests, subsetsDir } from './resolveDataRoot.ts';

const load = (name: string) => loadDataset({ name, dataRoot: subsetsDir, manifestDir: subsetsDir });
const finite = (a: Float64Array) => a.filter((x) => Number.isFinite(x)).length;

describe('committed subsets', () => {
  it('has the four quickstart subsets', () => {
    expect(listManifests(subsetsDir)).toEqual([
      'cambridge_estates_buildings',
      'citylearn_2022_fontana',
      'gefcom2012',
      'pjm_comed_dayahead_price_epftoolbox',
    ]);
  });

  it('gefcom2012: continuous system load + 11 stations from 2006-01 to 2008-06-30, a summer with history before it', async () => {
    const r = await load('gefcom2012');
    const f = r.frame;
    expect(f.start).toBe(Date.UTC(2006, 0, 1, 5));
    expect(f.time[f.length - 1]).toBe(Date.UTC(2008, 5, 30, 9));
    expect(f.roles.load).toBe('load');
    expect(f.roles.temperature).toHaveLength(11);
    const system = f.columns.get('load')!;
    expect(finite(system)).toBe(f.length); // holdouts were filled in the subset, DST repeats interpolated
    for (const t of f.roles.temperature!) expect(finite(f.columns.get(t)!)).toBe(f.length);
    // July 2007 (a summer month) has a higher peak than April 2007.
    const peak = (y: number, m: number) => {
      let p = 0;
      for (let i = 0; i < f.length; i++) if (f.calendar.year[i] === y && f.calendar.month[i] === m) p = Math.max(p, system[i]!);
      return p;
    };
    expect(peak(2007, 7)).toBeGreaterThan(peak(2007, 4));
    expect(r.findings.every((x) => x.action !== 'fail')).toBe(true);
    expect(r.findings.filter((x) => x.kind === 'dstHole')).toHaveLength(6); // 3 spring-forwards × (load, temperature)
    expect(r.files.map((x) => x.path)).toEqual(['gefcom2012/system_load_2006_2008.csv.gz', 'gefcom2012/temperature_2006_2008.csv.gz']);
  });

  it('citylearn: 17 homes as consumers for one calendar-placed year', async () => {
    const { frame: f } = await load('citylearn_2022_fontana');
    expect(f.length).toBe(8760);
    expect(f.roles.consumers).toHaveLength(17);
    expect(f.roles.temperature).toEqual(['temperature']);
    expect(f.roles.price).toBe('price');
    expect(f.calendar.month[0]).toBe(7);
    expect(f.calendar.hour[0]).toBe(23);
    for (const c of f.roles.consumers!) expect(finite(f.columns.get(c)!)).toBe(8760);
  });

  it('cambridge: 20 buildings of 2019 with weather, carbon and price', async () => {
    const { frame: f, findings } = await load('cambridge_estates_buildings');
    expect(f.length).toBe(8760);
    expect(f.roles.consumers).toHaveLength(20);
    expect(f.timezone).toBe('Europe/London');
    expect(f.roles.carbon).toBe('carbon');
    expect(f.units.get(f.roles.consumers![0]!)).toBe('kWh');
    // Zero runs (missing readings written as 0 at source) are reported, and kept, per the manifest.
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((x) => x.kind === 'zeroRun' && x.action === 'keep' && x.count >= 4)).toBe(true);
  });

  it('COMED prices: calendar year 2017', async () => {
    const { frame: f } = await load('pjm_comed_dayahead_price_epftoolbox');
    expect(f.length).toBe(8760);
    expect(f.calendar.year[0]).toBe(2017);
    expect(f.calendar.year[f.length - 1]).toBe(2017);
    expect(f.roles.price).toBe('price');
    expect(finite(f.columns.get('price')!)).toBe(8760);
  });
});
