/**
 * TEST SUPPORT ONLY — never used by `peaklab report` itself. Writes a small, internally consistent
 * synthetic run directory in the documented format (docs/run-directory.md): hourly system load for
 * a few days, DR events on the hottest days with fatigue, consumers paid in two tokens, gas rows,
 * and (optionally) backtest-baseline.json / backtest-forecast.json. Every summary.json figure is
 * computed from the generated tables, so reports built on it can be checked against them.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rng } from '../rng.ts';
import { lorenzCurve } from './lorenzCurve.ts';

export interface WriteTestRunDirectoryParameters {
  /** Folder to write (created); default: a fresh temp folder. */
  dir?: string;
  seed?: number;
  days?: number;
  consumers?: number;
  /** DR events, on the hottest days (default 3, at most `days`). */
  events?: number;
  /** Write forecastKw (default true); false leaves the column empty. */
  forecast?: boolean;
  /** Write backtest-baseline.json and backtest-forecast.json (default true). */
  backtests?: boolean;
}

export interface WriteTestRunDirectoryResult {
  dir: string;
  /** The numbers the summary was computed from, for assertions. */
  expected: {
    peakBaselineKw: number;
    peakWithDrKw: number;
    /** Local date (America/New_York) of the highest load without DR. */
    peakDate: string;
    events: number;
    participants: number;
    entitlementByToken: Record<string, bigint>;
  };
}

const TIMEZONE = 'America/New_York';
const START_UTC = Date.parse('2007-07-01T04:00:00Z'); // local midnight, EDT
const HOUR = 3_600_000;
const TOKENS = { GRID: { decimals: 18, perWh: 500_000_000_000_000n, usd: 0.1 }, pUSD: { decimals: 6, perWh: 200n, usd: 1 } } as const;
const EVENT_START_HOUR = 14; // local
const EVENT_HOURS = 4;
const REBOUND_HOURS = 4;
const GAS_PRICE_GWEI = 20;
const ETH_USD = 3000;

