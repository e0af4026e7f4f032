import type { RunRecord } from '../engine/index.ts';
import { formatNumber } from './formatNumber.ts';
import { intervalInstants } from './intervalInstants.ts';

export interface TimeseriesCsvParameters {
  record: Pick<RunRecord, 'inputs' | 'clock' | 'intervalsPerHour' | 'baseAgg' | 'drAgg' | 'forecastKw' | 'eventIdsBySlot'>;
  /** Per interval: 1 while an event is active. */
  eventActive: Float64Array;
  /** Per interval (hourly values held over the hour). */
  price: Float64Array;
  carbon: Float64Array;
}

const HEADER = 'time,systemBaselineKw,systemWithDrKw,forecastKw,eventActive,eventId,priceUsdPerMwh,carbonKgPerKwh';
const f = (value: number, decimals: number) => formatNumber({ value, decimals });

/**
 * timeseries.csv (docs/run-directory.md): one row per interval of the period, the instant of the simulation clock
 * (UTC ISO), the system load without and with DR, the day-ahead forecast (empty where there is none), the event,
 * price and carbon intensity.
 */
export function timeseriesCsv({ record, eventActive, price, carbon }: TimeseriesCsvParameters): string {
  const { baseAgg, drAgg, forecastKw, eventIdsBySlot } = record;
  const instants = intervalInstants({ record });
  const rows = [HEADER];
  for (let t = 0; t < instants.length; t++) {
    const time = new Date(instants[t]!).toISOString();
    const fc = forecastKw[t]!;
    rows.push([time, f(baseAgg[t]!, 3), f(drAgg[t]!, 3), Number.isFinite(fc) ? f(fc, 3) : '', String(eventActive[t]), eventIdsBySlot[t]!, f(price[t]!, 2), f(carbon[t]!, 4)].join(','));
  }
  return `${rows.join('\n')}\n`;
}
