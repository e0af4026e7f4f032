/**
 * Executes notebooks/*.ipynb headlessly (`jupyter nbconvert --execute`, Debian's Jupyter, the tslab kernel spec
 * committed in notebooks/.jupyter) against inputs generated here: a synthetic run directory from sim/report's
 * writeTestRunDirectory and a real baseline backtest (sim/baseline) of two small generated datasets. A notebook
 * passes only if every code cell ran and showed something, no cell wrote an error or a warning (tslab reports
 * compile and runtime errors on stderr, not as error outputs), and what it shows matches the inputs.
 * Needs `jupyter nbconvert`: `bash scripts/setup-system.sh notebooks` installs it (npm test does).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backtestBaselines, backtestReportFiles } from '../sim/baseline/index.ts';
import { testFrame } from '../sim/baseline/testSupport.ts';
import { writeTestRunDirectory } from '../sim/report/writeTestRunDirectory.ts';

const ROOT = resolve(import.meta.dirname, '..');
const NOTEBOOKS = join(ROOT, 'notebooks');
const KERNELS = join(NOTEBOOKS, '.jupyter');
const NOTEBOOK_TIMEOUT_MS = 240_000;

interface Output {
  readonly type: string;
  /** stream name (stdout/stderr) for streams. */
  readonly name?: string;
  /** Text of a stream, error, or the text/markdown, text/html or text/plain of a display. */
  readonly text: string;
  readonly svg?: string;
}

interface ExecutedCell {
  readonly index: number;
  readonly source: string;
  readonly outputs: readonly Output[];
}

interface NotebookJson {
  cells: { cell_type: string; source: string | string[]; outputs?: Record<string, unknown>[]; execution_count?: number | null }[];
  metadata: { kernelspec?: { name?: string } };
}

const joined = (v: unknown): string => (Array.isArray(v) ? v.join('') : typeof v === 'string' ? v : '');

function readNotebook(path: string): NotebookJson {
  return JSON.parse(readFileSync(path, 'utf8')) as NotebookJson;
}

let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'peaklab-notebooks-'));
  const check = spawnSync('jupyter', ['nbconvert', '--version'], { encoding: 'utf8' });
  if (check.status !== 0) {
    throw new Error(
      `\`jupyter nbconvert --version\` failed (${check.error?.message ?? check.stderr.trim()}): the notebook tests need Debian's Jupyter. ` +
        'Install it with `bash scripts/setup-system.sh notebooks` (npm test runs it).',
    );
  }
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Runs one notebook with the tslab kernel; returns its code cells with their outputs. */
function execute(notebook: string, env: Record<string, string>): ExecutedCell[] {
  const outDir = join(work, 'executed');
  const runtime = join(work, 'jupyter-runtime');
  mkdirSync(outDir, { recursive: true });
  mkdirSync(runtime, { recursive: true });
  const result = spawnSync(
    'jupyter',
    [
      'nbconvert', '--to', 'notebook', '--execute',
      // Keep going after a failing cell so the executed notebook (with tslab's stderr) is written and reported below.
      '--allow-errors',
      `--ExecutePreprocessor.timeout=${NOTEBOOK_TIMEOUT_MS / 1000}`,
      '--output-dir', outDir, '--output', notebook,
      join(NOTEBOOKS, notebook),
    ],
    {
      cwd: NOTEBOOKS,
      encoding: 'utf8',
      timeout: NOTEBOOK_TIMEOUT_MS + 30_000,
      env: { ...process.env, ...env, JUPYTER_PATH: KERNELS, JUPYTER_RUNTIME_DIR: runtime },
    },
  );
  if (result.status !== 0) {
    throw new Error(`jupyter nbconvert --execute ${notebook} exited with ${result.status ?? result.signal}: ${result.error?.message ?? ''}\n${result.stderr}`);
  }
  const executed = readNotebook(join(outDir, notebook));
  return executed.cells.flatMap((cell, index) =>
    cell.cell_type !== 'code'
      ? []
      : [{
          index,
          source: joined(cell.source),
          outputs: (cell.outputs ?? []).map((o): Output => {
            const data = (o.data ?? {}) as Record<string, unknown>;
            const type = String(o.output_type);
            if (type === 'stream') return { type, name: String(o.name), text: joined(o.text) };
            if (type === 'error') return { type, text: `${String(o.ename)}: ${String(o.evalue)}\n${joined(o.traceback)}` };
            const svg = data['image/svg+xml'] === undefined ? undefined : joined(data['image/svg+xml']);
            return { type, text: joined(data['text/markdown'] ?? data['text/html'] ?? data['text/plain']), svg };
          }),
        }],
  );
}

