import type { Frame, History } from '../../data/types.ts';
import { LookAheadError } from '../../errors.ts';

export interface GatedHistoryParameters {
  readonly frame: Frame;
  readonly decisionTime: number;
  readonly exogenous?: readonly string[];
  /** Called with every read, to let tests see what a model asked for. */
  readonly onRead?: (read: { kind: 'values' | 'exogenous'; column: string; fromIndex: number; toIndex: number }) => void;
}

/**
 * Test fixture: a History over an in-memory frame with the contract of sim/data's openHistory
 * (values() only before the decision time, exogenous() only for declared columns).
 */
export function gatedHistory({ frame, decisionTime, exogenous = [], onRead }: GatedHistoryParameters): History {
  const visibleLength = Math.max(0, Math.min(frame.length, Math.ceil((decisionTime - frame.start) / frame.stepMs)));
  const { columns, ...rest } = frame;
  const column = (name: string): Float64Array => {
    const values = columns.get(name);
    if (values === undefined) throw new LookAheadError(`No column ${name}`);
    return values;
  };
  return {
    frame: rest,
    decisionTime,
    visibleLength,
    values(name, fromIndex, toIndex) {
      onRead?.({ kind: 'values', column: name, fromIndex, toIndex });
      if (toIndex > visibleLength || fromIndex < 0) {
        throw new LookAheadError(`Read of ${name} [${fromIndex}, ${toIndex}) after decision index ${visibleLength}`);
      }
      return column(name).slice(fromIndex, toIndex);
    },
    exogenous(name, fromIndex, toIndex) {
      onRead?.({ kind: 'exogenous', column: name, fromIndex, toIndex });
      if (!exogenous.includes(name)) throw new LookAheadError(`Column ${name} is not exogenous`);
      return column(name).slice(fromIndex, toIndex);
    },
  };
}
