import { createHash } from 'node:crypto';
import { type Address, encodeFunctionData, getContract, type Hex, type LocalAccount, zeroAddress, zeroHash } from 'viem';
import { ChainError } from '../errors.ts';
import { deployCall } from './deployCall.ts';
import {
  consumerRegistryAbi,
  contractArtifacts,
  type ContractName,
  gridTokenAbi,
  incentiveDistributorAbi,
  loadForecastAbi,
  peaklabGovernorAbi,
  peaklabGovTokenAbi,
  reductionRequestsAbi,
  stableTokenAbi,
  timelockControllerAbi,
  utilityRegistryAbi,
} from './generated/abis.ts';
import type { PreparedTx } from './preparedTx.ts';
import type { TxEngine } from './txEngine.ts';
import { type Call, writeCall } from './writeCall.ts';

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

/** Governed parameters at deployment (names follow Deployer.sol's SystemConfig). */
export interface SystemSettings {
  requiredApprovals: number;
  /** UtilityRegistry compliance flags bitmask. */
  requiredFlags: bigint;
  /** Minimum utility bond in GridToken base units. */
  minBond: bigint;
  approvalPeriod: bigint;
  renewalReputationThresholdBps: number;
  reputationAlphaBps: number;
  initialReputationBps: number;
  revokeSlashBps: number;
  bondUnlockDelay: bigint;
  /** The timelock's delay once the deployment is done (seconds). */
  timelockMinDelay: bigint;
  votingDelay: number;
  votingPeriod: number;
  proposalThreshold: bigint;
  quorumPercent: bigint;
  forecastAlphaBps: number;
  forecastLeadSeconds: number;
  reliabilityAlphaBps: number;
  initialReliabilityBps: number;
  disputeWindow: bigint;
  /** Regions whose stress / emergency thresholds (kW) are set. */
  thresholds: readonly { region: number; stressKw: number; emergencyKw: number }[];
}

const DAY = 86_400n;

/** The defaults of Deployer.sol's `defaultConfig()` (2-of-N approvals, licence + insurance flags, 2-day timelock). */
export const defaultSystemSettings: SystemSettings = {
  requiredApprovals: 2,
  requiredFlags: (1n << 0n) | (1n << 1n),
  minBond: 1000n * 10n ** 18n,
  approvalPeriod: 365n * DAY,
  renewalReputationThresholdBps: 8000,
  reputationAlphaBps: 2000,
  initialReputationBps: 5000,
  revokeSlashBps: 5000,
  bondUnlockDelay: 30n * DAY,
  timelockMinDelay: 2n * DAY,
  votingDelay: Number(DAY),
  votingPeriod: Number(5n * DAY),
  proposalThreshold: 10n ** 18n,
  quorumPercent: 4n,
  forecastAlphaBps: 2000,
  forecastLeadSeconds: 0,
  reliabilityAlphaBps: 2000,
  initialReliabilityBps: 5000,
  disputeWindow: 2n * DAY,
  thresholds: [{ region: 1, stressKw: 1000, emergencyKw: 1500 }],
};

/** A token mint made by the minter at the end of the deployment. */
export interface TokenMint {
  token: 'GridToken' | 'StableToken' | 'PeaklabGovToken';
  to: Address;
  amount: bigint;
}

export interface DeploySystemParameters {
  engine: TxEngine;
  /** Signs every deployment transaction; temporary proposer and admin of the timelock, renounced at the end. */
  deployer: LocalAccount;
  /** Keeps MINTER_ROLE on the three tokens (the simulation's treasury; Deployer.sol's fixture). Default: deployer. */
  minter?: LocalAccount;
  actors: SystemActors;
  settings?: Partial<SystemSettings>;
  /** Initial token balances, minted in the last deployment block. */
  mints?: readonly TokenMint[];
  /** Timestamp of the first deployment block (from the simulation clock). */
  timestamp: bigint;
  /** Seconds between the deployment's blocks (default 12). */
  blockTimeSeconds?: bigint;
  /** Further governed calls (e.g. tiers, payout rule, bond token) added to the timelock's wiring batch, so they
   *  are made by the timelock like every other parameter; built from the addresses the deployment will have. */
  governanceOps?: (addresses: SystemAddresses) => readonly { target: Address; data: Hex }[];
}

