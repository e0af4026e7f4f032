import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.ts';
import { eventReadSummary } from './eventReadSummary.ts';
import { VEE_REASON, VEE_REASONS, VEE_STATUS } from './validateReads.ts';

describe('eventReadSummary', () => {
  it('rejected reads earn nothing; every flagged read of the window is counted under its reason', () => {
    const status = new Uint8Array(48);
    const reason = new Uint8Array(48);
    const value = new Float64Array(48).fill(1.5);
    // Consumer 0: hour 18 missing but estimated; consumer 1: hours 17-18 tampered (rejected), hour 20 outside the window.
    status[18] = VEE_STATUS.estimated;
    reason[18] = VEE_REASON.missing;
    value[18] = 2;
    for (const t of [24 + 17, 24 + 18, 24 + 20]) {
      status[t] = VEE_STATUS.rejected;
      reason[t] = VEE_REASON.tamper;
      value[t] = Number.NaN;
    }
    const s = eventReadSummary({ vee: { status, reason, value }, start: 16, end: 20 });
    expect([...s.acceptedKwh]).toEqual([1.5 * 3 + 2, 1.5 * 2]);
    expect([...s.validIntervals]).toEqual([3, 2]);
    expect([...s.estimatedIntervals]).toEqual([1, 0]);
    expect([...s.rejectedIntervals]).toEqual([0, 2]);
    expect(s.reasonCounts[VEE_REASON.missing]).toBe(1);
    expect(s.reasonCounts[VEE_REASONS + VEE_REASON.tamper]).toBe(2);
    expect(s.reasonCounts[VEE_REASONS + VEE_REASON.none]).toBe(2);
  });

  it('15-minute days and a window outside the day', () => {
    const s = eventReadSummary({ vee: { status: new Uint8Array(96), reason: new Uint8Array(96), value: new Float64Array(96).fill(0.25) }, start: 68, end: 84, intervalsPerHour: 4 });
    expect(s.acceptedKwh[0]).toBe(4);
    expect(() => eventReadSummary({ vee: { status: new Uint8Array(24), reason: new Uint8Array(24), value: new Float64Array(24) }, start: 20, end: 25 })).toThrow(UsageError);
  });
});
