import { writeCall, type Call } from '../../chain/index.ts';
import { openHistory } from '../../data/index.ts';
import { quotePayout } from '../../incentives/index.ts';
import { addGas, mine } from '../mine.ts';
import { oraclePayouts } from '../oraclePayouts.ts';
import { windowFrame } from '../meterWindow.ts';
import type { DayStep } from '../phase.ts';
import { resultsCommitment } from '../resultsCommitment.ts';
import type { RunContext } from '../runContext.ts';
import type { ChainEvent, DrDay, RunState } from '../runState.ts';
import { OUTCOME_BATCH } from '../schedule.ts';
import { GAS } from '../gasLimits.ts';
import { HOUR_MS } from '../simClock.ts';
import { type VerifyDeliveryResult, verifyDelivery } from '../verifyDelivery.ts';

/**
 * 00:30 — the oracle settles yesterday's event, per utility: the program's baseline per committed consumer from
 * the validated reads in its meter window, delivered and committed kWh, then on chain `postResults`,
 * `postOutcomes` (batched) and `finalize`; the payouts go to the TypeScript mirror and the oracle's ledger (the
 * oracle's leaves from the on-chain reference `quotePayout`).
 */
export async function settleYesterday(state: RunState, context: RunContext, step: DayStep): Promise<void> {
  const dr = state.drDays.get(state.yesterday!.dayIndex);
  if (dr === undefined) return;
  for (const e of dr.chainEvents) {
    const verified = verifyEvent(state, context, dr, e);
    state.baselineItems.baselineKwh.push(...verified.baselineItems.baselineKwh);
    state.baselineItems.counterfactualKwh.push(...verified.baselineItems.counterfactualKwh);
    await settleEvent(state, context, { dr, e, verified, timestamp: step.timestamp });
  }
}

/** Verifies one chain event's committed consumers on the oracle's meter window of the event day. */
function verifyEvent(state: RunState, context: RunContext, dr: DrDay, e: ChainEvent): VerifyDeliveryResult {
  const { inputs, clock, scenario } = context;
  const y = state.yesterday!;
  const window = state.window;
  const windowDays = inputs.days.slice(y.dayIndex - window.days + 1, y.dayIndex + 1);
  const frameStart = clock.instantOf(windowDays[0]!.epochDay, 0);
  const columns = new Map<string, Float64Array>();
  for (const i of e.committed) columns.set(`c${i}`, window.series(i, y.dayIndex));
  const temperatureC = inputs.temperatureC.slice((y.dayIndex - window.days + 1) * 24, (y.dayIndex + 1) * 24);
  const frame = windowFrame({ days: windowDays, start: frameStart, timezone: scenario.period.timezone, columns, temperatureC });
  return verifyDelivery({
    method: inputs.method,
    // settled after the event day: every read of the window is in (methods still read only what they declare)
    history: openHistory({ frame, decisionTime: frameStart + window.days * 24 * HOUR_MS, exogenous: ['temperature'] }),
    committed: e.committed,
    eventStart: frameStart + ((window.days - 1) * 24 + dr.startHour) * HOUR_MS,
    startHour: dr.startHour,
    durationHours: dr.durationHours,
    priorEventDays: state.eventDates.filter((date) => date < inputs.days[y.dayIndex]!.date),
    holidays: inputs.holidayDates,
    flexibleShare: context.population.flexibleShare,
    reads: y,
    shape: context.shape,
  });
}

interface SettleEventParameters {
  dr: DrDay;
  e: ChainEvent;
  verified: VerifyDeliveryResult;
  timestamp: bigint;
}

