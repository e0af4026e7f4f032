import type { History } from '../data/types.ts';

export interface StationMeanParameters {
  readonly history: History;
  readonly columns: readonly string[];
  readonly fromIndex: number;
  readonly toIndex: number;
  /** 'observed' reads `history.values` (before the decision time only); 'exogenous' reads `history.exogenous`. */
  readonly source: 'observed' | 'exogenous';
}

/**
 * Hourly mean of several temperature stations over [fromIndex, toIndex) — the "T" of Hong's models when
 * a dataset has several stations. NaN where any station is missing.
 */
export function stationMean({ history, columns, fromIndex, toIndex, source }: StationMeanParameters): Float64Array {
  const out = new Float64Array(Math.max(0, toIndex - fromIndex));
  if (out.length === 0) return out;
  for (const column of columns) {
    const values =
      source === 'observed' ? history.values(column, fromIndex, toIndex) : history.exogenous(column, fromIndex, toIndex);
    for (let k = 0; k < out.length; k++) out[k] += values[k];
  }
  for (let k = 0; k < out.length; k++) out[k] /= columns.length;
  return out;
}
