/** sim/engine — the simulator: clock, day cycle, chain orchestration, the run record (its files and KPIs are sim/metrics'). The only public entry of this stage. */
export { rng, type Rng, type RngParameters } from '../rng.ts';
export { createSimClock, type CreateSimClockParameters, type SimClock } from './simClock.ts';
export { alignedSeries, type AlignedSeriesParameters, type AlignedSeriesResult } from './alignedSeries.ts';
export { callEvent, type CallEventParameters, type CallEventResult, type CalledEvent } from './callEvent.ts';
export { CALIBRATION_SAMPLE, CALIBRATION_WARMUP_DAYS, type DatasetUse, type EngineInputs, loadInputs, type LoadInputsParameters, MIN_WARMUP_DAYS } from './loadInputs.ts';
export { MeterWindow, windowFrame, type WindowFrameParameters } from './meterWindow.ts';
export { type ChainActors, deriveActors, type DeriveActorsParameters, GAS, REGION, setupChain, type SetupChainParameters, type SetupChainResult } from './setupChain.ts';
export type { ConsumerColumns, EventRecord, RunRecord } from './runRecord.ts';
export {
  CLAIM_HOUR,
  DAY_AHEAD_HOUR,
  packHours,
  resultsCommitment,
  type ResultsCommitmentParameters,
  type BeforeSeason,
  type RunProgress,
  runSimulation,
  type RunSimulationParameters,
  type RunSimulationResult,
  SETTLE_HOUR,
} from './runSimulation.ts';
export { tmpDirOf, writeRunDirectory, type WriteRunDirectoryParameters } from './writeRunDirectory.ts';
export { toUnits } from './toUnits.ts';
