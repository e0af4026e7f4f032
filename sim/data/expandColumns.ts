import type { ColumnSpec, Manifest } from './manifest.ts';
import type { TableRecords } from './readTable.ts';

export interface ExpandColumnsParameters {
  manifest: Manifest;
  tables: ReadonlyMap<string, TableRecords>;
  /** The compiled `expand[k].match`, by k. */
  patterns: readonly RegExp[];
}

export interface ExpandColumnsResult {
  /** The manifest's columns, then one per expanded field. */
  columns: ColumnSpec[];
  /** Role → columns that declare it (manifest columns first, then expanded ones). */
  roleColumns: Record<string, string[]>;
}

/**
 * The frame's columns: those the manifest declares, then one per header field matching an expand
 * pattern (header order, first table first, at most `limit`, skipping names already declared), read
 * from every listed table that has the field.
 */
export function expandColumns({ manifest, tables, patterns }: ExpandColumnsParameters): ExpandColumnsResult {
  const columns: ColumnSpec[] = [...manifest.columns];
  const roleColumns: Record<string, string[]> = {};
  for (const c of columns) if (c.role) (roleColumns[c.role] ??= []).push(c.name);
  manifest.expand.forEach((e, k) => {
    const names: string[] = [];
    for (const t of e.tables) {
      for (const f of tables.get(t)!.fields) if (patterns[k]!.test(f) && !names.includes(f)) names.push(f);
    }
    const chosen = e.limit !== undefined ? names.slice(0, e.limit) : names;
    for (const f of chosen) {
      if (columns.some((c) => c.name === f)) continue;
      const from = e.tables.filter((t) => tables.get(t)!.fields.includes(f)).map((t) => ({ table: t, field: f }));
      columns.push({ name: f, unit: e.unit, from, allowNegative: e.allowNegative, role: e.role });
      if (e.role) (roleColumns[e.role] ??= []).push(f);
    }
  });
  return { columns, roleColumns };
}
