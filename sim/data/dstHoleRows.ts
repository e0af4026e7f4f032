import type { Finding } from './finding.ts';
import type { Policy } from './manifest.ts';

export interface DstHoleRowsParameters {
  file: string;
  policy: Policy;
  /** The dataset's IANA time zone (named in the message). */
  timezone: string;
}

export interface DstHoleRows {
  /** A record labelled with a local time that does not exist; `column` is the file column it came from. */
  add(naive: number, column: string, line: number): void;
  /** One dstHole finding per local time and column, at its first line, in the order first met. */
  findings(): Finding[];
}

/** Collects records at local times skipped by the spring-forward (filler rows of local-time archives). */
export function dstHoleRows({ file, policy, timezone }: DstHoleRowsParameters): DstHoleRows {
  const holes = new Map<string, { finding: Finding; count: number }>();
  return {
    add(naive, column, line) {
      const key = `${naive}|${column}`;
      const prev = holes.get(key);
      if (prev) {
        prev.count++;
        return;
      }
      const finding: Finding = {
        kind: 'dstHole',
        column,
        timestamp: new Date(naive).toISOString().slice(0, 19),
        file,
        line,
        count: 1,
        action: policy.dstHole === 'fail' ? 'fail' : 'drop',
        message: '',
      };
      holes.set(key, { finding, count: 1 });
    },
    findings() {
      return [...holes.values()].map(({ finding, count }) => ({
        ...finding,
        count,
        message: `${count} row(s) labelled with local time ${new Date(finding.timestamp + 'Z').toISOString().slice(0, 16).replace('T', ' ')}, which does not exist in ${timezone} (DST spring-forward filler); ${
          finding.action === 'drop' ? 'row value discarded' : 'policy dstHole: fail'
        }`,
      }));
    },
  };
}
