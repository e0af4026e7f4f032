export interface ClosestNameParameters {
  /** The name as written (compared case-insensitively). */
  name: string;
  /** The names allowed at that place. */
  allowed: readonly string[];
  /** A candidate is close enough when its edit distance is at most max(`minDistance`, ⌊its length / `lengthDivisor`⌋). */
  minDistance: number;
  lengthDivisor: number;
}

/** The allowed name closest to `name` by edit distance, when it is close enough to be a typo (for "did you mean"). */
export function closestName({ name, allowed, minDistance, lengthDivisor }: ClosestNameParameters): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of allowed) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(minDistance, Math.floor(best.length / lengthDivisor)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}
