import { type Address, type Hex, hexToBytes, keccak256, parseSignature } from 'viem';
import {
  consumerLoadsForDay,
  counterUniform,
  type EventState,
  FAULT_KINDS,
  initialEventState,
  type IntervalsPerHour,
  initialVeeHistory,
  meterReads,
  PARTICIPATION,
  respondToEvent,
  type SimDay,
  validateReads,
  VEE_REASON_NAMES,
  VEE_STATUS,
  type ValidateReadsResult,
} from '../agents/index.ts';
import { computeBaselineDetailed } from '../baseline/index.ts';
import {
  type Call,
  type ChainNode,
  consumerRegistryAbi,
  createTxEngine,
  type DeploySystemResult,
  incentiveDistributorAbi,
  openNode,
  rpcCall,
  type TxEngine,
  writeCall,
} from '../chain/index.ts';
import { openHistory } from '../data/index.ts';
import { ChainError, PayoutRuleError } from '../errors.ts';
import { createModels } from '../forecast/index.ts';
import { crossCheck, CumulativeLedger, type EntitlementTreeResult, quotePayout, type PayoutRules } from '../incentives/index.ts';
import { type Scenario, TIERS, TOKEN_DECIMALS, TOKENS, type TokenSymbol } from '../scenario/index.ts';
import { rng } from '../rng.ts';
import { callEvent } from './callEvent.ts';
import { ethCalls } from './ethCalls.ts';
import { type EngineInputs, loadInputs } from './loadInputs.ts';
import { MeterWindow, windowFrame } from './meterWindow.ts';
import type { EventRecord, RunRecord } from './runRecord.ts';
import { deriveActors, GAS, REGION, setupChain } from './setupChain.ts';
import { createSimClock } from './simClock.ts';
import { toUnits } from './toUnits.ts';

const HOUR_MS = 3_600_000;
const DAY_S = 86_400n;
/** Local hour of the day-ahead decision (forecast commit and event call). */
export const DAY_AHEAD_HOUR = 10;
/** Local hour consumers claim at (mined with the day's forecast commit and actuals: one routine block a day). */
export const CLAIM_HOUR = DAY_AHEAD_HOUR;
/** Local hour (next day) the oracle settles the previous day's events. */
export const SETTLE_HOUR = 0.5;
const OUTCOME_BATCH = 500;
const ENROLL_BATCH = 500;
const CLAIM_BATCH = 100;
const BUDGET_TOKENS = 1_000_000_000_000n;

export interface RunProgress {
  phase: 'setup' | 'day' | 'finish';
  message: string;
  /** Period day done (1-based) and period length, for 'day'. */
  day?: number;
  days?: number;
}

export interface RunSimulationParameters {
  scenario: Scenario;
  /** Absolute path of the scenario file. */
  scenarioPath: string;
  scenarioSha256: string;
  /** Use an existing node instead of an embedded anvil. */
  rpcUrl?: string;
  /** --data. */
  data?: string;
  env?: Readonly<Record<string, string | undefined>>;
  onProgress?: (progress: RunProgress) => void;
  /** Called as soon as the node is up (the CLI keeps it to stop it on Ctrl-C). */
  onNode?: (node: ChainNode) => void;
  /** Tool versions for the manifest (the CLI collects them). */
  tools?: Readonly<Record<string, string>>;
  /** For tests: the oracle posts `units` more for consumer `consumer` in its first paid event — the cross-check must fail the run. */
  faults?: { oraclePayoutDelta?: { consumer: number; units: bigint } };
  /** Chain actions between setup and the season (`peaklab compare` puts a governance proposal through the Governor here). */
  beforeSeason?: BeforeSeason;
}

/**
 * A hook between chain setup and the season. Setup (and the chain's genesis) start `leadSeconds` earlier than
 * usual to leave the hook room on the simulation clock; the system is deployed with `setupScenario`'s parameters
 * (default: `scenario`), while the season runs with `scenario`. `apply` mines its blocks from `timestamp` on and
 * returns the timestamp of its last block.
 */
export interface BeforeSeason {
  leadSeconds: bigint;
  setupScenario?: Scenario;
  apply(context: { engine: TxEngine; system: DeploySystemResult; minter: ReturnType<typeof deriveActors>['deployer']; timestamp: bigint }): Promise<{ lastTimestamp: bigint }>;
}

export interface RunSimulationResult {
  /** The raw run record; sim/metrics `buildRunFiles` turns it into the run-directory files (and the KPIs of summary.json). */
  record: RunRecord;
  stats: { consumerIntervals: number; transactions: number; gasUsed: bigint; consumerEvents: number; events: number };
}

interface ChainEvent {
  utility: number;
  eventId: bigint;
  token: TokenSymbol;
  rate: bigint;
  targetKw: number;
  stressBps: number;
  createdAt: bigint;
  committed: number[];
  gas: Map<string, { calls: number; gas: bigint }>;
}

interface DrDay {
  dayIndex: number;
  agentId: number;
  startHour: number;
  durationHours: number;
  tier: (typeof TIERS)[number];
  noticeHours: number;
  incentiveRate: number;
  stateBefore: EventState;
  status: Uint8Array;
  chainEvents: ChainEvent[];
}

interface PostedRoot {
  tree: EntitlementTreeResult;
  claimableAt: bigint;
}

/**
 * Runs a scenario end to end on a chain and returns the run's raw record (nothing is written here; the files and
 * their KPIs come from sim/metrics `buildRunFiles`).
 * Day cycle (local time, simulation clock): 00:30 the oracle settles yesterday's events (VEE'd reads, the
 * program's baseline per consumer, results, per-consumer outcomes, finalisation; a cumulative Merkle root per
 * the settlement cadence); 10:00 one routine block holds yesterday's actual load (oracle), the claims of consumers
 * claiming today on their own schedule (relayed claimBatch) and the day-ahead forecast the forecaster, seeing only
 * data before now, commits; the utilities call tomorrow's event when it crosses the trigger, after which
 * consumers opt out / are enrolled (standing opt-in, batched) / opt in by EIP-712 signatures relayed in batches;
 * through the day consumers draw
 * load, respond to today's event (fatigue, rebound), and meters report reads with injected faults, which the
 * oracle validates. At the end every consumer's on-chain claimed + claimable must equal the TypeScript mirror's
 * entitlement to the unit, or the run fails.
 */
