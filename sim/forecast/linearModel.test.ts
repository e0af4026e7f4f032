import { describe, expect, it } from 'vitest';
import { LookAheadError } from '../errors.ts';
import { recencyModel } from './recencyModel.ts';
import { openHistory } from '../data/index.ts';
import { syntheticFrame } from './testing/syntheticFrame.ts';

const frame = syntheticFrame({
  days: 500,
  seed: 'linear-model',
  noise: 20,
  load: (i, calendar, t) => 1000 + 3 * (t[i] - 60) ** 2 / 10 + 80 * Math.sin((Math.PI * calendar.hour[i]) / 24) + (calendar.weekday[i] === 0 ? -100 : 0) + 0.01 * i,
});
const columns = { load: 'load', temperature: ['T1', 'T2'], futureTemperature: ['T1', 'T2'] };
const at = (day: number) => openHistory({ frame, decisionTime: frame.time[day * 24], exogenous: ['T1', 'T2'] });

describe('createLinearModel (incremental normal equations)', () => {
  it('refitted day by day predicts the same as one batch fit on all history', () => {
    const incremental = recencyModel({ ...columns, ridge: 1e-3 });
    for (let day = 200; day <= 400; day++) incremental.fit(at(day));
    const batch = recencyModel({ ...columns, ridge: 1e-3 });
    batch.fit(at(400));
    const a = incremental.predict({ history: at(400), horizon: 48 });
    const b = batch.predict({ history: at(400), horizon: 48 });
    for (let k = 0; k < 48; k++) expect(a[k]).toBeCloseTo(b[k], 6);
  });

  it('starts over when given an earlier history (never keeps rows from after the decision time)', () => {
    const model = recencyModel(columns);
    model.fit(at(450));
    const rewound = model.predict({ history: at(300), horizon: 24 });
    const fresh = recencyModel(columns).predict({ history: at(300), horizon: 24 });
    for (let k = 0; k < 24; k++) expect(rewound[k]).toBeCloseTo(fresh[k], 6);
  });

  it('fills lagged loads beyond the lead recursively and stays finite and close at 48 h', () => {
    const model = recencyModel(columns);
    const forecast = model.predict({ history: at(420), horizon: 48 });
    const actual = frame.columns.get('load')!;
    let ape = 0;
    for (let k = 0; k < 48; k++) {
      expect(Number.isFinite(forecast[k])).toBe(true);
      ape += Math.abs(forecast[k] - actual[420 * 24 + k]) / actual[420 * 24 + k];
    }
    expect(ape / 48).toBeLessThan(0.03);
  });

  it('refuses future temperatures that were not declared exogenous (LookAheadError)', () => {
    const model = recencyModel(columns);
    const history = openHistory({ frame, decisionTime: frame.time[300 * 24], exogenous: [] });
    expect(() => model.predict({ history, horizon: 24 })).toThrow(LookAheadError);
  });

  it('reads future temperature only from the columns it is told to (ex ante)', () => {
    const withForecast = syntheticFrame({ days: 300, seed: 'exante', forecastError: 3, load: (i, _c, t) => 500 + 5 * t[i] });
    const model = recencyModel({ load: 'load', temperature: ['T1', 'T2'], futureTemperature: ['T1_forecast', 'T2_forecast'] });
    const history = openHistory({ frame: withForecast, decisionTime: withForecast.time[250 * 24], exogenous: ['T1_forecast', 'T2_forecast'] });
    const forecast = model.predict({ history, horizon: 24 });
    expect(forecast.every(Number.isFinite)).toBe(true);
    const leaky = openHistory({ frame: withForecast, decisionTime: withForecast.time[250 * 24], exogenous: ['T1', 'T2'] });
    expect(() => recencyModel({ load: 'load', temperature: ['T1', 'T2'], futureTemperature: ['T1_forecast', 'T2_forecast'] }).predict({ history: leaky, horizon: 24 })).toThrow(LookAheadError);
  });
});
