import type { History } from '../../data/types.ts';

export interface HistoryRead {
  readonly kind: 'values' | 'exogenous';
  readonly column: string;
  readonly fromIndex: number;
  readonly toIndex: number;
}

/** Test fixture: wraps a History so that every read is reported to `onRead` before it is served. */
export function recordReads(history: History, onRead: (read: HistoryRead) => void): History {
  return {
    frame: history.frame,
    decisionTime: history.decisionTime,
    visibleLength: history.visibleLength,
    values(column, fromIndex, toIndex) {
      onRead({ kind: 'values', column, fromIndex, toIndex });
      return history.values(column, fromIndex, toIndex);
    },
    exogenous(column, fromIndex, toIndex) {
      onRead({ kind: 'exogenous', column, fromIndex, toIndex });
      return history.exogenous(column, fromIndex, toIndex);
    },
  };
}
