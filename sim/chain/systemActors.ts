import type { Address } from 'viem';

/** Accounts that hold roles in the system (addresses; they sign their own transactions later). */
export interface SystemActors {
  guardian: Address;
  oracle: Address;
  forecaster: Address;
  kycProvider: Address;
  arbiter: Address;
  /** REGULATOR_ROLE members (N). */
  regulators: readonly Address[];
}
