import { UsageError } from '../errors.ts';
import type { SimDay } from './simDay.ts';

/** Why VEE flagged a read (codes 1–5 match FAULT_CODE of the fault each rule looks for). */
export const VEE_REASON = { none: 0, missing: 1, stuck: 2, spike: 3, clock: 4, tamper: 5, negative: 6 } as const;
export type VeeReasonName = keyof typeof VEE_REASON;
/** Reason names by code. */
export const VEE_REASON_NAMES = Object.keys(VEE_REASON) as VeeReasonName[];
export const VEE_REASONS = VEE_REASON_NAMES.length;

/** Editing outcome of a read. */
export const VEE_STATUS = { valid: 0, estimated: 1, rejected: 2 } as const;

/** Thresholds of the validation rules and of estimation. */
export interface VeeRules {
  /** Gaps of flagged reads up to this many hours, with valid reads on both sides, are linearly interpolated. Default 2. */
  maxEstimatedGapHours: number;
  /** This many identical consecutive reads (or zeros) is a flat line ⇒ stuck register. Default 3. */
  flatLineRun: number;
  /** A read above this × the consumer's max of its last HISTORY_DAYS (7) days of valid reads is a spike. Default 3. */
  spikeFactor: number;
  /** |meter clock − head-end clock| above this (s) is a timestamp misalignment. Default 60. */
  clockToleranceSec: number;
  /** Reads below this × the consumer's usual read for the interval (same day type) × the day's level … Default 0.3. */
  tamperRatio: number;
  /** … for at least this many consecutive intervals are a sudden drop ⇒ tamper suspicion. Default 3. */
  tamperMinRun: number;
  /** Days of valid history (of the day type) needed before the spike / drop rules apply. Default 3. */
  minHistoryDays: number;
  /** Weight of a new day in the usual-read average (exponential). Default 0.3. */
  referenceWeight: number;
  /** In a DR event a participant's drop is expected: the drop threshold there is tamperRatio × this. Default 0.5. */
  eventDropAllowance: number;
  /** Hours after an event left out of the day's level (rebound raises them). Default 4. */
  reboundHours: number;
}

export const DEFAULT_VEE_RULES: VeeRules = {
  maxEstimatedGapHours: 2,
  flatLineRun: 3,
  spikeFactor: 3,
  clockToleranceSec: 60,
  tamperRatio: 0.3,
  tamperMinRun: 3,
  minHistoryDays: 3,
  referenceWeight: 0.3,
  eventDropAllowance: 0.5,
  reboundHours: 4,
};

/** Days of daily maxima kept for the spike rule. */
export const HISTORY_DAYS = 7;

/** What the oracle remembers of each meter's validated reads. */
export interface VeeHistory {
  readonly intervalsPerDay: number;
  /** count × 2 day types: days of history seen. */
  readonly days: Uint16Array;
  /** count × HISTORY_DAYS ring of daily maxima of valid reads (NaN = none). */
  readonly dailyMax: Float64Array;
  /** Days validated in total per consumer (ring position). */
  readonly daysSeen: Uint16Array;
  /** count × 2 day types × intervals: usual read (exponential average of valid reads). */
  readonly reference: Float64Array;
}

export interface InitialVeeHistoryParameters {
  count: number;
  intervalsPerDay: number;
}

export function initialVeeHistory({ count, intervalsPerDay }: InitialVeeHistoryParameters): VeeHistory {
  return {
    intervalsPerDay,
    days: new Uint16Array(count * 2),
    dailyMax: new Float64Array(count * HISTORY_DAYS).fill(Number.NaN),
    daysSeen: new Uint16Array(count),
    reference: new Float64Array(count * 2 * intervalsPerDay).fill(Number.NaN),
  };
}

export interface ValidateReadsParameters {
  /** One day of reads (meterReads): count × intervals, kWh and clock offsets. */
  reads: { value: Float64Array; clockOffsetSec: Float64Array };
  day: SimDay;
  history: VeeHistory;
  intervalsPerHour?: 1 | 4;
  /** Intervals [start, end) of a DR event this day (the oracle knows the schedule). */
  eventWindow?: { start: number; end: number };
  /** count: 1 where the consumer takes part in that event (default: everybody). */
  eventParticipants?: Uint8Array;
  rules?: Partial<VeeRules>;
}

