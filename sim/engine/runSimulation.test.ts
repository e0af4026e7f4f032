import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subsetsDir } from '../data/index.ts';
import { PayoutRuleError } from '../errors.ts';
import type { Scenario } from '../scenario/index.ts';
import { hourlyKwh } from './hourlyKwh.ts';
import { runSimulation, type RunSimulationResult } from './runSimulation.ts';
import { runOutputs, runTiny, tiny } from './testSupport.ts';

const loaded = tiny;
const withCount = (count: number): Scenario => ({ ...loaded.scenario, population: { ...loaded.scenario.population, count } });
const withSeed = (seed: number): Scenario => ({ ...loaded.scenario, seed });
const run = runTiny;
const outputs = runOutputs;
const rows = (csv: string) => csv.trim().split('\n');

describe('runSimulation (tiny scenario on an embedded anvil)', () => {
  let first: RunSimulationResult;
  let second: RunSimulationResult;
  beforeAll(async () => {
    first = await run(loaded.scenario);
    second = await run(loaded.scenario);
  }, 240_000);

  it('gives an identical run record for the same scenario and seed', () => {
    expect(outputs(second)).toEqual(outputs(first));
    expect(second.stats).toEqual(first.stats);
  });

  it('calls events, pays participants and passes the cross-check', () => {
    const { record } = first;
    expect(record.events.length).toBeGreaterThan(0);
    expect(record.events.reduce((sum, e) => sum + e.participants, 0)).toBeGreaterThan(0);
    expect(record.consumers.entitlement.reduce((sum, amount) => sum + amount, 0n)).toBeGreaterThan(0n);
    expect(record.crossCheck).toEqual({ consumersChecked: 50, mismatches: 0 });
    // every consumer's claimed amount on chain is never above the entitlement
    record.consumers.claimed.forEach((claimed, i) => expect(claimed).toBeLessThanOrEqual(record.consumers.entitlement[i]!));
    const calls = (fn: string) => rows(record.ledger.csv()).filter((line) => line.split(',')[3] === fn).length;
    expect(calls('postRoot')).toBeGreaterThan(0);
    expect(calls('claimBatch')).toBeGreaterThan(0);
    expect(calls('approveUtility')).toBe(2); // M = 2 of 3
    expect(rows(record.ledger.csv())).toHaveLength(first.stats.transactions + 1);
  });

  it('differs under another seed', async () => {
    const other = await run(withSeed(8));
    expect(other.record.drAgg).not.toEqual(first.record.drAgg);
    expect(other.record.consumers.addresses).not.toEqual(first.record.consumers.addresses);
  }, 240_000);

  it("adding a consumer leaves the others' loads and decisions unchanged", async () => {
    const more = await run(withCount(51));
    const before = first.record.consumers;
    const after = more.record.consumers;
    expect(after.addresses).toHaveLength(before.addresses.length + 1);
    // address, archetype, utility, events, participated and optedOut come from the consumer's own streams and
    // loads only; curtailed and rebound kWh also follow the event's price factor, i.e. the stress the chain records
    // (forecast ÷ threshold in the population's kW, a population-level quantity like the system scale): equal to
    // the rounding of that stress in basis points (within 0.1 %)
    const own = ({ record: { consumers: c, inputs } }: RunSimulationResult, i: number) => [
      c.addresses[i],
      inputs.population.archetype[i],
      c.utility[i],
      c.events[i],
      c.participated[i],
      c.optedOut[i],
    ];
    for (let i = 0; i < before.addresses.length; i++) {
      expect(own(more, i)).toEqual(own(first, i));
      expect(Math.abs(after.curtailedKwh[i]! - before.curtailedKwh[i]!)).toBeLessThanOrEqual(1e-3 * before.curtailedKwh[i]!);
      expect(Math.abs(after.reboundKwh[i]! - before.reboundKwh[i]!)).toBeLessThanOrEqual(1e-3 * before.reboundKwh[i]!);
    }
  }, 240_000);

  it('fails the run when a posted payout differs from the mirror by one unit', async () => {
    const { consumers } = first.record;
    const consumer = consumers.entitlement.findIndex((amount) => amount > 0n);
    expect(consumer).toBeGreaterThanOrEqual(0);
    const failed = run(loaded.scenario, { faults: { oraclePayoutDelta: { consumer, units: 1n } } });
    await expect(failed).rejects.toBeInstanceOf(PayoutRuleError);
    await expect(failed).rejects.toThrow(/Cross-check failed: 1 of 50 consumers/);
    await expect(failed).rejects.toThrow(new RegExp(`${consumers.addresses[consumer]}: mirror \\d+, chain \\d+ \\(\\+1\\)`));
  }, 240_000);
});

describe('15-minute intervals (the tiny scenario with period.interval: 15m)', () => {
  const quarterly: Scenario = { ...loaded.scenario, period: { ...loaded.scenario.period, interval: '15m' } };
  let first: RunSimulationResult;
  let second: RunSimulationResult;
  beforeAll(async () => {
    first = await run(quarterly);
    second = await run(quarterly);
  }, 240_000);

  it('runs end to end, deterministically, with 96 intervals a day', () => {
    expect(outputs(second)).toEqual(outputs(first));
    const { record } = first;
    expect(record.intervalsPerHour).toBe(4);
    expect(record.baseAgg).toHaveLength(3 * 96);
    expect(record.drAgg).toHaveLength(3 * 96);
    expect(record.eventIdsBySlot).toHaveLength(3 * 96);
    expect(record.events.length).toBeGreaterThan(0);
    expect(record.crossCheck).toEqual({ consumersChecked: 50, mismatches: 0 });
    expect(record.meters.reads).toBe(50 * 3 * 96);
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
    const { datasets } = result.record.inputs;
    expect(datasets.map((d) => d.source)).toEqual(Array(datasets.length).fill('subsets (fallback)'));
    expect(result.record.notes.join('\n')).toMatch(/was not in .* \(env\); the committed subset/);
    expect(JSON.parse(readFileSync(join(subsetsDir, '..', '..', 'package.json'), 'utf8')).name).toBe('peaklab');
  }, 240_000);
});
