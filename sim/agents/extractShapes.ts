import { DatasetError } from '../errors.ts';
import type { Frame } from '../data/index.ts';

/** Months × day types × hours of one source profile. */
export const PROFILE_STRIDE = 12 * 2 * 24;

/** Where a profile value lives: `profiles[profileIndex(source, month 1..12, dayType 0|1, hour 0..23)]`. */
export const profileIndex = (source: number, month: number, dayType: number, hour: number): number =>
  source * PROFILE_STRIDE + ((month - 1) * 2 + dayType) * 24 + hour;

/** The load profiles consumers of one shape source follow (one per real home or building). */
export interface ShapeSet {
  readonly kind: 'residential' | 'commercial' | 'flat';
  /** Dataset the profiles were fitted on ('flat' for the constant profile). */
  readonly dataset: string;
  /** Source column (home / building) of each profile. */
  readonly names: readonly string[];
  /**
   * S × 12 months × 2 day types (0 working, 1 weekend) × 24 local hours: the source's load with its fitted
   * cooling response divided out, normalised to mean 1 — the shape at or below the balance point.
   */
  readonly profiles: Float64Array;
  /** Fitted cooling slope per source: extra load per °C above `balancePointC`, as a fraction of base load. */
  readonly coolingSlope: Float64Array;
  /** Fitted balance point per source (°C). */
  readonly balancePointC: Float64Array;
  /** Share of daily-load variance the cooling fit explains (R²), per source. */
  readonly fitR2: Float64Array;
  /** Mean hourly load of the source as measured (its unit, usually kWh per hour = kW). */
  readonly meanLoad: Float64Array;
  /** Sources left out, and why. */
  readonly excluded: readonly { name: string; reason: string }[];
}

export interface ConsumerShapes {
  readonly residential: ShapeSet;
  readonly commercial: ShapeSet;
  readonly flat: ShapeSet;
}

export interface ExtractShapesParameters {
  frames: {
    /** Homes (e.g. citylearn_2022_fontana): roles.consumers are the profiles, roles.temperature[0] the weather. */
    residential: Frame;
    /** Buildings (e.g. cambridge_estates_buildings). */
    commercial: Frame;
  };
  /** Sources with more than this share of missing or near-zero hours are left out (PV-like or net-metered columns). Default 0.1. */
  maxMissingShare?: number;
  /** Readings below this are placeholders or missing-as-zero (kWh). Default 1e-3. */
  minReading?: number;
  /** Candidate balance points searched by the cooling fit (°C). Default 10, 10.5, … 26. */
  balancePointsC?: readonly number[];
}

const DEFAULT_BALANCE_POINTS = Array.from({ length: 33 }, (_, i) => 10 + i / 2);

/** The temperature column of a frame in °C (degF converted), or undefined when it has none. */
function temperatureC(frame: Frame): Float64Array | undefined {
  const name = frame.roles.temperature?.[0];
  if (name === undefined) return undefined;
  const values = frame.columns.get(name);
  if (!values) return undefined;
  const unit = frame.units.get(name) ?? 'degC';
  if (unit === 'degC') return values;
  if (unit === 'degF') return values.map((f) => ((f - 32) * 5) / 9);
  throw new DatasetError(`Temperature column "${name}" of ${frame.name} has unit ${unit}`, {
    details: `frame ${frame.name}`,
    hint: 'Give the temperature column the unit degC or degF in the manifest.',
  });
}

interface CoolingFit {
  slope: number;
  balancePointC: number;
  r2: number;
}

/**
 * Piecewise-linear cooling fit on daily means: y_d = a + b · max(0, T_d − Tb), y = daily mean load over
 * the mean of its day type; Tb by grid search, least squares for (a, b), b ≥ 0 (cooling only).
 * The slope returned is b / a (fraction of base load per °C).
 */
