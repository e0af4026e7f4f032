import { resolve } from 'node:path';
import { subsetsDir } from '../data/index.ts';
import { loadScenario } from '../scenario/index.ts';
import { runSimulation, type RunSimulationParameters, type RunSimulationResult } from './runSimulation.ts';

/** The engine tests' tiny scenario: 50 consumers, 3 days of the July 2007 heat, events on the 8th and 9th. */
export const tiny = loadScenario({ path: resolve(import.meta.dirname, 'fixtures', 'tiny.yaml') });

/** A real run of a scenario (default: tiny) on an embedded anvil and the committed subsets. */
export const runTiny = (scenario = tiny.scenario, extra: Partial<RunSimulationParameters> = {}): Promise<RunSimulationResult> =>
  runSimulation({ scenario, scenarioPath: tiny.path, scenarioSha256: tiny.sha256, data: subsetsDir, ...extra });

/** A run record's outputs (what the run directory is built from), without the inputs it passed through. */
export const runOutputs = ({ record }: RunSimulationResult) => ({
  baseAgg: record.baseAgg,
  drAgg: record.drAgg,
  forecastKw: record.forecastKw,
  eventIdsBySlot: record.eventIdsBySlot,
  events: record.events,
  consumers: record.consumers,
  meters: record.meters,
  baselineItems: record.baselineItems,
  gas: record.ledger.csv(),
  deployed: record.deployed,
  crossCheck: record.crossCheck,
  thresholds: record.thresholds,
});
