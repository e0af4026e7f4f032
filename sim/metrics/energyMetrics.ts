import { MetricInputError } from '../errors.ts';
import { checkSeries, type Series } from './series.ts';

export interface EnergyMetricsParameters {
  /** Load without DR, kW per interval. */
  baselineKw: Series;
  /** Load with DR, kW per interval. */
  withDrKw: Series;
  /** 1 where a DR event is active in the interval, 0 elsewhere (timeseries.csv `eventActive`). */
  eventActive: Series;
  /** Interval length in hours (1 for hourly, 0.25 for 15-minute data). */
  intervalHours: number;
}

export interface EnergyMetricsResult {
  /** Σ over event intervals of max(0, baseline − withDr) × Δt (kWh). */
  curtailedKwh: number;
  /** Σ over non-event intervals of max(0, withDr − baseline) × Δt (kWh): load moved to after the event. */
  reboundKwh: number;
}

/** Energy curtailed during events and rebound energy outside them. */
export function energyMetrics({ baselineKw, withDrKw, eventActive, intervalHours }: EnergyMetricsParameters): EnergyMetricsResult {
  checkSeries({ series: baselineKw, name: 'baselineKw', allowEmpty: true });
  checkSeries({ series: withDrKw, name: 'withDrKw', length: baselineKw.length, allowEmpty: true });
  checkSeries({ series: eventActive, name: 'eventActive', length: baselineKw.length, allowEmpty: true });
  if (!(intervalHours > 0) || !Number.isFinite(intervalHours)) {
    throw new MetricInputError(`energyMetrics: intervalHours must be positive, got ${intervalHours}`);
  }
  let curtailed = 0;
  let rebound = 0;
  for (let i = 0; i < baselineKw.length; i++) {
    const delta = baselineKw[i] - withDrKw[i];
    if (eventActive[i] !== 0) {
      if (delta > 0) curtailed += delta;
    } else if (delta < 0) {
      rebound -= delta;
    }
  }
  return { curtailedKwh: curtailed * intervalHours, reboundKwh: rebound * intervalHours };
}
