import { localWallClock, wallClockIso } from './localWallClock.ts';
import { CHART_CONFIG, LOAD_COLORS, WINDOW_COLORS, CHART_HEIGHT, CHART_WIDTH, type ChartBuilderParameters, type ReportChart, roundTo, seriesLabel, VEGA_LITE_SCHEMA } from './reportChart.ts';

/** System load without and with DR over the whole period; DR event windows shaded. */
export function systemLoadChart({ runs }: ChartBuilderParameters): ReportChart {
  const timezone = runs[0].run.summary.period.timezone;
  const load: { time: string; kw: number; series: string }[] = [];
  const windows: { start: string; end: string; eventId: string; shade: string; when: string }[] = [];
  for (const { label, run } of runs) {
    const wall = localWallClock({ timezone: run.summary.period.timezone });
    const { time, baselineKw, withDrKw } = run.timeseries;
    const without = seriesLabel(runs, label, 'Without DR (baseline)');
    const withDr = seriesLabel(runs, label, 'With DR');
    for (let i = 0; i < time.length; i++) {
      const t = wallClockIso(wall(time[i]));
      load.push({ time: t, kw: roundTo(baselineKw[i], 1), series: without });
      load.push({ time: t, kw: roundTo(withDrKw[i], 1), series: withDr });
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
      title: { text: title, subtitle: `Local time, ${timezone}` },
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
      config: CHART_CONFIG,
      layer: [
        {
          data: { values: windows },
          // A 1-px outline keeps a few-hour window visible on a year-long axis.
          mark: { type: 'rect', fillOpacity: 0.3, strokeOpacity: 0.8, strokeWidth: 1 },
          encoding: {
            x: { field: 'start', type: 'temporal', scale: { type: 'utc' } },
            x2: { field: 'end' },
            color: { field: 'shade', type: 'nominal', title: 'Shaded', scale: { range: WINDOW_COLORS } },
            stroke: { field: 'shade', type: 'nominal', legend: null, scale: { range: WINDOW_COLORS } },
            tooltip: [
              { field: 'eventId', type: 'nominal', title: 'Event' },
              { field: 'when', type: 'nominal', title: 'Local time' },
            ],
          },
        },
        {
          data: { values: load },
          mark: { type: 'line', strokeWidth: 1.2 },
          encoding: {
            x: { field: 'time', type: 'temporal', title: `Time (local, ${timezone})`, scale: { type: 'utc' } },
            y: { field: 'kw', type: 'quantitative', title: 'System load (kW)', scale: { zero: false } },
            color: { field: 'series', type: 'nominal', title: 'Load', ...(runs.length === 1 ? { scale: { domain: ['Without DR (baseline)', 'With DR'], range: [LOAD_COLORS.baseline, LOAD_COLORS.withDr] } } : {}) },
          },
        },
      ],
      resolve: { scale: { color: 'independent' } },
    },
  };
}
