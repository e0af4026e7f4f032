import type { LocalAccount } from 'viem';
import type { DeploySystemResult, TxEngine } from '../chain/index.ts';
import { ChainError, UsageError } from '../errors.ts';
import { governorFlow, type ProposalState, type Tally } from './governorFlow.ts';
import type { Proposal } from './parseProposal.ts';
import { type ExpectedValue, type ProposalAction, proposalActions } from './proposalActions.ts';
import { type GovernedValue, governedValueText, readGovernedValue, type RegionThresholds } from './readGovernedValue.ts';
import type { Voter } from './simulateElectorate.ts';

export interface ApplyProposalParameters {
  /** The run's tx engine (its node, registry and gas ledger). */
  engine: TxEngine;
  /** The deployed system (deploySystem's result). */
  system: Pick<DeploySystemResult, 'contracts' | 'addresses'>;
  proposal: Pick<Proposal, 'title' | 'description' | 'changes'>;
  /** The simulated token holders with their stakes and choices (`simulateElectorate`). */
  voters: readonly Voter[];
  /** Holds MINTER_ROLE on PeaklabGovToken: mints the holders' stakes. */
  minter: LocalAccount;
  /** The simulation clock: the first governance block is mined at `timestamp` (unix seconds, after the last
   *  block of the chain); later blocks follow `blockTimeSeconds` apart and wait out the Governor's delays. */
  clock: { timestamp: bigint; blockTimeSeconds?: bigint };
}

/** The block timestamps of each step. */
export interface GovernanceTimeline {
  seated: bigint | null;
  proposed: bigint;
  /** Voting opens after this timestamp (the Governor's snapshot). */
  snapshot: bigint;
  voted: bigint;
  deadline: bigint;
  tallied: bigint;
  queued: bigint | null;
  /** Earliest execution (queued + the timelock's delay). */
  eta: bigint | null;
  executed: bigint | null;
}

export interface ReadBack {
  parameter: string;
  expected: string;
  actual: string;
}

export interface ApplyProposalResult {
  /** 'executed': passed and applied on-chain (read back); 'defeated': failed quorum or majority, nothing applied. */
  status: 'executed' | 'defeated';
  proposalId: bigint;
  /** The Governor's final state ('Executed' or 'Defeated'). */
  state: ProposalState;
  tally: Tally;
  /** Holders who voted, and how many holders there were. */
  turnout: { voted: number; holders: number };
  description: string;
  actions: ProposalAction[];
  /** True when the proposal has no on-chain parameter change (only event terms or scenario rules). */
  signalOnly: boolean;
  /** Each governed change as read from its contract after execution (empty when defeated). */
  readBack: ReadBack[];
  timeline: GovernanceTimeline;
  /** Gas used by every governance transaction (seating, propose, votes, queue, execute), also in the ledger. */
  gasUsed: bigint;
  /** Timestamp of the last block mined; the simulation continues after it. */
  endTimestamp: bigint;
}

/** The on-chain proposal description: title as a Markdown heading, then the description. */
export function proposalDescription({ title, description }: { title: string; description: string }): string {
  return description === '' ? `# ${title}` : `# ${title}\n\n${description}`;
}

/**
 * Puts a proposal through the real PeaklabGovernor on the chain: seats the holders (mint + self-delegation),
 * proposes (the largest holder), waits out the voting delay, casts every holder's seeded vote, waits past the
 * deadline and tallies. A proposal that misses quorum or majority is `defeated` and nothing changes. Otherwise
 * it is queued in the timelock, executed once the delay has passed, and every governed change is read back from
 * its contract (a ChainError if one differs). Block timestamps come from `clock`; gas lands in the engine's ledger.
 */
