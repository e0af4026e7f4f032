import { describe, expect, it } from 'vitest';
import { heldOverIntervals } from './heldOverIntervals.ts';

describe('heldOverIntervals', () => {
  it('holds each hour over its intervals', () => {
    expect([...heldOverIntervals({ hourly: [1, 2], intervalsPerHour: 4, length: 8 })]).toEqual([1, 1, 1, 1, 2, 2, 2, 2]);
  });
  it('is the hourly series itself at one interval an hour', () => {
    expect([...heldOverIntervals({ hourly: Float64Array.from([3, 5, 7]), intervalsPerHour: 1, length: 3 })]).toEqual([3, 5, 7]);
  });
});
