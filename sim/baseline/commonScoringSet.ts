import type { PlaceboBaselinesResult } from './placeboBaselines.ts';

export interface CommonScoringSetParameters {
  baselines: Pick<PlaceboBaselinesResult, 'actual' | 'honest' | 'gamed' | 'windowLoad'>;
  /** The methods that were not skipped. */
  active: readonly number[];
  /** Consumer-days tried (consumers × placebo days). */
  cells: number;
  durationHours: number;
}

export interface CommonScoringSetResult {
  /** Per cell (consumer-day): 1 when it is scored. */
  readonly common: Uint8Array;
  readonly scoredConsumerDays: number;
}

/**
 * The consumer-days every method is scored on, so methods are compared on the same days: those where the
 * actual event-window load is complete and positive, and every active method has a gaming-window load and an
 * honest and a gamed baseline for every event hour.
 */
export function commonScoringSet({ baselines, active, cells, durationHours: H }: CommonScoringSetParameters): CommonScoringSetResult {
  const { actual, honest, gamed, windowLoad } = baselines;
  const common = new Uint8Array(cells);
  let scoredConsumerDays = 0;
  for (let cell = 0; cell < cells; cell++) {
    const ok = actualIsScorable(actual, cell, H) && active.every((m) => Number.isFinite(windowLoad[m]![cell]!) && hasBaselines(honest[m]!, gamed[m]!, cell, H));
    common[cell] = ok ? 1 : 0;
    if (ok) scoredConsumerDays++;
  }
  return { common, scoredConsumerDays };
}

/** Every event hour metered, and a positive total (relative errors divide by it). */
function actualIsScorable(actual: Float64Array, cell: number, H: number): boolean {
  let sum = 0;
  for (let h = 0; h < H; h++) {
    const a = actual[cell * H + h]!;
    if (!Number.isFinite(a)) return false;
    sum += a;
  }
  return sum > 0;
}

function hasBaselines(honest: Float64Array, gamed: Float64Array, cell: number, H: number): boolean {
  for (let h = 0; h < H; h++) if (!Number.isFinite(honest[cell * H + h]!) || !Number.isFinite(gamed[cell * H + h]!)) return false;
  return true;
}
