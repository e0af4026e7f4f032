import { describe, expect, it } from 'vitest';
import { CAUSE_DST_REPEAT as R, CAUSE_GAP as G, CAUSE_MISSING as M, CAUSE_OK as O } from './finding.ts';
import { markDstRepeatGaps } from './markDstRepeatGaps.ts';

describe('markDstRepeatGaps', () => {
  it('marks gaps inside a repeated hour, not outages that span one or other causes', () => {
    const cause = Uint8Array.from([O, G, O, G, G, G, O, M]);
    markDstRepeatGaps({ cause, ambiguous: Uint8Array.from([0, 1, 1, 0, 1, 1, 1, 1]) });
    expect([...cause]).toEqual([O, R, O, G, G, G, O, M]);
  });
});
