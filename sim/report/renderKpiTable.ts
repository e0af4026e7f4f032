import { formatNumber } from '../metrics/index.ts';
import { escapeHtml } from './escapeHtml.ts';
import type { KpiRow } from './kpiRows.ts';

export interface KpiColumn {
  /** Run label shown in the column header. */
  readonly label: string;
  readonly rows: readonly KpiRow[];
}

export interface RenderKpiTableParameters {
  /** One column per run; with several, every later column also shows its delta to the first. */
  columns: readonly KpiColumn[];
}

/** The change of `row` relative to `reference`, with its unit: "+1,234.5 kW (+10.0%)". Null when either is missing. */
export function kpiDelta({ row, reference }: { row: KpiRow | undefined; reference: KpiRow | undefined }): string | null {
  if (row?.value === null || row === undefined || reference?.value === null || reference === undefined) return null;
  if (!Number.isFinite(row.value) || !Number.isFinite(reference.value)) return null;
  const delta = row.value - reference.value;
  const unit = row.unit === '%' ? ' pp' : row.unit === '' ? '' : ` ${row.unit}`;
  const relative = reference.value !== 0 && row.unit !== '%' ? ` (${formatNumber({ value: (100 * delta) / Math.abs(reference.value), decimals: 1, signed: true, display: true })}%)` : '';
  return `${formatNumber({ value: delta, decimals: row.decimals, signed: true, display: true })}${unit}${relative}`;
}

/**
 * The KPI table as an HTML `<table>`: rows grouped as `kpiRows` orders them, one value column per
 * run; for several runs, Δ columns against the first run (percentage points for % rows).
 * Rows are the union of all runs' row ids, in first-seen order.
 */
export function renderKpiTable({ columns }: RenderKpiTableParameters): string {
  const order: KpiRow[] = [];
  const seen = new Set<string>();
  for (const column of columns) {
    for (const r of column.rows) {
      if (!seen.has(r.id)) {
        seen.add(r.id);
        order.push(r);
      }
    }
  }
  const byId = columns.map((c) => new Map(c.rows.map((r) => [r.id, r])));
  const compare = columns.length > 1;
  const head = ['<th scope="col">Indicator</th>'];
  columns.forEach((c, i) => {
    head.push(`<th scope="col">${escapeHtml(c.label)}</th>`);
    if (compare && i > 0) head.push(`<th scope="col">Δ vs ${escapeHtml(columns[0].label)}</th>`);
  });
  const body: string[] = [];
  let group = '';
  for (const r of order) {
    if (r.group !== group) {
      group = r.group;
      body.push(`<tr class="kpi-group"><th colspan="${head.length}" scope="rowgroup">${escapeHtml(group)}</th></tr>`);
    }
    const cells = [`<th scope="row">${escapeHtml(r.label)}</th>`];
    byId.forEach((map, i) => {
      const cell = map.get(r.id);
      const detail = cell?.detail === undefined ? '' : `<span class="kpi-detail">${escapeHtml(cell.detail)}</span>`;
      cells.push(`<td data-kpi="${escapeHtml(r.id)}">${escapeHtml(cell?.text ?? '–')}${detail}</td>`);
      if (compare && i > 0) cells.push(`<td class="kpi-delta">${escapeHtml(kpiDelta({ row: cell, reference: byId[0].get(r.id) }) ?? '–')}</td>`);
    });
    body.push(`<tr>${cells.join('')}</tr>`);
  }
  return `<table class="kpi"><thead><tr>${head.join('')}</tr></thead><tbody>\n${body.join('\n')}\n</tbody></table>`;
}
