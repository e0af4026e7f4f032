import { type Address, getContract } from 'viem';
import type { ContractRegistry } from './contractRegistry.ts';
import {
  consumerRegistryAbi,
  contractArtifacts,
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
import type { TxEngine } from './txEngine.ts';

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

/** The contracts deployed behind an ERC1967Proxy, in deployment order. */
export const PROXIED = ['UtilityRegistry', 'ConsumerRegistry', 'LoadForecast', 'ReductionRequests', 'IncentiveDistributor'] as const;

/** A contract deployed behind an ERC1967Proxy. */
export type ProxiedContract = (typeof PROXIED)[number];

/** The implementation address of each proxied contract. */
export type Implementations = Record<ProxiedContract, Address>;

/** Typed viem contract handles of the system at `addresses`. */
export const systemContracts = (addresses: SystemAddresses, client: TxEngine['client']) => ({
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
export type SystemContracts = ReturnType<typeof systemContracts>;

/** Names every deployed address in the registry (proxies carry their implementation's ABI). */
export function registerSystem(registry: ContractRegistry, addresses: SystemAddresses, implementations: Implementations): void {
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
