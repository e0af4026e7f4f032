import type { Finding } from './finding.ts';
import type { Policy, TableSpec } from './manifest.ts';

export interface CalendarMismatchRunsParameters {
  table: TableSpec;
  policy: Policy;
}

export interface CalendarMismatchRuns {
  /** One checked row: what its calendar columns contradict ([] when they agree). */
  row(line: number, naive: number, problems: readonly string[]): void;
  /** One calendarMismatch finding per run of consecutive mismatching lines, described by its first line. */
  findings(): Finding[];
}

/** Collects rows whose calendar columns disagree with their placed time, consecutive lines as one finding. */
export function calendarMismatchRuns({ table, policy }: CalendarMismatchRunsParameters): CalendarMismatchRuns {
  const findings: Finding[] = [];
  let run: { line: number; ts: number; count: number; message: string; lastLine: number } | undefined;
  const flush = () => {
    if (!run) return;
    findings.push({
      kind: 'calendarMismatch',
      column: [table.check?.month, table.check?.hour, table.check?.weekday?.column].filter(Boolean).join('/'),
      timestamp: new Date(run.ts).toISOString(),
      file: table.file,
      line: run.line,
      count: run.count,
      action: policy.calendarMismatch === 'fail' ? 'fail' : 'keep',
      message: `${run.count} row(s) from line ${run.line}: ${run.message}`,
    });
    run = undefined;
  };
  return {
    row(line, naive, problems) {
      if (problems.length === 0) flush();
      else if (run && run.lastLine === line - 1) {
        run.count++;
        run.lastLine = line;
      } else {
        flush();
        run = { line, ts: naive, count: 1, message: problems.join('; '), lastLine: line };
      }
    },
    findings() {
      flush();
      return findings;
    },
  };
}
