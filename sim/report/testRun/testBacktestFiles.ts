import { TIMEZONE } from './testRunConstants.ts';

/** A method's line in backtest-baseline.json: the aggregate at half the per-consumer figures. */
function method(rank: number, id: string, name: string, bias: number, rrmse: number) {
  return {
    rank,
    id,
    name,
    label: name,
    source: 'test',
    skipped: null,
    coverage: { withBaseline: 10, tried: 10 },
    aggregate: { events: 10, biasPct: bias / 2, rrmsePct: rrmse / 2, medianAbsPct: rrmse / 3, cvRmsePct: rrmse },
    perConsumerMedian: { biasPct: bias, rrmsePct: rrmse, medianAbsPct: rrmse / 1.5, cvRmsePct: rrmse * 1.1 },
    gaming: null,
  };
}

/** backtest-baseline.json: four methods on two datasets, ranked differently on each. */
function backtestBaseline() {
  return {
    schema: 'peaklab/backtest-baseline@1',
    datasets: ['cambridge_estates_buildings', 'citylearn_2022_fontana'].map((dataset, d) => ({
      dataset,
      timezone: TIMEZONE,
      consumers: 10,
      event: { startHour: 14, durationHours: 4 },
      gaming: { factor: 1.2, hours: 2 },
      placeboDays: [{ date: '2019-07-01', score: 1 }],
      scoredConsumerDays: 100,
      methods: [
        method(1, 'caiso-10-in-10', 'CAISO 10-in-10', -1.2 - d, 8.4 + d),
        method(2, 'pjm-high-4-of-5', 'PJM High 4 of 5', 3.5 + d, 9.1 + d),
        method(3, 'nyiso-5-of-10', 'NYISO 5 of 10', 1.1, 11.7 - d),
        method(4, 'towt', 'TOWT regression', -0.4, 7.2 + 2 * d),
      ],
    })),
  };
}

/** backtest-forecast.json: four models, ex post and ex ante, on July 2007. */
function backtestForecast() {
  return {
    schema: 'peaklab/backtest-forecast@1',
    dataset: 'gefcom2012',
    load: 'load',
    loadUnit: 'kW',
    temperature: ['t1'],
    period: { from: '2007-07-01', to: '2007-07-31', days: 31, hours: 744 },
    origin: 'midnight',
    horizon: 24,
    k: 5,
    cpCount: 4,
    eventHours: 4,
    runs: ['ex-post', 'ex-ante'].map((mode, m) => ({
      mode,
      futureTemperature: ['t1'],
      models: [
        { name: 'seasonal-naive', rank: 4, mapePct: 9.8 + m },
        { name: 'vanilla', rank: 3, mapePct: 5.1 + m },
        { name: 'recency', rank: 1, mapePct: 3.1 + m },
        { name: 'recency-hourly', rank: 2, mapePct: 3.4 + m },
      ],
    })),
  };
}

/** The backtest files a run directory may carry (`peaklab backtest baseline` / `forecast` output), by file name. */
export function testBacktestFiles(): Record<'backtest-baseline.json' | 'backtest-forecast.json', unknown> {
  return { 'backtest-baseline.json': backtestBaseline(), 'backtest-forecast.json': backtestForecast() };
}
