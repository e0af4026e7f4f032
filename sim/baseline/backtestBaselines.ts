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
import { openHistory } from '../data/index.ts';
import { UsageError } from '../errors.ts';
import type { BaselineMethodSpec } from './baselineMethodSpec.ts';
import { BASELINE_METHODS, type BaselineMethod } from './baselineMethods.ts';
import { type BaselineErrorMetricsResult, baselineErrorMetrics } from './baselineErrorMetrics.ts';
import { baselineReadWindow } from './baselineReadWindow.ts';
import { computeBaselineDetailed } from './computeBaseline.ts';
import { finiteMedian } from './finiteMedian.ts';
import { inflatedHistory } from './inflatedHistory.ts';
import { type PlaceboDay, type PlaceboRank, selectPlaceboDays } from './selectPlaceboDays.ts';

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

/** The hours a gaming consumer inflates against a spec, as offsets [from, to) from the event start. */
export function gamingWindowOf(spec: BaselineMethodSpec, hoursBefore?: number): readonly [number, number] {
  if (hoursBefore !== undefined) return [-hoursBefore, 0];
  if (spec.kind === 'sameDay') return [-(spec.gapBefore + spec.hoursBefore), -spec.gapBefore];
  if (spec.adjustment.kind === 'none') return [-4, 0];
  return [-(spec.adjustment.gapHours + spec.adjustment.windowHours), -spec.adjustment.gapHours];
}

/** Days of history a spec needs before its first event. */
export function lookbackDaysOf(spec: BaselineMethodSpec): number {
  switch (spec.kind) {
    case 'XofY':
    case 'matchDay':
    case 'rolling':
      return spec.lookbackDays;
    case 'regression':
      return spec.trainingDays;
    case 'sameDay':
      return 1;
  }
}

