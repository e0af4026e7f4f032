import type { TopLevelSpec } from 'vega-lite';
import type { RunDirectory } from './readRunDirectory.ts';

/** One chart of a report: a Vega-Lite spec plus the words around it. */
export interface ReportChart {
  /** File stem under charts/ (`charts/<name>.svg`), lowercase and dashes. */
  readonly name: string;
  readonly title: string;
  /** One or two sentences under the chart: what it shows and how to read it. */
  readonly description: string;
  readonly spec: TopLevelSpec;
}

/** A run with the label it carries in legends (its folder name, or a compare label). */
export interface LabelledRun {
  readonly label: string;
  readonly run: RunDirectory;
}

/** Every chart builder takes the runs to draw; several runs are overlaid and told apart by label. */
export interface ChartBuilderParameters {
  runs: readonly LabelledRun[];
}

export const CHART_WIDTH = 720;
export const CHART_HEIGHT = 280;
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Shared look: system fonts (DejaVu Sans is what resvg finds on Debian), white background. */
export const CHART_CONFIG = {
  font: 'DejaVu Sans, Verdana, Arial, sans-serif',
  background: 'white',
  title: { fontSize: 14, anchor: 'start', subtitleFontSize: 11, subtitleColor: '#555' },
  axis: { labelFontSize: 11, titleFontSize: 12 },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 320 },
  view: { stroke: '#ddd' },
} as const;

/** Series names: plain for one run, "label · series" when runs are overlaid. */
export function seriesLabel(runs: readonly LabelledRun[], label: string, series: string): string {
  return runs.length > 1 ? `${label} · ${series}` : series;
}

/** Rounds to `decimals` for compact, deterministic chart data. */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** Colours of the load series when one run is drawn (several runs use the default category scheme). */
export const LOAD_COLORS = { baseline: '#4c78a8', withDr: '#e45756', forecast: '#54a24b' } as const;
/** Fill of DR event windows, one per run. */
export const WINDOW_COLORS = ['#fdae6b', '#9ecae1', '#a1d99b', '#bcbddc'];
