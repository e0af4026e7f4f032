import { cubicTerms } from './cubicTerms.ts';
import type { Design, DesignContext, SparseRow, TemperatureScale } from './design.ts';

export interface VanillaDesignParameters {
  readonly temperatureScale: TemperatureScale;
}

/** Column layout of Hong's vanilla benchmark (exported for tests and reports). */
export const vanillaLayout = {
  intercept: 0,
  trend: 1,
  /** Months 2..12 (January is the reference level). */
  month: 2,
  /** Weekday×Hour cells 1..167 (cell = weekday·24 + hour; Sunday 00:00 is the reference). */
  weekdayHour: 13,
  /** Month×T^p: column `monthTemperature + (month−1)·3 + (p−1)`, 12 months × 3 powers. */
  monthTemperature: 180,
  /** Hour×T^p for hours 1..23 (hour 0 is absorbed by Month×T^p): `hourTemperature + (hour−1)·3 + (p−1)`. */
  hourTemperature: 216,
  size: 285,
} as const;

/** Hours per year, the unit of the trend column. */
export const HOURS_PER_YEAR = 8766;

/**
 * Hong's vanilla benchmark (Hong 2010; Hong, Wang & White 2014, "Weather station selection for
 * electric load forecasting", IJF 31(2) — the GEFCom2012 benchmark):
 *
 *   Load = β0 + β1·Trend + β2·Month + β3·Weekday×Hour
 *        + β4·Month×T + β5·Month×T² + β6·Month×T³ + β7·Hour×T + β8·Hour×T² + β9·Hour×T³
 *
 * Month, Weekday and Hour are class variables. Here they are dummy-coded with one reference level
 * each where the model would otherwise be collinear (January; Sunday 00:00; hour 0 of Hour×T^p,
 * which Month×T^p already spans), which spans exactly the same column space, so OLS predictions are
 * identical to the GLM with full class coding. T is scaled (T − c)/s before taking powers, which with
 * the month-specific intercepts and slopes spans the same space as raw T, T², T³. 285 columns.
 */
export function vanillaDesign({ temperatureScale }: VanillaDesignParameters): Design {
  const { center, scale } = temperatureScale;
  return {
    name: 'vanilla',
    size: vanillaLayout.size,
    partitions: 1,
    maxNonZeros: 10,
    lookback: 0,
    minLoadLag: 0,
    partition: () => 0,
    fill(context: DesignContext, i: number, row: SparseRow): boolean {
      const t = context.temperature[i - context.base];
      if (!Number.isFinite(t)) return false;
      fillVanilla(context, i, (t - center) / scale, row);
      return true;
    },
  };
}

/** Writes the 10 (or fewer) non-zeros of the vanilla row for interval `i` with scaled temperature `x`. */
export function fillVanilla(context: DesignContext, i: number, x: number, row: SparseRow): void {
  const { hour, weekday, month } = context.calendar;
  const h = hour[i];
  const m = month[i];
  let k = 0;
  row.indices[k] = vanillaLayout.intercept;
  row.values[k++] = 1;
  row.indices[k] = vanillaLayout.trend;
  row.values[k++] = i / HOURS_PER_YEAR;
  if (m > 1) {
    row.indices[k] = vanillaLayout.month + m - 2;
    row.values[k++] = 1;
  }
  const cell = weekday[i] * 24 + h;
  if (cell > 0) {
    row.indices[k] = vanillaLayout.weekdayHour + cell - 1;
    row.values[k++] = 1;
  }
  k = cubicTerms(row, k, vanillaLayout.monthTemperature + (m - 1) * 3, x);
  if (h > 0) k = cubicTerms(row, k, vanillaLayout.hourTemperature + (h - 1) * 3, x);
  row.nnz = k;
}
