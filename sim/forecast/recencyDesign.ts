import { cubicTerms } from './cubicTerms.ts';
import type { Design, DesignContext, SparseRow, TemperatureScale } from './design.ts';
import { recencyTemperatures } from './recencyTemperatures.ts';
import { fillVanilla, vanillaLayout } from './vanillaDesign.ts';

export interface RecencyDesignParameters {
  readonly temperatureScale: TemperatureScale;
  /** Lagged hourly temperatures T(t−h) to add, in hours (e.g. [1, 2, 3]). */
  readonly temperatureLags: readonly number[];
  /** Number of daily moving averages: d-th = mean of T over hours t−24d … t−24d+23. */
  readonly dailyAverages: number;
  /** Lagged loads L(t−h) to add, in hours, each interacted with Hour; every lag must be ≥ the forecast lead. */
  readonly loadLags: readonly number[];
  /** Add Holiday×Hour dummies (US federal holidays, observed). */
  readonly holidays: boolean;
}

/** Columns added per extra temperature variable: Month×(x, x², x³) and Hour×(x, x², x³) for hours 1..23. */
const TEMPERATURE_BLOCK = 36 + 69;

/**
 * Hong's vanilla benchmark extended with the recency effect (Wang, Liu & Hong 2016, "Electric load
 * forecasting with recency effect: a big data approach", IJF 32(3)): each lagged hourly temperature and
 * each daily moving average of temperature enters with the same Month×(T, T², T³) + Hour×(T, T², T³)
 * interactions as the current temperature. Optionally adds Holiday×Hour dummies and lagged loads
 * interacted with Hour (only lags the forecast lead allows: a lag below the lead would need load after
 * the decision time, which the backtest refuses).
 */
export function recencyDesign({
  temperatureScale,
  temperatureLags,
  dailyAverages,
  loadLags,
  holidays,
}: RecencyDesignParameters): Design {
  const { center, scale } = temperatureScale;
  const recency = recencyTemperatures({ temperatureScale, temperatureLags, dailyAverages });
  const holidayStart = vanillaLayout.size;
  const temperatureStart = holidayStart + (holidays ? 24 : 0);
  const extraTemperatures = recency.count;
  const loadStart = temperatureStart + extraTemperatures * TEMPERATURE_BLOCK;
  const size = loadStart + loadLags.length * 24;
  const maxTemperatureLag = Math.max(0, ...temperatureLags);
  const lookback = Math.max(maxTemperatureLag, dailyAverages * 24, ...loadLags, 0);
  const minLoadLag = loadLags.length === 0 ? 0 : Math.min(...loadLags);
  const extra = new Float64Array(extraTemperatures);
  return {
    name: 'recency',
    size,
    partitions: 1,
    maxNonZeros: 10 + 1 + extraTemperatures * 6 + loadLags.length,
    lookback,
    minLoadLag,
    partition: () => 0,
    fill(context: DesignContext, i: number, row: SparseRow): boolean {
      const temperature = context.temperature;
      const at = i - context.base;
      const t = temperature[at];
      if (!Number.isFinite(t) || !recency.fill(temperature, at, extra, 0)) return false;
      fillVanilla(context, i, (t - center) / scale, row);
      let k = row.nnz;
      const h = context.calendar.hour[i];
      const m = context.calendar.month[i];
      for (let p = 0; p < loadLags.length; p++) {
        const v = context.load[at - loadLags[p]];
        if (!Number.isFinite(v)) return false;
        row.indices[k] = loadStart + p * 24 + h;
        row.values[k++] = v / context.loadScale;
      }
      if (holidays && context.holiday[i] === 1) {
        row.indices[k] = holidayStart + h;
        row.values[k++] = 1;
      }
      for (let q = 0; q < extraTemperatures; q++) {
        const block = temperatureStart + q * TEMPERATURE_BLOCK;
        k = cubicTerms(row, k, block + (m - 1) * 3, extra[q]);
        if (h > 0) k = cubicTerms(row, k, block + 36 + (h - 1) * 3, extra[q]);
      }
      row.nnz = k;
      return true;
    },
  };
}
