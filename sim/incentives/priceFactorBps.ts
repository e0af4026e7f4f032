import { PayoutRuleError } from '../errors.ts';
import { toUint, type UintInput } from './toUint.ts';

/** A price-factor curve as IncentiveDistributor.priceCurve() returns it: x strictly increasing, y the factor (bps) at each x. */
export interface PriceCurve {
  /** Stress breakpoints (bps). */
  x: readonly UintInput[];
  /** Price factor at each breakpoint (bps). */
  y: readonly UintInput[];
}

export interface ValidateBreakpointsParameters {
  breakpoints: PriceCurve;
}

export interface ValidateBreakpointsResult {
  x: bigint[];
  y: bigint[];
}

/** PayoutMath.validateBreakpoints: non-empty, equal lengths, x strictly increasing (throws PayoutRuleError otherwise). */
export function validateBreakpoints({ breakpoints }: ValidateBreakpointsParameters): ValidateBreakpointsResult {
  const x = breakpoints.x.map((value, i) => toUint({ value, name: `breakpoints.x[${i}]`, bits: 256 }));
  const y = breakpoints.y.map((value, i) => toUint({ value, name: `breakpoints.y[${i}]`, bits: 256 }));
  const hint = 'A price curve needs at least one breakpoint, as many y as x, and strictly increasing x.';
  if (x.length === 0) throw new PayoutRuleError('NoBreakpoints(): the price-factor curve has no breakpoints', { hint });
  if (x.length !== y.length) {
    throw new PayoutRuleError(`BreakpointsLengthMismatch(${x.length}, ${y.length})`, { hint });
  }
  for (let i = 1; i < x.length; i++) {
    if (x[i] <= x[i - 1]) {
      throw new PayoutRuleError(`BreakpointsNotIncreasing(${i}, ${x[i - 1]}, ${x[i]})`, { hint });
    }
  }
  return { x, y };
}

export interface PriceFactorBpsParameters {
  /** Forecast stress (bps, 10000 = at the region's stress threshold). */
  stressBps: UintInput;
  breakpoints: PriceCurve;
}

/**
 * PayoutMath.priceFactorBps: piecewise-linear through the breakpoints, y[0] at or below x[0], y[n−1] at or
 * above x[n−1]. Each segment is rounded down: rising y[i] + floor(d·t/dx), falling y[i] − ceil(d·t/dx).
 */
export function priceFactorBps({ stressBps, breakpoints }: PriceFactorBpsParameters): bigint {
  const { x, y } = validateBreakpoints({ breakpoints });
  const stress = toUint({ value: stressBps, name: 'stressBps', bits: 256 });
  const n = x.length;
  if (stress <= x[0]) return y[0];
  if (stress >= x[n - 1]) return y[n - 1];
  let i = 0;
  while (stress >= x[i + 1]) i++;
  const dx = x[i + 1] - x[i];
  const t = stress - x[i];
  if (y[i + 1] >= y[i]) return y[i] + ((y[i + 1] - y[i]) * t) / dx;
  const d = y[i] - y[i + 1];
  return y[i] - (d * t + dx - 1n) / dx;
}
