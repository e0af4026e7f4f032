import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { subsetsDir } from '../data/index.ts';
import { loadScenario } from '../scenario/index.ts';
import { runSimulation, type RunSimulationResult } from './runSimulation.ts';

const benchmark = loadScenario({ path: resolve(import.meta.dirname, '..', '..', 'scenarios', 'benchmark-ptr.yaml') });

/** Event-hour reduction of the committed consumers: curtailed kWh ÷ their load without DR over the event windows. */
const eventHourReduction = ({ record }: RunSimulationResult): number => {
  const curtailed = record.consumers.curtailedKwh.reduce((s, x) => s + x, 0);
  const counterfactual = record.baselineItems.counterfactualKwh.reduce((s, x) => s + x, 0);
  return curtailed / counterfactual;
};

describe('scenarios/benchmark-ptr.yaml (a residential peak-time rebate at the BGE pilot price ratio)', () => {
  let run: RunSimulationResult;
  beforeAll(async () => {
    run = await runSimulation({ scenario: benchmark.scenario, scenarioPath: benchmark.path, scenarioSha256: benchmark.sha256, data: subsetsDir });
  }, 120_000);

  it('reproduces the published event-hour reduction: 13–20 % (CPP without enabling technology; BGE price-only PTR ≈ 18 %)', () => {
    const reduction = eventHourReduction(run);
    console.log(`benchmark-ptr: ${run.record.events.length} events, event-hour reduction ${(100 * reduction).toFixed(1)} %`);
    expect(run.record.events.length).toBeGreaterThanOrEqual(5);
    expect(reduction).toBeGreaterThanOrEqual(0.13);
    expect(reduction).toBeLessThanOrEqual(0.2);
  });
});
