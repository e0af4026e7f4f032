import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { readRunDirectory } from './readRunDirectory.ts';
import type { LabelledRun, ReportChart } from './reportChart.ts';
import { reportCharts } from './reportCharts.ts';
import { writeTestRunDirectory } from './writeTestRunDirectory.ts';

const fixture = writeTestRunDirectory({ days: 5, consumers: 24, events: 3 });
const run = readRunDirectory({ dir: fixture.dir });
const runs: LabelledRun[] = [{ label: 'base', run }];
const charts = reportCharts({ runs }).flatMap((g) => g.charts);
const chart = (name: string): ReportChart => {
  const found = charts.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no chart ${name}`);
  return found;
};

type Json = Record<string, unknown>;
interface Unit {
  encoding: Record<string, Json>;
  rows: Json[];
}
/** Every unit spec (mark + encoding) with the data rows it sees (own, inherited, filtered). */
function units(spec: Json, inherited: Json[] = []): Unit[] {
  let rows = (spec.data as { values?: Json[] } | undefined)?.values ?? inherited;
  for (const t of (spec.transform as Json[] | undefined) ?? []) {
    type Equal = { field: string; equal: unknown };
    const f = t.filter as Equal | { and: Equal[] } | undefined;
    if (f !== undefined) rows = rows.filter((r) => ('and' in f ? f.and : [f]).every((e) => r[e.field] === e.equal));
  }
  const children = [...((spec.layer as Json[]) ?? []), ...((spec.vconcat as Json[]) ?? []), ...((spec.hconcat as Json[]) ?? []), ...((spec.concat as Json[]) ?? [])];
  if (spec.spec !== undefined) children.push(spec.spec as unknown as Json);
  const own = spec.mark !== undefined ? [{ encoding: (spec.encoding ?? {}) as Record<string, Json>, rows }] : [];
  return [...own, ...children.flatMap((c) => units(c, rows))];
}

describe('reportCharts', () => {
  it('builds every chart of the issue for a complete run directory', () => {
    expect(charts.map((c) => c.name)).toEqual([
      'system-load',
      'peak-day',
      'load-duration',
      'forecast-vs-actual',
      'forecast-error',
      'forecast-backtest',
      'baseline-accuracy',
      'gas-by-function',
      'gas-per-consumer-event',
      'payout-histogram',
      'payout-lorenz',
      'participation',
    ]);
  });

  it('compiles every spec without Vega-Lite warnings', () => {
    for (const c of charts) {
      const warnings: string[] = [];
      const logger = { level: () => logger, error: (...m: unknown[]) => warnings.push(m.join(' ')), warn: (...m: unknown[]) => warnings.push(m.join(' ')), info: () => logger, debug: () => logger };
      compile(c.spec, { logger: logger as never });
      expect(warnings, c.name).toEqual([]);
    }
  });

  it('puts a unit in every chart title and every quantitative or temporal axis title', () => {
    for (const c of charts) {
      expect(c.title, c.name).toMatch(/\([^)]+\)$/);
      expect((c.spec.title as { text: string }).text).toBe(c.title);
      expect(c.description.length, c.name).toBeGreaterThan(40);
      for (const u of units(c.spec as unknown as Json)) {
        for (const channel of ['x', 'y'] as const) {
          const def = u.encoding[channel];
          if (def?.title === undefined) continue;
          if (def.type === 'quantitative' || def.type === 'temporal') expect(def.title, `${c.name} ${channel}`).toMatch(/\([^)]*\)/);
        }
      }
    }
  });

  it('titles every legend (or hides it) and encodes only fields the data has', () => {
    for (const c of charts) {
      for (const u of units(c.spec as unknown as Json)) {
        for (const [channel, def] of Object.entries(u.encoding)) {
          if (['color', 'size', 'strokeDash'].includes(channel)) expect(def.title !== undefined || def.legend === null, `${c.name} ${channel}`).toBe(true);
          const defs = Array.isArray(def) ? (def as Json[]) : [def];
          for (const d of defs) {
            if (typeof d.field === 'string' && u.rows.length > 0) expect(Object.keys(u.rows[0]), `${c.name} ${channel}.${d.field}`).toContain(d.field);
          }
        }
        if (u.encoding.tooltip !== undefined) {
          for (const d of u.encoding.tooltip as unknown as Json[]) {
            if (typeof d.field === 'string' && u.rows.length > 0) expect(Object.keys(u.rows[0]), `${c.name} tooltip.${d.field}`).toContain(d.field);
          }
        }
      }
    }
  });

  it('draws the load series, their difference and event windows from the run', () => {
    const [windows, without, withDr, , delta] = units(chart('system-load').spec as unknown as Json);
    expect(windows.rows).toHaveLength(run.events.length);
    expect(windows.rows[0]).toMatchObject({ eventId: 'E1', shade: 'DR event window' });
    expect(String(windows.rows[0].start).slice(11, 16)).toBe('14:00'); // local time, not UTC 18:00
    // Both lines drawn, the one without DR first (under the other), so neither hides the other.
    expect(without.rows).toHaveLength(run.timeseries.time.length);
    expect(new Set(without.rows.map((r) => r.series))).toEqual(new Set(['Without DR (baseline)']));
    expect(new Set(withDr.rows.map((r) => r.series))).toEqual(new Set(['With DR']));
    expect(delta.rows).toHaveLength(run.timeseries.time.length);
    const i = run.timeseries.eventActive.indexOf(1);
    expect(delta.rows[i]!.deltaKw).toBeCloseTo(run.timeseries.withDrKw[i]! - run.timeseries.baselineKw[i]!, 0);
  });

  it('draws payouts per token and archetype, each panel on its own axis', () => {
    const panels = units(chart('payout-histogram').spec as unknown as Json);
    const archetypes = new Set(run.consumers.archetype);
    expect(panels.length).toBe(archetypes.size * new Set(run.consumers.token).size);
    for (const p of panels) expect(new Set(p.rows.map((r) => `${r.token} ${r.archetype}`)).size).toBeLessThanOrEqual(1);
  });

  it('groups the long tail of gas by function into one "other" bar', () => {
    const many = Object.fromEntries(Array.from({ length: 14 }, (_, k) => [`C.f${String(k).padStart(2, '0')}`, { calls: 1, gas: 1000 * (k + 1) }]));
    const tail = { label: 'tail', run: { ...run, summary: { ...run.summary, gas: { ...run.summary.gas, byFunction: many } } } };
    const gas = reportCharts({ runs: [tail] }).flatMap((g) => g.charts).find((c) => c.name === 'gas-by-function');
    const [bars] = units(gas?.spec as unknown as Json);
    expect(bars.rows).toHaveLength(11);
    expect(bars.rows.find((r) => r.fn === 'other (4 functions)')).toMatchObject({ gas: 1000 + 2000 + 3000 + 4000, calls: 4 });
  });

  it('details the peak day with baseline, actual and forecast', () => {
    const c = chart('peak-day');
    expect(c.description).toContain(fixture.expected.peakDate);
    const [, load] = units(c.spec as unknown as Json);
    expect(load.rows).toHaveLength(24 * 3);
    expect(Math.max(...load.rows.filter((r) => r.series === 'Without DR (baseline)').map((r) => r.kw as number))).toBeCloseTo(fixture.expected.peakBaselineKw, 1);
  });

  it('sorts the load-duration curve from the highest hour down', () => {
    const [u] = units(chart('load-duration').spec as unknown as Json);
    const baseline = u.rows.filter((r) => r.series === 'Without DR (baseline)');
    expect(baseline).toHaveLength(100);
    expect(baseline[0]).toMatchObject({ hours: 1 });
    expect(baseline[0].kw).toBeCloseTo(fixture.expected.peakBaselineKw, 1);
    expect(baseline.every((r, i) => i === 0 || (r.kw as number) <= (baseline[i - 1].kw as number))).toBe(true);
  });

  it('computes gas per consumer-event per event from events.jsonl', () => {
    const [bars] = units(chart('gas-per-consumer-event').spec as unknown as Json);
    const first = run.events[0];
    const gas = Object.values(first.gas).reduce<number>((s, v) => s + (typeof v === 'number' ? v : v.gas), 0);
    expect(bars.rows[0]).toMatchObject({ eventId: 'E1', gas, participants: first.participants });
    expect(bars.rows[0].gasPerConsumerEvent).toBeCloseTo(gas / first.participants, 1);
  });

  it('leaves out forecast and backtest charts when the run has no such data', () => {
    const bare = readRunDirectory({ dir: writeTestRunDirectory({ forecast: false, backtests: false }).dir });
    const names = reportCharts({ runs: [{ label: 'bare', run: bare }] }).flatMap((g) => g.charts.map((c) => c.name));
    expect(names).not.toContain('forecast-vs-actual');
    expect(names).not.toContain('forecast-error');
    expect(names).not.toContain('forecast-backtest');
    expect(names).not.toContain('baseline-accuracy');
    expect(names).toContain('system-load');
  });

  it('overlays several labelled runs with the label in every series name', () => {
    const other = readRunDirectory({ dir: writeTestRunDirectory({ seed: 99 }).dir });
    const both = reportCharts({ runs: [{ label: 'A', run }, { label: 'B', run: other }] }).flatMap((g) => g.charts);
    const [, without, withDr] = units(both.find((c) => c.name === 'system-load')?.spec as unknown as Json);
    expect(new Set([...without.rows, ...withDr.rows].map((r) => r.series))).toEqual(new Set(['A · Without DR (baseline)', 'A · With DR', 'B · Without DR (baseline)', 'B · With DR']));
    const lorenz = units(both.find((c) => c.name === 'payout-lorenz')?.spec as unknown as Json)[1];
    expect([...new Set(lorenz.rows.map((r) => String(r.series).slice(0, 8)))].sort()).toEqual(['A · GRID', 'A · pUSD', 'B · GRID', 'B · pUSD']);
  });
});
