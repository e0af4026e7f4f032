/**
 * The error hierarchy of peaklab. Every error a user can meet says what went wrong (`shortMessage`),
 * where (`details`: file, line, YAML path, timestamp, transaction…) and what to do about it (`hint`).
 * Never throw strings; never swallow an error.
 */
export interface PeaklabErrorParameters {
  details?: string;
  hint?: string;
  cause?: unknown;
}

export class PeaklabError extends Error {
  override name = 'PeaklabError';
  readonly shortMessage: string;
  readonly details: string | undefined;
  readonly hint: string | undefined;

  constructor(shortMessage: string, { details, hint, cause }: PeaklabErrorParameters = {}) {
    super(
      [shortMessage, details ? `Details: ${details}` : undefined, hint ? `Fix: ${hint}` : undefined]
        .filter((line) => line !== undefined)
        .join('\n'),
      cause === undefined ? undefined : { cause },
    );
    this.shortMessage = shortMessage;
    this.details = details;
    this.hint = hint;
  }
}

/** A dataset is missing, corrupt (sha256), or its rows break the manifest's rules. */
export class DatasetError extends PeaklabError {
  override name = 'DatasetError';
}

/** A model asked the time-gated history for data after its decision time. */
export class LookAheadError extends PeaklabError {
  override name = 'LookAheadError';
}

/** A scenario or proposal file is malformed; details carry the YAML path and line. */
export class ScenarioError extends PeaklabError {
  override name = 'ScenarioError';
}

/** The chain (anvil / RPC) failed or a transaction reverted. */
export class ChainError extends PeaklabError {
  override name = 'ChainError';
}

/** Bad command-line usage or input that is not one of the above. */
export class UsageError extends PeaklabError {
  override name = 'UsageError';
}

/** A run directory (docs/run-directory.md) is missing a file, or a file breaks the run-directory contract. */
export class RunDirectoryError extends PeaklabError {
  override name = 'RunDirectoryError';
}

/** The TypeScript payout rule (sim/incentives) met inputs the on-chain rule reverts on, or bad entitlement data. */
export class PayoutRuleError extends PeaklabError {
  override name = 'PayoutRuleError';
}

/** A KPI (sim/metrics) was asked of inputs it is not defined for (empty, mismatched lengths, negative amounts). */
export class MetricInputError extends PeaklabError {
  override name = 'MetricInputError';
}
