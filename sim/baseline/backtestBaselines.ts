/**
 * The baseline backtest: every method, every consumer, on placebo days (event-like days without an event),
 * where the metered load is the truth the baseline tries to reproduce. Pure: takes a frame, returns scores.
 *
 * - Methods are compared on a common set of consumer-days: those where every applicable method produced a
 *   baseline and the actual event-window load is complete and positive.
 * - Prior placebo days are the program's event days for later ones (excluded from day pools, as a real
 *   program would), and holidays are passed to every method.
 * - Gaming: a consumer multiplies its load by `gamingFactor` in the method's own adjustment window (the
 *   hours the method compares with its baseline; PJM Same Day: its pre-event hours; methods without a window:
 *   the 4 h before the event), or in the `gamingHours` hours before the event for every method when given;
 *   the extra baseline kWh it is credited with is that method's exposure to the trick.
 */
import type { Frame } from '../data/types.ts';
import { UsageError } from '../errors.ts';
import { BASELINE_METHODS, type BaselineMethod } from './baselineMethods.ts';
import { commonScoringSet } from './commonScoringSet.ts';
import { gamingWindowOf } from './gamingWindowOf.ts';
import { lookbackDaysOf } from './lookbackDaysOf.ts';
import { placeboBaselines } from './placeboBaselines.ts';
import { rankMethodScores } from './rankMethodScores.ts';
import { type ConsumerScore, type MethodScore, scoreMethod } from './scoreMethod.ts';
import { type PlaceboDay, type PlaceboRank, selectPlaceboDays } from './selectPlaceboDays.ts';

export type { ConsumerScore, GamingScore, MethodScore } from './scoreMethod.ts';

export interface BacktestProgress {
  readonly done: number;
  readonly total: number;
  readonly label: string;
}

export interface BacktestBaselinesParameters {
  frame: Frame;
  methods?: readonly BaselineMethod[];
  /** Default: frame.roles.consumers. */
  consumers?: readonly string[];
  /** Local hour of the event start; default 14. */
  startHour?: number;
  /** Default 4 (14:00–18:00). */
  durationHours?: number;
  /** Placebo days per calendar year; default 10. */
  placeboDaysPerYear?: number;
  /** Default 'load' (highest system load in the window). */
  placeboRank?: PlaceboRank;
  holidays?: readonly string[];
  /** Default 1.3 (+30 %). */
  gamingFactor?: number;
  /** Hours before the event start the gamer inflates for every method; default: each method's adjustment window. */
  gamingHours?: number;
  temperatureColumn?: string;
  onProgress?: (progress: BacktestProgress) => void;
}

export interface BacktestBaselinesResult {
  readonly dataset: string;
  readonly timezone: string;
  readonly consumers: readonly string[];
  readonly event: { readonly startHour: number; readonly durationHours: number };
  /** `hours` null: each method's own adjustment window was inflated. */
  readonly gaming: { readonly factor: number; readonly hours: number | null };
  readonly placeboDays: readonly PlaceboDay[];
  /** Consumer-days in the common scoring set. */
  readonly scoredConsumerDays: number;
  /** Ranked (skipped methods last, in id order). */
  readonly methods: readonly MethodScore[];
  readonly perConsumer: readonly ConsumerScore[];
}

export function backtestBaselines({
  frame, methods = BASELINE_METHODS, consumers = frame.roles.consumers ?? [], startHour = 14, durationHours = 4,
  placeboDaysPerYear = 10, placeboRank = 'load', holidays = [], gamingFactor = 1.3, gamingHours,
  temperatureColumn, onProgress,
}: BacktestBaselinesParameters): BacktestBaselinesResult {
  if (consumers.length === 0) {
    throw new UsageError(`Dataset ${frame.name} has no consumer columns`, {
      hint: 'Use a dataset whose manifest declares roles.consumers (e.g. cambridge_estates_buildings, citylearn_2022_fontana).',
    });
  }
  const temperature = temperatureColumn ?? frame.roles.temperature?.[0];
  const exogenous = temperature !== undefined && frame.columns.has(temperature) ? [temperature] : [];
  const warmupDays = Math.max(...methods.map((m) => lookbackDaysOf(m.spec))) + 1;
  const tailHours = Math.max(0, ...methods.map((m) => (m.spec.kind === 'sameDay' ? m.spec.gapAfter + m.spec.hoursAfter : 0)));
  const placeboDays = selectPlaceboDays({
    frame, consumers, startHour, durationHours, perYear: placeboDaysPerYear, rank: placeboRank, warmupDays, tailHours, holidays,
    temperatureColumn: temperature,
  });
  if (placeboDays.length === 0) {
    throw new UsageError(`No placebo days in ${frame.name}`, {
      details: `needs non-holiday weekdays after a ${warmupDays}-day warm-up with data at ${startHour}:00 for ${durationHours} h`,
      hint: 'Use a longer dataset or a shorter event window.',
    });
  }
  const gamingWindows = methods.map((m) => gamingWindowOf(m.spec, gamingHours));
  const baselines = placeboBaselines({
    frame, methods, consumers, placeboDays, durationHours, gamingWindows, gamingFactor, holidays, temperatureColumn: temperature, exogenous, onProgress,
  });
  const total = placeboDays.length * methods.length;
  onProgress?.({ done: total, total, label: 'scoring' });
  const active = methods.map((_, m) => m).filter((m) => baselines.skipped[m] === null);
  const scoring = commonScoringSet({ baselines, active, cells: consumers.length * placeboDays.length, durationHours });
  const perConsumer: ConsumerScore[] = [];
  const scores: MethodScore[] = methods.map((method, m) => {
    const scored = scoreMethod({
      method, index: m, baselines, scoring, consumers, placeboDays: placeboDays.length, durationHours, gamingFactor, gamingWindow: gamingWindows[m]!,
    });
    perConsumer.push(...scored.perConsumer);
    return scored.score;
  });
  return {
    dataset: frame.name,
    timezone: frame.timezone,
    consumers,
    event: { startHour, durationHours },
    gaming: { factor: gamingFactor, hours: gamingHours ?? null },
    placeboDays,
    scoredConsumerDays: scoring.scoredConsumerDays,
    methods: rankMethodScores(scores),
    perConsumer,
  };
}
