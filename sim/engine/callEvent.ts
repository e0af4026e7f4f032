import { UsageError } from '../errors.ts';
import type { Program, TierName } from '../scenario/index.ts';

export interface CallEventParameters {
  /** 24 forecast values of the target day (local hours), in the unit of `peak` for percentOfPeak, kW otherwise. */
  forecast: Float64Array;
  /** Highest observed load of the 365 days before the decision (same unit as `forecast`); used by percentOfPeak. */
  trailingPeak: number;
  program: Pick<Program, 'events' | 'tiers'>;
  /** Events already called this season (calendar year of the target day). */
  calledThisSeason: number;
  /** Hours between the decision and the target day's midnight: a window may not start sooner than the tier's
   *  minimum notice after the decision. Default: no limit. */
  hoursBeforeDay?: number;
}

export interface CalledEvent {
  tier: TierName;
  /** Local start hour on the target day. */
  startHour: number;
  /** Whole hours. */
  durationHours: number;
  noticeHours: number;
  /** Forecast peak of the day (input unit). */
  forecastPeak: number;
  /** Threshold the forecast crossed (input unit). */
  threshold: number;
}

export interface CallEventResult {
  event: CalledEvent | null;
  /** Why no event: 'below threshold', 'season cap' or 'notice' (no window starts late enough for the tier's notice). */
  reason: string | null;
}

/**
 * The program's trigger rule, pure: an event is called for the target day when the day-ahead forecast peak
 * reaches `stress` (percent of the trailing-year peak, or kW), an emergency when it reaches `emergency`, at most
 * `maxPerSeason` per calendar year. The window is the `durationHours` (capped by the tier's maxDuration) with
 * the highest forecast energy, the earliest such window on ties.
 */
export function callEvent({ forecast, trailingPeak, program, calledThisSeason, hoursBeforeDay = Number.POSITIVE_INFINITY }: CallEventParameters): CallEventResult {
  if (forecast.length !== 24) throw new UsageError(`callEvent: expected 24 forecast hours, got ${forecast.length}`, { hint: 'Pass one local day.' });
  const { trigger, tier: regular, noticeHours, durationHours, maxPerSeason } = program.events;
  const unit = trigger.metric === 'percentOfPeak' ? trailingPeak / 100 : 1;
  const stress = trigger.stress * unit;
  const emergency = trigger.emergency * unit;
  let peak = Number.NEGATIVE_INFINITY;
  for (const v of forecast) if (v > peak) peak = v;
  if (!(peak >= stress)) return { event: null, reason: 'below threshold' };
  if (calledThisSeason >= maxPerSeason) return { event: null, reason: 'season cap' };
  const tier: TierName = peak >= emergency ? 'emergency' : regular;
  const rule = program.tiers[tier];
  const duration = Math.max(1, Math.floor(Math.min(durationHours, rule.maxDurationHours)));
  const notice = Math.max(noticeHours, rule.minNoticeHours);
  const earliest = Math.max(0, Math.ceil(rule.minNoticeHours - hoursBeforeDay));
  if (earliest + duration > 24) return { event: null, reason: 'notice' };
  let bestStart = earliest;
  let best = Number.NEGATIVE_INFINITY;
  for (let s = earliest; s + duration <= 24; s++) {
    let sum = 0;
    for (let h = s; h < s + duration; h++) sum += forecast[h]!;
    if (sum > best) [best, bestStart] = [sum, s];
  }
  return {
    event: { tier, startHour: bestStart, durationHours: duration, noticeHours: notice, forecastPeak: peak, threshold: peak >= emergency ? emergency : stress },
    reason: null,
  };
}
