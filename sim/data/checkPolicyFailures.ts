import { DatasetError } from '../errors.ts';
import type { Finding } from './finding.ts';

export interface CheckPolicyFailuresParameters {
  /** Dataset name. */
  name: string;
  findings: readonly Finding[];
  /** Where the manifest lives (named in the hint: the policy to change). */
  manifestPath: string;
}

/** Fails the load when any finding's action is `fail`, showing the first ten with their file and line. */
export function checkPolicyFailures({ name, findings, manifestPath }: CheckPolicyFailuresParameters): void {
  const failures = findings.filter((f) => f.action === 'fail');
  if (failures.length === 0) return;
  const show = failures.slice(0, 10).map((f) => `${f.kind} in ${f.column} at ${f.timestamp} (${f.file}${f.line !== null ? `:${f.line}` : ''}): ${f.message}`);
  throw new DatasetError(`Dataset "${name}" breaks its data-quality policy (${failures.length} finding(s) with action fail)`, {
    details: [...show, ...(failures.length > 10 ? [`… and ${failures.length - 10} more`] : [])].join('\n'),
    hint: `Fix the data, or change policy in ${manifestPath} (e.g. policy.${failures[0]!.kind}: drop | interpolate) if that treatment is acceptable.`,
  });
}
