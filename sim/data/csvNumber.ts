export interface CsvNumberParameters {
  /** A table cell's value: anything that is not a finite number (null, NaN, ±Infinity, text) is written empty. */
  value: unknown;
  /** Decimals written (Number.prototype.toFixed, the same on every machine). */
  decimals: number;
}

/** A number as a backtest CSV cell: fixed decimals, or an empty cell when there is no finite number. */
export function csvNumber({ value, decimals }: CsvNumberParameters): string {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(decimals) : '';
}
