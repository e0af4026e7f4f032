/**
 * sim/compare — `peaklab compare`: one scenario as is (the status quo) and with each governance proposal, each put
 * through the real Governor before the season, every run on the same seeds; paired per-seed Δs with intervals, a
 * verdict per headline KPI and a ranking in compare.html / compare.json. The only public entry of this stage.
 */
export { type GovernanceRecord, governanceRecord } from './governanceRecord.ts';
export { runProposal, type RunProposalParameters, type RunProposalResult } from './runProposal.ts';
export { compareProposals, type CompareProposalsParameters, type CompareProposalsResult, CompareRunsFailedError } from './compareProposals.ts';
export { HEADLINE_KPIS, type HeadlineKpi, type KpiDirection, readKpi } from './headlineKpis.ts';
export { type KpiVerdict, type PairedKpi, pairedKpis, type PairedKpisParameters } from './pairedKpis.ts';
export { RANKING_RULE, type RankedEntry, rankProposals, STATUS_QUO } from './rankProposals.ts';
export { seedList } from './seedList.ts';
export { COMPARE_STATISTICS, type CompareKpi, compareKpis, type CompareRun, writeCompareReport, type WriteCompareReportParameters, type WriteCompareReportResult } from './writeCompareReport.ts';
