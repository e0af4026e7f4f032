/** The fixed world of the synthetic test run (writeTestRunDirectory): a July 2007 week in New York, two tokens. */
import { createHash } from 'node:crypto';

export const TIMEZONE = 'America/New_York';
/** Local midnight (EDT) of the first day. */
export const START_UTC = Date.parse('2007-07-01T04:00:00Z');
export const HOUR = 3_600_000;
/** Payout per Wh delivered, in base units, and the USD price of a whole token. */
export const TOKENS = { GRID: { decimals: 18, perWh: 500_000_000_000_000n, usd: 0.1 }, pUSD: { decimals: 6, perWh: 200n, usd: 1 } } as const;
export type TestToken = keyof typeof TOKENS;
/** Local hour events start. */
export const EVENT_START_HOUR = 14;
export const EVENT_HOURS = 4;
/** Hours after an event over which the rebound is spread. */
export const REBOUND_HOURS = 4;
export const GAS_PRICE_GWEI = 20;
export const ETH_USD = 3000;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
