/**
 * The run-directory contract (docs/run-directory.md) as zod schemas: what `peaklab report` and
 * `compare` rely on. Unknown extra fields are allowed (a newer writer may add some); missing or
 * mistyped fields are errors that name the file and field.
 */
import { z } from 'zod';

const finite = z.number().finite();
/** A non-negative integer amount in a token's smallest units, written as a decimal string. */
const smallestUnits = z.string().regex(/^\d+$/, 'expected a decimal string of integer smallest units');
/** One chain fee model's cost of the run (summary.json gas.feeModels.<model>). */
const feeModelCost = z.looseObject({ costUsd: finite, setupUsd: finite, perConsumerEventUsd: finite.nullable(), gasPriceGwei: finite });

export const runSummarySchema = z.looseObject({
  scenario: z.looseObject({ name: z.string(), seed: z.number().int(), sha256: z.string() }),
  period: z.looseObject({
    start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
    end: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
    intervalMinutes: z.number().int().min(1).max(1440),
    timezone: z.string().min(1),
  }),
  consumers: z.number().int().min(0),
  events: z.number().int().min(0),
  participants: z.looseObject({ total: z.number().int().min(0), meanPerEvent: finite }),
  avoided: z.looseObject({ costUsd: finite, co2Kg: finite }),
  meters: z.looseObject({
    reads: z.number().int().min(0),
    readsRejected: z.number().int().min(0),
    byFault: z.record(z.string(), z.number().int().min(0)),
  }),
  peak: z.looseObject({
    baselineKw: finite,
    withDrKw: finite,
    reductionKw: finite,
    reductionPct: finite,
    // Where the peak moved and why (runs written before these fields lack them).
    baselinePeakTime: z.string().optional(),
    withDrPeakTime: z.string().optional(),
    eventHourReductionKw: finite.nullable().optional(),
    reductionAtBaselinePeakKw: finite.optional(),
    changeAtWithDrPeakKw: finite.optional(),
    moved: z.string().optional(),
    explanation: z.string().optional(),
  }),
  energy: z.looseObject({ curtailedKwh: finite, reboundKwh: finite }),
  loadFactor: z.looseObject({ baseline: finite, withDr: finite }),
  payouts: z.looseObject({
    totalByToken: z.record(z.string(), smallestUnits),
    decimals: z.record(z.string(), z.number().int().min(0).max(77)),
    totalUsd: finite,
    meanPerParticipant: z.record(z.string(), smallestUnits),
    gini: finite.nullable(),
  }),
  gas: z.looseObject({
    total: z.number().int().min(0),
    perConsumerEvent: finite.nullable(),
    costUsd: finite,
    gasPriceGwei: finite,
    ethUsd: finite,
    byFunction: z.record(z.string(), z.looseObject({ calls: z.number().int().min(0), gas: z.number().int().min(0) })),
    feeModels: z.record(z.string(), feeModelCost).optional(),
  }),
  costEffectiveness: z
    .looseObject({
      programCostUsd: finite,
      payoutsUsd: finite,
      gasUsd: finite,
      setupGasUsd: finite,
      avoidedCapacityUsd: finite,
      avoidedEnergyUsd: finite,
      benefitCostPac: finite.nullable(),
      benefitCostTrc: finite.nullable(),
      usdPerKwPeakReduced: finite.nullable(),
      netBenefitUsd: finite,
    })
    .optional(),
  forecast: z.looseObject({ model: z.string(), mapePct: finite.nullable() }).optional(),
  baseline: z.looseObject({ method: z.string(), biasPct: finite.nullable(), rrmsePct: finite.nullable() }).optional(),
  crossCheck: z.looseObject({ consumersChecked: z.number().int().min(0), mismatches: z.number().int().min(0) }).optional(),
  resultsSha256: z.string().optional(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

/** Gas of one event by contract function: either a plain number or `{ calls, gas }`. */
const eventGas = z.union([z.number().int().min(0), z.looseObject({ gas: z.number().int().min(0), calls: z.number().int().min(0).optional() })]);

export const runEventSchema = z.looseObject({
  eventId: z.union([z.string(), z.number()]).transform(String),
  tier: z.union([z.string(), z.number()]).optional(),
  start: z.iso.datetime({ offset: true }),
  durationHours: z.number().positive(),
  region: z.string().optional(),
  targetKw: finite.optional(),
  stressBps: z.number().optional(),
  optedIn: z.number().int().min(0),
  optedOut: z.number().int().min(0),
  participants: z.number().int().min(0),
  deliveredKwh: finite,
  baselineKwh: finite.optional(),
  reboundKwh: finite.optional(),
  peakReductionKw: finite.optional(),
  payoutByToken: z.record(z.string(), smallestUnits).optional(),
  readsRejected: z.number().int().min(0).optional(),
  alert: z.boolean().optional(),
  gas: z.record(z.string(), eventGas).default({}),
});
export type RunEvent = z.infer<typeof runEventSchema>;

export const runManifestSchema = z.looseObject({
  scenario: z.looseObject({ path: z.string(), sha256: z.string() }).optional(),
  datasets: z.array(
    z.looseObject({
      name: z.string().min(1),
      role: z.string().optional(),
      files: z.array(z.looseObject({ path: z.string(), sha256: z.string() })).default([]),
    }),
  ),
  contracts: z.array(z.looseObject({ name: z.string(), address: z.string() })).default([]),
  tools: z.record(z.string(), z.string()).default({}),
  chain: z.looseObject({ chainId: z.number().int().optional(), hardfork: z.string().optional(), rpc: z.string().optional() }).optional(),
});
export type RunManifest = z.infer<typeof runManifestSchema>;

/** Columns of timeseries.csv, consumers.csv and gas.csv the report needs (others are allowed). */
export const TIMESERIES_COLUMNS = ['time', 'systemBaselineKw', 'systemWithDrKw', 'forecastKw', 'eventActive', 'eventId'] as const;
export const CONSUMER_COLUMNS = ['consumerId', 'archetype', 'events', 'participated', 'optedOut', 'curtailedKwh', 'entitlement', 'token'] as const;
export const GAS_COLUMNS = ['block', 'contract', 'function', 'gasUsed'] as const;

/** The parts of backtest-baseline.json (sim/baseline backtestReportFiles) the report reads. */
const errorStats = z.looseObject({ biasPct: finite.nullable(), rrmsePct: finite.nullable() }).nullable();
export const backtestBaselineSchema = z.looseObject({
  schema: z.literal('peaklab/backtest-baseline@1'),
  datasets: z.array(
    z.looseObject({
      dataset: z.string(),
      consumers: z.number().int().optional(),
      methods: z.array(
        z.looseObject({
          rank: z.number().int().nullable().optional(),
          id: z.string(),
          name: z.string(),
          skipped: z.string().nullable().optional(),
          aggregate: errorStats.optional(),
          perConsumerMedian: errorStats.optional(),
        }),
      ),
    }),
  ),
});
export type BacktestBaselineFile = z.infer<typeof backtestBaselineSchema>;

/** The parts of backtest-forecast.json (sim/forecast forecastReport) the report reads. */
export const backtestForecastSchema = z.looseObject({
  schema: z.literal('peaklab/backtest-forecast@1'),
  dataset: z.string(),
  loadUnit: z.string().nullable().optional(),
  period: z.looseObject({ from: z.string(), to: z.string() }),
  runs: z.array(
    z.looseObject({
      mode: z.string(),
      models: z.array(z.looseObject({ name: z.string(), rank: z.number().int(), mapePct: finite.nullable() })),
    }),
  ),
});
export type BacktestForecastFile = z.infer<typeof backtestForecastSchema>;
