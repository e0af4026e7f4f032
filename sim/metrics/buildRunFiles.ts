import { createHash } from 'node:crypto';
import type { RunRecord } from '../engine/index.ts';
import { consumersCsv } from './consumersCsv.ts';
import { eventsJsonl } from './eventsJsonl.ts';
import { heldOverIntervals } from './heldOverIntervals.ts';
import { runManifest } from './runManifest.ts';
import { runSummary } from './runSummary.ts';
import { timeseriesCsv } from './timeseriesCsv.ts';

/** A finished run's record (sim/engine `runSimulation`). */
export type BuildRunFilesParameters = RunRecord;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const jsonFile = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * The run directory's files from a finished run (docs/run-directory.md): deterministic text only — fixed
 * decimals, token amounts as integer strings, no timestamps — so the same scenario and seed give the same bytes.
 * The KPIs of summary.json are computed here, from the engine's run record; `resultsSha256` fingerprints the
 * four results files.
 */
export function buildRunFiles(p: BuildRunFilesParameters): Map<string, string> {
  const { inputs, intervalsPerHour } = p;
  const intervals = (inputs.days.length - inputs.periodOffset) * 24 * intervalsPerHour;
  const eventActive = Float64Array.from(p.eventIdsBySlot, (id) => (id === '' ? 0 : 1));
  const price = heldOverIntervals({ hourly: inputs.price, intervalsPerHour, length: intervals });
  const carbon = heldOverIntervals({ hourly: inputs.carbon, intervalsPerHour, length: intervals });
  const timeseries = timeseriesCsv({ record: p, eventActive, price, carbon });
  const events = eventsJsonl({ events: p.events });
  const consumers = consumersCsv({ consumers: p.consumers, archetype: inputs.population.archetype });
  const gas = p.ledger.csv();
  const summary = runSummary({ record: p, eventActive, price, carbon, resultsSha256: sha256(timeseries + events + consumers + gas) });
  return new Map([
    ['summary.json', jsonFile(summary)],
    ['timeseries.csv', timeseries],
    ['events.jsonl', events],
    ['consumers.csv', consumers],
    ['gas.csv', gas],
    ['manifest.json', jsonFile(runManifest(p))],
  ]);
}
