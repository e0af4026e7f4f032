import { type Address, encodeFunctionData, type Hex, keccak256, stringToHex, toHex } from 'viem';
import { AVAILABILITY_WORDS, type ConsumerPopulation } from '../agents/index.ts';
import {
  type Call,
  consumerRegistryAbi,
  deploySystem,
  type DeploySystemResult,
  fundAccounts,
  gridTokenAbi,
  incentiveDistributorAbi,
  reductionRequestsAbi,
  type TxEngine,
  utilityRegistryAbi,
  writeCall,
} from '../chain/index.ts';
import { ChainError, UsageError } from '../errors.ts';
import { type Scenario, TIERS, TOKEN_DECIMALS, type TokenSymbol } from '../scenario/index.ts';
import type { ChainActors } from './chainActors.ts';
import { GAS, REGION } from './gasLimits.ts';
import { MAX_KW } from './packHours.ts';
import { toUnits } from './toUnits.ts';

/** Registrations and KYC attestations per transaction. */
export const REGISTRATION_BATCH = 250;

const ETH = 10n ** 18n;

export interface SetupChainParameters {
  engine: TxEngine;
  scenario: Scenario;
  actors: ChainActors;
  population: ConsumerPopulation;
  /** Utility index serving each consumer. */
  utilityOf: (consumer: number) => number;
  /** Payout token of each utility's program. */
  utilityTokens: readonly TokenSymbol[];
  /** Region stress / emergency thresholds in kW (population aggregate). */
  stressKw: number;
  emergencyKw: number;
  /** Unix seconds of the first setup block (from the simulation clock). */
  timestamp: bigint;
  /** Budget each utility funds its program with, in whole tokens. */
  budgetTokens: bigint;
  /** Called after each setup step. */
  onStep?: (step: string) => void;
}

export interface SetupChainResult {
  system: DeploySystemResult;
  /** Token address by symbol. */
  tokenAddress: Readonly<Record<TokenSymbol, Address>>;
  /** Timestamp of the last setup block. */
  lastTimestamp: bigint;
}

/** The set-up's blocks after deployment: one block (or more) per step, `blockTime` apart. */
interface SetupBlocks {
  engine: TxEngine;
  blockTime: bigint;
  now: bigint;
}

async function mineStep(blocks: SetupBlocks, calls: Call[]): Promise<void> {
  if (calls.length === 0) return;
  blocks.now += blocks.blockTime;
  const { blocks: mined } = await blocks.engine.execute({ calls, timestamp: blocks.now });
  blocks.now += BigInt(mined.length - 1);
}

/** What set-up knows beyond its parameters: the deployed system, token addresses and amounts. */
interface SetupSystem extends SetupChainParameters {
  system: DeploySystemResult;
  tokenAddress: Record<TokenSymbol, Address>;
  bondUnits: bigint;
  budgetUnits: (symbol: TokenSymbol) => bigint;
}

/**
 * Puts a scenario's actors on chain: deploys the system through the timelock (with the scenario's tiers, payout
 * rule, dispute window, bond token and region thresholds in the governed wiring batch), verifies every utility
 * through the real M-of-N process (bond, M regulator approvals, compliance attestations), funds each program,
 * registers every consumer in batches with KYC, and has each consumer grant participation consent and set its
 * preferences with its own pre-signed transactions, mined together.
 */
