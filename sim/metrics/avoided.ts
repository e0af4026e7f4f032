import { checkSeries, type Series } from './series.ts';

export interface AvoidedParameters {
  /** Net load reduction per interval in kWh: (baseline − withDr) × Δt; negative in rebound intervals, which then count against. */
  curtailedKwhByInterval: Series;
  /** Wholesale energy price per interval (USD/MWh). */
  priceUsdPerMwh: Series;
  /** Marginal emission factor per interval (kg CO2 per kWh). */
  carbonKgPerKwh: Series;
}

export interface AvoidedResult {
  /** Σ kWhᵢ × priceᵢ / 1000 (USD). */
  costUsd: number;
  /** Σ kWhᵢ × carbonᵢ (kg CO2). */
  co2Kg: number;
}

/** Energy cost and CO2 avoided by DR, interval by interval at that interval's price and emission factor. */
export function avoided({ curtailedKwhByInterval, priceUsdPerMwh, carbonKgPerKwh }: AvoidedParameters): AvoidedResult {
  const n = curtailedKwhByInterval.length;
  checkSeries({ series: curtailedKwhByInterval, name: 'curtailedKwhByInterval', allowEmpty: true });
  checkSeries({ series: priceUsdPerMwh, name: 'priceUsdPerMwh', length: n, allowEmpty: true });
  checkSeries({ series: carbonKgPerKwh, name: 'carbonKgPerKwh', length: n, allowEmpty: true });
  let costUsd = 0;
  let co2Kg = 0;
  for (let i = 0; i < n; i++) {
    costUsd += (curtailedKwhByInterval[i] * priceUsdPerMwh[i]) / 1000;
    co2Kg += curtailedKwhByInterval[i] * carbonKgPerKwh[i];
  }
  return { costUsd, co2Kg };
}
