/**
 * Test support (imported by tests and the benchmark only, not part of the public entry): scenarios parsed
 * from a few lines of YAML, synthetic shape sets built from formulas, and the real shapes of the committed
 * subsets.
 */
import { loadDataset, subsetsDir } from '../data/index.ts';
import { METER_FAULTS, type MeterFaultKind, parseScenario, type Scenario, type ScenarioInput } from '../scenario/index.ts';
import { type ConsumerPopulation, FAULT_KINDS } from './buildPopulation.ts';
import { type ConsumerShapes, extractShapes, flatShapeSet, PROFILE_STRIDE, type ShapeSet } from './extractShapes.ts';

export interface TestScenarioParameters {
  seed?: number;
  count?: number;
  archetypes?: NonNullable<ScenarioInput['population']>['archetypes'];
}

/** A validated scenario (every default filled) with the given seed, count and archetype mix. */
export function testScenario({ seed = 7, count = 100, archetypes }: TestScenarioParameters = {}): Scenario {
  const input = { name: 'agents-test', seed, period: { start: '2007-07-01', end: '2007-07-31' }, population: { count, ...(archetypes ? { archetypes } : {}) } };
  return parseScenario({ text: JSON.stringify(input), file: 'agents-test.yaml' }).scenario;
}

function syntheticSet(kind: 'residential' | 'commercial', sources: number): ShapeSet {
  const profiles = new Float64Array(sources * PROFILE_STRIDE);
  for (let s = 0; s < sources; s++) {
    for (let m = 1; m <= 12; m++) {
      for (let dt = 0; dt < 2; dt++) {
        for (let h = 0; h < 24; h++) {
          const v =
            kind === 'residential'
              ? 0.6 + 0.5 * Math.exp(-((h - 8) ** 2) / 4) + (0.9 + 0.1 * s) * Math.exp(-((h - 19) ** 2) / 6)
              : dt === 1
                ? 0.5
                : 0.6 + (h >= 8 && h < 18 ? 0.9 + 0.05 * s : 0);
          profiles[s * PROFILE_STRIDE + ((m - 1) * 2 + dt) * 24 + h] = v;
        }
      }
    }
  }
  return {
    kind,
    dataset: 'synthetic',
    names: Array.from({ length: sources }, (_, s) => `${kind}_${s}`),
    profiles,
    coolingSlope: Float64Array.from({ length: sources }, (_, s) => 0.02 + 0.01 * s),
    balancePointC: new Float64Array(sources).fill(20),
    fitR2: new Float64Array(sources).fill(0.5),
    meanLoad: new Float64Array(sources).fill(1),
    excluded: [],
  };
}

/** Shapes from formulas (a morning and an evening peak for homes, office hours for buildings). */
export function syntheticShapes(): ConsumerShapes {
  return { residential: syntheticSet('residential', 3), commercial: syntheticSet('commercial', 2), flat: flatShapeSet() };
}

/** Shapes calibrated on the committed subsets (citylearn homes, Cambridge buildings). */
export async function subsetShapes(): Promise<ConsumerShapes> {
  const load = async (name: string) => (await loadDataset({ name, dataRoot: subsetsDir, manifestDir: subsetsDir })).frame;
  return extractShapes({ frames: { residential: await load('citylearn_2022_fontana'), commercial: await load('cambridge_estates_buildings') } });
}

/** The population with every meter's daily rate of each fault kind set (unlisted kinds 0). */
export function withFaultRates(population: ConsumerPopulation, rates: Partial<Record<MeterFaultKind, number>>): ConsumerPopulation {
  const faultRates = new Float64Array(population.count * FAULT_KINDS);
  for (let i = 0; i < population.count; i++) METER_FAULTS.forEach((kind, k) => (faultRates[i * FAULT_KINDS + k] = rates[kind] ?? 0));
  return { ...population, faultRates };
}
