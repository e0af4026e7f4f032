import { UsageError } from '../errors.ts';

/**
 * The seeds of a multi-seed comparison: the scenario's seed and the next `count − 1` integers (wrapping at 2³²), so
 * seed 1 of the list is exactly `peaklab run` and adding seeds never changes the earlier ones.
 */
export function seedList({ seed, count }: { seed: number; count: number }): number[] {
  if (!Number.isInteger(count) || count < 1) throw new UsageError(`--seeds must be a whole number ≥ 1, got ${count}`, { hint: 'e.g. --seeds 10 (3 or more for an interval).' });
  return Array.from({ length: count }, (_, i) => (seed + i) % 2 ** 32);
}
