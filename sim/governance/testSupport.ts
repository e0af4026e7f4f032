/** Test support: a fresh anvil with the full system deployed, for governance tests (not part of the stage's API). */
import { parseEther } from 'viem';
import {
  type ChainNode,
  deploySystem,
  type DeploySystemResult,
  deriveAccount,
  fundAccounts,
  startAnvil,
  createTxEngine,
  type TxEngine,
} from '../chain/index.ts';
import { FEES, T0, testActors } from '../chain/testSupport.ts';

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
    const { deployer, actors } = testActors({ seed });
    await fundAccounts({ node, addresses: [deployer.address], balance: parseEther('100') });
    const engine = createTxEngine({ node, fees: FEES });
    const system = await deploySystem({ engine, deployer, actors, timestamp: T0 + 12n });
    return await body({ node, engine, system, deployer });
  } finally {
    await node.stop();
  }
}
