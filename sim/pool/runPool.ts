import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.ts';
import type { FromWorker, PoolJob, PoolProgress, PoolResult, ToWorker } from './poolTypes.ts';

export interface RunPoolParameters<I> {
  /** The jobs, each with a unique id; results come back in this order. */
  jobs: readonly PoolJob<I>[];
  /** Absolute path of the worker module (a .ts or .js file exporting `runJob`, see `PoolWorkerFunction`). */
  worker: string;
  /** Worker processes (default `defaultWorkers()`, never more than there are jobs). */
  workers?: number;
  onProgress?: (progress: PoolProgress) => void;
}

/** The default number of workers: the cores node may use (`os.availableParallelism()`). */
export const defaultWorkers = (): number => availableParallelism();

const hostPath = fileURLToPath(new URL('./workerHost.ts', import.meta.url));
/** tsx's loader, so a forked worker can import the TypeScript sources as the CLI does. */
const tsxLoader = createRequire(import.meta.url).resolve('tsx');

/**
 * Runs independent jobs on `workers` forked node processes (each its own process: its own embedded anvil, its own
 * module state). A worker takes the next job when it is free; a job's result does not depend on which worker ran it
 * or when, so results are the same for any number of workers. A job that throws — or whose worker dies — fails
 * alone, with its error; the other jobs go on (a new worker replaces a dead one).
 */
export async function runPool<I, O>({ jobs, worker, workers, onProgress }: RunPoolParameters<I>): Promise<PoolResult<O>[]> {
  const ids = new Set<string>();
  for (const job of jobs) {
    if (ids.has(job.id)) throw new UsageError(`Two pool jobs have the id ${job.id}`, { hint: 'Give every job its own id: results and errors are reported by id.' });
    ids.add(job.id);
  }
  const count = Math.max(1, Math.min(workers ?? defaultWorkers(), jobs.length));
  if (!Number.isInteger(count)) throw new UsageError(`workers must be a whole number, got ${workers}`, { hint: 'Pass e.g. -j 2.' });
  const results = new Array<PoolResult<O> | undefined>(jobs.length);
  let next = 0;
  let done = 0;
  let failed = 0;
  const finish = (index: number, result: PoolResult<O>, slot: number) => {
    results[index] = result;
    done += 1;
    if (!result.ok) failed += 1;
    onProgress?.({ type: 'finished', id: result.id, worker: slot, ok: result.ok, done, failed, total: jobs.length });
  };

  const serve = (slot: number): Promise<void> =>
    new Promise((resolveSlot) => {
      if (next >= jobs.length) return resolveSlot();
      const child: ChildProcess = fork(hostPath, [worker], { execArgv: ['--import', tsxLoader], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      let current: number | undefined;
      let ready = false;
      const dispatch = () => {
        if (next >= jobs.length) {
          current = undefined;
          child.send({ type: 'exit' } satisfies ToWorker);
          return;
        }
        current = next++;
        onProgress?.({ type: 'started', id: jobs[current].id, worker: slot });
        child.send({ type: 'run', id: jobs[current].id, input: jobs[current].input } satisfies ToWorker);
      };
      child.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          ready = true;
          dispatch();
        }
        else if (message.type === 'progress') onProgress?.({ type: 'message', id: message.id, worker: slot, data: message.data });
        else if (current !== undefined) {
          finish(current, message.ok ? { id: message.id, ok: true, value: message.value as O } : { id: message.id, ok: false, error: message.error }, slot);
          dispatch();
        }
      });
      child.on('exit', (code, signal) => {
        if (!ready && next < jobs.length) {
          // the worker module did not load: the next job fails with that, so a broken module cannot loop
          const index = next++;
          finish(index, { id: jobs[index].id, ok: false, error: { name: 'WorkerFailedToStart', message: `The worker process for ${worker} exited (${signal ?? `code ${code}`}) before it was ready`, hint: 'Its error is on stderr above.' } }, slot);
          serve(slot).then(resolveSlot);
          return;
        }
        if (current !== undefined) {
          // the worker died mid-job: that job fails; a fresh worker takes the rest
          finish(current, { id: jobs[current].id, ok: false, error: { name: 'WorkerExited', message: `The worker process exited (${signal ?? `code ${code}`}) while running ${jobs[current].id}` } }, slot);
          current = undefined;
          serve(slot).then(resolveSlot);
          return;
        }
        resolveSlot();
      });
    });

  await Promise.all(Array.from({ length: count }, (_, slot) => serve(slot)));
  return results.map((r, i) => r ?? { id: jobs[i].id, ok: false, error: { name: 'NotRun', message: `${jobs[i].id} was never run` } });
}
