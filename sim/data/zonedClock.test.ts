import { describe, expect, it } from 'vitest';
import { zonedClock } from './zonedClock.ts';

describe('zonedClock', () => {
  const ny = zonedClock({ timezone: 'America/New_York' });
  it('maps wall times to instants, with holes and repeats', () => {
    expect(ny.toInstant(Date.UTC(2021, 0, 1, 12), 'prevailing')).toEqual({ instant: Date.UTC(2021, 0, 1, 17), repeat: Number.NaN });
    expect(ny.toInstant(Date.UTC(2021, 2, 14, 2), 'prevailing').instant).toBeNaN();
    expect(ny.toInstant(Date.UTC(2021, 10, 7, 1), 'prevailing')).toEqual({ instant: Date.UTC(2021, 10, 7, 5), repeat: Date.UTC(2021, 10, 7, 6) });
    expect(ny.toInstant(Date.UTC(2021, 6, 1, 12), 'standard').instant).toBe(Date.UTC(2021, 6, 1, 17));
    expect(ny.toInstant(Date.UTC(2021, 6, 1, 12), 'utc').instant).toBe(Date.UTC(2021, 6, 1, 12));
    expect(ny.standardOffset).toBe(-5 * 3_600_000);
  });

  it('computes a local calendar', () => {
    const c = ny.calendar(new Float64Array([Date.UTC(2021, 0, 1, 4), Date.UTC(2021, 6, 4, 16)]));
    expect([...c.year]).toEqual([2020, 2021]);
    expect([...c.month]).toEqual([12, 7]);
    expect([...c.day]).toEqual([31, 4]);
    expect([...c.hour]).toEqual([23, 12]);
    expect([...c.weekday]).toEqual([4, 0]);
  });
});
