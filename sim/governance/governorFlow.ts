import { type Address, type Hash, type Hex, keccak256, type LocalAccount, parseEther, toBytes } from 'viem';
import { type Call, decodeRevert, type DeploySystemResult, fundAccounts, type TxEngine, type TxResult, writeCall } from '../chain/index.ts';
import { ChainError } from '../errors.ts';
import type { ProposalAction } from './proposalActions.ts';
import type { Voter, VoteChoice } from './simulateElectorate.ts';

/** OpenZeppelin IGovernor.ProposalState, by its uint8 value. */
export const PROPOSAL_STATES = ['Pending', 'Active', 'Canceled', 'Defeated', 'Succeeded', 'Queued', 'Expired', 'Executed'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

/** GovernorCountingSimple's `support` values. */
const SUPPORT: Readonly<Record<Exclude<VoteChoice, 'absent'>, number>> = { against: 0, for: 1, abstain: 2 };

/** Native balance each simulated holder gets for its governance transactions. */
const HOLDER_ETH = parseEther('10');

// Governance transactions carry fixed, generous gas limits instead of estimates: an estimate runs at the node's
// pending timestamp, not at the block timestamp the simulation clock chooses, and voting, queueing and executing
// depend on time. Unused gas is not charged, so the ledger holds the gas really used.
const GAS = {
  mint: 200_000n,
  delegate: 300_000n,
  castVote: 400_000n,
  propose: (actions: number) => 1_000_000n + 200_000n * BigInt(actions),
  queue: (actions: number) => 1_000_000n + 200_000n * BigInt(actions),
  execute: (actions: number) => 2_000_000n + 1_500_000n * BigInt(actions),
};

export interface GovernorFlowParameters {
  engine: TxEngine;
  system: Pick<DeploySystemResult, 'contracts' | 'addresses'>;
}

/** A proposal's identity on the Governor: its actions and description. */
export interface ProposalCore {
  actions: readonly ProposalAction[];
  description: string;
}

export interface Tally {
  state: ProposalState;
  forVotes: bigint;
  againstVotes: bigint;
  abstainVotes: bigint;
  /** Votes (for + abstain) needed at the snapshot. */
  quorum: bigint;
}

/**
 * The steps of OpenZeppelin's Governor lifecycle on the deployed PeaklabGovernor, each mined at a timestamp the
 * caller chooses (the Governor and the token use a timestamp clock). Every transaction goes through the tx
 * engine, so its gas lands in the run's ledger. `applyProposal` chains them; tests call them one by one.
 */
export function governorFlow({ engine, system }: GovernorFlowParameters) {
  const { governor, govToken } = system.contracts;
  const ours: Hash[] = [];
  const run = async (calls: readonly Call[], timestamp: bigint): Promise<TxResult[]> => {
    const { results } = await engine.execute({ calls, timestamp });
    ours.push(...results.map((r) => r.tx.hash));
    return results;
  };
  const args = ({ actions, description }: ProposalCore) =>
    [actions.map((a) => a.target), actions.map((a) => a.value), actions.map((a) => a.calldata), description] as const;
  const hashed = (core: ProposalCore) => {
    const [targets, values, calldatas, description] = args(core);
    return [targets, values, calldatas, keccak256(toBytes(description))] as const;
  };

  return {
    /** Hashes of every transaction these steps mined. */
    transactions: (): readonly Hash[] => ours,

    /** The Governor's id of a proposal (hashProposal). */
    proposalId: (core: ProposalCore): Promise<bigint> => governor.read.hashProposal(hashed(core)),

    /**
     * Gives each holder its stake (the minter mints what is missing), funds it with ether for gas, and makes it
     * delegate to itself (votes count only when delegated). Holders already seated are left alone. Returns
     * whether a block was mined.
     */
    async seat({ voters, minter, timestamp }: { voters: readonly Voter[]; minter: LocalAccount; timestamp: bigint }): Promise<boolean> {
      const holders = voters.filter((v) => v.stake > 0n);
      await fundAccounts({ node: engine.node, addresses: holders.map((v) => v.account.address), balance: HOLDER_ETH });
      const [balances, delegates] = await Promise.all([
        Promise.all(holders.map((v) => govToken.read.balanceOf([v.account.address]))),
        Promise.all(holders.map((v) => govToken.read.delegates([v.account.address]))),
      ]);
      const calls: Call[] = [];
      holders.forEach((v, i) => {
        if (balances[i] < v.stake) {
          calls.push({ ...writeCall({ account: minter, contract: govToken, functionName: 'mint', args: [v.account.address, v.stake - balances[i]] }), gas: GAS.mint });
        }
      });
      holders.forEach((v, i) => {
        if (delegates[i] !== v.account.address) {
          calls.push({ ...writeCall({ account: v.account, contract: govToken, functionName: 'delegate', args: [v.account.address] }), gas: GAS.delegate });
        }
      });
      if (calls.length === 0) return false;
      await run(calls, timestamp);
      return true;
    },

    /** `propose` by `proposer`; returns the id, the snapshot (voting starts after it) and the deadline. */
    async propose({ core, proposer, timestamp }: { core: ProposalCore; proposer: LocalAccount; timestamp: bigint }) {
      const [targets, values, calldatas, description] = args(core);
      await run([{ ...writeCall({ account: proposer, contract: governor, functionName: 'propose', args: [targets, values, calldatas, description] }), gas: GAS.propose(targets.length) }], timestamp);
      const proposalId = await governor.read.hashProposal(hashed(core));
      const [snapshot, deadline] = await Promise.all([governor.read.proposalSnapshot([proposalId]), governor.read.proposalDeadline([proposalId])]);
      return { proposalId, snapshot, deadline };
    },

    /** Every holder with a stake and a choice other than 'absent' casts its vote, in one block. */
    async vote({ proposalId, voters, timestamp }: { proposalId: bigint; voters: readonly Voter[]; timestamp: bigint }): Promise<number> {
      const calls = voters
        .filter((v) => v.stake > 0n && v.choice !== 'absent')
        .map((v) => ({
          ...writeCall({ account: v.account, contract: governor, functionName: 'castVote', args: [proposalId, SUPPORT[v.choice as keyof typeof SUPPORT]] }),
          gas: GAS.castVote,
        }));
      if (calls.length > 0) await run(calls, timestamp);
      return calls.length;
    },

    /** Mines an empty block at `timestamp` (after the deadline) and reads the outcome the Governor decided. */
    async tally({ proposalId, timestamp }: { proposalId: bigint; timestamp: bigint }): Promise<Tally> {
      await engine.mine({ timestamp });
      const [state, [againstVotes, forVotes, abstainVotes], snapshot] = await Promise.all([
        governor.read.state([proposalId]),
        governor.read.proposalVotes([proposalId]),
        governor.read.proposalSnapshot([proposalId]),
      ]);
      const quorum = await governor.read.quorum([snapshot]);
      return { state: PROPOSAL_STATES[state], forVotes, againstVotes, abstainVotes, quorum };
    },

    /** `queue`: schedules the actions in the timelock; returns the earliest execution time (eta). */
    async queue({ core, account, timestamp }: { core: ProposalCore; account: LocalAccount; timestamp: bigint }): Promise<bigint> {
      const [targets, values, calldatas, descriptionHash] = hashed(core);
      await run([{ ...writeCall({ account, contract: governor, functionName: 'queue', args: [targets, values, calldatas, descriptionHash] }), gas: GAS.queue(targets.length) }], timestamp);
      return governor.read.proposalEta([await governor.read.hashProposal(hashed(core))]);
    },

    /** `execute`: the timelock makes the calls. Reverts (TimelockUnexpectedOperationState) before the eta. */
    async execute({ core, account, timestamp }: { core: ProposalCore; account: LocalAccount; timestamp: bigint }): Promise<ProposalState> {
      const [targets, values, calldatas, descriptionHash] = hashed(core);
      await run(
        [{ ...writeCall({ account, contract: governor, functionName: 'execute', args: [targets, values, calldatas, descriptionHash] }), gas: GAS.execute(targets.length) }],
        timestamp,
      );
      return PROPOSAL_STATES[await governor.read.state([await governor.read.hashProposal(hashed(core))])];
    },

    /**
     * Simulates every action as the timelock would make it (eth_call from the timelock) and throws a ChainError
     * naming the first that would revert, before anyone votes on a proposal that cannot execute.
     */
    async preflight({ core }: { core: ProposalCore }): Promise<void> {
      for (const action of core.actions) {
        try {
          await engine.client.call({ account: system.addresses.timelock as Address, to: action.target, data: action.calldata as Hex });
        } catch (error) {
          const data = findRevertData(error);
          const reason = data === undefined ? ((error as { shortMessage?: string }).shortMessage ?? String(error)) : decodeRevert({ data, errors: engine.registry.errorsAbi() }).text;
          throw new ChainError(`The proposal's action ${action.label} would revert when the timelock executes it: ${reason}`, {
            details: `target ${action.target}; simulated with eth_call from the timelock ${system.addresses.timelock}; rpc ${engine.node.rpcUrl}`,
            hint: 'Change the proposal so the contract accepts the new value (see the setter’s custom errors in contracts/src and docs/contracts.md).',
            cause: error,
          });
        }
      }
    },
  };
}

export type GovernorFlow = ReturnType<typeof governorFlow>;

/** The revert data inside a viem call error, when there is some. */
function findRevertData(error: unknown): Hex | undefined {
  let current: unknown = error;
  for (let i = 0; i < 8 && current !== undefined && current !== null; i += 1) {
    const data = (current as { data?: unknown }).data;
    if (typeof data === 'string' && data.startsWith('0x')) return data as Hex;
    if (typeof data === 'object' && data !== null && typeof (data as { data?: unknown }).data === 'string') return (data as { data: Hex }).data;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