/** One deployed contract, for the run manifest. */
export interface DeployedContract {
  /** `UtilityRegistry` (the proxy), `UtilityRegistry.implementation`, `GridToken`, … */
  name: string;
  artifact: ContractName;
  address: Address;
  /** sha256 of the artifact's deployed bytecode (sim/chain/generated/abis.ts). */
  bytecodeSha256: string;
  /** sha256 of the code actually at `address` (immutables filled in). */
  codeSha256: string;
}

export interface SystemAddresses {
  utilityRegistry: Address;
  consumerRegistry: Address;
  loadForecast: Address;
  reductionRequests: Address;
  incentiveDistributor: Address;
  gridToken: Address;
  stableToken: Address;
  govToken: Address;
  timelock: Address;
  governor: Address;
}

const PROXIED = ['UtilityRegistry', 'ConsumerRegistry', 'LoadForecast', 'ReductionRequests', 'IncentiveDistributor'] as const;

const contractsOf = (addresses: SystemAddresses, client: TxEngine['client']) => ({
  utilityRegistry: getContract({ address: addresses.utilityRegistry, abi: utilityRegistryAbi, client }),
  consumerRegistry: getContract({ address: addresses.consumerRegistry, abi: consumerRegistryAbi, client }),
  loadForecast: getContract({ address: addresses.loadForecast, abi: loadForecastAbi, client }),
  reductionRequests: getContract({ address: addresses.reductionRequests, abi: reductionRequestsAbi, client }),
  incentiveDistributor: getContract({ address: addresses.incentiveDistributor, abi: incentiveDistributorAbi, client }),
  gridToken: getContract({ address: addresses.gridToken, abi: gridTokenAbi, client }),
  stableToken: getContract({ address: addresses.stableToken, abi: stableTokenAbi, client }),
  govToken: getContract({ address: addresses.govToken, abi: peaklabGovTokenAbi, client }),
  timelock: getContract({ address: addresses.timelock, abi: timelockControllerAbi, client }),
  governor: getContract({ address: addresses.governor, abi: peaklabGovernorAbi, client }),
});

/** Typed viem contract handles (reads; writes go through the engine with `writeCall({ contract: handle, … })`). */
export type SystemContracts = ReturnType<typeof contractsOf>;

export interface DeploySystemResult {
  addresses: SystemAddresses;
  contracts: SystemContracts;
  /** Every deployed contract (proxies and their implementations), in deployment order. */
  deployed: DeployedContract[];
  settings: SystemSettings;
  /** Blocks the deployment mined, and the timestamp of the last one. */
  blocks: bigint[];
  lastTimestamp: bigint;
}

/**
 * Deploys and wires the full system the way contracts/test/utils/Deployer.sol does, with real signed
 * transactions (no impersonation) in five blocks:
 * 1. TimelockController(delay 0, proposer = deployer, executor = anyone, admin = deployer), the three tokens
 *    (admin = timelock, minter = `minter`) and the five implementations;
 * 2. the governor and the five ERC1967Proxy (each calling `initialize`); the deployer, as timelock admin, makes
 *    the governor proposer and canceller;
 * 3. the deployer schedules one timelock batch with every role grant and parameter of Deployer._wireRoles plus
 *    `updateDelay(timelockMinDelay)`;
 * 4. anyone (the deployer) executes it — so every grant is made by the timelock itself;
 * 5. the deployer renounces its timelock proposer, canceller and admin roles; initial mints.
 * Same actors, settings, deployer and chain ⇒ same addresses and same gas.
 */