export async function runSimulation(parameters: RunSimulationParameters): Promise<RunSimulationResult> {
  const { scenario, scenarioPath, rpcUrl, data, env, onProgress = () => {}, onNode } = parameters;
  const step = (message: string) => onProgress({ phase: 'setup', message });
  const inputs = await loadInputs({ scenario, scenarioPath, data, env, onStep: step });
  const mode = rpcUrl !== undefined ? 'rpc' : scenario.chain.mode;
  const clock = createSimClock({ timezone: scenario.period.timezone });
  const genesisDay = inputs.days[inputs.periodOffset]!.epochDay - 3;
  const node = await openNode({
    mode,
    rpcUrl: rpcUrl ?? scenario.chain.rpcUrl,
    hardfork: scenario.chain.hardfork,
    genesisTimestamp: clock.secondsOf(genesisDay, 0) - 3600n - (parameters.beforeSeason?.leadSeconds ?? 0n),
  });
  try {
    onNode?.(node);
    if (node.pid !== undefined) onProgress({ phase: 'setup', message: `embedded anvil (pid ${node.pid}) at ${node.rpcUrl}` });
    return await runOnNode({ ...parameters, inputs, node, clock });
  } finally {
    await node.stop();
  }
}

interface RunOnNodeParameters extends RunSimulationParameters {
  inputs: EngineInputs;
  node: ChainNode;
  clock: ReturnType<typeof createSimClock>;
}

