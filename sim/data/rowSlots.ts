import type { Manifest, TableSpec } from './manifest.ts';

/**
 * Where the records of one row sit, relative to the row's time. A long table gives one record per row:
 * its interval start is the row's time, one step earlier for interval-ending labels (unless the axis
 * is implicit, whose start already names the first interval). A wideHours table gives one record per
 * hour column, hour × step after the row's date (one step less for ending labels).
 */
export interface RowSlots {
  /** Milliseconds from the row's naive time to each record's naive interval start. */
  readonly offsets: readonly number[];
  /** Cell index holding each record's value (the hour column of wideHours); -1 when the value comes from the fields. */
  readonly cells: readonly number[];
  /** The column a row-level finding (dstHole) names for each record. */
  readonly names: readonly string[];
}

export interface RowSlotsParameters {
  manifest: Manifest;
  table: TableSpec;
  /** Fields read from the table. */
  fields: readonly string[];
  columnOf: (name: string) => number;
}

export function rowSlots({ manifest, table, fields, columnOf }: RowSlotsParameters): RowSlots {
  const stepMs = manifest.time.resolutionMinutes * 60_000;
  const ending = (table.time.label ?? manifest.time.label) === 'ending';
  if (table.layout !== 'wideHours') {
    return {
      offsets: [ending && table.time.start === undefined ? -stepMs : 0],
      cells: [-1],
      names: [fields.filter((f) => f !== '').join('/')],
    };
  }
  const hc = table.hourColumns!;
  const offsets: number[] = [];
  const cells: number[] = [];
  const names: string[] = [];
  for (let k = 0; k < hc.count; k++) {
    const h = hc.first + k;
    names.push(`${hc.prefix}${h}`);
    cells.push(columnOf(`${hc.prefix}${h}`));
    offsets.push(h * stepMs - (ending ? stepMs : 0));
  }
  return { offsets, cells, names };
}
