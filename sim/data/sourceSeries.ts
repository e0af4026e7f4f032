import { DatasetError } from '../errors.ts';
import type { AssembleColumnParameters, Series } from './assembleColumn.ts';
import { entitySeries } from './entitySeries.ts';
import { CAUSE_OK } from './finding.ts';
import type { SourceSpec } from './manifest.ts';
import type { TableRecords } from './readTable.ts';

/** A column source on the axis: one entity, all rows (a table without several entities), or several entities aggregated. */
export function sourceSeries(column: AssembleColumnParameters, source: SourceSpec): Series {
  const records = tableOf(column.tables, source.table);
  const field = source.field ?? '';
  const label = (entity: string | undefined) => (entity === undefined ? column.name : `${column.name} (${records.table.entity}=${entity})`);
  if (source.entities === undefined) {
    if (source.entity === undefined && records.table.entity !== undefined && records.entityKeys.length > 1) {
      throw new DatasetError(`Column ${column.name} reads table ${source.table} without choosing an entity`, {
        details: `${records.table.file} has ${records.entityKeys.length} entities in ${records.table.entity}`,
        hint: 'Add entity: <key> or entities: [...] with aggregate: sum|mean to the column source.',
      });
    }
    return entitySeries({ column, records, entityKey: source.entity, field, label: label(source.entity) });
  }
  const parts = source.entities.map((e) => entitySeries({ column, records, entityKey: e, field, label: label(e) }));
  return aggregateSeries({ parts, mean: source.aggregate === 'mean', length: column.axis.length, file: records.table.file });
}

function tableOf(tables: ReadonlyMap<string, TableRecords>, id: string): TableRecords {
  const t = tables.get(id);
  if (!t) throw new DatasetError(`Unknown table ${id}`, { hint: 'Declare the table under tables: in the manifest.' });
  return t;
}

/**
 * Sum (or mean) of several entities per interval. An interval missing in any entity is missing in the
 * aggregate, with the first missing entity's cause and line; a complete one carries the first entity's line.
 */
function aggregateSeries({ parts, mean, length, file }: { parts: readonly Series[]; mean: boolean; length: number; file: string }): Series {
  const values = new Float64Array(length);
  const cause = new Uint8Array(length);
  const line = new Int32Array(length);
  for (let i = 0; i < length; i++) {
    let s = 0;
    let bad = -1;
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k]!;
      if (part.cause[i] !== CAUSE_OK && Number.isNaN(part.values[i]!)) {
        bad = k;
        break;
      }
      s += part.values[i]!;
    }
    if (bad >= 0) {
      values[i] = Number.NaN;
      cause[i] = parts[bad]!.cause[i]!;
      line[i] = parts[bad]!.line[i]!;
    } else {
      values[i] = mean ? s / parts.length : s;
      cause[i] = CAUSE_OK;
      line[i] = parts[0]!.line[i]!;
    }
  }
  return { values, cause, line, file };
}
