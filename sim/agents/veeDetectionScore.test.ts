import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.ts';
import { veeDetectionScore } from './veeDetectionScore.ts';

describe('veeDetectionScore', () => {
  it('counts read-level hits, false alarms and misses per fault kind (hand-made case)', () => {
    // truth:  clean, missing, missing, spike, tamper, clean, stuck
    // reason: none,  missing, none,    stuck, tamper, tamper, stuck
    const truth = Uint8Array.of(0, 1, 1, 3, 5, 0, 2);
    const reason = Uint8Array.of(0, 1, 0, 2, 5, 5, 2);
    const s = veeDetectionScore({ truth, reason });
    expect(s.byFault.missing).toEqual({ truePositives: 1, falsePositives: 0, falseNegatives: 1, precision: 1, recall: 0.5 });
    expect(s.byFault.spike).toMatchObject({ truePositives: 0, falsePositives: 0, falseNegatives: 1, recall: 0 });
    expect(Number.isNaN(s.byFault.spike.precision)).toBe(true);
    expect(s.byFault.stuck).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 0, precision: 0.5, recall: 1 });
    expect(s.byFault.tamper).toMatchObject({ truePositives: 1, falsePositives: 1, precision: 0.5, recall: 1 });
    expect(Number.isNaN(s.byFault.clockDrift.recall)).toBe(true);
    // Any fault vs any flag: the mislabelled spike still counts as caught.
    expect(s.any).toMatchObject({ truePositives: 4, falsePositives: 1, falseNegatives: 1 });
    expect([s.reads, s.faultyReads, s.flaggedReads]).toEqual([7, 5, 5]);
  });

  it('needs the VEE output of the same reads', () => {
    expect(() => veeDetectionScore({ truth: new Uint8Array(3), reason: new Uint8Array(4) })).toThrow(UsageError);
  });
});
