import { z } from 'zod';

/** The payout tokens of the contracts (ERC20 symbols): GRID (18 decimals) and pUSD (test stablecoin, 6 decimals). */
export const TOKENS = ['GRID', 'pUSD'] as const;
export type TokenSymbol = (typeof TOKENS)[number];

/** Decimals of each token, as deployed (contracts/src/tokens). */
export const TOKEN_DECIMALS: Readonly<Record<TokenSymbol, number>> = { GRID: 18, pUSD: 6 };

/** One of the payout tokens. */
export const tokenSymbol = z.enum(TOKENS, { error: `expected a token symbol: ${TOKENS.join(' or ')}` });
