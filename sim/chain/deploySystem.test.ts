import { type Address, encodeFunctionData, parseEther, zeroAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { ChainError } from '../errors.ts';
import { deploySystem, type DeploySystemResult } from './deploySystem.ts';
import { fundAccounts } from './fundAccounts.ts';
import { contractArtifacts, utilityRegistryAbi } from './generated/abis.ts';
import { startAnvil } from './startAnvil.ts';
import { defaultSystemSettings } from './systemSettings.ts';
import { FEES, T0, testActors } from './testSupport.ts';
import { createTxEngine, type TxEngine } from './txEngine.ts';
import { writeCall } from './writeCall.ts';

/** A fresh anvil, a full deployment on it, and the gas ledger rows; the node is stopped afterwards. */
const deployOnFreshChain = async <T>(
  seed: number,
  inspect: (deployment: DeploySystemResult, engine: TxEngine) => Promise<T>,
): Promise<{ deployment: DeploySystemResult; gas: string[]; result: T }> => {
  const node = await startAnvil({ hardfork: 'cancun', genesisTimestamp: T0 });
  try {
    const { deployer, utility, actors } = testActors({ seed: seed });
    await fundAccounts({ node, addresses: [deployer.address], balance: parseEther('100') });
    const engine = createTxEngine({ node, fees: FEES });
    const deployment = await deploySystem({
      engine,
      deployer,
      actors,
      timestamp: T0 + 12n,
      settings: { thresholds: [{ region: 1, stressKw: 1000, emergencyKw: 1500 }, { region: 2, stressKw: 500, emergencyKw: 900 }] },
      // a further governed parameter, set by the timelock in the same wiring batch
      governanceOps: (a) => [
        { target: a.utilityRegistry, data: encodeFunctionData({ abi: utilityRegistryAbi, functionName: 'setApprovalPeriod', args: [400n * 86_400n] }) },
      ],
      mints: [
        { token: 'GridToken', to: utility.address, amount: 5000n * 10n ** 18n },
        { token: 'StableToken', to: utility.address, amount: 10n ** 9n },
        { token: 'PeaklabGovToken', to: utility.address, amount: 10n ** 20n },
      ],
    });
    const gas = engine.ledger.entries().map((e) => `${e.block} ${e.index} ${e.contract}.${e.function} ${e.gasUsed} ${e.txHash}`);
    return { deployment, gas, result: await inspect(deployment, engine) };
  } finally {
    await node.stop();
  }
};

describe('deploySystem', () => {
  it('deploys the full system with every role wired by the timelock and the deployer gone', async () => {
    const { deployer, utility, actors } = testActors({ seed: 5 });
    await deployOnFreshChain(5, async ({ contracts: c, addresses: a, deployed, blocks, lastTimestamp }, engine) => {
      expect(blocks).toEqual([1n, 2n, 3n, 4n, 5n]);
      expect(lastTimestamp).toBe(T0 + 5n * 12n);
      const has = (contract: { read: { hasRole: (args: readonly [`0x${string}`, Address]) => Promise<boolean> } }, role: `0x${string}`, who: Address) =>
        contract.read.hasRole([role, who]);

      // Deployer._wireRoles, made by the timelock
      const reporter = await c.utilityRegistry.read.REPORTER_ROLE();
      const oracleRole = await c.reductionRequests.read.ORACLE_ROLE();
      expect(await has(c.utilityRegistry, reporter, a.reductionRequests)).toBe(true);
      expect(await has(c.consumerRegistry, reporter, a.reductionRequests)).toBe(true);
      expect(await has(c.consumerRegistry, await c.consumerRegistry.read.KYC_PROVIDER_ROLE(), actors.kycProvider)).toBe(true);
      expect(await has(c.reductionRequests, await c.reductionRequests.read.SETTLER_ROLE(), a.incentiveDistributor)).toBe(true);
      expect(await has(c.reductionRequests, oracleRole, actors.oracle)).toBe(true);
      expect(await c.reductionRequests.read.distributor()).toBe(a.incentiveDistributor);
      expect(await has(c.loadForecast, oracleRole, actors.oracle)).toBe(true);
      expect(await has(c.loadForecast, await c.loadForecast.read.FORECASTER_ROLE(), actors.forecaster)).toBe(true);
      expect(await has(c.incentiveDistributor, oracleRole, actors.oracle)).toBe(true);
      expect(await has(c.incentiveDistributor, await c.incentiveDistributor.read.ARBITER_ROLE(), actors.arbiter)).toBe(true);
      for (const regulator of actors.regulators) {
        expect(await has(c.utilityRegistry, await c.utilityRegistry.read.REGULATOR_ROLE(), regulator)).toBe(true);
      }
      // the timelock administers and governs every proxied contract; the guardian may pause
      for (const contract of [c.utilityRegistry, c.consumerRegistry, c.loadForecast, c.reductionRequests, c.incentiveDistributor]) {
        expect(await contract.read.timelock()).toBe(a.timelock);
        expect(await has(contract, await contract.read.DEFAULT_ADMIN_ROLE(), a.timelock)).toBe(true);
        expect(await has(contract, await contract.read.GOVERNANCE_ROLE(), a.timelock)).toBe(true);
        expect(await has(contract, await contract.read.GUARDIAN_ROLE(), actors.guardian)).toBe(true);
        expect(await has(contract, await contract.read.DEFAULT_ADMIN_ROLE(), deployer.address)).toBe(false);
      }
      // governance: governor proposes and cancels, anyone executes, the real delay, deployer renounced everything
      const t = c.timelock;
      expect(await has(t, await t.read.PROPOSER_ROLE(), a.governor)).toBe(true);
      expect(await has(t, await t.read.CANCELLER_ROLE(), a.governor)).toBe(true);
      expect(await has(t, await t.read.EXECUTOR_ROLE(), zeroAddress)).toBe(true);
      for (const role of [await t.read.PROPOSER_ROLE(), await t.read.CANCELLER_ROLE(), await t.read.DEFAULT_ADMIN_ROLE()]) {
        expect(await has(t, role, deployer.address)).toBe(false);
      }
      expect(await has(t, await t.read.DEFAULT_ADMIN_ROLE(), a.timelock)).toBe(true);
      expect(await t.read.getMinDelay()).toBe(defaultSystemSettings.timelockMinDelay);
      expect(await c.governor.read.timelock()).toBe(a.timelock);
      expect(await c.governor.read.token()).toBe(a.govToken);
      expect(await c.governor.read.votingPeriod()).toBe(BigInt(defaultSystemSettings.votingPeriod));
      // tokens: timelock is admin, the deployer (minter) keeps MINTER_ROLE as in Deployer.sol; initial mints
      for (const token of [c.gridToken, c.stableToken, c.govToken]) {
        expect(await has(token, await token.read.DEFAULT_ADMIN_ROLE(), a.timelock)).toBe(true);
        expect(await has(token, await token.read.MINTER_ROLE(), deployer.address)).toBe(true);
      }
      expect(await c.gridToken.read.balanceOf([utility.address])).toBe(5000n * 10n ** 18n);
      expect(await c.stableToken.read.balanceOf([utility.address])).toBe(10n ** 9n);
      // parameters reached the contracts
      expect((await c.utilityRegistry.read.config()).minBond).toBe(defaultSystemSettings.minBond);
      expect((await c.utilityRegistry.read.config()).approvalPeriod).toBe(400n * 86_400n); // governanceOps
      expect(await c.incentiveDistributor.read.isAcceptedToken([a.stableToken])).toBe(true);

      // manifest: proxies are ERC1967Proxy code, implementations their artifact (immutables aside)
      expect(deployed).toHaveLength(15);
      const proxy = deployed.find((d) => d.name === 'UtilityRegistry');
      expect(proxy).toMatchObject({ artifact: 'ERC1967Proxy', address: a.utilityRegistry });
      expect(proxy?.codeSha256).toBe(contractArtifacts.ERC1967Proxy.deployedBytecodeSha256);
      const grid = deployed.find((d) => d.name === 'GridToken');
      expect(grid?.codeSha256).toBe(contractArtifacts.GridToken.deployedBytecodeSha256);

      // the gas ledger names every deployment step from calldata alone
      const keys = engine.ledger.summary().byFunction.map((t) => `${t.key}:${t.calls}`);
      expect(keys).toEqual(
        expect.arrayContaining([
          'ERC1967Proxy.constructor:5',
          'TimelockController.scheduleBatch:1',
          'TimelockController.executeBatch:1',
          'TimelockController.renounceRole:3',
          'GridToken.mint:1',
        ]),
      );

      // and governance really owns the parameters now: the deployer cannot change them
      const error = (await engine
        .execute({
          calls: [writeCall({ account: deployer, contract: c.utilityRegistry, functionName: 'setMinBond', args: [1n], gas: 200_000n })],
          timestamp: lastTimestamp + 12n,
        })
        .catch((e: unknown) => e)) as ChainError;
      expect(error).toBeInstanceOf(ChainError);
      expect(error.shortMessage).toMatch(/UtilityRegistry\.setMinBond reverted: reverted with AccessControlUnauthorizedAccount/);
    });
  });

  it('is deterministic: same seed ⇒ same addresses, same transactions and same gas', async () => {
    const first = await deployOnFreshChain(9, async () => undefined);
    const second = await deployOnFreshChain(9, async () => undefined);
    expect(second.deployment.addresses).toEqual(first.deployment.addresses);
    expect(second.deployment.deployed).toEqual(first.deployment.deployed);
    expect(second.gas).toEqual(first.gas);
    expect(first.gas.length).toBeGreaterThan(20);
    const other = await deployOnFreshChain(10, async () => undefined);
    expect(other.deployment.addresses.utilityRegistry).not.toBe(first.deployment.addresses.utilityRegistry);
  });

  it('rejects an M-of-N that cannot be met', async () => {
    const node = await startAnvil({ hardfork: 'cancun' });
    try {
      const { deployer, actors } = testActors({ seed: 5 });
      const engine = createTxEngine({ node, fees: FEES });
      await expect(
        deploySystem({ engine, deployer, actors, settings: { requiredApprovals: 4 }, timestamp: T0 }),
      ).rejects.toThrow(/requiredApprovals \(4\) must be between 1 and the number of regulators \(3\)/);
    } finally {
      await node.stop();
    }
  });
});
