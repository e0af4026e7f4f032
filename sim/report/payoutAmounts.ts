import { tokenAmountToNumber } from './formatTokenAmount.ts';
import type { RunDirectory } from './readRunDirectory.ts';

export interface PayoutAmountsResult {
  /** Token symbol → entitlement per consumer holding that token, in human units, in consumers.csv order. */
  byToken: Map<string, { consumerId: string; archetype: string; amount: number; participated: number }[]>;
}

/** Per-consumer payouts (consumers.csv `entitlement`) grouped by token, in human units, tokens sorted. */
export function payoutAmounts({ run }: { run: RunDirectory }): PayoutAmountsResult {
  const c = run.consumers;
  const byToken = new Map<string, { consumerId: string; archetype: string; amount: number; participated: number }[]>();
  const tokens = [...new Set(c.token)].filter((t) => t !== '').sort();
  for (const token of tokens) byToken.set(token, []);
  for (let i = 0; i < c.consumerId.length; i++) {
    const list = byToken.get(c.token[i]);
    if (list === undefined) continue;
    const decimals = run.summary.payouts.decimals[c.token[i]] ?? 0;
    list.push({ consumerId: c.consumerId[i], archetype: c.archetype[i], amount: tokenAmountToNumber({ amount: c.entitlement[i], decimals }), participated: c.participated[i] });
  }
  return { byToken };
}
