import { z } from 'zod';
import { decimalAmount, wholeNumber, whenValid } from './fields.ts';
import { tokenSymbol } from './tokens.ts';

/** The utilities that run events, and the regulators that approve them on-chain (UtilityRegistry). */
export const utilitiesSchema = z
  .strictObject({
    count: wholeNumber(1, 1000).default(1).describe('Number of utilities; consumers are split evenly between them.'),
    regulators: wholeNumber(1, 100).default(3).describe('Number of regulator accounts (REGULATOR_ROLE members).'),
    approvals: z
      .strictObject({
        required: wholeNumber(1, 100).default(2).describe('M: distinct regulator approvals a utility needs to become Active.'),
        of: wholeNumber(1, 100)
          .default(3)
          .describe('N: size of the regulator set that votes (M ≤ N ≤ regulators).'),
      })
      .prefault({})
      .describe('M-of-N regulator approval of a utility.'),
    bond: z
      .strictObject({
        token: tokenSymbol.default('pUSD').describe('Token the registration bond is paid in.'),
        amount: decimalAmount.default('10000').describe('Bond per utility, in whole tokens (decimal, e.g. 10000 or "2500.5").'),
      })
      .prefault({})
      .describe('Registration bond each utility posts.'),
  })
  .superRefine((utilities, ctx) => {
    const { required, of } = utilities.approvals;
    if (required > of) {
      ctx.addIssue({
        code: 'custom',
        path: ['approvals', 'required'],
        input: required,
        message: `expected at most approvals.of (${of}): M-of-N approval needs M ≤ N`,
      });
    }
  }, whenValid(['approvals']))
  .superRefine((utilities, ctx) => {
    const { of } = utilities.approvals;
    if (of > utilities.regulators) {
      ctx.addIssue({
        code: 'custom',
        path: ['approvals', 'of'],
        input: of,
        message: `expected at most regulators (${utilities.regulators}): the N voters are regulators`,
      });
    }
  }, whenValid(['approvals', 'of'], ['regulators']))
  .prefault({})
  .describe('Utilities and their on-chain registration.');

export type Utilities = z.output<typeof utilitiesSchema>;
