/** The largest kW LoadForecast (and a region threshold) stores: 21 bits. */
export const MAX_KW = (1 << 21) - 1;

/** A kW value as LoadForecast stores it: rounded, at least 1 (also for a missing forecast, NaN), at most MAX_KW. */
export function storableKw(kw: number): number {
  return Math.max(1, Math.min(MAX_KW, Math.round(kw) || 1));
}

/** LoadForecast's packing: 24 hourly kW values, 21 bits each, 12 per word. */
export function packHours(kw: readonly number[]): readonly [bigint, bigint] {
  const words = [0n, 0n];
  kw.forEach((v, h) => {
    words[Math.floor(h / 12)]! |= BigInt(v) << BigInt((h % 12) * 21);
  });
  return [words[0]!, words[1]!] as const;
}
