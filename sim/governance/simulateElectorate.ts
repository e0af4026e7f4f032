import { createHash } from 'node:crypto';
import type { LocalAccount } from 'viem';
import { counterNormal, counterUniform } from '../agents/index.ts';
import { deriveAccount } from '../chain/index.ts';
import type { Electorate } from './proposalSchema.ts';

/** How a holder votes: GovernorCountingSimple's support values, or not at all. */
export type VoteChoice = 'for' | 'against' | 'abstain' | 'absent';

/** One simulated governance-token holder. */
export interface Voter {
  readonly id: number;
  readonly account: LocalAccount;
  /** Tokens (smallest units, 18 decimals) the holder owns and delegates to itself. */
  readonly stake: bigint;
  readonly choice: VoteChoice;
}

export interface SimulateElectorateParameters {
  /** The scenario's root seed. */
  seed: number;
  electorate: Electorate;
  /** What is voted on (title and description): the same holders vote differently on different proposals. */
  subject: string;
}

export interface SimulateElectorateResult {
  voters: Voter[];
  /** Sum of the stakes (= electorate.supply × 10^18). */
  supply: bigint;
}

const GOV_DECIMALS = 10n ** 18n;

/** A uint32 key for counter-based draws, from the seed and a domain. */
function streamKey(seed: number, ...domain: readonly string[]): number {
  return createHash('sha256').update(JSON.stringify(['peaklab.governance.v1', seed, ...domain])).digest().readUInt32BE(0);
}

/**
 * The simulated token holders: account `deriveAccount(seed, 'gov-holder', i)`, a log-normal stake (spread
 * `stakeSpread`) of `supply` whole tokens — a function of (seed, holders, supply, spread) only, so every
 * proposal of a scenario meets the same holders — and a seeded vote on `subject`: votes with probability
 * `turnout`; a voter abstains with probability `abstain`, otherwise votes for with probability `support`.
 * Stakes are exact: the rounding remainder goes to holder 0.
 */
export function simulateElectorate({ seed, electorate, subject }: SimulateElectorateParameters): SimulateElectorateResult {
  const { holders, supply: wholeSupply, stakeSpread, turnout, abstain, support } = electorate;
  const stakeKey = streamKey(seed, 'stake');
  const voteKey = streamKey(seed, 'vote', createHash('sha256').update(subject).digest('hex'));
  const weights = Array.from({ length: holders }, (_, i) => Math.exp(stakeSpread * counterNormal(stakeKey, i, 0)));
  const total = weights.reduce((a, b) => a + b, 0);
  const supply = BigInt(wholeSupply) * GOV_DECIMALS;
  // integer shares in millionths of a millionth, then exact smallest units
  const SCALE = 1_000_000_000_000n;
  const stakes = weights.map((w) => (supply * BigInt(Math.floor((w / total) * Number(SCALE)))) / SCALE);
  stakes[0] += supply - stakes.reduce((a, b) => a + b, 0n);
  const voters = stakes.map((stake, id): Voter => {
    let choice: VoteChoice = 'absent';
    if (counterUniform(voteKey, id, 0) < turnout) {
      if (counterUniform(voteKey, id, 1) < abstain) choice = 'abstain';
      else choice = counterUniform(voteKey, id, 2) < support ? 'for' : 'against';
    }
    return { id, account: deriveAccount({ seed, kind: 'gov-holder', id }), stake, choice };
  });
  return { voters, supply };
}
