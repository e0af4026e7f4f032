import type { Address, Hex } from 'viem';
import type { IntervalsPerHour } from '../agents/index.ts';
import { type ChainNode, createTxEngine, rpcCall, type TxEngine } from '../chain/index.ts';
import { openHistory } from '../data/index.ts';
import { createModels } from '../forecast/index.ts';
import { entitlementTree, type EntitlementTreeResult, type PayoutRules } from '../incentives/index.ts';
import { rng } from '../rng.ts';
import { type Scenario, TOKEN_DECIMALS, TOKENS, type TokenSymbol } from '../scenario/index.ts';
import type { EngineInputs } from './loadInputs.ts';
import type { RunContext, RunShape } from './runContext.ts';
import type { RunSimulationParameters } from './runSimulation.ts';
import { BUDGET_TOKENS } from './schedule.ts';
import { deriveActors } from './chainActors.ts';
import { setupChain } from './setupChain.ts';
import { DAY_S, type SimClock } from './simClock.ts';
import { toUnits } from './toUnits.ts';

const WEEK_S = 7n * DAY_S;

export interface CreateRunContextParameters extends RunSimulationParameters {
  inputs: EngineInputs;
  node: ChainNode;
  clock: SimClock;
}

export interface CreateRunContextResult {
  context: RunContext;
  /** Timestamp of the last set-up block: the run state's first `chainNow`. */
  chainNow: bigint;
}

/** Sets up the chain for a scenario (accounts, system, utilities, consumers, any pre-season hook) and returns the run's context. */
export async function createRunContext(parameters: CreateRunContextParameters): Promise<CreateRunContextResult> {
  const { scenario, inputs, node, clock, onProgress = () => {}, beforeSeason, faults } = parameters;
  const step = (message: string) => onProgress({ phase: 'setup', message });
  const shape = runShape(scenario, inputs);
  const { n, U } = shape;
  const rated = TOKENS.filter((t) => scenario.program.rates[t] !== undefined);
  const utilityTokens = Array.from({ length: U }, (_, k) => rated[k % rated.length]!);
  const blockTime = BigInt(Math.max(1, Math.round(scenario.chain.blockTimeSeconds)));
  const gwei = BigInt(Math.round(scenario.chain.gasPriceGwei * 1e9));
  const engine: TxEngine = createTxEngine({ node, fees: { maxFeePerGas: gwei, maxPriorityFeePerGas: gwei } });
  const firstSimSeconds = clock.secondsOf(inputs.days[inputs.periodOffset]!.epochDay - 3, 0) - (beforeSeason?.leadSeconds ?? 0n);
  const chainOffset = await chainClockOffset({ node, firstSimSeconds });
  const offsetDays = Number(chainOffset / DAY_S);
  const chainSeconds = (epochDay: number, hour: number): bigint => clock.secondsOf(epochDay, hour) + chainOffset;
  if (chainOffset > 0n) inputs.notes.push(`the node's clock was past the season: chain time = simulation time + ${offsetDays} days`);
  const trailingPeakAt = trailingPeak(inputs);
  const thresholds = triggerThresholds({ scenario, peakKw: trailingPeakAt(clock.instantOf(inputs.days[inputs.periodOffset]!.epochDay, 0)) * inputs.kwPerSystemUnit });

  const actors = deriveActors({ seed: scenario.seed, regulators: scenario.utilities.regulators, utilities: U, consumers: n });
  step(`derived ${n + U + scenario.utilities.regulators + 7} accounts`);
  const setup = await setupChain({
    engine,
    scenario: beforeSeason?.setupScenario ?? scenario,
    actors,
    population: inputs.population,
    utilityOf: (i) => i % U,
    utilityTokens,
    ...thresholds,
    timestamp: chainSeconds(inputs.days[inputs.periodOffset]!.epochDay - 3, 0) - (beforeSeason?.leadSeconds ?? 0n),
    budgetTokens: BUDGET_TOKENS,
    onStep: step,
  });
  let chainNow = setup.lastTimestamp;
  if (beforeSeason !== undefined) {
    ({ lastTimestamp: chainNow } = await beforeSeason.apply({ engine, system: setup.system, minter: actors.deployer, timestamp: chainNow + blockTime }));
    step('before the season: done');
  }
  const program = scenario.program;
  const modelName = scenario.forecast.model === 'seasonal_naive' ? 'seasonal-naive' : scenario.forecast.model;
  const temperature = inputs.system.roles.temperature ?? [];
  const [model] = createModels({ names: [modelName], columns: { load: inputs.system.roles.load!, temperature, futureTemperature: temperature } });
  const context: RunContext = {
    scenario,
    inputs,
    population: inputs.population,
    shape,
    clock,
    node,
    engine,
    actors,
    system: setup.system,
    tokenAddress: setup.tokenAddress,
    utilityTokens,
    chainSeconds,
    offsetDays,
    blockTime,
    trailingPeakAt,
    thresholds,
    rules: payoutRules(scenario),
    rateUnits: (symbol) => toUnits(program.rates[symbol]!, TOKEN_DECIMALS[symbol]),
    minClaim: Object.fromEntries(TOKENS.map((t) => [t, toUnits(program.claims.minAmount, TOKEN_DECIMALS[t])])) as Record<TokenSymbol, bigint>,
    claimKey: Uint32Array.from({ length: n }, (_, i) => rng({ seed: scenario.seed, kind: 'claim', id: i }).integer(0, 0xffff_ffff)),
    model: model!,
    modelId: ['seasonal-naive', 'vanilla', 'recency'].indexOf(modelName) + 1,
    slotOfInstant: slotIndex(inputs, clock),
    treeOf: memoisedTrees(),
    programKey: (k) => ({ utility: actors.utilities[k]!.address, token: setup.tokenAddress[utilityTokens[k]!] }),
    scratch: { loads: new Float64Array(n * shape.I), hourlyReads: new Float64Array(n * 24), noLoads: new Float64Array(n * shape.I) },
    faults,
    onProgress,
  };
  return { context, chainNow };
}

