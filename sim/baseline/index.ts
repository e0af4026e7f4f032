/** sim/baseline — customer-baseline (CBL) method specs → baseline(history, event); the baseline backtest. The only public entry of this stage. */
export {
  type AdjustmentCap,
  type AdjustmentSpec,
  type BaselineMethodSpec,
  type DayType,
  type Exclusions,
  type MatchDaySpec,
  type ParseBaselineMethodSpecParameters,
  type RegressionSpec,
  type RollingSpec,
  type SameDaySpec,
  type XofYSpec,
  baselineMethodSpecSchema,
  parseBaselineMethodSpec,
} from './baselineMethodSpec.ts';
export { BASELINE_METHODS, type BaselineMethod, findBaselineMethod, type FindBaselineMethodParameters } from './baselineMethods.ts';
export {
  type BaselineEvent,
  baselineReadWindow,
  type BaselineReadWindowParameters,
  type BaselineReadWindowResult,
} from './baselineReadWindow.ts';
export { computeBaseline, computeBaselineDetailed, type ComputeBaselineParameters, type ComputeBaselineResult } from './computeBaseline.ts';
export type { AdjustmentOutcome } from './baselineInputs.ts';
export { applyAdjustment, type ApplyAdjustmentParameters, type ApplyAdjustmentResult } from './applyAdjustment.ts';
export { baselineErrorMetrics, type BaselineErrorMetricsParameters, type BaselineErrorMetricsResult } from './baselineErrorMetrics.ts';
export { HOLIDAY_REGIONS, type HolidayRegion, holidays, type HolidaysParameters } from './holidays.ts';
export { type PlaceboDay, type PlaceboRank, selectPlaceboDays, type SelectPlaceboDaysParameters } from './selectPlaceboDays.ts';
export { inflatedHistory, type InflatedHistoryParameters } from './inflatedHistory.ts';
export { maskZeroRuns, type MaskZeroRunsParameters, type MaskZeroRunsResult } from './maskZeroRuns.ts';
export {
  type BacktestBaselinesParameters,
  type BacktestBaselinesResult,
  type BacktestProgress,
  backtestBaselines,
  type ConsumerScore,
  type GamingScore,
  type MethodScore,
} from './backtestBaselines.ts';
export { lookbackDaysOf } from './lookbackDaysOf.ts';
export { BACKTEST_BASELINE_SCHEMA, backtestReportFiles, type BacktestReportFilesParameters, type ReportFile } from './backtestReportFiles.ts';
export { formatBacktestTable, type FormatBacktestTableParameters } from './formatBacktestTable.ts';
