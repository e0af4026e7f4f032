import { formatNumber } from './formatNumber.ts';
import { peakMetrics } from './peakMetrics.ts';
import { checkSeries, type Series } from './series.ts';

export interface PeakShiftParameters {
  /** System load without DR, kW per interval. */
  baselineKw: Series;
  /** System load with DR, kW per interval, same intervals. */
  withDrKw: Series;
  /** Per interval: 1 while an event is active. */
  eventActive: Series;
  /** Start of each interval, epoch ms (UTC). */
  timeMs: Series;
  /** IANA zone the explanation names hours in (the scenario's). */
  timezone: string;
  intervalsPerHour: number;
}

/** Where the peak with DR fell, relative to the peak without DR and to the events. */
export type PeakShiftKind = 'same-interval' | 'other-event-interval' | 'after-event' | 'before-event' | 'no-event' | 'no-events-called';

export interface PeakShiftResult {
  /** Mean of (without − with DR) over the intervals with an event active; null when no event was called. */
  eventHourReductionKw: number | null;
  /** without − with DR at the interval of the peak without DR. */
  reductionAtBaselinePeakKw: number;
  /** with − without DR at the interval of the peak with DR (positive: rebound or pre-cooling raised it). */
  changeAtWithDrPeakKw: number;
  baselinePeakIndex: number;
  withDrPeakIndex: number;
  kind: PeakShiftKind;
  /** One sentence: where the system peak moved and why its reduction differs from the event-hour reduction. */
  explanation: string;
}

/** Hours around the peak with DR searched for the event it follows (rebound) or precedes (pre-cooling). */
const NEIGHBOUR_HOURS = 6;

function shiftKind(eventActive: Series, i: number, window: number): PeakShiftKind {
  if (eventActive[i] !== 0) return 'other-event-interval';
  for (let k = 1; k <= window; k++) if (i - k >= 0 && eventActive[i - k] !== 0) return 'after-event';
  for (let k = 1; k <= window; k++) if (i + k < eventActive.length && eventActive[i + k] !== 0) return 'before-event';
  return 'no-event';
}

/**
 * Why the system peak fell by less (or more) than the events cut: the event-hour reduction next to the peak
 * reduction, where the peak without and with DR fall, and what put the peak with DR where it is (the rebound after
 * an event, pre-cooling before one, a weaker event hour, or an hour no event covered).
 */
export function peakShift({ baselineKw, withDrKw, eventActive, timeMs, timezone, intervalsPerHour }: PeakShiftParameters): PeakShiftResult {
  checkSeries({ series: eventActive, name: 'eventActive', length: baselineKw.length });
  checkSeries({ series: timeMs, name: 'timeMs', length: baselineKw.length });
  const peak = peakMetrics({ baselineKw, withDrKw });
  const { baselinePeakIndex: b, withDrPeakIndex: w } = peak;
  let sum = 0;
  let n = 0;
  for (let t = 0; t < eventActive.length; t++) {
    if (eventActive[t] === 0) continue;
    sum += baselineKw[t]! - withDrKw[t]!;
    n++;
  }
  const eventHourReductionKw = n > 0 ? sum / n : null;
  const reductionAtBaselinePeakKw = baselineKw[b]! - withDrKw[b]!;
  const changeAtWithDrPeakKw = withDrKw[w]! - baselineKw[w]!;
  const kind: PeakShiftKind = n === 0 ? 'no-events-called' : w === b ? 'same-interval' : shiftKind(eventActive, w, NEIGHBOUR_HOURS * intervalsPerHour);
  const explanation = explain({ kind, peak, eventHourReductionKw, reductionAtBaselinePeakKw, changeAtWithDrPeakKw, baselineKw, eventActive, timeMs, timezone });
  return { eventHourReductionKw, reductionAtBaselinePeakKw, changeAtWithDrPeakKw, baselinePeakIndex: b, withDrPeakIndex: w, kind, explanation };
}

const kw = (value: number) => `${formatNumber({ value, decimals: 0, display: true })} kW`;

interface ExplainParameters {
  kind: PeakShiftKind;
  peak: ReturnType<typeof peakMetrics>;
  eventHourReductionKw: number | null;
  reductionAtBaselinePeakKw: number;
  changeAtWithDrPeakKw: number;
  baselineKw: Series;
  eventActive: Series;
  timeMs: Series;
  timezone: string;
}

function explain(p: ExplainParameters): string {
  const { kind, peak } = p;
  const at = localHour({ timezone: p.timezone });
  const t1 = at(p.timeMs[peak.baselinePeakIndex]!);
  const t2 = at(p.timeMs[peak.withDrPeakIndex]!);
  const only = peak.reductionKw < (p.eventHourReductionKw ?? 0) ? 'only ' : '';
  const fell = peak.reductionKw >= 0 ? `fell by ${only}${kw(peak.reductionKw)}` : `rose by ${kw(-peak.reductionKw)}`;
  const result = `so the system peak ${fell} (${formatNumber({ value: Math.abs(peak.reductionPct), decimals: 2, display: true })} %)`;
  if (kind === 'no-events-called') return `No DR event was called, so the system peak (${kw(peak.baselineKw)}, ${t1}) did not move.`;
  const cut = `During event hours DR cut the load by ${kw(p.eventHourReductionKw!)} on average`;
  if (kind === 'same-interval') {
    if (p.eventActive[peak.baselinePeakIndex] === 0) return `${cut}, but no event covered the hour of the system peak (${t1}), which stayed where it was; ${result}.`;
    return `${cut}; the system peak stayed at ${t1}, an event hour, where DR lowered the load by ${kw(p.reductionAtBaselinePeakKw)}; ${result}.`;
  }
  const why = {
    'other-event-interval': `another event hour, where DR lowered the load by only ${kw(-p.changeAtWithDrPeakKw)}`,
    'after-event': `after an event, where the rebound added ${kw(p.changeAtWithDrPeakKw)} to the ${kw(p.baselineKw[peak.withDrPeakIndex]!)} load without DR`,
    'before-event': `before an event, where pre-cooling added ${kw(p.changeAtWithDrPeakKw)} to the ${kw(p.baselineKw[peak.withDrPeakIndex]!)} load without DR`,
    'no-event': `an hour no event covered, whose load was already ${kw(p.baselineKw[peak.withDrPeakIndex]!)} without DR`,
  }[kind];
  const notRaised = (kind === 'after-event' || kind === 'before-event') && p.changeAtWithDrPeakKw <= 0;
  const reason = notRaised ? `an hour next to an event, whose load was already ${kw(p.baselineKw[peak.withDrPeakIndex]!)} without DR` : why;
  return `${cut} (${kw(p.reductionAtBaselinePeakKw)} at ${t1}, the hour of the peak without DR), but the peak with DR moved to ${t2}, ${reason}; ${result}.`;
}

/** "Mon Jul 9, 18:00" in `timezone` (the scenario's), whatever the machine's zone. */
function localHour({ timezone }: { timezone: string }): (utcMs: number) => string {
  const format = new Intl.DateTimeFormat('en-US', { timeZone: timezone, hourCycle: 'h23', weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  return (utcMs) => {
    const part = Object.fromEntries(format.formatToParts(utcMs).map((x) => [x.type, x.value]));
    return `${part.weekday} ${part.month} ${part.day}, ${part.hour}:${part.minute}`;
  };
}
