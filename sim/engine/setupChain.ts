import { type Address, encodeFunctionData, type Hex, keccak256, type PrivateKeyAccount, stringToHex, toHex } from 'viem';
import {
  AVAILABILITY_WORDS,
  type ConsumerPopulation,
} from '../agents/index.ts';
import {
  type Call,
  consumerRegistryAbi,
  deriveAccount,
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
import { toUnits } from './toUnits.ts';

/** Region id of the simulated grid on chain (one region; every utility's events are in it). */
export const REGION = 1;
/** Registrations and KYC attestations per transaction. */
export const REGISTRATION_BATCH = 250;

const ETH = 10n ** 18n;

/** Every account of a run (deterministic from the scenario seed). */
export interface ChainActors {
  deployer: PrivateKeyAccount;
  guardian: PrivateKeyAccount;
  oracle: PrivateKeyAccount;
  forecaster: PrivateKeyAccount;
  kycProvider: PrivateKeyAccount;
  arbiter: PrivateKeyAccount;
  relayer: PrivateKeyAccount;
  regulators: PrivateKeyAccount[];
  utilities: PrivateKeyAccount[];
  consumers: PrivateKeyAccount[];
}

export interface DeriveActorsParameters {
  seed: number;
  regulators: number;
  utilities: number;
  consumers: number;
}

/** The run's accounts: deriveAccount({ seed, kind, id }) per actor, so adding consumers changes no address. */
export function deriveActors({ seed, regulators, utilities, consumers }: DeriveActorsParameters): ChainActors {
  const one = (kind: string) => deriveAccount({ seed, kind, id: 0 });
  return {
    deployer: one('deployer'),
    guardian: one('guardian'),
    oracle: one('oracle'),
    forecaster: one('forecaster'),
    kycProvider: one('kyc-provider'),
    arbiter: one('arbiter'),
    relayer: one('relayer'),
    regulators: Array.from({ length: regulators }, (_, id) => deriveAccount({ seed, kind: 'regulator', id })),
    utilities: Array.from({ length: utilities }, (_, id) => deriveAccount({ seed, kind: 'utility', id })),
    consumers: Array.from({ length: consumers }, (_, id) => deriveAccount({ seed, kind: 'consumer', id })),
  };
}

/** Fixed gas limits (unused gas is not charged; a fixed limit keeps transactions independent of estimates). */
export const GAS = {
  approve: 100_000n,
  admin: 1_500_000n,
  consumerTx: 250_000n,
  registerPerConsumer: 200_000n,
  kycPerConsumer: 40_000n,
  enrollPerConsumer: 60_000n,
  optInSigPerConsumer: 70_000n,
  outcomesPerConsumer: 60_000n,
  claimPerConsumer: 90_000n,
  batchBase: 200_000n,
} as const;

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

const bpsPriceCurve = (scenario: Scenario) => ({
  x: scenario.program.priceFactor.map((p) => BigInt(p.stressBps)),
  y: scenario.program.priceFactor.map((p) => BigInt(p.factorBps)),
});

/**
 * Puts a scenario's actors on chain: deploys the system through the timelock (with the scenario's tiers, payout
 * rule, dispute window, bond token and region thresholds in the governed wiring batch), verifies every utility
 * through the real M-of-N process (bond, M regulator approvals, compliance attestations), funds each program,
 * registers every consumer in batches with KYC, and has each consumer grant participation consent and set its
 * preferences with its own pre-signed transactions, mined together.
 */
export async function setupChain({
  engine,
  scenario,
  actors,
  population,
  utilityOf,
  utilityTokens,
  stressKw,
  emergencyKw,
  timestamp,
  budgetTokens,
  onStep = () => {},
}: SetupChainParameters): Promise<SetupChainResult> {
  const { utilities: u, program } = scenario;
  const blockTime = BigInt(Math.max(1, Math.round(scenario.chain.blockTimeSeconds)));
  const node = engine.node;
  const big = 10n ** 9n * ETH;
  await fundAccounts({
    node,
    addresses: [actors.deployer, actors.guardian, actors.oracle, actors.forecaster, actors.kycProvider, actors.arbiter, actors.relayer, ...actors.regulators, ...actors.utilities].map(
      (a) => a.address,
    ),
    balance: big,
  });
  await fundAccounts({ node, addresses: actors.consumers.map((a) => a.address), balance: 100n * ETH });
  onStep('funded accounts');

  for (const name of TIERS) {
    const bps = program.tiers[name].incentiveMultiplierBps;
    if (bps > 0xffff) {
      throw new UsageError(`program.tiers.${name}.incentiveMultiplierBps ${bps} does not fit the contract's uint16`, {
        details: 'ReductionRequests stores tier multipliers as uint16 and accepts at most MAX_MULTIPLIER_BPS (60000, ×6)',
        hint: `Lower program.tiers.${name}.incentiveMultiplierBps to 60000 or less.`,
      });
    }
  }
  const bondSymbol = u.bond.token;
  const bondUnits = toUnits(u.bond.amount, TOKEN_DECIMALS[bondSymbol]);
  const maxKw = (1 << 21) - 1;
  const stress = Math.max(1, Math.min(maxKw, Math.round(stressKw)));
  const emergency = Math.max(stress, Math.min(maxKw, Math.round(emergencyKw)));
  const window = BigInt(Math.min(30 * 86_400, Math.max(3600, Math.round(program.settlement.disputeWindowHours * 3600))));
  const mintsPerUtility = (symbol: TokenSymbol) => budgetTokens * 10n ** BigInt(TOKEN_DECIMALS[symbol]);
  const tokenContract = (symbol: TokenSymbol) => (symbol === 'GRID' ? 'GridToken' : 'StableToken') as 'GridToken' | 'StableToken';
  const mints = actors.utilities.flatMap((utility, k) => {
    const amounts = new Map<TokenSymbol, bigint>();
    amounts.set(bondSymbol, bondUnits);
    const token = utilityTokens[k]!;
    amounts.set(token, (amounts.get(token) ?? 0n) + mintsPerUtility(token));
    return [...amounts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([symbol, amount]) => ({ token: tokenContract(symbol), to: utility.address, amount }));
  });

  const system = await deploySystem({
    engine,
    deployer: actors.deployer,
    actors: {
      guardian: actors.guardian.address,
      oracle: actors.oracle.address,
      forecaster: actors.forecaster.address,
      kycProvider: actors.kycProvider.address,
      arbiter: actors.arbiter.address,
      regulators: actors.regulators.map((r) => r.address),
    },
    settings: { requiredApprovals: u.approvals.required, disputeWindow: window, thresholds: [{ region: REGION, stressKw: stress, emergencyKw: emergency }] },
    mints,
    timestamp,
    blockTimeSeconds: blockTime,
    governanceOps: (addresses) => {
      const bondToken = bondSymbol === 'GRID' ? addresses.gridToken : addresses.stableToken;
      const curve = bpsPriceCurve(scenario);
      return [
        { target: addresses.utilityRegistry, data: encodeFunctionData({ abi: utilityRegistryAbi, functionName: 'setBondToken', args: [bondToken] }) },
        { target: addresses.utilityRegistry, data: encodeFunctionData({ abi: utilityRegistryAbi, functionName: 'setMinBond', args: [bondUnits] }) },
        ...TIERS.map((name, t) => {
          const rule = program.tiers[name];
          return {
            target: addresses.reductionRequests,
            data: encodeFunctionData({
              abi: reductionRequestsAbi,
              functionName: 'setTier',
              args: [
                t + 1,
                {
                  minNotice: Math.round(rule.minNoticeHours * 3600),
                  maxDuration: Math.round(rule.maxDurationHours * 3600),
                  incentiveMultiplierBps: rule.incentiveMultiplierBps,
                  optOutAllowed: rule.optOutAllowed,
                },
              ],
            }),
          };
        }),
        {
          target: addresses.incentiveDistributor,
          data: encodeFunctionData({
            abi: incentiveDistributorAbi,
            functionName: 'setPerformanceParams',
            args: [program.performance.minComplianceBps, program.performance.bonusSlopeBps, program.performance.bonusCapBps],
          }),
        },
        { target: addresses.incentiveDistributor, data: encodeFunctionData({ abi: incentiveDistributorAbi, functionName: 'setPriceCurve', args: [curve.x, curve.y] }) },
      ] as { target: Address; data: Hex }[];
    },
  });
  onStep('deployed the system through the timelock');
  const c = system.contracts;
  const tokenAddress: Record<TokenSymbol, Address> = { GRID: system.addresses.gridToken, pUSD: system.addresses.stableToken };
  // both tokens are plain ERC-20s: one ABI serves approve on either
  const tokenHandle = (symbol: TokenSymbol) => ({ address: tokenAddress[symbol], abi: gridTokenAbi });
  let now = system.lastTimestamp;
  const run = async (calls: Call[]): Promise<void> => {
    if (calls.length === 0) return;
    now += blockTime;
    const { blocks } = await engine.execute({ calls, timestamp: now });
    now += BigInt(blocks.length - 1);
  };

  // Utilities: bond and budget allowances, application, M-of-N approvals and compliance attestations.
  await run(
    actors.utilities.flatMap((utility, k) => [
      writeCall({ account: utility, contract: tokenHandle(bondSymbol), functionName: 'approve', args: [system.addresses.utilityRegistry, bondUnits], gas: GAS.approve }),
      writeCall({ account: utility, contract: tokenHandle(utilityTokens[k]!), functionName: 'approve', args: [system.addresses.incentiveDistributor, mintsPerUtility(utilityTokens[k]!)], gas: GAS.approve }),
    ]),
  );
  await run(
    actors.utilities.map((utility, k) =>
      writeCall({
        account: utility,
        contract: c.utilityRegistry,
        functionName: 'submitApplication',
        args: [keccak256(stringToHex(`peaklab utility ${k} credentials`)), `peaklab://utility/${k}`, bondUnits],
        gas: GAS.admin,
      }),
    ),
  );
  const expiry = now + 2n * 365n * 86_400n;
  const flags = system.settings.requiredFlags;
  const voters = actors.regulators.slice(0, u.approvals.of);
  await run(
    actors.utilities.flatMap((utility) => [
      ...voters.slice(0, u.approvals.required).map((regulator) => writeCall({ account: regulator, contract: c.utilityRegistry, functionName: 'approveUtility', args: [utility.address], gas: GAS.admin })),
      ...[0, 1, 2, 3, 4, 5, 6, 7]
        .filter((flag) => (flags >> BigInt(flag)) & 1n)
        .map((flag) => writeCall({ account: voters[flag % voters.length]!, contract: c.utilityRegistry, functionName: 'attestCompliance', args: [utility.address, flag, expiry], gas: GAS.admin })),
    ]),
  );
  const active = await Promise.all(actors.utilities.map((utility) => c.utilityRegistry.read.isActive([utility.address])));
  active.forEach((ok, k) => {
    if (!ok) {
      throw new ChainError(`Utility ${k} (${actors.utilities[k]!.address}) is not Active after ${u.approvals.required} of ${u.approvals.of} approvals and its compliance flags`, {
        hint: 'Check utilities.approvals in the scenario and the UtilityRegistry settings.',
      });
    }
  });
  await run(
    actors.utilities.map((utility, k) =>
      writeCall({ account: utility, contract: c.incentiveDistributor, functionName: 'fund', args: [tokenAddress[utilityTokens[k]!], mintsPerUtility(utilityTokens[k]!)], gas: GAS.admin }),
    ),
  );
  onStep(`verified ${actors.utilities.length} utilities (${u.approvals.required} of ${u.approvals.of} regulators) and funded their programs`);

  // Consumers: registration by their utility in batches, then KYC in batches.
  const n = actors.consumers.length;
  const registrations: Call[] = [];
  const kyc: Call[] = [];
  for (let k = 0; k < actors.utilities.length; k++) {
    const mine: number[] = [];
    for (let i = 0; i < n; i++) if (utilityOf(i) === k) mine.push(i);
    for (let from = 0; from < mine.length; from += REGISTRATION_BATCH) {
      const chunk = mine.slice(from, from + REGISTRATION_BATCH);
      registrations.push(
        writeCall({
          account: actors.utilities[k]!,
          contract: c.consumerRegistry,
          functionName: 'registerBatch',
          args: [
            chunk.map((i) => ({
              consumer: actors.consumers[i]!.address,
              profileHash: keccak256(toHex(`profile:${scenario.seed}:${i}`)),
              encryptedPointerHash: keccak256(toHex(`pointer:${scenario.seed}:${i}`)),
              meterIdHash: keccak256(toHex(`meter:${scenario.seed}:${i}`)),
            })),
          ],
          gas: GAS.batchBase + GAS.registerPerConsumer * BigInt(chunk.length),
        }),
      );
    }
  }
  // Registration order = consumer id order within each utility; dense indices follow the batches.
  await run(registrations);
  const kycExpiry = now + 3n * 365n * 86_400n;
  for (let from = 0; from < n; from += REGISTRATION_BATCH) {
    const chunk = actors.consumers.slice(from, from + REGISTRATION_BATCH).map((a) => a.address);
    kyc.push(writeCall({ account: actors.kycProvider, contract: c.consumerRegistry, functionName: 'attestKyc', args: [chunk, kycExpiry], gas: GAS.batchBase + GAS.kycPerConsumer * BigInt(chunk.length) }));
  }
  await run(kyc);
  onStep(`registered ${n} consumers in ${registrations.length} batches with KYC`);

  // Each consumer's own consent and preferences: pre-signed, sent in batches, mined together.
  const own: Call[] = [];
  for (let i = 0; i < n; i++) {
    const account = actors.consumers[i]!;
    own.push(writeCall({ account, contract: c.consumerRegistry, functionName: 'setParticipationConsent', args: [true], gas: GAS.consumerTx }));
    let availability = 0n;
    for (let w = 0; w < AVAILABILITY_WORDS; w++) availability |= BigInt(population.availability[i * AVAILABILITY_WORDS + w]!) << BigInt(32 * w);
    own.push(
      writeCall({
        account,
        contract: c.consumerRegistry,
        functionName: 'setPreferences',
        args: [
          {
            maxTier: population.maxTier[i]!,
            maxEventsPerMonth: 0,
            autoEnroll: population.autoEnroll[i] === 1,
            availability,
            payoutToken: tokenAddress[utilityTokens[utilityOf(i)]!],
            payoutAddress: '0x0000000000000000000000000000000000000000',
          },
        ],
        gas: GAS.consumerTx,
      }),
    );
  }
  await run(own);
  const count = await c.consumerRegistry.read.consumerCount();
  if (count !== n) throw new ChainError(`ConsumerRegistry holds ${count} consumers, expected ${n}`, { hint: 'A registration batch was skipped; see gas.csv.' });
  onStep(`${n} consumers granted consent and set their preferences (${own.length} own transactions)`);
  return { system, tokenAddress, lastTimestamp: now };
}

/** The registry's `consumerRegistryAbi` (re-exported for the engine's reads). */
export { consumerRegistryAbi };
