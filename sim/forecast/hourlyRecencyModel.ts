import type { ForecastModel, ModelColumns } from './forecastModel.ts';
import { hourlyRecencyDesign } from './hourlyRecencyDesign.ts';
import { createLinearModel } from './linearModel.ts';

export interface HourlyRecencyModelParameters extends ModelColumns {
  readonly name?: string;
  /** Default [1, 2, 3]. */
  readonly temperatureLags?: readonly number[];
  /** Default 2. */
  readonly dailyAverages?: number;
  /** Default [24, 48, 168] (chosen on GEFCom2012 2006, the year before the test year). */
  readonly loadLags?: readonly number[];
  /** Default 1e-3. */
  readonly ridge?: number;
  /** Month terms: 'auto' (default) uses them when the first fit sees at least 365 days of history. */
  readonly season?: 'auto' | 'month' | 'none';
}

/** Per-hour-of-day recency regressions with lagged loads (see hourlyRecencyDesign), ridge-regularised. */
export function hourlyRecencyModel({
  load,
  temperature,
  futureTemperature,
  name = 'recency-hourly',
  temperatureLags = [1, 2, 3],
  dailyAverages = 2,
  loadLags = [24, 48, 168],
  ridge = 1e-3,
  season = 'auto',
}: HourlyRecencyModelParameters): ForecastModel {
  return createLinearModel({
    name,
    load,
    temperature,
    futureTemperature,
    ridge,
    design: ({ temperatureScale, historyHours }) =>
      hourlyRecencyDesign({
        temperatureScale,
        temperatureLags,
        dailyAverages,
        loadLags,
        season: season === 'auto' ? (historyHours >= 365 * 24 ? 'month' : 'none') : season,
      }),
  });
}
