import { type Amounts, ratio, sortedAmounts } from './amounts.ts';

export interface GiniParameters {
  /** One non-negative amount per member (zeros included); bigint token amounts are handled exactly. */
  values: Amounts;
}

/**
 * Gini coefficient: G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄), computed on the ascending order as
 * G = 2 Σ i·x₍ᵢ₎ / (n Σx) − (n + 1)/n (i from 1). 0 when everyone gets the same; (n − 1)/n when one member gets
 * everything. null for an empty population or a zero total (undefined).
 */
export function gini({ values }: GiniParameters): number | null {
  const amounts = sortedAmounts(values, 'values');
  const n = amounts.sorted.length;
  if (n === 0) return null;
  if (amounts.kind === 'bigint') {
    let total = 0n;
    let weighted = 0n;
    amounts.sorted.forEach((x, i) => {
      total += x;
      weighted += BigInt(i + 1) * x;
    });
    if (total === 0n) return null;
    const N = BigInt(n);
    return ratio(2n * weighted - (N + 1n) * total, N * total);
  }
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += amounts.sorted[i];
    weighted += (i + 1) * amounts.sorted[i];
  }
  if (total === 0) return null;
  return (2 * weighted - (n + 1) * total) / (n * total);
}
