import { describe, expect, it } from 'vitest';
import { applyAdjustment } from './applyAdjustment.ts';

const base = Float64Array.of(10, 20);

describe('applyAdjustment', () => {
  it('scales by the window ratio, bounded by a symmetric cap', () => {
    // ratio 12/10 = 1.2 inside ±25 % → [12, 24]; 15/10 = 1.5 capped at 1.25 → [12.5, 25].
    const ok = applyAdjustment({ baseline: base, adjustment: { kind: 'ratio', windowHours: 3, gapHours: 1, cap: 0.25 }, actualWindowMean: 12, baselineWindowMean: 10 });
    expect([...ok.values]).toEqual([12, 24]);
    expect(ok.outcome?.capped).toBe(false);
    const capped = applyAdjustment({ baseline: base, adjustment: { kind: 'ratio', windowHours: 3, gapHours: 1, cap: 0.25 }, actualWindowMean: 15, baselineWindowMean: 10 });
    expect([...capped.values]).toEqual([12.5, 25]);
    expect(capped.outcome).toMatchObject({ applied: 1.25, capped: true });
  });

  it('uses [lo, hi] bounds as given (NYISO 0.8–1.2)', () => {
    const low = applyAdjustment({ baseline: base, adjustment: { kind: 'ratio', windowHours: 2, gapHours: 2, cap: [0.8, 1.2] }, actualWindowMean: 5, baselineWindowMean: 10 });
    expect([...low.values]).toEqual([8, 16]);
  });

  it('shifts additively, with the cap expressed as a share of the baseline window', () => {
    // +6 kW wanted; cap 0.2 of a 10 kW window → +2 → [12, 22]. Uncapped → [16, 26].
    const capped = applyAdjustment({ baseline: base, adjustment: { kind: 'additive', windowHours: 3, gapHours: 1, cap: 0.2 }, actualWindowMean: 16, baselineWindowMean: 10 });
    expect([...capped.values]).toEqual([12, 22]);
    const free = applyAdjustment({ baseline: base, adjustment: { kind: 'additive', windowHours: 3, gapHours: 1, cap: null }, actualWindowMean: 16, baselineWindowMean: 10 });
    expect([...free.values]).toEqual([16, 26]);
  });

  it('never returns a negative baseline and leaves a zero window unscaled', () => {
    const neg = applyAdjustment({ baseline: base, adjustment: { kind: 'additive', windowHours: 1, gapHours: 0, cap: null }, actualWindowMean: 0, baselineWindowMean: 15 });
    expect([...neg.values]).toEqual([0, 5]);
    const zero = applyAdjustment({ baseline: base, adjustment: { kind: 'ratio', windowHours: 1, gapHours: 0, cap: null }, actualWindowMean: 3, baselineWindowMean: 0 });
    expect([...zero.values]).toEqual([10, 20]);
  });

  it('passes through with kind none', () => {
    const r = applyAdjustment({ baseline: base, adjustment: { kind: 'none' }, actualWindowMean: 99, baselineWindowMean: 1 });
    expect(r.values).toBe(base);
    expect(r.outcome).toBeNull();
  });
});
