import { FAULT_KINDS, meterReads, validateReads, VEE_STATUS } from '../../agents/index.ts';
import { hourlyKwh } from '../hourlyKwh.ts';
import type { DayStep } from '../phase.ts';
import type { RunContext } from '../runContext.ts';
import type { RunState } from '../runState.ts';

/**
 * The day's intervals, continued — meters report the true loads with injected faults (missing, stuck, spike,
 * clock drift, tamper); the oracle validates them (VEE), keeps the hourly kWh of the day in its meter window and
 * yesterday's reads for tomorrow's settlement.
 */
export function meterReadsAndValidation(state: RunState, context: RunContext, step: DayStep): void {
  const { population, shape } = context;
  const day = step.day!;
  const { loads, baseLoads, participants, eventWindow } = step.work.loads!;
  const reads = meterReads({ population, trueLoad: loads, day, intervalsPerHour: shape.iph, eventWindow, eventParticipants: participants });
  const vee = validateReads({ reads, day, history: state.veeHistory, intervalsPerHour: shape.iph, eventWindow, eventParticipants: participants });
  state.veeHistory = vee.history;
  state.window.put(step.k, hourlyKwh(vee.value, shape.iph, context.scratch.hourlyReads));
  if (step.p >= 0) {
    const { meterStats, consumerStats } = state;
    meterStats.reads += shape.n * shape.I;
    meterStats.rejected += vee.rejected;
    for (let f = 0; f < FAULT_KINDS; f++) meterStats.injected[f] += reads.injected[f]!;
    for (let j = 0; j < shape.n * shape.I; j++) if (vee.status[j] === VEE_STATUS.rejected) consumerStats.readsRejected[Math.floor(j / shape.I)] += 1;
  }
  state.yesterday = { dayIndex: step.k, status: vee.status, reason: vee.reason, value: vee.value, baseLoads };
}
