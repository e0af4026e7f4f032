import * as vega from 'vega';
import { compile } from 'vega-lite';
import { PeaklabError } from '../errors.ts';
import type { ReportChart } from './reportChart.ts';

/** Renders a chart to SVG text in Node with vega's SVG renderer (no browser, no canvas). */
export async function renderChartSvg({ chart }: { chart: ReportChart }): Promise<string> {
  let view: vega.View | undefined;
  try {
    const compiled = compile(chart.spec).spec;
    view = new vega.View(vega.parse(compiled), { renderer: 'none' });
    return await view.toSVG();
  } catch (cause) {
    throw new PeaklabError(`Chart ${chart.name} could not be rendered`, {
      details: cause instanceof Error ? cause.message : String(cause),
      hint: `Check charts/${chart.name}.vl.json in the Vega-Lite editor; this is a bug in sim/report.`,
      cause,
    });
  } finally {
    view?.finalize();
  }
}
