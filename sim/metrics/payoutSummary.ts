import type { ConsumerColumns } from '../engine/index.ts';
import { TOKEN_DECIMALS, TOKENS, type TokenSymbol } from '../scenario/index.ts';
import { fixed } from './fixed.ts';
import { gini } from './gini.ts';

export interface PayoutSummaryParameters {
  consumers: Pick<ConsumerColumns, 'token' | 'entitlement'>;
  /** Participants summed over events: the mean payout is per participant-event. */
  participants: number;
  /** USD per whole token. */
  tokenUsd: Readonly<Record<TokenSymbol, number>>;
}

export interface PayoutSummaryResult {
  /** Per token paid in: the entitlements' sum, in base units. */
  totalByToken: Record<string, string>;
  decimals: Record<string, number>;
  totalUsd: number;
  /** Per token paid in: the total over participant-events, in base units (integer division). */
  meanPerParticipant: Record<string, string>;
  /** Gini coefficient of the consumers' entitlements in USD; null when nobody is owed anything. */
  gini: number | null;
}

/** summary.json's payouts: the entitlements by token (only tokens some consumer is paid in), in USD and how evenly they spread. */
export function payoutSummary({ consumers, participants, tokenUsd }: PayoutSummaryParameters): PayoutSummaryResult {
  const n = consumers.token.length;
  const totalByToken: Record<string, string> = {};
  const decimals: Record<string, number> = {};
  const meanPerParticipant: Record<string, string> = {};
  let totalUsd = 0;
  for (const token of TOKENS) {
    if (!consumers.token.includes(token)) continue;
    let total = 0n;
    for (let i = 0; i < n; i++) if (consumers.token[i] === token) total += consumers.entitlement[i]!;
    totalByToken[token] = total.toString();
    decimals[token] = TOKEN_DECIMALS[token];
    meanPerParticipant[token] = participants > 0 ? (total / BigInt(participants)).toString() : '0';
    totalUsd += (Number(total) / 10 ** TOKEN_DECIMALS[token]) * tokenUsd[token];
  }
  const usdPerConsumer = Float64Array.from({ length: n }, (_, i) => (Number(consumers.entitlement[i]!) / 10 ** TOKEN_DECIMALS[consumers.token[i]!]) * tokenUsd[consumers.token[i]!]);
  const g = gini({ values: usdPerConsumer });
  return { totalByToken, decimals, totalUsd: fixed({ value: totalUsd, decimals: 2 }), meanPerParticipant, gini: g === null ? null : fixed({ value: g, decimals: 4 }) };
}
