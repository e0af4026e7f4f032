import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PoolProgress } from './poolTypes.ts';
import { runPool } from './runPool.ts';

const worker = fileURLToPath(new URL('./fixtures/testWorker.ts', import.meta.url));
interface Input {
  seed: number;
  draws: number;
  fail?: 'throw' | 'exit';
}
interface Output {
  seed: number;
  sum: number;
  pid: number;
}
const jobs = Array.from({ length: 7 }, (_, i) => ({ id: `job-${i}`, input: { seed: 100 + i, draws: 1000 } as Input }));

describe('runPool', () => {
  it('gives the same results in job order with 1 and 2 workers, and reports progress', async () => {
    const events: PoolProgress[] = [];
    const one = await runPool<Input, Output>({ jobs, worker, workers: 1 });
    const two = await runPool<Input, Output>({ jobs, worker, workers: 2, onProgress: (p) => events.push(p) });
    const strip = (rs: typeof one) => rs.map((r) => (r.ok ? { id: r.id, seed: r.value.seed, sum: r.value.sum } : r));
    expect(strip(two)).toEqual(strip(one));
    expect(one.map((r) => r.id)).toEqual(jobs.map((j) => j.id));
    expect(new Set(one.map((r) => (r.ok ? r.value.pid : 0))).size).toBe(1);
    expect(new Set(two.map((r) => (r.ok ? r.value.pid : 0))).size).toBeLessThanOrEqual(2);
    const finished = events.flatMap((e) => (e.type === 'finished' ? [e] : []));
    expect(finished.map((e) => e.done)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(events.filter((e) => e.type === 'message')).toHaveLength(7);
  });

  it('reports a failing job and a dying worker per job, and runs the rest', async () => {
    const mixed: { id: string; input: Input }[] = [
      { id: 'a', input: { seed: 1, draws: 10 } },
      { id: 'throws', input: { seed: 2, draws: 10, fail: 'throw' } },
      { id: 'dies', input: { seed: 3, draws: 10, fail: 'exit' } },
      { id: 'b', input: { seed: 4, draws: 10 } },
    ];
    const results = await runPool({ jobs: mixed, worker, workers: 2 });
    expect(results.map((r) => [r.id, r.ok])).toEqual([
      ['a', true],
      ['throws', false],
      ['dies', false],
      ['b', true],
    ]);
    expect(results[1]).toMatchObject({ ok: false, error: { name: 'UsageError', message: 'job 2 refuses', hint: 'it was asked to' } });
    expect(results[2]).toMatchObject({ ok: false, error: { name: 'WorkerExited' } });
    await expect(runPool({ jobs: [mixed[0], mixed[0]], worker })).rejects.toThrow('Two pool jobs have the id a');
    const broken = await runPool({ jobs: mixed.slice(0, 2), worker: fileURLToPath(new URL('./fixtures/missing.ts', import.meta.url)), workers: 1 });
    expect(broken.map((r) => (r.ok ? 'ok' : r.error.name))).toEqual(['WorkerFailedToStart', 'WorkerFailedToStart']);
  });
});
