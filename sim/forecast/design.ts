import type { Calendar } from '../data/types.ts';

/**
 * The series a design reads when it builds the regression row of interval `i`. Series are windows of
 * the frame: `load[k]` and `temperature[k]` hold interval `base + k`. The calendar covers the whole frame
 * (calendar fields are known in advance).
 */
export interface DesignContext {
  readonly calendar: Calendar;
  /** 1 where the local calendar day is a (observed) US federal holiday, per interval of the frame. */
  readonly holiday: Uint8Array;
  readonly base: number;
  readonly load: Float64Array;
  readonly temperature: Float64Array;
  /** Divides load values used as regressors (lagged loads), fixed at first fit, for numerics only. */
  readonly loadScale: number;
}

/** A reusable sparse row buffer. */
export interface SparseRow {
  readonly indices: Int32Array;
  readonly values: Float64Array;
  nnz: number;
}

export function createSparseRow(capacity: number): SparseRow {
  return { indices: new Int32Array(capacity), values: new Float64Array(capacity), nnz: 0 };
}

/**
 * A linear regression design: how to turn interval `i` into a sparse regression row.
 * Column 0 must be the intercept. Designs may split the rows into `partitions` (e.g. one regression per
 * hour of day); each partition has its own `size` columns.
 */
export interface Design {
  readonly name: string;
  readonly size: number;
  readonly partitions: number;
  /** Largest number of non-zeros a row can have. */
  readonly maxNonZeros: number;
  /** How many hours before `i` the row reads (temperature lags, load lags). */
  readonly lookback: number;
  /** Smallest load lag (hours) used as a regressor; 0 when the design uses no lagged load. */
  readonly minLoadLag: number;
  /** Which partition interval `i` belongs to. */
  partition(context: DesignContext, i: number): number;
  /** Fills `row` for interval `i`; returns false when an input is missing (NaN), so the row is skipped. */
  fill(context: DesignContext, i: number, row: SparseRow): boolean;
}

/** Fixed affine scaling of temperature before powers are taken (numerics only). */
export interface TemperatureScale {
  readonly center: number;
  readonly scale: number;
}

/** A scale suited to the temperature unit ('degF' or 'degC'); other units fall back to °F numbers. */
export function temperatureScaleFor(unit: string | undefined): TemperatureScale {
  if (unit !== undefined && /c$/i.test(unit.replace(/[^a-z]/gi, '')) && !/f/i.test(unit)) return { center: 15, scale: 11 };
  return { center: 60, scale: 20 };
}