export async function setupChain(parameters: SetupChainParameters): Promise<SetupChainResult> {
  const { engine, scenario, actors, onStep = () => {} } = parameters;
  const everyoneButConsumers = [actors.deployer, actors.guardian, actors.oracle, actors.forecaster, actors.kycProvider, actors.arbiter, actors.relayer, ...actors.regulators, ...actors.utilities];
  await fundAccounts({ node: engine.node, addresses: everyoneButConsumers.map((a) => a.address), balance: 10n ** 9n * ETH });
  await fundAccounts({ node: engine.node, addresses: actors.consumers.map((a) => a.address), balance: 100n * ETH });
  onStep('funded accounts');
  checkTierMultipliers(scenario);
  const bondUnits = toUnits(scenario.utilities.bond.amount, TOKEN_DECIMALS[scenario.utilities.bond.token]);
  const budgetUnits = (symbol: TokenSymbol) => parameters.budgetTokens * 10n ** BigInt(TOKEN_DECIMALS[symbol]);
  const system = await deployWithProgram(parameters, { bondUnits, budgetUnits });
  onStep('deployed the system through the timelock');
  const setup: SetupSystem = { ...parameters, system, tokenAddress: { GRID: system.addresses.gridToken, pUSD: system.addresses.stableToken }, bondUnits, budgetUnits };
  const blocks: SetupBlocks = { engine, blockTime: BigInt(Math.max(1, Math.round(scenario.chain.blockTimeSeconds))), now: system.lastTimestamp };
  await verifyUtilities(setup, blocks);
  const u = scenario.utilities;
  onStep(`verified ${actors.utilities.length} utilities (${u.approvals.required} of ${u.approvals.of} regulators) and funded their programs`);
  const batches = await registerConsumers(setup, blocks);
  onStep(`registered ${actors.consumers.length} consumers in ${batches} batches with KYC`);
  const own = await consumersOwnSetup(setup, blocks);
  onStep(`${actors.consumers.length} consumers granted consent and set their preferences (${own} own transactions)`);
  return { system, tokenAddress: setup.tokenAddress, lastTimestamp: blocks.now };
}

/** ReductionRequests stores tier multipliers as uint16 (and accepts at most ×6). */
function checkTierMultipliers(scenario: Scenario): void {
  for (const name of TIERS) {
    const bps = scenario.program.tiers[name].incentiveMultiplierBps;
    if (bps <= 0xffff) continue;
    throw new UsageError(`program.tiers.${name}.incentiveMultiplierBps ${bps} does not fit the contract's uint16`, {
      details: 'ReductionRequests stores tier multipliers as uint16 and accepts at most MAX_MULTIPLIER_BPS (60000, ×6)',
      hint: `Lower program.tiers.${name}.incentiveMultiplierBps to 60000 or less.`,
    });
  }
}

/** Deploys the system with the scenario's program in the timelock's wiring batch, and mints each utility its bond and budget. */
async function deployWithProgram(parameters: SetupChainParameters, { bondUnits, budgetUnits }: { bondUnits: bigint; budgetUnits: (symbol: TokenSymbol) => bigint }): Promise<DeploySystemResult> {
  const { engine, scenario, actors, utilityTokens, stressKw, emergencyKw, timestamp } = parameters;
  const { utilities: u, program } = scenario;
  const tokenContract = (symbol: TokenSymbol) => (symbol === 'GRID' ? 'GridToken' : 'StableToken') as 'GridToken' | 'StableToken';
  const mints = actors.utilities.flatMap((utility, k) => {
    const amounts = new Map<TokenSymbol, bigint>([[u.bond.token, bondUnits]]);
    const token = utilityTokens[k]!;
    amounts.set(token, (amounts.get(token) ?? 0n) + budgetUnits(token));
    return [...amounts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([symbol, amount]) => ({ token: tokenContract(symbol), to: utility.address, amount }));
  });
  const stress = Math.max(1, Math.min(MAX_KW, Math.round(stressKw)));
  const emergency = Math.max(stress, Math.min(MAX_KW, Math.round(emergencyKw)));
  const disputeWindow = BigInt(Math.min(30 * 86_400, Math.max(3600, Math.round(program.settlement.disputeWindowHours * 3600))));
  const { guardian, oracle, forecaster, kycProvider, arbiter } = actors;
  return deploySystem({
    engine,
    deployer: actors.deployer,
    actors: { guardian: guardian.address, oracle: oracle.address, forecaster: forecaster.address, kycProvider: kycProvider.address, arbiter: arbiter.address, regulators: actors.regulators.map((r) => r.address) },
    settings: { requiredApprovals: u.approvals.required, disputeWindow, thresholds: [{ region: REGION, stressKw: stress, emergencyKw: emergency }] },
    mints,
    timestamp,
    blockTimeSeconds: BigInt(Math.max(1, Math.round(scenario.chain.blockTimeSeconds))),
    governanceOps: (addresses) => programWiring(scenario, bondUnits, addresses),
  });
}

