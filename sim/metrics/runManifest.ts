import { relative } from 'node:path';
import { projectRoot } from '../data/index.ts';
import type { RunRecord } from '../engine/index.ts';

export type RunManifestParameters = Pick<RunRecord, 'scenarioPath' | 'scenarioSha256' | 'inputs' | 'deployed' | 'tools' | 'chain' | 'notes' | 'intervalsPerHour'>;

/** Modelling choices every run makes, stated in its manifest. */
const FORECAST_NOTE = 'forecasts use the observed temperature of the hours ahead as a perfect day-ahead weather forecast (ex post, as GEFCom2012)';
const CLOCK_NOTE = 'a local day is 24 hours in the simulation clock (DST days included); block timestamps come from it';
const subHourlyNote = (intervalMinutes: number) =>
  `${intervalMinutes}-minute intervals: loads, meter reads and VEE per interval; the oracle settles on hourly kWh (the sum of each hour's validated reads; CBL methods are hourly) and pays nothing for a rejected interval; the system series, prices, carbon and the hourly forecast are held constant over each hour's intervals`;

/** The scenario's path as the manifest records it: relative to the project when inside it, else as given. */
function manifestPathOf(scenarioPath: string): string {
  const inProject = relative(projectRoot, scenarioPath);
  return inProject.startsWith('..') ? scenarioPath : inProject;
}

/** manifest.json (docs/run-directory.md): what the run was made of — scenario, data files, contracts, tools, chain — and its notes. */
export function runManifest(p: RunManifestParameters) {
  const iph = p.intervalsPerHour;
  return {
    scenario: { path: manifestPathOf(p.scenarioPath), sha256: p.scenarioSha256 },
    datasets: p.inputs.datasets.map((d) => ({ role: d.role, name: d.name, source: d.source, files: d.files })),
    contracts: p.deployed.map((d) => ({ name: d.name, address: d.address, bytecodeSha256: d.bytecodeSha256, codeSha256: d.codeSha256 })),
    tools: p.tools,
    chain: p.chain,
    notes: [...p.notes, FORECAST_NOTE, CLOCK_NOTE, ...(iph > 1 ? [subHourlyNote(60 / iph)] : [])],
  };
}
