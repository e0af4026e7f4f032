import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, type ChartBuilderParameters, type ReportChart, seriesLabel, VEGA_LITE_SCHEMA } from './reportChart.ts';

const SERIES = ['Opted in', 'Took part', 'Opted out'] as const;

/** Opt-ins, participants and opt-outs per DR event in call order: a falling line is fatigue. Null without events. */
export function participationChart({ runs }: ChartBuilderParameters): ReportChart | null {
  const values: { event: number; eventId: string; start: string; consumers: number; series: string; optOutPct: number }[] = [];
  for (const { label, run } of runs) {
    run.events.forEach((e, n) => {
      const asked = e.optedIn + e.optedOut;
      const optOutPct = asked > 0 ? Math.round((10000 * e.optedOut) / asked) / 100 : 0;
      const counts = { 'Opted in': e.optedIn, 'Took part': e.participants, 'Opted out': e.optedOut };
      for (const s of SERIES) values.push({ event: n + 1, eventId: e.eventId, start: e.start, consumers: counts[s], series: seriesLabel(runs, label, s), optOutPct });
    });
  }
  if (values.length === 0) return null;
  const title = 'Participation and opt-out across DR events (consumers)';
  return {
    name: 'participation',
    title,
    description:
      'For each DR event in call order: consumers who opted in, who actually took part (delivered a reduction), and who opted out. Falling participation or rising opt-outs over successive events is fatigue.',
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      title: { text: title, subtitle: 'Events in call order; tooltip gives the opt-out share of consumers who answered' },
      width: CHART_WIDTH,
      height: CHART_HEIGHT - 40,
      config: CHART_CONFIG,
      data: { values },
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'event', type: 'quantitative', title: 'DR event (call order)', axis: { tickMinStep: 1, format: 'd' } },
        y: { field: 'consumers', type: 'quantitative', title: 'Consumers (count)' },
        color: { field: 'series', type: 'nominal', title: 'Response', ...(runs.length === 1 ? { scale: { domain: [...SERIES], range: ['#4c78a8', '#54a24b', '#e45756'] } } : {}) },
        tooltip: [
          { field: 'eventId', type: 'nominal', title: 'Event' },
          { field: 'start', type: 'nominal', title: 'Start (UTC)' },
          { field: 'series', type: 'nominal', title: 'Response' },
          { field: 'consumers', type: 'quantitative', title: 'Consumers', format: ',' },
          { field: 'optOutPct', type: 'quantitative', title: 'Opt-out share (%)', format: '.2f' },
        ],
      },
    },
  };
}
