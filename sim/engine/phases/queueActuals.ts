import { writeCall } from '../../chain/index.ts';
import { packHours, storableKw } from '../packHours.ts';
import type { DayStep } from '../phase.ts';
import type { RunContext } from '../runContext.ts';
import type { RunState } from '../runState.ts';
import { DAY_MS, DAY_S, HOUR_MS } from '../simClock.ts';
import { GAS, REGION } from '../gasLimits.ts';


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
      return storableKw(v);
    });
    const args = [REGION, utcDay + offsetDays, packHours(kw)] as const;
    step.work.routine.push(writeCall({ account: context.actors.oracle, contract: context.system.contracts.loadForecast, functionName: 'postActuals', args, gas: GAS.admin }));
  }
}
