import { z } from 'zod';

const nonNegative = (what: string) => z.number({ error: `expected ${what} (a number ≥ 0)` }).nonnegative({ error: `expected ${what} (a number ≥ 0)` });

/** How far a metric may move from its golden value: absolute (in the metric's unit) and/or relative (0.02 = 2 %). */
export const toleranceSchema = z
  .strictObject({
    abs: nonNegative('an absolute tolerance in the metric’s unit').optional(),
    rel: nonNegative('a relative tolerance (0.02 = 2 %)').optional(),
  })
  .refine((t) => t.abs !== undefined || t.rel !== undefined, { error: 'expected abs and/or rel' });

export type Tolerance = z.output<typeof toleranceSchema>;

/** A golden file (reports/golden/<scenario-name>.json): the economic outcomes of a scenario run and their tolerances. */
export const goldenSchema = z.strictObject({
  schema: z.literal('peaklab/golden@1', { error: 'expected "peaklab/golden@1"' }),
  scenario: z.string({ error: 'expected the scenario name' }).min(1, { error: 'expected the scenario name' }),
  seed: z.number({ error: 'expected the seed (a whole number)' }).int({ error: 'expected the seed (a whole number)' }),
  metrics: z.record(
    z.string(),
    z.strictObject({
      value: z.number({ error: 'expected the metric’s golden value (a number)' }).nullable(),
      unit: z.string().optional(),
      tolerance: toleranceSchema,
    }),
    { error: 'expected a mapping of metric id → { value, tolerance }' },
  ),
});

export type Golden = z.output<typeof goldenSchema>;
export type GoldenMetric = Golden['metrics'][string];
