/**
 * The process a pool forks for each worker: imports the worker module named on its command line, then runs the
 * jobs the pool sends one at a time (`runJob(input, { progress })`) and answers each with its value or its error.
 * A job's error never ends the worker; the pool ends it with an `exit` message or by closing the channel.
 */
import { pathToFileURL } from 'node:url';
import type { FromWorker, PoolJobFailure, PoolWorkerFunction, ToWorker } from './poolTypes.ts';

const send = (message: FromWorker) => process.send?.(message);

function failure(error: unknown): PoolJobFailure {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const e = error as Error & { shortMessage?: string; details?: string; hint?: string };
  return { name: e.name, message: e.shortMessage ?? e.message, ...(e.details === undefined ? {} : { details: e.details }), ...(e.hint === undefined ? {} : { hint: e.hint }) };
}

const modulePath = process.argv[2];
const loaded = (await import(pathToFileURL(modulePath).href)) as { runJob?: PoolWorkerFunction<unknown, unknown> };
const runJob = loaded.runJob;
if (typeof runJob !== 'function') throw new TypeError(`${modulePath} does not export a runJob function`);

process.on('message', (message: ToWorker) => {
  if (message.type === 'exit') {
    process.disconnect();
    return;
  }
  const { id, input } = message;
  runJob(input, { progress: (data) => send({ type: 'progress', id, data }) }).then(
    (value) => send({ type: 'result', id, ok: true, value }),
    (error: unknown) => send({ type: 'result', id, ok: false, error: failure(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
