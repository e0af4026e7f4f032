import { UsageError } from '../errors.ts';
import { METER_FAULTS } from '../scenario/index.ts';
import { type ConsumerPopulation, FAULT_KINDS } from './buildPopulation.ts';
import { counterUniform } from './counterRandom.ts';
import type { SimDay } from './simDay.ts';

/** Ground-truth code of an interval read: 0 = clean, else 1 + index in METER_FAULTS. */
export const FAULT_CODE = { none: 0, missing: 1, stuck: 2, spike: 3, clockDrift: 4, tamper: 5 } as const;

const K = Object.fromEntries(METER_FAULTS.map((kind, k) => [kind, k])) as Record<(typeof METER_FAULTS)[number], number>;

export interface MeterReadsParameters {
  population: ConsumerPopulation;
  /** count × intervals per day: true load (kW) of the day (after any DR response). */
  trueLoad: Float64Array;
  day: SimDay;
  intervalsPerHour?: 1 | 4;
  /** Intervals [start, end) of a DR event this day: event-mode tampering targets them. */
  eventWindow?: { start: number; end: number };
  /** count: 1 where the consumer takes part in that event (default: everybody). */
  eventParticipants?: Uint8Array;
}

export interface MeterReadsResult {
  /** count × intervals: energy read per interval (kWh); NaN = read not delivered. */
  value: Float64Array;
  /** count × intervals: meter clock minus head-end clock when the read was stamped (s). */
  clockOffsetSec: Float64Array;
  /** count × intervals: FAULT_CODE of the fault that shaped each read (the last one applied). */
  truth: Uint8Array;
  /** Faults started, per kind (METER_FAULTS order). */
  injected: Uint32Array;
}

/**
 * The interval reads a head-end would collect from every meter for one day, with faults injected from each
 * meter's daily rates (draws keyed by (meterKey, epochDay), so days are independent and order-free).
 * Applied in this order, a later fault overriding an earlier one's ground truth:
 * - tamper: reads × 0.05–0.25, during the event window (half the time when the consumer is in an event:
 *   fake curtailment) or for 4–12 h from a random start (theft, which also corrupts later baseline windows);
 * - clockDrift: from a random interval the meter clock runs 300–900 s/h fast; its reads are stamped late and
 *   carry the energy of a window shifted by the offset (linear mix of the two true intervals it overlaps);
 * - stuck: register stops for 3–8 h — reads 0 (register not advancing) or the last read repeated;
 * - spike: one read (10–50) × (true + the consumer's mean interval energy);
 * - missing: 1–6 h of reads not delivered.
 */
export function meterReads({ population, trueLoad, day, intervalsPerHour = 1, eventWindow, eventParticipants }: MeterReadsParameters): MeterReadsResult {
  const n = population.count;
  const H = 24 * intervalsPerHour;
  if (trueLoad.length !== n * H) {
    throw new UsageError(`meterReads: trueLoad has ${trueLoad.length} values, expected ${n} consumers × ${H} intervals`, { hint: 'Pass one day of consumer loads (consumerLoadsForDay / respondToEvent).' });
  }
  if (eventWindow && !(Number.isInteger(eventWindow.start) && Number.isInteger(eventWindow.end) && eventWindow.start >= 0 && eventWindow.end <= H && eventWindow.start < eventWindow.end)) {
    throw new UsageError(`meterReads: event window [${eventWindow.start}, ${eventWindow.end}) is not inside the day's ${H} intervals`, { hint: 'Give interval indices 0 ≤ start < end ≤ intervals per day.' });
  }
  const value = new Float64Array(n * H);
  const clockOffsetSec = new Float64Array(n * H);
  const truth = new Uint8Array(n * H);
  const injected = new Uint32Array(FAULT_KINDS);
  const iph = intervalsPerHour;
  const intervalSec = 3600 / iph;
  const e = day.epochDay;
  const before = new Float64Array(H);
  for (let i = 0; i < n; i++) {
    const row = i * H;
    for (let t = 0; t < H; t++) value[row + t] = trueLoad[row + t]! / iph;
    const key = population.meterKey[i]!;
    const rates = i * FAULT_KINDS;
    const draw = (kind: number, j: number) => counterUniform(key, e, kind * 8 + j);
    const starts = (kind: number) => draw(kind, 0) < population.faultRates[rates + kind]!;
    const pick = (kind: number, j: number, lo: number, hi: number) => lo + Math.floor(draw(kind, j) * (hi - lo + 1)); // integer in [lo, hi]

    if (starts(K.tamper)) {
      injected[K.tamper] += 1;
      const factor = 0.05 + 0.2 * draw(K.tamper, 1);
      let from: number;
      let to: number;
      if (eventWindow && (eventParticipants === undefined || eventParticipants[i] === 1) && draw(K.tamper, 2) < 0.5) {
        from = eventWindow.start;
        to = eventWindow.end;
      } else {
        from = pick(K.tamper, 3, 0, H - 4 * iph);
        to = Math.min(H, from + pick(K.tamper, 4, 4 * iph, 12 * iph));
      }
      for (let t = from; t < to; t++) {
        value[row + t] = value[row + t]! * factor;
        truth[row + t] = FAULT_CODE.tamper;
      }
    }
    if (starts(K.clockDrift)) {
      injected[K.clockDrift] += 1;
      const from = pick(K.clockDrift, 1, 0, H - 1);
      const secPerHour = 300 + 600 * draw(K.clockDrift, 2);
      for (let t = 0; t < H; t++) before[t] = value[row + t]!;
      for (let t = from; t < H; t++) {
        const offset = (secPerHour * (t - from + 1)) / iph;
        const shift = offset / intervalSec;
        const whole = Math.floor(shift);
        const frac = shift - whole;
        const a = before[Math.max(0, t - whole)]!;
        const b = before[Math.max(0, t - whole - 1)]!;
        value[row + t] = (1 - frac) * a + frac * b;
        clockOffsetSec[row + t] = offset;
        truth[row + t] = FAULT_CODE.clockDrift;
      }
    }
    if (starts(K.stuck)) {
      injected[K.stuck] += 1;
      const length = pick(K.stuck, 1, 3 * iph, 8 * iph);
      const from = pick(K.stuck, 2, 1, H - 3 * iph);
      const repeat = draw(K.stuck, 3) < 0.5 ? value[row + from - 1]! : 0;
      for (let t = from; t < Math.min(H, from + length); t++) {
        value[row + t] = repeat;
        clockOffsetSec[row + t] = 0;
        truth[row + t] = FAULT_CODE.stuck;
      }
    }
    if (starts(K.spike)) {
      injected[K.spike] += 1;
      const t = pick(K.spike, 1, 0, H - 1);
      const factor = 10 + 40 * draw(K.spike, 2);
      value[row + t] = factor * (value[row + t]! + population.scaleKw[i]! / iph);
      truth[row + t] = FAULT_CODE.spike;
    }
    if (starts(K.missing)) {
      injected[K.missing] += 1;
      const length = pick(K.missing, 1, 1, 6 * iph);
      const from = pick(K.missing, 2, 0, H - 1);
      for (let t = from; t < Math.min(H, from + length); t++) {
        value[row + t] = Number.NaN;
        clockOffsetSec[row + t] = 0;
        truth[row + t] = FAULT_CODE.missing;
      }
    }
  }
  return { value, clockOffsetSec, truth, injected };
}
