import type { Manifest, TableSpec } from './manifest.ts';

export interface CalendarCheckParameters {
  manifest: Manifest;
  table: TableSpec;
  columnOf: (name: string) => number;
}

/**
 * The calendar cross-check of an implicit time axis: a table placed by `time.start` may carry month,
 * hour (read with the table's label) and weekday columns (`check`); each must agree with the time the
 * row was placed at. The check returns what disagrees ([] when the row agrees); there is none (undefined)
 * when the axis is not implicit or the table names no check column.
 */
export function calendarCheck({ manifest, table, columnOf }: CalendarCheckParameters): ((cells: readonly string[], naive: number) => string[]) | undefined {
  const check = table.check;
  const ending = (table.time.label ?? manifest.time.label) === 'ending';
  const monthCol = check?.month ? columnOf(check.month) : -1;
  const hourCol = check?.hour ? columnOf(check.hour) : -1;
  const weekdayCol = check?.weekday ? columnOf(check.weekday.column) : -1;
  if (table.time.start === undefined || (monthCol < 0 && hourCol < 0 && weekdayCol < 0)) return undefined;
  return (cells, naive) => {
    const d = new Date(naive);
    const problems: string[] = [];
    if (monthCol >= 0 && Number(cells[monthCol]) !== d.getUTCMonth() + 1) {
      problems.push(`${check!.month}=${cells[monthCol]} but placed in month ${d.getUTCMonth() + 1}`);
    }
    const expectHour = d.getUTCHours() + (ending ? 1 : 0);
    if (hourCol >= 0 && Number(cells[hourCol]) !== expectHour) {
      problems.push(`${check!.hour}=${cells[hourCol]} but placed at hour ${expectHour}`);
    }
    if (weekdayCol >= 0) {
      const iso = ((d.getUTCDay() + 6) % 7) + check!.weekday!.monday;
      if (Number(cells[weekdayCol]) !== iso) {
        problems.push(`${check!.weekday!.column}=${cells[weekdayCol]} but placed on weekday ${iso}`);
      }
    }
    return problems;
  };
}
