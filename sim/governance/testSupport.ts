/** Test support: a fresh anvil with the full system deployed, for governance tests (not part of the stage's API). */
import { parseEther } from 'viem';
import {
  type ChainNode,
  deploySystem,
  type DeploySystemResult,
  deriveAccount,
  fundAccounts,
  startAnvil,
  type SystemActors,
  createTxEngine,
  type TxEngine,
} from '../chain/index.ts';

export const T0 = 1_750_000_000n;
const FEES = { maxFeePerGas: 20_000_000_000n, maxPriorityFeePerGas: 20_000_000_000n };

export interface GovernanceFixture {
  node: ChainNode;
  engine: TxEngine;
  system: DeploySystemResult;
  deployer: ReturnType<typeof deriveAccount>;
}

/** Starts anvil, deploys the system (deployer = minter), and hands the fixture to `body`; the node is stopped afterwards. */
export async function withDeployedSystem<T>(seed: number, body: (fixture: GovernanceFixture) => Promise<T>): Promise<T> {
  const node = await startAnvil({ hardfork: 'cancun', genesisTimestamp: T0 });
  try {
    const acct = (kind: string, id = 0) => deriveAccount({ seed, kind, id });
    const actors: SystemActors = {
      guardian: acct('guardian').address,
      oracle: acct('oracle').address,
      forecaster: acct('forecaster').address,
      kycProvider: acct('kyc').address,
      arbiter: acct('arbiter').address,
      regulators: [0, 1, 2].map((i) => acct('regulator', i).address),
    };
    const deployer = acct('deployer');
    await fundAccounts({ node, addresses: [deployer.address], balance: parseEther('100') });
    const engine = createTxEngine({ node, fees: FEES });
    const system = await deploySystem({ engine, deployer, actors, timestamp: T0 + 12n });
    return await body({ node, engine, system, deployer });
  } finally {
    await node.stop();
  }
}
