import type { ForecastModel } from './forecastModel.ts';
import { hourlyRecencyDesign } from './hourlyRecencyDesign.ts';
import { createLinearModel } from './linearModel.ts';

export interface HourlyRecencyModelParameters {
  readonly load: string;
  readonly temperature: readonly string[];
  readonly futureTemperature: readonly string[];
  readonly name?: string;
  /** Default [1, 2, 3]. */
  readonly temperatureLags?: readonly number[];
  /** Default 2. */
  readonly dailyAverages?: number;
  /** Default [24, 168]. */
  readonly loadLags?: readonly number[];
  /** Default 1e-3. */
  readonly ridge?: number;
}

/** Per-hour-of-day recency regressions with lagged loads (see hourlyRecencyDesign), ridge-regularised. */
export function hourlyRecencyModel({
  load,
  temperature,
  futureTemperature,
  name = 'recency-hourly',
  temperatureLags = [1, 2, 3],
  dailyAverages = 2,
  loadLags = [24, 168],
  ridge = 1e-3,
}: HourlyRecencyModelParameters): ForecastModel {
  return createLinearModel({
    name,
    load,
    temperature,
    futureTemperature,
    ridge,
    design: ({ temperatureScale }) => hourlyRecencyDesign({ temperatureScale, temperatureLags, dailyAverages, loadLags }),
  });
}
