import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { consumerLoadsForDay } from '../agents/index.ts';
import { subsetsDir } from '../data/index.ts';
import { loadScenario, type Scenario } from '../scenario/index.ts';
import { CALIBRATION_WARMUP_DAYS, loadInputs } from './loadInputs.ts';

const fixture = resolve(import.meta.dirname, 'fixtures', 'tiny.yaml');
const loaded = loadScenario({ path: fixture });
const withBaseline = (baseline: string): Scenario => ({ ...loaded.scenario, program: { ...loaded.scenario.program, baseline } });
const inputsOf = (scenario: Scenario) => loadInputs({ scenario, scenarioPath: loaded.path, data: subsetsDir });

describe('loadInputs', () => {
  it('calibrates on a fixed window: two scenarios differing only in baseline method get identical no-DR loads', async () => {
    // caiso-10-in-10 looks back 45 days, nyiso-average-day 30, isone-90-10 120: three different warm-ups.
    const [caiso, nyiso, isone] = await Promise.all(['caiso-10-in-10', 'nyiso-average-day', 'isone-90-10'].map((b) => inputsOf(withBaseline(b))));
    expect([caiso!.warmupDays, nyiso!.warmupDays, isone!.warmupDays]).toEqual([46, 31, 121]);
    expect(caiso!.warmupDays).toBe(CALIBRATION_WARMUP_DAYS);
    for (const other of [nyiso!, isone!]) {
      expect(other.kwPerSystemUnit).toBe(caiso!.kwPerSystemUnit);
      const period = (inputs: typeof caiso) => inputs!.days.slice(inputs!.periodOffset);
      expect(period(other).map((d) => d.date)).toEqual(period(caiso).map((d) => d.date));
      expect(other.price).toEqual(caiso!.price);
      for (let p = 0; p < period(caiso).length; p++) {
        const loadsOf = (inputs: typeof caiso) => {
          const k = inputs!.periodOffset + p;
          return consumerLoadsForDay({
            population: inputs!.population,
            day: inputs!.days[k]!,
            temperature: inputs!.temperatureC.subarray(k * 24, k * 24 + 24),
            systemScale: inputs!.scale.subarray(k * 24, k * 24 + 24),
          }).loads;
        };
        expect(loadsOf(other)).toEqual(loadsOf(caiso));
      }
    }
    // the days simulated before the period line up with their own series (day k's temperature is day k's)
    const shift = caiso!.warmupDays - nyiso!.warmupDays;
    expect(nyiso!.days[0]!.date).toBe(caiso!.days[shift]!.date);
    expect(nyiso!.temperatureC.subarray(0, 24)).toEqual(caiso!.temperatureC.subarray(shift * 24, shift * 24 + 24));
    const extra = isone!.warmupDays - caiso!.warmupDays;
    expect(isone!.days[extra]!.date).toBe(caiso!.days[0]!.date);
    expect(isone!.scale.subarray(extra * 24, extra * 24 + 24)).toEqual(caiso!.scale.subarray(0, 24));
  }, 120_000);
});
