import { z } from 'zod';
import { closestName } from '../scenario/index.ts';
import { findGovernanceParameter, GOVERNANCE_PARAMETERS, type ParameterKind } from './governanceParameters.ts';

const unitInterval = (what: string) =>
  z.number({ error: `expected ${what} in [0, 1]` }).min(0, { error: `expected ${what} in [0, 1]` }).max(1, { error: `expected ${what} in [0, 1]` });

/** The simulated governance-token holders and how they vote on this proposal (seeded by the scenario's seed). */
export const electorateSchema = z
  .strictObject({
    holders: z
      .number({ error: 'expected a whole number in [1, 1000]' })
      .int({ error: 'expected a whole number in [1, 1000]' })
      .min(1, { error: 'expected a whole number in [1, 1000]' })
      .max(1000, { error: 'expected a whole number in [1, 1000]' })
      .default(20)
      .describe('Number of token holders who delegate to themselves and may vote.'),
    supply: z
      .number({ error: 'expected a whole number of tokens in [1, 10^12]' })
      .int({ error: 'expected a whole number of tokens in [1, 10^12]' })
      .min(1, { error: 'expected a whole number of tokens in [1, 10^12]' })
      .max(1e12, { error: 'expected a whole number of tokens in [1, 10^12]' })
      .default(1_000_000)
      .describe('Governance tokens (whole PGOV) the holders own together.'),
    stakeSpread: z
      .number({ error: 'expected a number in [0, 5]' })
      .min(0, { error: 'expected a number in [0, 5]' })
      .max(5, { error: 'expected a number in [0, 5]' })
      .default(1)
      .describe('Standard deviation of the log of a holder’s stake (0 = equal stakes; 1 ≈ a few whales).'),
    turnout: unitInterval('a probability').default(0.7).describe('Probability that a holder votes.'),
    abstain: unitInterval('a probability').default(0.05).describe('Probability that a voting holder abstains.'),
    support: unitInterval('a probability').default(0.8).describe('Probability that a voting, non-abstaining holder votes for.'),
  })
  .prefault({})
  .describe('Simulated token holders and their votes.');

export type Electorate = z.output<typeof electorateSchema>;

/** One change as written: a parameter name and its (normalised) value. */
export interface ProposalChange {
  readonly parameter: string;
  readonly kind: ParameterKind;
  readonly value: unknown;
}

const changeSchema = z
  .strictObject({
    parameter: z.string({ error: 'expected a parameter name such as IncentiveDistributor.minComplianceBps' }),
    value: z.unknown(),
  })
  .transform((change, ctx): ProposalChange => {
    const spec = findGovernanceParameter(change.parameter);
    if (spec === undefined) {
      const suggestion = closestName({ name: change.parameter, allowed: GOVERNANCE_PARAMETERS.map((p) => p.name), minDistance: 3, lengthDivisor: 4 });
      ctx.addIssue({
        code: 'custom',
        path: ['parameter'],
        input: change.parameter,
        message: `expected a known parameter (docs/compare.md lists them), found unknown parameter ${JSON.stringify(change.parameter)}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
      });
      return z.NEVER;
    }
    if (change.value === undefined) {
      ctx.addIssue({ code: 'custom', path: ['value'], input: undefined, message: `missing required field (${spec.description})` });
      return z.NEVER;
    }
    const parsed = spec.schema.safeParse(change.value, { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ ...issue, path: ['value', ...issue.path] } as never);
      }
      return z.NEVER;
    }
    return { parameter: spec.name, kind: spec.kind, value: parsed.data };
  });

/** A governance proposal file (scenarios/proposal-*.yaml). */
export const proposalSchema = z
  .strictObject({
    title: z.string({ error: 'expected a one-line title' }).min(1, { error: 'expected a one-line title' }).regex(/^[^\n]+$/, { error: 'expected a one-line title' }),
    description: z.string({ error: 'expected text' }).default('').describe('What the proposal changes and why (part of the on-chain proposal description).'),
    changes: z.array(changeSchema, { error: 'expected a list of { parameter, value } changes' }).min(1, { error: 'expected at least one change, found none' }),
    electorate: electorateSchema,
  })
  .superRefine((proposal, ctx) => {
    const seen = new Map<string, number>();
    proposal.changes.forEach((change, i) => {
      const key =
        change.parameter === 'LoadForecast.thresholds' ? `${change.parameter}#${(change.value as { region: number }).region}` : change.parameter;
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['changes', i, 'parameter'], input: change.parameter, message: `expected each parameter once; changes[${first}] already sets ${key.replace('#', ' of region ')}` });
      } else seen.set(key, i);
    });
  });

export type ProposalInput = z.input<typeof proposalSchema>;
