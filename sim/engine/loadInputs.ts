import { dirname, resolve } from 'node:path';
import {
  buildPopulation,
  calibrateSystemScale,
  consumerLoadsForDay,
  type ConsumerPopulation,
  type ConsumerShapes,
  extractShapes,
  simDay,
  type SimDay,
  systemDays,
} from '../agents/index.ts';
import { findBaselineMethod, holidays, lookbackDaysOf, type BaselineMethod } from '../baseline/index.ts';
import { type Frame, listManifests, loadDataset, type LoadDatasetResult, resolveDataRoot, subsetsDir } from '../data/index.ts';
import { DatasetError } from '../errors.ts';
import type { Scenario } from '../scenario/index.ts';
import { alignedSeries } from './alignedSeries.ts';

/** Consumers the system calibration is computed on (ids 0..K−1, whatever the population size), so a consumer's load never depends on how many others there are. */
export const CALIBRATION_SAMPLE = 1000;
/** Fewest warm-up days simulated before the period (meter history for VEE and baselines). */
export const MIN_WARMUP_DAYS = 7;
/**
 * Days before the period the population is calibrated on (with the period): fixed, so the consumers' loads and
 * the kW scale do not depend on the baseline method (whose lookback sets how many warm-up days are simulated).
 * 46 = the 45-day lookback of most CBL methods (CAISO, PJM, ERCOT) + 1.
 */
export const CALIBRATION_WARMUP_DAYS = 46;

export interface DatasetUse {
  role: string;
  name: string;
  dataRoot: string;
  /** 'subsets (fallback)' when the data root lacked it and the committed subset was used. */
  source: string;
  files: { path: string; sha256: string }[];
}

export interface LoadInputsParameters {
  scenario: Scenario;
  /** Absolute path of the scenario file (data.dataRoot is relative to its folder). */
  scenarioPath: string;
  /** --data flag. */
  data?: string;
  env?: Readonly<Record<string, string | undefined>>;
  onStep?: (step: string) => void;
}

export interface EngineInputs {
  system: Frame;
  shapes: ConsumerShapes;
  population: ConsumerPopulation;
  method: BaselineMethod;
  /** Warm-up days before the period start. */
  warmupDays: number;
  /** Warm-up + period days (local). */
  days: SimDay[];
  /** Index in `days` of the period's first day. */
  periodOffset: number;
  /** days × 24: the system series (frame unit) and temperature (°C). */
  systemLoad: Float64Array;
  temperatureC: Float64Array;
  /** days × 24: factor on every consumer's load (calibration on the fixed sample). */
  scale: Float64Array;
  /** kW of population aggregate per unit of system load (the population's expected aggregate over the CALIBRATION_WARMUP_DAYS before the period ÷ the system's). */
  kwPerSystemUnit: number;
  /** Period days × 24: wholesale price (USD/MWh) and carbon intensity (kg/kWh). */
  price: Float64Array;
  carbon: Float64Array;
  holidayDates: string[];
  datasets: DatasetUse[];
  /** Notes for the manifest (year mapping of prices/carbon, data fallbacks). */
  notes: string[];
}

const addDays = (date: string, days: number): string => simDay({ date: simDay({ date }).epochDay + days }).date;

/**
 * Everything the day cycle needs before the first block: datasets (with the committed subsets as a fallback
 * when the chosen data root lacks one), consumer shapes fitted on the real homes and buildings, the population,
 * the system series over warm-up + period, the per-hour calibration that makes the consumers' aggregate follow
 * it, and prices / carbon aligned on the simulated days.
 */
