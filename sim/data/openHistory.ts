import { DatasetError, LookAheadError } from '../errors.ts';
import type { Frame, History } from './types.ts';

export interface OpenHistoryParameters {
  frame: Frame;
  /** Epoch ms (UTC): only intervals starting strictly before it are visible. */
  decisionTime: number;
  /** Columns legitimately known ahead of time (e.g. day-ahead temperature forecasts), readable via `exogenous`. */
  exogenous?: readonly string[];
}

const iso = (t: number) => (Number.isFinite(t) ? new Date(t).toISOString() : String(t));

/**
 * A time-gated view of `frame` for a decision at `decisionTime` (see `History` in types.ts).
 * Returned arrays are copies: a model cannot alter the frame through its history.
 */
export function openHistory({ frame, decisionTime, exogenous = [] }: OpenHistoryParameters): History {
  if (!Number.isFinite(decisionTime)) {
    throw new DatasetError(`Decision time ${decisionTime} is not a finite epoch-ms instant`, {
      details: `frame ${frame.name}`,
      hint: 'Pass decisionTime as epoch milliseconds (UTC), e.g. Date.UTC(2006, 6, 1).',
    });
  }
  for (const c of exogenous) {
    if (!frame.columns.has(c)) {
      throw new DatasetError(`Exogenous column "${c}" is not in frame ${frame.name}`, {
        details: `columns: ${[...frame.columns.keys()].join(', ')}`,
        hint: 'Declare only existing columns as exogenous.',
      });
    }
  }
  const visibleLength = Math.min(frame.length, Math.max(0, Math.ceil((decisionTime - frame.start) / frame.stepMs)));
  const allowed = new Set(exogenous);
  const { columns, ...rest } = frame;
  const view: Omit<Frame, 'columns'> = { ...rest };

  const column = (name: string, from: number, to: number): Float64Array => {
    const values = columns.get(name);
    if (!values) {
      throw new DatasetError(`Column "${name}" is not in frame ${frame.name}`, {
        details: `columns: ${[...columns.keys()].join(', ')}`,
        hint: 'Use a column the frame has (see frame.roles for what each means).',
      });
    }
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from || to > frame.length) {
      throw new DatasetError(`Index range [${from}, ${to}) is outside frame ${frame.name} (length ${frame.length})`, {
        details: `column ${name}`,
        hint: 'Use integer indices with 0 <= fromIndex <= toIndex <= frame.length.',
      });
    }
    return values;
  };

  return {
    frame: view,
    decisionTime,
    visibleLength,
    values(name, fromIndex, toIndex) {
      const values = column(name, fromIndex, toIndex);
      if (toIndex > visibleLength) {
        const asked = frame.start + (toIndex - 1) * frame.stepMs;
        throw new LookAheadError(`Look-ahead: column "${name}" read at ${iso(asked)}, at or after decision time ${iso(decisionTime)}`, {
          details: `frame ${frame.name}, column ${name}, asked intervals [${fromIndex}, ${toIndex}) up to ${iso(asked)}; visible: [0, ${visibleLength}) = before ${iso(decisionTime)}`,
          hint: allowed.has(name)
            ? `"${name}" is exogenous: read its future intervals with exogenous(), not values().`
            : `Read only intervals before the decision time, or, if "${name}" is truly known in advance (a forecast), open the history with exogenous: ['${name}'] and read it with exogenous().`,
        });
      }
      return values.slice(fromIndex, toIndex);
    },
    exogenous(name, fromIndex, toIndex) {
      const values = column(name, fromIndex, toIndex);
      if (!allowed.has(name)) {
        const asked = frame.start + Math.max(0, toIndex - 1) * frame.stepMs;
        throw new LookAheadError(`Look-ahead: column "${name}" is not exogenous (asked up to ${iso(asked)}, decision time ${iso(decisionTime)})`, {
          details: `frame ${frame.name}; exogenous columns: ${exogenous.join(', ') || '(none)'}`,
          hint: `Use values() for intervals before the decision time, or declare "${name}" in exogenous when it is known ahead (e.g. a day-ahead forecast).`,
        });
      }
      return values.slice(fromIndex, toIndex);
    },
  };
}
