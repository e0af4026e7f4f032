import { createHash } from 'node:crypto';
import { type Address, type Hex, type LocalAccount, zeroAddress, zeroHash } from 'viem';
import { ChainError } from '../errors.ts';
import { deployCall } from './deployCall.ts';
import { deployProxies } from './deployProxies.ts';
import { contractArtifacts, type ContractName } from './generated/abis.ts';
import { createStagedDeployment, mineStaged, type StagedDeployment, stage, stageDeployment } from './stagedDeployment.ts';
import type { SystemActors } from './systemActors.ts';
import { type Implementations, PROXIED, registerSystem, type SystemAddresses, type SystemContracts, systemContracts } from './systemContracts.ts';
import { defaultSystemSettings, type SystemSettings } from './systemSettings.ts';
import type { TxEngine } from './txEngine.ts';
import { type TimelockOp, type WiringRoles, wiringOps } from './wiringOps.ts';
import { writeCall } from './writeCall.ts';

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
  governanceOps?: (addresses: SystemAddresses) => readonly TimelockOp[];
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

/** M-of-N approval of utilities needs 1 ≤ M ≤ N regulators. */
function checkRequiredApprovals(settings: SystemSettings, actors: SystemActors): void {
  if (settings.requiredApprovals < 1 || settings.requiredApprovals > actors.regulators.length) {
    throw new ChainError(
      `deploySystem: requiredApprovals (${settings.requiredApprovals}) must be between 1 and the number of regulators (${actors.regulators.length})`,
      { hint: 'M-of-N approval needs 1 ≤ M ≤ N.' },
    );
  }
}

/** Block 1: the timelock (delay 0, the deployer proposer and admin, anyone executor), the three tokens (admin =
 *  timelock, minter = `minter`) and the five implementations. */
async function deployTimelockTokensAndImplementations(
  run: StagedDeployment,
  deployer: LocalAccount,
  minter: LocalAccount,
): Promise<Pick<SystemAddresses, 'timelock' | 'gridToken' | 'stableToken' | 'govToken'> & { implementations: Implementations }> {
  const timelock = await stageDeployment(
    run,
    'TimelockController',
    'TimelockController',
    deployCall({ account: deployer, contract: 'TimelockController', args: [0n, [deployer.address], [zeroAddress], deployer.address] }),
  );
  const token = (contract: 'GridToken' | 'StableToken' | 'PeaklabGovToken'): Promise<Address> =>
    stageDeployment(run, contract, contract, deployCall({ account: deployer, contract, args: [timelock, minter.address] }));
  const gridToken = await token('GridToken');
  const stableToken = await token('StableToken');
  const govToken = await token('PeaklabGovToken');
  const implementations = {} as Implementations;
  for (const name of PROXIED) {
    implementations[name] = await stageDeployment(run, name, `${name}.implementation`, deployCall({ account: deployer, contract: name, args: [] } as never));
  }
  await mineStaged(run);
  return { timelock, gridToken, stableToken, govToken, implementations };
}

/** The timelock's role ids the deployer grants to the governor and later renounces. */
async function readTimelockRoles(contracts: SystemContracts): Promise<{ proposer: Hex; canceller: Hex; admin: Hex }> {
  const [proposer, canceller, admin] = await Promise.all([
    contracts.timelock.read.PROPOSER_ROLE(),
    contracts.timelock.read.CANCELLER_ROLE(),
    contracts.timelock.read.DEFAULT_ADMIN_ROLE(),
  ]);
  return { proposer, canceller, admin };
}

/** The role ids the wiring batch grants. */
async function readWiringRoles(contracts: SystemContracts): Promise<WiringRoles> {
  const [reporter, kycProvider, settler, oracle, forecaster, arbiter] = await Promise.all([
    contracts.utilityRegistry.read.REPORTER_ROLE(),
    contracts.consumerRegistry.read.KYC_PROVIDER_ROLE(),
    contracts.reductionRequests.read.SETTLER_ROLE(),
    contracts.reductionRequests.read.ORACLE_ROLE(),
    contracts.loadForecast.read.FORECASTER_ROLE(),
    contracts.incentiveDistributor.read.ARBITER_ROLE(),
  ]);
  return { reporter, kycProvider, settler, oracle, forecaster, arbiter };
}

