/** One unit of work: a stable id (names the job in progress, errors and results) and its input (structured-clonable). */
export interface PoolJob<I> {
  id: string;
  input: I;
}

/** What a failed job reports: the error's class name, message and, for a PeaklabError, its details and hint. */
export interface PoolJobFailure {
  name: string;
  message: string;
  details?: string;
  hint?: string;
}

/** A job's outcome, in the order of the jobs given (never in finishing order). */
export type PoolResult<O> = { id: string; ok: true; value: O } | { id: string; ok: false; error: PoolJobFailure };

/** What a worker module exports as `runJob`: the input in, the value out; `progress` forwards anything to `onProgress`. */
export type PoolWorkerFunction<I, O> = (input: I, context: { progress: (data: unknown) => void }) => Promise<O>;

/** Progress of a pool: a job started on a worker, sent a progress message, or finished (with running totals). */
export type PoolProgress =
  | { type: 'started'; id: string; worker: number }
  | { type: 'message'; id: string; worker: number; data: unknown }
  | { type: 'finished'; id: string; worker: number; ok: boolean; done: number; failed: number; total: number };

/** Messages between the pool and a worker process. */
export type ToWorker = { type: 'run'; id: string; input: unknown } | { type: 'exit' };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; id: string; data: unknown }
  | { type: 'result'; id: string; ok: true; value: unknown }
  | { type: 'result'; id: string; ok: false; error: PoolJobFailure };
