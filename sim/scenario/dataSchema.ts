import { z } from 'zod';
import { datasetName, nonNegativeNumber } from './fields.ts';

/** Where the carbon intensity of grid electricity comes from. */
export const carbonSchema = z
  .strictObject({
    source: z
      .enum(['dataset', 'constant'], { error: 'expected "dataset" or "constant"' })
      .default('dataset')
      .describe('"dataset": hourly carbon intensity from `dataset`; "constant": `kgCO2PerKWh` every hour.'),
    dataset: datasetName
      .default('citylearn_2022_fontana')
      .describe('Dataset with an hourly carbon-intensity column (used when source is "dataset").'),
    kgCO2PerKWh: nonNegativeNumber
      .default(0.4)
      .describe('Constant grid carbon intensity in kgCO2/kWh (used when source is "constant").'),
  })
  .prefault({})
  .describe('Carbon intensity of the avoided grid electricity, for the emissions KPIs.');

/** Which datasets drive the simulation. Names are dataset folders with a manifest under the data root. */
export const dataSchema = z
  .strictObject({
    system: datasetName
      .default('gefcom2012')
      .describe('Dataset of system load and weather (temperature) that the grid, the forecasts and event triggers follow.'),
    residential: datasetName
      .default('citylearn_2022_fontana')
      .describe('Dataset of residential load shapes (per-home hourly load) for residential archetypes.'),
    commercial: datasetName
      .default('cambridge_estates_buildings')
      .describe('Dataset of commercial building load shapes for small_commercial (and industrial) archetypes.'),
    prices: datasetName
      .default('pjm_comed_dayahead_price_epftoolbox')
      .describe('Dataset of wholesale (day-ahead) prices, for avoided cost and price-aware incentives.'),
    carbon: carbonSchema,
    dataRoot: z
      .string({ error: 'expected a directory path' })
      .min(1, { error: 'expected a directory path' })
      .optional()
      .describe(
        'Folder holding the datasets, relative to the scenario file; the --data option overrides it. When absent: --data, then PEAKLAB_DATA, then ../shared/datasets, then the committed subsets (datasets/subsets).',
      ),
  })
  .prefault({})
  .describe('Datasets behind the run (resolved under the data root).');

export type ScenarioData = z.output<typeof dataSchema>;
