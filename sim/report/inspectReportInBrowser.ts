/**
 * Opens a report.html from disk in headless Debian chromium (playwright-core; no browser download) and
 * reports what a reader would see: every chart's drawn size and marks, console problems, any request that
 * leaves file://, and optionally a full-page screenshot. Used by the browser test and by
 * `peaklab report --screenshot` (the README picture). Needs /usr/bin/chromium
 * (`bash scripts/setup-system.sh chromium`).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../errors.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Chromium as root on this kind of machine only runs with these (see DEVELOPERS.md). */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface InspectReportInBrowserParameters {
  /** Path of report.html. */
  html: string;
  /** Where to save a full-page PNG screenshot, if wanted. */
  screenshot?: string;
  viewport?: { width: number; height: number };
}

export interface ChartDrawing {
  name: string | null;
  width: number;
  height: number;
  marks: number;
}

export interface InspectReportInBrowserResult {
  /** Charts the page expected, rendered, and failed to render (the page's own bookkeeping). */
  expected: number;
  rendered: number;
  failed: string[];
  charts: ChartDrawing[];
  /** Console errors/warnings and page errors. */
  problems: string[];
  /** Requests whose URL is not file:// (an offline report makes none). */
  externalRequests: string[];
  /** Text of the (first column's) peak-reduction KPI cell. */
  peakReductionText: string;
}

interface ReportState {
  expected: number;
  rendered: number;
  failed: string[];
  done: boolean;
}

export async function inspectReportInBrowser({
  html,
  screenshot,
  viewport = { width: 1200, height: 900 },
}: InspectReportInBrowserParameters): Promise<InspectReportInBrowserResult> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new UsageError(`Chromium is missing at ${CHROMIUM_PATH}`, {
      hint: 'Run `bash scripts/setup-system.sh chromium` (npm test does) or `apt-get install -y chromium`.',
    });
  }
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'peaklab-chromium-'));
  // A fresh profile folder per run (playwright passes it as --user-data-dir).
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport,
    deviceScaleFactor: 1,
  });
  try {
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => requests.push(r.url()));

    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { __peaklabReport?: ReportState }).__peaklabReport?.done === true, undefined, {
      timeout: 60_000,
    });
    const state = await page.evaluate(() => (window as unknown as { __peaklabReport: ReportState }).__peaklabReport);
    const charts = await page.$$eval('figure.chart', (figures) =>
      figures.map((f) => {
        const drawn = f.querySelector('.vega-target svg, .vega-target canvas');
        const box = drawn?.getBoundingClientRect();
        return {
          name: f.getAttribute('data-chart'),
          width: box?.width ?? 0,
          height: box?.height ?? 0,
          marks: f.querySelectorAll('.vega-target svg path, .vega-target svg rect').length,
        };
      }),
    );
    const peakReductionText = await page.locator('table.kpi td[data-kpi="peak.reductionKw"]').first().innerText();
    if (screenshot !== undefined) await page.screenshot({ path: screenshot, fullPage: true });
    await page.close();
    return {
      expected: state.expected,
      rendered: state.rendered,
      failed: state.failed,
      charts,
      problems,
      externalRequests: requests.filter((url) => !url.startsWith('file://')),
      peakReductionText,
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
