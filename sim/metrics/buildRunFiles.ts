import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import { projectRoot } from '../data/index.ts';
import type { RunRecord } from '../engine/index.ts';
import { ARCHETYPES, METER_FAULTS, TOKEN_DECIMALS, TOKENS } from '../scenario/index.ts';
import { avoided } from './avoided.ts';
import { baselineAccuracy } from './baselineAccuracy.ts';
import { energyMetrics } from './energyMetrics.ts';
import { fixed } from './fixed.ts';
import { formatNumber } from './formatNumber.ts';
import { gasSummary } from './gasSummary.ts';
import { gini } from './gini.ts';
import { loadFactor } from './loadFactor.ts';
import { peakMetrics } from './peakMetrics.ts';

/** A finished run's record (sim/engine `runSimulation`). */
export type BuildRunFilesParameters = RunRecord;

const f = (value: number, decimals: number) => formatNumber({ value, decimals });
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The run directory's files from a finished run (docs/run-directory.md): deterministic text only — fixed
 * decimals, token amounts as integer strings, no timestamps — so the same scenario and seed give the same bytes.
 * The KPIs of summary.json are computed here, from the engine's run record.
 */
export function buildRunFiles(p: BuildRunFilesParameters): Map<string, string> {
  const { scenario, inputs, clock, baseAgg, drAgg, consumers, events, intervalsPerHour: iph } = p;
  const periodDays = inputs.days.slice(inputs.periodOffset);
  const I = 24 * iph;
  const T = periodDays.length * I;
  const intervalHours = 1 / iph;
  const eventActive = Float64Array.from(p.eventIdsBySlot, (id) => (id === '' ? 0 : 1));
  // Hourly price and carbon are held over the hour's intervals (a step, as the hourly market clears).
  const price = Float64Array.from({ length: T }, (_, t) => inputs.price[Math.floor(t / iph)]!);
  const carbon = Float64Array.from({ length: T }, (_, t) => inputs.carbon[Math.floor(t / iph)]!);

  // timeseries.csv
  const rows = ['time,systemBaselineKw,systemWithDrKw,forecastKw,eventActive,eventId,priceUsdPerMwh,carbonKgPerKwh'];
  for (let t = 0; t < T; t++) {
    const day = periodDays[Math.floor(t / I)]!;
    const time = new Date(clock.instantOf(day.epochDay, (t % I) / iph)).toISOString();
    const fc = p.forecastKw[t]!;
    rows.push([time, f(baseAgg[t]!, 3), f(drAgg[t]!, 3), Number.isFinite(fc) ? f(fc, 3) : '', String(eventActive[t]), p.eventIdsBySlot[t]!, f(price[t]!, 2), f(carbon[t]!, 4)].join(','));
  }
  const timeseries = `${rows.join('\n')}\n`;

  // events.jsonl
  const eventsJsonl = events
    .map((e) =>
      JSON.stringify({
        ...e,
        targetKw: e.targetKw,
        deliveredKwh: fixed({ value: e.deliveredKwh, decimals: 3 }),
        baselineKwh: fixed({ value: e.baselineKwh, decimals: 3 }),
        reboundKwh: fixed({ value: e.reboundKwh, decimals: 3 }),
        peakReductionKw: fixed({ value: e.peakReductionKw, decimals: 3 }),
      }),
    )
    .join('\n');
  const eventsText = events.length > 0 ? `${eventsJsonl}\n` : '';

  // consumers.csv
  const n = consumers.addresses.length;
  const cRows = ['consumerId,address,archetype,utility,events,participated,optedOut,curtailedKwh,reboundKwh,entitlement,token,claimed,reliabilityBps,readsRejected'];
  for (let i = 0; i < n; i++) {
    cRows.push(
      [
        String(i),
        consumers.addresses[i]!,
        ARCHETYPES[inputs.population.archetype[i]!]!,
        consumers.utility[i]!,
        String(consumers.events[i]),
        String(consumers.participated[i]),
        String(consumers.optedOut[i]),
        f(consumers.curtailedKwh[i]!, 3),
        f(consumers.reboundKwh[i]!, 3),
        consumers.entitlement[i]!.toString(),
        consumers.token[i]!,
        consumers.claimed[i]!.toString(),
        String(consumers.reliabilityBps[i]),
        String(consumers.readsRejected[i]),
      ].join(','),
    );
  }
  const consumersCsv = `${cRows.join('\n')}\n`;
  const gasCsv = p.ledger.csv();

  // summary.json
  const peak = peakMetrics({ baselineKw: baseAgg, withDrKw: drAgg });
  const energy = energyMetrics({ baselineKw: baseAgg, withDrKw: drAgg, eventActive, intervalHours });
  const net = Float64Array.from(baseAgg, (b, t) => (b - drAgg[t]!) * intervalHours);
  const saved = avoided({ curtailedKwhByInterval: net, priceUsdPerMwh: price, carbonKgPerKwh: carbon });
  const consumerEvents = events.reduce((a, e) => a + e.optedIn, 0);
  const participantsTotal = events.reduce((a, e) => a + e.participants, 0);
  const gas = gasSummary({ ledger: p.ledger, consumerEvents, gasPriceGwei: scenario.chain.gasPriceGwei, ethUsd: scenario.chain.ethUsd });
  const totalByToken: Record<string, string> = {};
  const decimals: Record<string, number> = {};
  const meanPerParticipant: Record<string, string> = {};
  let totalUsd = 0;
  const usdPerConsumer = new Float64Array(n);
  for (const token of TOKENS) {
    if (!consumers.token.includes(token)) continue;
    let total = 0n;
    for (let i = 0; i < n; i++) if (consumers.token[i] === token) total += consumers.entitlement[i]!;
    totalByToken[token] = total.toString();
    decimals[token] = TOKEN_DECIMALS[token];
    meanPerParticipant[token] = participantsTotal > 0 ? (total / BigInt(participantsTotal)).toString() : '0';
    const scale = 10 ** TOKEN_DECIMALS[token];
    totalUsd += (Number(total) / scale) * scenario.chain.tokenUsd[token];
  }
  for (let i = 0; i < n; i++) usdPerConsumer[i] = (Number(consumers.entitlement[i]!) / 10 ** TOKEN_DECIMALS[consumers.token[i]!]) * scenario.chain.tokenUsd[consumers.token[i]!];
  const accuracy = baselineAccuracy({ baselineKwh: p.baselineItems.baselineKwh, counterfactualKwh: p.baselineItems.counterfactualKwh });
  let absErr = 0;
  let forecastCount = 0;
  for (let t = 0; t < T; t++) {
    const fc = p.forecastKw[t]!;
    if (Number.isFinite(fc) && drAgg[t]! > 0) [absErr, forecastCount] = [absErr + Math.abs(fc - drAgg[t]!) / drAgg[t]!, forecastCount + 1];
  }
  const byFault = Object.fromEntries(METER_FAULTS.map((kind, k) => [kind, p.meters.injected[k]!]));
  const resultsSha256 = sha(timeseries + eventsText + consumersCsv + gasCsv);
  const summary = {
    scenario: { name: scenario.name, seed: scenario.seed, sha256: p.scenarioSha256 },
    period: { start: scenario.period.start, end: scenario.period.end, intervalMinutes: 60 / iph, timezone: scenario.period.timezone },
    consumers: n,
    events: events.length,
    participants: { total: participantsTotal, meanPerEvent: events.length > 0 ? fixed({ value: participantsTotal / events.length, decimals: 1 }) : 0 },
    avoided: { costUsd: fixed({ value: saved.costUsd, decimals: 2 }), co2Kg: fixed({ value: saved.co2Kg, decimals: 2 }) },
    meters: { reads: p.meters.reads, readsRejected: p.meters.rejected, byFault },
    peak: {
      baselineKw: fixed({ value: peak.baselineKw, decimals: 1 }),
      withDrKw: fixed({ value: peak.withDrKw, decimals: 1 }),
      reductionKw: fixed({ value: peak.reductionKw, decimals: 1 }),
      reductionPct: fixed({ value: peak.reductionPct, decimals: 2 }),
    },
    energy: { curtailedKwh: fixed({ value: energy.curtailedKwh, decimals: 1 }), reboundKwh: fixed({ value: energy.reboundKwh, decimals: 1 }) },
    loadFactor: { baseline: fixed({ value: loadFactor({ kw: baseAgg }), decimals: 4 }), withDr: fixed({ value: loadFactor({ kw: drAgg }), decimals: 4 }) },
    payouts: {
      totalByToken,
      decimals,
      totalUsd: fixed({ value: totalUsd, decimals: 2 }),
      meanPerParticipant,
      gini: (() => {
        const g = gini({ values: usdPerConsumer });
        return g === null ? null : fixed({ value: g, decimals: 4 });
      })(),
    },
    gas: {
      total: gas.total,
      transactions: gas.transactions,
      perConsumerEvent: gas.perConsumerEvent === null ? null : fixed({ value: gas.perConsumerEvent, decimals: 1 }),
      costUsd: fixed({ value: gas.costUsd, decimals: 2 }),
      gasPriceGwei: gas.gasPriceGwei,
      ethUsd: gas.ethUsd,
      byFunction: gas.byFunction,
    },
    forecast: { model: p.forecastModel, mapePct: forecastCount > 0 ? fixed({ value: (100 * absErr) / forecastCount, decimals: 2 }) : null },
    baseline: {
      method: inputs.method.name,
      biasPct: accuracy.biasPct === null ? null : fixed({ value: accuracy.biasPct, decimals: 2 }),
      rrmsePct: accuracy.rrmsePct === null ? null : fixed({ value: accuracy.rrmsePct, decimals: 2 }),
    },
    crossCheck: p.crossCheck,
    thresholds: { stressKw: fixed({ value: p.thresholds.stressKw, decimals: 1 }), emergencyKw: fixed({ value: p.thresholds.emergencyKw, decimals: 1 }) },
    resultsSha256,
  };

  const manifest = {
    scenario: { path: relative(projectRoot, p.scenarioPath).startsWith('..') ? p.scenarioPath : relative(projectRoot, p.scenarioPath), sha256: p.scenarioSha256 },
    datasets: inputs.datasets.map((d) => ({ role: d.role, name: d.name, source: d.source, files: d.files })),
    contracts: p.deployed.map((d) => ({ name: d.name, address: d.address, bytecodeSha256: d.bytecodeSha256, codeSha256: d.codeSha256 })),
    tools: p.tools,
    chain: p.chain,
    notes: [
      ...p.notes,
      'forecasts use the observed temperature of the hours ahead as a perfect day-ahead weather forecast (ex post, as GEFCom2012)',
      'a local day is 24 hours in the simulation clock (DST days included); block timestamps come from it',
      ...(iph > 1
        ? [
            `${60 / iph}-minute intervals: loads, meter reads and VEE per interval; the oracle settles on hourly kWh (the sum of each hour's validated reads; CBL methods are hourly) and pays nothing for a rejected interval; the system series, prices, carbon and the hourly forecast are held constant over each hour's intervals`,
          ]
        : []),
    ],
  };
  return new Map([
    ['summary.json', `${JSON.stringify(summary, null, 2)}\n`],
    ['timeseries.csv', timeseries],
    ['events.jsonl', eventsText],
    ['consumers.csv', consumersCsv],
    ['gas.csv', gasCsv],
    ['manifest.json', `${JSON.stringify(manifest, null, 2)}\n`],
  ]);
}

