import { deserialize, serialize } from 'node:v8';
import { RunDirectoryError } from '../errors.ts';
import { CumulativeLedger, type CumulativeLedgerSnapshot } from '../incentives/index.ts';
import { MeterWindow, type MeterWindowSnapshot } from './meterWindow.ts';
import type { RunState } from './runState.ts';

/** Bumped whenever RunState's shape changes: a state written by another shape is refused, not misread. */
export const RUN_STATE_VERSION = 1;

/** The run state as plain, structured-cloneable data (its two classes as snapshots). */
interface RunStateSnapshot extends Omit<RunState, 'mirror' | 'oracleLedger' | 'window'> {
  version: number;
  mirror: CumulativeLedgerSnapshot;
  oracleLedger: CumulativeLedgerSnapshot;
  window: MeterWindowSnapshot;
}

/**
 * The run state as bytes: Node's structured serialisation (v8), which keeps typed arrays, bigint, Map, Set, NaN
 * and −0 exactly. Readable by this and later Node versions.
 */
export function serializeRunState(state: RunState): Uint8Array {
  const snapshot: RunStateSnapshot = { ...state, version: RUN_STATE_VERSION, mirror: state.mirror.toSnapshot(), oracleLedger: state.oracleLedger.toSnapshot(), window: state.window.toSnapshot() };
  return serialize(snapshot);
}

/** The run state `serializeRunState` wrote, exactly. */
export function restoreRunState(bytes: Uint8Array): RunState {
  let snapshot: RunStateSnapshot;
  try {
    snapshot = deserialize(bytes) as RunStateSnapshot;
  } catch (error) {
    throw new RunDirectoryError('The saved run state cannot be read', { details: (error as Error).message, hint: 'The file is damaged or was not written by peaklab; start the run again.' });
  }
  if (snapshot?.version !== RUN_STATE_VERSION) {
    throw new RunDirectoryError(`The saved run state has version ${String(snapshot?.version)}, this peaklab reads version ${RUN_STATE_VERSION}`, { hint: 'Start the run again with this version of peaklab.' });
  }
  // fields keep their order (the state serialises to the same bytes again)
  const { version: _, ...state } = { ...snapshot, mirror: CumulativeLedger.fromSnapshot(snapshot.mirror), oracleLedger: CumulativeLedger.fromSnapshot(snapshot.oracleLedger), window: MeterWindow.fromSnapshot(snapshot.window) };
  return state;
}
