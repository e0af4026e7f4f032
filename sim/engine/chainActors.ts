import type { PrivateKeyAccount } from 'viem';
import { deriveAccount } from '../chain/index.ts';

/** Every account of a run (deterministic from the scenario seed). */
export interface ChainActors {
  deployer: PrivateKeyAccount;
  guardian: PrivateKeyAccount;
  oracle: PrivateKeyAccount;
  forecaster: PrivateKeyAccount;
  kycProvider: PrivateKeyAccount;
  arbiter: PrivateKeyAccount;
  relayer: PrivateKeyAccount;
  regulators: PrivateKeyAccount[];
  utilities: PrivateKeyAccount[];
  consumers: PrivateKeyAccount[];
}

export interface DeriveActorsParameters {
  seed: number;
  regulators: number;
  utilities: number;
  consumers: number;
}

/** The run's accounts: deriveAccount({ seed, kind, id }) per actor, so adding consumers changes no address. */
export function deriveActors({ seed, regulators, utilities, consumers }: DeriveActorsParameters): ChainActors {
  const one = (kind: string) => deriveAccount({ seed, kind, id: 0 });
  return {
    deployer: one('deployer'),
    guardian: one('guardian'),
    oracle: one('oracle'),
    forecaster: one('forecaster'),
    kycProvider: one('kyc-provider'),
    arbiter: one('arbiter'),
    relayer: one('relayer'),
    regulators: Array.from({ length: regulators }, (_, id) => deriveAccount({ seed, kind: 'regulator', id })),
    utilities: Array.from({ length: utilities }, (_, id) => deriveAccount({ seed, kind: 'utility', id })),
    consumers: Array.from({ length: consumers }, (_, id) => deriveAccount({ seed, kind: 'consumer', id })),
  };
}
