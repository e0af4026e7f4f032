import { describe, expect, it } from 'vitest';
import { simDay } from '../agents/index.ts';
import { createSimClock } from './simClock.ts';

describe('createSimClock', () => {
  const clock = createSimClock({ timezone: 'America/New_York' });
  const day = (date: string) => simDay({ date }).epochDay;

  it('maps local hours to UTC instants (EDT = UTC−4, EST = UTC−5)', () => {
    expect(new Date(clock.instantOf(day('2007-07-09'), 17)).toISOString()).toBe('2007-07-09T21:00:00.000Z');
    expect(new Date(clock.instantOf(day('2007-01-09'), 17)).toISOString()).toBe('2007-01-09T22:00:00.000Z');
    expect(clock.secondsOf(day('2007-07-09'), 0.5)).toBe(BigInt(Date.UTC(2007, 6, 9, 4, 30) / 1000));
    expect(clock.utcOffsetHours(clock.instantOf(day('2007-07-09'), 12))).toBe(-4);
  });

  it('hours past 24 roll into the next day, and instants never go backwards across DST changes', () => {
    // 2007-03-11 02:00 does not exist in New York: it maps one hour after 01:00 (= 03:00); 01:00 on 2007-11-04
    // happens twice: the first one is taken
    expect(clock.instantOf(day('2007-07-09'), 24.5)).toBe(clock.instantOf(day('2007-07-10'), 0.5));
    for (const date of ['2007-03-11', '2007-11-04']) {
      let last = -Infinity;
      for (let h = 0; h < 24; h++) {
        const t = clock.instantOf(day(date), h);
        expect(t).toBeGreaterThanOrEqual(last);
        last = t;
      }
    }
  });
  it('places the missing and the repeated DST hours', () => {
    expect(new Date(clock.instantOf(day('2007-03-11'), 2)).toISOString()).toBe('2007-03-11T07:00:00.000Z');
    expect(new Date(clock.instantOf(day('2007-11-04'), 1)).toISOString()).toBe('2007-11-04T05:00:00.000Z');
  });
});