export interface ValidateReadsResult {
  /** count × intervals: VEE_STATUS. */
  status: Uint8Array;
  /** count × intervals: VEE_REASON of the rule that flagged the read (kept when the read was estimated). */
  reason: Uint8Array;
  /** count × intervals: valid reads as read, estimated reads interpolated, rejected reads NaN (kWh). */
  value: Float64Array;
  /** The history with this day's valid reads added. */
  history: VeeHistory;
  /** Reads flagged per reason (VEE_REASON order). */
  flagged: Uint32Array;
  estimated: number;
  rejected: number;
}

/**
 * The meter oracle's validation, estimation and editing (VEE) of one day of interval reads, per meter:
 * validation rules — missing; timestamp misalignment (|clock offset| > tolerance); negative / reverse flow;
 * flat line (≥ flatLineRun equal reads or zeros ⇒ stuck register; for repeats the first read is kept);
 * spike (> spikeFactor × the max of the last 7 days' valid reads); sudden drop (≥ tamperMinRun reads below
 * tamperRatio × the usual read of that interval and day type × the day's level — the upper quartile of
 * read / usual over the day outside an event and its rebound —, × eventDropAllowance inside a DR event the
 * consumer takes part in, where a drop is expected ⇒ tamper suspicion) —, estimation (runs of
 * flagged reads of ≤ maxEstimatedGapHours between two valid reads are linearly interpolated; tamper
 * suspicions are never estimated), editing (every read gets a status and a reason). Pure: returns new arrays.
 */
