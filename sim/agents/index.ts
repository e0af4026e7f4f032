/**
 * sim/agents — synthetic consumers (shapes calibrated on real homes and buildings, population drawn per
 * consumer stream, daily loads following a real system series), their DR behaviour, meters with injected
 * faults, and the meter oracle's VEE. Pure code, typed arrays. The only public entry of this stage.
 */
export { type ConsumerShapes, extractShapes, type ExtractShapesParameters, flatShapeSet, PROFILE_STRIDE, profileIndex, type ShapeSet } from './extractShapes.ts';
export {
  ARCHETYPE_VARIABILITY,
  type ArchetypeVariability,
  AVAILABILITY_WORDS,
  buildPopulation,
  type BuildPopulationParameters,
  type ConsumerPopulation,
  DEFAULT_PREFERENCES,
  FAULT_KINDS,
  isAvailable,
  type IsAvailableParameters,
  type PreferenceDistribution,
} from './buildPopulation.ts';
export { type SimDay, simDay, type SimDayParameters } from './simDay.ts';
export { counterNormal, counterNormalPair, counterUniform } from './counterRandom.ts';
export { consumerLoadsForDay, type ConsumerLoadsForDayParameters, type ConsumerLoadsForDayResult, type IntervalsPerHour } from './consumerLoadsForDay.ts';
export { systemDays, type SystemDaysParameters, type SystemDaysResult } from './systemDays.ts';
export { calibrateSystemScale, type CalibrateSystemScaleParameters, type CalibrateSystemScaleResult } from './calibrateSystemScale.ts';
export {
  type DrEvent,
  type EventState,
  initialEventState,
  type InitialEventStateParameters,
  noticeFactor,
  PARTICIPATION,
  type ParticipationCode,
  respondToEvent,
  type RespondToEventParameters,
  type RespondToEventResult,
} from './respondToEvent.ts';
export { incentiveResponse, type IncentiveResponseParameters, type IncentiveResponseResult } from './incentiveResponse.ts';
export { FAULT_CODE, meterReads, type MeterReadsParameters, type MeterReadsResult } from './meterReads.ts';
export {
  DEFAULT_VEE_RULES,
  HISTORY_DAYS,
  initialVeeHistory,
  type InitialVeeHistoryParameters,
  validateReads,
  type ValidateReadsParameters,
  type ValidateReadsResult,
  VEE_REASON,
  VEE_REASON_NAMES,
  VEE_REASONS,
  VEE_STATUS,
  type VeeHistory,
  type VeeReasonName,
  type VeeRules,
} from './validateReads.ts';
export { eventReadSummary, type EventReadSummaryParameters, type EventReadSummaryResult } from './eventReadSummary.ts';
export { type DetectionCounts, veeDetectionScore, type VeeDetectionScoreParameters, type VeeDetectionScoreResult } from './veeDetectionScore.ts';
