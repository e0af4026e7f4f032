import { peakShift } from '../../metrics/index.ts';
import { lorenzCurve } from '../lorenzCurve.ts';
import { entitlementByToken } from './entitlementByToken.ts';
import type { TestConsumer } from './testConsumers.ts';
import type { TestGasRow, TestRun } from './simulateTestRun.ts';
import type { TestRunTables } from './testRunTables.ts';
import { ETH_USD, GAS_PRICE_GWEI, HOUR, sha256, START_UTC, type TestToken, TIMEZONE, TOKENS } from './testRunConstants.ts';

const round = (v: number, d: number) => Number(v.toFixed(d));
const max = (a: Float64Array) => a.reduce((m, v) => Math.max(m, v), -Infinity);
const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;
/** A base-unit amount in whole tokens. */
const human = (v: bigint, t: TestToken) => Number(v) / 10 ** TOKENS[t].decimals;

/** summary.json of the test run, every figure computed from the run and its tables (as `peaklab run` would). */
export function testRunSummary(run: TestRun, tables: TestRunTables) {
  const { baselineKw, withDrKw, consumers, seed, days } = run;
  const n = baselineKw.length;
  const peakBaselineKw = max(baselineKw);
  const peakWithDrKw = max(withDrKw);
  const participants = consumers.reduce((s, c) => s + c.participated, 0);
  const events = run.eventDays.length;
  const { avoidedUsd, avoidedCo2, forecastAbsErr } = hourlySums(run);
  const gasTotal = run.gasRows.reduce((s, g) => s + g.gas, 0);
  return {
    scenario: { name: 'synthetic-test', seed, sha256: sha256('synthetic-test') },
    period: { start: '2007-07-01', end: new Date(Date.UTC(2007, 6, days)).toISOString().slice(0, 10), intervalMinutes: 60, timezone: TIMEZONE },
    consumers: consumers.length,
    events,
    participants: { total: participants, meanPerEvent: round(events > 0 ? participants / events : 0, 1) },
    avoided: { costUsd: round(avoidedUsd, 2), co2Kg: round(avoidedCo2, 2) },
    meters: meterSummary(consumers, n),
    peak: {
      baselineKw: round(peakBaselineKw, 1),
      withDrKw: round(peakWithDrKw, 1),
      reductionKw: round(peakBaselineKw - peakWithDrKw, 1),
      reductionPct: round((100 * (peakBaselineKw - peakWithDrKw)) / peakBaselineKw, 2),
      ...peakShiftFields(run),
    },
    energy: {
      curtailedKwh: round(consumers.reduce((s, c) => s + c.curtailedWh, 0) / 1000, 1),
      reboundKwh: round(consumers.reduce((s, c) => s + c.reboundWh, 0) / 1000, 1),
    },
    loadFactor: { baseline: round(mean(baselineKw) / peakBaselineKw, 3), withDr: round(mean(withDrKw) / peakWithDrKw, 3) },
    payouts: payoutSummary(consumers),
    gas: {
      total: gasTotal,
      perConsumerEvent: participants > 0 ? round(gasTotal / participants, 1) : null,
      costUsd: round(gasTotal * GAS_PRICE_GWEI * 1e-9 * ETH_USD, 2),
      gasPriceGwei: GAS_PRICE_GWEI,
      ethUsd: ETH_USD,
      byFunction: gasByFunction(run.gasRows),
    },
    ...(run.forecast ? { forecast: { model: 'recency', mapePct: round((100 * forecastAbsErr) / n, 2) } } : {}),
    baseline: { method: 'caiso-10-in-10', biasPct: -1.2, rrmsePct: 8.4 },
    crossCheck: { consumersChecked: consumers.length, mismatches: 0 },
    resultsSha256: sha256(tables.timeseriesCsv + tables.eventsJsonl + tables.consumersCsv + tables.gasCsv),
  };
}