/** The scenario's program as governed calls: bond token and minimum, tiers, performance rule, price curve. */
function programWiring(scenario: Scenario, bondUnits: bigint, addresses: DeploySystemResult['addresses']): { target: Address; data: Hex }[] {
  const { program } = scenario;
  const bondToken = scenario.utilities.bond.token === 'GRID' ? addresses.gridToken : addresses.stableToken;
  const tiers = TIERS.map((name, t) => {
    const rule = program.tiers[name];
    const tier = { minNotice: Math.round(rule.minNoticeHours * 3600), maxDuration: Math.round(rule.maxDurationHours * 3600), incentiveMultiplierBps: rule.incentiveMultiplierBps, optOutAllowed: rule.optOutAllowed };
    return { target: addresses.reductionRequests, data: encodeFunctionData({ abi: reductionRequestsAbi, functionName: 'setTier', args: [t + 1, tier] }) };
  });
  const { minComplianceBps, bonusSlopeBps, bonusCapBps } = program.performance;
  const curve = [program.priceFactor.map((p) => BigInt(p.stressBps)), program.priceFactor.map((p) => BigInt(p.factorBps))] as const;
  return [
    { target: addresses.utilityRegistry, data: encodeFunctionData({ abi: utilityRegistryAbi, functionName: 'setBondToken', args: [bondToken] }) },
    { target: addresses.utilityRegistry, data: encodeFunctionData({ abi: utilityRegistryAbi, functionName: 'setMinBond', args: [bondUnits] }) },
    ...tiers,
    { target: addresses.incentiveDistributor, data: encodeFunctionData({ abi: incentiveDistributorAbi, functionName: 'setPerformanceParams', args: [minComplianceBps, bonusSlopeBps, bonusCapBps] }) },
    { target: addresses.incentiveDistributor, data: encodeFunctionData({ abi: incentiveDistributorAbi, functionName: 'setPriceCurve', args: [curve[0], curve[1]] }) },
  ];
}

/** Utilities: bond and budget allowances, application, M-of-N approvals and compliance attestations, then funding. */
async function verifyUtilities(setup: SetupSystem, blocks: SetupBlocks): Promise<void> {
  const { actors, scenario, system, tokenAddress, bondUnits, budgetUnits, utilityTokens } = setup;
  const u = scenario.utilities;
  const c = system.contracts;
  // both tokens are plain ERC-20s: one ABI serves approve on either
  const token = (symbol: TokenSymbol) => ({ address: tokenAddress[symbol], abi: gridTokenAbi });
  await mineStep(
    blocks,
    actors.utilities.flatMap((utility, k) => [
      writeCall({ account: utility, contract: token(u.bond.token), functionName: 'approve', args: [system.addresses.utilityRegistry, bondUnits], gas: GAS.approve }),
      writeCall({ account: utility, contract: token(utilityTokens[k]!), functionName: 'approve', args: [system.addresses.incentiveDistributor, budgetUnits(utilityTokens[k]!)], gas: GAS.approve }),
    ]),
  );
  const application = (k: number) => [keccak256(stringToHex(`peaklab utility ${k} credentials`)), `peaklab://utility/${k}`, bondUnits] as const;
  await mineStep(blocks, actors.utilities.map((utility, k) => writeCall({ account: utility, contract: c.utilityRegistry, functionName: 'submitApplication', args: application(k), gas: GAS.admin })));
  const expiry = blocks.now + 2n * 365n * 86_400n;
  const voters = actors.regulators.slice(0, u.approvals.of);
  const flags = [0, 1, 2, 3, 4, 5, 6, 7].filter((flag) => (system.settings.requiredFlags >> BigInt(flag)) & 1n);
  await mineStep(
    blocks,
    actors.utilities.flatMap((utility) => [
      ...voters.slice(0, u.approvals.required).map((regulator) => writeCall({ account: regulator, contract: c.utilityRegistry, functionName: 'approveUtility', args: [utility.address], gas: GAS.admin })),
      ...flags.map((flag) => writeCall({ account: voters[flag % voters.length]!, contract: c.utilityRegistry, functionName: 'attestCompliance', args: [utility.address, flag, expiry], gas: GAS.admin })),
    ]),
  );
  const active = await Promise.all(actors.utilities.map((utility) => c.utilityRegistry.read.isActive([utility.address])));
  active.forEach((ok, k) => {
    if (ok) return;
    throw new ChainError(`Utility ${k} (${actors.utilities[k]!.address}) is not Active after ${u.approvals.required} of ${u.approvals.of} approvals and its compliance flags`, {
      hint: 'Check utilities.approvals in the scenario and the UtilityRegistry settings.',
    });
  });
  const fund = (k: number) => [tokenAddress[utilityTokens[k]!], budgetUnits(utilityTokens[k]!)] as const;
  await mineStep(blocks, actors.utilities.map((utility, k) => writeCall({ account: utility, contract: c.incentiveDistributor, functionName: 'fund', args: fund(k), gas: GAS.admin })));
}

