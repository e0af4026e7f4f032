import type { TopLevelSpec } from 'vega-lite';
import { localWallClock, wallClockIso } from './localWallClock.ts';
import { CHART_CONFIG, LOAD_COLORS, WINDOW_COLORS, CHART_HEIGHT, CHART_WIDTH, type ChartBuilderParameters, type ReportChart, roundTo, seriesLabel, VEGA_LITE_SCHEMA } from './reportChart.ts';

/**
 * System load without and with DR over the whole period, DR event windows shaded; below it, with DR − without DR
 * (curtailment down, rebound up), which a month-long axis would otherwise hide where the two lines overlap.
 */
export function systemLoadChart({ runs }: ChartBuilderParameters): ReportChart {
  const timezone = runs[0].run.summary.period.timezone;
  const load: { time: string; kw: number; series: string; kind: 'without' | 'with' }[] = [];
  const delta: { time: string; deltaKw: number; run: string }[] = [];
  const windows: Window[] = [];
  for (const { label, run } of runs) {
    const wall = localWallClock({ timezone: run.summary.period.timezone });
    const { time, baselineKw, withDrKw } = run.timeseries;
    const without = seriesLabel(runs, label, 'Without DR (baseline)');
    const withDr = seriesLabel(runs, label, 'With DR');
    for (let i = 0; i < time.length; i++) {
      const t = wallClockIso(wall(time[i]));
      load.push({ time: t, kw: roundTo(baselineKw[i], 1), series: without, kind: 'without' });
      load.push({ time: t, kw: roundTo(withDrKw[i], 1), series: withDr, kind: 'with' });
      delta.push({ time: t, deltaKw: roundTo(withDrKw[i] - baselineKw[i], 1), run: label });
    }
    for (const e of run.events) {
      const start = wallClockIso(wall(Date.parse(e.start)));
      const end = wallClockIso(wall(Date.parse(e.start) + e.durationHours * 3_600_000));
      windows.push({
        start,
        end,
        when: `${start.slice(0, 16).replace('T', ' ')} – ${end.slice(11, 16)} (${e.durationHours} h)`,
        eventId: e.eventId,
        shade: seriesLabel(runs, label, 'DR event window'),
      });
    }
  }
  const period = runs.map(({ run }) => `${run.summary.period.start} … ${run.summary.period.end}`);
  const title = 'System load without and with demand response (kW)';
  return {
    name: 'system-load',
    title,
    description: `Total system load per interval, ${[...new Set(period)].join(', ')}, local time (${timezone}). Shaded bands are DR event windows; the gap between the lines during a band is the curtailment, the bump after it the rebound.`,
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      title: { text: title, subtitle: `Local time, ${timezone}. Below: with DR − without DR (negative = curtailment, positive = rebound)` },
      config: CHART_CONFIG,
      vconcat: [
        {
          width: CHART_WIDTH,
          height: CHART_HEIGHT,
          // One legend for both lines: they share the colour scale inside their own layer.
          layer: [windowLayer(windows, true), { layer: [loadLayer(runs.length, load, 'without', timezone), loadLayer(runs.length, load, 'with', timezone)] }],
          resolve: { scale: { color: 'independent' } },
        },
        {
          width: CHART_WIDTH,
          height: 110,
          layer: [
            windowLayer(windows, false),
            {
              data: { values: delta },
              mark: { type: 'line', strokeWidth: 1, interpolate: 'step-after' },
              encoding: {
                x: { field: 'time', type: 'temporal', title: `Time (local, ${timezone})`, scale: { type: 'utc' } },
                y: { field: 'deltaKw', type: 'quantitative', title: 'With − without DR (kW)' },
                color: { field: 'run', type: 'nominal', title: 'Run', ...(runs.length === 1 ? { legend: null, scale: { range: [LOAD_COLORS.withDr] } } : {}) },
              },
            },
          ],
          resolve: { scale: { color: 'independent' } },
        },
      ],
      resolve: { scale: { color: 'independent' } },
    },
  };
}

type Window = { start: string; end: string; eventId: string; shade: string; when: string };
/** A layer of a Vega-Lite layer spec (vega-lite exports no name for it). */
type Layer = Extract<TopLevelSpec, { layer: unknown }>['layer'][number];

function windowLayer(windows: Window[], legend: boolean): Layer {
  return {
    data: { values: windows },
    // A 1-px outline keeps a few-hour window visible on a month- or year-long axis.
    mark: { type: 'rect', fillOpacity: 0.3, strokeOpacity: 0.8, strokeWidth: 1 },
    encoding: {
      x: { field: 'start', type: 'temporal', scale: { type: 'utc' } },
      x2: { field: 'end' },
      color: { field: 'shade', type: 'nominal', title: 'Shaded', scale: { range: WINDOW_COLORS }, ...(legend ? {} : { legend: null }) },
      stroke: { field: 'shade', type: 'nominal', legend: null, scale: { range: WINDOW_COLORS } },
      tooltip: [
        { field: 'eventId', type: 'nominal', title: 'Event' },
        { field: 'when', type: 'nominal', title: 'Local time' },
      ],
    },
  };
}

/**
 * One of the two load lines. The load without DR is drawn first, wide and pale, the load with DR on top, thin: where
 * DR changes nothing the thin line sits inside the wide one, and both stay visible.
 */
function loadLayer(runCount: number, load: { kind: string }[], kind: 'without' | 'with', timezone: string): Layer {
  const single = runCount === 1 ? { scale: { domain: ['Without DR (baseline)', 'With DR'], range: [LOAD_COLORS.baseline, LOAD_COLORS.withDr] } } : {};
  return {
    data: { values: load },
    transform: [{ filter: { field: 'kind', equal: kind } }],
    mark: kind === 'without' ? { type: 'line', strokeWidth: 3.5, opacity: 0.45 } : { type: 'line', strokeWidth: 1.1 },
    encoding: {
      x: { field: 'time', type: 'temporal', title: `Time (local, ${timezone})`, scale: { type: 'utc' } },
      y: { field: 'kw', type: 'quantitative', title: 'System load (kW)', scale: { zero: false } },
      color: { field: 'series', type: 'nominal', title: 'Load', legend: { symbolOpacity: 1, symbolStrokeWidth: 2.5 }, ...single },
    },
  };
}
