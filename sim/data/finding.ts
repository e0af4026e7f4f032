import type { FindingKind } from './manifest.ts';

export type { FindingKind } from './manifest.ts';

/** What the loader did about a finding (the manifest policy's choice). */
export type FindingAction = 'fail' | 'drop' | 'interpolate' | 'keep' | 'sort' | 'fill' | 'keepFirst' | 'mean';

/**
 * One data-quality observation. Consecutive intervals with the same kind in the same column are
 * reported as one finding with `count` > 1.
 */
export interface Finding {
  readonly kind: FindingKind;
  /** Frame column (or file column for row-level findings such as dstHole). */
  readonly column: string;
  /** ISO-8601 UTC instant of the first affected interval (for rows at non-existent times: the label as read). */
  readonly timestamp: string;
  /** File relative to the data root. */
  readonly file: string;
  /** 1-based line in the decompressed file (header = 1); null when the problem is an absence (a gap). */
  readonly line: number | null;
  /** Number of consecutive intervals or rows this finding covers. */
  readonly count: number;
  readonly action: FindingAction;
  readonly message: string;
}

/** Cause codes of missing cells inside the loader (index into `causeKinds`). */
export const CAUSE_OK = 0;
export const causeKinds: readonly (FindingKind | 'ok')[] = [
  'ok',
  'gap',
  'missing',
  'nonNumeric',
  'negative',
  'dstRepeat',
  'duplicate',
];
export const CAUSE_GAP = 1;
export const CAUSE_MISSING = 2;
export const CAUSE_NON_NUMERIC = 3;
export const CAUSE_NEGATIVE = 4;
export const CAUSE_DST_REPEAT = 5;
export const CAUSE_DUPLICATE = 6;

/** What a cause code means, as finding messages say it. */
export const causeText: Readonly<Record<number, string>> = {
  [CAUSE_GAP]: 'no row for these intervals',
  [CAUSE_MISSING]: 'empty cell(s)',
  [CAUSE_NON_NUMERIC]: 'text in a number column',
  [CAUSE_NEGATIVE]: 'negative value(s)',
  [CAUSE_DST_REPEAT]: 'second occurrence of the repeated fall-back hour has no row',
  [CAUSE_DUPLICATE]: 'duplicate rows dropped',
};
