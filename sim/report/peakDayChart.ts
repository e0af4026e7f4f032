import { localWallClock } from './localWallClock.ts';
import { peakDay } from './peakDay.ts';
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, type ChartBuilderParameters, LOAD_COLORS, type ReportChart, roundTo, seriesLabel, VEGA_LITE_SCHEMA, WINDOW_COLORS } from './reportChart.ts';

const WITHOUT = 'Without DR (baseline)';
const WITH = 'With DR (actual)';
const FORECAST = 'Day-ahead forecast';

/** The peak day hour by hour: load without DR, actual load with DR, and the forecast; event windows shaded. */
export function peakDayChart({ runs }: ChartBuilderParameters): ReportChart {
  const load: { hour: number; kw: number; series: string }[] = [];
  const windows: { from: number; to: number; eventId: string; shade: string }[] = [];
  const dates: string[] = [];
  for (const { label, run } of runs) {
    const day = peakDay({ run });
    dates.push(runs.length > 1 ? `${label}: ${day.date}` : day.date);
    const { baselineKw, withDrKw, forecastKw } = run.timeseries;
    day.indices.forEach((i, n) => {
      const hour = roundTo(day.hours[n], 4);
      load.push({ hour, kw: roundTo(baselineKw[i], 1), series: seriesLabel(runs, label, WITHOUT) });
      load.push({ hour, kw: roundTo(withDrKw[i], 1), series: seriesLabel(runs, label, WITH) });
      if (Number.isFinite(forecastKw[i])) load.push({ hour, kw: roundTo(forecastKw[i], 1), series: seriesLabel(runs, label, FORECAST) });
    });
    const wall = localWallClock({ timezone: run.summary.period.timezone });
    const dayStart = Date.parse(`${day.date}T00:00:00Z`);
    for (const e of run.events) {
      const from = (wall(Date.parse(e.start)) - dayStart) / 3_600_000;
      const to = from + e.durationHours;
      if (to <= 0 || from >= 24) continue;
      windows.push({ from: Math.max(0, from), to: Math.min(24, to), eventId: e.eventId, shade: seriesLabel(runs, label, 'DR event window') });
    }
  }
  const timezone = runs[0].run.summary.period.timezone;
  const title = 'Peak day: load without DR, with DR and forecast (kW)';
  const oneRunColors = { domain: [WITHOUT, WITH, FORECAST], range: [LOAD_COLORS.baseline, LOAD_COLORS.withDr, LOAD_COLORS.forecast] };
  return {
    name: 'peak-day',
    title,
    description: `The local day with the highest load without DR (${dates.join('; ')}), hour by hour in ${timezone}. The forecast is the model's day-ahead view of load without DR; shaded hours are DR events.`,
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      title: { text: title, subtitle: `Peak day ${dates.join('; ')}, local time ${timezone}` },
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
      config: CHART_CONFIG,
      layer: [
        {
          data: { values: windows },
          mark: { type: 'rect', opacity: 0.25 },
          encoding: {
            x: { field: 'from', type: 'quantitative' },
            x2: { field: 'to' },
            color: { field: 'shade', type: 'nominal', title: 'Shaded', scale: { range: WINDOW_COLORS } },
            tooltip: [{ field: 'eventId', type: 'nominal', title: 'Event' }],
          },
        },
        {
          data: { values: load },
          mark: { type: 'line', point: true, strokeWidth: 1.5 },
          encoding: {
            x: { field: 'hour', type: 'quantitative', title: `Hour of day (local, ${timezone})`, scale: { domain: [0, 24] }, axis: { tickCount: 12 } },
            y: { field: 'kw', type: 'quantitative', title: 'System load (kW)', scale: { zero: false } },
            color: { field: 'series', type: 'nominal', title: 'Load', ...(runs.length === 1 ? { scale: oneRunColors } : {}) },
            strokeDash: { field: 'series', type: 'nominal', legend: null, ...(runs.length === 1 ? { scale: { domain: oneRunColors.domain, range: [[1, 0], [1, 0], [6, 3]] } } : {}) },
            tooltip: [
              { field: 'series', type: 'nominal', title: 'Series' },
              { field: 'hour', type: 'quantitative', title: 'Hour (local)', format: '.2f' },
              { field: 'kw', type: 'quantitative', title: 'Load (kW)', format: ',.1f' },
            ],
          },
        },
      ],
      resolve: { scale: { color: 'independent' } },
    },
  };
}
