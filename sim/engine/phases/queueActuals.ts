import { writeCall } from '../../chain/index.ts';
import { packHours } from '../packHours.ts';
import type { DayStep } from '../phase.ts';
import type { RunContext } from '../runContext.ts';
import type { RunState } from '../runState.ts';
import { GAS, REGION } from '../gasLimits.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const DAY_S = 86_400n;
/** LoadForecast stores hourly kW in 21 bits. */
const MAX_KW = (1 << 21) - 1;

/**
 * 00:30 — the oracle's actual load of the UTC days that have ended (scores the forecaster on chain), queued into
 * the day's routine block (mined at 10:00 with the forecast commit): per hour the mean of its intervals.
 */
export function queueActuals(state: RunState, context: RunContext, step: DayStep): void {
  const { clock, shape, offsetDays } = context;
  const endOfSettledDay = clock.instantOf(context.inputs.days[state.yesterday!.dayIndex]!.epochDay + 1, 0);
  const pending = state.pendingActuals;
  while (pending.length > 0 && BigInt(pending[0]! + 1 + offsetDays) * DAY_S <= step.timestamp && pending[0]! * DAY_MS + 24 * HOUR_MS <= endOfSettledDay) {
    const utcDay = pending.shift()!;
    const kw = Array.from({ length: 24 }, (_, h) => {
      const slot = context.slotOfInstant(utcDay * DAY_MS + h * HOUR_MS);
      let v = 1;
      if (slot !== undefined) {
        v = 0; // the hour's mean of its intervals
        for (let q = 0; q < shape.iph; q++) v += state.drAgg[slot * shape.iph + q]! / shape.iph;
      }
      return Math.max(1, Math.min(MAX_KW, Math.round(v)));
    });
    const args = [REGION, utcDay + offsetDays, packHours(kw)] as const;
    step.work.routine.push(writeCall({ account: context.actors.oracle, contract: context.system.contracts.loadForecast, functionName: 'postActuals', args, gas: GAS.admin }));
  }
}