/** Fails, naming the cell, unless every code cell ran, showed something and wrote nothing on stderr. */
function expectClean(notebook: string, cells: readonly ExecutedCell[]): void {
  expect(cells.length, `${notebook} has code cells`).toBeGreaterThan(0);
  for (const cell of cells) {
    const where = `${notebook}, cell ${cell.index}:\n${cell.source.slice(0, 400)}`;
    const bad = cell.outputs.filter((o) => o.type === 'error' || (o.type === 'stream' && o.name === 'stderr'));
    expect(bad.map((o) => o.text).join('\n'), `error output in ${where}`).toBe('');
    expect(cell.outputs.length, `no output (did not run?) from ${where}`).toBeGreaterThan(0);
  }
}

const allText = (cells: readonly ExecutedCell[]) => cells.flatMap((c) => c.outputs.map((o) => o.text)).join('\n');
const svgs = (cells: readonly ExecutedCell[]) => cells.flatMap((c) => c.outputs.flatMap((o) => (o.svg ? [o.svg] : [])));
/** The title of a rendered chart: Vega draws the top-level title last (concatenated views' titles come before it). */
const svgTitle = (svg: string) => [...svg.matchAll(/aria-label="Title text '([^']*)'"/g)].at(-1)?.[1];

describe('notebooks', () => {
  it('are committed without outputs, for the tslab kernel whose committed spec points at node_modules/tslab', () => {
    for (const notebook of ['explore-run.ipynb', 'compare-baselines.ipynb']) {
      const nb = readNotebook(join(NOTEBOOKS, notebook));
      expect(nb.metadata.kernelspec?.name, notebook).toBe('tslab');
      const code = nb.cells.filter((c) => c.cell_type === 'code');
      expect(code.length, notebook).toBeGreaterThan(3);
      for (const cell of code) {
        expect(cell.outputs, `${notebook}: committed with outputs`).toEqual([]);
        expect(cell.execution_count ?? null, `${notebook}: committed with an execution count`).toBeNull();
      }
    }
    const spec = JSON.parse(readFileSync(join(KERNELS, 'kernels', 'tslab', 'kernel.json'), 'utf8')) as { argv: string[] };
    const tslab = spec.argv[1]!.replace('{resource_dir}', join(KERNELS, 'kernels', 'tslab'));
    expect(existsSync(tslab), `${tslab} (npm install tslab)`).toBe(true);
    expect(spec.argv.slice(2)).toEqual(['kernel', '--config-path', '{connection_file}']);
  });

  it('explore-run.ipynb reads a run directory: KPIs, cross-checks and charts match it', () => {
    const run = writeTestRunDirectory({ dir: join(work, 'run') });
    const summary = JSON.parse(readFileSync(join(run.dir, 'summary.json'), 'utf8')) as {
      peak: { baselineKw: number; withDrKw: number }; energy: { curtailedKwh: number };
    };
    const cells = execute('explore-run.ipynb', { PEAKLAB_RUN_DIR: run.dir });
    expectClean('explore-run.ipynb', cells);
    const text = allText(cells);
    expect(text).toContain(`run directory: ${run.dir}`);

    // Every figure of summary.json the notebook recomputes from the tables agrees (the generator is consistent).
    const agree = /(\d+)\/(\d+) cross-checks agree/.exec(text);
    expect(agree, 'cross-check line').not.toBeNull();
    expect(Number(agree![2])).toBeGreaterThanOrEqual(15);
    expect(agree![1]).toBe(agree![2]);
    expect(text).not.toContain('✗');

    const kw = (v: number) => v.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    expect(text).toContain(`| peak without DR | ${kw(summary.peak.baselineKw)} kW |`);
    expect(text).toContain(`| peak with DR | ${kw(summary.peak.withDrKw)} kW |`);
    expect(text).toContain(`${kw(summary.energy.curtailedKwh)} kWh`);
    // Token totals are exact bigint arithmetic on the smallest units: 18 decimals, shown with 2.
    const grid = run.expected.entitlementByToken.GRID!;
    const gridText = `${(grid / 10n ** 18n).toLocaleString('en-US')}.${(grid % 10n ** 18n).toString().padStart(18, '0').slice(0, 2)} GRID`;
    expect(text).toContain(`| payouts in GRID | ${gridText} |`);
    for (let e = 1; e <= run.expected.events; e++) expect(text).toContain(`>E${e}<`);

    const charts = svgs(cells);
    expect(charts.map(svgTitle)).toEqual([
      'System load with and without DR',
      'Load duration curve',
      'Energy delivered and rebound per event',
      'Payout per consumer',
      'Gas by function',
    ]);
    for (const svg of charts) expect(svg.length).toBeGreaterThan(2_000);
    // The load chart shades each event (one rect mark item per event) and draws the three series.
    const rects = /class="mark-rect role-mark layer_0_marks"[^>]*>([\s\S]*?)<\/g>/.exec(charts[0]!)?.[1] ?? '';
    expect(rects.match(/<path/g)?.length ?? 0).toBe(run.expected.events);
    for (const series of ['without DR', 'with DR', 'forecast']) expect(charts[0]).toContain(`>${series}<`);
  }, NOTEBOOK_TIMEOUT_MS + 60_000);

  it('explore-run.ipynb stops with a message naming the missing run directory (and this test sees it)', () => {
    const missing = join(work, 'no-such-run');
    const cells = execute('explore-run.ipynb', { PEAKLAB_RUN_DIR: missing });
    const stderr = cells[0]!.outputs.filter((o) => o.name === 'stderr').map((o) => o.text).join('');
    expect(stderr).toContain(`No run directory at ${missing}`);
    expect(() => expectClean('explore-run.ipynb', cells)).toThrow(/error output in explore-run.ipynb, cell 1/);
  }, NOTEBOOK_TIMEOUT_MS + 60_000);

  it('compare-baselines.ipynb reads a real baseline backtest: ranking, bias vs RRMSE, spread and gaming', () => {
    // Two small generated datasets (as in sim/baseline/backtestBaselines.test.ts); the second has no temperature,
    // so the match-day and TOWT methods are skipped there.
    const dayOfYear = (date: string) => (Date.parse(`${date}T00:00:00Z`) - Date.parse('2023-01-01T00:00:00Z')) / 86_400_000;
    const wiggle = (date: string, hour: number, k: number) => {
      const x = Math.sin((dayOfYear(date) * 24 + hour) * 12.9898 + k * 78.233) * 43758.5453;
      return x - Math.floor(x) - 0.5;
    };
    const temp = (date: string, hour: number) =>
      10 + 10 * Math.sin((2 * Math.PI * (dayOfYear(date) - 100)) / 365) + 5 * Math.sin((2 * Math.PI * (hour - 9)) / 24);
    const offices = testFrame({
      start: '2023-01-02', days: 240, name: 'synthetic_offices',
      columns: {
        office: (d, h, wd) => 20 + (wd >= 1 && wd <= 5 && h >= 8 && h < 18 ? 30 : 0) + 0.8 * Math.max(0, temp(d, h) - 15) + 2 * wiggle(d, h, 1),
        home: (d, h) => 1 + (h >= 17 && h < 22 ? 1.5 : 0) + 0.05 * temp(d, h) + 0.3 * wiggle(d, h, 2),
        flat: (d, h) => 5 + 0.5 * wiggle(d, h, 3),
        temp,
      },
      consumers: ['office', 'home', 'flat'], temperature: ['temp'], units: { temp: 'degC' },
    });
    const homes = testFrame({
      start: '2023-01-02', days: 200, name: 'synthetic_homes', timezone: 'America/Los_Angeles',
      columns: {
        a: (d, h) => 2 + (h >= 16 && h < 21 ? 2 : 0) + 0.4 * wiggle(d, h, 4),
        b: (d, h, wd) => 3 + (wd === 0 || wd === 6 ? 1 : 0) + 0.6 * wiggle(d, h, 5),
      },
      consumers: ['a', 'b'],
    });
    const results = [backtestBaselines({ frame: offices, placeboDaysPerYear: 6 }), backtestBaselines({ frame: homes, placeboDaysPerYear: 4 })];
    const dir = join(work, 'backtest-baseline');
    mkdirSync(dir, { recursive: true });
    for (const file of backtestReportFiles({ results })) writeFileSync(join(dir, file.name), file.content);

    const cells = execute('compare-baselines.ipynb', { PEAKLAB_BACKTEST_DIR: dir });
    expectClean('compare-baselines.ipynb', cells);
    const text = allText(cells);
    expect(text).toContain(`backtest: ${join(dir, 'backtest-baseline.json')}`);

    // Expectations from the file the notebook reads (values rounded to 3 decimals, as written).
    interface FileMethod {
      rank: number | null; name: string; skipped: string | null;
      perConsumerMedian: { rrmsePct: number } | null; gaming: { upliftPerExtraKWh: number } | null;
    }
    const file = JSON.parse(readFileSync(join(dir, 'backtest-baseline.json'), 'utf8')) as { datasets: { dataset: string; methods: FileMethod[] }[] };
    expect(file.datasets.map((d) => d.dataset)).toEqual(['synthetic_offices', 'synthetic_homes']);
    for (const d of file.datasets) {
      const ranked = d.methods.filter((m) => m.rank !== null);
      expect(ranked.length).toBeGreaterThanOrEqual(8);
      // Every method is in the ranking table with its median per-consumer RRMSE; skipped ones say why.
      for (const m of ranked) expect(text).toContain(`| ${m.rank} | ${m.name} | ${m.perConsumerMedian!.rrmsePct.toFixed(1)} |`);
      for (const m of d.methods.filter((x) => x.skipped !== null)) expect(text).toContain(`| – | ${m.name} (skipped: ${m.skipped}) |`);
      const best = ranked.find((m) => m.rank === 1)!;
      const gameable = [...ranked].sort((a, b) => b.gaming!.upliftPerExtraKWh - a.gaming!.upliftPerExtraKWh || a.rank! - b.rank!)[0]!;
      const line = text.split('\n').find((l) => l.startsWith(`${d.dataset}: most accurate`));
      expect(line, `summary line of ${d.dataset}`).toBeDefined();
      expect(line).toContain(`most accurate ${best.name} (RRMSE ${best.perConsumerMedian!.rrmsePct.toFixed(1)} %`);
      expect(line).toContain(`most gameable ${gameable.name} (${gameable.gaming!.upliftPerExtraKWh.toFixed(2)} kWh/kWh)`);
    }
    expect(text).toContain('synthetic_homes: most accurate');
    expect(text).toMatch(/synthetic_homes: .*; skipped: pjm-match-day, towt-regression/);
    const scores = readFileSync(join(dir, 'consumers.csv'), 'utf8').trim().split('\n').slice(1);
    const positive = scores.filter((line) => Number.parseFloat(line.split(',')[5]!) > 0).length;
    expect(positive).toBeGreaterThan(0);
    expect(text).toContain(`${positive} consumer × method scores`);

    const charts = svgs(cells);
    expect(charts.map(svgTitle)).toEqual([
      'Bias vs RRMSE per baseline method',
      'RRMSE per consumer, by method',
      'Gaming uplift: extra baseline kWh per extra kWh consumed',
    ]);
    // The scatter labels every scored method of both datasets.
    for (const m of results[0]!.methods) expect(charts[0]).toContain(`>${m.name}<`);
  }, NOTEBOOK_TIMEOUT_MS + 60_000);
});
