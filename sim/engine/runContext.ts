import type { Address, Hex } from 'viem';
import type { ConsumerPopulation, IntervalsPerHour } from '../agents/index.ts';
import type { ChainNode, DeploySystemResult, TxEngine } from '../chain/index.ts';
import type { ForecastModel } from '../forecast/index.ts';
import type { EntitlementTreeResult, PayoutRules } from '../incentives/index.ts';
import type { Scenario, TokenSymbol } from '../scenario/index.ts';
import type { EngineInputs } from './loadInputs.ts';
import type { RunProgress, RunSimulationParameters } from './runSimulation.ts';
import type { ChainActors } from './chainActors.ts';
import type { SimClock } from './simClock.ts';

/** The run's dimensions. */
export interface RunShape {
  /** Consumers. */
  n: number;
  /** Utilities (consumer i is served by utility i mod U). */
  U: number;
  /** Intervals per hour (1 or 4) and per day. */
  iph: IntervalsPerHour;
  I: number;
  /** Simulated days (warm-up + period), the period's first day index and its length. */
  K: number;
  periodOffset: number;
  periodDays: number;
}

/**
 * What a run knows and never changes once the chain is set up: the scenario and its inputs, the chain (node, tx
 * engine, actors, contracts), the program's rules and the forecaster. Phases read it; they change only the run
 * state. Built by `createRunContext`.
 */
export interface RunContext {
  scenario: Scenario;
  inputs: EngineInputs;
  population: ConsumerPopulation;
  shape: RunShape;
  clock: SimClock;
  node: ChainNode;
  engine: TxEngine;
  actors: ChainActors;
  system: DeploySystemResult;
  tokenAddress: Readonly<Record<TokenSymbol, Address>>;
  /** Payout token of each utility's program. */
  utilityTokens: readonly TokenSymbol[];
  /** Chain seconds of a local day's hour (simulation time + a whole number of weeks on a node already past the season). */
  chainSeconds: (epochDay: number, hour: number) => bigint;
  /** Whole days the chain runs ahead of the simulation clock. */
  offsetDays: number;
  blockTime: bigint;
  /** The trailing-year peak of the system load visible at an instant (system unit). */
  trailingPeakAt: (instant: number) => number;
  thresholds: { stressKw: number; emergencyKw: number };
  rules: PayoutRules;
  /** The rate of a token's program in its units. */
  rateUnits: (symbol: TokenSymbol) => bigint;
  minClaim: Readonly<Record<TokenSymbol, bigint>>;
  /** Per consumer: the key of its claim-day draws. */
  claimKey: Uint32Array;
  model: ForecastModel;
  /** LoadForecast's model id of the forecaster. */
  modelId: number;
  /** Hourly slot (day × 24 + hour) of a local hour instant. */
  slotOfInstant: (instant: number) => number | undefined;
  /** The settlement tree of a posted root (memoised; rebuilt from its leaves after a restore). */
  treeOf: (root: { root: Hex; leaves: readonly { account: Address; cumulative: bigint }[] }) => EntitlementTreeResult;
  /** A program's key on chain: (utility address, token address). */
  programKey: (utility: number) => { utility: Address; token: Address };
  /** Buffers reused from day to day (not state): the day's loads (n × I) and hourly reads (n × 24), written and read within
   *  one day, and a day of zero loads (n × I, never written) for decisions, which do not depend on loads. */
  scratch: { loads: Float64Array; hourlyReads: Float64Array; noLoads: Float64Array };
  faults: RunSimulationParameters['faults'];
  onProgress: (progress: RunProgress) => void;
}
