import { describe, expect, it } from 'vitest';
import { ambiguousIntervals } from './ambiguousIntervals.ts';
import { zonedClock } from './zonedClock.ts';

const H = 3_600_000;

describe('ambiguousIntervals', () => {
  it('marks both occurrences of the fall-back hour (New York, 2020-11-01 01:00 local)', () => {
    const start = Date.UTC(2020, 10, 1, 4); // 00:00 EDT
    const time = Float64Array.from({ length: 5 }, (_, i) => start + i * H); // 00 EDT, 01 EDT, 01 EST, 02 EST, 03 EST
    expect([...ambiguousIntervals({ time, stepMs: H, clock: zonedClock({ timezone: 'America/New_York' }) })]).toEqual([0, 1, 1, 0, 0]);
  });

  it('marks nothing in a zone without DST', () => {
    const time = Float64Array.from({ length: 3 }, (_, i) => Date.UTC(2020, 10, 1) + i * H);
    expect([...ambiguousIntervals({ time, stepMs: H, clock: zonedClock({ timezone: 'UTC' }) })]).toEqual([0, 0, 0]);
  });
});
