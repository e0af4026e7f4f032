import { z } from 'zod';
import { ARCHETYPE_DEFAULTS, ARCHETYPES, archetypeSchema, type ArchetypeName } from './archetypeSchema.ts';
import { wholeNumber } from './fields.ts';

/** Shares must sum to 1 within this tolerance (decimal shares such as 0.1 + 0.2 are not exact in binary). */
export const SHARE_TOLERANCE = 1e-9;

const archetypeShape = Object.fromEntries(ARCHETYPES.map((name) => [name, archetypeSchema(name).optional()])) as {
  [K in ArchetypeName]: z.ZodOptional<ReturnType<typeof archetypeSchema>>;
};

const defaultMix = Object.fromEntries(ARCHETYPES.map((name) => [name, { share: ARCHETYPE_DEFAULTS[name].share }]));

/** The simulated consumers: how many, and the archetype mix they are drawn from. */
export const populationSchema = z
  .strictObject({
    count: wholeNumber(1, 10_000_000).default(2000).describe('Number of simulated consumers (each with its own meter).'),
    archetypes: z
      .strictObject(archetypeShape)
      .superRefine((mix, ctx) => {
        const listed = ARCHETYPES.filter((name) => mix[name] !== undefined);
        if (listed.length === 0) {
          ctx.addIssue({ code: 'custom', path: [], input: mix, message: `expected at least one archetype of ${ARCHETYPES.join(', ')}` });
          return;
        }
        const sum = listed.reduce((total, name) => total + (mix[name]?.share ?? 0), 0);
        if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
          const terms = listed.map((name) => `${name} ${mix[name]?.share}`).join(' + ');
          ctx.addIssue({
            code: 'custom',
            path: [],
            input: mix,
            message: `expected the archetype shares to sum to 1, found ${Number(sum.toFixed(12))} (${terms})`,
          });
        }
      }, {
        // Still check the sum when other archetype fields are wrong, but not when a share itself is.
        when: (payload) => !payload.issues.some((issue) => (issue.path?.length ?? 0) <= 1 || issue.path?.[1] === 'share'),
      })
      .prefault(defaultMix)
      .describe(
        `Archetype mix: any of ${ARCHETYPES.join(', ')}, each with a share (shares sum to 1) and optional behaviour overrides. Default: ${ARCHETYPES.map((n) => `${n} ${ARCHETYPE_DEFAULTS[n].share}`).join(', ')}.`,
      ),
  })
  .prefault({})
  .describe('The simulated consumers.');

export type Population = z.output<typeof populationSchema>;
