import type { ApplyProposalResult, Proposal, ScenarioEdit } from '../governance/index.ts';

/** What compare.json (and each run's governance.json) records about a proposal and its passage. */
export interface GovernanceRecord {
  proposal: {
    file: string;
    sha256: string;
    title: string;
    description: string;
    changes: { parameter: string; kind: string; value: unknown; line: number }[];
  };
  /** 'executed' (applied on-chain and in the scenario) or 'defeated' (nothing applied). */
  status: 'executed' | 'defeated';
  state: string;
  proposalId: string;
  votes: { for: string; against: string; abstain: string; quorum: string; voters: number; holders: number };
  /** The timelock's calls (`Contract.function(args)`); a signal action when nothing changes on-chain. */
  actions: string[];
  signalOnly: boolean;
  /** Governed values read back from the contracts after execution. */
  readBack: { parameter: string; expected: string; actual: string }[];
  /** Scenario fields the proposal set for the season (event terms, scenario rules, mirrors of governed values). */
  scenarioEdits: ScenarioEdit[];
  /** Unix seconds of each step. */
  timeline: Record<string, string | null>;
  /** Gas of all governance transactions (also in the run's gas.csv). */
  gasUsed: string;
}

const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));

/** A JSON-ready record of a proposal and what the Governor made of it (bigints as decimal strings). */
export function governanceRecord({ proposal, result, scenarioEdits }: { proposal: Proposal; result: ApplyProposalResult; scenarioEdits: readonly ScenarioEdit[] }): GovernanceRecord {
  return {
    proposal: {
      file: proposal.file,
      sha256: proposal.sha256,
      title: proposal.title,
      description: proposal.description,
      changes: proposal.changes.map((c) => ({ parameter: c.parameter, kind: c.kind, value: json(c.value), line: c.line })),
    },
    status: result.status,
    state: result.state,
    proposalId: result.proposalId.toString(),
    votes: {
      for: result.tally.forVotes.toString(),
      against: result.tally.againstVotes.toString(),
      abstain: result.tally.abstainVotes.toString(),
      quorum: result.tally.quorum.toString(),
      voters: result.turnout.voted,
      holders: result.turnout.holders,
    },
    actions: result.actions.map((a) => a.label),
    signalOnly: result.signalOnly,
    readBack: result.readBack.map((r) => ({ ...r })),
    scenarioEdits: result.status === 'executed' ? (json(scenarioEdits) as ScenarioEdit[]) : [],
    timeline: Object.fromEntries(Object.entries(result.timeline).map(([k, v]) => [k, v === null ? null : String(v)])),
    gasUsed: result.gasUsed.toString(),
  };
}
