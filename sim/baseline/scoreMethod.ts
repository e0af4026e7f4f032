import type { BaselineMethod } from './baselineMethods.ts';
import { type BaselineErrorMetricsResult, baselineErrorMetrics } from './baselineErrorMetrics.ts';
import type { CommonScoringSetResult } from './commonScoringSet.ts';
import { finiteMedian } from './finiteMedian.ts';
import type { PlaceboBaselinesResult } from './placeboBaselines.ts';
import { portfolioErrorMetrics } from './portfolioErrorMetrics.ts';

export interface GamingScore {
  /** Hours inflated, relative to the event start: [fromHour, toHour), e.g. [−4, −1]. */
  readonly window: { readonly fromHour: number; readonly toHour: number };
  /** Extra baseline energy credited to the gamer, kWh over all scored consumer-events. */
  readonly extraBaselineKWh: number;
  /** The same, % of the honest baseline energy. */
  readonly extraBaselinePct: number;
  /** Extra energy the gamer consumed to get it, kWh. */
  readonly extraConsumedKWh: number;
  /** extraBaselineKWh / extraConsumedKWh: > 1 means the trick pays even at equal energy and DR prices. */
  readonly upliftPerExtraKWh: number;
}

export interface MethodScore {
  readonly id: number;
  readonly name: string;
  readonly label: string;
  readonly source: string;
  /** 1 = most accurate (median per-consumer RRMSE); null when skipped. */
  readonly rank: number | null;
  readonly skipped: string | null;
  /** Consumer-days on which the method produced a baseline / consumer-days tried. */
  readonly coverage: { readonly withBaseline: number; readonly tried: number };
  /** Portfolio: per placebo day, the sum over consumers of baseline vs actual. */
  readonly aggregate: BaselineErrorMetricsResult | null;
  /** Median over consumers of each consumer's metrics. */
  readonly perConsumerMedian: Omit<BaselineErrorMetricsResult, 'events'> | null;
  readonly gaming: GamingScore | null;
}

export interface ConsumerScore extends BaselineErrorMetricsResult {
  readonly consumer: string;
  readonly method: string;
  readonly gamingExtraPct: number;
}

export interface ScoreMethodParameters {
  method: BaselineMethod;
  /** The method's slot in `baselines` (its index in the backtest's method list). */
  index: number;
  baselines: PlaceboBaselinesResult;
  scoring: CommonScoringSetResult;
  consumers: readonly string[];
  placeboDays: number;
  durationHours: number;
  gamingFactor: number;
  /** The hours the gamer inflated, offsets [from, to) from the event start. */
  gamingWindow: readonly [number, number];
}

export interface ScoreMethodResult {
  /** Unranked (`rank` null). */
  readonly score: MethodScore;
  /** One row per consumer with a scored day; none for a skipped method. */
  readonly perConsumer: readonly ConsumerScore[];
}

/**
 * One method's scores on the common scoring set: accuracy per consumer and for the portfolio, and its exposure
 * to gaming (the extra baseline energy the gamer is credited with, for the extra energy it consumed). A method
 * that was skipped, or a backtest without a scored consumer-day, gets no scores.
 */
export function scoreMethod(p: ScoreMethodParameters): ScoreMethodResult {
  const { method, index: m, baselines, scoring, consumers, placeboDays, durationHours } = p;
  const tried = consumers.length * placeboDays;
  const base = { id: method.id, name: method.name, label: method.label, source: method.source, coverage: { withBaseline: baselines.withBaseline[m]!, tried } };
  const skipped = baselines.skipped[m] ?? null;
  if (skipped !== null || scoring.scoredConsumerDays === 0) {
    const score = { ...base, rank: null, skipped: skipped ?? 'no consumer-day could be scored', aggregate: null, perConsumerMedian: null, gaming: null };
    return { score, perConsumer: [] };
  }
  const { perConsumer, gaming } = consumerScores(p);
  const aggregate = portfolioErrorMetrics({ actual: baselines.actual, baseline: baselines.honest[m]!, common: scoring.common, days: placeboDays, durationHours });
  const perConsumerMedian = {
    biasPct: medianOfFinite(perConsumer.map((x) => x.biasPct)),
    rrmsePct: medianOfFinite(perConsumer.map((x) => x.rrmsePct)),
    medianAbsPct: medianOfFinite(perConsumer.map((x) => x.medianAbsPct)),
    cvRmsePct: medianOfFinite(perConsumer.map((x) => x.cvRmsePct)),
  };
  return { score: { ...base, rank: null, skipped: null, aggregate, perConsumerMedian, gaming }, perConsumer };
}

const medianOfFinite = (values: number[]) => finiteMedian({ values });

/** Each consumer's accuracy over its scored days, and the gaming totals summed over consumers. */
function consumerScores(p: ScoreMethodParameters): { perConsumer: ConsumerScore[]; gaming: GamingScore } {
  const { method, index: m, baselines, scoring, consumers, placeboDays: D, durationHours: H, gamingFactor, gamingWindow } = p;
  const { actual } = baselines;
  const b = baselines.honest[m]!;
  const g = baselines.gamed[m]!;
  let extraBaseline = 0;
  let honestTotal = 0;
  let extraConsumed = 0;
  const perConsumer: ConsumerScore[] = [];
  for (let c = 0; c < consumers.length; c++) {
    const cellsOfC: number[] = [];
    for (let d = 0; d < D; d++) if (scoring.common[c * D + d]) cellsOfC.push(c * D + d);
    if (cellsOfC.length === 0) continue;
    const actualC = new Float64Array(cellsOfC.length * H);
    const baselineC = new Float64Array(cellsOfC.length * H);
    let extraC = 0;
    let honestC = 0;
    cellsOfC.forEach((cell, j) => {
      for (let h = 0; h < H; h++) {
        actualC[j * H + h] = actual[cell * H + h]!;
        baselineC[j * H + h] = b[cell * H + h]!;
        extraC += g[cell * H + h]! - b[cell * H + h]!;
        honestC += b[cell * H + h]!;
      }
      extraConsumed += (gamingFactor - 1) * baselines.windowLoad[m]![cell]!;
    });
    extraBaseline += extraC;
    honestTotal += honestC;
    const metrics = baselineErrorMetrics({ actual: actualC, baseline: baselineC, eventHours: H });
    perConsumer.push({ consumer: consumers[c]!, method: method.name, ...metrics, gamingExtraPct: honestC > 0 ? (100 * extraC) / honestC : Number.NaN });
  }
  const gaming: GamingScore = {
    window: { fromHour: gamingWindow[0], toHour: gamingWindow[1] },
    extraBaselineKWh: extraBaseline,
    extraBaselinePct: honestTotal > 0 ? (100 * extraBaseline) / honestTotal : Number.NaN,
    extraConsumedKWh: extraConsumed,
    upliftPerExtraKWh: extraConsumed > 0 ? extraBaseline / extraConsumed : Number.NaN,
  };
  return { perConsumer, gaming };
}