export async function deploySystem({
  engine,
  deployer,
  minter = deployer,
  actors,
  settings: overrides = {},
  mints = [],
  timestamp,
  blockTimeSeconds = 12n,
  governanceOps,
}: DeploySystemParameters): Promise<DeploySystemResult> {
  const settings: SystemSettings = { ...defaultSystemSettings, ...overrides };
  if (settings.requiredApprovals < 1 || settings.requiredApprovals > actors.regulators.length) {
    throw new ChainError(
      `deploySystem: requiredApprovals (${settings.requiredApprovals}) must be between 1 and the number of regulators (${actors.regulators.length})`,
      { hint: 'M-of-N approval needs 1 ≤ M ≤ N.' },
    );
  }
  const blocks: bigint[] = [];
  let now = timestamp;
  const deployed: { name: string; artifact: ContractName; address: Address }[] = [];

  // prepares calls one by one so later calls can use the addresses earlier deployments will get
  const staged: PreparedTx[] = [];
  const stage = async (call: Call): Promise<PreparedTx> => {
    const { txs } = await engine.prepare({ calls: [call] });
    staged.push(txs[0]);
    return txs[0];
  };
  const deploy = async (artifact: ContractName, name: string, call: Call): Promise<Address> => {
    const tx = await stage(call);
    const address = tx.contractAddress as Address;
    deployed.push({ name, artifact, address });
    return address;
  };
  const mineStaged = async (): Promise<void> => {
    const txs = staged.splice(0);
    await engine.send({ txs });
    const wanted = new Set(txs.map((tx) => tx.hash));
    const mined = await engine.mine({ timestamp: now });
    blocks.push(mined.block);
    for (const result of mined.results) {
      if (result.error) throw result.error;
      wanted.delete(result.tx.hash);
    }
    if (wanted.size > 0) {
      throw new ChainError(`deploySystem: ${wanted.size} deployment transactions did not fit into block ${mined.block}`, {
        hint: 'Raise the block gas limit of the node (startAnvil blockGasLimit).',
      });
    }
    now += blockTimeSeconds;
  };

  // ---- block 1: timelock, tokens, implementations
  const timelock = await deploy(
    'TimelockController',
    'TimelockController',
    deployCall({ account: deployer, contract: 'TimelockController', args: [0n, [deployer.address], [zeroAddress], deployer.address] }),
  );
  const gridToken = await deploy('GridToken', 'GridToken', deployCall({ account: deployer, contract: 'GridToken', args: [timelock, minter.address] }));
  const stableToken = await deploy('StableToken', 'StableToken', deployCall({ account: deployer, contract: 'StableToken', args: [timelock, minter.address] }));
  const govToken = await deploy(
    'PeaklabGovToken',
    'PeaklabGovToken',
    deployCall({ account: deployer, contract: 'PeaklabGovToken', args: [timelock, minter.address] }),
  );
  const implementations = {} as Record<(typeof PROXIED)[number], Address>;
  for (const name of PROXIED) {
    implementations[name] = await deploy(name, `${name}.implementation`, deployCall({ account: deployer, contract: name, args: [] } as never));
  }
  await mineStaged();

  // ---- block 2: governor, proxies (initialize), governor as proposer/canceller
  const governor = await deploy(
    'PeaklabGovernor',
    'PeaklabGovernor',
    deployCall({
      account: deployer,
      contract: 'PeaklabGovernor',
      args: [govToken, timelock, settings.votingDelay, settings.votingPeriod, settings.proposalThreshold, settings.quorumPercent],
    }),
  );
  const proxy = (name: (typeof PROXIED)[number], init: Hex): Promise<Address> =>
    deploy('ERC1967Proxy', name, deployCall({ account: deployer, contract: 'ERC1967Proxy', args: [implementations[name], init] }));
  const utilityRegistry = await proxy(
    'UtilityRegistry',
    encodeFunctionData({
      abi: utilityRegistryAbi,
      functionName: 'initialize',
      args: [
        timelock,
        actors.guardian,
        actors.regulators,
        {
          bondToken: gridToken,
          requiredApprovals: settings.requiredApprovals,
          renewalReputationThresholdBps: settings.renewalReputationThresholdBps,
          reputationAlphaBps: settings.reputationAlphaBps,
          initialReputationBps: settings.initialReputationBps,
          revokeSlashBps: settings.revokeSlashBps,
          treasury: timelock,
          approvalPeriod: settings.approvalPeriod,
          minBond: settings.minBond,
          requiredFlags: settings.requiredFlags,
          bondUnlockDelay: settings.bondUnlockDelay,
        },
      ],
    }),
  );
  const consumerRegistry = await proxy(
    'ConsumerRegistry',
    encodeFunctionData({
      abi: consumerRegistryAbi,
      functionName: 'initialize',
      args: [timelock, actors.guardian, utilityRegistry, settings.reliabilityAlphaBps, settings.initialReliabilityBps],
    }),
  );
  const loadForecast = await proxy(
    'LoadForecast',
    encodeFunctionData({
      abi: loadForecastAbi,
      functionName: 'initialize',
      args: [timelock, actors.guardian, settings.forecastAlphaBps, settings.forecastLeadSeconds],
    }),
  );
  const reductionRequests = await proxy(
    'ReductionRequests',
    encodeFunctionData({
      abi: reductionRequestsAbi,
      functionName: 'initialize',
      args: [timelock, actors.guardian, utilityRegistry, consumerRegistry, loadForecast],
    }),
  );
  const incentiveDistributor = await proxy(
    'IncentiveDistributor',
    encodeFunctionData({
      abi: incentiveDistributorAbi,
      functionName: 'initialize',
      args: [timelock, actors.guardian, reductionRequests, consumerRegistry, utilityRegistry, [gridToken, stableToken], settings.disputeWindow],
    }),
  );
  const addresses: SystemAddresses = {
    utilityRegistry,
    consumerRegistry,
    loadForecast,
    reductionRequests,
    incentiveDistributor,
    gridToken,
    stableToken,
    govToken,
    timelock,
    governor,
  };
  const contracts = contractsOf(addresses, engine.client);
  registerAll(engine, addresses, implementations);

  const [proposerRole, cancellerRole, adminRole] = await Promise.all([
    contracts.timelock.read.PROPOSER_ROLE(),
    contracts.timelock.read.CANCELLER_ROLE(),
    contracts.timelock.read.DEFAULT_ADMIN_ROLE(),
  ]);
  await stage(writeCall({ account: deployer, contract: contracts.timelock, functionName: 'grantRole', args: [proposerRole, governor] }));
  await stage(writeCall({ account: deployer, contract: contracts.timelock, functionName: 'grantRole', args: [cancellerRole, governor] }));
  await mineStaged();

  // ---- block 3: schedule the wiring batch (Deployer._wireRoles + the real timelock delay)
  const [reporter, kyc, settler, oracleRole, forecasterRole, arbiterRole] = await Promise.all([
    contracts.utilityRegistry.read.REPORTER_ROLE(),
    contracts.consumerRegistry.read.KYC_PROVIDER_ROLE(),
    contracts.reductionRequests.read.SETTLER_ROLE(),
    contracts.reductionRequests.read.ORACLE_ROLE(),
    contracts.loadForecast.read.FORECASTER_ROLE(),
    contracts.incentiveDistributor.read.ARBITER_ROLE(),
  ]);
  const ops: { target: Address; data: Hex }[] = [
    { target: utilityRegistry, data: encodeFunctionData({ abi: utilityRegistryAbi, functionName: 'grantRole', args: [reporter, reductionRequests] }) },
    { target: consumerRegistry, data: encodeFunctionData({ abi: consumerRegistryAbi, functionName: 'grantRole', args: [reporter, reductionRequests] }) },
    { target: consumerRegistry, data: encodeFunctionData({ abi: consumerRegistryAbi, functionName: 'grantRole', args: [kyc, actors.kycProvider] }) },
    { target: reductionRequests, data: encodeFunctionData({ abi: reductionRequestsAbi, functionName: 'grantRole', args: [settler, incentiveDistributor] }) },
    { target: reductionRequests, data: encodeFunctionData({ abi: reductionRequestsAbi, functionName: 'grantRole', args: [oracleRole, actors.oracle] }) },
    { target: reductionRequests, data: encodeFunctionData({ abi: reductionRequestsAbi, functionName: 'setDistributor', args: [incentiveDistributor] }) },
    { target: loadForecast, data: encodeFunctionData({ abi: loadForecastAbi, functionName: 'grantRole', args: [oracleRole, actors.oracle] }) },
    { target: loadForecast, data: encodeFunctionData({ abi: loadForecastAbi, functionName: 'grantRole', args: [forecasterRole, actors.forecaster] }) },
    ...settings.thresholds.map(({ region, stressKw, emergencyKw }) => ({
      target: loadForecast,
      data: encodeFunctionData({ abi: loadForecastAbi, functionName: 'setThresholds', args: [region, stressKw, emergencyKw] }),
    })),
    { target: incentiveDistributor, data: encodeFunctionData({ abi: incentiveDistributorAbi, functionName: 'grantRole', args: [oracleRole, actors.oracle] }) },
    { target: incentiveDistributor, data: encodeFunctionData({ abi: incentiveDistributorAbi, functionName: 'grantRole', args: [arbiterRole, actors.arbiter] }) },
    ...(governanceOps?.(addresses) ?? []),
    { target: timelock, data: encodeFunctionData({ abi: timelockControllerAbi, functionName: 'updateDelay', args: [settings.timelockMinDelay] }) },
  ];
  const batch = [ops.map((op) => op.target), ops.map(() => 0n), ops.map((op) => op.data), zeroHash, zeroHash] as const;
  await stage(writeCall({ account: deployer, contract: contracts.timelock, functionName: 'scheduleBatch', args: [...batch, 0n] }));
  await mineStaged();

  // ---- block 4: execute it (executor role is open)
  await stage(writeCall({ account: deployer, contract: contracts.timelock, functionName: 'executeBatch', args: batch }));
  await mineStaged();

  // ---- block 5: the deployer leaves the timelock; initial mints
  for (const role of [proposerRole, cancellerRole, adminRole]) {
    await stage(writeCall({ account: deployer, contract: contracts.timelock, functionName: 'renounceRole', args: [role, deployer.address] }));
  }
  for (const { token, to, amount } of mints) {
    const args = [to, amount] as const;
    const call =
      token === 'GridToken'
        ? writeCall({ account: minter, contract: contracts.gridToken, functionName: 'mint', args })
        : token === 'StableToken'
          ? writeCall({ account: minter, contract: contracts.stableToken, functionName: 'mint', args })
          : writeCall({ account: minter, contract: contracts.govToken, functionName: 'mint', args });
    await stage(call);
  }
  await mineStaged();

  const codes = await Promise.all(deployed.map(({ address }) => engine.client.getCode({ address })));
  return {
    addresses,
    contracts,
    deployed: deployed.map((d, i) => ({
      ...d,
      bytecodeSha256: contractArtifacts[d.artifact].deployedBytecodeSha256,
      codeSha256: createHash('sha256').update(Buffer.from((codes[i] ?? '0x').slice(2), 'hex')).digest('hex'),
    })),
    settings,
    blocks,
    lastTimestamp: now - blockTimeSeconds,
  };
}