/** Over the run's hours: avoided cost and CO₂ of the load shed, and the forecast's summed relative error. */
function hourlySums({ baselineKw, withDrKw, priceUsdPerMwh, carbonKgPerKwh, forecastKw }: TestRun) {
  let avoidedUsd = 0;
  let avoidedCo2 = 0;
  let forecastAbsErr = 0;
  for (let i = 0; i < baselineKw.length; i++) {
    avoidedUsd += ((baselineKw[i]! - withDrKw[i]!) / 1000) * priceUsdPerMwh[i]!;
    avoidedCo2 += (baselineKw[i]! - withDrKw[i]!) * carbonKgPerKwh[i]!;
    forecastAbsErr += Math.abs(forecastKw[i]! - baselineKw[i]!) / baselineKw[i]!;
  }
  return { avoidedUsd, avoidedCo2, forecastAbsErr };
}

/** A read per consumer and hour; each consumer's rejected reads are blamed on one fault kind, in turn. */
function meterSummary(consumers: readonly TestConsumer[], hours: number) {
  const byFault = { clockDrift: 0, missing: 0, spike: 0, stuck: 0, tamper: 0 };
  const kinds = Object.keys(byFault) as (keyof typeof byFault)[];
  let readsRejected = 0;
  consumers.forEach((c, i) => {
    byFault[kinds[i % kinds.length]!] += c.readsRejected;
    readsRejected += c.readsRejected;
  });
  return { reads: consumers.length * hours, readsRejected, byFault };
}

function payoutSummary(consumers: readonly TestConsumer[]) {
  const total = entitlementByToken(consumers);
  const paidConsumers = (t: TestToken) => consumers.filter((c) => c.token === t && c.participated > 0).length;
  const meanPer = (t: TestToken) => (paidConsumers(t) > 0 ? total[t] / BigInt(paidConsumers(t)) : 0n);
  const totalUsd = human(total.GRID, 'GRID') * TOKENS.GRID.usd + human(total.pUSD, 'pUSD') * TOKENS.pUSD.usd;
  const gini = lorenzCurve({ amounts: consumers.map((c) => human(c.entitlement, c.token) * TOKENS[c.token].usd) }).gini;
  return {
    totalByToken: { GRID: total.GRID.toString(), pUSD: total.pUSD.toString() },
    decimals: { GRID: TOKENS.GRID.decimals, pUSD: TOKENS.pUSD.decimals },
    totalUsd: round(totalUsd, 2),
    meanPerParticipant: { GRID: meanPer('GRID').toString(), pUSD: meanPer('pUSD').toString() },
    gini: gini === null ? null : round(gini, 3),
  };
}

/** Calls and gas per `Contract.function`, sorted by name. */
function gasByFunction(rows: readonly TestGasRow[]): Record<string, { calls: number; gas: number }> {
  const byFunction: Record<string, { calls: number; gas: number }> = {};
  for (const g of rows) {
    const key = `${g.contract}.${g.fn}`;
    byFunction[key] ??= { calls: 0, gas: 0 };
    byFunction[key].calls++;
    byFunction[key].gas += g.gas;
  }
  return Object.fromEntries(Object.entries(byFunction).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** summary.json peak fields on where the peak moved (sim/metrics peakShift, as `peaklab run` writes them). */
function peakShiftFields({ baselineKw, withDrKw, eventActive }: TestRun) {
  const timeMs = Float64Array.from(baselineKw, (_, i) => START_UTC + i * HOUR);
  const shift = peakShift({ baselineKw, withDrKw, eventActive, timeMs, timezone: TIMEZONE, intervalsPerHour: 1 });
  return {
    baselinePeakTime: new Date(timeMs[shift.baselinePeakIndex]!).toISOString(),
    withDrPeakTime: new Date(timeMs[shift.withDrPeakIndex]!).toISOString(),
    eventHourReductionKw: shift.eventHourReductionKw === null ? null : round(shift.eventHourReductionKw, 1),
    reductionAtBaselinePeakKw: round(shift.reductionAtBaselinePeakKw, 1),
    changeAtWithDrPeakKw: round(shift.changeAtWithDrPeakKw, 1),
    moved: shift.kind,
    explanation: shift.explanation,
  };
}