/** Consumers: registration by their utility in batches (consumer id order within each utility), then KYC in batches. Returns the registration batches. */
async function registerConsumers(setup: SetupSystem, blocks: SetupBlocks): Promise<number> {
  const { actors, scenario, utilityOf } = setup;
  const c = setup.system.contracts;
  const n = actors.consumers.length;
  const record = (i: number) => ({
    consumer: actors.consumers[i]!.address,
    profileHash: keccak256(toHex(`profile:${scenario.seed}:${i}`)),
    encryptedPointerHash: keccak256(toHex(`pointer:${scenario.seed}:${i}`)),
    meterIdHash: keccak256(toHex(`meter:${scenario.seed}:${i}`)),
  });
  const registrations: Call[] = [];
  for (let k = 0; k < actors.utilities.length; k++) {
    const mine: number[] = [];
    for (let i = 0; i < n; i++) if (utilityOf(i) === k) mine.push(i);
    for (let from = 0; from < mine.length; from += REGISTRATION_BATCH) {
      const chunk = mine.slice(from, from + REGISTRATION_BATCH);
      registrations.push(writeCall({ account: actors.utilities[k]!, contract: c.consumerRegistry, functionName: 'registerBatch', args: [chunk.map(record)], gas: GAS.batchBase + GAS.registerPerConsumer * BigInt(chunk.length) }));
    }
  }
  // Registration order = consumer id order within each utility; dense indices follow the batches.
  await mineStep(blocks, registrations);
  const kycExpiry = blocks.now + 3n * 365n * 86_400n;
  const kyc: Call[] = [];
  for (let from = 0; from < n; from += REGISTRATION_BATCH) {
    const chunk = actors.consumers.slice(from, from + REGISTRATION_BATCH).map((a) => a.address);
    kyc.push(writeCall({ account: actors.kycProvider, contract: c.consumerRegistry, functionName: 'attestKyc', args: [chunk, kycExpiry], gas: GAS.batchBase + GAS.kycPerConsumer * BigInt(chunk.length) }));
  }
  await mineStep(blocks, kyc);
  return registrations.length;
}

/** Each consumer's own consent and preferences: pre-signed, sent in batches, mined together. Returns the transactions. */
async function consumersOwnSetup(setup: SetupSystem, blocks: SetupBlocks): Promise<number> {
  const { actors, population, tokenAddress, utilityTokens, utilityOf } = setup;
  const c = setup.system.contracts;
  const n = actors.consumers.length;
  const own: Call[] = [];
  for (let i = 0; i < n; i++) {
    const account = actors.consumers[i]!;
    own.push(writeCall({ account, contract: c.consumerRegistry, functionName: 'setParticipationConsent', args: [true], gas: GAS.consumerTx }));
    let availability = 0n;
    for (let w = 0; w < AVAILABILITY_WORDS; w++) availability |= BigInt(population.availability[i * AVAILABILITY_WORDS + w]!) << BigInt(32 * w);
    const preferences = {
      maxTier: population.maxTier[i]!,
      maxEventsPerMonth: 0,
      autoEnroll: population.autoEnroll[i] === 1,
      availability,
      payoutToken: tokenAddress[utilityTokens[utilityOf(i)]!],
      payoutAddress: '0x0000000000000000000000000000000000000000',
    } as const;
    own.push(writeCall({ account, contract: c.consumerRegistry, functionName: 'setPreferences', args: [preferences], gas: GAS.consumerTx }));
  }
  await mineStep(blocks, own);
  const count = await c.consumerRegistry.read.consumerCount();
  if (count !== n) throw new ChainError(`ConsumerRegistry holds ${count} consumers, expected ${n}`, { hint: 'A registration batch was skipped; see gas.csv.' });
  return own.length;
}

/** The registry's `consumerRegistryAbi` (re-exported for the engine's reads). */
export { consumerRegistryAbi };
