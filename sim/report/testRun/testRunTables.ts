import type { TestRun } from './simulateTestRun.ts';
import { HOUR, sha256, START_UTC } from './testRunConstants.ts';

/** The four results files of a run directory (docs/run-directory.md), as text. */
export interface TestRunTables {
  timeseriesCsv: string;
  eventsJsonl: string;
  consumersCsv: string;
  gasCsv: string;
}

const csv = (header: string, rows: readonly (readonly unknown[])[]) => `${[header, ...rows.map((row) => row.join(','))].join('\n')}\n`;

/** The test run's results files in the run-directory format. */
export function testRunTables(run: TestRun): TestRunTables {
  return { timeseriesCsv: timeseriesCsv(run), eventsJsonl: eventsJsonl(run), consumersCsv: consumersCsv(run), gasCsv: gasCsv(run) };
}

function timeseriesCsv(run: TestRun): string {
  const rows = Array.from(run.baselineKw, (baseline, i) => [
    new Date(START_UTC + i * HOUR).toISOString(),
    baseline.toFixed(3),
    run.withDrKw[i]!.toFixed(3),
    run.forecast ? run.forecastKw[i]!.toFixed(3) : '',
    run.eventActive[i],
    run.eventIdAt[i],
    run.priceUsdPerMwh[i]!.toFixed(2),
    run.carbonKgPerKwh[i]!.toFixed(4),
  ]);
  return csv('time,systemBaselineKw,systemWithDrKw,forecastKw,eventActive,eventId,priceUsdPerMwh,carbonKgPerKwh', rows);
}

function eventsJsonl(run: TestRun): string {
  return run.eventRows.map((e) => `${JSON.stringify(e)}\n`).join('');
}

/** Everyone claims what they are entitled to; reliability is participations per invitation, in bps. */
function consumersCsv(run: TestRun): string {
  const rows = run.consumers.map((c) => [
    c.id,
    c.address,
    c.archetype,
    c.utility,
    c.invited,
    c.participated,
    c.optedOut,
    (c.curtailedWh / 1000).toFixed(3),
    (c.reboundWh / 1000).toFixed(3),
    c.entitlement.toString(),
    c.token,
    c.entitlement.toString(),
    c.invited > 0 ? Math.round((10000 * c.participated) / c.invited) : 0,
    c.readsRejected,
  ]);
  return csv('consumerId,address,archetype,utility,events,participated,optedOut,curtailedKwh,reboundKwh,entitlement,token,claimed,reliabilityBps,readsRejected', rows);
}

/** One transaction a block, 12 s apart from 2007-07-01 04:00 UTC; five senders. */
function gasCsv(run: TestRun): string {
  const rows = run.gasRows.map((g, b) => [b + 1, 1183262400 + b * 12, g.contract, g.fn, `0x${sha256(`tx-${b}`)}`, g.gas, `0x${sha256(`from-${b % 5}`).slice(0, 40)}`]);
  return csv('block,timestamp,contract,function,txHash,gasUsed,from', rows);
}
