import { describe, expect, it } from 'vitest';
import { LookAheadError } from '../errors.ts';
import { openHistory } from './openHistory.ts';
import type { Frame } from './types.ts';

const H = 3_600_000;
const start = Date.UTC(2020, 5, 1);
function frame(): Frame {
  const n = 48;
  const time = new Float64Array(n).map((_, i) => start + i * H);
  const col = (f: (i: number) => number) => new Float64Array(n).map((_, i) => f(i));
  return {
    name: 'f',
    start,
    stepMs: H,
    length: n,
    timezone: 'UTC',
    time,
    calendar: {
      hour: new Uint8Array(n).map((_, i) => i % 24),
      weekday: new Uint8Array(n),
      month: new Uint8Array(n).fill(6),
      day: new Uint8Array(n).map((_, i) => 1 + Math.floor(i / 24)),
      year: new Uint16Array(n).fill(2020),
    },
    columns: new Map([
      ['load', col((i) => 100 + i)],
      ['T_forecast', col((i) => i / 2)],
    ]),
    units: new Map([
      ['load', 'kW'],
      ['T_forecast', 'degF'],
    ]),
    roles: { load: 'load', temperatureForecast: ['T_forecast'] },
  };
}

function lookAhead(f: () => unknown): LookAheadError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(LookAheadError);
    return e as LookAheadError;
  }
  throw new Error('expected LookAheadError');
}

describe('openHistory', () => {
  it('shows only intervals that start before the decision time', () => {
    const h = openHistory({ frame: frame(), decisionTime: start + 24 * H });
    expect(h.visibleLength).toBe(24);
    expect([...h.values('load', 22, 24)]).toEqual([122, 123]);
    expect('columns' in h.frame).toBe(false);
    expect(h.frame.calendar.hour[30]).toBe(6); // the calendar is never secret
  });

  it('a decision time inside an interval hides that interval', () => {
    expect(openHistory({ frame: frame(), decisionTime: start + 24 * H + 1 }).visibleLength).toBe(25);
    expect(openHistory({ frame: frame(), decisionTime: start - H }).visibleLength).toBe(0);
    expect(openHistory({ frame: frame(), decisionTime: start + 100 * H }).visibleLength).toBe(48);
  });

  it('reading at or after the decision time throws LookAheadError naming column, asked time and decision time', () => {
    const h = openHistory({ frame: frame(), decisionTime: start + 24 * H });
    const e = lookAhead(() => h.values('load', 20, 25));
    expect(e.message).toContain('"load"');
    expect(e.message).toContain('2020-06-02T00:00:00.000Z'); // asked (interval 24) = decision time
    expect(e.shortMessage).toContain('decision time 2020-06-02T00:00:00.000Z');
  });

  it('exogenous columns may be read ahead; others may not', () => {
    const h = openHistory({ frame: frame(), decisionTime: start + 24 * H, exogenous: ['T_forecast'] });
    expect([...h.exogenous('T_forecast', 24, 26)]).toEqual([12, 12.5]);
    expect(() => h.values('T_forecast', 0, 30)).toThrow(LookAheadError);
    const e = lookAhead(() => h.exogenous('load', 24, 26));
    expect(e.message).toContain('"load" is not exogenous');
  });

  it('returns copies, so a model cannot change the frame', () => {
    const f = frame();
    const h = openHistory({ frame: f, decisionTime: start + 24 * H });
    h.values('load', 0, 2)[0] = -1;
    expect(f.columns.get('load')![0]).toBe(100);
  });

  it('rejects unknown columns, bad ranges and unknown exogenous columns', () => {
    const h = openHistory({ frame: frame(), decisionTime: start + 24 * H });
    expect(() => h.values('nope', 0, 1)).toThrow(/Column "nope" is not in frame f/);
    expect(() => h.values('load', 3, 2)).toThrow(/outside frame/);
    expect(() => openHistory({ frame: frame(), decisionTime: start, exogenous: ['x'] })).toThrow(/Exogenous column "x"/);
    expect(() => openHistory({ frame: frame(), decisionTime: Number.NaN })).toThrow(/not a finite/);
  });
});
