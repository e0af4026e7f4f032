import type { ForecastModel, ModelColumns } from './forecastModel.ts';
import { createLinearModel } from './linearModel.ts';
import { recencyDesign } from './recencyDesign.ts';

export interface RecencyModelParameters extends ModelColumns {
  readonly name?: string;
  /** Lagged hourly temperatures (hours). Default [1, 2, 3]. */
  readonly temperatureLags?: readonly number[];
  /** Daily moving averages of temperature. Default 2. */
  readonly dailyAverages?: number;
  /** Lagged loads (hours) × Hour. Default [24, 168]; [] for a pure temperature model. */
  readonly loadLags?: readonly number[];
  /** NERC holidays × Hour. Default true. */
  readonly holidays?: boolean;
  /** Ridge strength on standardised columns. Default 1e-4. */
  readonly ridge?: number;
}

/**
 * Vanilla + recency effect (Wang, Liu & Hong 2016) + NERC holidays + lagged loads, ridge-regularised.
 * See recencyDesign for the columns.
 */
export function recencyModel({
  load,
  temperature,
  futureTemperature,
  name = 'recency',
  temperatureLags = [1, 2, 3],
  dailyAverages = 2,
  loadLags = [24, 168],
  holidays = true,
  ridge = 1e-4,
}: RecencyModelParameters): ForecastModel {
  return createLinearModel({
    name,
    load,
    temperature,
    futureTemperature,
    ridge,
    design: ({ temperatureScale }) =>
      recencyDesign({ temperatureScale, temperatureLags, dailyAverages, loadLags, holidays }),
  });
}
