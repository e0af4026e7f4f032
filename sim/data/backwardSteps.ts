import type { Finding } from './finding.ts';
import type { Policy } from './manifest.ts';

export interface BackwardStepsParameters {
  file: string;
  policy: Policy;
  /** The column an entity's finding names (e.g. `zone_id=3`, or the fields read). */
  columnOf: (entity: number) => string;
}

export interface BackwardSteps {
  /** A record of `entity` placed at `instant`, read from `line`. */
  add(entity: number, instant: number, line: number): void;
  /** One unsorted finding per entity whose records step back in time, by entity index. */
  findings(): Finding[];
}

/**
 * Collects rows out of time order, per entity. A repeated wall time keeps its earlier instant as the
 * entity's last time, so the second row of a fall-back hour is not a backward step.
 */
export function backwardSteps({ file, policy, columnOf }: BackwardStepsParameters): BackwardSteps {
  const lastInstant = new Map<number, number>();
  const unsorted = new Map<number, { line: number; ts: number; count: number }>();
  return {
    add(entity, instant, line) {
      const last = lastInstant.get(entity);
      if (last !== undefined && instant < last) {
        const u = unsorted.get(entity);
        if (u) u.count++;
        else unsorted.set(entity, { line, ts: instant, count: 1 });
      }
      lastInstant.set(entity, instant);
    },
    findings() {
      return [...unsorted.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([entity, u]): Finding => ({
          kind: 'unsorted',
          column: columnOf(entity),
          timestamp: new Date(u.ts).toISOString(),
          file,
          line: u.line,
          count: u.count,
          action: policy.unsorted === 'fail' ? 'fail' : 'sort',
          message: `${u.count} backward time step(s), first at line ${u.line}; ${
            policy.unsorted === 'fail' ? 'policy unsorted: fail' : 'rows placed at their own times (sorted)'
          }`,
        }));
    },
  };
}
