import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../errors.ts';
import { parseBaselineMethodSpec } from './baselineMethodSpec.ts';

const valid = {
  kind: 'XofY', x: 4, y: 5, pick: 'high', dayType: 'weekday', lookbackDays: 45,
  exclusions: { eventDays: true, holidays: true, dayAfterEvent: false, lowUsageFraction: 0.25 },
  adjustment: { kind: 'additive', windowHours: 3, gapHours: 1, cap: null },
};

function errorOf(input: unknown): ScenarioError {
  try {
    parseBaselineMethodSpec({ input, where: 'scenarios/x.yaml: program.baseline' });
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error('expected a ScenarioError');
}

describe('parseBaselineMethodSpec', () => {
  it('accepts a valid spec', () => {
    expect(parseBaselineMethodSpec({ input: valid }).kind).toBe('XofY');
  });

  it.each([
    [{ ...valid, x: 6 }, 'x: x (6) must not exceed y (5)'],
    [{ ...valid, pick: 'middle' }, "pick: pick 'middle'"],
    [{ ...valid, pick: 'all' }, "pick: pick 'all' needs x = y"],
    [{ ...valid, lookbackDays: 3 }, 'lookbackDays: lookbackDays (3) cannot hold y = 5'],
    [{ ...valid, adjustment: { kind: 'ratio', windowHours: 3, gapHours: 1, cap: [1.1, 1.2] } }, 'adjustment.cap'],
    [{ ...valid, exclusions: { ...valid.exclusions, lowUsageFraction: 2 } }, 'exclusions.lowUsageFraction'],
    [{ ...valid, extra: 1 }, 'extra'],
    [{ ...valid, kind: 'magic' }, 'kind'],
    [{ kind: 'regression', model: 'towt', trainingDays: 56, temperatureKnotsC: [20, 10], excludeEventDays: true, adjustment: { kind: 'none' } }, 'temperatureKnotsC'],
  ])('rejects %j naming the path', (input, expected) => {
    const error = errorOf(input);
    expect(error.details).toContain('scenarios/x.yaml: program.baseline');
    expect(error.details).toContain(expected);
    expect(error.hint).toMatch(/preset/);
  });
});
