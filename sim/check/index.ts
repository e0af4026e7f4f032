/**
 * sim/check — the regression gate (`peaklab check`): a run's economic outcomes (summary.json) against a golden
 * file with per-metric tolerances. Reads run summaries (sim/report); the CLI reruns the scenarios. The only
 * public entry of this stage.
 */
export { type Golden, type GoldenMetric, goldenSchema, type Tolerance, toleranceSchema } from './goldenSchema.ts';
export { CHECK_METRICS, type CheckMetric, summaryMetric, type SummaryMetricParameters } from './checkMetrics.ts';
export { type CheckRow, type CheckStatus, compareGolden, type CompareGoldenParameters, type CompareGoldenResult } from './compareGolden.ts';
export { updateGolden, type UpdateGoldenParameters } from './updateGolden.ts';
export { formatGolden, goldenPath, readGolden, writeGolden } from './goldenFile.ts';
export { formatCheckTable, type FormatCheckTableParameters } from './formatCheckTable.ts';
export { checkScenario, type CheckScenarioParameters, type CheckScenarioResult } from './checkScenario.ts';
