import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReport } from './writeReport.ts';
import { writeTestRunDirectory } from './writeTestRunDirectory.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  files.set('report.html', readFileSync(join(dir, 'report.html'), 'utf8'));
  for (const f of readdirSync(join(dir, 'charts')).sort()) files.set(`charts/${f}`, readFileSync(join(dir, 'charts', f)).toString('base64'));
  return files;
}

describe('writeReport', () => {
  it('writes report.html and an SVG, PNG and Vega-Lite spec per chart', async () => {
    const { dir } = writeTestRunDirectory({});
    const result = await writeReport({ runDir: dir });
    expect(result.html).toBe(join(dir, 'report.html'));
    expect(result.charts.length).toBe(12);
    for (const name of result.charts) {
      const svg = readFileSync(join(dir, 'charts', `${name}.svg`), 'utf8');
      expect(svg.startsWith('<svg'), name).toBe(true);
      const png = readFileSync(join(dir, 'charts', `${name}.png`));
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE), name).toBe(true);
      expect(png.readUInt32BE(16), `${name} width`).toBeGreaterThan(400);
      const spec = JSON.parse(readFileSync(join(dir, 'charts', `${name}.vl.json`), 'utf8')) as { $schema: string };
      expect(spec.$schema).toContain('vega-lite/v6');
    }
    expect(readFileSync(join(dir, 'charts', 'system-load.svg'), 'utf8')).toContain('System load without and with demand response (kW)');
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-') || f.includes('.old-'))).toEqual([]);
  });

  it('makes a self-contained page: libraries inline, no external script, style or image', async () => {
    const { dir } = writeTestRunDirectory({});
    await writeReport({ runDir: dir });
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).not.toMatch(/<img[^>]+src="?https?:/i);
    expect(html).not.toMatch(/sourceMappingURL/);
    for (const lib of ['vega', 'vega-lite', 'vega-embed']) expect(html).toContain(`<script data-library="${lib}">`);
    expect(html.match(/<figure class="chart"/g)).toHaveLength(12);
  });

  it('shows the KPIs with units and cites the datasets from manifest.json', async () => {
    const { dir } = writeTestRunDirectory({});
    await writeReport({ runDir: dir });
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as { peak: { reductionKw: number } };
    expect(html).toContain(`<td data-kpi="peak.reductionKw">${summary.peak.reductionKw.toFixed(1)} kW</td>`);
    // Where the peak moved, next to the event-hour reduction.
    expect(html).toContain('<p class="peak-note"><strong>Where the peak moved.</strong> ');
    expect(html).toContain('<td data-kpi="peak.eventHourReductionKw">');
    // The KPI column is the scenario's name (summary.json), not the run folder's.
    expect(html).toContain('<th scope="col">synthetic-test</th>');
    expect(html).not.toContain(`<th scope="col">${basename(dir)}</th>`);
    expect(html).toMatch(/<td data-kpi="payouts\.total\.GRID">[\d,]+\.\d\d GRID<span class="kpi-detail">/);
    // gefcom2012 has a manifest in datasets/: its citation and licence are quoted.
    expect(html).toContain('<strong>gefcom2012</strong>');
    expect(html).toMatch(/Cite: .*Hong/);
    expect(html).toContain('<code>gefcom2012_load/Load_history.csv</code>');
    expect(html).toContain('No dataset manifest of this name was found in datasets/');
  });

  it('is deterministic: same run directory, same bytes, whatever the machine’s time zone', async () => {
    // Same folder name under two different parents.
    const a = writeTestRunDirectory({ dir: join(mkdtempSync(join(tmpdir(), 'peaklab-a-')), 'run'), days: 3, consumers: 8, events: 2 });
    const b = writeTestRunDirectory({ dir: join(mkdtempSync(join(tmpdir(), 'peaklab-b-')), 'run'), days: 3, consumers: 8, events: 2 });
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      await writeReport({ runDir: a.dir });
      process.env.TZ = 'Asia/Kolkata';
      await writeReport({ runDir: b.dir });
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
    const first = snapshot(a.dir);
    const second = snapshot(b.dir);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [name, content] of first) expect(second.get(name) === content, name).toBe(true);
  });

  it('replaces the charts folder whole, so charts the run no longer has disappear', async () => {
    const { dir } = writeTestRunDirectory({});
    await writeReport({ runDir: dir });
    writeFileSync(join(dir, 'charts', 'stale.svg'), '<svg/>');
    await writeReport({ runDir: dir });
    expect(existsSync(join(dir, 'charts', 'stale.svg'))).toBe(false);
    expect(existsSync(join(dir, 'charts', 'system-load.svg'))).toBe(true);
  });
});
