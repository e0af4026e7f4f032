import { formatNumber } from '../metrics/index.ts';
import type { CheckRow } from './compareGolden.ts';

export interface FormatCheckTableParameters {
  rows: readonly CheckRow[];
}

const decimalsOf = (value: number): number => (Number.isInteger(value) ? 0 : Math.abs(value) >= 100 ? 2 : 4);
const show = (value: number | null, unit: string, signed = false): string =>
  value === null ? '–' : `${formatNumber({ value, decimals: decimalsOf(value), signed, display: true })}${unit === '' ? '' : ` ${unit}`}`;

/** A tolerance with the decimals it needs (0.5, 0.02, 2). */
const compact = (value: number): string => formatNumber({ value, decimals: 6, display: true }).replace(/0+$/, '').replace(/\.$/, '');

/** A tolerance as people read it: "±0.5 kW or ±2%" and the resulting allowance. */
function toleranceText(row: CheckRow): string {
  const parts = [];
  if (row.tolerance.abs !== undefined) parts.push(`±${compact(row.tolerance.abs)}${row.unit === '' ? '' : ` ${row.unit}`}`);
  if (row.tolerance.rel !== undefined) parts.push(`±${compact(row.tolerance.rel * 100)}%`);
  return parts.join(' or ');
}

/** The check table as aligned plain text: metric, golden, now, delta, tolerance, status. */
export function formatCheckTable({ rows }: FormatCheckTableParameters): string {
  const header = ['metric', 'golden', 'now', 'delta', 'tolerance', 'status'];
  const body = rows.map((r) => [r.metric, show(r.golden, r.unit), show(r.now, r.unit), show(r.delta, r.unit, true), toleranceText(r), r.status === 'ok' ? 'ok' : r.status.toUpperCase()]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i >= 1 && i <= 3 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