/** Posts one event's results, outcomes and finalisation, credits the ledgers and fills in the event's record. */
async function settleEvent(state: RunState, context: RunContext, { dr, e, verified, timestamp }: SettleEventParameters): Promise<void> {
  const { actors, scenario } = context;
  const { delivered, committedWh, outcomes } = verified;
  const terms = { rate: e.rate, tierMultiplierBps: BigInt(scenario.program.tiers[dr.tier].incentiveMultiplierBps), stressBps: BigInt(e.stressBps) };
  const mirrorPay = e.committed.map((_, j) => quotePayout({ terms, rules: context.rules, deliveredWh: delivered[j]!, committedWh: committedWh[j]! }).amount);
  const oraclePay = await oraclePayouts(state, context, { e, delivered, committedWh });
  const participants = outcomes.filter((o) => o > 0).length;
  const deliveredWhTotal = delivered.reduce((a, b) => a + b, 0n);
  const results = await mine({ state, context, calls: settlementCalls(context, { e, verified, participants, deliveredWhTotal }), timestamp });
  addGas(results, e.gas);
  const payees = (amounts: bigint[]) => e.committed.map((i, j) => ({ account: actors.consumers[i]!.address, amount: amounts[j]! })).filter((x) => x.amount > 0n);
  const payMirror = payees(mirrorPay);
  state.mirror.creditEvent({ ...context.programKey(e.utility), eventId: e.eventId, payouts: payMirror });
  state.oracleLedger.creditEvent({ ...context.programKey(e.utility), eventId: e.eventId, payouts: payees(oraclePay) });
  for (let j = 0; j < e.committed.length; j++) {
    const i = e.committed[j]!;
    state.consumerStats.events[i] += 1;
    if (outcomes[j]! > 0) state.consumerStats.participated[i] += 1;
  }
  const record = state.events.find((r) => r.eventId === e.eventId.toString());
  if (record === undefined) return;
  record.participants = participants;
  record.deliveredKwh = verified.deliveredKwhTotal;
  record.baselineKwh = verified.baselineKwhTotal;
  record.readsRejected = verified.rejectedInEvent;
  record.readsRejectedByReason = Object.fromEntries([...verified.rejectedByReason].sort(([a], [b]) => (a < b ? -1 : 1)));
  record.alert = deliveredWhTotal < BigInt(e.targetKw) * 1000n * BigInt(dr.durationHours);
  record.payoutByToken = { [e.token]: payMirror.reduce((a, b) => a + b.amount, 0n).toString() };
  record.gas = Object.fromEntries([...e.gas].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, v]) => [key, { calls: v.calls, gas: Number(v.gas) }]));
}

/** The oracle's settlement transactions of one event: postResults, postOutcomes in batches, finalize. */
function settlementCalls(context: RunContext, { e, verified, participants, deliveredWhTotal }: { e: ChainEvent; verified: VerifyDeliveryResult; participants: number; deliveredWhTotal: bigint }): Call[] {
  const { actors } = context;
  const c = context.system.contracts;
  const { delivered, committedWh, outcomes } = verified;
  const resultsRoot = resultsCommitment({ accounts: e.committed.map((i) => actors.consumers[i]!.address), delivered, committed: committedWh, outcomes });
  const calls: Call[] = [writeCall({ account: actors.oracle, contract: c.reductionRequests, functionName: 'postResults', args: [e.eventId, deliveredWhTotal, participants, resultsRoot], gas: GAS.admin })];
  for (let from = 0; from < e.committed.length; from += OUTCOME_BATCH) {
    const idx = e.committed.slice(from, from + OUTCOME_BATCH);
    const args = [e.eventId, idx.map((i) => actors.consumers[i]!.address), outcomes.slice(from, from + OUTCOME_BATCH)] as const;
    calls.push(writeCall({ account: actors.oracle, contract: c.reductionRequests, functionName: 'postOutcomes', args, gas: GAS.batchBase + GAS.outcomesPerConsumer * BigInt(idx.length) }));
  }
  calls.push(writeCall({ account: actors.oracle, contract: c.reductionRequests, functionName: 'finalize', args: [e.eventId], gas: GAS.admin }));
  return calls;
}
