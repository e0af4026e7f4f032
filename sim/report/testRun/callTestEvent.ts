import type { TestRunState } from './simulateTestRun.ts';
import { EVENT_HOURS, EVENT_START_HOUR, HOUR, REBOUND_HOURS, START_UTC, type TestToken, TOKENS } from './testRunConstants.ts';

export interface CallTestEventParameters {
  /** Updated in place: consumers' tallies, load with DR, event slots, gas rows. */
  run: TestRunState;
  /** Day index of the event. */
  day: number;
  /** 0 for the first event of the run. */
  index: number;
}

/** An events.jsonl line of the test run. */
export type TestEventRow = Record<string, unknown>;

interface EventResponse {
  optedIn: number;
  optedOut: number;
  participants: number;
  deliveredWh: number;
  reboundWh: number;
  payoutByToken: Record<TestToken, bigint>;
  rejected: number;
}

/** Opt-in probability of the event with this index: fatigue, fewer opt-ins with every event. */
const optInProbability = (index: number) => 0.9 * 0.9 ** index;
/** Of those who opt in, the share that actually delivers. */
const DELIVERY_PROBABILITY = 0.85;
/** Share of the curtailed energy consumed again after the event. */
const REBOUND_SHARE = 0.2;
/** Chance a participant's event reads are rejected. */
const READ_REJECTION_PROBABILITY = 0.1;

/** One DR event of the test run, from EVENT_START_HOUR for EVENT_HOURS: every consumer decides, the load follows, the chain is paid for. */
export function callTestEvent({ run, day, index }: CallTestEventParameters): TestEventRow {
  const eventId = `E${index + 1}`;
  const first = day * 24 + EVENT_START_HOUR;
  const response = respond(run, first, index);
  for (let h = 0; h < EVENT_HOURS; h++) {
    run.eventActive[first + h] = 1;
    run.eventIdAt[first + h] = eventId;
  }
  const gas = eventGas(run, eventId, response.participants);
  let baselineWh = 0;
  let peakReduction = 0;
  for (let h = 0; h < EVENT_HOURS; h++) {
    baselineWh += run.baselineKw[first + h]! * 1000;
    peakReduction = Math.max(peakReduction, run.baselineKw[first + h]! - run.withDrKw[first + h]!);
  }
  const kwh = (wh: number) => Number((wh / 1000).toFixed(3));
  return {
    eventId,
    tier: 1,
    start: new Date(START_UTC + first * HOUR).toISOString(),
    durationHours: EVENT_HOURS,
    region: 'zone-1',
    targetKw: 80,
    rateByToken: { GRID: (TOKENS.GRID.perWh * 1000n).toString(), pUSD: (TOKENS.pUSD.perWh * 1000n).toString() },
    stressBps: 8000,
    optedIn: response.optedIn,
    optedOut: response.optedOut,
    participants: response.participants,
    deliveredKwh: kwh(response.deliveredWh),
    baselineKwh: kwh(baselineWh),
    reboundKwh: kwh(response.reboundWh),
    peakReductionKw: Number(peakReduction.toFixed(3)),
    payoutByToken: { GRID: response.payoutByToken.GRID.toString(), pUSD: response.payoutByToken.pUSD.toString() },
    readsRejected: response.rejected,
    alert: false,
    gas,
  };
}

/**
 * Every consumer's answer, in id order from its own stream: opt in (less likely with every event), deliver its
 * flexible kW over the event, rebound a share of it in the hours after, get paid per Wh, maybe have its reads rejected.
 */
function respond(run: TestRunState, first: number, index: number): EventResponse {
  const response: EventResponse = { optedIn: 0, optedOut: 0, participants: 0, deliveredWh: 0, reboundWh: 0, payoutByToken: { GRID: 0n, pUSD: 0n }, rejected: 0 };
  for (const c of run.consumers) {
    c.invited++;
    if (!c.r.bernoulli(optInProbability(index))) {
      response.optedOut++;
      c.optedOut++;
      continue;
    }
    response.optedIn++;
    if (!c.r.bernoulli(DELIVERY_PROBABILITY)) continue;
    response.participants++;
    c.participated++;
    const wh = Math.round(c.kw * EVENT_HOURS * 1000);
    const back = Math.round(wh * REBOUND_SHARE);
    c.curtailedWh += wh;
    c.reboundWh += back;
    response.deliveredWh += wh;
    response.reboundWh += back;
    const pay = BigInt(wh) * TOKENS[c.token].perWh;
    c.entitlement += pay;
    response.payoutByToken[c.token] += pay;
    for (let h = 0; h < EVENT_HOURS; h++) run.withDrKw[first + h] -= wh / EVENT_HOURS / 1000;
    for (let h = 0; h < REBOUND_HOURS; h++) run.withDrKw[first + EVENT_HOURS + h] += back / REBOUND_HOURS / 1000;
    if (c.r.bernoulli(READ_REJECTION_PROBABILITY)) {
      c.readsRejected++;
      response.rejected++;
    }
  }
  return response;
}

/** The event's transactions: create it, submit the results, one claim per participant; returns gas by function. */
function eventGas(run: TestRunState, eventId: string, participants: number): Record<string, number> {
  const gas: Record<string, number> = {
    'ReductionRequests.createEvent': 148_000,
    'ReductionRequests.submitResults': 40_000 + 5_200 * participants,
    'IncentiveDistributor.claim': 52_000 * participants,
  };
  run.gasRows.push({ contract: 'ReductionRequests', fn: 'createEvent', gas: gas['ReductionRequests.createEvent']!, event: eventId });
  run.gasRows.push({ contract: 'ReductionRequests', fn: 'submitResults', gas: gas['ReductionRequests.submitResults']!, event: eventId });
  for (let p = 0; p < participants; p++) run.gasRows.push({ contract: 'IncentiveDistributor', fn: 'claim', gas: 52_000, event: eventId });
  return gas;
}
