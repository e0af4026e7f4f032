/**
 * sim/pool — independent jobs on several local processes: `runPool({ jobs, worker, workers, onProgress })`. Used by
 * `peaklab compare --seeds` (and meant for sweeps). The only public entry.
 */
export type { PoolJob, PoolJobFailure, PoolProgress, PoolResult, PoolWorkerFunction } from './poolTypes.ts';
export { defaultWorkers, runPool, type RunPoolParameters } from './runPool.ts';
