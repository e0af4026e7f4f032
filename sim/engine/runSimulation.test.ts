import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subsetsDir } from '../data/index.ts';
import { PayoutRuleError } from '../errors.ts';
import { loadScenario, type Scenario } from '../scenario/index.ts';
import { hourlyKwh, runSimulation, type RunSimulationResult } from './runSimulation.ts';

// A real run on an embedded anvil: 50 consumers, 3 days of the July 2007 heat, events on the 8th and 9th.
const fixture = resolve(import.meta.dirname, 'fixtures', 'tiny.yaml');
const loaded = loadScenario({ path: fixture });
const withCount = (count: number): Scenario => ({ ...loaded.scenario, population: { ...loaded.scenario.population, count } });
const withSeed = (seed: number): Scenario => ({ ...loaded.scenario, seed });
const run = (scenario: Scenario, extra: Partial<Parameters<typeof runSimulation>[0]> = {}) =>
  runSimulation({ scenario, scenarioPath: loaded.path, scenarioSha256: loaded.sha256, data: subsetsDir, ...extra });
const file = (result: RunSimulationResult, name: string) => result.files.get(name)!;
const rows = (csv: string) => csv.trim().split('\n');

describe('runSimulation (tiny scenario on an embedded anvil)', () => {
  let first: RunSimulationResult;
  let second: RunSimulationResult;
  beforeAll(async () => {
    first = await run(loaded.scenario);
    second = await run(loaded.scenario);
  }, 240_000);

  it('gives byte-identical results for the same scenario and seed', () => {
    for (const name of ['summary.json', 'events.jsonl', 'gas.csv', 'timeseries.csv', 'consumers.csv', 'manifest.json']) {
      expect(file(second, name), name).toBe(file(first, name));
    }
  });

  it('calls events, pays participants and passes the cross-check', () => {
    const summary = JSON.parse(file(first, 'summary.json'));
    expect(summary.events).toBeGreaterThan(0);
    expect(summary.participants.total).toBeGreaterThan(0);
    expect(BigInt(summary.payouts.totalByToken.pUSD)).toBeGreaterThan(0n);
    expect(summary.crossCheck).toEqual({ consumersChecked: 50, mismatches: 0 });
    expect(summary.gas.byFunction['IncentiveDistributor.postRoot'].calls).toBeGreaterThan(0);
    expect(summary.gas.byFunction['IncentiveDistributor.claimBatch'].calls).toBeGreaterThan(0);
    expect(summary.gas.byFunction['UtilityRegistry.approveUtility'].calls).toBe(2); // M = 2 of 3
    // every consumer's claimed amount on chain is what consumers.csv says, and never above the entitlement
    for (const line of rows(file(first, 'consumers.csv')).slice(1)) {
      const cells = line.split(',');
      expect(BigInt(cells[11]!)).toBeLessThanOrEqual(BigInt(cells[9]!));
    }
    const lines = rows(file(first, 'gas.csv'));
    expect(lines[0]).toBe('block,timestamp,contract,function,txHash,gasUsed,from');
    expect(lines.length - 1).toBe(summary.gas.transactions);
  });

  it('differs under another seed', async () => {
    const other = await run(withSeed(8));
    expect(file(other, 'summary.json')).not.toBe(file(first, 'summary.json'));
    expect(file(other, 'consumers.csv')).not.toBe(file(first, 'consumers.csv'));
  }, 240_000);

  it("adding a consumer leaves the others' loads and decisions unchanged", async () => {
    const more = await run(withCount(51));
    const before = rows(file(first, 'consumers.csv'));
    const after = rows(file(more, 'consumers.csv'));
    expect(after).toHaveLength(before.length + 1);
    // consumerId, address, archetype, utility, events, participated, optedOut, curtailedKwh, reboundKwh come from the
    // consumer's own streams and loads only
    const own = (line: string) => line.split(',').slice(0, 9).join(',');
    for (let i = 0; i < before.length; i++) expect(own(after[i]!)).toBe(own(before[i]!));
  }, 240_000);

  it('spends less gas per consumer-event with more consumers (fixed costs and batches amortise)', async () => {
    const larger = await run(withCount(150));
    const perConsumerEvent = (result: RunSimulationResult) => JSON.parse(file(result, 'summary.json')).gas.perConsumerEvent as number;
    expect(perConsumerEvent(larger)).toBeLessThan(perConsumerEvent(first));
  }, 240_000);

  it('fails the run when a posted payout differs from the mirror by one unit', async () => {
    const paid = rows(file(first, 'consumers.csv'))
      .slice(1)
      .map((line) => line.split(','))
      .find((cells) => BigInt(cells[9]!) > 0n)!;
    const consumer = Number(paid[0]);
    const failed = run(loaded.scenario, { faults: { oraclePayoutDelta: { consumer, units: 1n } } });
    await expect(failed).rejects.toBeInstanceOf(PayoutRuleError);
    await expect(failed).rejects.toThrow(/Cross-check failed: 1 of 50 consumers/);
    await expect(failed).rejects.toThrow(new RegExp(`${paid[1]}: mirror \\d+, chain \\d+ \\(\\+1\\)`));
  }, 240_000);
});

