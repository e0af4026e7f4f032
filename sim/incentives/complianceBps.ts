import { BPS, MAX_COMPLIANCE_BPS } from './payoutConstants.ts';
import { toUint, type UintInput } from './toUint.ts';

export interface ComplianceBpsParameters {
  /** Verified delivered reduction (Wh). */
  deliveredWh: UintInput;
  /** Committed reduction (Wh); 0 means nothing was committed, compliance 0. */
  committedWh: UintInput;
}

const SATURATION_QUOTIENT = MAX_COMPLIANCE_BPS / BPS;

/**
 * PayoutMath.complianceBps: deliveredWh × 10000 / committedWh rounded down, saturating at 2^64 bps
 * (0 when nothing was committed).
 */
export function complianceBps({ deliveredWh, committedWh }: ComplianceBpsParameters): bigint {
  const delivered = toUint({ value: deliveredWh, name: 'deliveredWh', bits: 256 });
  const committed = toUint({ value: committedWh, name: 'committedWh', bits: 256 });
  if (committed === 0n) return 0n;
  if (delivered / committed >= SATURATION_QUOTIENT) return MAX_COMPLIANCE_BPS;
  const compliance = (delivered * BPS) / committed;
  return compliance < MAX_COMPLIANCE_BPS ? compliance : MAX_COMPLIANCE_BPS;
}
