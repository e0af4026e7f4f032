/**
 * The shapes every stage reads data through. `sim/data` builds them from dataset manifests;
 * `sim/forecast`, `sim/baseline` and the simulator consume them. Columnar and typed (no arrays of
 * per-interval objects): a frame of 5 years of hourly data is a handful of Float64Arrays.
 */

/** Calendar fields of each interval in the dataset's local time (what load follows). */
export interface Calendar {
  /** 0..23, local hour of the interval start. */
  readonly hour: Uint8Array;
  /** 0 = Sunday .. 6 = Saturday, local. */
  readonly weekday: Uint8Array;
  /** 1..12, local. */
  readonly month: Uint8Array;
  /** 1..31, local. */
  readonly day: Uint8Array;
  /** Local calendar year. */
  readonly year: Uint16Array;
}

/** What each column means, so code never guesses from column names. */
export interface FrameRoles {
  /** The target load column (system load for system datasets). */
  readonly load?: string;
  /** Observed temperature columns (one per station). */
  readonly temperature?: readonly string[];
  /** Day-ahead temperature forecast columns (same order as `temperature`), where the dataset has them. */
  readonly temperatureForecast?: readonly string[];
  /** Wholesale price column. */
  readonly price?: string;
  /** Carbon-intensity column. */
  readonly carbon?: string;
  /** Per-consumer (building / home) load columns, for baselines and archetypes. */
  readonly consumers?: readonly string[];
}

/** A regular, gap-free-in-time (missing values are NaN) table of hourly or sub-hourly values. */
export interface Frame {
  /** Dataset name (the manifest's `name`). */
  readonly name: string;
  /** Epoch milliseconds (UTC instant) of the first interval's start. */
  readonly start: number;
  /** Interval length in milliseconds (3_600_000 for hourly). */
  readonly stepMs: number;
  /** Number of intervals. */
  readonly length: number;
  /** IANA time zone the calendar is expressed in (e.g. 'America/New_York'). */
  readonly timezone: string;
  /** Interval start instants, epoch ms UTC: `time[i] === start + i * stepMs`. */
  readonly time: Float64Array;
  readonly calendar: Calendar;
  /** Column name → values (NaN = missing after the dataset's policy was applied). */
  readonly columns: ReadonlyMap<string, Float64Array>;
  /** Column name → unit (e.g. 'kW', 'MW', 'degF', 'kgCO2/kWh', 'USD/MWh'). */
  readonly units: ReadonlyMap<string, string>;
  readonly roles: FrameRoles;
}

/**
 * A time-gated view of a frame for a decision made at `decisionTime`: only intervals that *start*
 * before `decisionTime` are visible. Asking for anything later throws `LookAheadError`.
 * Calendar fields and the `time` axis are never secret (they are known in advance), so `calendarAt`
 * works for any index, which lets models build features for the hours they predict.
 */
export interface History {
  readonly frame: Omit<Frame, 'columns'>;
  readonly decisionTime: number;
  /** Index of the first interval that is NOT visible (= number of visible intervals from frame start). */
  readonly visibleLength: number;
  /** Values of `column` for intervals [fromIndex, toIndex) — throws LookAheadError if toIndex > visibleLength. */
  values(column: string, fromIndex: number, toIndex: number): Float64Array;
  /**
   * Forecast inputs that are legitimately known at decision time for future intervals (e.g. the
   * day-ahead temperature forecast, or — in an ex-post backtest — actual temperature, declared as such).
   * Only columns the history was opened with as `exogenous` are allowed; others throw LookAheadError.
   */
  exogenous(column: string, fromIndex: number, toIndex: number): Float64Array;
}
