import { z } from 'zod';
import { nonNegativeNumber, positiveNumber, whenValid } from './fields.ts';
import { TOKENS } from './tokens.ts';

/** Hardforks anvil can run. */
export const HARDFORKS = ['shanghai', 'cancun', 'prague'] as const;

/**
 * An OP Stack L2 (Ecotone fee rules) the same transactions could run on: execution gas × `gasPriceGwei` plus an
 * L1 data fee on each signed transaction, (4 × zero bytes + 16 × other bytes) × (16 × baseFeeScalar × l1BaseFee +
 * blobBaseFeeScalar × l1BlobBaseFee) / 16e6 (op-alloy-protocol `calculate_tx_l1_cost_ecotone`).
 */
const l2Schema = z
  .strictObject({
    gasPriceGwei: nonNegativeNumber
      .default(0.05)
      .describe(
        'L2 execution gas price (gwei, base + priority fee). Default 0.05: the base fee of the worked example in OP Mainnet\'s ' +
          '"Estimating transaction fees" guide, with no priority fee (optional there).',
      ),
    l1BaseFeeGwei: nonNegativeNumber.optional().describe('L1 base fee the L1 data fee is charged at (gwei); default: chain.gasPriceGwei, the L1 model\'s price.'),
    l1BlobBaseFeeGwei: nonNegativeNumber
      .default(1e-9)
      .describe('L1 blob base fee (gwei). Default 1 wei (1e-9 gwei), EIP-4844\'s MIN_BASE_FEE_PER_BLOB_GAS: blob space when it is not congested.'),
    baseFeeScalar: nonNegativeNumber.default(1368).describe('Ecotone baseFeeScalar (scaled by 1e6). Default 1368: OP Mainnet\'s value since Ecotone.'),
    blobBaseFeeScalar: nonNegativeNumber.default(810949).describe('Ecotone blobBaseFeeScalar (scaled by 1e6). Default 810949: OP Mainnet\'s value since Ecotone.'),
  })
  .prefault({})
  .describe('The L2 fee model of gas.feeModels (OP Stack Ecotone): execution gas plus an L1 data fee for the signed transaction bytes.');

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
    l2: l2Schema,
  })
  .superRefine((chain, ctx) => {
    if (chain.mode === 'rpc' && chain.rpcUrl === undefined) {
      ctx.addIssue({ code: 'custom', path: ['rpcUrl'], input: undefined, message: 'expected an rpcUrl when mode is "rpc"' });
    }
  }, whenValid(['mode'], ['rpcUrl']))
  .prefault({})
  .describe('Chain settings.');

export type ChainSettings = z.output<typeof chainSchema>;
