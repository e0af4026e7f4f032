import { type Call, writeCall } from '../../chain/index.ts';
import { TIERS } from '../../scenario/index.ts';
import { callEvent, type CalledEvent } from '../callEvent.ts';
import { addGas, mine } from '../mine.ts';
import type { DayStep } from '../phase.ts';
import type { RunContext } from '../runContext.ts';
import type { ChainEvent, RunState } from '../runState.ts';
import { GAS, REGION } from '../gasLimits.ts';

/**
 * 10:00 — the utilities call tomorrow's event when the day-ahead forecast crosses the program's trigger (within
 * the season cap and the tier's notice): one `createEvent` per utility, created at the event's start − notice,
 * asking for the forecast peak down to the stress level, shared by their numbers of consumers.
 */
export async function callEvents(state: RunState, context: RunContext, step: DayStep): Promise<void> {
  const { scenario, inputs } = context;
  const program = scenario.program;
  const trigger = program.events.trigger;
  const target = step.tomorrow!;
  const { decision, forecast } = step.work.dayAhead!;
  if (target.year !== state.season.year) state.season = { year: target.year, called: 0 };
  const trailing = context.trailingPeakAt(decision);
  const forecastInUnit = trigger.metric === 'percentOfPeak' ? forecast : Float64Array.from(forecast, (v) => v * inputs.kwPerSystemUnit);
  const { event } = callEvent({ forecast: forecastInUnit, trailingPeak: trailing, program, calledThisSeason: state.season.called, hoursBeforeDay: 24 - step.hour - 0.5 });
  if (event === null) return;
  state.season.called += 1;
  state.agentEventId += 1;
  const startSeconds = context.chainSeconds(target.epochDay, event.startHour);
  const createAt = startSeconds - BigInt(Math.round(event.noticeHours * 3600));
  const chainEvents = utilityEvents(state, context, neededKw(context, event, trailing));
  const creates = chainEvents.map((e) => createEventCall(context, { e, event, startSeconds }));
  const created = await mine({ state, context, calls: creates, timestamp: createAt > state.chainNow ? createAt : state.chainNow + context.blockTime });
  created.forEach((r, u) => {
    chainEvents[u]!.createdAt = r.receipt.blockNumber;
    addGas([r], chainEvents[u]!.gas);
  });
  const stored = await Promise.all(chainEvents.map((e) => context.system.contracts.reductionRequests.read.getEvent([e.eventId])));
  stored.forEach((s, u) => (chainEvents[u]!.stressBps = s.stressBps));
  step.work.called = { event, agentId: state.agentEventId, chainEvents, startSeconds };
}

/** The system reduction the utilities ask for: the forecast peak down to the day's stress level (at least 1 % of the peak), in kW. */
function neededKw({ scenario, inputs }: RunContext, event: CalledEvent, trailingPeak: number): number {
  const trigger = scenario.program.events.trigger;
  const toKw = (v: number) => (trigger.metric === 'percentOfPeak' ? v * inputs.kwPerSystemUnit : v);
  const forecastPeakKw = toKw(event.forecastPeak);
  const stressLevelKw = toKw(trigger.metric === 'percentOfPeak' ? (trigger.stress / 100) * trailingPeak : trigger.stress);
  return Math.max(forecastPeakKw - stressLevelKw, 0.01 * forecastPeakKw);
}

/** One chain event per utility, its target the needed kW shared by the utility's number of consumers. */
function utilityEvents(state: RunState, context: RunContext, needed: number): ChainEvent[] {
  const { n, U } = context.shape;
  return Array.from({ length: U }, (_, u) => {
    const share = Math.floor((n - 1 - u) / U) + 1;
    const token = context.utilityTokens[u]!;
    const targetKw = Math.max(1, Math.round((needed * share) / n));
    return { utility: u, eventId: state.nextEventId++, token, rate: context.rateUnits(token), targetKw, stressBps: 0, createdAt: 0n, committed: [], gas: new Map() };
  });
}

function createEventCall(context: RunContext, { e, event, startSeconds }: { e: ChainEvent; event: CalledEvent; startSeconds: bigint }): Call {
  const request = {
    region: REGION,
    start: startSeconds,
    duration: event.durationHours * 3600,
    tier: TIERS.indexOf(event.tier) + 1,
    targetKw: BigInt(e.targetKw),
    rate: e.rate,
    baselineMethodId: context.inputs.method.id,
    token: context.tokenAddress[e.token],
  };
  return writeCall({ account: context.actors.utilities[e.utility]!, contract: context.system.contracts.reductionRequests, functionName: 'createEvent', args: [request], gas: GAS.admin });
}
