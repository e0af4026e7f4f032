import { type Address, encodeFunctionData, type Hex, type LocalAccount } from 'viem';
import { deployCall } from './deployCall.ts';
import { consumerRegistryAbi, incentiveDistributorAbi, loadForecastAbi, reductionRequestsAbi, utilityRegistryAbi } from './generated/abis.ts';
import { type StagedDeployment, stageDeployment } from './stagedDeployment.ts';
import type { SystemActors } from './systemActors.ts';
import type { Implementations, ProxiedContract, SystemAddresses } from './systemContracts.ts';
import type { SystemSettings } from './systemSettings.ts';

export interface DeployProxiesParameters {
  deployer: LocalAccount;
  actors: SystemActors;
  settings: SystemSettings;
  /** The contracts of the first block the proxies are initialised with. */
  core: Pick<SystemAddresses, 'timelock' | 'gridToken' | 'stableToken'>;
  implementations: Implementations;
}

export type DeployProxiesResult = Pick<
  SystemAddresses,
  'utilityRegistry' | 'consumerRegistry' | 'loadForecast' | 'reductionRequests' | 'incentiveDistributor'
>;

/**
 * Stages the five ERC1967Proxy deployments, each calling its implementation's `initialize` (admin = timelock,
 * guardian, the settings); each proxy is initialised with the addresses of those staged before it.
 */
export async function deployProxies(
  run: StagedDeployment,
  { deployer, actors, settings, core: { timelock, gridToken, stableToken }, implementations }: DeployProxiesParameters,
): Promise<DeployProxiesResult> {
  const proxy = (name: ProxiedContract, init: Hex): Promise<Address> =>
    stageDeployment(run, 'ERC1967Proxy', name, deployCall({ account: deployer, contract: 'ERC1967Proxy', args: [implementations[name], init] }));
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
  return { utilityRegistry, consumerRegistry, loadForecast, reductionRequests, incentiveDistributor };
}
