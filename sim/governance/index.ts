/**
 * sim/governance — governance proposals (YAML files naming contract parameters) and their passage through the
 * real PeaklabGovernor: seeded token holders delegate and vote, the timelock executes, values are read back.
 * Between sim/chain and sim/engine. The only public entry of this stage.
 */
export {
  findGovernanceParameter,
  GOVERNANCE_PARAMETERS,
  type GovernanceParameter,
  type GovernedTier,
  type ParameterKind,
  type SetterName,
  TIER_IDS,
} from './governanceParameters.ts';
export { type Electorate, electorateSchema, type ProposalChange, proposalSchema, type ProposalInput } from './proposalSchema.ts';
export { parseProposal, type ParseProposalParameters, type ParseProposalResult, type Proposal, PROPOSAL_HINT } from './parseProposal.ts';
export { loadProposal, type LoadProposalParameters } from './loadProposal.ts';
export { simulateElectorate, type SimulateElectorateParameters, type SimulateElectorateResult, type VoteChoice, type Voter } from './simulateElectorate.ts';
export { type GovernedValue, governedValueText, type PriceBreakpoint, readGovernedValue, type ReadGovernedValueParameters, type RegionThresholds } from './readGovernedValue.ts';
export { type ExpectedValue, type ProposalAction, proposalActions, type ProposalActionsParameters, type ProposalActionsResult } from './proposalActions.ts';
export { type GovernorFlow, governorFlow, type GovernorFlowParameters, PROPOSAL_STATES, type ProposalCore, type ProposalState, type Tally } from './governorFlow.ts';
export {
  applyProposal,
  type ApplyProposalParameters,
  type ApplyProposalResult,
  type GovernanceTimeline,
  proposalDescription,
  type ReadBack,
} from './applyProposal.ts';
export { applyProposalToScenario, type ApplyProposalToScenarioParameters, type ApplyProposalToScenarioResult, type ScenarioEdit } from './applyProposalToScenario.ts';
export { governanceDuration, type GovernanceDurationParameters } from './governanceDuration.ts';
