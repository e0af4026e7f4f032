/**
 * The declarative description of a customer-baseline (CBL) method. Scenario files and on-chain program
 * parameters name a method by its registry id (`BASELINE_METHODS`, uint8); this is what the id stands for.
 * Everything here is data: `computeBaseline` interprets it.
 */
import { z } from 'zod';
import { ScenarioError } from '../errors.ts';

/**
 * Which prior days may serve as baseline days.
 * - `weekday`: Monday–Friday that are not holidays.
 * - `weekend`: Saturday, Sunday and holidays.
 * - `sameType`: the event day's own type (weekday vs weekend/holiday).
 * - `weekdaySaturdaySunday`: like `sameType`, with Saturday and Sunday/holiday as separate types (ISO-NE).
 */
export const dayTypeSchema = z.enum(['weekday', 'weekend', 'sameType', 'weekdaySaturdaySunday']);
export type DayType = z.infer<typeof dayTypeSchema>;

/**
 * Bounds of an adjustment, as a ratio adjusted/unadjusted baseline over the adjustment window.
 * A number c means the symmetric bounds [1 − c, 1 + c] (CAISO ±20 % is `0.2`); a pair is [lo, hi]
 * (NYISO `[0.8, 1.2]`). For an additive adjustment the added kW is clamped to
 * [(lo − 1)·B̄w, (hi − 1)·B̄w], B̄w being the unadjusted baseline's mean over the window.
 */
export const adjustmentCapSchema = z.union([
  z.number().positive().max(10),
  z
    .tuple([z.number().nonnegative(), z.number().positive()])
    .refine(([lo, hi]) => lo <= 1 && hi >= 1, { message: 'cap bounds must satisfy lo ≤ 1 ≤ hi' }),
]);
export type AdjustmentCap = z.infer<typeof adjustmentCapSchema>;

/**
 * Day-of ("in-day") adjustment: compares the actual load in a window of `windowHours` hours that ends
 * `gapHours` before the event start with the baseline over the same hours, and shifts (`additive`) or
 * scales (`ratio`) the baseline by the difference. The window always lies before the event start.
 */
export const adjustmentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z
    .object({
      kind: z.enum(['additive', 'ratio']),
      windowHours: z.number().int().min(1).max(24),
      gapHours: z.number().int().min(0).max(24),
      cap: adjustmentCapSchema.nullable(),
    })
    .strict(),
]);
export type AdjustmentSpec = z.infer<typeof adjustmentSchema>;

/** Days left out of the pool of candidate baseline days. */
export const exclusionsSchema = z
  .object({
    /** Days on which the program called an event (passed to `computeBaseline` as `eventDays`). */
    eventDays: z.boolean(),
    /** Holidays (passed as `holidays`); for `weekday` pools they are never weekdays anyway. */
    holidays: z.boolean(),
    /** The day right after an event day (post-event rebound, i.e. days with a prior-day event). */
    dayAfterEvent: z.boolean(),
    /**
     * PJM low-usage rule: a day whose mean load over the event hours is below this fraction of the
     * mean of the first `y` candidate days is skipped and replaced by an older day. `null` disables it.
     */
    lowUsageFraction: z.number().positive().max(1).nullable(),
  })
  .strict();
export type Exclusions = z.infer<typeof exclusionsSchema>;

const pickSchema = z.enum(['high', 'middle', 'all']);

const xOfYRuleSchema = z
  .object({ x: z.number().int().min(1).max(60), y: z.number().int().min(1).max(60), pick: pickSchema })
  .strict();

/**
 * "X of Y": take the `y` most recent eligible days within `lookbackDays`, keep `x` of them (`high`: the
 * x with the highest mean load over the event hours; `middle`: drop the (y − x)/2 highest and lowest;
 * `all`: x = y), average them hour by hour, then adjust. `weekend` overrides x/y/pick when the event falls
 * on a weekend or holiday (PJM 2 of 3, NYISO).
 */
export const xOfYSpecSchema = z
  .object({
    kind: z.literal('XofY'),
    x: z.number().int().min(1).max(60),
    y: z.number().int().min(1).max(60),
    pick: pickSchema,
    dayType: dayTypeSchema,
    lookbackDays: z.number().int().min(1).max(366),
    exclusions: exclusionsSchema,
    adjustment: adjustmentSchema,
    weekend: xOfYRuleSchema.optional(),
  })
  .strict();

/**
 * PJM "Same Day (X + Y)": the flat mean of `hoursBefore` hours ending `gapBefore` hours before the event
 * and `hoursAfter` hours starting `gapAfter` hours after the event end. It reads load *after* the event,
 * so it can only be computed at settlement time (see `baselineReadWindow`).
 */
export const sameDaySpecSchema = z
  .object({
    kind: z.literal('sameDay'),
    hoursBefore: z.number().int().min(1).max(12),
    hoursAfter: z.number().int().min(0).max(12),
    gapBefore: z.number().int().min(0).max(12),
    gapAfter: z.number().int().min(0).max(12),
  })
  .strict();

