import { eventGas } from './eventGas.ts';
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, type ChartBuilderParameters, type ReportChart, roundTo, VEGA_LITE_SCHEMA } from './reportChart.ts';

/**
 * Gas per consumer-event for each DR event (event gas ÷ participants), in call order, with the
 * run-wide figure from summary.json as a dashed rule. Null when no event had participants.
 */
export function gasPerConsumerEventChart({ runs }: ChartBuilderParameters): ReportChart | null {
  const bars: { event: number; eventId: string; gasPerConsumerEvent: number; gas: number; participants: number; run: string }[] = [];
  const rules: { gasPerConsumerEvent: number; run: string }[] = [];
  for (const { label, run } of runs) {
    run.events.forEach((event, n) => {
      if (event.participants === 0) return;
      const gas = eventGas({ event });
      bars.push({ event: n + 1, eventId: event.eventId, gasPerConsumerEvent: roundTo(gas / event.participants, 1), gas, participants: event.participants, run: label });
    });
    const overall = run.summary.gas.perConsumerEvent;
    if (overall !== null) rules.push({ gasPerConsumerEvent: roundTo(overall, 1), run: label });
  }
  if (bars.length === 0) return null;
  const title = 'Gas per consumer-event, by DR event (gas units)';
  return {
    name: 'gas-per-consumer-event',
    title,
    description:
      'On-chain gas of each event (all its transactions) divided by the consumers who took part, in call order. The dashed line is the run-wide gas per consumer-event including transactions outside events (registration, funding, governance).',
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      title: { text: title, subtitle: 'Dashed: run-wide gas per consumer-event (summary.json)' },
      width: CHART_WIDTH,
      height: CHART_HEIGHT - 40,
      config: CHART_CONFIG,
      layer: [
        {
          data: { values: bars },
          mark: { type: 'bar' },
          encoding: {
            x: { field: 'event', type: 'ordinal', title: 'DR event (call order)', axis: { labelAngle: 0 } },
            y: { field: 'gasPerConsumerEvent', type: 'quantitative', title: 'Gas per consumer-event (gas units)', axis: { format: '~s' } },
            color: { field: 'run', type: 'nominal', title: 'Run', ...(runs.length === 1 ? { legend: null } : {}) },
            ...(runs.length > 1 ? { xOffset: { field: 'run', type: 'nominal' } } : {}),
            tooltip: [
              { field: 'eventId', type: 'nominal', title: 'Event' },
              { field: 'gas', type: 'quantitative', title: 'Event gas', format: ',' },
              { field: 'participants', type: 'quantitative', title: 'Participants', format: ',' },
              { field: 'gasPerConsumerEvent', type: 'quantitative', title: 'Gas per consumer-event', format: ',.0f' },
            ],
          },
        },
        {
          data: { values: rules },
          mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 1.5 },
          encoding: { y: { field: 'gasPerConsumerEvent', type: 'quantitative' }, color: { field: 'run', type: 'nominal', title: 'Run', ...(runs.length === 1 ? { legend: null } : {}) } },
        },
      ],
    },
  };
}
