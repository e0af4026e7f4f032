/**
 * The backtest on a generated 240-day frame (2023-01-02 …, UTC) with three consumers: an office (weekday
 * working-hours load + cooling above 15 °C), a home (evening peak) and a flat load, each with a small
 * deterministic wiggle.
 */
import { describe, expect, it } from 'vitest';
import { backtestBaselines } from './backtestBaselines.ts';
import { backtestReportFiles } from './backtestReportFiles.ts';
import { findBaselineMethod } from './baselineMethods.ts';
import { formatBacktestTable } from './formatBacktestTable.ts';
import { testFrame } from './testSupport.ts';

const dayOfYear = (date: string) => (Date.parse(`${date}T00:00:00Z`) - Date.parse('2023-01-01T00:00:00Z')) / 86_400_000;
const wiggle = (date: string, hour: number, k: number) => {
  const x = Math.sin((dayOfYear(date) * 24 + hour) * 12.9898 + k * 78.233) * 43758.5453;
  return x - Math.floor(x) - 0.5;
};
const temp = (date: string, hour: number) => 10 + 10 * Math.sin((2 * Math.PI * (dayOfYear(date) - 100)) / 365) + 5 * Math.sin((2 * Math.PI * (hour - 9)) / 24);

function frame(withTemperature = true) {
  return testFrame({
    start: '2023-01-02', days: 240,
    columns: {
      office: (d, h, wd) => 20 + (wd >= 1 && wd <= 5 && h >= 8 && h < 18 ? 30 : 0) + 0.8 * Math.max(0, temp(d, h) - 15) + 2 * wiggle(d, h, 1),
      home: (d, h) => 1 + (h >= 17 && h < 22 ? 1.5 : 0) + 0.05 * temp(d, h) + 0.3 * wiggle(d, h, 2),
      flat: (d, h) => 5 + 0.5 * wiggle(d, h, 3),
      ...(withTemperature ? { temp } : {}),
    },
    consumers: ['office', 'home', 'flat'],
    temperature: withTemperature ? ['temp'] : [],
    units: { temp: 'degC' },
    name: 'synthetic',
  });
}

