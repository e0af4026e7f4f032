import { z } from 'zod';
import { nonNegativeNumber, positiveNumber, whenValid } from './fields.ts';
import { TOKENS } from './tokens.ts';

/** Hardforks anvil can run. */
export const HARDFORKS = ['shanghai', 'cancun', 'prague'] as const;

/** The chain the contracts run on, and the prices that turn gas into money. */
export const chainSchema = z
  .strictObject({
    mode: z
      .enum(['embedded', 'rpc'], { error: 'expected "embedded" or "rpc"' })
      .default('embedded')
      .describe('"embedded": a local anvil started and stopped by the run; "rpc": an existing node at `rpcUrl`.'),
    rpcUrl: z
      .url({ protocol: /^(https?|wss?)$/, error: 'expected an http(s) or ws(s) URL' })
      .optional()
      .describe('JSON-RPC endpoint; required when mode is "rpc".'),
    hardfork: z.enum(HARDFORKS, { error: `expected one of ${HARDFORKS.join(', ')}` }).default('cancun').describe('EVM hardfork.'),
    gasPriceGwei: nonNegativeNumber.default(20).describe('Gas price in gwei used for costs (the embedded chain charges it too).'),
    ethUsd: positiveNumber.default(3000).describe('USD per ETH, to express gas in USD.'),
    tokenUsd: z
      .strictObject(
        Object.fromEntries(TOKENS.map((token) => [token, positiveNumber.default(token === 'pUSD' ? 1 : 0.1).describe(`USD per ${token}.`)])) as {
          [K in (typeof TOKENS)[number]]: z.ZodDefault<typeof positiveNumber>;
        },
      )
      .prefault({})
      .describe('USD value of each payout token.'),
    blockTimeSeconds: positiveNumber.default(12).describe('Seconds between blocks; block timestamps follow the simulation clock.'),
  })
  .superRefine((chain, ctx) => {
    if (chain.mode === 'rpc' && chain.rpcUrl === undefined) {
      ctx.addIssue({ code: 'custom', path: ['rpcUrl'], input: undefined, message: 'expected an rpcUrl when mode is "rpc"' });
    }
  }, whenValid(['mode'], ['rpcUrl']))
  .prefault({})
  .describe('Chain settings.');

export type ChainSettings = z.output<typeof chainSchema>;
