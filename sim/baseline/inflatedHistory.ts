/**
 * The gaming consumer's view of the world: the same history, except that one consumer's load is multiplied
 * by `factor` over intervals [fromIndex, toIndex) (e.g. +30 % in the hours before an event, to lift a
 * day-of adjustment). Used by the backtest to price each method's exposure to that behaviour.
 */
import type { History } from '../data/types.ts';

export interface InflatedHistoryParameters {
  history: History;
  column: string;
  fromIndex: number;
  toIndex: number;
  factor: number;
}

export function inflatedHistory({ history, column, fromIndex, toIndex, factor }: InflatedHistoryParameters): History {
  const inflate = (name: string, from: number, values: Float64Array): Float64Array => {
    if (name !== column || from >= toIndex || from + values.length <= fromIndex) return values;
    const out = Float64Array.from(values);
    const lo = Math.max(fromIndex, from);
    const hi = Math.min(toIndex, from + values.length);
    for (let i = lo; i < hi; i++) out[i - from] = out[i - from]! * factor;
    return out;
  };
  return {
    frame: history.frame,
    decisionTime: history.decisionTime,
    visibleLength: history.visibleLength,
    values: (name, from, to) => inflate(name, from, history.values(name, from, to)),
    exogenous: (name, from, to) => inflate(name, from, history.exogenous(name, from, to)),
  };
}
