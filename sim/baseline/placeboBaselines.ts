/**
 * The backtest's raw material: on every placebo day, for every consumer, the metered load of the event window
 * (the truth) and, for every method, the baseline of an honest consumer and of the same consumer gaming the
 * method (its load multiplied by `gamingFactor` over the method's gaming window). Prior placebo days count as
 * the program's event days for later ones (excluded from day pools, as a real program would).
 */
import type { Frame } from '../data/types.ts';
import { openHistory } from '../data/index.ts';
import { UsageError } from '../errors.ts';
import type { BacktestProgress } from './backtestBaselines.ts';
import type { BaselineMethod } from './baselineMethods.ts';
import type { BaselineEvent } from './baselineReadWindow.ts';
import { baselineReadWindow } from './baselineReadWindow.ts';
import { computeBaselineDetailed } from './computeBaseline.ts';
import { inflatedHistory } from './inflatedHistory.ts';
import type { PlaceboDay } from './selectPlaceboDays.ts';

export interface PlaceboBaselinesParameters {
  frame: Frame;
  methods: readonly BaselineMethod[];
  consumers: readonly string[];
  placeboDays: readonly PlaceboDay[];
  durationHours: number;
  /** Per method: the hours the gamer inflates, offsets [from, to) from the event start (`gamingWindowOf`). */
  gamingWindows: readonly (readonly [number, number])[];
  gamingFactor: number;
  holidays: readonly string[];
  temperatureColumn: string | undefined;
  /** Columns the methods may read besides the consumer's own (the temperature, when the frame has it). */
  exogenous: readonly string[];
  onProgress?: (progress: BacktestProgress) => void;
}

/**
 * A cell is one consumer-day, `consumer * placeboDays + day`; the hourly arrays hold `durationHours` values a
 * cell, NaN where there is no value.
 */
export interface PlaceboBaselinesResult {
  /** Metered load in the event window, per cell and hour. */
  readonly actual: Float64Array;
  /** Per method: the honest consumer's baseline, per cell and hour. */
  readonly honest: readonly Float64Array[];
  /** Per method: the gaming consumer's baseline, per cell and hour. */
  readonly gamed: readonly Float64Array[];
  /** Per method: the metered load in the method's gaming window, per cell (what the gamer inflates). */
  readonly windowLoad: readonly Float64Array[];
  /** Per method: why it was skipped (the short message of the UsageError it raised), or null. */
  readonly skipped: readonly (string | null)[];
  /** Per method: the cells on which it produced a baseline. */
  readonly withBaseline: Int32Array;
}

interface MutablePlaceboBaselines extends PlaceboBaselinesResult {
  readonly skipped: (string | null)[];
}

export function placeboBaselines(p: PlaceboBaselinesParameters): PlaceboBaselinesResult {
  const { methods, consumers, placeboDays, durationHours: H, onProgress } = p;
  const cells = consumers.length * placeboDays.length;
  const result: MutablePlaceboBaselines = {
    actual: new Float64Array(cells * H).fill(Number.NaN),
    honest: methods.map(() => new Float64Array(cells * H).fill(Number.NaN)),
    gamed: methods.map(() => new Float64Array(cells * H).fill(Number.NaN)),
    windowLoad: methods.map(() => new Float64Array(cells).fill(Number.NaN)),
    skipped: methods.map(() => null),
    withBaseline: new Int32Array(methods.length),
  };
  const total = placeboDays.length * methods.length;
  let done = 0;
  for (let d = 0; d < placeboDays.length; d++) {
    for (let c = 0; c < consumers.length; c++) readConsumerDay(p, result, c, d);
    for (let m = 0; m < methods.length; m++) {
      onProgress?.({ done, total, label: `${placeboDays[d]!.date} ${methods[m]!.name}` });
      done++;
      if (result.skipped[m] === null) result.skipped[m] = methodBaselinesOnDay(p, result, m, d);
    }
  }
  return result;
}

/** The truth of one consumer-day: its event-window load, and its load in each method's gaming window. */
function readConsumerDay(p: PlaceboBaselinesParameters, result: MutablePlaceboBaselines, c: number, d: number): void {
  const { frame, consumers, placeboDays, durationHours: H, gamingWindows } = p;
  const day = placeboDays[d]!;
  const cell = c * placeboDays.length + d;
  const values = frame.columns.get(consumers[c]!);
  if (!values) throw new UsageError(`Consumer column ${consumers[c]} is not in ${frame.name}`, { hint: 'Check roles.consumers in the manifest.' });
  result.actual.set(values.subarray(day.eventIndex, day.eventIndex + H), cell * H);
  gamingWindows.forEach(([lo, hi], m) => {
    let w = 0;
    for (let i = day.eventIndex + lo; i < day.eventIndex + hi; i++) w += values[i]!;
    result.windowLoad[m]![cell] = w;
  });
}

/**
 * One method on one placebo day, honest and gamed, for every consumer; the method reads history up to its own
 * settlement time. Returns why the method cannot run on this frame (it is then skipped on every day), or null.
 */
function methodBaselinesOnDay(p: PlaceboBaselinesParameters, result: MutablePlaceboBaselines, m: number, d: number): string | null {
  const { frame, consumers, placeboDays, durationHours: H, holidays, temperatureColumn, exogenous, gamingFactor } = p;
  const spec = p.methods[m]!.spec;
  const day = placeboDays[d]!;
  const event: BaselineEvent = { start: day.start, durationHours: H };
  const eventDays = placeboDays.slice(0, d).map((placebo) => placebo.date);
  const gate = baselineReadWindow({ spec, event }).settlementTime;
  const history = openHistory({ frame, decisionTime: gate, exogenous });
  const [lo, hi] = p.gamingWindows[m]!;
  for (let c = 0; c < consumers.length; c++) {
    const column = consumers[c]!;
    const cell = c * placeboDays.length + d;
    let honest;
    try {
      honest = computeBaselineDetailed({ spec, history, column, event, eventDays, holidays, temperatureColumn });
    } catch (error) {
      if (error instanceof UsageError) return error.shortMessage;
      throw error;
    }
    if (honest.insufficient !== null) continue;
    result.withBaseline[m]++;
    result.honest[m]!.set(honest.values, cell * H);
    const game = inflatedHistory({ history, column, fromIndex: day.eventIndex + lo, toIndex: day.eventIndex + hi, factor: gamingFactor });
    const gamed = computeBaselineDetailed({ spec, history: game, column, event, eventDays, holidays, temperatureColumn });
    result.gamed[m]!.set(gamed.values, cell * H);
  }
  return null;
}
