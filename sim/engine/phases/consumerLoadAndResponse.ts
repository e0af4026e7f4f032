import { consumerLoadsForDay, PARTICIPATION, respondToEvent, type RespondToEventResult, type SimDay } from '../../agents/index.ts';
import type { DayStep } from '../phase.ts';
import type { RunContext } from '../runContext.ts';
import type { DrDay, RunState } from '../runState.ts';
import { REGION } from '../gasLimits.ts';

/**
 * The day's intervals — every consumer draws its load (archetype shape, weather, calibrated scale); on an event
 * day the committed consumers respond (curtailment in the window, fatigue, rebound after it), the event's records
 * open, and the system aggregates without and with DR are added up.
 */
export function consumerLoadAndResponse(state: RunState, context: RunContext, step: DayStep): void {
  const { population, inputs, shape } = context;
  const { k, p } = step;
  const day = step.day!;
  const base = consumerLoadsForDay({
    population,
    day,
    temperature: inputs.temperatureC.subarray(k * 24, k * 24 + 24),
    systemScale: inputs.scale.subarray(k * 24, k * 24 + 24),
    intervalsPerHour: shape.iph,
    out: context.scratch.loads,
  }).loads;
  const dr = state.drDays.get(k);
  if (dr === undefined) {
    addAggregates(state, context, k, base, base);
    step.work.loads = { loads: base, baseLoads: undefined, participants: undefined, eventWindow: undefined };
    return;
  }
  const baseLoads = base.slice();
  const response = respondToEvent({
    population,
    loads: base,
    intervalsPerHour: shape.iph,
    event: { id: dr.agentId, day, startHour: dr.startHour, durationHours: dr.durationHours, tier: dr.tier, noticeHours: dr.noticeHours, incentiveRate: dr.incentiveRate },
    tiers: context.scenario.program.tiers,
    state: dr.stateBefore,
    utcOffsetHours: context.clock.utcOffsetHours(context.clock.instantOf(day.epochDay, dr.startHour)),
  });
  const participants = new Uint8Array(shape.n);
  for (const e of dr.chainEvents) for (const i of e.committed) participants[i] = 1;
  const eventWindow = { start: dr.startHour * shape.iph, end: (dr.startHour + dr.durationHours) * shape.iph };
  for (let i = 0; i < shape.n; i++) {
    state.consumerStats.curtailedKwh[i] += response.curtailedKwh[i]!;
    state.consumerStats.reboundKwh[i] += response.reboundKwh[i]!;
  }
  openEventRecords(state, context, { dr, day, response });
  if (p >= 0) {
    const ids = dr.chainEvents.map((e) => e.eventId.toString()).join(';');
    for (let t = 0; t < shape.I; t++) state.eventIdsBySlot[p * shape.I + t] = t >= eventWindow.start && t < eventWindow.end ? ids : '';
  }
  addAggregates(state, context, k, baseLoads, response.loads);
  step.work.loads = { loads: response.loads, baseLoads, participants, eventWindow };
}

/** Adds the day's loads to the system aggregates without DR (`base`) and with DR (`loads`). */
function addAggregates(state: RunState, { shape }: RunContext, k: number, base: Float64Array, loads: Float64Array): void {
  for (let i = 0; i < shape.n; i++) {
    for (let t = 0; t < shape.I; t++) {
      state.baseAgg[k * shape.I + t] += base[i * shape.I + t]!;
      state.drAgg[k * shape.I + t] += loads[i * shape.I + t]!;
    }
  }
}

/** The event records of the day's chain events (events.jsonl), completed at settlement. */
function openEventRecords(state: RunState, context: RunContext, { dr, day, response }: { dr: DrDay; day: SimDay; response: RespondToEventResult }): void {
  const { n, U } = context.shape;
  for (const e of dr.chainEvents) {
    let optedIn = 0;
    let optedOut = 0;
    let reboundKwh = 0;
    for (let i = e.utility; i < n; i += U) {
      if (dr.status[i] === PARTICIPATION.optedOut) optedOut += 1;
      if (dr.status[i] === PARTICIPATION.noResponse || dr.status[i] === PARTICIPATION.responded) optedIn += 1;
      reboundKwh += response.reboundKwh[i]!;
    }
    state.events.push({
      eventId: e.eventId.toString(),
      tier: dr.tier,
      start: new Date(context.clock.instantOf(day.epochDay, dr.startHour)).toISOString(),
      durationHours: dr.durationHours,
      region: String(REGION),
      utility: context.actors.utilities[e.utility]!.address,
      targetKw: e.targetKw,
      rateByToken: { [e.token]: e.rate.toString() },
      stressBps: e.stressBps,
      optedIn,
      optedOut,
      participants: 0,
      deliveredKwh: 0,
      baselineKwh: 0,
      reboundKwh,
      peakReductionKw: 0,
      payoutByToken: {},
      readsRejected: 0,
      readsRejectedByReason: {},
      alert: false,
      gas: {},
    });
  }
}