export async function applyProposal({ engine, system, proposal, voters, minter, clock }: ApplyProposalParameters): Promise<ApplyProposalResult> {
  const step = clock.blockTimeSeconds ?? 12n;
  const flow = governorFlow({ engine, system });
  const { governor } = system.contracts;
  const { actions, expected, signalOnly } = await proposalActions({ system, proposal });
  const description = proposalDescription(proposal);
  const core = { actions, description };
  await flow.preflight({ core });

  const proposer = [...voters].sort((a, b) => (a.stake === b.stake ? a.id - b.id : a.stake > b.stake ? -1 : 1))[0];
  const threshold = await governor.read.proposalThreshold();
  if (proposer === undefined || proposer.stake < threshold) {
    throw new UsageError(`No simulated holder has the ${threshold} votes PeaklabGovernor needs to propose`, {
      details: `largest stake: ${proposer?.stake ?? 0n}`,
      hint: 'Raise electorate.supply (or lower electorate.holders) in the proposal file.',
    });
  }
  let now = clock.timestamp;
  const seated = (await flow.seat({ voters, minter, timestamp: now })) ? now : null;
  if (seated !== null) now += step;
  const proposed = now;
  const { proposalId, snapshot, deadline } = await flow.propose({ core, proposer: proposer.account, timestamp: proposed });
  const voted = BigInt(snapshot) + 1n;
  const votes = await flow.vote({ proposalId, voters, timestamp: voted });
  const tallied = BigInt(deadline) + 1n;
  const tally = await flow.tally({ proposalId, timestamp: tallied });
  const timeline: GovernanceTimeline = { seated, proposed, snapshot: BigInt(snapshot), voted, deadline: BigInt(deadline), tallied, queued: null, eta: null, executed: null };
  const base = { proposalId, tally, turnout: { voted: votes, holders: voters.filter((v) => v.stake > 0n).length }, description, actions, signalOnly };
  const gasOf = () => {
    const ours = new Set(flow.transactions());
    return engine.ledger
      .entries()
      .filter((e) => ours.has(e.txHash))
      .reduce((sum, e) => sum + e.gasUsed, 0n);
  };

  if (tally.state === 'Defeated') {
    return { ...base, status: 'defeated', state: tally.state, readBack: [], timeline, gasUsed: gasOf(), endTimestamp: tallied };
  }
  if (tally.state !== 'Succeeded') {
    throw new ChainError(`Proposal ${proposalId} is ${tally.state} after its deadline, expected Succeeded or Defeated`, {
      details: `proposal "${proposal.title}"; for ${tally.forVotes}, against ${tally.againstVotes}, abstain ${tally.abstainVotes}, quorum ${tally.quorum}`,
      hint: 'Another client may have acted on this Governor; use a node only this run uses.',
    });
  }
  const queued = tallied + step;
  const eta = await flow.queue({ core, account: proposer.account, timestamp: queued });
  const executed = eta > queued + step ? eta : queued + step;
  const state = await flow.execute({ core, account: proposer.account, timestamp: executed });
  Object.assign(timeline, { queued, eta, executed });
  if (state !== 'Executed') {
    throw new ChainError(`Proposal ${proposalId} is ${state} after execute`, { details: `eta ${eta}, executed at ${executed}`, hint: 'Internal: the Governor should report Executed.' });
  }
  const readBack = await readBackChanges({ system, expected });
  const wrong = readBack.filter((r) => r.actual !== r.expected);
  if (wrong.length > 0) {
    throw new ChainError(`The executed proposal "${proposal.title}" did not set ${wrong.map((r) => r.parameter).join(', ')}`, {
      details: wrong.map((r) => `${r.parameter}: expected ${r.expected}, read ${r.actual}`).join('; '),
      hint: 'A later action of the same proposal may overwrite an earlier one; list each parameter once.',
    });
  }
  return { ...base, status: 'executed', state, readBack, timeline, gasUsed: gasOf(), endTimestamp: executed };
}

async function readBackChanges({ system, expected }: { system: ApplyProposalParameters['system']; expected: readonly ExpectedValue[] }): Promise<ReadBack[]> {
  const out: ReadBack[] = [];
  for (const { parameter, value } of expected) {
    const region = parameter === 'LoadForecast.thresholds' ? (value as RegionThresholds).region : undefined;
    const actual: GovernedValue = await readGovernedValue({ contracts: system.contracts, name: parameter, region });
    out.push({ parameter, expected: governedValueText(value), actual: governedValueText(actual) });
  }
  return out;
}
