import type { History } from '../data/types.ts';
import { UsageError } from '../errors.ts';
import { createSparseRow, temperatureScaleFor, type Design, type DesignContext, type TemperatureScale } from './design.ts';
import type { ForecastModel, PredictParameters } from './forecastModel.ts';
import { nercHolidays } from './nercHolidays.ts';
import { NormalEquations } from './normalEquations.ts';
import { solveNormalEquations } from './solveNormalEquations.ts';
import { stationMean } from './stationMean.ts';

export interface LinearModelParameters {
  readonly name: string;
  /** Load column (the regression target). */
  readonly load: string;
  /** Observed temperature columns, averaged into T (read only before the decision time). */
  readonly temperature: readonly string[];
  /**
   * Columns giving T for the hours being predicted, read through `History.exogenous`: the observed
   * columns themselves in an ex-post backtest, the forecast columns in an ex-ante one. Same order/count
   * semantics as `temperature` (averaged).
   */
  readonly futureTemperature: readonly string[];
  /** Builds the design at the first fit; `historyHours` = hours visible at that fit (designs may adapt to short data). */
  readonly design: (parameters: { temperatureScale: TemperatureScale; historyHours: number }) => Design;
  /** Ridge strength on standardised columns (see solveNormalEquations); 0 = OLS. */
  readonly ridge?: number;
}

/** Internal state that a batch fit would rebuild from scratch. */
interface State {
  readonly frameKey: string;
  readonly design: Design;
  readonly holiday: Uint8Array;
  readonly load: Float64Array;
  readonly temperature: Float64Array;
  readonly equations: NormalEquations[];
  loadScale: number;
  seen: number;
  coefficients: Float64Array[] | undefined;
}

function frameKey(history: History): string {
  const f = history.frame;
  return `${f.name}|${f.start}|${f.stepMs}|${f.length}`;
}

/**
 * A linear regression load model refitted exactly on all history at every call of `fit`: rows that became
 * visible since the previous call are added to the normal equations (X'X, X'y), then the system is solved
 * by Cholesky. Equal to a batch OLS/ridge fit on the whole history, at the cost of one solve per origin.
 * Lagged loads after the decision time (leads beyond a lag) are filled recursively with the model's own
 * predictions.
 */
export function createLinearModel({
  name,
  load,
  temperature,
  futureTemperature,
  design: makeDesign,
  ridge = 0,
}: LinearModelParameters): ForecastModel {
  if (temperature.length === 0 || futureTemperature.length === 0) {
    throw new UsageError(`Model ${name} needs temperature columns`, {
      details: `temperature: [${temperature.join(', ')}], futureTemperature: [${futureTemperature.join(', ')}]`,
      hint: 'Use a dataset whose frame has roles.temperature, or a load-only model (seasonal naive).',
    });
  }
  let state: State | undefined;

  function reset(history: History): State {
    const frame = history.frame;
    const design = makeDesign({ temperatureScale: temperatureScaleFor(frame.units.get(temperature[0])), historyHours: history.visibleLength });
    const fresh: State = {
      frameKey: frameKey(history),
      design,
      holiday: nercHolidays({ calendar: frame.calendar }),
      load: new Float64Array(frame.length).fill(Number.NaN),
      temperature: new Float64Array(frame.length).fill(Number.NaN),
      equations: Array.from({ length: design.partitions }, () => new NormalEquations(design.size)),
      loadScale: 1,
      seen: 0,
      coefficients: undefined,
    };
    return fresh;
  }

  function fit(history: History): void {
    if (state === undefined || state.frameKey !== frameKey(history) || history.visibleLength < state.seen) {
      state = reset(history);
    }
    const s = state;
    const from = s.seen;
    const to = history.visibleLength;
    if (to === from) return;
    s.load.set(history.values(load, from, to), from);
    s.temperature.set(stationMean({ history, columns: temperature, fromIndex: from, toIndex: to, source: 'observed' }), from);
    if (from === 0) {
      let sum = 0;
      let count = 0;
      for (let i = 0; i < to; i++) {
        const v = s.load[i];
        if (Number.isFinite(v)) {
          sum += Math.abs(v);
          count += 1;
        }
      }
      s.loadScale = count > 0 && sum > 0 ? sum / count : 1;
    }
    const context: DesignContext = {
      calendar: history.frame.calendar,
      holiday: s.holiday,
      base: 0,
      load: s.load,
      temperature: s.temperature,
      loadScale: s.loadScale,
    };
    const row = createSparseRow(s.design.maxNonZeros);
    for (let i = from; i < to; i++) {
      const y = s.load[i];
      if (!Number.isFinite(y)) continue;
      if (!s.design.fill(context, i, row)) continue;
      s.equations[s.design.partition(context, i)].addSparseRow(row.indices, row.values, row.nnz, y);
    }
    s.seen = to;
    s.coefficients = undefined;
  }

  function predict({ history, horizon }: PredictParameters): Float64Array {
    fit(history);
    const s = state as State;
    const v = history.visibleLength;
    if (v + horizon > history.frame.length) {
      throw new UsageError(`Model ${name} cannot predict past the end of the frame`, {
        details: `decision index ${v}, horizon ${horizon} h, frame length ${history.frame.length}`,
        hint: 'Choose backtest dates whose target days lie inside the dataset.',
      });
    }
    if (s.coefficients === undefined) {
      s.coefficients = s.equations.map((equations) => solveNormalEquations({ equations, ridge }).coefficients);
    }
    const coefficients = s.coefficients;
    const base = Math.max(0, v - s.design.lookback);
    const loadWindow = new Float64Array(v + horizon - base);
    loadWindow.set(s.load.subarray(base, v));
    const temperatureWindow = new Float64Array(v + horizon - base);
    temperatureWindow.set(s.temperature.subarray(base, v));
    temperatureWindow.set(
      stationMean({ history, columns: futureTemperature, fromIndex: v, toIndex: v + horizon, source: 'exogenous' }),
      v - base,
    );
    const context: DesignContext = {
      calendar: history.frame.calendar,
      holiday: s.holiday,
      base,
      load: loadWindow,
      temperature: temperatureWindow,
      loadScale: s.loadScale,
    };
    const row = createSparseRow(s.design.maxNonZeros);
    const out = new Float64Array(horizon);
    for (let k = 0; k < horizon; k++) {
      const i = v + k;
      let y = Number.NaN;
      if (s.design.fill(context, i, row)) {
        const beta = coefficients[s.design.partition(context, i)];
        y = 0;
        for (let p = 0; p < row.nnz; p++) y += beta[row.indices[p]] * row.values[p];
      }
      out[k] = y;
      loadWindow[i - base] = y;
    }
    return out;
  }

  return { name, fit, predict };
}
