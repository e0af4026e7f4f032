import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startAnvil } from '../../chain/index.ts';
import { projectRoot, subsetsDir } from '../../data/index.ts';

// `peaklab run` as a user runs it: a child process, its exit code, its output, the processes it leaves behind.
const bin = join(projectRoot, 'bin', 'peaklab.mjs');
const tiny = join(projectRoot, 'sim', 'engine', 'fixtures', 'tiny.yaml');
const work = mkdtempSync(join(tmpdir(), 'peaklab-run-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Child {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpMatchArray>;
}

function cli(args: string[], { cwd = projectRoot, env = {} }: { cwd?: string; env?: Record<string, string> } = {}): Child {
  const child = spawn(process.execPath, [join(cwd, 'bin', 'peaklab.mjs'), ...args], { cwd, env: { ...process.env, CI: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const listeners = new Set<() => void>();
  const add = (chunk: Buffer) => {
    text += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', add);
  child.stderr!.on('data', add);
  const exited = new Promise<number | null>((done) => child.once('exit', (code, signal) => done(code ?? (signal ? 128 : null))));
  const waitFor = (pattern: RegExp, timeoutMs = 120_000) =>
    new Promise<RegExpMatchArray>((done, fail) => {
      const check = () => {
        const m = pattern.exec(text);
        if (m) {
          listeners.delete(check);
          clearTimeout(timer);
          done(m);
        }
      };
      const timer = setTimeout(() => fail(new Error(`timed out waiting for ${pattern}; output:\n${text}`)), timeoutMs);
      listeners.add(check);
      void exited.then(() => setTimeout(() => (listeners.has(check) ? fail(new Error(`exited before ${pattern}; output:\n${text}`)) : undefined), 50));
      check();
    });
  return { child, output: () => text, exited, waitFor };
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const eventually = async (check: () => boolean, ms = 5000) => {
  for (let waited = 0; waited < ms && !check(); waited += 50) await new Promise((r) => setTimeout(r, 50));
  return check();
};
const leftovers = (out: string) => readdirSync(work).filter((name) => name.startsWith(`${out.split('/').pop()}.`));

describe('peaklab run (CLI)', () => {
  it('writes a run directory, and stops its anvil', async () => {
    const out = join(work, 'ok');
    const run = cli(['run', tiny, '--out', out, '--data', subsetsDir]);
    const [, pid] = await run.waitFor(/embedded anvil \(pid (\d+)\)/);
    expect(await run.exited, run.output()).toBe(0);
    for (const name of ['summary.json', 'timeseries.csv', 'events.jsonl', 'consumers.csv', 'gas.csv', 'manifest.json']) expect(existsSync(join(out, name)), name).toBe(true);
    expect(await eventually(() => !alive(Number(pid)))).toBe(true);
    expect(leftovers(out)).toEqual([]);
  }, 180_000);

  it('stops its anvil after an error on chain and exits 1 with the decoded revert', async () => {
    const out = join(work, 'error');
    const run = cli(['run', join(projectRoot, 'sim', 'engine', 'fixtures', 'unsupported-tier.yaml'), '--out', out, '--data', subsetsDir]);
    const [, pid] = await run.waitFor(/embedded anvil \(pid (\d+)\)/);
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/peaklab: TimelockController.executeBatch .*revert.* InvalidTierParams\(1, 14400, 65000\)/);
    expect(await eventually(() => !alive(Number(pid)))).toBe(true);
    expect(existsSync(out)).toBe(false);
    expect(leftovers(out)).toEqual([]);
  }, 180_000);

  it('stops its anvil on Ctrl-C (SIGINT) and writes nothing', async () => {
    const out = join(work, 'sigint');
    const run = cli(['run', tiny, '--out', out, '--data', subsetsDir]);
    const [, pid] = await run.waitFor(/embedded anvil \(pid (\d+)\)/);
    await run.waitFor(/deployed the system/);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(run.output()).toMatch(/interrupted; the embedded chain was stopped/);
    expect(await eventually(() => !alive(Number(pid)))).toBe(true);
    expect(existsSync(out)).toBe(false);
    expect(leftovers(out)).toEqual([]);
  }, 180_000);

  it('reports a node that dies mid-run clearly and leaves no half-written run directory', async () => {
    const node = await startAnvil({ hardfork: 'cancun' });
    try {
      const out = join(work, 'dead-node');
      const run = cli(['run', tiny, '--out', out, '--data', subsetsDir, '--rpc-url', node.rpcUrl]);
      await run.waitFor(/day 1\/3/);
      process.kill(node.pid!, 'SIGKILL');
      expect(await run.exited).toBe(1);
      expect(run.output()).toMatch(new RegExp(`peaklab: .*${node.rpcUrl.replace(/[.:/]/g, '.')}|peaklab: .*(node|RPC|connect)`, 'i'));
      expect(run.output()).toMatch(/Fix: /);
      expect(existsSync(out)).toBe(false);
      expect(leftovers(out)).toEqual([]);
    } finally {
      await node.stop();
    }
  }, 180_000);
});

describe('a fresh clone', () => {
  it('runs the quickstart without ../shared: PEAKLAB_DATA at an empty folder falls back to the committed subsets', async () => {
    const clone = join(work, 'clone', 'peaklab');
    execFileSync('git', ['clone', '--quiet', '--depth', '1', `file://${projectRoot}`, clone]);
    symlinkSync(join(projectRoot, 'node_modules'), join(clone, 'node_modules'));
    const empty = mkdtempSync(join(work, 'empty-'));
    const out = join(work, 'fresh-quickstart');
    const run = cli(['run', 'scenarios/quickstart.yaml', '--out', out], { cwd: clone, env: { PEAKLAB_DATA: empty } });
    expect(await run.exited, run.output()).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(new Set(manifest.datasets.map((d: { source: string }) => d.source))).toEqual(new Set(['subsets (fallback)']));
    expect(existsSync(resolve(clone, '..', 'shared'))).toBe(false);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.events).toBeGreaterThan(0);
    expect(summary.crossCheck.mismatches).toBe(0);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
  }, 300_000);
});
