/**
 * sim/compare — `peaklab compare`: one scenario, several governance proposals, each put through the real Governor
 * before the season; run directories side by side in compare.html / compare.json. The only public entry of this stage.
 */
export { type GovernanceRecord, governanceRecord } from './governanceRecord.ts';
export { runProposal, type RunProposalParameters, type RunProposalResult } from './runProposal.ts';
export { compareProposals, type CompareProposalsParameters, type CompareProposalsResult } from './compareProposals.ts';
export { type CompareKpi, compareKpis, type CompareRun, writeCompareReport, type WriteCompareReportParameters, type WriteCompareReportResult } from './writeCompareReport.ts';