function median(values: number[]): number {
  return finiteMedian({ values });
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
  const H = durationHours;
  const temperature = temperatureColumn ?? frame.roles.temperature?.[0];
  const exogenous = temperature !== undefined && frame.columns.has(temperature) ? [temperature] : [];
  const warmupDays = Math.max(...methods.map((m) => lookbackDaysOf(m.spec))) + 1;
  const tailHours = Math.max(0, ...methods.map((m) => (m.spec.kind === 'sameDay' ? m.spec.gapAfter + m.spec.hoursAfter : 0)));
  const placeboDays = selectPlaceboDays({
    frame, consumers, startHour, durationHours: H, perYear: placeboDaysPerYear, rank: placeboRank, warmupDays, tailHours, holidays,
    temperatureColumn: temperature,
  });
  if (placeboDays.length === 0) {
    throw new UsageError(`No placebo days in ${frame.name}`, {
      details: `needs non-holiday weekdays after a ${warmupDays}-day warm-up with data at ${startHour}:00 for ${H} h`,
      hint: 'Use a longer dataset or a shorter event window.',
    });
  }
  const M = methods.length;
  const C = consumers.length;
  const D = placeboDays.length;
  const cells = C * D;
  // [method][consumer * D + day][hour]
  const honest = methods.map(() => new Float64Array(cells * H).fill(Number.NaN));
  const gamed = methods.map(() => new Float64Array(cells * H).fill(Number.NaN));
  const actual = new Float64Array(cells * H).fill(Number.NaN);
  const gamingWindows = methods.map((m) => gamingWindowOf(m.spec, gamingHours));
  // [method][cell]: load in the gaming window (what the gamer inflates).
  const windowLoad = methods.map(() => new Float64Array(cells).fill(Number.NaN));
  const skipped: (string | null)[] = methods.map(() => null);
  const withBaseline = new Int32Array(M);
  const total = D * M;
  let done = 0;
  for (let d = 0; d < D; d++) {
    const day = placeboDays[d]!;
    const event = { start: day.start, durationHours: H };
    const eventDays = placeboDays.slice(0, d).map((p) => p.date);
    for (let c = 0; c < C; c++) {
      const values = frame.columns.get(consumers[c]!);
      if (!values) throw new UsageError(`Consumer column ${consumers[c]} is not in ${frame.name}`, { hint: 'Check roles.consumers in the manifest.' });
      actual.set(values.subarray(day.eventIndex, day.eventIndex + H), (c * D + d) * H);
      gamingWindows.forEach(([lo, hi], m) => {
        let w = 0;
        for (let i = day.eventIndex + lo; i < day.eventIndex + hi; i++) w += values[i]!;
        windowLoad[m]![c * D + d] = w;
      });
    }
    for (let m = 0; m < M; m++) {
      const method = methods[m]!;
      onProgress?.({ done, total, label: `${day.date} ${method.name}` });
      done++;
      if (skipped[m] !== null) continue;
      const gate = baselineReadWindow({ spec: method.spec, event }).settlementTime;
      const history = openHistory({ frame, decisionTime: gate, exogenous });
      for (let c = 0; c < C; c++) {
        const column = consumers[c]!;
        const cell = c * D + d;
        let result;
        try {
          result = computeBaselineDetailed({ spec: method.spec, history, column, event, eventDays, holidays, temperatureColumn: temperature });
        } catch (error) {
          if (error instanceof UsageError) {
            skipped[m] = error.shortMessage;
            break;
          }
          throw error;
        }
        if (result.insufficient !== null) continue;
        withBaseline[m]++;
        honest[m]!.set(result.values, cell * H);
        const [lo, hi] = gamingWindows[m]!;
        const game = inflatedHistory({ history, column, fromIndex: day.eventIndex + lo, toIndex: day.eventIndex + hi, factor: gamingFactor });
        const g = computeBaselineDetailed({ spec: method.spec, history: game, column, event, eventDays, holidays, temperatureColumn: temperature });
        gamed[m]!.set(g.values, cell * H);
      }
    }
  }
  onProgress?.({ done: total, total, label: 'scoring' });
  // The common scoring set.
  const active = methods.map((_, m) => m).filter((m) => skipped[m] === null);
  const common = new Uint8Array(cells);
  let scoredConsumerDays = 0;
  for (let cell = 0; cell < cells; cell++) {
    let ok = active.every((m) => Number.isFinite(windowLoad[m]![cell]!));
    let sum = 0;
    for (let h = 0; h < H && ok; h++) {
      const a = actual[cell * H + h]!;
      ok = Number.isFinite(a);
      sum += a;
    }
    ok = ok && sum > 0;
    for (const m of active) {
      if (!ok) break;
      for (let h = 0; h < H && ok; h++) ok = Number.isFinite(honest[m]![cell * H + h]!) && Number.isFinite(gamed[m]![cell * H + h]!);
    }
    common[cell] = ok ? 1 : 0;
    if (ok) scoredConsumerDays++;
  }
  const perConsumer: ConsumerScore[] = [];
  const scores: MethodScore[] = methods.map((method, m) => {
    const base = { id: method.id, name: method.name, label: method.label, source: method.source, coverage: { withBaseline: withBaseline[m]!, tried: cells } };
    if (skipped[m] !== null || scoredConsumerDays === 0) {
      return { ...base, rank: null, skipped: skipped[m] ?? 'no consumer-day could be scored', aggregate: null, perConsumerMedian: null, gaming: null };
    }
    const b = honest[m]!;
    const g = gamed[m]!;
    let extraBaseline = 0;
    let honestTotal = 0;
    let extraConsumed = 0;
    const consumerMetrics: ConsumerScore[] = [];
    for (let c = 0; c < C; c++) {
      const cellsOfC: number[] = [];
      for (let d = 0; d < D; d++) if (common[c * D + d]) cellsOfC.push(c * D + d);
      if (cellsOfC.length === 0) continue;
      const a = new Float64Array(cellsOfC.length * H);
      const p = new Float64Array(cellsOfC.length * H);
      let extraC = 0;
      let honestC = 0;
      cellsOfC.forEach((cell, j) => {
        for (let h = 0; h < H; h++) {
          a[j * H + h] = actual[cell * H + h]!;
          p[j * H + h] = b[cell * H + h]!;
          extraC += g[cell * H + h]! - b[cell * H + h]!;
          honestC += b[cell * H + h]!;
        }
        extraConsumed += (gamingFactor - 1) * windowLoad[m]![cell]!;
      });
      extraBaseline += extraC;
      honestTotal += honestC;
      const metrics = baselineErrorMetrics({ actual: a, baseline: p, eventHours: H });
      consumerMetrics.push({ consumer: consumers[c]!, method: method.name, ...metrics, gamingExtraPct: honestC > 0 ? (100 * extraC) / honestC : Number.NaN });
    }
    perConsumer.push(...consumerMetrics);
    const aggA = new Float64Array(D * H);
    const aggB = new Float64Array(D * H);
    const daysUsed: number[] = [];
    for (let d = 0; d < D; d++) {
      let any = false;
      for (let c = 0; c < C; c++) {
        const cell = c * D + d;
        if (!common[cell]) continue;
        any = true;
        for (let h = 0; h < H; h++) {
          aggA[d * H + h] += actual[cell * H + h]!;
          aggB[d * H + h] += b[cell * H + h]!;
        }
      }
      if (any) daysUsed.push(d);
    }
    const pickDays = (src: Float64Array) => {
      const out = new Float64Array(daysUsed.length * H);
      daysUsed.forEach((d, j) => out.set(src.subarray(d * H, d * H + H), j * H));
      return out;
    };
    const aggregate = baselineErrorMetrics({ actual: pickDays(aggA), baseline: pickDays(aggB), eventHours: H });
    const perConsumerMedian = {
      biasPct: median(consumerMetrics.map((x) => x.biasPct)),
      rrmsePct: median(consumerMetrics.map((x) => x.rrmsePct)),
      medianAbsPct: median(consumerMetrics.map((x) => x.medianAbsPct)),
      cvRmsePct: median(consumerMetrics.map((x) => x.cvRmsePct)),
    };
    const gaming: GamingScore = {
      window: { fromHour: gamingWindows[m]![0], toHour: gamingWindows[m]![1] },
      extraBaselineKWh: extraBaseline,
      extraBaselinePct: honestTotal > 0 ? (100 * extraBaseline) / honestTotal : Number.NaN,
      extraConsumedKWh: extraConsumed,
      upliftPerExtraKWh: extraConsumed > 0 ? extraBaseline / extraConsumed : Number.NaN,
    };
    return { ...base, rank: null, skipped: null, aggregate, perConsumerMedian, gaming };
  });
  const order = scores
    .map((s, i) => ({ s, i }))
    .sort((x, y) => {
      const ax = x.s.perConsumerMedian?.rrmsePct ?? Number.POSITIVE_INFINITY;
      const ay = y.s.perConsumerMedian?.rrmsePct ?? Number.POSITIVE_INFINITY;
      const fx = Number.isFinite(ax) ? ax : Number.POSITIVE_INFINITY;
      const fy = Number.isFinite(ay) ? ay : Number.POSITIVE_INFINITY;
      return fx - fy || Math.abs(x.s.aggregate?.biasPct ?? 0) - Math.abs(y.s.aggregate?.biasPct ?? 0) || x.s.id - y.s.id;
    });
  let rank = 0;
  const ranked = order.map(({ s }) => (s.perConsumerMedian && Number.isFinite(s.perConsumerMedian.rrmsePct) ? { ...s, rank: ++rank } : s));
  return {
    dataset: frame.name,
    timezone: frame.timezone,
    consumers,
    event: { startHour, durationHours: H },
    gaming: { factor: gamingFactor, hours: gamingHours ?? null },
    placeboDays,
    scoredConsumerDays,
    methods: ranked,
    perConsumer,
  };
}
