/** sim/forecast — load forecasting models (fit(history) → predict(horizon)) and the rolling-origin backtest. */
export type { ForecastModel, Horizon, ModelColumns, PredictParameters } from './forecastModel.ts';
export { NormalEquations } from './normalEquations.ts';
export { solveNormalEquations, type SolveNormalEquationsParameters, type SolveNormalEquationsResult } from './solveNormalEquations.ts';
export { createLinearModel, type LinearModelParameters } from './linearModel.ts';
export { seasonalNaive, type SeasonalNaiveParameters } from './seasonalNaive.ts';
export { vanillaBenchmark, type VanillaBenchmarkParameters } from './vanillaBenchmark.ts';
export { vanillaDesign, vanillaLayout } from './vanillaDesign.ts';
export { recencyModel, type RecencyModelParameters } from './recencyModel.ts';
export { hourlyRecencyModel, type HourlyRecencyModelParameters } from './hourlyRecencyModel.ts';
export { ensembleModel, type EnsembleModelParameters } from './ensembleModel.ts';
export { nercHolidays } from './nercHolidays.ts';
export { modelRegistry, createModels } from './modelRegistry.ts';
export { pointErrors, type PointErrorsResult } from './pointErrors.ts';
export { dailyPeaks, type DailyPeaksResult } from './dailyPeaks.ts';
export { peakDayDetection, type PeakDayDetectionResult } from './peakDayDetection.ts';
export { coincidentPeakCapture, type CoincidentPeakCaptureResult } from './coincidentPeakCapture.ts';
export { seasonOf } from './seasonOf.ts';
export {
  backtestForecast,
  localDate,
  type BacktestForecastParameters,
  type BacktestForecastResult,
  type BacktestMode,
  type ModelScore,
  type OpenHistory,
} from './backtestForecast.ts';
export {
  BACKTEST_FORECAST_SCHEMA,
  forecastDailyCsv,
  forecastHourlyCsv,
  forecastMetricsCsv,
  forecastReport,
  type BacktestForecastReport,
  type ModelSummary,
} from './forecastReport.ts';
export { defaultBacktestPeriod, type DefaultBacktestPeriodResult } from './defaultBacktestPeriod.ts';
