import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { subsetsDir } from '../data/index.ts';
import { runSimulation } from '../engine/index.ts';
import { loadScenario, type Scenario } from '../scenario/index.ts';
import { buildRunFiles } from './buildRunFiles.ts';

// The run directory's files from real run records: the engine's tiny scenario (50 consumers, 3 days of the July
// 2007 heat, events on the 8th and 9th) on an embedded anvil.
const fixture = resolve(import.meta.dirname, '..', 'engine', 'fixtures', 'tiny.yaml');
const loaded = loadScenario({ path: fixture });
const withCount = (count: number): Scenario => ({ ...loaded.scenario, population: { ...loaded.scenario.population, count } });
const withSeed = (seed: number): Scenario => ({ ...loaded.scenario, seed });
const run = async (scenario: Scenario) => {
  const result = await runSimulation({ scenario, scenarioPath: loaded.path, scenarioSha256: loaded.sha256, data: subsetsDir });
  return buildRunFiles(result.record);
};
type Files = Awaited<ReturnType<typeof run>>;
const file = (files: Files, name: string) => files.get(name)!;
const rows = (csv: string) => csv.trim().split('\n');
const NAMES = ['summary.json', 'timeseries.csv', 'events.jsonl', 'consumers.csv', 'gas.csv', 'manifest.json'];

describe('buildRunFiles (tiny scenario on an embedded anvil)', () => {
  let first: Files;
  let second: Files;
  beforeAll(async () => {
    first = await run(loaded.scenario);
    second = await run(loaded.scenario);
  }, 240_000);

  it('gives the run directory’s files in write order, byte-identical for the same scenario and seed', () => {
    expect([...first.keys()]).toEqual(NAMES);
    for (const name of NAMES) expect(file(second, name), name).toBe(file(first, name));
  });

  it('sums up called events, payouts, the cross-check and gas', () => {
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

  it("adding a consumer leaves the others' rows of consumers.csv unchanged", async () => {
    const more = await run(withCount(51));
    const before = rows(file(first, 'consumers.csv'));
    const after = rows(file(more, 'consumers.csv'));
    expect(after).toHaveLength(before.length + 1);
    // consumerId, address, archetype, utility, events, participated and optedOut come from the consumer's own streams
    // and loads only; curtailedKwh and reboundKwh also follow the event's price factor (the stress the chain records,
    // a population-level quantity): equal within 0.1 %, as in sim/engine/runSimulation.test.ts
    const cells = (line: string) => line.split(',');
    expect(after[0]).toBe(before[0]); // the header
    for (let i = 1; i < before.length; i++) {
      expect(cells(after[i]!).slice(0, 7)).toEqual(cells(before[i]!).slice(0, 7));
      for (const column of [7, 8]) {
        const [was, now] = [Number(cells(before[i]!)[column]), Number(cells(after[i]!)[column])];
        expect(Math.abs(now - was)).toBeLessThanOrEqual(1e-3 * Math.abs(was) + 1e-6);
      }
    }
  }, 240_000);

  it('spends less gas per consumer-event with more consumers (fixed costs and batches amortise)', async () => {
    const larger = await run(withCount(150));
    const perConsumerEvent = (files: Files) => JSON.parse(file(files, 'summary.json')).gas.perConsumerEvent as number;
    expect(perConsumerEvent(larger)).toBeLessThan(perConsumerEvent(first));
  }, 240_000);
});

describe('15-minute intervals (the tiny scenario with period.interval: 15m)', () => {
  const quarterly: Scenario = { ...loaded.scenario, period: { ...loaded.scenario.period, interval: '15m' } };
  let first: Files;
  let second: Files;
  let hourly: Files;
  beforeAll(async () => {
    first = await run(quarterly);
    second = await run(quarterly);
    hourly = await run(loaded.scenario);
  }, 240_000);
  const series = (files: Files) =>
    rows(file(files, 'timeseries.csv'))
      .slice(1)
      .map((line) => line.split(','));

  it('runs end to end, deterministically, with 96 rows a day 15 minutes apart', () => {
    for (const name of NAMES) expect(file(second, name), name).toBe(file(first, name));
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
});
