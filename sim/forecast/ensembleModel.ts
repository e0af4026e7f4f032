import type { History } from '../data/types.ts';
import type { ForecastModel, PredictParameters } from './forecastModel.ts';

export interface EnsembleModelParameters {
  readonly name: string;
  readonly members: readonly ForecastModel[];
  /** Weights (same order as members); default equal. */
  readonly weights?: readonly number[];
}

/** Weighted mean of member forecasts, hour by hour (NaN where any member is NaN). */
export function ensembleModel({ name, members, weights }: EnsembleModelParameters): ForecastModel {
  const w = weights ?? members.map(() => 1 / members.length);
  return {
    name,
    fit(history: History): void {
      for (const member of members) member.fit(history);
    },
    predict(parameters: PredictParameters): Float64Array {
      const out = new Float64Array(parameters.horizon);
      members.forEach((member, m) => {
        const forecast = member.predict(parameters);
        for (let k = 0; k < out.length; k++) out[k] += w[m] * forecast[k];
      });
      return out;
    },
  };
}
