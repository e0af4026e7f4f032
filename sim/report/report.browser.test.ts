/**
 * Opens a generated report.html in headless Debian chromium (playwright-core, no browser download)
 * from disk and checks that it works offline: no console errors, no request leaves file://, every
 * chart rendered an SVG of non-zero size. Saves a screenshot as report.png in the run directory.
 * Chromium comes from `bash scripts/setup-system.sh chromium` (a step of `npm test`); when it is
 * missing this test fails and says so — it never skips.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectReportInBrowser } from './inspectReportInBrowser.ts';
import { writeReport } from './writeReport.ts';
import { writeTestRunDirectory } from './writeTestRunDirectory.ts';

describe('report.html in a browser', () => {
  it('renders every chart offline without console errors and saves report.png', async () => {
    const { dir } = writeTestRunDirectory({});
    const { html, charts } = await writeReport({ runDir: dir });
    const screenshot = join(dir, 'report.png');
    const seen = await inspectReportInBrowser({ html, screenshot });

    expect(seen.failed).toEqual([]);
    expect(seen.rendered).toBe(charts.length);
    expect(seen.expected).toBe(charts.length);
    expect(seen.charts.map((s) => s.name)).toEqual(charts);
    for (const s of seen.charts) {
      expect(s.width, `${s.name} width`).toBeGreaterThan(100);
      expect(s.height, `${s.name} height`).toBeGreaterThan(100);
      expect(s.marks, `${s.name} marks`).toBeGreaterThan(5);
    }
    expect(seen.peakReductionText).toMatch(/^[\d,]+\.\d kW$/);
    expect(seen.problems).toEqual([]);
    expect(seen.externalRequests).toEqual([]);

    const png = readFileSync(screenshot);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(20), 'screenshot height').toBeGreaterThan(2000);
  });
});
