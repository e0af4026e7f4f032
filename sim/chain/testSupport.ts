/** Test support (imported by tests only, not part of the public entry): the genesis time, fees and actors chain tests deploy with. */
import type { PrivateKeyAccount } from 'viem';
import type { SystemActors } from './systemActors.ts';
import { deriveAccount } from './deriveAccount.ts';

/** Genesis timestamp of the test chains. */
export const T0 = 1_750_000_000n;

/** EIP-1559 fees of the test transactions. */
export const FEES = { maxFeePerGas: 20_000_000_000n, maxPriorityFeePerGas: 20_000_000_000n };

export interface TestActorsResult {
  deployer: PrivateKeyAccount;
  utility: PrivateKeyAccount;
  /** The system roles (three regulators). */
  actors: SystemActors;
}

/** The deployer, one utility and the system roles, each `deriveAccount({ seed, kind, id })`. */
export function testActors({ seed }: { seed: number }): TestActorsResult {
  const acct = (kind: string, id = 0) => deriveAccount({ seed, kind, id });
  const actors: SystemActors = {
    guardian: acct('guardian').address,
    oracle: acct('oracle').address,
    forecaster: acct('forecaster').address,
    kycProvider: acct('kyc').address,
    arbiter: acct('arbiter').address,
    regulators: [0, 1, 2].map((i) => acct('regulator', i).address),
  };
  return { deployer: acct('deployer'), utility: acct('utility'), actors };
}
