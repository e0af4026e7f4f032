import { rng } from '../../rng.ts';
import { callTestEvent, type TestEventRow } from './callTestEvent.ts';
import { hottestDays } from './hottestDays.ts';
import { syntheticSystemLoad } from './syntheticSystemLoad.ts';
import { type TestConsumer, testConsumers } from './testConsumers.ts';

export interface SimulateTestRunParameters {
  seed: number;
  days: number;
  consumers: number;
  /** DR events, on the hottest days (at most `days`). */
  events: number;
  /** false: no forecast (NaN everywhere). */
  forecast: boolean;
}

/** A gas.csv row of the test run; `event` null for setup transactions. */
export interface TestGasRow {
  contract: string;
  fn: string;
  gas: number;
  event: string | null;
}

/** What events change while the test run is simulated (hourly arrays over the run's days). */
export interface TestRunState {
  readonly consumers: TestConsumer[];
  readonly baselineKw: Float64Array;
  readonly withDrKw: Float64Array;
  readonly eventActive: Uint8Array;
  readonly eventIdAt: string[];
  readonly gasRows: TestGasRow[];
}

export interface TestRun extends TestRunState {
  readonly seed: number;
  readonly days: number;
  readonly eventDays: readonly number[];
  readonly eventRows: readonly TestEventRow[];
  readonly priceUsdPerMwh: Float64Array;
  readonly carbonKgPerKwh: Float64Array;
  readonly forecast: boolean;
  /** NaN everywhere without a forecast. */
  readonly forecastKw: Float64Array;
}

/**
 * The synthetic run behind writeTestRunDirectory: hourly system load for a few days, consumers registered on
 * chain, DR events on the hottest days with fatigue, and the price, carbon and forecast series. Deterministic:
 * the weather, each consumer and the forecast draw from their own streams of `seed`.
 */
export function simulateTestRun({ seed, days, consumers: consumerCount, events, forecast }: SimulateTestRunParameters): TestRun {
  const n = days * 24;
  const { dayHeat, baselineKw } = syntheticSystemLoad({ seed, days, consumers: consumerCount });
  const eventDays = hottestDays({ heat: dayHeat, count: events });
  const consumers = testConsumers({ seed, count: consumerCount });
  const state: TestRunState = {
    consumers,
    baselineKw,
    withDrKw: Float64Array.from(baselineKw),
    eventActive: new Uint8Array(n),
    eventIdAt: new Array<string>(n).fill(''),
    gasRows: setupGasRows(consumers),
  };
  const eventRows = eventDays.map((day, index) => callTestEvent({ run: state, day, index }));
  const fc = rng({ seed, kind: 'test-forecast', id: 0 });
  return {
    ...state,
    seed,
    days,
    eventDays,
    eventRows,
    priceUsdPerMwh: Float64Array.from({ length: n }, (_, i) => 30 + 0.05 * baselineKw[i]!),
    carbonKgPerKwh: Float64Array.from({ length: n }, (_, i) => 0.35 + 0.1 * Math.sin(i / 5)),
    forecast,
    forecastKw: Float64Array.from(baselineKw, (b) => (forecast ? b * (1 + fc.normal(0, 0.03)) : Number.NaN)),
  };
}

/** Registering every consumer (gas varying a little with its address) and funding the distributor. */
function setupGasRows(consumers: readonly TestConsumer[]): TestGasRow[] {
  const rows: TestGasRow[] = consumers.map((c) => ({ contract: 'ConsumerRegistry', fn: 'register', gas: 92_000 + (c.address.charCodeAt(5) % 7) * 100, event: null }));
  rows.push({ contract: 'IncentiveDistributor', fn: 'fund', gas: 61_000, event: null });
  return rows;
}
