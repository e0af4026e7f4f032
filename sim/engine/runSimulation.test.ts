import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subsetsDir } from '../data/index.ts';
import { PayoutRuleError } from '../errors.ts';
import { loadScenario, type Scenario } from '../scenario/index.ts';
import { runSimulation, type RunSimulationResult } from './runSimulation.ts';

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
