import { type Address, encodeFunctionData, type Hex } from 'viem';
import {
  consumerRegistryAbi,
  incentiveDistributorAbi,
  loadForecastAbi,
  reductionRequestsAbi,
  timelockControllerAbi,
  utilityRegistryAbi,
} from './generated/abis.ts';
import type { SystemActors } from './systemActors.ts';
import type { SystemAddresses } from './systemContracts.ts';
import type { SystemSettings } from './systemSettings.ts';

/** One call the timelock makes. */
export interface TimelockOp {
  target: Address;
  data: Hex;
}

/** The role ids the wiring grants (read from the deployed contracts). */
export interface WiringRoles {
  reporter: Hex;
  kycProvider: Hex;
  settler: Hex;
  oracle: Hex;
  forecaster: Hex;
  arbiter: Hex;
}

export interface WiringOpsParameters {
  addresses: SystemAddresses;
  actors: SystemActors;
  settings: Pick<SystemSettings, 'thresholds' | 'timelockMinDelay'>;
  roles: WiringRoles;
  /** Further governed calls, made in the same batch before the delay is raised. */
  governanceOps?: (addresses: SystemAddresses) => readonly TimelockOp[];
}

/**
 * The timelock's wiring batch, Deployer._wireRoles in order: the contracts' cross-roles (reporter, settler,
 * distributor), the actors' roles (KYC provider, oracle, forecaster, arbiter), the regions' thresholds, the further
 * governed calls, and last `updateDelay(timelockMinDelay)` — so everything before it is made with delay 0, by the
 * timelock itself.
 */
export function wiringOps({ addresses, actors, settings, roles, governanceOps }: WiringOpsParameters): TimelockOp[] {
  const { utilityRegistry, consumerRegistry, loadForecast, reductionRequests, incentiveDistributor, timelock } = addresses;
  return [
    { target: utilityRegistry, data: encodeFunctionData({ abi: utilityRegistryAbi, functionName: 'grantRole', args: [roles.reporter, reductionRequests] }) },
    { target: consumerRegistry, data: encodeFunctionData({ abi: consumerRegistryAbi, functionName: 'grantRole', args: [roles.reporter, reductionRequests] }) },
    { target: consumerRegistry, data: encodeFunctionData({ abi: consumerRegistryAbi, functionName: 'grantRole', args: [roles.kycProvider, actors.kycProvider] }) },
    { target: reductionRequests, data: encodeFunctionData({ abi: reductionRequestsAbi, functionName: 'grantRole', args: [roles.settler, incentiveDistributor] }) },
    { target: reductionRequests, data: encodeFunctionData({ abi: reductionRequestsAbi, functionName: 'grantRole', args: [roles.oracle, actors.oracle] }) },
    { target: reductionRequests, data: encodeFunctionData({ abi: reductionRequestsAbi, functionName: 'setDistributor', args: [incentiveDistributor] }) },
    { target: loadForecast, data: encodeFunctionData({ abi: loadForecastAbi, functionName: 'grantRole', args: [roles.oracle, actors.oracle] }) },
    { target: loadForecast, data: encodeFunctionData({ abi: loadForecastAbi, functionName: 'grantRole', args: [roles.forecaster, actors.forecaster] }) },
    ...settings.thresholds.map(({ region, stressKw, emergencyKw }) => ({
      target: loadForecast,
      data: encodeFunctionData({ abi: loadForecastAbi, functionName: 'setThresholds', args: [region, stressKw, emergencyKw] }),
    })),
    { target: incentiveDistributor, data: encodeFunctionData({ abi: incentiveDistributorAbi, functionName: 'grantRole', args: [roles.oracle, actors.oracle] }) },
    { target: incentiveDistributor, data: encodeFunctionData({ abi: incentiveDistributorAbi, functionName: 'grantRole', args: [roles.arbiter, actors.arbiter] }) },
    ...(governanceOps?.(addresses) ?? []),
    { target: timelock, data: encodeFunctionData({ abi: timelockControllerAbi, functionName: 'updateDelay', args: [settings.timelockMinDelay] }) },
  ];
}
