import type { RunSummary } from '../report/index.ts';
import { CHECK_METRICS, summaryMetric } from './checkMetrics.ts';
import type { Golden } from './goldenSchema.ts';

export interface UpdateGoldenParameters {
  summary: RunSummary;
  /** The current golden file, when there is one: its metrics, their order, units and tolerances are kept. */
  golden?: Golden;
}

/**
 * The golden file for a run: every metric's value taken from the summary. With an existing golden file, its
 * metric list and tolerances are kept (only values change); without one, the default CHECK_METRICS the run
 * has, with their default tolerances.
 */
export function updateGolden({ summary, golden }: UpdateGoldenParameters): Golden {
  const metrics: Golden['metrics'] = {};
  if (golden !== undefined) {
    for (const [metric, entry] of Object.entries(golden.metrics)) {
      metrics[metric] = { ...entry, value: summaryMetric({ summary, metric }) };
    }
  } else {
    for (const { id, unit, tolerance } of CHECK_METRICS) {
      const value = summaryMetric({ summary, metric: id });
      if (value !== null) metrics[id] = { value, unit, tolerance: { ...tolerance } };
    }
  }
  return { schema: 'peaklab/golden@1', scenario: summary.scenario.name, seed: summary.scenario.seed, metrics };
}