function fitCooling(dayLoad: Float64Array, dayTemp: Float64Array, balancePoints: readonly number[]): CoolingFit {
  const n = dayLoad.length;
  let meanY = 0;
  for (let d = 0; d < n; d++) meanY += dayLoad[d]!;
  meanY /= n;
  let sst = 0;
  for (let d = 0; d < n; d++) sst += (dayLoad[d]! - meanY) ** 2;
  let best: CoolingFit = { slope: 0, balancePointC: balancePoints[Math.floor(balancePoints.length / 2)] ?? 18, r2: 0 };
  let bestSse = sst;
  for (const tb of balancePoints) {
    let sx = 0;
    let sxx = 0;
    let sxy = 0;
    for (let d = 0; d < n; d++) {
      const x = Math.max(0, dayTemp[d]! - tb);
      sx += x;
      sxx += x * x;
      sxy += x * dayLoad[d]!;
    }
    const mx = sx / n;
    const vx = sxx / n - mx * mx;
    if (vx <= 1e-12) continue;
    const b = (sxy / n - mx * meanY) / vx;
    if (b <= 0) continue;
    const a = meanY - b * mx;
    if (a <= 0) continue;
    let sse = 0;
    for (let d = 0; d < n; d++) sse += (dayLoad[d]! - a - b * Math.max(0, dayTemp[d]! - tb)) ** 2;
    if (sse < bestSse) {
      bestSse = sse;
      best = { slope: b / a, balancePointC: tb, r2: sst > 0 ? 1 - sse / sst : 0 };
    }
  }
  return best;
}

