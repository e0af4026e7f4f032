import { describe, expect, it } from 'vitest';
import { openHistory } from '../data/index.ts';
import { hourlyRecencyModel } from './hourlyRecencyModel.ts';
import { pointErrors } from './pointErrors.ts';
import { recencyModel } from './recencyModel.ts';
import { syntheticFrame } from './testing/syntheticFrame.ts';
import { vanillaBenchmark } from './vanillaBenchmark.ts';

const columns = { load: 'load', temperature: ['T1', 'T2'], futureTemperature: ['T1', 'T2'] };

/** Day-ahead forecasts of `days` consecutive days starting at day `first`, scored by MAPE. */
function mape(frame: ReturnType<typeof syntheticFrame>, model: ReturnType<typeof vanillaBenchmark>, first: number, days: number): number {
  const actual: number[] = [];
  const forecast: number[] = [];
  for (let d = first; d < first + days; d++) {
    const history = openHistory({ frame, decisionTime: frame.time[d * 24], exogenous: ['T1', 'T2'] });
    model.fit(history);
    const p = model.predict({ history, horizon: 24 });
    for (let k = 0; k < 24; k++) {
      actual.push(frame.columns.get('load')![d * 24 + k]);
      forecast.push(p[k]);
    }
  }
  return pointErrors({ actual, forecast }).mape;
}

describe('recency models', () => {
  // Load responds to the temperature of the previous hours and of the previous day (thermal inertia).
  const frame = syntheticFrame({
    days: 500,
    seed: 'recency',
    noise: 5,
    load: (i, c, t) => {
      const lagged = i >= 3 ? t[i - 3] : t[i];
      let previousDay = 0;
      for (let k = 1; k <= 24; k++) previousDay += i >= k ? t[i - k] : t[i];
      previousDay /= 24;
      return 1000 + 0.2 * (lagged - 62) ** 2 + 0.3 * (previousDay - 62) ** 2 + 60 * Math.sin((Math.PI * c.hour[i]) / 24);
    },
  });

  it('beat Hong\'s vanilla by far more than 10% when load has a recency effect', () => {
    const vanilla = mape(frame, vanillaBenchmark(columns), 450, 30);
    const pooled = mape(frame, recencyModel({ ...columns, loadLags: [] }), 450, 30);
    const hourly = mape(frame, hourlyRecencyModel(columns), 450, 30);
    expect(pooled).toBeLessThan(0.9 * vanilla);
    expect(hourly).toBeLessThan(0.9 * vanilla);
  });

  it('drops month terms for histories shorter than a year, so an unseen month still gets a temperature response', () => {
    // Train on Jan–Mar only, forecast April (as with the ISO-NE 2017 data).
    const short = syntheticFrame({ days: 121, seed: 'short', noise: 5, load: (i, c, t) => 800 + 0.3 * (t[i] - 60) ** 2 + 40 * Math.sin((Math.PI * c.hour[i]) / 24) });
    const auto = mape(short, hourlyRecencyModel(columns), 91, 28);
    const monthly = mape(short, hourlyRecencyModel({ ...columns, season: 'month' }), 91, 28);
    expect(auto).toBeLessThan(monthly);
    expect(auto).toBeLessThan(3);
  });
});
