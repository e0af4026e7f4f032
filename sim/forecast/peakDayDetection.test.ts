import { describe, expect, it } from 'vitest';
import { coincidentPeakCapture } from './coincidentPeakCapture.ts';
import { peakDayDetection } from './peakDayDetection.ts';
import { seasonOf } from './seasonOf.ts';

// Two seasons of 4 days each; k = 2.
const seasons = ['s1', 's1', 's1', 's1', 's2', 's2', 's2', 's2'];
const actualPeak = [10, 30, 20, 40, 5, 6, 7, 8];
const forecastPeak = [35, 31, 10, 39, 1, 2, 9, 8.5];

describe('peakDayDetection', () => {
  it('scores top-k flagged days against top-k actual days per season', () => {
    const r = peakDayDetection({ actualPeak, forecastPeak, seasons, k: 2 });
    // s1: actual top-2 = days 3, 1; flagged = 3, 0 → 1 hit. s2: actual 7, 6; flagged 6, 7 → 2 hits.
    expect(r.seasons[0]).toMatchObject({ season: 's1', actualDays: [3, 1], flaggedDays: [3, 0], hits: 1, precision: 0.5, recall: 0.5 });
    expect(r.seasons[1]).toMatchObject({ season: 's2', hits: 2, precision: 1, recall: 1 });
    expect(r.precision).toBeCloseTo(3 / 4, 12);
    expect(r.recall).toBeCloseTo(3 / 4, 12);
  });

  it('precision and recall differ when a day has no forecast', () => {
    const r = peakDayDetection({ actualPeak: [1, 2, 3], forecastPeak: [Number.NaN, Number.NaN, 5], seasons: ['a', 'a', 'a'], k: 2 });
    expect(r.precision).toBe(1);
    expect(r.recall).toBe(0.5);
  });
});

describe('coincidentPeakCapture', () => {
  it('counts CP hours inside the events called on the forecast top-k days', () => {
    const r = coincidentPeakCapture({
      actualPeak,
      actualPeakHour: [17, 17, 17, 18, 8, 9, 19, 12],
      forecastPeak,
      forecastPeakHour: [17, 17, 17, 16, 8, 12, 18, 12],
      seasons,
      k: 2,
      cpCount: 2,
      eventHours: 4,
    });
    // s1 CP days 3 (h18) and 1 (h17); events on days 3 (15..18) and 0 → captures day 3 only.
    expect(r.seasons[0]).toMatchObject({ cpHours: 2, captured: 1, capture: 0.5 });
    // s2 CP days 7 (h12), 6 (h19); events on 6 (17..20) and 7 (11..14) → both.
    expect(r.seasons[1]).toMatchObject({ cpHours: 2, captured: 2, capture: 1 });
    expect(r.capture).toBeCloseTo(0.75, 12);
  });
});

describe('seasonOf', () => {
  it('puts December in the next year\'s winter', () => {
    expect(seasonOf({ month: 12, year: 2007 })).toBe('2008-winter');
    expect(seasonOf({ month: 1, year: 2007 })).toBe('2007-winter');
    expect(seasonOf({ month: 3, year: 2007 })).toBe('2007-spring');
    expect(seasonOf({ month: 8, year: 2007 })).toBe('2007-summer');
    expect(seasonOf({ month: 11, year: 2007 })).toBe('2007-fall');
  });
});
