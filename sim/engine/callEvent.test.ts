import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/index.ts';
import { callEvent } from './callEvent.ts';

const program = (events: Record<string, unknown> = {}) =>
  parseScenario({ text: JSON.stringify({ name: 't', period: { start: '2007-07-01', end: '2007-07-02' }, program: { events } }), file: 't.yaml' }).scenario.program;
// A summer day: 70 outside the afternoon, peak 95 at 16:00; the 4-hour window of most energy is 14–17
// (13–16: 350, 14–17: 358, 15–18: 343).
const afternoon: Record<number, number> = { 13: 72, 14: 90, 15: 93, 16: 95, 17: 80, 18: 75 };
const day = Float64Array.from({ length: 24 }, (_, h) => afternoon[h] ?? 70);

describe('callEvent', () => {
  it('calls nothing below the stress threshold (percent of the trailing peak)', () => {
    expect(callEvent({ forecast: day, trailingPeak: 110, program: program(), calledThisSeason: 0 })).toEqual({ event: null, reason: 'below threshold' });
  });

  it('calls a regular event on the window of highest forecast energy when the peak reaches stress', () => {
    const { event } = callEvent({ forecast: day, trailingPeak: 100, program: program({ trigger: { stress: 90, emergency: 97 }, durationHours: 4 }), calledThisSeason: 0 });
    expect(event).toMatchObject({ tier: 'tier2', startHour: 14, durationHours: 4, noticeHours: 24 });
    expect(event!.forecastPeak).toBeCloseTo(95, 9);
    expect(event!.threshold).toBeCloseTo(90, 9);
  });

  it('calls an emergency (its shorter maximum duration) at the emergency level, and respects the season cap', () => {
    const p = program({ trigger: { stress: 80, emergency: 94 }, maxPerSeason: 3 });
    const { event } = callEvent({ forecast: day, trailingPeak: 100, program: p, calledThisSeason: 2 });
    expect(event).toMatchObject({ tier: 'emergency', durationHours: 2, startHour: 15 }); // 93 + 95
    expect(callEvent({ forecast: day, trailingPeak: 100, program: p, calledThisSeason: 3 })).toEqual({ event: null, reason: 'season cap' });
  });

  it('compares kW directly with metric kw', () => {
    const p = program({ trigger: { metric: 'kw', stress: 95, emergency: 200 } });
    expect(callEvent({ forecast: day, trailingPeak: Number.NaN, program: p, calledThisSeason: 0 }).event?.tier).toBe('tier2');
    expect(callEvent({ forecast: day, trailingPeak: Number.NaN, program: program({ trigger: { metric: 'kw', stress: 96, emergency: 200 } }), calledThisSeason: 0 }).event).toBeNull();
  });

  it('starts no sooner than the tier’s minimum notice after the decision', () => {
    // tier1 needs 24 h notice; deciding at 10:00 the day before (14 h before midnight) leaves windows from 10:00 on
    const p = program({ tier: 'tier1', trigger: { stress: 80, emergency: 99 } });
    const { event } = callEvent({ forecast: day, trailingPeak: 100, program: p, calledThisSeason: 0, hoursBeforeDay: 14 });
    expect(event).toMatchObject({ tier: 'tier1', startHour: 14 });
    const early = Float64Array.from({ length: 24 }, (_, h) => (h < 6 ? 95 : 60));
    expect(callEvent({ forecast: early, trailingPeak: 100, program: p, calledThisSeason: 0, hoursBeforeDay: 14 }).event).toMatchObject({ startHour: 10 });
  });
});
