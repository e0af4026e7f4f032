/**
 * Benchmark (not a test): prints throughput of the consumer model and the VEE detection it measures.
 * 10,000 consumers × 122 days (GEFCom2012 June–September 2007, shapes from the committed subsets):
 *   1. daily loads (consumerLoadsForDay) → consumer-intervals/s, hourly and 15-minute;
 *   2. the full day cycle — loads, DR events on the 10 highest-peak days (14–18 h, tier 2), meters with the
 *      scenario's default fault rates (and again × 20), VEE — with read-level precision / recall.
 * Run: npx tsx sim/agents/bench.ts
 */
import { sampleCorrelation } from 'simple-statistics';
import { loadDataset, subsetsDir } from '../data/index.ts';
import { testScenario, subsetShapes } from './testSupport.ts';
import { buildPopulation, type ConsumerPopulation, FAULT_KINDS } from './buildPopulation.ts';
import { calibrateSystemScale } from './calibrateSystemScale.ts';
import { consumerLoadsForDay } from './consumerLoadsForDay.ts';
import { eventReadSummary } from './eventReadSummary.ts';
import { meterReads } from './meterReads.ts';
import { initialEventState, PARTICIPATION, respondToEvent } from './respondToEvent.ts';
import { systemDays } from './systemDays.ts';
import { initialVeeHistory, validateReads, VEE_REASON_NAMES, VEE_REASONS } from './validateReads.ts';
import { veeDetectionScore } from './veeDetectionScore.ts';

const COUNT = 10_000;
const now = () => performance.now();
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

const scenario = testScenario({ seed: 20_070_701 });
const t0 = now();
const shapes = await subsetShapes();
const { frame } = await loadDataset({ name: 'gefcom2012', dataRoot: subsetsDir, manifestDir: subsetsDir });
const sys = systemDays({ frame, start: '2007-06-01', end: '2007-09-30', holidays: new Set(['2007-07-04', '2007-09-03']) });
const D = sys.days.length;
console.log(`data + shapes: ${fmt(now() - t0)} ms (${shapes.residential.names.length} homes, ${shapes.commercial.names.length} buildings, ${D} days)`);

let t = now();
const population = buildPopulation({ scenario, shapes, count: COUNT });
console.log(`buildPopulation ${COUNT}: ${fmt(now() - t)} ms`);
t = now();
const cal = calibrateSystemScale({ population, days: sys.days, systemLoad: sys.load, temperature: sys.temperatureC });
console.log(`calibrateSystemScale ${COUNT} × ${D} days: ${fmt(now() - t)} ms; kW per system kW ${cal.kwPerSystemUnit.toExponential(4)}`);

const day = (d: number) => ({ temperature: sys.temperatureC.subarray(d * 24, d * 24 + 24), systemScale: cal.scale.subarray(d * 24, d * 24 + 24) });
const correlation = (a: Float64Array, b: Float64Array) => sampleCorrelation(Array.from(a), Array.from(b));

// 1. Loads only.
for (const intervalsPerHour of [1, 4] as const) {
  const days = intervalsPerHour === 1 ? D : 31;
  const out = new Float64Array(COUNT * 24 * intervalsPerHour);
  const aggregate = new Float64Array(D * 24);
  let ms = 0;
  for (let d = 0; d < days; d++) {
    t = now();
    consumerLoadsForDay({ population, day: sys.days[d]!, ...day(d), intervalsPerHour, out });
    ms += now() - t;
    if (intervalsPerHour === 1) for (let i = 0; i < COUNT; i++) for (let h = 0; h < 24; h++) aggregate[d * 24 + h] += out[i * 24 + h]!;
  }
  const intervals = COUNT * days * 24 * intervalsPerHour;
  console.log(`consumerLoadsForDay ${intervalsPerHour === 1 ? '1h ' : '15m'}: ${COUNT} × ${days} days = ${fmt(intervals)} consumer-intervals in ${fmt(ms)} ms → ${fmt(intervals / (ms / 1000))} consumer-intervals/s`);
  if (intervalsPerHour === 1) console.log(`  aggregate vs GEFCom2012 system load, hourly correlation: ${correlation(aggregate, sys.load).toFixed(5)} (bottom-up before scaling: ${correlation(cal.bottomUp, sys.load).toFixed(5)})`);
}

