import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.ts';
import { parseScenario } from '../scenario/index.ts';
import { withSeedOption } from './withSeedOption.ts';

const scenario = parseScenario({
  text: JSON.stringify({ name: 'seed-test', seed: 7, period: { start: '2007-07-01', end: '2007-07-02' }, population: { count: 1 } }),
  file: 'seed-test.yaml',
}).scenario;

describe('withSeedOption', () => {
  it('keeps the scenario without --seed and replaces only the seed with it', () => {
    expect(withSeedOption({ scenario, seed: undefined })).toBe(scenario);
    expect(withSeedOption({ scenario, seed: '4294967295' })).toEqual({ ...scenario, seed: 4294967295 });
  });
  it('refuses a seed that is not a uint32, with the fix', () => {
    for (const seed of ['-1', '4294967296', '1.5', 'abc']) {
      expect(() => withSeedOption({ scenario, seed })).toThrow(UsageError);
    }
    expect(() => withSeedOption({ scenario, seed: 'x' })).toThrow(/Invalid --seed "x"/);
  });
});
