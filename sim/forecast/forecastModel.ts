import type { History } from '../data/types.ts';

/** The frame columns a load model reads. */
export interface ModelColumns {
  readonly load: string;
  /** Observed temperature stations (empty for load-only datasets). */
  readonly temperature: readonly string[];
  /** Columns giving future temperature (observed ones ex post, forecast ones ex ante). */
  readonly futureTemperature: readonly string[];
}

/** How many hours after the decision time a model is asked to predict. */
export type Horizon = 24 | 48;

export interface PredictParameters {
  /** The same time-gated history the model was last fitted on (same decision time). */
  readonly history: History;
  /** Number of hours after `history.decisionTime` to predict. */
  readonly horizon: Horizon;
}

/**
 * One interface for every load forecasting model.
 *
 * `fit` learns from all of `history` (everything before its decision time); models may keep
 * sufficient statistics between calls and only consume the hours that became visible since the
 * last call, as long as the result equals a fit on the whole history. `predict` returns the next
 * `horizon` hourly values after the decision time (index 0 = the interval starting at
 * `history.decisionTime`). Future temperatures may only come through `history.exogenous`.
 */
export interface ForecastModel {
  readonly name: string;
  fit(history: History): void;
  predict(parameters: PredictParameters): Float64Array;
}