function runShape(scenario: Scenario, inputs: EngineInputs): RunShape {
  // Intervals: loads, meter reads, VEE, the timeseries and the energy KPIs are per interval (15 min or 1 h); the
  // oracle settles on hourly kWh (CBL methods are hourly), the forecaster and LoadForecast are hourly.
  const iph: IntervalsPerHour = scenario.period.interval === '15m' ? 4 : 1;
  const K = inputs.days.length;
  return { n: inputs.population.count, U: scenario.utilities.count, iph, I: 24 * iph, K, periodOffset: inputs.periodOffset, periodDays: K - inputs.periodOffset };
}

/**
 * Chain time = simulation time + a whole number of weeks when the node's clock is already past the simulated
 * season (an existing node given with --rpc-url): hour of the week, and so availability, is preserved.
 */
async function chainClockOffset({ node, firstSimSeconds }: { node: ChainNode; firstSimSeconds: bigint }): Promise<bigint> {
  const latest = await rpcCall<{ timestamp: Hex }>({ rpcUrl: node.rpcUrl, method: 'eth_getBlockByNumber', params: ['latest', false], doing: 'reading the node clock', diagnose: node.diagnose });
  const now = BigInt(latest.timestamp);
  return now >= firstSimSeconds ? ((now - firstSimSeconds) / WEEK_S + 1n) * WEEK_S : 0n;
}

/** The trailing-year peak of the system load visible at an instant (what the utilities' trigger compares with). */
function trailingPeak(inputs: EngineInputs): (instant: number) => number {
  const frame = inputs.system;
  const load = frame.roles.load!;
  return (instant) => {
    const history = openHistory({ frame, decisionTime: instant });
    const to = history.visibleLength;
    let peak = 0;
    for (const v of history.values(load, Math.max(0, to - 365 * 24), to)) if (v > peak) peak = v;
    return peak;
  };
}

/** Trigger thresholds on chain: the stress / emergency levels at the period start, in population kW. */
function triggerThresholds({ scenario, peakKw }: { scenario: Scenario; peakKw: number }): { stressKw: number; emergencyKw: number } {
  const trigger = scenario.program.events.trigger;
  if (trigger.metric !== 'percentOfPeak') return { stressKw: trigger.stress, emergencyKw: trigger.emergency };
  return { stressKw: (trigger.stress / 100) * peakKw, emergencyKw: (trigger.emergency / 100) * peakKw };
}

function payoutRules(scenario: Scenario): PayoutRules {
  const { performance, priceFactor } = scenario.program;
  return {
    minComplianceBps: BigInt(performance.minComplianceBps),
    bonusSlopeBps: BigInt(performance.bonusSlopeBps),
    bonusCapBps: BigInt(performance.bonusCapBps),
    priceCurve: { x: priceFactor.map((p) => BigInt(p.stressBps)), y: priceFactor.map((p) => BigInt(p.factorBps)) },
  };
}

/** Local hour instant → hourly slot k × 24 + h (its intervals are slot × iph … slot × iph + iph − 1); the first day wins a repeated hour. */
function slotIndex(inputs: EngineInputs, clock: SimClock): (instant: number) => number | undefined {
  const slots = new Map<number, number>();
  inputs.days.forEach((day, k) => {
    for (let h = 0; h < 24; h++) {
      const instant = clock.instantOf(day.epochDay, h);
      if (!slots.has(instant)) slots.set(instant, k * 24 + h);
    }
  });
  return (instant) => slots.get(instant);
}

/** Settlement trees by root hash: a tree passed in is remembered; otherwise built once from a posted root's leaves. */
function memoisedTrees(): RunContext['treeOf'] {
  const trees = new Map<Hex, EntitlementTreeResult>();
  return (posted) => {
    const known = 'proofFor' in posted ? (posted as EntitlementTreeResult) : trees.get(posted.root);
    const tree = known ?? entitlementTree({ entries: posted.leaves as { account: Address; cumulative: bigint }[] });
    trees.set(posted.root, tree);
    return tree;
  };
}
