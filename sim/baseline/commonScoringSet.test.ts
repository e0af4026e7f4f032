import { describe, expect, it } from 'vitest';
import { commonScoringSet } from './commonScoringSet.ts';

const NaN_ = Number.NaN;
// Four cells of two event hours; two methods.
const actual = Float64Array.from([1, 2, /**/ 3, NaN_, /**/ 0, 0, /**/ 4, 4]);
const honest = [Float64Array.from([1, 1, 1, 1, 1, 1, 1, 1]), Float64Array.from([1, 1, 1, 1, 1, 1, NaN_, 1])];
const gamed = [Float64Array.from([2, 2, 2, 2, 2, 2, 2, 2]), Float64Array.from([2, 2, 2, 2, 2, 2, 2, 2])];
const windowLoad = [Float64Array.from([5, 5, 5, 5]), Float64Array.from([5, 5, 5, 5])];
const baselines = { actual, honest, gamed, windowLoad };

describe('commonScoringSet', () => {
  it('keeps cells with complete, positive actual load and every active method baselined', () => {
    const { common, scoredConsumerDays } = commonScoringSet({ baselines, active: [0, 1], cells: 4, durationHours: 2 });
    // cell 1: an hour unmetered; cell 2: zero load; cell 3: method 1 has no baseline for an hour.
    expect([...common]).toEqual([1, 0, 0, 0]);
    expect(scoredConsumerDays).toBe(1);
  });

  it('ignores methods that are not active', () => {
    const { common } = commonScoringSet({ baselines, active: [0], cells: 4, durationHours: 2 });
    expect([...common]).toEqual([1, 0, 0, 1]);
  });

  it('needs the gaming-window load of every active method', () => {
    const missingWindow = { ...baselines, windowLoad: [Float64Array.from([NaN_, 5, 5, 5]), windowLoad[1]!] };
    const { common } = commonScoringSet({ baselines: missingWindow, active: [0], cells: 4, durationHours: 2 });
    expect([...common]).toEqual([0, 0, 0, 1]);
  });
});