/**
 * "Match day": the `count` eligible prior days whose daily temperature (`match`) is closest to the event
 * day's, averaged hour by hour (ties → the more recent day). Needs a temperature column, read for the event
 * day as an exogenous (known or forecast) input.
 */
export const matchDaySpecSchema = z
  .object({
    kind: z.literal('matchDay'),
    count: z.number().int().min(1).max(10),
    match: z.enum(['dailyMaxTemperature', 'dailyMeanTemperature']),
    dayType: dayTypeSchema,
    lookbackDays: z.number().int().min(1).max(366),
    exclusions: exclusionsSchema,
    adjustment: adjustmentSchema,
  })
  .strict();

/**
 * Time-of-week-and-temperature regression (LBNL TOWT, Mathieu et al. 2011): one coefficient per hour of
 * the week plus a piecewise-linear temperature response with knots `temperatureKnotsC` (°C, converted when
 * the column is in °F), fitted by least squares on the `trainingDays` days before the event (event days
 * excluded when `excludeEventDays`). Predicts the event hours from their temperature (exogenous).
 */
export const regressionSpecSchema = z
  .object({
    kind: z.literal('regression'),
    model: z.literal('towt'),
    trainingDays: z.number().int().min(14).max(366),
    temperatureKnotsC: z
      .array(z.number())
      .max(12)
      .refine((k) => k.every((v, i) => i === 0 || v > k[i - 1]!), { message: 'knots must be strictly increasing' }),
    excludeEventDays: z.boolean(),
    adjustment: adjustmentSchema,
  })
  .strict();

/**
 * Exponentially weighted rolling baseline (ISO-NE "90/10"): per hour, start from the mean of the first
 * `initDays` eligible days in the lookback, then for every later eligible day B ← (1 − weight)·B + weight·L.
 */
export const rollingSpecSchema = z
  .object({
    kind: z.literal('rolling'),
    weight: z.number().positive().max(1),
    initDays: z.number().int().min(1).max(60),
    lookbackDays: z.number().int().min(1).max(366),
    dayType: dayTypeSchema,
    exclusions: exclusionsSchema,
    adjustment: adjustmentSchema,
  })
  .strict();

export const baselineMethodSpecSchema = z
  .discriminatedUnion('kind', [xOfYSpecSchema, sameDaySpecSchema, matchDaySpecSchema, regressionSpecSchema, rollingSpecSchema])
  .superRefine((spec, ctx) => {
    if (spec.kind !== 'XofY') return;
    for (const [path, rule] of [
      [[], spec],
      [['weekend'], spec.weekend],
    ] as const) {
      if (rule === undefined) continue;
      if (rule.x > rule.y) ctx.addIssue({ code: 'custom', path: [...path, 'x'], message: `x (${rule.x}) must not exceed y (${rule.y})` });
      if (rule.pick === 'all' && rule.x !== rule.y)
        ctx.addIssue({ code: 'custom', path: [...path, 'pick'], message: `pick 'all' needs x = y (got ${rule.x} of ${rule.y})` });
      if (rule.pick === 'middle' && (rule.y - rule.x) % 2 !== 0)
        ctx.addIssue({ code: 'custom', path: [...path, 'pick'], message: `pick 'middle' drops (y − x)/2 days at each end, so y − x must be even (got ${rule.x} of ${rule.y})` });
    }
    if (spec.lookbackDays < spec.y)
      ctx.addIssue({ code: 'custom', path: ['lookbackDays'], message: `lookbackDays (${spec.lookbackDays}) cannot hold y = ${spec.y} days` });
  });

export type XofYSpec = z.infer<typeof xOfYSpecSchema>;
export type SameDaySpec = z.infer<typeof sameDaySpecSchema>;
export type MatchDaySpec = z.infer<typeof matchDaySpecSchema>;
export type RegressionSpec = z.infer<typeof regressionSpecSchema>;
export type RollingSpec = z.infer<typeof rollingSpecSchema>;
export type BaselineMethodSpec = z.infer<typeof baselineMethodSpecSchema>;

export interface ParseBaselineMethodSpecParameters {
  /** Untrusted input (parsed YAML/JSON). */
  input: unknown;
  /** Where the input came from, for the error (e.g. `scenarios/x.yaml: program.baseline`). */
  where?: string;
}

/** Validates a method spec; throws `ScenarioError` naming every offending path and the fix. */
export function parseBaselineMethodSpec({ input, where }: ParseBaselineMethodSpecParameters): BaselineMethodSpec {
  const result = baselineMethodSpecSchema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
  throw new ScenarioError('Invalid baseline method spec', {
    details: `${where ? `${where}: ` : ''}${issues.join('; ')}`,
    hint: 'Use a preset name from BASELINE_METHODS (e.g. caiso-10-in-10) or fix the fields listed; see docs/baselines.md.',
  });
}
