/**
 * sim/metrics — KPIs of a run: pure functions, typed arrays (or bigint amounts) in, plain numbers out, and the one
 * number formatter (results files; reports and terminal tables with `display: true`); `buildRunFiles` assembles the
 * run directory's files (summary.json's KPIs included) from the engine's run record.
 */
export type { Series } from './series.ts';
export type { Amounts } from './amounts.ts';
export { peakMetrics, type PeakMetricsParameters, type PeakMetricsResult } from './peakMetrics.ts';
export { peakShift, type PeakShiftKind, type PeakShiftParameters, type PeakShiftResult } from './peakShift.ts';
export { loadFactor, type LoadFactorParameters } from './loadFactor.ts';
export { energyMetrics, type EnergyMetricsParameters, type EnergyMetricsResult } from './energyMetrics.ts';
export { gini, type GiniParameters } from './gini.ts';
export { lorenz, type LorenzParameters, type LorenzResult } from './lorenz.ts';
export { avoided, type AvoidedParameters, type AvoidedResult } from './avoided.ts';
export { type GasRow, gasSummary, type GasSummaryParameters, type GasSummaryResult } from './gasSummary.ts';
export { type FeeModelCost, type FeeModelsParameters, type FeeModelsResult, type FeeRow, feeModels, type L2FeeParameters } from './feeModels.ts';
export { costEffectiveness, type CostEffectivenessParameters, type CostEffectivenessResult } from './costEffectiveness.ts';
export { baselineAccuracy, type BaselineAccuracyParameters, type BaselineAccuracyResult } from './baselineAccuracy.ts';
export { forecastMapePct, type ForecastMapePctParameters, type ForecastMapePctResult } from './forecastMapePct.ts';
export { fixed, type FixedParameters } from './fixed.ts';
export { formatNumber, type FormatNumberParameters } from './formatNumber.ts';
export { buildRunFiles, type BuildRunFilesParameters } from './buildRunFiles.ts';
