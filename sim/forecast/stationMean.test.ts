import { describe, expect, it } from 'vitest';
import { openHistory } from '../data/index.ts';
import { LookAheadError } from '../errors.ts';
import { stationMean } from './stationMean.ts';
import { syntheticFrame } from './testing/syntheticFrame.ts';

describe('stationMean', () => {
  const frame = syntheticFrame({ days: 3, seed: 's', load: () => 1 });
  const t1 = frame.columns.get('T1')!;
  const t2 = frame.columns.get('T2')!;
  t1[5] = Number.NaN;
  const history = openHistory({ frame, decisionTime: frame.time[24], exogenous: ['T1', 'T2'] });

  it('averages stations hour by hour, NaN where one is missing', () => {
    const mean = stationMean({ history, columns: ['T1', 'T2'], fromIndex: 0, toIndex: 24, source: 'observed' });
    expect(mean[0]).toBeCloseTo((t1[0] + t2[0]) / 2, 12);
    expect(Number.isNaN(mean[5])).toBe(true);
  });

  it('reads future hours only through exogenous', () => {
    expect(() => stationMean({ history, columns: ['T1'], fromIndex: 24, toIndex: 48, source: 'observed' })).toThrow(LookAheadError);
    expect(stationMean({ history, columns: ['T1'], fromIndex: 24, toIndex: 48, source: 'exogenous' })[0]).toBe(t1[24]);
  });
});