export async function loadInputs({ scenario, scenarioPath, data, env = {}, onStep = () => {} }: LoadInputsParameters): Promise<EngineInputs> {
  const scenarioRoot = scenario.data.dataRoot !== undefined ? resolve(dirname(scenarioPath), scenario.data.dataRoot) : undefined;
  const root = resolveDataRoot({ data: data ?? scenarioRoot, env });
  const notes: string[] = [];
  const datasets: DatasetUse[] = [];
  const subsets = new Set(listManifests(subsetsDir));
  const load = async (role: string, name: string): Promise<LoadDatasetResult> => {
    let result: LoadDatasetResult;
    let source: string = root.source;
    try {
      result = await loadDataset({ name, dataRoot: root.dataRoot });
    } catch (error) {
      // An explicit --data is obeyed; a data root from PEAKLAB_DATA or ../shared that lacks the dataset falls back
      // to the committed subset (a fresh clone must run), and the manifest says so.
      if (!(error instanceof DatasetError) || root.source === 'flag' || root.source === 'subsets' || !subsets.has(name)) throw error;
      result = await loadDataset({ name, dataRoot: subsetsDir, manifestDir: subsetsDir });
      source = 'subsets (fallback)';
      notes.push(`dataset ${name} was not in ${root.dataRoot} (${root.source}); the committed subset in datasets/subsets was used`);
    }
    datasets.push({ role, name, dataRoot: result.dataRoot, source, files: result.files });
    return result;
  };
  const { data: d } = scenario;
  const system = (await load('system', d.system)).frame;
  const residential = (await load('residential', d.residential)).frame;
  const commercial = (await load('commercial', d.commercial)).frame;
  const prices = (await load('prices', d.prices)).frame;
  const carbonFrame = d.carbon.source === 'dataset' ? (await load('carbon', d.carbon.dataset)).frame : undefined;
  onStep(`datasets loaded from ${root.dataRoot} (${root.source})`);

  const shapes = extractShapes({ frames: { residential, commercial } });
  const population = buildPopulation({ scenario, shapes });
  const method = findBaselineMethod({ ref: scenario.program.baseline });
  const warmupDays = Math.max(MIN_WARMUP_DAYS, lookbackDaysOf(method.spec) + 1);
  // The system series covers the simulated warm-up (the method's) and the fixed calibration window, whichever
  // starts earlier; the calibration's kW scale comes from the fixed window only.
  const seriesWarmup = Math.max(warmupDays, CALIBRATION_WARMUP_DAYS);
  const start = addDays(scenario.period.start, -seriesWarmup);
  const years = [];
  for (let y = Number(start.slice(0, 4)); y <= Number(scenario.period.end.slice(0, 4)); y++) years.push(y);
  const holidayDates = holidays({ region: 'US-NERC', years });
  const series = systemDays({ frame: system, start, end: scenario.period.end, holidays: new Set(holidayDates) });
  const sample = buildPopulation({ scenario, shapes, count: CALIBRATION_SAMPLE });
  const calibrationFrom = seriesWarmup - CALIBRATION_WARMUP_DAYS;
  const calibration = calibrateSystemScale({
    population: sample,
    days: series.days,
    systemLoad: series.load,
    temperature: series.temperatureC,
    reference: { from: calibrationFrom, to: series.days.length },
  });
  onStep(`${population.count} consumers drawn; calibrated on ${CALIBRATION_SAMPLE} to ${d.system} over ${series.days.length - calibrationFrom} days (${CALIBRATION_WARMUP_DAYS} before the period)`);

  // kW of this population per unit of system load, from its expected (noise-free, calibrated) aggregate over the
  // fixed calibration warm-up — what the utility knows of its consumers before the period; no period data is read.
  let expected = 0;
  let systemSum = 0;
  const buffer = new Float64Array(population.count * 24);
  for (let k = calibrationFrom; k < seriesWarmup; k++) {
    const scale = calibration.scale.subarray(k * 24, k * 24 + 24);
    consumerLoadsForDay({ population, day: series.days[k]!, temperature: series.temperatureC.subarray(k * 24, k * 24 + 24), systemScale: scale, noise: false, out: buffer });
    for (const v of buffer) expected += v;
    for (let h = 0; h < 24; h++) systemSum += series.load[k * 24 + h]!;
  }
  // The simulated days: the method's warm-up (meter history) and the period.
  const skip = seriesWarmup - warmupDays;
  const simulated = series.days.slice(skip);
  const periodOffset = warmupDays;
  const periodDays = simulated.slice(periodOffset).map((day) => day.epochDay);
  const priceColumn = prices.roles.price;
  if (priceColumn === undefined) throw new DatasetError(`Dataset ${prices.name} has no price column`, { hint: 'Use a dataset with roles.price (pjm_comed_dayahead_price_epftoolbox).' });
  const price = alignedSeries({ frame: prices, column: priceColumn, epochDays: periodDays });
  if (price.shifted) notes.push(`prices: ${d.prices} does not cover ${Object.keys(price.yearMap).join(', ')}; days mapped by day of year and weekday onto ${JSON.stringify(price.yearMap)}`);
  let carbon: Float64Array;
  if (carbonFrame !== undefined) {
    const column = carbonFrame.roles.carbon;
    if (column === undefined) throw new DatasetError(`Dataset ${carbonFrame.name} has no carbon column`, { hint: 'Use data.carbon.source: constant, or a dataset with roles.carbon.' });
    const aligned = alignedSeries({ frame: carbonFrame, column, epochDays: periodDays });
    if (aligned.shifted) notes.push(`carbon: ${d.carbon.dataset} does not cover ${Object.keys(aligned.yearMap).join(', ')}; days mapped by day of year and weekday onto ${JSON.stringify(aligned.yearMap)}`);
    carbon = aligned.values;
  } else {
    carbon = new Float64Array(periodDays.length * 24).fill(d.carbon.kgCO2PerKWh);
  }
  return {
    system,
    shapes,
    population,
    method,
    warmupDays,
    days: simulated,
    periodOffset,
    systemLoad: series.load.slice(skip * 24),
    temperatureC: series.temperatureC.slice(skip * 24),
    scale: calibration.scale.slice(skip * 24),
    kwPerSystemUnit: expected / systemSum,
    price: price.values,
    carbon,
    holidayDates,
    datasets,
    notes,
  };
}
