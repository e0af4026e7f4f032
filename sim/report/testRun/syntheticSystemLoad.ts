import { rng } from '../../rng.ts';

export interface SyntheticSystemLoadParameters {
  seed: number;
  days: number;
  consumers: number;
}

export interface SyntheticSystemLoadResult {
  /** Per day: how hot it is, in [0, 1). */
  dayHeat: number[];
  /** Hourly system load without DR (kW). */
  baselineKw: Float64Array;
}

/**
 * Hourly system load for `days` days: a daily shape peaking in the afternoon, scaled with the number of
 * consumers, up to 25 % higher on hotter days, plus noise — all from the seed's weather stream.
 */
export function syntheticSystemLoad({ seed, days, consumers }: SyntheticSystemLoadParameters): SyntheticSystemLoadResult {
  const n = days * 24;
  const weather = rng({ seed, kind: 'test-weather', id: 0 });
  const dayHeat = Array.from({ length: days }, () => weather.uniform(0, 1));
  const baselineKw = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const hour = i % 24;
    const shape = 0.75 + 0.35 * Math.max(0, Math.sin(((hour - 10) / 24) * 2 * Math.PI));
    baselineKw[i] = (400 + 40 * consumers) * shape * (1 + 0.25 * dayHeat[Math.floor(i / 24)]!) + weather.normal(0, 8);
  }
  return { dayHeat, baselineKw };
}
