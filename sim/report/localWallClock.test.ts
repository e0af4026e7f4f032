import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.ts';
import { localWallClock, wallClockIso } from './localWallClock.ts';

describe('localWallClock', () => {
  const ny = localWallClock({ timezone: 'America/New_York' });
  it('shifts UTC instants to the zone’s wall clock, DST included', () => {
    expect(wallClockIso(ny(Date.parse('2007-07-01T18:00:00Z')))).toBe('2007-07-01T14:00:00Z');
    expect(wallClockIso(ny(Date.parse('2007-01-15T18:00:00Z')))).toBe('2007-01-15T13:00:00Z');
  });
  it('repeats the fall-back hour and skips the spring-forward hour', () => {
    expect(wallClockIso(ny(Date.parse('2007-11-04T05:30:00Z')))).toBe('2007-11-04T01:30:00Z');
    expect(wallClockIso(ny(Date.parse('2007-11-04T06:30:00Z')))).toBe('2007-11-04T01:30:00Z');
    expect(wallClockIso(ny(Date.parse('2007-03-11T07:00:00Z')))).toBe('2007-03-11T03:00:00Z');
  });
  it('rejects unknown zones with a hint', () => {
    expect(() => localWallClock({ timezone: 'Mars/Olympus' })).toThrow(UsageError);
  });
});