describe('backtestBaselines', () => {
  const f = frame();
  const result = backtestBaselines({ frame: f, placeboDaysPerYear: 6 });

  it('picks the highest-load non-holiday weekdays after the warm-up', () => {
    expect(result.placeboDays).toHaveLength(6);
    for (const p of result.placeboDays) {
      const wd = new Date(p.start).getUTCDay();
      expect(wd).toBeGreaterThanOrEqual(1);
      expect(wd).toBeLessThanOrEqual(5);
      expect(new Date(p.start).getUTCHours()).toBe(14);
      expect(p.eventIndex).toBeGreaterThanOrEqual(121 * 24); // ISO-NE lookback 120 days + 1
    }
    expect(result.scoredConsumerDays).toBe(18);
  });

  it('scores and ranks every method', () => {
    expect(result.methods.map((m) => m.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const m of result.methods) {
      expect(Number.isFinite(m.perConsumerMedian!.rrmsePct)).toBe(true);
      expect(Number.isFinite(m.aggregate!.biasPct)).toBe(true);
      expect(m.aggregate!.events).toBe(6);
    }
    expect(result.perConsumer).toHaveLength(30);
  });

  it('credits the gamer extra baseline only where the method reads the inflated hours', () => {
    const by = (name: string) => result.methods.find((m) => m.name === name)!.gaming!;
    for (const name of ['caiso-10-in-10', 'caiso-5-in-10-residential', 'pjm-high-4-of-5', 'pjm-same-day-3-2', 'nyiso-average-day', 'ercot-middle-8-of-10', 'isone-90-10', 'uk-dfs']) {
      expect(by(name).extraBaselineKWh, name).toBeGreaterThan(0);
    }
    expect(by('pjm-match-day').extraBaselineKWh).toBe(0);
    // TOWT trains on whole days before the event day, so the inflated morning does not reach it.
    expect(by('towt-regression').extraBaselineKWh).toBe(0);
    // UK DFS adds actual − baseline over hours −3..−1 (uncapped), so inflating them by 30 % adds exactly
    // 0.3 × their mean to every event hour.
    let expected = 0;
    for (const p of result.placeboDays) {
      for (const c of ['office', 'home', 'flat']) {
        const v = f.columns.get(c)!;
        expected += 4 * 0.3 * ((v[p.eventIndex - 3]! + v[p.eventIndex - 2]! + v[p.eventIndex - 1]!) / 3);
      }
    }
    expect(by('uk-dfs').extraBaselineKWh).toBeCloseTo(expected, 6);
    // A ±20 % cap bounds the uplift below the uncapped ratio adjustment's.
    expect(by('caiso-10-in-10').extraBaselinePct).toBeLessThanOrEqual(20 + 1e-9);
    // Each method is gamed in its own window: PJM's hours −4..−2, Same Day's pre-event hours, 4 h otherwise.
    expect(by('pjm-high-4-of-5').window).toEqual({ fromHour: -4, toHour: -1 });
    expect(by('pjm-same-day-3-2').window).toEqual({ fromHour: -4, toHour: -1 });
    expect(by('nyiso-average-day').window).toEqual({ fromHour: -4, toHour: -2 });
    expect(by('towt-regression').window).toEqual({ fromHour: -4, toHour: 0 });
    // An uncapped additive adjustment over a 3-hour window pays 4 event hours × the window's extra mean:
    // exactly 4/3 kWh of baseline per extra kWh consumed.
    for (const name of ['pjm-high-4-of-5', 'uk-dfs', 'isone-90-10']) expect(by(name).upliftPerExtraKWh, name).toBeCloseTo(4 / 3, 9);
  });

  it('can inflate the same hours against every method', () => {
    const r = backtestBaselines({ frame: f, placeboDaysPerYear: 2, gamingHours: 4, methods: ['pjm-match-day', 'uk-dfs'].map((ref) => findBaselineMethod({ ref })) });
    expect(r.gaming).toEqual({ factor: 1.3, hours: 4 });
    const [a, b] = r.methods.map((m) => m.gaming!);
    expect(a!.extraConsumedKWh).toBeCloseTo(b!.extraConsumedKWh, 9);
    expect(r.methods.find((m) => m.name === 'pjm-match-day')!.gaming!.upliftPerExtraKWh).toBe(0);
    expect(formatBacktestTable({ result: r })).toContain('gaming = ×1.3 for 4 h before the event');
  });

  it('skips weather methods on a frame without temperature and says why', () => {
    const r = backtestBaselines({ frame: frame(false), placeboDaysPerYear: 3, methods: ['caiso-10-in-10', 'pjm-match-day', 'towt-regression'].map((ref) => findBaselineMethod({ ref })) });
    expect(r.methods[0]!.rank).toBe(1);
    expect(r.methods.slice(1).map((m) => [m.name, m.rank, m.skipped])).toEqual([
      ['pjm-match-day', null, 'The match-day baseline needs a temperature column'],
      ['towt-regression', null, 'The TOWT regression baseline needs a temperature column'],
    ]);
  });

  it('writes documented, deterministic report files', () => {
    const files = backtestReportFiles({ results: [result] });
    expect(files.map((x) => x.name)).toEqual(['backtest-baseline.json', 'methods.csv', 'consumers.csv', 'placebo-days.csv']);
    const json = JSON.parse(files[0]!.content);
    expect(json.schema).toBe('peaklab/backtest-baseline@1');
    expect(json.datasets[0].methods[0]).toMatchObject({ rank: 1, aggregate: { events: 6 } });
    expect(files[1]!.content.split('\n')[0]).toBe(
      'dataset,rank,id,method,median_rrmse_pct,median_bias_pct,median_abs_pct,median_cvrmse_pct,aggregate_bias_pct,aggregate_rrmse_pct,aggregate_abs_pct,aggregate_cvrmse_pct,gaming_window,gaming_extra_kwh,gaming_extra_pct,gaming_uplift_per_kwh,coverage_pct,skipped',
    );
    expect(files[2]!.content.split('\n')).toHaveLength(32); // header + 30 rows + final newline
    const again = backtestReportFiles({ results: [backtestBaselines({ frame: frame(), placeboDaysPerYear: 6 })] });
    expect(again.map((x) => x.content)).toEqual(files.map((x) => x.content));
    const table = formatBacktestTable({ result });
    expect(table.split('\n')).toHaveLength(13);
    expect(table).toContain('synthetic: 6 placebo days × 3 consumers');
  });
});