async function runOnNode({ scenario, scenarioSha256, scenarioPath, inputs, node, clock, onProgress = () => {}, tools = {}, faults, rpcUrl, beforeSeason }: RunOnNodeParameters): Promise<RunSimulationResult> {
  const { population, days, periodOffset, method } = inputs;
  const n = population.count;
  // Intervals: loads, meter reads, VEE, the timeseries and the energy KPIs are per interval (15 min or 1 h); the
  // oracle settles on hourly kWh (CBL methods are hourly), the forecaster and LoadForecast are hourly.
  const iph: IntervalsPerHour = scenario.period.interval === '15m' ? 4 : 1;
  const I = 24 * iph;
  const K = days.length;
  const periodDays = K - periodOffset;
  const program = scenario.program;
  const U = scenario.utilities.count;
  const rated = TOKENS.filter((t) => program.rates[t] !== undefined);
  const utilityTokens = Array.from({ length: U }, (_, k) => rated[k % rated.length]!);
  const utilityOf = (i: number) => i % U;
  const blockTime = BigInt(Math.max(1, Math.round(scenario.chain.blockTimeSeconds)));
  const gwei = BigInt(Math.round(scenario.chain.gasPriceGwei * 1e9));
  const engine: TxEngine = createTxEngine({ node, fees: { maxFeePerGas: gwei, maxPriorityFeePerGas: gwei } });
  const step = (message: string) => onProgress({ phase: 'setup', message });
  // Chain time = simulation time + a whole number of weeks when the node's clock is already past the simulated
  // season (an existing node given with --rpc-url): hour of the week, and so availability, is preserved.
  const latest = await rpcCall<{ timestamp: Hex }>({ rpcUrl: node.rpcUrl, method: 'eth_getBlockByNumber', params: ['latest', false], doing: 'reading the node clock', diagnose: node.diagnose });
  const firstSimSeconds = clock.secondsOf(days[periodOffset]!.epochDay - 3, 0) - (beforeSeason?.leadSeconds ?? 0n);
  const WEEK_S = 7n * DAY_S;
  const chainOffset = BigInt(latest.timestamp) >= firstSimSeconds ? ((BigInt(latest.timestamp) - firstSimSeconds) / WEEK_S + 1n) * WEEK_S : 0n;
  const offsetDays = Number(chainOffset / DAY_S);
  const chainSeconds = (epochDay: number, hour: number): bigint => clock.secondsOf(epochDay, hour) + chainOffset;
  if (chainOffset > 0n) inputs.notes.push(`the node's clock was past the season: chain time = simulation time + ${offsetDays} days`);

  // Trigger thresholds on chain: the stress/emergency levels at the period start, in population kW.
  const sysFrame = inputs.system;
  const loadColumn = sysFrame.roles.load!;
  const temperatureColumns = sysFrame.roles.temperature ?? [];
  const periodStartInstant = clock.instantOf(days[periodOffset]!.epochDay, 0);
  const trailingPeakAt = (instant: number): number => {
    const history = openHistory({ frame: sysFrame, decisionTime: instant });
    const to = history.visibleLength;
    const from = Math.max(0, to - 365 * 24);
    let peak = 0;
    for (const v of history.values(loadColumn, from, to)) if (v > peak) peak = v;
    return peak;
  };
  const trig = program.events.trigger;
  const startPeakKw = trailingPeakAt(periodStartInstant) * inputs.kwPerSystemUnit;
  const stressKw = trig.metric === 'percentOfPeak' ? (trig.stress / 100) * startPeakKw : trig.stress;
  const emergencyKw = trig.metric === 'percentOfPeak' ? (trig.emergency / 100) * startPeakKw : trig.emergency;

  const actors = deriveActors({ seed: scenario.seed, regulators: scenario.utilities.regulators, utilities: U, consumers: n });
  step(`derived ${n + U + scenario.utilities.regulators + 7} accounts`);
  const setup = await setupChain({
    engine,
    scenario: beforeSeason?.setupScenario ?? scenario,
    actors,
    population,
    utilityOf,
    utilityTokens,
    stressKw,
    emergencyKw,
    timestamp: chainSeconds(days[periodOffset]!.epochDay - 3, 0) - (beforeSeason?.leadSeconds ?? 0n),
    budgetTokens: BUDGET_TOKENS,
    onStep: step,
  });
  const { system, tokenAddress } = setup;
  const c = system.contracts;
  const addresses = system.addresses;
  let chainNow = setup.lastTimestamp;
  if (beforeSeason !== undefined) {
    ({ lastTimestamp: chainNow } = await beforeSeason.apply({ engine, system, minter: actors.deployer, timestamp: chainNow + blockTime }));
    step('before the season: done');
  }
  const at = (seconds: bigint): bigint => {
    chainNow = seconds > chainNow ? seconds : chainNow + 1n;
    return chainNow;
  };
  const exec = async (calls: Call[], timestamp: bigint) => {
    if (calls.length === 0) return [];
    const { results, blocks } = await engine.execute({ calls, timestamp: at(timestamp) });
    chainNow += BigInt(blocks.length - 1);
    return results;
  };
  const rules: PayoutRules = {
    minComplianceBps: BigInt(program.performance.minComplianceBps),
    bonusSlopeBps: BigInt(program.performance.bonusSlopeBps),
    bonusCapBps: BigInt(program.performance.bonusCapBps),
    priceCurve: { x: program.priceFactor.map((p) => BigInt(p.stressBps)), y: program.priceFactor.map((p) => BigInt(p.factorBps)) },
  };
  const rateUnits = (symbol: TokenSymbol) => toUnits(program.rates[symbol]!, TOKEN_DECIMALS[symbol]);
  const incentiveUsd = utilityTokens.reduce((sum, t) => sum + Number(program.rates[t]!) * scenario.chain.tokenUsd[t], 0) / U;
  const minClaim = Object.fromEntries(TOKENS.map((t) => [t, toUnits(program.claims.minAmount, TOKEN_DECIMALS[t])])) as Record<TokenSymbol, bigint>;
  const claimKey = Uint32Array.from({ length: n }, (_, i) => rng({ seed: scenario.seed, kind: 'claim', id: i }).integer(0, 0xffff_ffff));

  // Forecaster.
  const modelName = scenario.forecast.model === 'seasonal_naive' ? 'seasonal-naive' : scenario.forecast.model;
  const [model] = createModels({ names: [modelName], columns: { load: loadColumn, temperature: temperatureColumns, futureTemperature: temperatureColumns } });
  const modelId = ['seasonal-naive', 'vanilla', 'recency'].indexOf(modelName) + 1;

  // State.
  const mirror = new CumulativeLedger();
  const oracleLedger = new CumulativeLedger();
  const posted = new Map<string, PostedRoot[]>();
  const programKey = (k: number) => ({ utility: actors.utilities[k]!.address, token: tokenAddress[utilityTokens[k]!] });
  const programId = (k: number) => `${k}`;
  const claimedLocal: bigint[] = Array.from({ length: n }, () => 0n);
  let eventState = initialEventState({ count: n });
  let veeHistory = initialVeeHistory({ count: n, intervalsPerDay: I });
  const window = new MeterWindow({ count: n, days: inputs.warmupDays });
  /** Per interval (K × I): the aggregate without DR and with DR (kW). */
  const baseAgg = new Float64Array(K * I);
  const drAgg = new Float64Array(K * I);
  const forecastKw = new Float64Array(periodDays * I).fill(Number.NaN);
  const eventIdsBySlot: string[] = Array.from({ length: periodDays * I }, () => '');
  const consumerStats = {
    events: new Uint16Array(n),
    participated: new Uint16Array(n),
    optedOut: new Uint16Array(n),
    curtailedKwh: new Float64Array(n),
    reboundKwh: new Float64Array(n),
    readsRejected: new Uint32Array(n),
  };
  const meterStats = { reads: 0, rejected: 0, injected: new Float64Array(FAULT_KINDS) };
  const baselineItems = { baselineKwh: [] as number[], counterfactualKwh: [] as number[] };
  const drDays = new Map<number, DrDay>();
  const eventRecords: EventRecord[] = [];
  const eventDates: string[] = [];
  const pendingActuals: number[] = [];
  /** The day's routine transactions (actual load, claims), mined in one block with the forecast commit. */
  const routine: Call[] = [];
  let seasonYear = -1;
  let calledThisSeason = 0;
  let nextEventId = 1n;
  let agentEventId = 0;
  const zeros = new Float64Array(n * I);
  const loadsBuffer = new Float64Array(n * I);
  const hourlyReads = new Float64Array(n * 24);
  let previous: { dayIndex: number; vee: ValidateReadsResult; baseLoads: Float64Array | undefined } | undefined;
  let firstPaid = true;

  const gasOf = (results: { tx: { label: { contract: string; function: string } }; receipt: { gasUsed: bigint } }[], into: Map<string, { calls: number; gas: bigint }>) => {
    for (const r of results) {
      const key = `${r.tx.label.contract}.${r.tx.label.function}`;
      const entry = into.get(key) ?? { calls: 0, gas: 0n };
      entry.calls += 1;
      entry.gas += r.receipt.gasUsed;
      into.set(key, entry);
    }
  };

  // ----------------------------------------------------------------------------------------- day-ahead
  const dayAhead = async (k: number): Promise<void> => {
    const target = days[k + 1]!;
    const decision = clock.instantOf(days[k]!.epochDay, DAY_AHEAD_HOUR);
    const history = openHistory({ frame: sysFrame, decisionTime: decision, exogenous: temperatureColumns });
    model!.fit(history);
    const prediction = model!.predict({ history, horizon: 48 });
    const at48 = (instant: number): number => {
      const index = Math.round((instant - decision) / HOUR_MS);
      const v = prediction[Math.min(47, Math.max(0, index))]!;
      return Number.isFinite(v) ? v : Number.NaN;
    };
    const local = Float64Array.from({ length: 24 }, (_, h) => at48(clock.instantOf(target.epochDay, h)));
    const p = k + 1 - periodOffset;
    // the hourly forecast is held over the hour's intervals
    if (p >= 0) for (let t = 0; t < I; t++) forecastKw[p * I + t] = local[Math.floor(t / iph)]! * inputs.kwPerSystemUnit;
    // On-chain day-ahead commitment for the UTC day holding the target day's noon.
    const utcDay = Math.floor(clock.instantOf(target.epochDay, 12) / 86_400_000);
    const kw = Array.from({ length: 24 }, (_, h) => Math.max(1, Math.min((1 << 21) - 1, Math.round(at48(utcDay * 86_400_000 + h * HOUR_MS) * inputs.kwPerSystemUnit) || 1)));
    const packed = packHours(kw);
    const commitAt = chainSeconds(days[k]!.epochDay, DAY_AHEAD_HOUR);
    await exec([...routine.splice(0), writeCall({ account: actors.forecaster, contract: c.loadForecast, functionName: 'commitForecast', args: [REGION, utcDay + offsetDays, modelId, packed], gas: GAS.admin })], commitAt);
    pendingActuals.push(utcDay);

    if (p < 0) return;
    if (target.year !== seasonYear) [seasonYear, calledThisSeason] = [target.year, 0];
    const trailing = trailingPeakAt(decision);
    const forecastInUnit = trig.metric === 'percentOfPeak' ? local : Float64Array.from(local, (v) => v * inputs.kwPerSystemUnit);
    const { event } = callEvent({ forecast: forecastInUnit, trailingPeak: trailing, program, calledThisSeason, hoursBeforeDay: 24 - DAY_AHEAD_HOUR - 0.5 });
    if (event === null) return;
    calledThisSeason += 1;
    agentEventId += 1;
    const startSeconds = chainSeconds(target.epochDay, event.startHour);
    const createAt = startSeconds - BigInt(Math.round(event.noticeHours * 3600));
    const tierNumber = TIERS.indexOf(event.tier) + 1;
    // The system reduction the utilities ask for: the forecast peak down to the day's stress level (at least 1 % of
    // the peak), shared between the utilities by their number of consumers.
    const toKw = (v: number) => (trig.metric === 'percentOfPeak' ? v * inputs.kwPerSystemUnit : v);
    const forecastPeakKw = toKw(event.forecastPeak);
    const stressLevelKw = toKw(trig.metric === 'percentOfPeak' ? (trig.stress / 100) * trailing : trig.stress);
    const neededKw = Math.max(forecastPeakKw - stressLevelKw, 0.01 * forecastPeakKw);
    const shares = Array.from({ length: U }, (_, u) => Math.floor((n - 1 - u) / U) + 1);
    const chainEvents: ChainEvent[] = [];
    const creates: Call[] = [];
    for (let u = 0; u < U; u++) {
      const token = utilityTokens[u]!;
      const targetKw = Math.max(1, Math.round((neededKw * shares[u]!) / n));
      const rate = rateUnits(token);
      creates.push(
        writeCall({
          account: actors.utilities[u]!,
          contract: c.reductionRequests,
          functionName: 'createEvent',
          args: [{ region: REGION, start: startSeconds, duration: event.durationHours * 3600, tier: tierNumber, targetKw: BigInt(targetKw), rate, baselineMethodId: method.id, token: tokenAddress[token] }],
          gas: GAS.admin,
        }),
      );
      chainEvents.push({ utility: u, eventId: nextEventId++, token, rate, targetKw, stressBps: 0, createdAt: 0n, committed: [], gas: new Map() });
    }
    const createTs = createAt > chainNow ? createAt : chainNow + blockTime;
    const created = await exec(creates, createTs);
    created.forEach((r, u) => {
      chainEvents[u]!.createdAt = r.receipt.blockNumber;
      gasOf([r], chainEvents[u]!.gas);
    });
    const stored = await Promise.all(chainEvents.map((e) => c.reductionRequests.read.getEvent([e.eventId])));
    stored.forEach((s, u) => (chainEvents[u]!.stressBps = s.stressBps));
    // Consumers decide (statuses do not depend on the day's loads; the state carries fatigue from earlier events).
    const utcOffsetHours = clock.utcOffsetHours(clock.instantOf(target.epochDay, event.startHour));
    const decided = respondToEvent({
      population,
      loads: zeros,
      intervalsPerHour: iph,
      event: { id: agentEventId, day: target, startHour: event.startHour, durationHours: event.durationHours, tier: event.tier, noticeHours: event.noticeHours, incentiveRate: incentiveUsd },
      tiers: program.tiers,
      state: eventState,
      utcOffsetHours,
    });
    const drDay: DrDay = {
      dayIndex: k + 1,
      agentId: agentEventId,
      startHour: event.startHour,
      durationHours: event.durationHours,
      tier: event.tier,
      noticeHours: event.noticeHours,
      incentiveRate: incentiveUsd,
      stateBefore: eventState,
      status: decided.status,
      chainEvents,
    };
    eventState = decided.state;
    drDays.set(k + 1, drDay);
    // Opt-outs (own transactions), standing opt-ins (relayed enrollAuto) and signed opt-ins (relayed optInBySig).
    const domain = { name: 'peaklab ReductionRequests', version: '1', chainId: node.chainId, verifyingContract: addresses.reductionRequests } as const;
    const calls: Call[] = [];
    const owner: number[] = [];
    for (const e of chainEvents) {
      const auto: Address[] = [];
      const signed: number[] = [];
      for (let i = e.utility; i < n; i += U) {
        const s = decided.status[i]!;
        if (s === PARTICIPATION.optedOut) {
          calls.push(writeCall({ account: actors.consumers[i]!, contract: c.reductionRequests, functionName: 'optOut', args: [e.eventId], gas: GAS.consumerTx }));
          owner.push(e.utility);
          consumerStats.optedOut[i] += 1;
        } else if (s === PARTICIPATION.noResponse || s === PARTICIPATION.responded) {
          e.committed.push(i);
          if (population.autoEnroll[i] === 1) auto.push(actors.consumers[i]!.address);
          else signed.push(i);
        }
      }
      for (let from = 0; from < auto.length; from += ENROLL_BATCH) {
        const chunk = auto.slice(from, from + ENROLL_BATCH);
        calls.push(writeCall({ account: actors.relayer, contract: c.reductionRequests, functionName: 'enrollAuto', args: [e.eventId, chunk], gas: GAS.batchBase + GAS.enrollPerConsumer * BigInt(chunk.length) }));
        owner.push(e.utility);
      }
      const sigs = [];
      for (const i of signed) {
        const signature = await actors.consumers[i]!.signTypedData({
          domain,
          types: { OptIn: [{ name: 'consumer', type: 'address' }, { name: 'eventId', type: 'uint256' }, { name: 'deadline', type: 'uint64' }] },
          primaryType: 'OptIn',
          message: { consumer: actors.consumers[i]!.address, eventId: e.eventId, deadline: startSeconds },
        });
        const { r, s, v, yParity } = parseSignature(signature);
        sigs.push({ consumer: actors.consumers[i]!.address, deadline: startSeconds, v: Number(v ?? 27n + BigInt(yParity ?? 0)), r, s });
      }
      for (let from = 0; from < sigs.length; from += ENROLL_BATCH) {
        const chunk = sigs.slice(from, from + ENROLL_BATCH);
        calls.push(writeCall({ account: actors.relayer, contract: c.reductionRequests, functionName: 'optInBySig', args: [e.eventId, chunk], gas: GAS.batchBase + GAS.optInSigPerConsumer * BigInt(chunk.length) }));
        owner.push(e.utility);
      }
    }
    const joined = await exec(calls, chainNow + blockTime);
    joined.forEach((r, j) => gasOf([r], chainEvents[owner[j]!]!.gas));
    const after = await Promise.all(chainEvents.map((e) => c.reductionRequests.read.getEvent([e.eventId])));
    after.forEach((s, u) => {
      const e = chainEvents[u]!;
      if (s.optedIn !== e.committed.length) {
        throw new ChainError(`Event ${e.eventId}: the chain committed ${s.optedIn} consumers, the agents ${e.committed.length}`, {
          details: `utility ${e.utility}; eligibility on chain (ConsumerRegistry.eligibility) and the agents' preferences disagree`,
          hint: 'This is a bug in how preferences reach the chain; see OptInSkipped events of the event.',
        });
      }
    });
    eventDates.push(target.date);
  };

  // ----------------------------------------------------------------------------------------- settlement
  const settle = async (dayIndex: number, vee: ValidateReadsResult, baseLoads: Float64Array | undefined): Promise<void> => {
    const dr = drDays.get(dayIndex);
    const settleAt = chainSeconds(days[dayIndex]!.epochDay + 1, SETTLE_HOUR);
    if (dr !== undefined) {
      const windowDays = days.slice(dayIndex - window.days + 1, dayIndex + 1);
      const frameStart = clock.instantOf(windowDays[0]!.epochDay, 0);
      const eventStart = frameStart + ((window.days - 1) * 24 + dr.startHour) * HOUR_MS;
      const temperature = inputs.temperatureC.slice((dayIndex - window.days + 1) * 24, (dayIndex + 1) * 24);
      const priorEventDays = eventDates.filter((date) => date < days[dayIndex]!.date);
      for (const e of dr.chainEvents) {
        const columns = new Map<string, Float64Array>();
        for (const i of e.committed) columns.set(`c${i}`, window.series(i, dayIndex));
        const frame = windowFrame({ days: windowDays, start: frameStart, timezone: scenario.period.timezone, columns, temperatureC: temperature });
        // settled after the event day: every read of the window is in (methods still read only what they declare)
        const history = openHistory({ frame, decisionTime: frameStart + window.days * 24 * HOUR_MS, exogenous: ['temperature'] });
        const delivered: bigint[] = [];
        const committedWh: bigint[] = [];
        const outcomes: number[] = [];
        let deliveredKwhTotal = 0;
        let baselineKwhTotal = 0;
        let rejectedInEvent = 0;
        const rejectedByReason = new Map<string, number>();
        for (const i of e.committed) {
          const b = computeBaselineDetailed({
            spec: method.spec,
            history,
            column: `c${i}`,
            event: { start: eventStart, durationHours: dr.durationHours },
            eventDays: priorEventDays,
            holidays: inputs.holidayDates,
            temperatureColumn: 'temperature',
          });
          let sum = 0;
          let base = 0;
          let truth = 0;
          let ok = b.insufficient === null;
          for (let h = 0; h < dr.durationHours; h++) {
            const bh = b.values[h]!; // the hour's baseline (kWh), a share 1/iph of it per interval
            if (!Number.isFinite(bh)) ok = false;
            base += bh;
            for (let q = 0; q < iph; q++) {
              const t = (dr.startHour + h) * iph + q;
              truth += baseLoads === undefined ? 0 : baseLoads[i * I + t]! / iph;
              if (vee.status[i * I + t] === VEE_STATUS.rejected) {
                rejectedInEvent += 1;
                const why = VEE_REASON_NAMES[vee.reason[i * I + t]!]!;
                rejectedByReason.set(why, (rejectedByReason.get(why) ?? 0) + 1);
                continue; // nothing is paid on a rejected read
              }
              sum += bh / iph - vee.value[i * I + t]!;
            }
          }
          if (ok && baseLoads !== undefined) {
            baselineItems.baselineKwh.push(base);
            baselineItems.counterfactualKwh.push(truth);
          }
          const deliveredKwh = ok ? Math.max(0, sum) : 0;
          const commitKwh = ok ? population.flexibleShare[i]! * base : 0;
          const d = BigInt(Math.floor(deliveredKwh * 1000));
          const cw = BigInt(Math.floor(commitKwh * 1000));
          delivered.push(d);
          committedWh.push(cw);
          const compliance = cw === 0n ? 0n : (d * 10_000n) / cw;
          outcomes.push(Number(compliance > 10_000n ? 10_000n : compliance));
          deliveredKwhTotal += Number(d) / 1000;
          if (ok) baselineKwhTotal += base;
        }
        // Payouts: the TypeScript mirror, and the oracle's leaves from the on-chain reference quotePayout.
        const terms = { rate: e.rate, tierMultiplierBps: BigInt(program.tiers[dr.tier].incentiveMultiplierBps), stressBps: BigInt(e.stressBps) };
        const mirrorPay = e.committed.map((_, j) => quotePayout({ terms, rules, deliveredWh: delivered[j]!, committedWh: committedWh[j]! }).amount);
        // (a consumer that delivered nothing is owed nothing: the rule multiplies by deliveredWh, so it is not quoted)
        const quotedIndex = e.committed.map((_, j) => j).filter((j) => delivered[j]! > 0n);
        const quoted = await ethCalls({
          engine,
          abi: incentiveDistributorAbi,
          address: addresses.incentiveDistributor,
          functionName: 'quotePayout',
          args: quotedIndex.map((j) => [e.eventId, delivered[j]!, committedWh[j]!]),
          doing: `quoting event ${e.eventId}'s payouts`,
        });
        const oraclePay = e.committed.map(() => 0n);
        quotedIndex.forEach((j, q) => (oraclePay[j] = quoted[q] as bigint));
        if (faults?.oraclePayoutDelta !== undefined && firstPaid) {
          const j = e.committed.indexOf(faults.oraclePayoutDelta.consumer);
          if (j >= 0 && oraclePay[j]! > 0n) {
            oraclePay[j] = oraclePay[j]! + faults.oraclePayoutDelta.units;
            firstPaid = false;
          }
        }
        const participants = outcomes.filter((o) => o > 0).length;
        const deliveredWhTotal = delivered.reduce((a, b) => a + b, 0n);
        const resultsRoot = resultsCommitment({ accounts: e.committed.map((i) => actors.consumers[i]!.address), delivered, committed: committedWh, outcomes });
        const calls: Call[] = [
          writeCall({ account: actors.oracle, contract: c.reductionRequests, functionName: 'postResults', args: [e.eventId, deliveredWhTotal, participants, resultsRoot], gas: GAS.admin }),
        ];
        for (let from = 0; from < e.committed.length; from += OUTCOME_BATCH) {
          const idx = e.committed.slice(from, from + OUTCOME_BATCH);
          calls.push(
            writeCall({
              account: actors.oracle,
              contract: c.reductionRequests,
              functionName: 'postOutcomes',
              args: [e.eventId, idx.map((i) => actors.consumers[i]!.address), outcomes.slice(from, from + OUTCOME_BATCH)],
              gas: GAS.batchBase + GAS.outcomesPerConsumer * BigInt(idx.length),
            }),
          );
        }
        calls.push(writeCall({ account: actors.oracle, contract: c.reductionRequests, functionName: 'finalize', args: [e.eventId], gas: GAS.admin }));
        const results = await exec(calls, settleAt);
        gasOf(results, e.gas);
        const payMirror = e.committed.map((i, j) => ({ account: actors.consumers[i]!.address, amount: mirrorPay[j]! })).filter((x) => x.amount > 0n);
        const payOracle = e.committed.map((i, j) => ({ account: actors.consumers[i]!.address, amount: oraclePay[j]! })).filter((x) => x.amount > 0n);
        mirror.creditEvent({ ...programKey(e.utility), eventId: e.eventId, payouts: payMirror });
        oracleLedger.creditEvent({ ...programKey(e.utility), eventId: e.eventId, payouts: payOracle });
        for (let j = 0; j < e.committed.length; j++) {
          const i = e.committed[j]!;
          consumerStats.events[i] += 1;
          if (outcomes[j]! > 0) consumerStats.participated[i] += 1;
        }
        const record = eventRecords.find((r) => r.eventId === e.eventId.toString());
        if (record !== undefined) {
          const targetWh = BigInt(e.targetKw) * 1000n * BigInt(dr.durationHours);
          record.participants = participants;
          record.deliveredKwh = deliveredKwhTotal;
          record.baselineKwh = baselineKwhTotal;
          record.readsRejected = rejectedInEvent;
          record.readsRejectedByReason = Object.fromEntries([...rejectedByReason].sort(([a], [b]) => (a < b ? -1 : 1)));
          record.alert = deliveredWhTotal < targetWh;
          record.payoutByToken = { [e.token]: payMirror.reduce((a, b) => a + b.amount, 0n).toString() };
          record.gas = Object.fromEntries([...e.gas].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, v]) => [key, { calls: v.calls, gas: Number(v.gas) }]));
        }
      }
    }
    // Settlement roots per cadence (and always at the end: `final`).
    await postRoots(settleAt, false, days[dayIndex]!);
    // Actual load of the UTC days that have ended (scores the forecaster on chain).
    const actuals: Call[] = [];
    while (pendingActuals.length > 0 && BigInt(pendingActuals[0]! + 1 + offsetDays) * DAY_S <= settleAt && pendingActuals[0]! * 86_400_000 + 24 * HOUR_MS <= clock.instantOf(days[dayIndex]!.epochDay + 1, 0)) {
      const utcDay = pendingActuals.shift()!;
      const kw = Array.from({ length: 24 }, (_, h) => {
        const slot = slotOfInstant(utcDay * 86_400_000 + h * HOUR_MS);
        let v = 1;
        if (slot !== undefined) {
          v = 0; // the hour's mean of its intervals
          for (let q = 0; q < iph; q++) v += drAgg[slot * iph + q]! / iph;
        }
        return Math.max(1, Math.min((1 << 21) - 1, Math.round(v)));
      });
      actuals.push(writeCall({ account: actors.oracle, contract: c.loadForecast, functionName: 'postActuals', args: [REGION, utcDay + offsetDays, packHours(kw)], gas: GAS.admin }));
    }
    routine.push(...actuals); // mined with the day's forecast commit
  };

  /** Local hour instant → hourly slot k × 24 + h (its intervals are slot × iph … slot × iph + iph − 1). */
  const slotIndex = new Map<number, number>();
  for (let k = 0; k < K; k++) for (let h = 0; h < 24; h++) if (!slotIndex.has(clock.instantOf(days[k]!.epochDay, h))) slotIndex.set(clock.instantOf(days[k]!.epochDay, h), k * 24 + h);
  const slotOfInstant = (instant: number) => slotIndex.get(instant);

  const postRoots = async (when: bigint, final: boolean, day: SimDay): Promise<void> => {
    const cadence = program.settlement.cadence;
    if (!final && cadence === 'weekly' && day.weekday !== 0) return;
    const calls: Call[] = [];
    const trees: { k: number; tree: EntitlementTreeResult; eventIds: bigint[] }[] = [];
    for (let k = 0; k < U; k++) {
      const key = programKey(k);
      if (oracleLedger.pendingEvents(key).length === 0) continue;
      const next = oracleLedger.nextRoot(key);
      trees.push({ k, tree: next, eventIds: next.eventIds });
      calls.push(writeCall({ account: actors.oracle, contract: c.incentiveDistributor, functionName: 'postRoot', args: [key.utility, key.token, next.root, next.total, next.eventIds], gas: GAS.batchBase + 60_000n * BigInt(next.eventIds.length) + GAS.admin }));
    }
    if (calls.length === 0) return;
    await exec(calls, when);
    const window = await c.incentiveDistributor.read.disputeWindow();
    trees.forEach(({ k, tree, eventIds }) => {
      oracleLedger.markPosted({ ...programKey(k), eventIds });
      mirror.markPosted({ ...programKey(k), eventIds });
      const list = posted.get(programId(k)) ?? [];
      list.push({ tree, claimableAt: chainNow + window });
      posted.set(programId(k), list);
    });
  };

  // ----------------------------------------------------------------------------------------- claims
  const claims = async (k: number): Promise<void> => {
    const when = chainSeconds(days[k]!.epochDay, CLAIM_HOUR);
    const calls: Call[] = [];
    for (let u = 0; u < U; u++) {
      const list = posted.get(programId(u)) ?? [];
      let root: PostedRoot | undefined;
      for (const r of list) if (r.claimableAt <= when) root = r;
      if (root === undefined) continue;
      const token = utilityTokens[u]!;
      const leaves = new Map(root.tree.leaves.map((l) => [l.account, l.cumulative]));
      const batch: { account: Address; cumulative: bigint; proof: Hex[] }[] = [];
      for (let i = u; i < n; i += U) {
        const account = actors.consumers[i]!.address;
        const cumulative = leaves.get(account);
        if (cumulative === undefined || cumulative - claimedLocal[i]! < minClaim[token] || cumulative <= claimedLocal[i]!) continue;
        if (!(counterUniform(claimKey[i]!, days[k]!.epochDay, 0) < program.claims.probabilityPerDay)) continue;
        batch.push({ account, cumulative, proof: root.tree.proofFor(account) });
        claimedLocal[i] = cumulative;
      }
      const key = programKey(u);
      for (let from = 0; from < batch.length; from += CLAIM_BATCH) {
        const chunk = batch.slice(from, from + CLAIM_BATCH);
        calls.push(writeCall({ account: actors.relayer, contract: c.incentiveDistributor, functionName: 'claimBatch', args: [key.utility, key.token, chunk], gas: GAS.batchBase + 150_000n * BigInt(chunk.length) }));
      }
    }
    routine.push(...calls); // mined with the day's forecast commit
  };

  // ----------------------------------------------------------------------------------------- the days
  step(`simulating ${inputs.warmupDays} warm-up days (meter history) and ${periodDays} days`);
  for (let k = 0; k < K; k++) {
    const p = k - periodOffset;
    const day = days[k]!;
    if (previous !== undefined && p >= 0) await settle(previous.dayIndex, previous.vee, previous.baseLoads);
    if (p >= 0) await claims(k);
    if (p >= -1 && k + 1 < K) await dayAhead(k);
    else await exec(routine.splice(0), chainSeconds(day.epochDay, DAY_AHEAD_HOUR));
    // Consumers, meters and the oracle's VEE for day k.
    const { loads: base } = consumerLoadsForDay({
      population,
      day,
      temperature: inputs.temperatureC.subarray(k * 24, k * 24 + 24),
      systemScale: inputs.scale.subarray(k * 24, k * 24 + 24),
      intervalsPerHour: iph,
      out: loadsBuffer,
    });
    const dr = drDays.get(k);
    let loads = base;
    let participants: Uint8Array | undefined;
    let eventWindow: { start: number; end: number } | undefined;
    let baseCopy: Float64Array | undefined;
    if (dr !== undefined) {
      baseCopy = base.slice();
      const r = respondToEvent({
        population,
        loads: base,
        intervalsPerHour: iph,
        event: { id: dr.agentId, day, startHour: dr.startHour, durationHours: dr.durationHours, tier: dr.tier, noticeHours: dr.noticeHours, incentiveRate: dr.incentiveRate },
        tiers: program.tiers,
        state: dr.stateBefore,
        utcOffsetHours: clock.utcOffsetHours(clock.instantOf(day.epochDay, dr.startHour)),
      });
      loads = r.loads;
      participants = new Uint8Array(n);
      for (const e of dr.chainEvents) for (const i of e.committed) participants[i] = 1;
      eventWindow = { start: dr.startHour * iph, end: (dr.startHour + dr.durationHours) * iph };
      for (let i = 0; i < n; i++) {
        consumerStats.curtailedKwh[i] += r.curtailedKwh[i]!;
        consumerStats.reboundKwh[i] += r.reboundKwh[i]!;
      }
      for (const e of dr.chainEvents) {
        let optedIn = 0;
        let optedOut = 0;
        let eRebound = 0;
        for (let i = e.utility; i < n; i += U) {
          if (dr.status[i] === PARTICIPATION.optedOut) optedOut += 1;
          if (dr.status[i] === PARTICIPATION.noResponse || dr.status[i] === PARTICIPATION.responded) optedIn += 1;
          eRebound += r.reboundKwh[i]!;
        }
        eventRecords.push({
          eventId: e.eventId.toString(),
          tier: dr.tier,
          start: new Date(clock.instantOf(day.epochDay, dr.startHour)).toISOString(),
          durationHours: dr.durationHours,
          region: String(REGION),
          utility: actors.utilities[e.utility]!.address,
          targetKw: e.targetKw,
          rateByToken: { [e.token]: e.rate.toString() },
          stressBps: e.stressBps,
          optedIn,
          optedOut,
          participants: 0,
          deliveredKwh: 0,
          baselineKwh: 0,
          reboundKwh: eRebound,
          peakReductionKw: 0,
          payoutByToken: {},
          readsRejected: 0,
          readsRejectedByReason: {},
          alert: false,
          gas: {},
        });
      }
      if (p >= 0) for (let t = 0; t < I; t++) eventIdsBySlot[p * I + t] = t >= eventWindow.start && t < eventWindow.end ? dr.chainEvents.map((e) => e.eventId.toString()).join(';') : '';
    }
    for (let i = 0; i < n; i++) {
      for (let t = 0; t < I; t++) {
        baseAgg[k * I + t] += (baseCopy ?? loads)[i * I + t]!;
        drAgg[k * I + t] += loads[i * I + t]!;
      }
    }
    const reads = meterReads({ population, trueLoad: loads, day, intervalsPerHour: iph, eventWindow, eventParticipants: participants });
    const vee = validateReads({ reads, day, history: veeHistory, intervalsPerHour: iph, eventWindow, eventParticipants: participants });
    veeHistory = vee.history;
    window.put(k, hourlyKwh(vee.value, iph, hourlyReads));
    if (p >= 0) {
      meterStats.reads += n * I;
      meterStats.rejected += vee.rejected;
      for (let f = 0; f < FAULT_KINDS; f++) meterStats.injected[f] += reads.injected[f]!;
      for (let i = 0; i < n; i++) for (let t = 0; t < I; t++) if (vee.status[i * I + t] === VEE_STATUS.rejected) consumerStats.readsRejected[i] += 1;
    }
    previous = { dayIndex: k, vee, baseLoads: baseCopy };
    if (p >= 0) onProgress({ phase: 'day', message: `${day.date}${dr ? ` event ${dr.chainEvents.map((e) => e.eventId).join(',')} (${dr.tier}, ${dr.startHour}:00 +${dr.durationHours} h)` : ''}`, day: p + 1, days: periodDays });
  }
  if (previous !== undefined) await settle(previous.dayIndex, previous.vee, previous.baseLoads);
  await exec(routine.splice(0), chainSeconds(days[K - 1]!.epochDay + 1, 0.75));
  await postRoots(chainSeconds(days[K - 1]!.epochDay + 1, 1), true, days[K - 1]!);
  onProgress({ phase: 'finish', message: 'cross-checking entitlements against the chain' });

  // ----------------------------------------------------------------------------------------- cross-check
  const claimedOnChain = (await ethCalls({
    engine,
    abi: incentiveDistributorAbi,
    address: addresses.incentiveDistributor,
    functionName: 'claimedOf',
    args: actors.consumers.map((a, i) => [programKey(utilityOf(i)).utility, programKey(utilityOf(i)).token, a.address]),
    doing: 'reading every consumer’s claimed amount',
  })) as bigint[];
  const onChain: { account: string; amount: bigint }[] = [];
  for (let u = 0; u < U; u++) {
    const key = programKey(u);
    const list = posted.get(programId(u)) ?? [];
    const last = list[list.length - 1];
    const ids = await c.incentiveDistributor.read.rootsOf([key.utility, key.token]);
    if (last !== undefined) {
      const root = await c.incentiveDistributor.read.rootOf([ids[ids.length - 1]!]);
      if (root.merkleRoot !== last.tree.root) {
        throw new ChainError(`The latest on-chain root of program ${u} is not the oracle's`, { details: `chain ${root.merkleRoot}, oracle ${last.tree.root}`, hint: 'Another client posted roots on this node.' });
      }
    }
    const leaves = new Map((last?.tree.leaves ?? []).map((l) => [l.account, l.cumulative]));
    for (let i = u; i < n; i += U) {
      const account = actors.consumers[i]!.address;
      const claimed = claimedOnChain[i]!;
      const leaf = leaves.get(account) ?? 0n;
      onChain.push({ account, amount: claimed + (leaf > claimed ? leaf - claimed : 0n) });
    }
  }
  const expected = actors.consumers.map((a, i) => ({ account: a.address, amount: mirror.cumulativeOf({ ...programKey(utilityOf(i)), account: a.address }) }));
  const check = crossCheck({ expected, onChain });
  if (check.mismatches.length > 0) {
    throw new PayoutRuleError(`Cross-check failed: ${check.mismatches.length} of ${n} consumers' on-chain entitlement (claimed + claimable) differs from the TypeScript payout mirror`, {
      details: check.mismatches
        .slice(0, 5)
        .map((m) => `${m.account}: mirror ${m.expected}, chain ${m.onChain} (${m.onChain > m.expected ? '+' : ''}${m.onChain - m.expected})`)
        .join('; '),
      hint: 'The oracle posted a root that does not follow the payout rule (or the rule changed on chain); no results were written.',
    });
  }
  const reliability = (await ethCalls({
    engine,
    abi: consumerRegistryAbi,
    address: addresses.consumerRegistry,
    functionName: 'reliabilityOf',
    args: actors.consumers.map((a) => [a.address]),
    doing: 'reading every consumer’s reliability',
  })) as number[];

  // Peak reduction per event (system level, event hours).
  for (const record of eventRecords) {
    const start = Date.parse(record.start);
    let best = 0;
    for (let h = 0; h < record.durationHours; h++) {
      const slot = slotOfInstant(start + h * HOUR_MS);
      if (slot !== undefined) for (let q = 0; q < iph; q++) best = Math.max(best, baseAgg[slot * iph + q]! - drAgg[slot * iph + q]!);
    }
    record.peakReductionKw = best / scenario.utilities.count;
  }

  const record: RunRecord = {
    scenario,
    scenarioPath,
    scenarioSha256,
    inputs,
    clock,
    intervalsPerHour: iph,
    baseAgg: baseAgg.subarray(periodOffset * I),
    drAgg: drAgg.subarray(periodOffset * I),
    forecastKw,
    eventIdsBySlot,
    events: eventRecords,
    consumers: {
      addresses: actors.consumers.map((a) => a.address),
      utility: actors.consumers.map((_, i) => actors.utilities[utilityOf(i)]!.address),
      token: actors.consumers.map((_, i) => utilityTokens[utilityOf(i)]!),
      entitlement: expected.map((e) => e.amount),
      claimed: claimedOnChain,
      reliabilityBps: reliability,
      ...consumerStats,
    },
    meters: meterStats,
    baselineItems,
    ledger: engine.ledger,
    deployed: system.deployed,
    chain: { chainId: node.chainId, hardfork: scenario.chain.hardfork, rpc: rpcUrl !== undefined || scenario.chain.mode === 'rpc' ? (rpcUrl ?? scenario.chain.rpcUrl ?? '') : 'embedded' },
    tools,
    crossCheck: { consumersChecked: check.consumersChecked, mismatches: check.mismatches.length },
    thresholds: { stressKw, emergencyKw },
    notes: inputs.notes,
    forecastModel: scenario.forecast.model,
  };
  const gas = engine.ledger.summary();
  return {
    record,
    stats: {
      consumerIntervals: n * K * I,
      transactions: gas.transactions,
      gasUsed: gas.gasUsed,
      consumerEvents: eventRecords.reduce((a, e) => a + e.optedIn, 0),
      events: eventRecords.length,
    },
  };
}

