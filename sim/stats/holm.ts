export interface HolmParameters {
  /** p-values of the hypotheses tested together (null = not tested: never rejected, not counted in m). */
  pValues: readonly (number | null)[];
  /** Family-wise error rate (default 0.05). */
  alpha?: number;
}

export interface HolmResult {
  /** Holm-adjusted p-values, in input order (null where the input is null). */
  adjusted: (number | null)[];
  /** adjusted ≤ alpha. */
  rejected: boolean[];
}

/**
 * Holm's step-down correction: sort the m p-values ascending, adjusted p₍ᵢ₎ = max over j ≤ i of min(1, (m − j + 1) · p₍ⱼ₎).
 * Rejecting where adjusted ≤ alpha keeps the chance of any false "better"/"worse" among the m at most alpha.
 */
export function holm({ pValues, alpha = 0.05 }: HolmParameters): HolmResult {
  const tested = pValues.flatMap((p, i) => (p === null ? [] : [{ p, i }])).sort((a, b) => a.p - b.p || a.i - b.i);
  const m = tested.length;
  const adjusted: (number | null)[] = pValues.map(() => null);
  let running = 0;
  tested.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return { adjusted, rejected: adjusted.map((a) => a !== null && a <= alpha) };
}
