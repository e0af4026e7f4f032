import { describe, expect, it } from 'vitest';
import { rankMethodScores } from './rankMethodScores.ts';
import type { MethodScore } from './scoreMethod.ts';

function score(id: number, rrmsePct: number | null, biasPct = 0): MethodScore {
  const metrics = { biasPct, rrmsePct: rrmsePct ?? Number.NaN, medianAbsPct: 1, cvRmsePct: 1 };
  return {
    id, name: `m${id}`, label: `M${id}`, source: 'test', rank: null, skipped: rrmsePct === null ? 'skipped' : null,
    coverage: { withBaseline: 1, tried: 1 },
    aggregate: rrmsePct === null ? null : { events: 1, ...metrics },
    perConsumerMedian: rrmsePct === null ? null : metrics,
    gaming: null,
  };
}

describe('rankMethodScores', () => {
  it('ranks by median RRMSE, then by smaller |aggregate bias|, then by id', () => {
    const ranked = rankMethodScores([score(1, 9), score(2, 5, -3), score(3, 5, 2), score(4, 5, 2)]);
    expect(ranked.map((s) => [s.id, s.rank])).toEqual([[3, 1], [4, 2], [2, 3], [1, 4]]);
  });

  it('puts skipped methods and methods without a finite RRMSE last, unranked, in id order', () => {
    const ranked = rankMethodScores([score(1, null), score(2, Number.NaN), score(3, 7)]);
    expect(ranked.map((s) => [s.id, s.rank])).toEqual([[3, 1], [1, null], [2, null]]);
  });
});
