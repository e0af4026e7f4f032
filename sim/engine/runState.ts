import type { Address, Hex } from 'viem';
import { type EventState, FAULT_KINDS, initialEventState, initialVeeHistory, type VeeHistory } from '../agents/index.ts';
import { CumulativeLedger, type EntitlementLeafRow } from '../incentives/index.ts';
import type { TIERS, TokenSymbol } from '../scenario/index.ts';
import { MeterWindow } from './meterWindow.ts';
import type { EventRecord } from './runRecord.ts';

/** One utility's event on chain (an agent event is one chain event per utility). */
export interface ChainEvent {
  utility: number;
  eventId: bigint;
  token: TokenSymbol;
  rate: bigint;
  targetKw: number;
  stressBps: number;
  createdAt: bigint;
  /** Consumers committed on chain (opted in or enrolled), ascending ids. */
  committed: number[];
  /** Gas spent on the event, by `Contract.function`. */
  gas: Map<string, { calls: number; gas: bigint }>;
}

/** A day with an event: what the consumers decided the day before, and the chain events. */
export interface DrDay {
  dayIndex: number;
  agentId: number;
  startHour: number;
  durationHours: number;
  tier: (typeof TIERS)[number];
  noticeHours: number;
  /** Per consumer: its program's rate × token price × the event's price factor (USD per kWh, before the tier multiplier). */
  incentiveRate: Float64Array;
  /** The consumers' event state before this event (fatigue), for their response on the day. */
  stateBefore: EventState;
  /** PARTICIPATION per consumer. */
  status: Uint8Array;
  chainEvents: ChainEvent[];
}

/** A settlement root the oracle posted: its leaves and when claims against it open. */
export interface PostedRoot {
  root: Hex;
  total: bigint;
  leaves: { account: Address; cumulative: bigint }[];
  claimableAt: bigint;
}

/** Yesterday's validated reads, kept for today's settlement (count × intervals). */
export interface YesterdayReads {
  dayIndex: number;
  status: Uint8Array;
  reason: Uint8Array;
  value: Float64Array;
  /** True loads without the event response (only on event days: the counterfactual for baseline accuracy). */
  baseLoads: Float64Array | undefined;
}

/**
 * Everything a run carries from one day to the next — one typed object that `serializeRunState` writes and
 * `restoreRunState` reads back exactly (docs/engine.md). It holds no RNG positions: every random draw is
 * counter-based (agent key, day, slot), so a restored state continues the same streams. The chain's own state
 * (blocks, nonces, the gas ledger of the tx engine) lives on the node and in the tx engine, not here.
 */
export interface RunState {
  /** Timestamp of the chain's last block (chain seconds). */
  chainNow: bigint;
  /** The TypeScript payout mirror and the oracle's own ledger of cumulative entitlements. */
  mirror: CumulativeLedger;
  oracleLedger: CumulativeLedger;
  /** Roots posted per utility, oldest first. */
  posted: PostedRoot[][];
  /** What each consumer has claimed so far (token units). */
  claimed: bigint[];
  /** Consumers' event fatigue state (after the last decided event). */
  eventState: EventState;
  /** The oracle's VEE history and its rolling window of validated hourly reads. */
  veeHistory: VeeHistory;
  window: MeterWindow;
  yesterday: YesterdayReads | undefined;
  /** Per interval of all simulated days (days × intervals): aggregate load without and with DR (kW). */
  baseAgg: Float64Array;
  drAgg: Float64Array;
  /** Per interval of the period: day-ahead forecast (kW) and the event ids active in it. */
  forecastKw: Float64Array;
  eventIdsBySlot: string[];
  consumerStats: { events: Uint16Array; participated: Uint16Array; optedOut: Uint16Array; curtailedKwh: Float64Array; reboundKwh: Float64Array; readsRejected: Uint32Array };
  meterStats: { reads: number; rejected: number; injected: Float64Array };
  /** Per consumer-event: the settlement baseline and the true counterfactual over the event window (kWh). */
  baselineItems: { baselineKwh: number[]; counterfactualKwh: number[] };
  /** Event days by simulation day index. */
  drDays: Map<number, DrDay>;
  events: EventRecord[];
  /** Dates of the days with an event (baselines exclude them). */
  eventDates: string[];
  /** UTC days whose forecast was committed and whose actual load is not posted yet. */
  pendingActuals: number[];
  season: { year: number; called: number };
  nextEventId: bigint;
  agentEventId: number;
  /** Test fault (RunSimulationParameters.faults): still to be injected. */
  faultPending: boolean;
}

export interface InitialRunStateParameters {
  consumers: number;
  utilities: number;
  intervalsPerDay: number;
  /** Simulated days (warm-up + period) and period days. */
  days: number;
  periodDays: number;
  /** Days of reads the oracle keeps (the baseline method's warm-up). */
  windowDays: number;
  chainNow: bigint;
}

/** The state of a run before its first day. */
export function initialRunState({ consumers: n, utilities, intervalsPerDay: I, days, periodDays, windowDays, chainNow }: InitialRunStateParameters): RunState {
  return {
    chainNow,
    mirror: new CumulativeLedger(),
    oracleLedger: new CumulativeLedger(),
    posted: Array.from({ length: utilities }, () => []),
    claimed: Array.from({ length: n }, () => 0n),
    eventState: initialEventState({ count: n }),
    veeHistory: initialVeeHistory({ count: n, intervalsPerDay: I }),
    window: new MeterWindow({ count: n, days: windowDays }),
    yesterday: undefined,
    baseAgg: new Float64Array(days * I),
    drAgg: new Float64Array(days * I),
    forecastKw: new Float64Array(periodDays * I).fill(Number.NaN),
    eventIdsBySlot: Array.from({ length: periodDays * I }, () => ''),
    consumerStats: {
      events: new Uint16Array(n),
      participated: new Uint16Array(n),
      optedOut: new Uint16Array(n),
      curtailedKwh: new Float64Array(n),
      reboundKwh: new Float64Array(n),
      readsRejected: new Uint32Array(n),
    },
    meterStats: { reads: 0, rejected: 0, injected: new Float64Array(FAULT_KINDS) },
    baselineItems: { baselineKwh: [], counterfactualKwh: [] },
    drDays: new Map(),
    events: [],
    eventDates: [],
    pendingActuals: [],
    season: { year: -1, called: 0 },
    nextEventId: 1n,
    agentEventId: 0,
    faultPending: true,
  };
}

/** A posted root as kept in the state (its proofs are rebuilt from the leaves when needed). */
export function postedRootOf(tree: { root: Hex; total: bigint; leaves: readonly EntitlementLeafRow[] }, claimableAt: bigint): PostedRoot {
  return { root: tree.root, total: tree.total, leaves: tree.leaves.map(({ account, cumulative }) => ({ account, cumulative })), claimableAt };
}
