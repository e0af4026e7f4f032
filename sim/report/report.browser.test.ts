/**
 * Opens a generated report.html in headless Debian chromium (playwright-core, no browser download)
 * from disk and checks that it works offline: no console errors, no request leaves file://, every
 * chart rendered an SVG of non-zero size. Saves a screenshot as report.png in the run directory.
 * Chromium comes from `bash scripts/setup-system.sh chromium` (a step of `npm test`); when it is
 * missing this test fails and says so — it never skips.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReport } from './writeReport.ts';
import { writeTestRunDirectory } from './writeTestRunDirectory.ts';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

interface ReportState {
  expected: number;
  rendered: number;
  failed: string[];
  done: boolean;
}

describe('report.html in a browser', () => {
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`chromium is missing at ${CHROMIUM}: run \`bash scripts/setup-system.sh chromium\` (npm test does) or \`apt-get install -y chromium\`.`);
    }
    // A fresh profile folder per run (playwright passes it as --user-data-dir).
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'peaklab-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1200, height: 900 },
      deviceScaleFactor: 1,
    });
  });
  afterAll(async () => {
    await context?.close();
  });

  it('renders every chart offline without console errors and saves report.png', async () => {
    if (context === undefined) throw new Error('chromium did not start');
    const { dir } = writeTestRunDirectory({});
    const { html, charts } = await writeReport({ runDir: dir });
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => requests.push(r.url()));

    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { __peaklabReport?: ReportState }).__peaklabReport?.done === true, undefined, { timeout: 60_000 });
    const state = await page.evaluate(() => (window as unknown as { __peaklabReport: ReportState }).__peaklabReport);
    expect(state.failed).toEqual([]);
    expect(state.rendered).toBe(charts.length);
    expect(state.expected).toBe(charts.length);

    const sizes = await page.$$eval('figure.chart', (figures) =>
      figures.map((f) => {
        const drawn = f.querySelector('.vega-target svg, .vega-target canvas');
        const box = drawn?.getBoundingClientRect();
        return { name: f.getAttribute('data-chart'), width: box?.width ?? 0, height: box?.height ?? 0, marks: f.querySelectorAll('.vega-target svg path, .vega-target svg rect').length };
      }),
    );
    expect(sizes.map((s) => s.name)).toEqual(charts);
    for (const s of sizes) {
      expect(s.width, `${s.name} width`).toBeGreaterThan(100);
      expect(s.height, `${s.name} height`).toBeGreaterThan(100);
      expect(s.marks, `${s.name} marks`).toBeGreaterThan(5);
    }
    expect(await page.locator('table.kpi td[data-kpi="peak.reductionKw"]').innerText()).toMatch(/^[\d,]+\.\d kW$/);
    expect(problems).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);

    const screenshot = join(dir, 'report.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    const png = readFileSync(screenshot);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(20), 'screenshot height').toBeGreaterThan(2000);
    await page.close();
  });
});
