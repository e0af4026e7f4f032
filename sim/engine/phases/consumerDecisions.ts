import { type Address, parseSignature } from 'viem';
import { PARTICIPATION, respondToEvent } from '../../agents/index.ts';
import { type Call, writeCall } from '../../chain/index.ts';
import { ChainError } from '../../errors.ts';
import { addGas, mine } from '../mine.ts';
import type { DayStep, DayWork } from '../phase.ts';
import type { RunContext } from '../runContext.ts';
import type { ChainEvent, DrDay, RunState } from '../runState.ts';
import { ENROLL_BATCH } from '../schedule.ts';
import { GAS } from '../gasLimits.ts';
import { consumerIncentives } from '../consumerIncentives.ts';

type Called = NonNullable<DayWork['called']>;

/**
 * 10:00, after the call — each consumer decides on tomorrow's event (availability, tier, fatigue, and what its
 * own program pays for it against its retail price; the decision does not depend on tomorrow's loads): opt-outs
 * are the consumers' own transactions, standing opt-ins are enrolled by the relayer (enrollAuto) and the others
 * opt in by EIP-712 signatures the relayer sends in batches (optInBySig). The chain's committed count must equal the agents'.
 */
export async function consumerDecisions(state: RunState, context: RunContext, step: DayStep): Promise<void> {
  const called = step.work.called;
  if (called === undefined) return;
  const drDay = decide(state, context, step, called);
  const calls: Call[] = [];
  const owner: number[] = [];
  for (const e of called.chainEvents) {
    for (const call of await enrollmentCalls(state, context, { e, drDay, startSeconds: called.startSeconds })) {
      calls.push(call);
      owner.push(e.utility);
    }
  }
  const joined = await mine({ state, context, calls, timestamp: state.chainNow + context.blockTime });
  joined.forEach((r, j) => addGas([r], called.chainEvents[owner[j]!]!.gas));
  await checkCommitted(context, called.chainEvents);
  state.eventDates.push(step.tomorrow!.date);
}

/** The agents' decisions (statuses) for tomorrow's event; the state carries fatigue from earlier events. */
function decide(state: RunState, context: RunContext, step: DayStep, { event, agentId, chainEvents }: Called): DrDay {
  const { shape, clock, scenario, population } = context;
  const target = step.tomorrow!;
  const incentiveRate = consumerIncentives({ context, chainEvents });
  const agentEvent = { id: agentId, day: target, startHour: event.startHour, durationHours: event.durationHours, tier: event.tier, noticeHours: event.noticeHours, incentiveRate };
  const decided = respondToEvent({
    population,
    loads: context.scratch.noLoads,
    intervalsPerHour: shape.iph,
    event: agentEvent,
    tiers: scenario.program.tiers,
    state: state.eventState,
    utcOffsetHours: clock.utcOffsetHours(clock.instantOf(target.epochDay, event.startHour)),
  });
  const drDay: DrDay = { dayIndex: step.k + 1, agentId, startHour: event.startHour, durationHours: event.durationHours, tier: event.tier, noticeHours: event.noticeHours, incentiveRate, stateBefore: state.eventState, status: decided.status, chainEvents };
  state.eventState = decided.state;
  state.drDays.set(step.k + 1, drDay);
  return drDay;
}

/** One utility event's opt-outs (own transactions), enrollAuto batches and optInBySig batches, in that order. */
async function enrollmentCalls(state: RunState, context: RunContext, { e, drDay, startSeconds }: { e: ChainEvent; drDay: DrDay; startSeconds: bigint }): Promise<Call[]> {
  const { actors, population } = context;
  const { n, U } = context.shape;
  const rr = context.system.contracts.reductionRequests;
  const calls: Call[] = [];
  const auto: Address[] = [];
  const signed: number[] = [];
  for (let i = e.utility; i < n; i += U) {
    const s = drDay.status[i]!;
    if (s === PARTICIPATION.optedOut) {
      calls.push(writeCall({ account: actors.consumers[i]!, contract: rr, functionName: 'optOut', args: [e.eventId], gas: GAS.consumerTx }));
      state.consumerStats.optedOut[i] += 1;
    } else if (s === PARTICIPATION.noResponse || s === PARTICIPATION.responded) {
      e.committed.push(i);
      if (population.autoEnroll[i] === 1) auto.push(actors.consumers[i]!.address);
      else signed.push(i);
    }
  }
  for (let from = 0; from < auto.length; from += ENROLL_BATCH) {
    const chunk = auto.slice(from, from + ENROLL_BATCH);
    calls.push(writeCall({ account: actors.relayer, contract: rr, functionName: 'enrollAuto', args: [e.eventId, chunk], gas: GAS.batchBase + GAS.enrollPerConsumer * BigInt(chunk.length) }));
  }
  const sigs = await optInSignatures(context, { e, signed, deadline: startSeconds });
  for (let from = 0; from < sigs.length; from += ENROLL_BATCH) {
    const chunk = sigs.slice(from, from + ENROLL_BATCH);
    calls.push(writeCall({ account: actors.relayer, contract: rr, functionName: 'optInBySig', args: [e.eventId, chunk], gas: GAS.batchBase + GAS.optInSigPerConsumer * BigInt(chunk.length) }));
  }
  return calls;
}

/** Consumers' EIP-712 OptIn signatures (deadline: the event start), for the relayer's optInBySig. */
async function optInSignatures(context: RunContext, { e, signed, deadline }: { e: ChainEvent; signed: readonly number[]; deadline: bigint }) {
  const domain = { name: 'peaklab ReductionRequests', version: '1', chainId: context.node.chainId, verifyingContract: context.system.addresses.reductionRequests } as const;
  const types = { OptIn: [{ name: 'consumer', type: 'address' }, { name: 'eventId', type: 'uint256' }, { name: 'deadline', type: 'uint64' }] } as const;
  const sigs = [];
  for (const i of signed) {
    const consumer = context.actors.consumers[i]!;
    const signature = await consumer.signTypedData({ domain, types, primaryType: 'OptIn', message: { consumer: consumer.address, eventId: e.eventId, deadline } });
    const { r, s, v, yParity } = parseSignature(signature);
    sigs.push({ consumer: consumer.address, deadline, v: Number(v ?? 27n + BigInt(yParity ?? 0)), r, s });
  }
  return sigs;
}

/** The chain must hold exactly the consumers the agents committed. */
async function checkCommitted(context: RunContext, chainEvents: readonly ChainEvent[]): Promise<void> {
  const after = await Promise.all(chainEvents.map((e) => context.system.contracts.reductionRequests.read.getEvent([e.eventId])));
  after.forEach((s, u) => {
    const e = chainEvents[u]!;
    if (s.optedIn === e.committed.length) return;
    throw new ChainError(`Event ${e.eventId}: the chain committed ${s.optedIn} consumers, the agents ${e.committed.length}`, {
      details: `utility ${e.utility}; eligibility on chain (ConsumerRegistry.eligibility) and the agents' preferences disagree`,
      hint: 'This is a bug in how preferences reach the chain; see OptInSkipped events of the event.',
    });
  });
}