/** Names every deployed address in the engine's registry (proxies carry their implementation's ABI). */
function registerAll(engine: TxEngine, addresses: SystemAddresses, implementations: Record<(typeof PROXIED)[number], Address>): void {
  const { registry } = engine;
  registry.register({ name: 'UtilityRegistry', address: addresses.utilityRegistry, abi: utilityRegistryAbi });
  registry.register({ name: 'ConsumerRegistry', address: addresses.consumerRegistry, abi: consumerRegistryAbi });
  registry.register({ name: 'LoadForecast', address: addresses.loadForecast, abi: loadForecastAbi });
  registry.register({ name: 'ReductionRequests', address: addresses.reductionRequests, abi: reductionRequestsAbi });
  registry.register({ name: 'IncentiveDistributor', address: addresses.incentiveDistributor, abi: incentiveDistributorAbi });
  registry.register({ name: 'GridToken', address: addresses.gridToken, abi: gridTokenAbi });
  registry.register({ name: 'StableToken', address: addresses.stableToken, abi: stableTokenAbi });
  registry.register({ name: 'PeaklabGovToken', address: addresses.govToken, abi: peaklabGovTokenAbi });
  registry.register({ name: 'TimelockController', address: addresses.timelock, abi: timelockControllerAbi });
  registry.register({ name: 'PeaklabGovernor', address: addresses.governor, abi: peaklabGovernorAbi });
  for (const name of PROXIED) {
    registry.register({ name: `${name}.implementation`, address: implementations[name], abi: contractArtifacts[name].abi });
  }
}
