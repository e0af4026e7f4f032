import { baselineAccuracyChart } from './baselineAccuracyChart.ts';
import { forecastBacktestChart } from './forecastBacktestChart.ts';
import { forecastErrorChart } from './forecastErrorChart.ts';
import { forecastVsActualChart } from './forecastVsActualChart.ts';
import { gasByFunctionChart } from './gasByFunctionChart.ts';
import { gasPerConsumerEventChart } from './gasPerConsumerEventChart.ts';
import { loadDurationChart } from './loadDurationChart.ts';
import { lorenzChart } from './lorenzChart.ts';
import { participationChart } from './participationChart.ts';
import { payoutHistogramChart } from './payoutHistogramChart.ts';
import { peakDayChart } from './peakDayChart.ts';
import type { ChartBuilderParameters, ReportChart } from './reportChart.ts';
import { systemLoadChart } from './systemLoadChart.ts';

/** A titled group of charts (a section of the report page). */
export interface ChartGroup {
  readonly id: string;
  readonly title: string;
  readonly charts: readonly ReportChart[];
}

/**
 * Every chart the runs have data for, grouped as the report shows them: load, forecast and
 * baseline, gas, payouts, participation. Charts whose inputs are absent (no forecast, no
 * backtest-baseline.json, no events) are left out; groups left empty are dropped.
 */
export function reportCharts({ runs }: ChartBuilderParameters): ChartGroup[] {
  const keep = (charts: (ReportChart | null)[]) => charts.filter((c): c is ReportChart => c !== null);
  const groups: ChartGroup[] = [
    { id: 'load', title: 'System load and peak', charts: keep([systemLoadChart({ runs }), peakDayChart({ runs }), loadDurationChart({ runs })]) },
    {
      id: 'accuracy',
      title: 'Forecast and baseline accuracy',
      charts: keep([forecastVsActualChart({ runs }), forecastErrorChart({ runs }), forecastBacktestChart({ runs }), baselineAccuracyChart({ runs })]),
    },
    { id: 'gas', title: 'Gas', charts: keep([gasByFunctionChart({ runs }), gasPerConsumerEventChart({ runs })]) },
    { id: 'payouts', title: 'Payouts', charts: keep([payoutHistogramChart({ runs }), lorenzChart({ runs })]) },
    { id: 'participation', title: 'Participation and fatigue', charts: keep([participationChart({ runs })]) },
  ];
  return groups.filter((g) => g.charts.length > 0);
}
