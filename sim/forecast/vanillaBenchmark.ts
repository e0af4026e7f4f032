import type { ForecastModel, ModelColumns } from './forecastModel.ts';
import { createLinearModel } from './linearModel.ts';
import { vanillaDesign } from './vanillaDesign.ts';

export type VanillaBenchmarkParameters = ModelColumns;

/**
 * Hong's vanilla benchmark, exactly: OLS on Trend + Month + Weekday×Hour + Month×(T, T², T³) +
 * Hour×(T, T², T³), T = mean of the temperature stations. Hong (2010), "Short term electric load
 * forecasting", PhD thesis, NC State; Hong, Wang & White (2015), IJF 31(2):286–295; used as the
 * GEFCom2012 benchmark (Hong, Pinson & Fan 2014, IJF 30(2):357–363).
 */
export function vanillaBenchmark({ load, temperature, futureTemperature }: VanillaBenchmarkParameters): ForecastModel {
  return createLinearModel({ name: 'vanilla', load, temperature, futureTemperature, design: vanillaDesign, ridge: 0 });
}
