import { describe, expect, it } from 'vitest';
import { openHistory } from '../data/index.ts';
import { LookAheadError, UsageError } from '../errors.ts';
import { backtestForecast } from './backtestForecast.ts';
import { forecastDailyCsv, forecastMetricsCsv, forecastReport } from './forecastReport.ts';
import { syntheticFrame } from './testing/syntheticFrame.ts';

const frame = syntheticFrame({
  days: 420,
  seed: 'backtest',
  noise: 15,
  forecastError: 2,
  load: (i, c, t) => 1500 + 0.5 * (t[i] - 62) ** 2 + 150 * Math.sin((Math.PI * c.hour[i]) / 24) - (c.weekday[i] === 0 || c.weekday[i] === 6 ? 120 : 0),
});

describe('backtestForecast', () => {
  const result = backtestForecast({
    frame,
    openHistory,
    from: '2005-01-01',
    to: '2005-01-31',
    models: ['seasonal-naive', 'vanilla', 'recency'],
  });

  it('runs ex post and ex ante, one forecast per target hour, every model scored', () => {
    expect(result.runs.map((r) => r.mode)).toEqual(['ex-post', 'ex-ante']);
    expect(result.days.date[0]).toBe('2005-01-01');
    expect(result.days.date.length).toBe(31);
    expect(result.actual.length).toBe(31 * 24);
    expect(result.horizon).toBe(24);
    for (const run of result.runs) {
      expect(run.models.map((m) => m.name)).toEqual(['seasonal-naive', 'vanilla', 'recency']);
      for (const m of run.models) {
        expect(m.score.points.count).toBe(31 * 24);
        expect(m.forecast.every(Number.isFinite)).toBe(true);
      }
    }
    expect(result.runs[1].futureTemperature).toEqual(['T1_forecast', 'T2_forecast']);
  });

  it('scores the seasonal naive exactly as the load one week earlier', () => {
    const naive = result.runs[0].models[0].forecast;
    const load = frame.columns.get('load')!;
    const first = result.days.frameIndex[0];
    for (let h = 0; h < naive.length; h++) expect(naive[h]).toBe(load[first + h - 168]);
  });

  it('temperature models beat the seasonal naive; ex ante is no better than ex post', () => {
    const [expost, exante] = result.runs.map((r) => new Map(r.models.map((m) => [m.name, m.score.points.mape])));
    expect(expost.get('vanilla')!).toBeLessThan(expost.get('seasonal-naive')!);
    expect(expost.get('recency')!).toBeLessThan(expost.get('seasonal-naive')!);
    expect(exante.get('vanilla')!).toBeGreaterThan(expost.get('vanilla')! * 0.98);
  });

  it('with an origin at 10:00 the day before, uses a 48 h horizon and still never looks ahead', () => {
    const r = backtestForecast({ frame, openHistory, from: '2005-02-01', to: '2005-02-03', models: ['recency'], modes: ['ex-post'], origin: 10 });
    expect(r.horizon).toBe(48);
    expect(r.runs[0].models[0].forecast.every(Number.isFinite)).toBe(true);
  });

  it('handles a 25-hour day (fall back) with a 48 h horizon, and a last day that ends at the end of the data', () => {
    const short = syntheticFrame({ days: 41, seed: 'dst', load: (i, c) => 100 + c.hour[i] });
    // Relabel 00:00 of 2004-02-09 as a repeated 23:00 of 2004-02-08 (a 25-hour day); 2004-02-10 is the last day.
    const first = 39 * 24;
    const calendar = { ...short.calendar, hour: short.calendar.hour.slice(), day: short.calendar.day.slice() };
    calendar.hour[first] = 23;
    calendar.day[first] = calendar.day[first - 1];
    const relabelled = { ...short, calendar };
    const r = backtestForecast({ frame: relabelled, openHistory, from: '2004-02-08', to: '2004-02-10', models: ['seasonal-naive'] });
    expect(r.horizon).toBe(48);
    expect(Array.from(r.days.dayStart)).toEqual([0, 25, 48, 72]);
    expect(r.runs[0].models[0].forecast.every(Number.isFinite)).toBe(true);
  });

  it('propagates LookAheadError when a history forbids the future temperature', () => {
    expect(() =>
      backtestForecast({
        frame,
        openHistory: (p) => openHistory({ ...p, exogenous: [] }),
        from: '2005-01-01',
        to: '2005-01-02',
        models: ['vanilla'],
        modes: ['ex-post'],
      }),
    ).toThrow(LookAheadError);
  });

  it('rejects periods outside the data and unknown models with UsageError', () => {
    expect(() => backtestForecast({ frame, openHistory, from: '2010-01-01', to: '2010-01-31', models: ['vanilla'] })).toThrow(UsageError);
    expect(() => backtestForecast({ frame, openHistory, from: '2005-01-01', to: '2005-01-02', models: ['nope'] })).toThrow(UsageError);
  });

  it('reports ranks, the improvement over vanilla and CSV tables', () => {
    const report = forecastReport({ result, loadUnit: 'MW' });
    const run = report.runs[0];
    expect(run.models.map((m) => m.rank).sort()).toEqual([1, 2, 3]);
    expect(run.models.find((m) => m.name === 'vanilla')!.mapeImprovementVsVanillaPct).toBe(0);
    expect(run.models[0].seasons[0].season).toBe('2005-winter');
    const metrics = forecastMetricsCsv({ report }).trim().split('\n');
    expect(metrics[0].startsWith('mode,rank,model,mape_pct')).toBe(true);
    expect(metrics.length).toBe(1 + 2 * 3);
    const daily = forecastDailyCsv({ result }).trim().split('\n');
    expect(daily.length).toBe(1 + 2 * 3 * 31);
  });
});