/** The minter's call that mints `mint`. */
function mintCall(minter: LocalAccount, contracts: SystemContracts, { token, to, amount }: TokenMint) {
  const args = [to, amount] as const;
  return token === 'GridToken'
    ? writeCall({ account: minter, contract: contracts.gridToken, functionName: 'mint', args })
    : token === 'StableToken'
      ? writeCall({ account: minter, contract: contracts.stableToken, functionName: 'mint', args })
      : writeCall({ account: minter, contract: contracts.govToken, functionName: 'mint', args });
}

/** The deployed contracts with the sha256 of their artifact's bytecode and of the code at their address. */
async function describeDeployed(engine: TxEngine, deployed: StagedDeployment['deployed']): Promise<DeployedContract[]> {
  const codes = await Promise.all(deployed.map(({ address }) => engine.client.getCode({ address })));
  return deployed.map((d, i) => ({
    ...d,
    bytecodeSha256: contractArtifacts[d.artifact].deployedBytecodeSha256,
    codeSha256: createHash('sha256').update(Buffer.from((codes[i] ?? '0x').slice(2), 'hex')).digest('hex'),
  }));
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
  checkRequiredApprovals(settings, actors);
  const run = createStagedDeployment({ engine, timestamp, blockTimeSeconds });

  // ---- block 1: timelock, tokens, implementations
  const { timelock, gridToken, stableToken, govToken, implementations } = await deployTimelockTokensAndImplementations(run, deployer, minter);

  // ---- block 2: governor, proxies (initialize), governor as proposer/canceller
  const governor = await stageDeployment(
    run,
    'PeaklabGovernor',
    'PeaklabGovernor',
    deployCall({
      account: deployer,
      contract: 'PeaklabGovernor',
      args: [govToken, timelock, settings.votingDelay, settings.votingPeriod, settings.proposalThreshold, settings.quorumPercent],
    }),
  );
  const proxies = await deployProxies(run, { deployer, actors, settings, core: { timelock, gridToken, stableToken }, implementations });
  const addresses: SystemAddresses = { ...proxies, gridToken, stableToken, govToken, timelock, governor };
  const contracts = systemContracts(addresses, engine.client);
  registerSystem(engine.registry, addresses, implementations);
  const timelockRoles = await readTimelockRoles(contracts);
  await stage(run, writeCall({ account: deployer, contract: contracts.timelock, functionName: 'grantRole', args: [timelockRoles.proposer, governor] }));
  await stage(run, writeCall({ account: deployer, contract: contracts.timelock, functionName: 'grantRole', args: [timelockRoles.canceller, governor] }));
  await mineStaged(run);

  // ---- block 3: schedule the wiring batch (Deployer._wireRoles + the real timelock delay)
  const roles = await readWiringRoles(contracts);
  const ops = wiringOps({ addresses, actors, settings, roles, governanceOps });
  const batch = [ops.map((op) => op.target), ops.map(() => 0n), ops.map((op) => op.data), zeroHash, zeroHash] as const;
  await stage(run, writeCall({ account: deployer, contract: contracts.timelock, functionName: 'scheduleBatch', args: [...batch, 0n] }));
  await mineStaged(run);

  // ---- block 4: execute it (executor role is open)
  await stage(run, writeCall({ account: deployer, contract: contracts.timelock, functionName: 'executeBatch', args: batch }));
  await mineStaged(run);

  // ---- block 5: the deployer leaves the timelock; initial mints
  for (const role of [timelockRoles.proposer, timelockRoles.canceller, timelockRoles.admin]) {
    await stage(run, writeCall({ account: deployer, contract: contracts.timelock, functionName: 'renounceRole', args: [role, deployer.address] }));
  }
  for (const mint of mints) await stage(run, mintCall(minter, contracts, mint));
  await mineStaged(run);

  return {
    addresses,
    contracts,
    deployed: await describeDeployed(engine, run.deployed),
    settings,
    blocks: run.blocks,
    lastTimestamp: run.now - blockTimeSeconds,
  };
}
