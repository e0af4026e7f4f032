import { UsageError } from '../errors.ts';
import type { DayStep, ScheduledPhase } from './phase.ts';
import type { RunContext } from './runContext.ts';
import type { RunState } from './runState.ts';

export interface RunDaysParameters {
  state: RunState;
  context: RunContext;
  /** The phases of a day and of the closing step (schedule.ts). */
  day: readonly ScheduledPhase[];
  closing: readonly ScheduledPhase[];
  /** First simulation day to run (0 for a new run). */
  from?: number;
}

/**
 * The day loop: every simulated day (warm-up and period) runs the day schedule in order, each phase at its clock
 * time; after the last day the closing schedule settles it. Progress is reported per period day.
 */
export async function runDays({ state, context, day, closing, from = 0 }: RunDaysParameters): Promise<void> {
  assertScheduleOrder(day);
  assertScheduleOrder(closing);
  const { K, periodOffset, periodDays } = context.shape;
  const days = context.inputs.days;
  context.onProgress({ phase: 'setup', message: `simulating ${context.inputs.warmupDays} warm-up days (meter history) and ${periodDays} days` });
  for (let k = from; k < K; k++) {
    await runPhases(day, state, context, { k, p: k - periodOffset, epochDay: days[k]!.epochDay, day: days[k], tomorrow: days[k + 1], hour: 0, timestamp: 0n, work: { routine: [] } });
    if (k >= periodOffset) context.onProgress({ phase: 'day', message: dayMessage(state, context, k), day: k - periodOffset + 1, days: periodDays });
  }
  await runPhases(closing, state, context, { k: K, p: K - periodOffset, epochDay: days[K - 1]!.epochDay + 1, day: undefined, tomorrow: undefined, hour: 0, timestamp: 0n, work: { routine: [] } });
}

async function runPhases(schedule: readonly ScheduledPhase[], state: RunState, context: RunContext, step: DayStep): Promise<void> {
  for (const phase of schedule) {
    if (!phase.on(step, state)) continue;
    step.hour = phase.hour;
    step.timestamp = context.chainSeconds(step.epochDay, phase.hour);
    await phase.run(state, context, step);
  }
}

/** A schedule runs in clock order: a phase never comes before an earlier line's time. */
export function assertScheduleOrder(schedule: readonly ScheduledPhase[]): void {
  schedule.forEach((phase, j) => {
    const before = schedule[j - 1];
    if (before === undefined || phase.hour >= before.hour) return;
    throw new UsageError(`schedule: '${phase.name}' (${phase.hour} h) is listed after '${before.name}' (${before.hour} h)`, {
      hint: 'List the phases of a schedule in clock order (sim/engine/schedule.ts, docs/engine.md "How to add a phase").',
    });
  });
}

function dayMessage(state: RunState, context: RunContext, k: number): string {
  const dr = state.drDays.get(k);
  const event = dr === undefined ? '' : ` event ${dr.chainEvents.map((e) => e.eventId).join(',')} (${dr.tier}, ${dr.startHour}:00 +${dr.durationHours} h)`;
  return `${context.inputs.days[k]!.date}${event}`;
}
