/** sim/report — run reports: Vega-Lite chart specs, KPI tables, HTML/SVG/PNG rendering. The only public entry of this stage. */
export { readRunDirectory, type ReadRunDirectoryParameters, type RunConsumers, type RunDirectory, type RunTimeseries } from './readRunDirectory.ts';
export {
  type BacktestBaselineFile,
  type BacktestForecastFile,
  type RunEvent,
  type RunManifest,
  type RunSummary,
  runEventSchema,
  runManifestSchema,
  runSummarySchema,
} from './runDirectorySchema.ts';
export { formatTokenAmount, type FormatTokenAmountParameters, tokenAmountToNumber } from './formatTokenAmount.ts';
export { type KpiRow, kpiRows, type KpiRowsParameters } from './kpiRows.ts';
export { renderEventTable, type RenderEventTableParameters } from './renderEventTable.ts';
export { type KpiColumn, kpiDelta, renderKpiTable, type RenderKpiTableParameters } from './renderKpiTable.ts';
export { CHART_CONFIG, type ChartBuilderParameters, type LabelledRun, type ReportChart } from './reportChart.ts';
export { type ChartGroup, reportCharts } from './reportCharts.ts';
export { systemLoadChart } from './systemLoadChart.ts';
export { peakDayChart } from './peakDayChart.ts';
export { peakDay, type PeakDayParameters, type PeakDayResult } from './peakDay.ts';
export { loadDurationChart, type LoadDurationChartParameters } from './loadDurationChart.ts';
export { forecastVsActualChart } from './forecastVsActualChart.ts';
export { forecastErrorChart } from './forecastErrorChart.ts';
export { forecastBacktestChart } from './forecastBacktestChart.ts';
export { baselineAccuracyChart } from './baselineAccuracyChart.ts';
export { gasByFunctionChart } from './gasByFunctionChart.ts';
export { gasPerConsumerEventChart } from './gasPerConsumerEventChart.ts';
export { payoutHistogramChart } from './payoutHistogramChart.ts';
export { lorenzChart } from './lorenzChart.ts';
export { lorenzCurve, type LorenzCurveParameters, type LorenzCurveResult } from './lorenzCurve.ts';
export { participationChart } from './participationChart.ts';
export { renderChartSvg } from './renderChartSvg.ts';
export { renderChartFiles, type RenderChartFilesParameters, type RenderChartFilesResult } from './renderChartFiles.ts';
export { svgToPng, type SvgToPngParameters } from './svgToPng.ts';
export { type HtmlSection, renderHtmlPage, type RenderHtmlPageParameters } from './renderHtmlPage.ts';
export { type DatasetCitation, datasetCitations, type DatasetCitationsParameters } from './datasetCitations.ts';
export { citationsHtml } from './citationsHtml.ts';
export { escapeHtml } from './escapeHtml.ts';
export {
  CHROMIUM_PATH,
  type ChartDrawing,
  inspectReportInBrowser,
  type InspectReportInBrowserParameters,
  type InspectReportInBrowserResult,
} from './inspectReportInBrowser.ts';
export { writeReport, type WriteReportParameters, type WriteReportResult } from './writeReport.ts';
export { writeTestRunDirectory, type WriteTestRunDirectoryParameters, type WriteTestRunDirectoryResult } from './writeTestRunDirectory.ts';
