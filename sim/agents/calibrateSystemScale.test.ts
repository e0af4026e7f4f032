import { describe, expect, it } from 'vitest';
import { loadDataset, subsetsDir } from '../data/index.ts';
import { buildPopulation } from './buildPopulation.ts';
import { calibrateSystemScale } from './calibrateSystemScale.ts';
import { consumerLoadsForDay } from './consumerLoadsForDay.ts';
import { simDay } from './simDay.ts';
import { systemDays } from './systemDays.ts';
import { subsetShapes, syntheticShapes, testScenario } from './testSupport.ts';

const correlation = (a: Float64Array, b: Float64Array) => {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) [ma, mb] = [ma + a[i]!, mb + b[i]!];
  [ma, mb] = [ma / n, mb / n];
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) [ab, aa, bb] = [ab + (a[i]! - ma) * (b[i]! - mb), aa + (a[i]! - ma) ** 2, bb + (b[i]! - mb) ** 2];
  return ab / Math.sqrt(aa * bb);
};

describe('calibrateSystemScale', () => {
  it('the generated (noisy) aggregate of a calibrated population tracks the GEFCom2012 system load of July 2007', async () => {
    const shapes = await subsetShapes();
    const { frame } = await loadDataset({ name: 'gefcom2012', dataRoot: subsetsDir, manifestDir: subsetsDir });
    const sys = systemDays({ frame, start: '2007-07-01', end: '2007-07-31' });
    const population = buildPopulation({ scenario: testScenario({ seed: 20_070_701 }), shapes, count: 1000 });
    const cal = calibrateSystemScale({ population, days: sys.days, systemLoad: sys.load, temperature: sys.temperatureC });
    const aggregate = new Float64Array(sys.load.length);
    sys.days.forEach((day, d) => {
      const { loads } = consumerLoadsForDay({ population, day, temperature: sys.temperatureC.subarray(d * 24, d * 24 + 24), systemScale: cal.scale.subarray(d * 24, d * 24 + 24) });
      for (let i = 0; i < population.count; i++) for (let h = 0; h < 24; h++) aggregate[d * 24 + h] += loads[i * 24 + h]!;
    });
    expect(correlation(aggregate, sys.load)).toBeGreaterThan(0.99);
    // Scaled to the population's size: the aggregate's mean is the bottom-up mean, and kW per system kW is that ratio.
    const mean = (a: Float64Array) => a.reduce((s, x) => s + x, 0) / a.length;
    expect(mean(aggregate) / mean(cal.bottomUp)).toBeGreaterThan(0.98);
    expect(mean(aggregate) / mean(cal.bottomUp)).toBeLessThan(1.02);
    expect(cal.kwPerSystemUnit).toBeCloseTo(mean(cal.bottomUp) / mean(sys.load), 12);
    // The factor corrects shape, not size: it stays near 1 on average.
    expect(mean(cal.scale)).toBeGreaterThan(0.8);
    expect(mean(cal.scale)).toBeLessThan(1.25);
    // Without it, the bottom-up aggregate follows the system less closely.
    expect(correlation(cal.bottomUp, sys.load)).toBeLessThan(correlation(aggregate, sys.load));
  });

  it('a system series proportional to the bottom-up aggregate needs a constant factor of 1', () => {
    const population = buildPopulation({ scenario: testScenario({ seed: 2 }), shapes: syntheticShapes(), count: 200 });
    const days = [0, 1, 2].map((k) => simDay({ date: 13_700 + k }));
    const temperature = Float64Array.from({ length: 72 }, (_, t) => 20 + 8 * Math.sin((Math.PI * (t % 24)) / 24));
    const probe = calibrateSystemScale({ population, days, systemLoad: new Float64Array(72).fill(1), temperature });
    const system = probe.bottomUp.map((x) => 5000 * x);
    const cal = calibrateSystemScale({ population, days, systemLoad: system, temperature });
    for (const s of cal.scale) expect(s).toBeCloseTo(1, 12);
    expect(cal.kwPerSystemUnit).toBeCloseTo(1 / 5000, 15);
  });
});
