/** LoadForecast's packing: 24 hourly kW values, 21 bits each, 12 per word. */
export function packHours(kw: readonly number[]): readonly [bigint, bigint] {
  const words = [0n, 0n];
  kw.forEach((v, h) => {
    words[Math.floor(h / 12)]! |= BigInt(v) << BigInt((h % 12) * 21);
  });
  return [words[0]!, words[1]!] as const;
}
