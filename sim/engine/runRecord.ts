import type { DeployedContract, GasLedger } from '../chain/index.ts';
import type { Scenario, TokenSymbol } from '../scenario/index.ts';
import type { EngineInputs } from './loadInputs.ts';
import type { SimClock } from './simClock.ts';

/** One line of events.jsonl (docs/run-directory.md). */
export interface EventRecord {
  eventId: string;
  tier: string;
  start: string;
  durationHours: number;
  region: string;
  utility: string;
  targetKw: number;
  rateByToken: Record<string, string>;
  stressBps: number;
  optedIn: number;
  optedOut: number;
  participants: number;
  deliveredKwh: number;
  baselineKwh: number;
  reboundKwh: number;
  peakReductionKw: number;
  payoutByToken: Record<string, string>;
  readsRejected: number;
  /** Rejected event reads of committed consumers by VEE reason (why they earned nothing for those intervals). */
  readsRejectedByReason: Record<string, number>;
  alert: boolean;
  gas: Record<string, { calls: number; gas: number }>;
}

export interface ConsumerColumns {
  addresses: readonly string[];
  utility: readonly string[];
  token: readonly TokenSymbol[];
  entitlement: readonly bigint[];
  claimed: readonly bigint[];
  reliabilityBps: readonly number[];
  events: Uint16Array;
  participated: Uint16Array;
  optedOut: Uint16Array;
  curtailedKwh: Float64Array;
  reboundKwh: Float64Array;
  readsRejected: Uint32Array;
}

/**
 * The raw record of a finished run — what the engine hands to the later stages (sim/metrics turns it into the
 * run-directory files and their KPIs). Series cover the period only (warm-up days excluded).
 */
export interface RunRecord {
  scenario: Scenario;
  scenarioPath: string;
  scenarioSha256: string;
  inputs: EngineInputs;
  clock: SimClock;
  /** Intervals per hour: 1 (1h) or 4 (15m). */
  intervalsPerHour: 1 | 4;
  /** Period days × 24 × intervalsPerHour (kW). */
  baseAgg: Float64Array;
  drAgg: Float64Array;
  forecastKw: Float64Array;
  eventIdsBySlot: readonly string[];
  events: readonly EventRecord[];
  consumers: ConsumerColumns;
  meters: { reads: number; rejected: number; injected: Float64Array };
  /** Per consumer-event: the settlement baseline and the true counterfactual over the event window (kWh). */
  baselineItems: { baselineKwh: number[]; counterfactualKwh: number[] };
  ledger: GasLedger;
  deployed: readonly DeployedContract[];
  chain: { chainId: number; hardfork: string; rpc: string };
  tools: Readonly<Record<string, string>>;
  crossCheck: { consumersChecked: number; mismatches: number };
  thresholds: { stressKw: number; emergencyKw: number };
  notes: readonly string[];
  forecastModel: string;
}
