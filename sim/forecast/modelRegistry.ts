import { UsageError } from '../errors.ts';
import { ensembleModel } from './ensembleModel.ts';
import type { ForecastModel, ModelColumns } from './forecastModel.ts';
import { hourlyRecencyModel } from './hourlyRecencyModel.ts';
import { recencyModel } from './recencyModel.ts';
import { seasonalNaive } from './seasonalNaive.ts';
import { vanillaBenchmark } from './vanillaBenchmark.ts';

interface Entry {
  readonly description: string;
  readonly needsTemperature: boolean;
  readonly create: (columns: ModelColumns) => ForecastModel;
}

/** Every model the backtest knows, in report order. */
export const modelRegistry: ReadonlyMap<string, Entry> = new Map<string, Entry>([
  ['seasonal-naive', { description: 'load of the same hour last week', needsTemperature: false, create: ({ load }) => seasonalNaive({ load }) }],
  [
    'vanilla',
    {
      description: "Hong's vanilla benchmark (OLS; Trend, Month, Weekday×Hour, Month×T³, Hour×T³)",
      needsTemperature: true,
      create: (columns) => vanillaBenchmark(columns),
    },
  ],
  [
    'recency',
    {
      description: 'vanilla + recency effect (T lags 1–3 h, 2 daily means) + NERC holidays, ridge (no lagged load)',
      needsTemperature: true,
      create: (columns) => recencyModel({ ...columns, name: 'recency', loadLags: [] }),
    },
  ],
  [
    'recency-load',
    {
      description: 'recency + lagged loads (24 h, 168 h) × Hour, ridge',
      needsTemperature: true,
      create: (columns) => recencyModel({ ...columns, name: 'recency-load' }),
    },
  ],
  [
    'recency-hourly',
    {
      description: 'one regression per hour: recency effect (T lags 1–3 h, 2 daily means), holidays, lagged loads (24, 48, 168 h) per day type, ridge',
      needsTemperature: true,
      create: (columns) => hourlyRecencyModel({ ...columns, name: 'recency-hourly' }),
    },
  ],
  [
    'ensemble',
    {
      description: 'mean of recency-load and recency-hourly',
      needsTemperature: true,
      create: (columns) =>
        ensembleModel({
          name: 'ensemble',
          members: [recencyModel({ ...columns, name: 'recency-load' }), hourlyRecencyModel({ ...columns, name: 'recency-hourly' })],
        }),
    },
  ],
]);

export interface CreateModelsParameters {
  readonly names: readonly string[];
  readonly columns: ModelColumns;
}

/** Instantiates the named models (fresh state) for one backtest run. Unknown names throw UsageError. */
export function createModels({ names, columns }: CreateModelsParameters): ForecastModel[] {
  return names.map((name) => {
    const entry = modelRegistry.get(name);
    if (entry === undefined) {
      throw new UsageError(`Unknown forecast model "${name}"`, {
        details: `known models: ${[...modelRegistry.keys()].join(', ')}`,
        hint: 'Pass model names from the list above (comma-separated).',
      });
    }
    if (entry.needsTemperature && columns.temperature.length === 0) {
      throw new UsageError(`Model "${name}" needs temperature but the dataset has none`, {
        details: 'the frame has no roles.temperature columns',
        hint: 'Use --models seasonal-naive for load-only datasets.',
      });
    }
    return entry.create(columns);
  });
}
