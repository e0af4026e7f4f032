import { splitCsvLine } from './splitCsvLine.ts';

/**
 * The project's CSV reader (data files of `sim/data`, the run directory of `sim/report`): a UTF-8
 * byte-order mark is dropped, lines end in LF or CRLF, trailing blank lines are ignored, the header's
 * names are trimmed, cells follow RFC 4180 quoting (`splitCsvLine`; no line breaks inside quotes).
 * Lines are split into cells by the caller, one at a time, so a large file is never held twice.
 */
export interface ParseCsvParameters {
  text: string;
}

export interface ParseCsvResult {
  /** Header names, trimmed; empty when the text has no lines. */
  header: string[];
  /** Every line, header included: `lines[i]` is line i + 1 of the file (blank lines inside the file stay ''). */
  lines: string[];
}

export function parseCsv({ text }: ParseCsvParameters): ParseCsvResult {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const header = lines.length > 0 ? splitCsvLine(lines[0]!).map((h) => h.trim()) : [];
  return { header, lines };
}
