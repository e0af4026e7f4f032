import { VEE_REASON_NAMES, VEE_STATUS } from '../agents/index.ts';
import { type BaselineMethod, computeBaselineDetailed } from '../baseline/index.ts';
import type { History } from '../data/index.ts';
import type { RunShape } from './runContext.ts';
import type { YesterdayReads } from './runState.ts';

export interface VerifyDeliveryParameters {
  method: BaselineMethod;
  /** The oracle's meter window of the event day as a history (one column `c<i>` per committed consumer). */
  history: History;
  committed: readonly number[];
  /** Event start (epoch ms in the window frame) and local start hour and duration. */
  eventStart: number;
  startHour: number;
  durationHours: number;
  priorEventDays: readonly string[];
  holidays: readonly string[];
  /** Committed share of the baseline per consumer. */
  flexibleShare: Float64Array;
  reads: YesterdayReads;
  shape: RunShape;
}

export interface VerifyDeliveryResult {
  /** Per committed consumer: delivered and committed Wh and compliance (bps, ≤ 10 000). */
  delivered: bigint[];
  committedWh: bigint[];
  outcomes: number[];
  deliveredKwhTotal: number;
  baselineKwhTotal: number;
  rejectedInEvent: number;
  rejectedByReason: Map<string, number>;
  /** Per consumer with a complete baseline (on event days with the true counterfactual): baseline and truth (kWh). */
  baselineItems: { baselineKwh: number[]; counterfactualKwh: number[] };
}

/**
 * The oracle's verification of one event: each committed consumer's baseline by the program's method, delivered
 * kWh = baseline − validated reads over the event's intervals (nothing for a rejected read or an incomplete
 * baseline), committed kWh = flexible share × baseline, and compliance.
 */
export function verifyDelivery({ method, history, committed, eventStart, startHour, durationHours, priorEventDays, holidays, flexibleShare, reads, shape }: VerifyDeliveryParameters): VerifyDeliveryResult {
  const { iph, I } = shape;
  const result: VerifyDeliveryResult = { delivered: [], committedWh: [], outcomes: [], deliveredKwhTotal: 0, baselineKwhTotal: 0, rejectedInEvent: 0, rejectedByReason: new Map(), baselineItems: { baselineKwh: [], counterfactualKwh: [] } };
  for (const i of committed) {
    const b = computeBaselineDetailed({ spec: method.spec, history, column: `c${i}`, event: { start: eventStart, durationHours }, eventDays: priorEventDays, holidays, temperatureColumn: 'temperature' });
    let sum = 0;
    let base = 0;
    let truth = 0;
    let ok = b.insufficient === null;
    for (let h = 0; h < durationHours; h++) {
      const bh = b.values[h]!; // the hour's baseline (kWh), a share 1/iph of it per interval
      if (!Number.isFinite(bh)) ok = false;
      base += bh;
      for (let q = 0; q < iph; q++) {
        const t = i * I + (startHour + h) * iph + q;
        truth += reads.baseLoads === undefined ? 0 : reads.baseLoads[t]! / iph;
        if (reads.status[t] === VEE_STATUS.rejected) {
          result.rejectedInEvent += 1;
          const why = VEE_REASON_NAMES[reads.reason[t]!]!;
          result.rejectedByReason.set(why, (result.rejectedByReason.get(why) ?? 0) + 1);
          continue; // nothing is paid on a rejected read
        }
        sum += bh / iph - reads.value[t]!;
      }
    }
    if (ok && reads.baseLoads !== undefined) {
      result.baselineItems.baselineKwh.push(base);
      result.baselineItems.counterfactualKwh.push(truth);
    }
    const d = BigInt(Math.floor((ok ? Math.max(0, sum) : 0) * 1000));
    const cw = BigInt(Math.floor((ok ? flexibleShare[i]! * base : 0) * 1000));
    result.delivered.push(d);
    result.committedWh.push(cw);
    const compliance = cw === 0n ? 0n : (d * 10_000n) / cw;
    result.outcomes.push(Number(compliance > 10_000n ? 10_000n : compliance));
    result.deliveredKwhTotal += Number(d) / 1000;
    if (ok) result.baselineKwhTotal += base;
  }
  return result;
}
