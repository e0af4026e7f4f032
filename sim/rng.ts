import { createHash } from 'node:crypto';
import seedrandom from 'seedrandom';
import { UsageError } from './errors.ts';

const RNG_HINT = 'rng({ seed, kind, id }) needs a uint32 seed, a non-empty kind and a safe-integer or string id.';

export interface RngParameters {
  /** The scenario's root seed (uint32). */
  seed: number;
  /** What kind of agent owns the stream: 'consumer', 'meter', 'utility', 'oracle', 'event', … */
  kind: string;
  /** The agent's id within its kind (index or name). */
  id: number | string | bigint;
}

/** A seeded random stream. Every method advances the stream; the same calls give the same values. */
export interface Rng {
  /** The derived seed string (hex sha256 of seed, kind and id), for logs and debugging. */
  readonly key: string;
  /** Uniform in [min, max) (default [0, 1)), 53-bit resolution. */
  uniform(min?: number, max?: number): number;
  /** Normal with the given mean and standard deviation (Box-Muller; the second variate is kept for the next call). */
  normal(mean?: number, sd?: number): number;
  /** true with probability `p` (0 ≤ p ≤ 1). */
  bernoulli(p: number): boolean;
  /** Uniform integer in [min, max], both inclusive and safe integers. */
  integer(min: number, max: number): number;
}

/**
 * The random stream of one agent: `rng({ seed, kind, id })`. The stream's seed is the sha256 of
 * (scenario seed, agent kind, agent id), so streams are independent of each other and of how many
 * agents exist — adding a consumer never shifts another consumer's draws. Alea generator (seedrandom).
 */
export function rng({ seed, kind, id }: RngParameters): Rng {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
    throw new UsageError(`rng: seed must be a uint32, got ${String(seed)}`, { hint: RNG_HINT });
  }
  if (kind.length === 0) throw new UsageError('rng: kind must be a non-empty string', { hint: RNG_HINT });
  const idText = typeof id === 'string' ? `s:${id}` : `n:${id.toString()}`;
  if (typeof id === 'number' && !Number.isSafeInteger(id)) {
    throw new UsageError(`rng: a numeric id must be a safe integer, got ${String(id)}`, { hint: RNG_HINT });
  }
  // JSON array framing keeps ('a:b', 'c') and ('a', 'b:c') apart.
  const key = createHash('sha256').update(JSON.stringify(['peaklab.rng.v1', seed, kind, idText])).digest('hex');
  const prng = seedrandom.alea(key);
  let spare = Number.NaN;

  const uniform = (min = 0, max = 1): number => min + (max - min) * prng.double();
  return {
    key,
    uniform,
    normal(mean = 0, sd = 1) {
      if (!Number.isNaN(spare)) {
        const z = spare;
        spare = Number.NaN;
        return mean + sd * z;
      }
      const u1 = 1 - prng.double(); // (0, 1]: log(u1) is finite
      const u2 = prng.double();
      const r = Math.sqrt(-2 * Math.log(u1));
      spare = r * Math.sin(2 * Math.PI * u2);
      return mean + sd * r * Math.cos(2 * Math.PI * u2);
    },
    bernoulli(p) {
      if (!(p >= 0 && p <= 1)) throw new UsageError(`rng: bernoulli probability must be in [0, 1], got ${String(p)}`, { hint: RNG_HINT });
      return prng.double() < p;
    },
    integer(min, max) {
      if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min) {
        throw new UsageError(`rng: integer range must be safe integers with min ≤ max, got [${min}, ${max}]`, { hint: RNG_HINT });
      }
      return min + Math.floor(prng.double() * (max - min + 1));
    },
  };
}
