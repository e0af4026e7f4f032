import { describe, expect, it } from 'vitest';
import { LookAheadError } from '../errors.ts';
import { seasonalNaive } from './seasonalNaive.ts';
import { openHistory } from '../data/index.ts';
import { syntheticFrame } from './testing/syntheticFrame.ts';

describe('seasonalNaive', () => {
  const frame = syntheticFrame({ days: 30, seed: 'naive', load: (i) => i });

  it('predicts the same hour last week', () => {
    const origin = 20 * 24 + 5;
    const history = openHistory({ frame, decisionTime: frame.time[origin] });
    const forecast = seasonalNaive({ load: 'load' }).predict({ history, horizon: 48 });
    for (let k = 0; k < 48; k++) expect(forecast[k]).toBe(origin + k - 168);
  });

  it('falls back one more week when last week is missing', () => {
    const load = frame.columns.get('load')!;
    const copy = { ...frame, columns: new Map(frame.columns).set('load', load.map((v, i) => (i === 15 * 24 + 2 ? Number.NaN : v))) };
    const history = openHistory({ frame: copy, decisionTime: copy.time[22 * 24] });
    const forecast = seasonalNaive({ load: 'load' }).predict({ history, horizon: 24 });
    expect(forecast[2]).toBe(22 * 24 + 2 - 336);
    expect(forecast[3]).toBe(22 * 24 + 3 - 168);
  });

  it('only reads before the decision time', () => {
    const history = openHistory({ frame, decisionTime: frame.time[10 * 24] });
    expect(() => history.values('load', 0, 10 * 24 + 1)).toThrow(LookAheadError);
    expect(seasonalNaive({ load: 'load' }).predict({ history, horizon: 24 }).every(Number.isFinite)).toBe(true);
  });
});
