import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.ts';
import { swapDirectory } from '../swapDirectory.ts';
import { writeAtomic } from '../writeAtomic.ts';
import type { ReportChart } from './reportChart.ts';
import { renderChartSvg } from './renderChartSvg.ts';
import { svgToPng } from './svgToPng.ts';

export interface RenderChartFilesParameters {
  charts: readonly ReportChart[];
  /** Folder that will hold exactly these charts (replaced whole; typically `<run>/charts`). */
  dir: string;
  /** PNG pixels per SVG pixel (default 2). */
  pngScale?: number;
}

export interface RenderChartFilesResult {
  /** Chart name → the three files written (absolute paths). */
  files: Map<string, { svg: string; png: string; spec: string }>;
  /** SVG text by chart name (to inline elsewhere if wanted). */
  svgs: Map<string, string>;
}

/**
 * Writes `<name>.vl.json` (the Vega-Lite spec), `<name>.svg` (vega's SVG renderer in Node) and
 * `<name>.png` (resvg) for every chart. Everything goes to a sibling temp folder first, which then
 * replaces `dir` — a failed render leaves the previous charts untouched.
 */
export async function renderChartFiles({ charts, dir, pngScale = 2 }: RenderChartFilesParameters): Promise<RenderChartFilesResult> {
  const names = new Set<string>();
  for (const c of charts) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(c.name) || names.has(c.name)) {
      throw new UsageError(`Chart name "${c.name}" is not a unique lowercase-and-dashes file stem`, { hint: 'Give every chart its own name like "system-load".' });
    }
    names.add(c.name);
  }
  const temp = `${dir}.tmp-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  const svgs = new Map<string, string>();
  try {
    for (const chart of charts) {
      const svg = await renderChartSvg({ chart });
      svgs.set(chart.name, svg);
      writeAtomic({ path: join(temp, `${chart.name}.vl.json`), content: `${JSON.stringify(chart.spec, null, 2)}\n` });
      writeAtomic({ path: join(temp, `${chart.name}.svg`), content: svg });
      writeAtomic({ path: join(temp, `${chart.name}.png`), content: svgToPng({ svg, scale: pngScale }) });
    }
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  swapDirectory({ temp, dir, tag: String(process.pid) });
  const files = new Map(charts.map((c) => [c.name, { svg: join(dir, `${c.name}.svg`), png: join(dir, `${c.name}.png`), spec: join(dir, `${c.name}.vl.json`) }]));
  return { files, svgs };
}
