/** sim/data — dataset manifests → checked frames; time-gated history. The only public entry of this stage. */
export type { Calendar, Frame, FrameRoles, History } from './types.ts';
export type { Finding, FindingAction, FindingKind } from './finding.ts';
export {
  type ColumnSpec,
  type ExpandSpec,
  type Manifest,
  type Policy,
  type SourceSpec,
  type TableSpec,
  findingKinds,
  manifestSchema,
} from './manifest.ts';
export { parseManifest, type ParseManifestParameters } from './parseManifest.ts';
export { loadDataset, type LoadDatasetParameters, type LoadDatasetResult } from './loadDataset.ts';
export {
  type DataRootSource,
  listManifests,
  manifestsDir,
  projectRoot,
  resolveDataRoot,
  type ResolveDataRootParameters,
  type ResolveDataRootResult,
  subsetsDir,
} from './resolveDataRoot.ts';
export { openHistory, type OpenHistoryParameters } from './openHistory.ts';
export { type Clock, zonedClock, type ZonedClock, type ZonedClockParameters } from './zonedClock.ts';
export { writeTestDataset, type WriteTestDatasetParameters, type WriteTestDatasetResult } from './writeTestDataset.ts';
export { parseCsv, type ParseCsvParameters, type ParseCsvResult } from './parseCsv.ts';
export { splitCsvLine } from './splitCsvLine.ts';
export { readCheckedFile, type ReadCheckedFileParameters } from './readCheckedFile.ts';
export { sha256Of } from './sha256Of.ts';
export { csvNumber, type CsvNumberParameters } from './csvNumber.ts';
export { roundOrNull, type RoundOrNullParameters } from './roundOrNull.ts';
export { summarizeFindings, type FindingSummaryRow, type SummarizeFindingsResult } from './summarizeFindings.ts';
