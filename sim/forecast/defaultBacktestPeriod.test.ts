import { describe, expect, it } from 'vitest';
import { defaultBacktestPeriod } from './defaultBacktestPeriod.ts';
import { syntheticFrame } from './testing/syntheticFrame.ts';

describe('defaultBacktestPeriod', () => {
  it('holds out the last quarter (at most 365 days) of a load-and-temperature frame', () => {
    const frame = syntheticFrame({ days: 120, seed: 'period', load: () => 1 });
    expect(defaultBacktestPeriod({ frame })).toMatchObject({ from: '2004-03-31', to: '2004-04-29' });
  });

  it('uses the days that have temperature forecasts and load when the frame has forecasts', () => {
    const frame = syntheticFrame({ days: 100, seed: 'period', load: () => 1, forecastError: 1 });
    const load = frame.columns.get('load')!;
    load.fill(Number.NaN, 90 * 24); // the last 10 days have no load
    const forecasts = frame.columns.get('T1_forecast')!;
    forecasts.fill(Number.NaN, 0, 60 * 24); // forecasts only from day 60
    expect(defaultBacktestPeriod({ frame })).toMatchObject({ from: '2004-03-01', to: '2004-03-30' });
  });

  it('keeps the reference period of gefcom2012', () => {
    const frame = { ...syntheticFrame({ days: 10, seed: 'p', load: () => 1 }), name: 'gefcom2012' };
    expect(defaultBacktestPeriod({ frame })).toMatchObject({ from: '2007-01-01', to: '2007-12-31' });
  });
});
