import { writeCall } from '../../chain/index.ts';
import { openHistory } from '../../data/index.ts';
import { mine } from '../mine.ts';
import { packHours, storableKw } from '../packHours.ts';
import type { DayStep } from '../phase.ts';
import type { RunContext } from '../runContext.ts';
import type { RunState } from '../runState.ts';
import { DAY_MS, HOUR_MS } from '../simClock.ts';
import { GAS, REGION } from '../gasLimits.ts';


/**
 * 10:00 — one routine block: the actual load and the claims queued today, and, on the day before a period day,
 * the forecaster's day-ahead commitment. The forecaster fits its model on the data visible now, predicts 48 hours,
 * keeps tomorrow's local hours for the event call and commits the UTC day holding tomorrow's noon on chain.
 */
export async function postActualsAndForecast(state: RunState, context: RunContext, step: DayStep): Promise<void> {
  if (!forecastsTomorrow(step)) {
    await mineRoutineBlock(state, context, step);
    return;
  }
  const { clock, inputs, shape } = context;
  const target = step.tomorrow!; // forecastsTomorrow
  const decision = clock.instantOf(step.epochDay, step.hour);
  const history = openHistory({ frame: inputs.system, decisionTime: decision, exogenous: inputs.system.roles.temperature ?? [] });
  context.model.fit(history);
  const prediction = context.model.predict({ history, horizon: 48 });
  const at48 = (instant: number): number => {
    const v = prediction[Math.min(47, Math.max(0, Math.round((instant - decision) / HOUR_MS)))]!;
    return Number.isFinite(v) ? v : Number.NaN;
  };
  const local = Float64Array.from({ length: 24 }, (_, h) => at48(clock.instantOf(target.epochDay, h)));
  const p = step.p + 1;
  // the hourly forecast is held over the hour's intervals
  if (p >= 0) for (let t = 0; t < shape.I; t++) state.forecastKw[p * shape.I + t] = local[Math.floor(t / shape.iph)]! * inputs.kwPerSystemUnit;
  step.work.dayAhead = { decision, forecast: local };
  // On-chain day-ahead commitment for the UTC day holding the target day's noon.
  const utcDay = Math.floor(clock.instantOf(target.epochDay, 12) / DAY_MS);
  const kw = Array.from({ length: 24 }, (_, h) => storableKw(at48(utcDay * DAY_MS + h * HOUR_MS) * inputs.kwPerSystemUnit));
  const args = [REGION, utcDay + context.offsetDays, context.modelId, packHours(kw)] as const;
  const commit = writeCall({ account: context.actors.forecaster, contract: context.system.contracts.loadForecast, functionName: 'commitForecast', args, gas: GAS.admin });
  await mine({ state, context, calls: [...step.work.routine.splice(0), commit], timestamp: step.timestamp });
  state.pendingActuals.push(utcDay);
}

/** The day before a period day: the forecaster commits tomorrow and utilities may call an event for it. */
export function forecastsTomorrow(step: DayStep): boolean {
  return step.p >= -1 && step.tomorrow !== undefined;
}

/** Mines the day's routine block alone (no forecast to commit: warm-up days, the last day, after the last day). */
export async function mineRoutineBlock(state: RunState, context: RunContext, step: DayStep): Promise<void> {
  await mine({ state, context, calls: step.work.routine.splice(0), timestamp: step.timestamp });
}