const fixed = (v: number, d: number) => v.toFixed(d);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function writeTestRunDirectory({
  dir,
  seed = 7,
  days = 5,
  consumers: consumerCount = 24,
  events: eventCount = 3,
  forecast = true,
  backtests = true,
}: WriteTestRunDirectoryParameters = {}): WriteTestRunDirectoryResult {
  const out = dir ?? mkdtempSync(join(tmpdir(), 'peaklab-run-'));
  mkdirSync(out, { recursive: true });
  const n = days * 24;
  const weather = rng({ seed, kind: 'test-weather', id: 0 });
  const dayHeat = Array.from({ length: days }, () => weather.uniform(0, 1));
  const baseline = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const hour = i % 24;
    const shape = 0.75 + 0.35 * Math.max(0, Math.sin(((hour - 10) / 24) * 2 * Math.PI));
    baseline[i] = (400 + 40 * consumerCount) * shape * (1 + 0.25 * dayHeat[Math.floor(i / 24)]) + weather.normal(0, 8);
  }
  // Events on the hottest days, in date order.
  const eventDays = [...dayHeat.keys()].sort((a, b) => dayHeat[b] - dayHeat[a] || a - b).slice(0, Math.min(eventCount, days)).sort((a, b) => a - b);

  const consumers = Array.from({ length: consumerCount }, (_, c) => {
    const r = rng({ seed, kind: 'test-consumer', id: c });
    return {
      id: `C${String(c + 1).padStart(3, '0')}`,
      address: `0x${sha256(`consumer-${c}`).slice(0, 40)}`,
      archetype: c % 3 === 0 ? 'commercial' : 'residential',
      utility: c % 2 === 0 ? 'U1' : 'U2',
      token: (c % 2 === 0 ? 'GRID' : 'pUSD') as keyof typeof TOKENS,
      kw: r.uniform(4, 12),
      r,
      invited: 0,
      participated: 0,
      optedOut: 0,
      curtailedWh: 0,
      reboundWh: 0,
      entitlement: 0n,
      readsRejected: 0,
    };
  });

  const withDr = Float64Array.from(baseline);
  const eventActive = new Uint8Array(n);
  const eventIdAt: string[] = new Array(n).fill('');
  const eventRows: Record<string, unknown>[] = [];
  const gasRows: { contract: string; fn: string; gas: number; event: string | null }[] = [];
  for (const c of consumers) gasRows.push({ contract: 'ConsumerRegistry', fn: 'register', gas: 92_000 + (c.address.charCodeAt(5) % 7) * 100, event: null });
  gasRows.push({ contract: 'IncentiveDistributor', fn: 'fund', gas: 61_000, event: null });

  eventDays.forEach((day, e) => {
    const eventId = `E${e + 1}`;
    const first = day * 24 + EVENT_START_HOUR;
    let optedIn = 0;
    let optedOut = 0;
    let participants = 0;
    let deliveredWh = 0;
    let reboundWh = 0;
    const payoutByToken: Record<string, bigint> = { GRID: 0n, pUSD: 0n };
    let rejected = 0;
    for (const c of consumers) {
      c.invited++;
      if (!c.r.bernoulli(0.9 * 0.9 ** e)) { // fatigue: fewer opt-ins with every event
        optedOut++;
        c.optedOut++;
        continue;
      }
      optedIn++;
      if (!c.r.bernoulli(0.85)) continue;
      participants++;
      c.participated++;
      const wh = Math.round(c.kw * EVENT_HOURS * 1000);
      const back = Math.round(wh * 0.2);
      c.curtailedWh += wh;
      c.reboundWh += back;
      deliveredWh += wh;
      reboundWh += back;
      const pay = BigInt(wh) * TOKENS[c.token].perWh;
      c.entitlement += pay;
      payoutByToken[c.token] += pay;
      for (let h = 0; h < EVENT_HOURS; h++) withDr[first + h] -= wh / EVENT_HOURS / 1000;
      for (let h = 0; h < REBOUND_HOURS; h++) withDr[first + EVENT_HOURS + h] += back / REBOUND_HOURS / 1000;
      if (c.r.bernoulli(0.1)) {
        c.readsRejected++;
        rejected++;
      }
    }
    for (let h = 0; h < EVENT_HOURS; h++) {
      eventActive[first + h] = 1;
      eventIdAt[first + h] = eventId;
    }
    const gas: Record<string, number> = {
      'ReductionRequests.createEvent': 148_000,
      'ReductionRequests.submitResults': 40_000 + 5_200 * participants,
      'IncentiveDistributor.claim': 52_000 * participants,
    };
    gasRows.push({ contract: 'ReductionRequests', fn: 'createEvent', gas: gas['ReductionRequests.createEvent'], event: eventId });
    gasRows.push({ contract: 'ReductionRequests', fn: 'submitResults', gas: gas['ReductionRequests.submitResults'], event: eventId });
    for (let p = 0; p < participants; p++) gasRows.push({ contract: 'IncentiveDistributor', fn: 'claim', gas: 52_000, event: eventId });
    let baselineWh = 0;
    let peakReduction = 0;
    for (let h = 0; h < EVENT_HOURS; h++) {
      baselineWh += baseline[first + h] * 1000;
      peakReduction = Math.max(peakReduction, baseline[first + h] - withDr[first + h]);
    }
    eventRows.push({
      eventId,
      tier: 1,
      start: new Date(START_UTC + first * HOUR).toISOString(),
      durationHours: EVENT_HOURS,
      region: 'zone-1',
      targetKw: 80,
      rateByToken: { GRID: (TOKENS.GRID.perWh * 1000n).toString(), pUSD: (TOKENS.pUSD.perWh * 1000n).toString() },
      stressBps: 8000,
      optedIn,
      optedOut,
      participants,
      deliveredKwh: Number(fixed(deliveredWh / 1000, 3)),
      baselineKwh: Number(fixed(baselineWh / 1000, 3)),
      reboundKwh: Number(fixed(reboundWh / 1000, 3)),
      peakReductionKw: Number(fixed(peakReduction, 3)),
      payoutByToken: { GRID: payoutByToken.GRID.toString(), pUSD: payoutByToken.pUSD.toString() },
      readsRejected: rejected,
      alert: false,
      gas,
    });
  });

  const price = Float64Array.from({ length: n }, (_, i) => 30 + 0.05 * baseline[i]);
  const carbon = Float64Array.from({ length: n }, (_, i) => 0.35 + 0.1 * Math.sin(i / 5));
  const fc = rng({ seed, kind: 'test-forecast', id: 0 });
  const forecastKw = Float64Array.from(baseline, (b) => (forecast ? b * (1 + fc.normal(0, 0.03)) : Number.NaN));

  const lines = ['time,systemBaselineKw,systemWithDrKw,forecastKw,eventActive,eventId,priceUsdPerMwh,carbonKgPerKwh'];
  for (let i = 0; i < n; i++) {
    lines.push(
      [
        new Date(START_UTC + i * HOUR).toISOString(),
        fixed(baseline[i], 3),
        fixed(withDr[i], 3),
        forecast ? fixed(forecastKw[i], 3) : '',
        eventActive[i],
        eventIdAt[i],
        fixed(price[i], 2),
        fixed(carbon[i], 4),
      ].join(','),
    );
  }
  const timeseriesCsv = `${lines.join('\n')}\n`;
  const eventsJsonl = eventRows.map((e) => `${JSON.stringify(e)}\n`).join('');
  const consumersCsv = `${[
    'consumerId,address,archetype,utility,events,participated,optedOut,curtailedKwh,reboundKwh,entitlement,token,claimed,reliabilityBps,readsRejected',
    ...consumers.map((c) =>
      [
        c.id,
        c.address,
        c.archetype,
        c.utility,
        c.invited,
        c.participated,
        c.optedOut,
        fixed(c.curtailedWh / 1000, 3),
        fixed(c.reboundWh / 1000, 3),
        c.entitlement.toString(),
        c.token,
        c.entitlement.toString(),
        c.invited > 0 ? Math.round((10000 * c.participated) / c.invited) : 0,
        c.readsRejected,
      ].join(','),
    ),
  ].join('\n')}\n`;
  const gasCsv = `${[
    'block,timestamp,contract,function,txHash,gasUsed,from',
    ...gasRows.map((g, b) => [b + 1, 1183262400 + b * 12, g.contract, g.fn, `0x${sha256(`tx-${b}`)}`, g.gas, `0x${sha256(`from-${b % 5}`).slice(0, 40)}`].join(',')),
  ].join('\n')}\n`;

  // summary.json, computed from the tables above.
  const max = (a: Float64Array) => a.reduce((m, v) => Math.max(m, v), -Infinity);
  const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;
  const peakBaselineKw = max(baseline);
  const peakWithDrKw = max(withDr);
  const participants = consumers.reduce((s, c) => s + c.participated, 0);
  const entitlementByToken: Record<string, bigint> = { GRID: 0n, pUSD: 0n };
  for (const c of consumers) entitlementByToken[c.token] += c.entitlement;
  const paidConsumers = (t: string) => consumers.filter((c) => c.token === t && c.participated > 0).length;
  const meanPer = (t: keyof typeof TOKENS) => (paidConsumers(t) > 0 ? entitlementByToken[t] / BigInt(paidConsumers(t)) : 0n);
  const human = (v: bigint, t: keyof typeof TOKENS) => Number(v) / 10 ** TOKENS[t].decimals;
  const totalUsd = human(entitlementByToken.GRID, 'GRID') * TOKENS.GRID.usd + human(entitlementByToken.pUSD, 'pUSD') * TOKENS.pUSD.usd;
  const byFunction: Record<string, { calls: number; gas: number }> = {};
  for (const g of gasRows) {
    const key = `${g.contract}.${g.fn}`;
    byFunction[key] ??= { calls: 0, gas: 0 };
    byFunction[key].calls++;
    byFunction[key].gas += g.gas;
  }
  const gasTotal = gasRows.reduce((s, g) => s + g.gas, 0);
  let avoidedUsd = 0;
  let avoidedCo2 = 0;
  let absErr = 0;
  for (let i = 0; i < n; i++) {
    avoidedUsd += ((baseline[i] - withDr[i]) / 1000) * price[i];
    avoidedCo2 += (baseline[i] - withDr[i]) * carbon[i];
    absErr += Math.abs(forecastKw[i] - baseline[i]) / baseline[i];
  }
  const faults = { clockDrift: 0, missing: 0, spike: 0, stuck: 0, tamper: 0 };
  const kinds = Object.keys(faults) as (keyof typeof faults)[];
  let rejectedTotal = 0;
  consumers.forEach((c, i) => {
    faults[kinds[i % kinds.length]] += c.readsRejected;
    rejectedTotal += c.readsRejected;
  });
  const gini = lorenzCurve({ amounts: consumers.map((c) => human(c.entitlement, c.token) * TOKENS[c.token].usd) }).gini;
  const round = (v: number, d: number) => Number(v.toFixed(d));
  const summary = {
    scenario: { name: 'synthetic-test', seed, sha256: sha256('synthetic-test') },
    period: { start: '2007-07-01', end: new Date(Date.UTC(2007, 6, days)).toISOString().slice(0, 10), intervalMinutes: 60, timezone: TIMEZONE },
    consumers: consumerCount,
    events: eventDays.length,
    participants: { total: participants, meanPerEvent: round(eventDays.length > 0 ? participants / eventDays.length : 0, 1) },
    avoided: { costUsd: round(avoidedUsd, 2), co2Kg: round(avoidedCo2, 2) },
    meters: { reads: consumerCount * n, readsRejected: rejectedTotal, byFault: faults },
    peak: {
      baselineKw: round(peakBaselineKw, 1),
      withDrKw: round(peakWithDrKw, 1),
      reductionKw: round(peakBaselineKw - peakWithDrKw, 1),
      reductionPct: round((100 * (peakBaselineKw - peakWithDrKw)) / peakBaselineKw, 2),
    },
    energy: {
      curtailedKwh: round(consumers.reduce((s, c) => s + c.curtailedWh, 0) / 1000, 1),
      reboundKwh: round(consumers.reduce((s, c) => s + c.reboundWh, 0) / 1000, 1),
    },
    loadFactor: { baseline: round(mean(baseline) / peakBaselineKw, 3), withDr: round(mean(withDr) / peakWithDrKw, 3) },
    payouts: {
      totalByToken: { GRID: entitlementByToken.GRID.toString(), pUSD: entitlementByToken.pUSD.toString() },
      decimals: { GRID: TOKENS.GRID.decimals, pUSD: TOKENS.pUSD.decimals },
      totalUsd: round(totalUsd, 2),
      meanPerParticipant: { GRID: meanPer('GRID').toString(), pUSD: meanPer('pUSD').toString() },
      gini: gini === null ? null : round(gini, 3),
    },
    gas: {
      total: gasTotal,
      perConsumerEvent: participants > 0 ? round(gasTotal / participants, 1) : null,
      costUsd: round(gasTotal * GAS_PRICE_GWEI * 1e-9 * ETH_USD, 2),
      gasPriceGwei: GAS_PRICE_GWEI,
      ethUsd: ETH_USD,
      byFunction: Object.fromEntries(Object.entries(byFunction).sort(([a], [b]) => (a < b ? -1 : 1))),
    },
    ...(forecast ? { forecast: { model: 'recency', mapePct: round((100 * absErr) / n, 2) } } : {}),
    baseline: { method: 'caiso-10-in-10', biasPct: -1.2, rrmsePct: 8.4 },
    crossCheck: { consumersChecked: consumerCount, mismatches: 0 },
    resultsSha256: sha256(timeseriesCsv + eventsJsonl + consumersCsv + gasCsv),
  };
  const manifest = {
    scenario: { path: 'scenarios/synthetic-test.yaml', sha256: summary.scenario.sha256 },
    datasets: [
      { name: 'gefcom2012', files: [{ path: 'gefcom2012_load/Load_history.csv', sha256: sha256('gefcom') }] },
      { name: 'synthetic_weather', files: [{ path: 'synthetic/weather.csv', sha256: sha256('weather') }] },
    ],
    contracts: [{ name: 'ReductionRequests', address: `0x${sha256('rr').slice(0, 40)}`, bytecodeSha256: sha256('rr-code') }],
    tools: { node: 'v20.0.0', peaklab: '0.1.0', anvil: '1.7.1', forge: '1.7.1', solc: '0.8.28' },
    chain: { chainId: 31337, hardfork: 'cancun', rpc: 'embedded' },
  };
  const write = (name: string, text: string) => writeFileSync(join(out, name), text);
  write('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
  write('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  write('timeseries.csv', timeseriesCsv);
  write('events.jsonl', eventsJsonl);
  write('consumers.csv', consumersCsv);
  write('gas.csv', gasCsv);
  if (backtests) {
    const method = (rank: number, id: string, name: string, bias: number, rrmse: number) => ({
      rank,
      id,
      name,
      label: name,
      source: 'test',
      skipped: null,
      coverage: { withBaseline: 10, tried: 10 },
      aggregate: { events: 10, biasPct: bias / 2, rrmsePct: rrmse / 2, medianAbsPct: rrmse / 3, cvRmsePct: rrmse },
      perConsumerMedian: { biasPct: bias, rrmsePct: rrmse, medianAbsPct: rrmse / 1.5, cvRmsePct: rrmse * 1.1 },
      gaming: null,
    });
    write(
      'backtest-baseline.json',
      `${JSON.stringify(
        {
          schema: 'peaklab/backtest-baseline@1',
          datasets: ['cambridge_estates_buildings', 'citylearn_2022_fontana'].map((dataset, d) => ({
            dataset,
            timezone: TIMEZONE,
            consumers: 10,
            event: { startHour: 14, durationHours: 4 },
            gaming: { factor: 1.2, hours: 2 },
            placeboDays: [{ date: '2019-07-01', score: 1 }],
            scoredConsumerDays: 100,
            methods: [
              method(1, 'caiso-10-in-10', 'CAISO 10-in-10', -1.2 - d, 8.4 + d),
              method(2, 'pjm-high-4-of-5', 'PJM High 4 of 5', 3.5 + d, 9.1 + d),
              method(3, 'nyiso-5-of-10', 'NYISO 5 of 10', 1.1, 11.7 - d),
              method(4, 'towt', 'TOWT regression', -0.4, 7.2 + 2 * d),
            ],
          })),
        },
        null,
        2,
      )}\n`,
    );
    write(
      'backtest-forecast.json',
      `${JSON.stringify(
        {
          schema: 'peaklab/backtest-forecast@1',
          dataset: 'gefcom2012',
          load: 'load',
          loadUnit: 'kW',
          temperature: ['t1'],
          period: { from: '2007-07-01', to: '2007-07-31', days: 31, hours: 744 },
          origin: 'midnight',
          horizon: 24,
          k: 5,
          cpCount: 4,
          eventHours: 4,
          runs: ['ex-post', 'ex-ante'].map((mode, m) => ({
            mode,
            futureTemperature: ['t1'],
            models: [
              { name: 'seasonal-naive', rank: 4, mapePct: 9.8 + m },
              { name: 'vanilla', rank: 3, mapePct: 5.1 + m },
              { name: 'recency', rank: 1, mapePct: 3.1 + m },
              { name: 'recency-hourly', rank: 2, mapePct: 3.4 + m },
            ],
          })),
        },
        null,
        2,
      )}\n`,
    );
  }
  const peakIndex = baseline.indexOf(peakBaselineKw);
  const peakDate = new Date(START_UTC + peakIndex * HOUR - 4 * HOUR).toISOString().slice(0, 10);
  return {
    dir: out,
    expected: { peakBaselineKw, peakWithDrKw, peakDate, events: eventDays.length, participants, entitlementByToken },
  };
}
