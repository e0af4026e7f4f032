import { HOURS_PER_YEAR } from './vanillaDesign.ts';
import { cubicTerms } from './cubicTerms.ts';
import type { Design, DesignContext, SparseRow, TemperatureScale } from './design.ts';
import { recencyTemperatures } from './recencyTemperatures.ts';

export interface HourlyRecencyDesignParameters {
  readonly temperatureScale: TemperatureScale;
  /** Lagged hourly temperatures T(t−h), hours. */
  readonly temperatureLags: readonly number[];
  /** Number of daily moving averages of temperature (d-th = mean over t−24d … t−24d+23). */
  readonly dailyAverages: number;
  /** Lagged loads L(t−h), hours, each with its own coefficient per day type (Mon, Tue–Fri, Sat, Sun). */
  readonly loadLags: readonly number[];
  /**
   * 'month': month dummies and Month×(x, x², x³) for every temperature variable (needs a year of history);
   * 'none': no month terms, temperature enters as (x, x², x³) — for histories shorter than a year, where
   * months not yet seen would otherwise have no temperature response at all.
   */
  readonly season?: 'month' | 'none';
}

/** Day type of a weekday (0 = Sunday): 0 Monday, 1 Tuesday–Friday, 2 Saturday, 3 Sunday. */
function dayType(weekday: number): number {
  if (weekday === 1) return 0;
  if (weekday === 6) return 2;
  if (weekday === 0) return 3;
  return 1;
}

/**
 * One regression per hour of day (24 partitions), each with: intercept, trend, Month, Weekday, NERC holiday,
 * Month×(T, T², T³), Month×(x, x², x³) for every lagged temperature and daily moving average (recency
 * effect, Wang, Liu & Hong 2016), and lagged loads per day type. Every coefficient is hour-specific, which
 * is the Hour interaction of the pooled models applied to every term; 24 small solves are cheaper than one
 * large one.
 */
export function hourlyRecencyDesign({
  temperatureScale,
  temperatureLags,
  dailyAverages,
  loadLags,
  season = 'month',
}: HourlyRecencyDesignParameters): Design {
  const monthly = season === 'month';
  const width = monthly ? 36 : 3;
  const { center, scale } = temperatureScale;
  const recency = recencyTemperatures({ temperatureScale, temperatureLags, dailyAverages });
  const extraCount = recency.count;
  const temperatureStart = 20;
  const loadStart = temperatureStart + (1 + extraCount) * width;
  const size = loadStart + loadLags.length * 4;
  const lookback = Math.max(0, ...temperatureLags, dailyAverages * 24, ...loadLags);
  const xs = new Float64Array(1 + extraCount);
  return {
    name: monthly ? 'hourly-recency' : 'hourly-recency-no-season',
    size,
    partitions: 24,
    maxNonZeros: 6 + (1 + extraCount) * 3 + loadLags.length,
    lookback,
    minLoadLag: loadLags.length === 0 ? 0 : Math.min(...loadLags),
    partition: (context: DesignContext, i: number) => context.calendar.hour[i],
    fill(context: DesignContext, i: number, row: SparseRow): boolean {
      const temperature = context.temperature;
      const at = i - context.base;
      const t = temperature[at];
      if (!Number.isFinite(t)) return false;
      xs[0] = (t - center) / scale;
      if (!recency.fill(temperature, at, xs, 1)) return false;
      const { month, weekday } = context.calendar;
      const m = month[i];
      const w = weekday[i];
      let k = 0;
      row.indices[k] = 0;
      row.values[k++] = 1;
      row.indices[k] = 1;
      row.values[k++] = i / HOURS_PER_YEAR;
      if (monthly && m > 1) {
        row.indices[k] = 2 + m - 2;
        row.values[k++] = 1;
      }
      if (w > 0) {
        row.indices[k] = 13 + w - 1;
        row.values[k++] = 1;
      }
      if (context.holiday[i] === 1) {
        row.indices[k] = 19;
        row.values[k++] = 1;
      }
      for (let q = 0; q < xs.length; q++) k = cubicTerms(row, k, temperatureStart + q * width + (monthly ? (m - 1) * 3 : 0), xs[q]);
      const type = dayType(w);
      for (let p = 0; p < loadLags.length; p++) {
        const v = context.load[at - loadLags[p]];
        if (!Number.isFinite(v)) return false;
        row.indices[k] = loadStart + p * 4 + type;
        row.values[k++] = v / context.loadScale;
      }
      row.nnz = k;
      return true;
    },
  };
}
