import { ScenarioError } from '../errors.ts';

/** One problem in a scenario (or other YAML) file, located by YAML path and line. */
export interface ScenarioIssue {
  /** Dotted YAML path, list items as `[i]` (e.g. `population.archetypes.industrial.share`); '' for the whole file. */
  readonly path: string;
  /** 1-based line of the offending key (or of the nearest enclosing key when the field is missing). */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** What was expected and what was found. */
  readonly message: string;
}

export interface InvalidScenarioErrorParameters {
  /** The file the issues are in (as the user named it). */
  file: string;
  /** Every problem found, sorted by line. */
  issues: readonly ScenarioIssue[];
  /** What to do about it. */
  hint: string;
  cause?: unknown;
}

/**
 * A scenario file that is not valid YAML or breaks the scenario schema. Lists every issue found at once,
 * one per line in `details` as `file:line:column path: message`, and structured in `issues`.
 */
export class InvalidScenarioError extends ScenarioError {
  override name = 'InvalidScenarioError';
  readonly file: string;
  readonly issues: readonly ScenarioIssue[];

  constructor({ file, issues, hint, cause }: InvalidScenarioErrorParameters) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(`${file}: ${count} in the scenario file`, {
      details: issues.map((issue) => `\n  ${file}:${issue.line}:${issue.column} ${issue.path || '(file)'}: ${issue.message}`).join(''),
      hint,
      cause,
    });
    this.file = file;
    this.issues = issues;
  }
}
