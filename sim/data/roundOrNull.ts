export interface RoundOrNullParameters {
  value: number | null | undefined;
  /** Decimals kept. */
  decimals: number;
}

/** A number rounded half up to `decimals` for a JSON result; null when there is no finite number (NaN, ±Infinity, missing). */
export function roundOrNull({ value, decimals }: RoundOrNullParameters): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