/**
 * The oracle's hourly kWh from validated interval reads (count × 24·iph, kWh per interval): the sum of each hour's
 * intervals, NaN when any of them was rejected (a CBL day with a rejected quarter-hour is missing that hour, as
 * with hourly reads). With hourly reads it is the reads themselves.
 */
export function hourlyKwh(values: Float64Array, iph: IntervalsPerHour, out: Float64Array): Float64Array {
  if (iph === 1) return values;
  const hours = out.length;
  for (let j = 0; j < hours; j++) {
    let sum = 0;
    for (let q = 0; q < iph; q++) sum += values[j * iph + q]!;
    out[j] = sum;
  }
  return out;
}

/** LoadForecast's packing: 24 hourly kW values, 21 bits each, 12 per word. */
export function packHours(kw: readonly number[]): readonly [bigint, bigint] {
  const words = [0n, 0n];
  kw.forEach((v, h) => {
    words[Math.floor(h / 12)]! |= BigInt(v) << BigInt((h % 12) * 21);
  });
  return [words[0]!, words[1]!] as const;
}

export interface ResultsCommitmentParameters {
  accounts: readonly Address[];
  delivered: readonly bigint[];
  committed: readonly bigint[];
  outcomes: readonly number[];
}

/**
 * The `resultsRoot` an event's results are posted with: keccak256 over the consumers' verified results in
 * registry order, each row `account (20 bytes) ‖ deliveredWh (16) ‖ committedWh (16) ‖ outcomeBps (2)` — one hash
 * over 54-byte rows, so anyone holding the published results file can recompute it.
 */
export function resultsCommitment({ accounts, delivered, committed, outcomes }: ResultsCommitmentParameters): Hex {
  const row = 54;
  const bytes = new Uint8Array(accounts.length * row);
  const put = (value: bigint, at: number, width: number) => {
    for (let b = width - 1; b >= 0; b--) {
      bytes[at + b] = Number(value & 0xffn);
      value >>= 8n;
    }
  };
  accounts.forEach((account, j) => {
    const at = j * row;
    bytes.set(hexToBytes(account), at);
    put(delivered[j]!, at + 20, 16);
    put(committed[j]!, at + 36, 16);
    put(BigInt(outcomes[j]!), at + 52, 2);
  });
  return keccak256(bytes);
}
