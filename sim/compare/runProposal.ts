import { defaultSystemSettings } from '../chain/index.ts';
import { type RunProgress, runSimulation, type RunSimulationResult } from '../engine/index.ts';
import { ChainError, PeaklabError } from '../errors.ts';
import {
  type ApplyProposalResult,
  applyProposal,
  applyProposalToScenario,
  governanceDuration,
  type Proposal,
  proposalDescription,
  simulateElectorate,
} from '../governance/index.ts';
import { buildRunFiles } from '../metrics/index.ts';
import type { Scenario } from '../scenario/index.ts';
import { type GovernanceRecord, governanceRecord } from './governanceRecord.ts';

export interface RunProposalParameters {
  scenario: Scenario;
  /** Absolute path and sha256 of the scenario file (for the manifest). */
  scenarioPath: string;
  scenarioSha256: string;
  proposal: Proposal;
  /** Seed of the token holders' stakes and votes (default: the scenario's seed). A multi-seed comparison keeps it
   * fixed, so every seed meets the same vote and only the season's randomness varies. */
  electorateSeed?: number;
  rpcUrl?: string;
  data?: string;
  env?: Readonly<Record<string, string | undefined>>;
  tools?: Readonly<Record<string, string>>;
  onProgress?: (progress: RunProgress) => void;
}

export interface RunProposalResult {
  /** The run-directory files (with governance.json added). */
  files: Map<string, string>;
  stats: RunSimulationResult['stats'];
  governance: GovernanceRecord;
}

/** Raised inside the pre-season hook to stop a run whose proposal was defeated (it reruns without the changes). */
class ProposalDefeated extends PeaklabError {
  override name = 'ProposalDefeated';
  constructor(readonly result: ApplyProposalResult) {
    super('The proposal was defeated', { hint: 'Internal: caught by runProposal.' });
  }
}

/**
 * One run of a scenario with a proposal: the system is deployed with the scenario's own parameters, then — before
 * the season — the proposal goes through the real Governor (seeded holders delegate and vote; a passed proposal is
 * queued and executed by the timelock, its values read back), and the season is simulated with the proposal in
 * force (its event terms and scenario rules, and the governed values now on-chain). A defeated proposal changes
 * nothing: the run is redone with the unchanged scenario, the same defeated vote on chain, and its gas.
 */
export async function runProposal({ scenario, scenarioPath, scenarioSha256, proposal, electorateSeed, rpcUrl, data, env, tools, onProgress }: RunProposalParameters): Promise<RunProposalResult> {
  const { scenario: withProposal, edits } = applyProposalToScenario({ scenario, proposal });
  const { voters } = simulateElectorate({ seed: electorateSeed ?? scenario.seed, electorate: proposal.electorate, subject: proposalDescription(proposal) });
  const blockTimeSeconds = BigInt(Math.max(1, Math.round(scenario.chain.blockTimeSeconds)));
  const leadSeconds = governanceDuration({ settings: defaultSystemSettings, blockTimeSeconds }) + 3600n;
  let outcome: ApplyProposalResult | undefined;
  const simulate = (season: Scenario, expect: 'executed' | 'defeated' | 'any') =>
    runSimulation({
      scenario: season,
      scenarioPath,
      scenarioSha256,
      rpcUrl,
      data,
      env,
      tools,
      onProgress,
      beforeSeason: {
        leadSeconds,
        setupScenario: scenario,
        apply: async ({ engine, system, minter, timestamp }) => {
          const result = await applyProposal({ engine, system, proposal, voters, minter, clock: { timestamp, blockTimeSeconds } });
          outcome = result;
          if (expect === 'any' && result.status === 'defeated') throw new ProposalDefeated(result);
          if (expect !== 'any' && result.status !== expect) {
            throw new ChainError(`The proposal "${proposal.title}" was ${result.status} on the rerun, ${expect} the first time`, {
              hint: 'Votes are seeded: the same scenario and proposal must give the same outcome. Use a node only this run uses.',
            });
          }
          return { lastTimestamp: result.endTimestamp };
        },
      },
    });
  let run: RunSimulationResult;
  try {
    run = await simulate(withProposal, 'any');
  } catch (error) {
    if (!(error instanceof ProposalDefeated)) throw error;
    run = await simulate(scenario, 'defeated');
  }
  if (outcome === undefined) throw new ChainError('The pre-season governance hook did not run', { hint: 'Internal: runSimulation must call beforeSeason.apply.' });
  const governance = governanceRecord({ proposal, result: outcome, scenarioEdits: edits });
  const files = buildRunFiles(run.record);
  files.set('governance.json', `${JSON.stringify(governance, null, 2)}\n`);
  return { files, stats: run.stats, governance };
}
