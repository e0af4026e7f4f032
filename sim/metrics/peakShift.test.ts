import { describe, expect, it } from 'vitest';
import { peakShift } from './peakShift.ts';

// One day, hourly, from local midnight (America/New_York = UTC−4 in July): the peak without DR at 14:00.
const start = Date.UTC(2007, 6, 9, 4);
const timeMs = Float64Array.from({ length: 24 }, (_, h) => start + h * 3_600_000);
const baselineKw = Float64Array.from({ length: 24 }, (_, h) => (h === 14 ? 100 : h === 15 ? 98 : h === 16 ? 60 : 50));
const eventActive = Float64Array.from({ length: 24 }, (_, h) => (h === 13 || h === 14 ? 1 : 0));
const base = { baselineKw, eventActive, timeMs, timezone: 'America/New_York', intervalsPerHour: 1 };

describe('peakShift', () => {
  it('explains a peak that rebound moved to the hour after the event', () => {
    const withDrKw = Float64Array.from(baselineKw, (kw, h) => (h === 13 || h === 14 ? kw - 10 : h === 15 ? kw + 1 : kw));
    const r = peakShift({ ...base, withDrKw });
    expect(r).toMatchObject({ eventHourReductionKw: 10, reductionAtBaselinePeakKw: 10, changeAtWithDrPeakKw: 1, baselinePeakIndex: 14, withDrPeakIndex: 15, kind: 'after-event' });
    expect(r.explanation).toBe(
      'During event hours DR cut the load by 10 kW on average (10 kW at Mon Jul 9, 14:00, the hour of the peak without DR), but the peak with DR moved to Mon Jul 9, 15:00, after an event, where the rebound added 1 kW to the 98 kW load without DR; so the system peak fell by only 1 kW (1.00 %).',
    );
  });

  it('names a weaker event hour, or an hour no event covered, when that sets the peak with DR', () => {
    const withDrKw = Float64Array.from(baselineKw, (kw, h) => (h === 14 ? kw - 30 : h === 15 ? kw - 5 : kw));
    const r = peakShift({ ...base, withDrKw, eventActive: Float64Array.from({ length: 24 }, (_, h) => (h >= 13 && h <= 15 ? 1 : 0)) });
    expect(r.kind).toBe('other-event-interval');
    expect(r.explanation).toContain('moved to Mon Jul 9, 15:00, another event hour, where DR lowered the load by only 5 kW');
    const far = peakShift({ ...base, intervalsPerHour: 1, withDrKw: Float64Array.from(baselineKw, (kw, h) => (h === 14 || h === 15 || h === 16 ? kw - 60 : kw)), eventActive: Float64Array.from({ length: 24 }, (_, h) => (h >= 14 && h <= 16 ? 1 : 0)) });
    expect(far.withDrPeakIndex).toBe(0);
    expect(far.kind).toBe('no-event');
    expect(far.explanation).toContain('an hour no event covered, whose load was already 50 kW without DR');
  });

  it('keeps the peak where it was when the event covered it, and says so when no event was called', () => {
    const withDrKw = Float64Array.from(baselineKw, (kw, h) => (h === 14 ? kw - 1 : kw));
    expect(peakShift({ ...base, withDrKw }).kind).toBe('same-interval');
    const none = peakShift({ ...base, withDrKw: baselineKw, eventActive: new Float64Array(24) });
    expect(none).toMatchObject({ kind: 'no-events-called', eventHourReductionKw: null });
    expect(none.explanation).toBe('No DR event was called, so the system peak (100 kW, Mon Jul 9, 14:00) did not move.');
  });
});