export function validateReads({ reads, day, history, intervalsPerHour = 1, eventWindow, eventParticipants, rules: overrides = {} }: ValidateReadsParameters): ValidateReadsResult {
  const rules = { ...DEFAULT_VEE_RULES, ...overrides };
  const H = 24 * intervalsPerHour;
  const n = history.daysSeen.length;
  if (history.intervalsPerDay !== H || reads.value.length !== n * H || reads.clockOffsetSec.length !== n * H) {
    throw new UsageError(`validateReads: reads (${reads.value.length}) and history (${n} meters × ${history.intervalsPerDay}) do not match ${H} intervals per day`, {
      hint: 'Use one initialVeeHistory per population and interval length, and pass one day of reads.',
    });
  }
  const status = new Uint8Array(n * H);
  const reason = new Uint8Array(n * H);
  const value = reads.value.slice();
  const flagged = new Uint32Array(VEE_REASONS);
  const days = history.days.slice();
  const dailyMax = history.dailyMax.slice();
  const daysSeen = history.daysSeen.slice();
  const reference = history.reference.slice();
  const maxGap = rules.maxEstimatedGapHours * intervalsPerHour;
  const dt = day.dayType;
  let estimated = 0;
  let rejected = 0;
  const ratios = new Float64Array(H);

  for (let i = 0; i < n; i++) {
    const row = i * H;
    const ref = (i * 2 + dt) * H;
    // 1. Missing, clock, negative.
    for (let t = 0; t < H; t++) {
      const v = value[row + t]!;
      if (Number.isNaN(v)) reason[row + t] = VEE_REASON.missing;
      else if (Math.abs(reads.clockOffsetSec[row + t]!) > rules.clockToleranceSec) reason[row + t] = VEE_REASON.clock;
      else if (v < 0) reason[row + t] = VEE_REASON.negative;
    }
    // 2. Flat line among the reads not yet flagged.
    for (let t = 0; t < H; ) {
      if (reason[row + t] !== VEE_REASON.none) {
        t += 1;
        continue;
      }
      let end = t + 1;
      while (end < H && reason[row + end] === VEE_REASON.none && value[row + end] === value[row + t]) end += 1;
      if (end - t >= rules.flatLineRun) {
        for (let k = value[row + t] === 0 ? t : t + 1; k < end; k++) reason[row + k] = VEE_REASON.stuck;
      }
      t = end;
    }
    // 3. Spike vs. the recent max.
    let recentMax = Number.NEGATIVE_INFINITY;
    for (let d = 0; d < HISTORY_DAYS; d++) {
      const m = dailyMax[i * HISTORY_DAYS + d]!;
      if (m > recentMax) recentMax = m;
    }
    if (days[i * 2]! + days[i * 2 + 1]! >= rules.minHistoryDays && recentMax > 0) {
      for (let t = 0; t < H; t++) if (reason[row + t] === VEE_REASON.none && value[row + t]! > rules.spikeFactor * recentMax) reason[row + t] = VEE_REASON.spike;
    }
    // 4. Sudden drop vs. the usual read of this interval and day type, relative to the day's own level
    //    (the upper quartile of read / usual over the day), so a cool day after hot ones is not a drop.
    if (days[i * 2 + dt]! >= rules.minHistoryDays) {
      const inEvent = eventWindow !== undefined && (eventParticipants === undefined || eventParticipants[i] === 1);
      const eventStart = inEvent ? eventWindow.start : H;
      const eventEnd = inEvent ? eventWindow.end : H;
      const levelGapEnd = inEvent ? eventEnd + rules.reboundHours * intervalsPerHour : H;
      let m = 0;
      for (let t = 0; t < H; t++) {
        const usual = reference[ref + t]!;
        if (reason[row + t] === VEE_REASON.none && usual > 0 && (t < eventStart || t >= levelGapEnd)) ratios[m++] = value[row + t]! / usual;
      }
      const level = m > 0 ? ratios.subarray(0, m).sort()[Math.floor(0.75 * (m - 1))]! : Number.NaN;
      const low = (k: number) =>
        reason[row + k] === VEE_REASON.none &&
        value[row + k]! < rules.tamperRatio * (k >= eventStart && k < eventEnd ? rules.eventDropAllowance : 1) * level * reference[ref + k]!;
      for (let t = 0; t < H; ) {
        if (!low(t)) {
          t += 1;
          continue;
        }
        let end = t + 1;
        while (end < H && low(end)) end += 1;
        if (end - t >= rules.tamperMinRun) for (let k = t; k < end; k++) reason[row + k] = VEE_REASON.tamper;
        t = end;
      }
    }
    // 5. Estimation and editing.
    for (let t = 0; t < H; ) {
      const r = reason[row + t]!;
      if (r === VEE_REASON.none) {
        t += 1;
        continue;
      }
      flagged[r] += 1;
      if (r === VEE_REASON.tamper) {
        status[row + t] = VEE_STATUS.rejected;
        value[row + t] = Number.NaN;
        rejected += 1;
        t += 1;
        continue;
      }
      let end = t + 1;
      while (end < H && reason[row + end] !== VEE_REASON.none && reason[row + end] !== VEE_REASON.tamper) {
        flagged[reason[row + end]!] += 1;
        end += 1;
      }
      const canEstimate = end - t <= maxGap && t > 0 && end < H && reason[row + t - 1] === VEE_REASON.none && reason[row + end] === VEE_REASON.none;
      const left = canEstimate ? value[row + t - 1]! : 0;
      const right = canEstimate ? value[row + end]! : 0;
      for (let k = t; k < end; k++) {
        if (canEstimate) {
          status[row + k] = VEE_STATUS.estimated;
          value[row + k] = left + ((right - left) * (k - t + 1)) / (end - t + 1);
          estimated += 1;
        } else {
          status[row + k] = VEE_STATUS.rejected;
          value[row + k] = Number.NaN;
          rejected += 1;
        }
      }
      t = end;
    }
    // 6. History: valid reads only.
    let max = Number.NaN;
    let valid = 0;
    const first = days[i * 2 + dt] === 0;
    for (let t = 0; t < H; t++) {
      if (status[row + t] !== VEE_STATUS.valid) continue;
      const v = value[row + t]!;
      valid += 1;
      if (!(v <= max)) max = v;
      const old = reference[ref + t]!;
      reference[ref + t] = first || Number.isNaN(old) ? v : old + rules.referenceWeight * (v - old);
    }
    if (valid > 0) {
      dailyMax[i * HISTORY_DAYS + (daysSeen[i]! % HISTORY_DAYS)] = max;
      daysSeen[i] = daysSeen[i]! + 1;
      days[i * 2 + dt] = Math.min(0xffff, days[i * 2 + dt]! + 1);
    }
  }
  return { status, reason, value, history: { intervalsPerDay: H, days, dailyMax, daysSeen, reference }, flagged, estimated, rejected };
}
