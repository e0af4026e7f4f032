import { type Address, decodeFunctionData, encodeFunctionData, getAddress, keccak256, toHex } from 'viem';
import { describe, expect, it } from 'vitest';
import { contractArtifacts, utilityRegistryAbi } from './generated/abis.ts';
import type { SystemAddresses } from './systemContracts.ts';
import { wiringOps } from './wiringOps.ts';

const at = (n: number): Address => getAddress(`0x${n.toString(16).padStart(40, '0')}`);
const addresses: SystemAddresses = {
  utilityRegistry: at(1),
  consumerRegistry: at(2),
  loadForecast: at(3),
  reductionRequests: at(4),
  incentiveDistributor: at(5),
  gridToken: at(6),
  stableToken: at(7),
  govToken: at(8),
  timelock: at(9),
  governor: at(10),
};
const actors = { guardian: at(11), oracle: at(12), forecaster: at(13), kycProvider: at(14), arbiter: at(15), regulators: [at(16)] };
const role = (name: string) => keccak256(toHex(name));
const roles = {
  reporter: role('REPORTER_ROLE'),
  kycProvider: role('KYC_PROVIDER_ROLE'),
  settler: role('SETTLER_ROLE'),
  oracle: role('ORACLE_ROLE'),
  forecaster: role('FORECASTER_ROLE'),
  arbiter: role('ARBITER_ROLE'),
};
const names: Record<Address, keyof typeof contractArtifacts> = {
  [addresses.utilityRegistry]: 'UtilityRegistry',
  [addresses.consumerRegistry]: 'ConsumerRegistry',
  [addresses.loadForecast]: 'LoadForecast',
  [addresses.reductionRequests]: 'ReductionRequests',
  [addresses.incentiveDistributor]: 'IncentiveDistributor',
  [addresses.timelock]: 'TimelockController',
};

/** `Contract.function(args)` of each op, decoded against the target's ABI. */
const readable = (ops: ReturnType<typeof wiringOps>) =>
  ops.map(({ target, data }) => {
    const name = names[target];
    const { functionName, args } = decodeFunctionData({ abi: contractArtifacts[name].abi, data } as never) as { functionName: string; args: readonly unknown[] };
    return `${name}.${functionName}(${args.map(String).join(', ')})`;
  });

describe('wiringOps', () => {
  it('is Deployer._wireRoles in order, thresholds per region, the further governed calls, and the delay last', () => {
    const setApprovalPeriod = encodeFunctionData({ abi: utilityRegistryAbi, functionName: 'setApprovalPeriod', args: [400n] });
    const ops = wiringOps({
      addresses,
      actors,
      settings: {
        thresholds: [
          { region: 1, stressKw: 1000, emergencyKw: 1500 },
          { region: 2, stressKw: 500, emergencyKw: 900 },
        ],
        timelockMinDelay: 172_800n,
      },
      roles,
      governanceOps: (a) => [{ target: a.utilityRegistry, data: setApprovalPeriod }],
    });
    expect(readable(ops)).toEqual([
      `UtilityRegistry.grantRole(${roles.reporter}, ${addresses.reductionRequests})`,
      `ConsumerRegistry.grantRole(${roles.reporter}, ${addresses.reductionRequests})`,
      `ConsumerRegistry.grantRole(${roles.kycProvider}, ${actors.kycProvider})`,
      `ReductionRequests.grantRole(${roles.settler}, ${addresses.incentiveDistributor})`,
      `ReductionRequests.grantRole(${roles.oracle}, ${actors.oracle})`,
      `ReductionRequests.setDistributor(${addresses.incentiveDistributor})`,
      `LoadForecast.grantRole(${roles.oracle}, ${actors.oracle})`,
      `LoadForecast.grantRole(${roles.forecaster}, ${actors.forecaster})`,
      'LoadForecast.setThresholds(1, 1000, 1500)',
      'LoadForecast.setThresholds(2, 500, 900)',
      `IncentiveDistributor.grantRole(${roles.oracle}, ${actors.oracle})`,
      `IncentiveDistributor.grantRole(${roles.arbiter}, ${actors.arbiter})`,
      'UtilityRegistry.setApprovalPeriod(400)',
      'TimelockController.updateDelay(172800)',
    ]);
  });
});
