/**
 * Counter-based random numbers: a pure function of (key, a, b). A consumer's per-day noise and a meter's
 * per-day faults are drawn as `counterUniform(key, day, k)` with `key` drawn once from the agent's own
 * seeded stream (`rng({ seed, kind, id })`), so any day can be generated alone, in any order, and no
 * agent's values depend on another's. Mixing: the murmur3 32-bit finaliser applied in a chain.
 */

const fmix32 = (x: number): number => {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85eb_ca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2_ae35);
  h ^= h >>> 16;
  return h >>> 0;
};

const TWO_POW_26 = 67_108_864;
const TWO_POW_53 = 9_007_199_254_740_992;

/** Uniform in [0, 1) with 53-bit resolution, a pure function of three integers (key: uint32; a, b: int32 range). */
export function counterUniform(key: number, a: number, b: number): number {
  let h = fmix32(key ^ 0x243f_6a88);
  h = fmix32(h ^ Math.imul(a | 0, 0x9e37_79b1));
  h = fmix32(h ^ Math.imul((b | 0) + 0x632b_e5ab, 0x85eb_ca77));
  const hi = h >>> 5; // 27 bits
  const lo = fmix32(h ^ 0x5bd1_e995) >>> 6; // 26 bits
  return (hi * TWO_POW_26 + lo) / TWO_POW_53;
}

/** Standard normal from the uniforms at counters (2b, 2b + 1) (Box-Muller, cosine branch). */
export function counterNormal(key: number, a: number, b: number): number {
  const u1 = 1 - counterUniform(key, a, 2 * b); // (0, 1]
  const u2 = counterUniform(key, a, 2 * b + 1);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * Two independent standard normals from the uniforms at counters (b, b + 1) (Box-Muller, both branches),
 * written to out[at] and out[at + 1].
 */
export function counterNormalPair(key: number, a: number, b: number, out: Float64Array, at: number): void {
  const r = Math.sqrt(-2 * Math.log(1 - counterUniform(key, a, b)));
  const theta = 2 * Math.PI * counterUniform(key, a, b + 1);
  out[at] = r * Math.cos(theta);
  out[at + 1] = r * Math.sin(theta);
}
