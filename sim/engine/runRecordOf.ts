import type { CrossCheckEntitlementsResult } from './crossCheckEntitlements.ts';
import type { RunContext } from './runContext.ts';
import type { RunRecord } from './runRecord.ts';
import type { RunSimulationParameters, RunSimulationResult } from './runSimulation.ts';
import type { RunState } from './runState.ts';
import { HOUR_MS } from './simClock.ts';

export interface RunRecordOfParameters extends RunSimulationParameters {
  checked: CrossCheckEntitlementsResult;
}

/** The finished run's record (period series only) and its headline counts; fills in each event's peak reduction. */
export function runRecordOf(state: RunState, context: RunContext, { scenarioPath, scenarioSha256, tools = {}, rpcUrl, checked }: RunRecordOfParameters): RunSimulationResult {
  const { scenario, inputs, actors, engine, shape } = context;
  const { n, U, I, K, periodOffset } = shape;
  addPeakReductions(state, context);
  const record: RunRecord = {
    scenario,
    scenarioPath,
    scenarioSha256,
    inputs,
    clock: context.clock,
    intervalsPerHour: shape.iph,
    baseAgg: state.baseAgg.subarray(periodOffset * I),
    drAgg: state.drAgg.subarray(periodOffset * I),
    forecastKw: state.forecastKw,
    eventIdsBySlot: state.eventIdsBySlot,
    events: state.events,
    consumers: {
      addresses: actors.consumers.map((a) => a.address),
      utility: actors.consumers.map((_, i) => actors.utilities[i % U]!.address),
      token: actors.consumers.map((_, i) => context.utilityTokens[i % U]!),
      entitlement: checked.entitlement,
      claimed: checked.claimed,
      reliabilityBps: checked.reliabilityBps,
      ...state.consumerStats,
    },
    meters: state.meterStats,
    baselineItems: state.baselineItems,
    ledger: engine.ledger,
    deployed: context.system.deployed,
    chain: { chainId: context.node.chainId, hardfork: scenario.chain.hardfork, rpc: rpcUrl !== undefined || scenario.chain.mode === 'rpc' ? (rpcUrl ?? scenario.chain.rpcUrl ?? '') : 'embedded' },
    tools,
    crossCheck: { consumersChecked: checked.consumersChecked, mismatches: 0 },
    thresholds: context.thresholds,
    notes: inputs.notes,
    forecastModel: scenario.forecast.model,
  };
  const gas = engine.ledger.summary();
  const consumerEvents = state.events.reduce((a, e) => a + e.optedIn, 0);
  return { record, stats: { consumerIntervals: n * K * I, transactions: gas.transactions, gasUsed: gas.gasUsed, consumerEvents, events: state.events.length } };
}

/** Peak reduction per event: the largest system-level (without DR − with DR) over its intervals, per utility. */
function addPeakReductions(state: RunState, context: RunContext): void {
  const { iph } = context.shape;
  for (const record of state.events) {
    const start = Date.parse(record.start);
    let best = 0;
    for (let h = 0; h < record.durationHours; h++) {
      const slot = context.slotOfInstant(start + h * HOUR_MS);
      if (slot !== undefined) for (let q = 0; q < iph; q++) best = Math.max(best, state.baseAgg[slot * iph + q]! - state.drAgg[slot * iph + q]!);
    }
    record.peakReductionKw = best / context.scenario.utilities.count;
  }
}
