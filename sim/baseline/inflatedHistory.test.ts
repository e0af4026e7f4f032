import { describe, expect, it } from 'vitest';
import { inflatedHistory } from './inflatedHistory.ts';
import { testFrame, testHistory, utc } from './testSupport.ts';

describe('inflatedHistory', () => {
  it('scales one column over one index range and nothing else', () => {
    const frame = testFrame({ start: '2024-01-01', days: 1, columns: { a: (_d, h) => h, b: (_d, h) => h } });
    const base = testHistory({ frame, decisionTime: utc('2024-01-01', 10) });
    const h = inflatedHistory({ history: base, column: 'a', fromIndex: 3, toIndex: 5, factor: 2 });
    expect([...h.values('a', 2, 7)]).toEqual([2, 6, 8, 5, 6]);
    expect([...h.values('b', 2, 7)]).toEqual([2, 3, 4, 5, 6]);
    expect([...base.values('a', 2, 7)]).toEqual([2, 3, 4, 5, 6]);
    expect(h.visibleLength).toBe(10);
  });
});