describe('15-minute intervals (the tiny scenario with period.interval: 15m)', () => {
  const quarterly: Scenario = { ...loaded.scenario, period: { ...loaded.scenario.period, interval: '15m' } };
  let first: RunSimulationResult;
  let second: RunSimulationResult;
  let hourly: RunSimulationResult;
  beforeAll(async () => {
    first = await run(quarterly);
    second = await run(quarterly);
    hourly = await run(loaded.scenario);
  }, 240_000);
  const series = (result: RunSimulationResult) =>
    rows(file(result, 'timeseries.csv'))
      .slice(1)
      .map((line) => line.split(','));

  it('runs end to end, deterministically, with 96 rows a day 15 minutes apart', () => {
    for (const name of ['summary.json', 'events.jsonl', 'gas.csv', 'timeseries.csv', 'consumers.csv', 'manifest.json']) {
      expect(file(second, name), name).toBe(file(first, name));
    }
    const summary = JSON.parse(file(first, 'summary.json'));
    expect(summary.period.intervalMinutes).toBe(15);
    expect(summary.events).toBeGreaterThan(0);
    expect(summary.participants.total).toBeGreaterThan(0);
    expect(summary.crossCheck).toEqual({ consumersChecked: 50, mismatches: 0 });
    expect(summary.meters.reads).toBe(50 * 3 * 96);
    const times = series(first).map((cells) => Date.parse(cells[0]!));
    expect(times).toHaveLength(3 * 96);
    for (let t = 1; t < times.length; t++) expect(times[t]! - times[t - 1]!).toBe(900_000);
    expect(JSON.parse(file(first, 'manifest.json')).notes.join('\n')).toMatch(/15-minute intervals: .* settles on hourly kWh/);
  });

  it('curtailed kWh is the sum over event intervals × 0.25 h, and equals the consumers’ own curtailment', () => {
    const summary = JSON.parse(file(first, 'summary.json'));
    const events = rows(file(first, 'events.jsonl')).map((line) => JSON.parse(line));
    let curtailed = 0;
    let eventIntervals = 0;
    for (const cells of series(first)) {
      if (cells[4] !== '1') continue;
      eventIntervals += 1;
      curtailed += Math.max(0, Number(cells[1]) - Number(cells[2])) * 0.25;
    }
    expect(eventIntervals).toBe(events.reduce((sum: number, e: { durationHours: number }) => sum + 4 * e.durationHours, 0));
    expect(curtailed).toBeGreaterThan(0);
    expect(Math.abs(summary.energy.curtailedKwh - curtailed)).toBeLessThan(0.1);
    const own = rows(file(first, 'consumers.csv'))
      .slice(1)
      .reduce((sum, line) => sum + Number(line.split(',')[7]), 0);
    expect(Math.abs(own - curtailed)).toBeLessThan(0.1);
  });

  it('agrees with the hourly run where the hour is the unit: same calibration, forecasts, prices and (within noise) energy', () => {
    const q = series(first);
    const h = series(hourly);
    expect(q).toHaveLength(4 * h.length);
    expect(JSON.parse(file(first, 'summary.json')).thresholds).toEqual(JSON.parse(file(hourly, 'summary.json')).thresholds);
    let quarterKwh = 0;
    let hourKwh = 0;
    for (let t = 0; t < h.length; t++) {
      hourKwh += Number(h[t]![1]);
      for (let k = 0; k < 4; k++) {
        const cells = q[4 * t + k]!;
        // the hourly forecast, price and carbon are held over the hour's four intervals
        expect(cells.slice(3, 4).concat(cells.slice(6)), `hour ${t} quarter ${k}`).toEqual(h[t]!.slice(3, 4).concat(h[t]!.slice(6)));
        quarterKwh += Number(cells[1]) * 0.25;
      }
    }
    // the same expected loads and daily levels; only the interval noise differs (mean-preserving)
    expect(Math.abs(quarterKwh / hourKwh - 1)).toBeLessThan(0.01);
  });

  it('the oracle’s hourly kWh sums an hour’s intervals and is missing when one of them was rejected', () => {
    const reads = Float64Array.from([1, 2, 3, 4, 0.5, Number.NaN, 1, 1]);
    expect([...hourlyKwh(reads, 4, new Float64Array(2))]).toEqual([10, Number.NaN]);
    expect(hourlyKwh(reads, 1, new Float64Array(8))).toBe(reads);
  });
});

describe('data root fallback', () => {
  let empty: string;
  beforeAll(() => {
    empty = mkdtempSync(join(tmpdir(), 'peaklab-empty-data-'));
  });
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  it('uses the committed subsets when PEAKLAB_DATA points at a folder without the datasets, and says so', async () => {
    const result = await runSimulation({ scenario: loaded.scenario, scenarioPath: loaded.path, scenarioSha256: loaded.sha256, env: { PEAKLAB_DATA: empty } });
    const manifest = JSON.parse(file(result, 'manifest.json'));
    expect(manifest.datasets.map((d: { source: string }) => d.source)).toEqual(Array(manifest.datasets.length).fill('subsets (fallback)'));
    expect(manifest.notes.join('\n')).toMatch(/was not in .* \(env\); the committed subset/);
    expect(JSON.parse(readFileSync(join(subsetsDir, '..', '..', 'package.json'), 'utf8')).name).toBe('peaklab');
  }, 240_000);
});