function shapeSetOf(frame: Frame, kind: 'residential' | 'commercial', maxMissingShare: number, minReading: number, balancePoints: readonly number[]): ShapeSet {
  const consumers = frame.roles.consumers ?? [];
  if (consumers.length === 0) {
    throw new DatasetError(`Dataset ${frame.name} has no consumer columns to fit ${kind} shapes on`, {
      details: `columns: ${[...frame.columns.keys()].join(', ')}`,
      hint: `Use a dataset whose manifest gives its home/building columns role: consumers (e.g. ${kind === 'residential' ? 'citylearn_2022_fontana' : 'cambridge_estates_buildings'}).`,
    });
  }
  if (frame.stepMs !== 3_600_000) {
    throw new DatasetError(`Dataset ${frame.name} is not hourly (step ${frame.stepMs} ms)`, { hint: 'Fit shapes on an hourly dataset.' });
  }
  const temp = temperatureC(frame);
  const { year, month, day, hour, weekday } = frame.calendar;
  // Local days in order of appearance (frames are sorted in time, so local dates are contiguous).
  const dayOf = new Int32Array(frame.length);
  const dayTypeOfDay: number[] = [];
  let days = -1;
  let previousKey = -1;
  for (let i = 0; i < frame.length; i++) {
    const key = year[i]! * 10_000 + month[i]! * 100 + day[i]!;
    if (key !== previousKey) {
      days += 1;
      previousKey = key;
      dayTypeOfDay.push(weekday[i] === 0 || weekday[i] === 6 ? 1 : 0);
    }
    dayOf[i] = days;
  }
  days += 1;
  const dayTemp = new Float64Array(days).fill(Number.NaN);
  if (temp) {
    const sum = new Float64Array(days);
    const count = new Uint16Array(days);
    for (let i = 0; i < frame.length; i++) {
      if (Number.isFinite(temp[i]!)) {
        sum[dayOf[i]!] += temp[i]!;
        count[dayOf[i]!] += 1;
      }
    }
    for (let d = 0; d < days; d++) if (count[d]! > 0) dayTemp[d] = sum[d]! / count[d]!;
  }

  const names: string[] = [];
  const excluded: { name: string; reason: string }[] = [];
  const kept: { values: Float64Array; fit: CoolingFit; mean: number }[] = [];
  for (const name of consumers) {
    const values = frame.columns.get(name)!;
    let missing = 0;
    let total = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!(v >= minReading)) missing += 1;
      else total += v;
    }
    const share = missing / values.length;
    if (share > maxMissingShare) {
      excluded.push({ name, reason: `${(share * 100).toFixed(1)} % of hours missing or below ${minReading} (PV-like or net-metered); limit ${(maxMissingShare * 100).toFixed(1)} %` });
      continue;
    }
    // Daily means of valid hours (days with ≥ 20 valid hours and a temperature), normalised per day type.
    const sum = new Float64Array(days);
    const count = new Uint16Array(days);
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v >= minReading) {
        sum[dayOf[i]!] += v;
        count[dayOf[i]!] += 1;
      }
    }
    const typeSum = [0, 0];
    const typeCount = [0, 0];
    const usable: number[] = [];
    for (let d = 0; d < days; d++) {
      if (count[d]! >= 20 && Number.isFinite(dayTemp[d]!)) {
        usable.push(d);
        typeSum[dayTypeOfDay[d]!]! += sum[d]! / count[d]!;
        typeCount[dayTypeOfDay[d]!]! += 1;
      }
    }
    let fit: CoolingFit = { slope: 0, balancePointC: Number.NaN, r2: 0 };
    if (usable.length >= 30 && typeCount[0]! > 0 && typeCount[1]! > 0) {
      const y = new Float64Array(usable.length);
      const t = new Float64Array(usable.length);
      usable.forEach((d, k) => {
        const dt = dayTypeOfDay[d]!;
        y[k] = sum[d]! / count[d]! / (typeSum[dt]! / typeCount[dt]!);
        t[k] = dayTemp[d]!;
      });
      fit = fitCooling(y, t, balancePoints);
    }
    names.push(name);
    kept.push({ values, fit, mean: total / (values.length - missing) });
  }
  if (kept.length === 0) {
    throw new DatasetError(`No usable ${kind} profile in ${frame.name}`, {
      details: excluded.map((e) => `${e.name}: ${e.reason}`).join('; '),
      hint: 'Raise maxMissingShare or use a dataset with complete consumer columns.',
    });
  }

  const profiles = new Float64Array(kept.length * PROFILE_STRIDE);
  const cellCount = new Uint32Array(PROFILE_STRIDE);
  const coolingSlope = new Float64Array(kept.length);
  const balancePointC = new Float64Array(kept.length);
  const fitR2 = new Float64Array(kept.length);
  const meanLoad = new Float64Array(kept.length);
  kept.forEach(({ values, fit, mean }, s) => {
    coolingSlope[s] = fit.slope;
    balancePointC[s] = fit.balancePointC;
    fitR2[s] = fit.r2;
    meanLoad[s] = mean;
    cellCount.fill(0);
    const base = s * PROFILE_STRIDE;
    let total = 0;
    let n = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!(v >= minReading)) continue;
      const d = dayOf[i]!;
      const factor = fit.slope > 0 && Number.isFinite(dayTemp[d]!) ? 1 + fit.slope * Math.max(0, dayTemp[d]! - fit.balancePointC) : 1;
      const deflated = v / factor;
      const cell = ((month[i]! - 1) * 2 + dayTypeOfDay[d]!) * 24 + hour[i]!;
      profiles[base + cell] += deflated;
      cellCount[cell] += 1;
      total += deflated;
      n += 1;
    }
    const norm = total / n;
    for (let c = 0; c < PROFILE_STRIDE; c++) profiles[base + c] = cellCount[c]! > 0 ? profiles[base + c]! / cellCount[c]! / norm : Number.NaN;
    // Empty cells (a month or day type without data): the same hour and day type averaged over the months that have it.
    for (let c = 0; c < PROFILE_STRIDE; c++) {
      if (!Number.isNaN(profiles[base + c]!)) continue;
      const slot = c % 48;
      let s2 = 0;
      let k = 0;
      for (let m = 0; m < 12; m++) {
        const v = profiles[base + m * 48 + slot]!;
        if (Number.isFinite(v) && cellCount[m * 48 + slot]! > 0) {
          s2 += v;
          k += 1;
        }
      }
      profiles[base + c] = k > 0 ? s2 / k : 1;
    }
  });
  return { kind, dataset: frame.name, names, profiles, coolingSlope, balancePointC, fitR2, meanLoad, excluded };
}

/** The constant profile of `loadShape.source: flat`. */
export function flatShapeSet(): ShapeSet {
  return {
    kind: 'flat',
    dataset: 'flat',
    names: ['flat'],
    profiles: new Float64Array(PROFILE_STRIDE).fill(1),
    coolingSlope: new Float64Array(1),
    balancePointC: new Float64Array([18]),
    fitR2: new Float64Array(1),
    meanLoad: new Float64Array([1]),
    excluded: [],
  };
}

/**
 * Calibrates consumer load shapes on real data: one normalised profile per home (residential frame) and
 * per building (commercial frame), by month × day type × hour, after dividing out a piecewise-linear
 * cooling response fitted per source on daily means. Sources with too many missing / near-zero hours are
 * left out and listed in `excluded`.
 */
export function extractShapes({ frames, maxMissingShare = 0.1, minReading = 1e-3, balancePointsC = DEFAULT_BALANCE_POINTS }: ExtractShapesParameters): ConsumerShapes {
  return {
    residential: shapeSetOf(frames.residential, 'residential', maxMissingShare, minReading, balancePointsC),
    commercial: shapeSetOf(frames.commercial, 'commercial', maxMissingShare, minReading, balancePointsC),
    flat: flatShapeSet(),
  };
}
