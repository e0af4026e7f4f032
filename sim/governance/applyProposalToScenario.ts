import { ScenarioError } from '../errors.ts';
import { type Scenario, scenarioSchema, type TierName } from '../scenario/index.ts';
import { TIER_NAMES } from './governanceParameters.ts';
import type { Proposal } from './parseProposal.ts';
import type { PriceBreakpoint } from './readGovernedValue.ts';

export interface ApplyProposalToScenarioParameters {
  scenario: Scenario;
  proposal: Pick<Proposal, 'file' | 'changes'>;
}

/** One scenario field a change set. */
export interface ScenarioEdit {
  parameter: string;
  /** Dotted scenario path, e.g. `program.tiers.tier2.incentiveMultiplierBps`. */
  path: string;
  from: unknown;
  to: unknown;
}

export interface ApplyProposalToScenarioResult {
  /** A new scenario (the input is not modified), validated again. */
  scenario: Scenario;
  edits: ScenarioEdit[];
  /** Governed changes with no scenario field (they live on-chain only: thresholds, alphas, bonds …). */
  onChainOnly: string[];
}

/**
 * The scenario the engine simulates the season with once a proposal has passed: event terms (rate, baseline
 * method) and scenario rules (trigger, events per season …) are set here — that is how they take effect — and
 * governed changes that the scenario also describes (tier terms, performance factor, price curve, dispute window,
 * M of M-of-N) are mirrored, so the engine's off-chain payout rule agrees with the contracts after execution.
 * Throws a ScenarioError naming the proposal line when the result breaks a scenario rule (e.g. a tier's
 * maxDuration below the scenario's event length).
 */
export function applyProposalToScenario({ scenario, proposal }: ApplyProposalToScenarioParameters): ApplyProposalToScenarioResult {
  const next = structuredClone(scenario) as Scenario;
  const edits: ScenarioEdit[] = [];
  const onChainOnly: string[] = [];
  const lineOf = new Map<string, number>();
  const set = (parameter: string, path: string, to: unknown) => {
    const keys = path.split('.');
    let holder = next as unknown as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) holder = holder[key] as Record<string, unknown>;
    const last = keys.at(-1) as string;
    edits.push({ parameter, path, from: holder[last], to });
    holder[last] = to;
  };
  for (const change of proposal.changes) {
    lineOf.set(change.parameter, change.line);
    const { parameter, value } = change;
    const tier = /^ReductionRequests\.tiers\.(\w+)\.(\w+)$/.exec(parameter);
    if (tier && TIER_NAMES.includes(tier[1] as never)) {
      const name = tier[1] as TierName;
      const field = tier[2];
      if (field === 'minNotice') set(parameter, `program.tiers.${name}.minNoticeHours`, (value as number) / 3600);
      else if (field === 'maxDuration') set(parameter, `program.tiers.${name}.maxDurationHours`, (value as number) / 3600);
      else set(parameter, `program.tiers.${name}.${field}`, value);
      continue;
    }
    const rate = /^ReductionRequests\.event\.rate\.(\w+)$/.exec(parameter);
    if (rate) {
      set(parameter, `program.rates.${rate[1]}`, value);
      continue;
    }
    switch (parameter) {
      case 'ReductionRequests.event.baselineMethodId':
        set(parameter, 'program.baseline', value);
        break;
      case 'IncentiveDistributor.minComplianceBps':
      case 'IncentiveDistributor.bonusSlopeBps':
      case 'IncentiveDistributor.bonusCapBps':
        set(parameter, `program.performance.${parameter.split('.')[1]}`, value);
        break;
      case 'IncentiveDistributor.priceCurve':
        set(parameter, 'program.priceFactor', (value as PriceBreakpoint[]).map((p) => ({ stressBps: p.stressBps, factorBps: p.factorBps })));
        break;
      case 'IncentiveDistributor.disputeWindow':
        set(parameter, 'program.settlement.disputeWindowHours', (value as number) / 3600);
        break;
      case 'UtilityRegistry.requiredApprovals':
        set(parameter, 'utilities.approvals.required', value);
        break;
      default:
        if (parameter.startsWith('program.')) set(parameter, parameter, value);
        else onChainOnly.push(parameter);
    }
  }
  const checked = scenarioSchema.safeParse(next);
  if (!checked.success) {
    const problems = checked.error.issues.map((issue) => {
      const path = issue.path.join('.');
      const edit = edits.find((e) => path.startsWith(e.path) || e.path.startsWith(path));
      const at = (e: ScenarioEdit) => `${proposal.file}:${lineOf.get(e.parameter)} ${e.parameter}`;
      const where = edit ? at(edit) : edits.map(at).join(', ') || proposal.file;
      return `${where}: scenario ${path}: ${issue.message}`;
    });
    throw new ScenarioError(`The proposal ${proposal.file} makes the scenario invalid`, {
      details: problems.join('; '),
      hint: 'Change the proposal (or the scenario) so the program stays consistent, e.g. a tier’s maxDuration at least the scenario’s event durationHours.',
    });
  }
  return { scenario: checked.data, edits, onChainOnly };
}