// 2. The day cycle with events, meters and VEE.
const peaks = sys.days.map((_, d) => ({ d, peak: Math.max(...sys.load.subarray(d * 24, d * 24 + 24)) })).sort((a, b) => b.peak - a.peak || a.d - b.d);
const eventDays = new Set(peaks.slice(0, 10).map((p) => p.d));
const scaled = (pop: ConsumerPopulation, factor: number): ConsumerPopulation => ({ ...pop, faultRates: pop.faultRates.map((r) => Math.min(1, r * factor)) });

for (const factor of [1, 20]) {
  const pop = scaled(population, factor);
  let state = initialEventState({ count: COUNT });
  let history = initialVeeHistory({ count: COUNT, intervalsPerDay: 24 });
  const out = new Float64Array(COUNT * 24);
  const truth = new Uint8Array(COUNT * 24 * D);
  const reason = new Uint8Array(COUNT * 24 * D);
  const injected = new Uint32Array(FAULT_KINDS);
  const eventReasons = new Float64Array(VEE_REASONS);
  let responded = 0;
  let curtailed = 0;
  let rebound = 0;
  let rejectedKwh = 0;
  let eventId = 0;
  t = now();
  for (let d = 0; d < D; d++) {
    let { loads } = consumerLoadsForDay({ population: pop, day: sys.days[d]!, ...day(d), out });
    let participants: Uint8Array | undefined;
    if (eventDays.has(d)) {
      const r = respondToEvent({ population: pop, loads, event: { id: ++eventId, day: sys.days[d]!, startHour: 14, durationHours: 4, tier: 'tier2', noticeHours: 24, incentiveRate: 0.25 }, tiers: scenario.program.tiers, state, utcOffsetHours: -4 });
      loads = r.loads;
      state = r.state;
      participants = r.status.map((s) => (s === PARTICIPATION.responded || s === PARTICIPATION.noResponse ? 1 : 0));
      responded += r.status.filter((s) => s === PARTICIPATION.responded).length;
      curtailed += r.curtailedKwh.reduce((a, b) => a + b, 0);
      rebound += r.reboundKwh.reduce((a, b) => a + b, 0);
    }
    const reads = meterReads({ population: pop, trueLoad: loads, day: sys.days[d]!, ...(participants ? { eventWindow: { start: 14, end: 18 }, eventParticipants: participants } : {}) });
    const vee = validateReads({ reads, day: sys.days[d]!, history, ...(participants ? { eventWindow: { start: 14, end: 18 }, eventParticipants: participants } : {}) });
    history = vee.history;
    for (let k = 0; k < FAULT_KINDS; k++) injected[k] += reads.injected[k]!;
    truth.set(reads.truth, d * COUNT * 24);
    reason.set(vee.reason, d * COUNT * 24);
    if (participants) {
      const s = eventReadSummary({ vee, start: 14, end: 18 });
      for (let i = 0; i < COUNT; i++) {
        if (participants[i] === 0) continue;
        for (let r = 1; r < VEE_REASONS; r++) eventReasons[r] += s.reasonCounts[i * VEE_REASONS + r]!;
        for (let h = 14; h < 18; h++) if (Number.isNaN(vee.value[i * 24 + h]!)) rejectedKwh += loads[i * 24 + h]!;
      }
    }
  }
  const ms = now() - t;
  console.log(`\nday cycle, fault rates × ${factor}: ${COUNT} × ${D} days (loads + ${eventId} events + meters + VEE) in ${fmt(ms)} ms → ${fmt((COUNT * D * 24) / (ms / 1000))} consumer-intervals/s`);
  console.log(`  events: ${fmt(responded)} consumer-responses, ${fmt(curtailed)} kWh curtailed, ${fmt(rebound)} kWh rebound inside the day; ${fmt(rejectedKwh)} kWh of event reads rejected by VEE`);
  console.log(`  flagged event reads by reason: ${VEE_REASON_NAMES.slice(1).map((n, r) => `${n} ${eventReasons[r + 1]}`).join(', ')}`);
  console.log(`  faults injected: ${['missing', 'stuck', 'spike', 'clockDrift', 'tamper'].map((n, k) => `${n} ${injected[k]}`).join(', ')}`);
  const score = veeDetectionScore({ truth, reason });
  console.log('  VEE vs ground truth (read level)   TP      FP      FN   precision  recall');
  for (const [kind, s] of [...Object.entries(score.byFault), ['any', score.any] as const]) {
    console.log(`    ${kind.padEnd(12)} ${String(s.truePositives).padStart(22)} ${String(s.falsePositives).padStart(7)} ${String(s.falseNegatives).padStart(7)}   ${s.precision.toFixed(4).padStart(8)}  ${s.recall.toFixed(4)}`);
  }
}
