/**
 * strftime-like time formats for manifest time columns. Supported: %Y (4-digit year), %y (2-digit
 * year, 69–99 → 19xx, else 20xx), %m, %d, %H, %M, %S (1 or 2 digits; %H may be 24), %b (Jan…Dec,
 * any case), %% and literal text. A parser returns the naive wall time (see zonedClock) or NaN.
 */
import { DatasetError } from '../errors.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export interface TimeFormatParameters {
  format: string;
  /** Where the format was declared, for errors. */
  where: string;
}

export type TimeParser = (text: string) => number;

export function timeFormat({ format, where }: TimeFormatParameters): TimeParser {
  const fields: string[] = [];
  let pattern = '^\\s*';
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c !== '%') {
      pattern += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      continue;
    }
    const t = format[++i];
    switch (t) {
      case 'Y':
        pattern += '(\\d{4})';
        break;
      case 'y':
        pattern += '(\\d{2})';
        break;
      case 'm':
      case 'd':
      case 'H':
      case 'M':
      case 'S':
        pattern += '(\\d{1,2})';
        break;
      case 'b':
        pattern += '([A-Za-z]{3})';
        break;
      case '%':
        pattern += '%';
        continue;
      default:
        throw new DatasetError(`Unsupported time format directive %${t ?? ''} in "${format}"`, {
          details: where,
          hint: 'Use %Y %y %m %d %H %M %S %b and literal text.',
        });
    }
    fields.push(t);
  }
  const re = new RegExp(pattern + '\\s*$');
  return (text: string): number => {
    const m = re.exec(text);
    if (!m) return Number.NaN;
    let year = 1970;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    for (let k = 0; k < fields.length; k++) {
      const v = m[k + 1]!;
      switch (fields[k]) {
        case 'Y':
          year = Number(v);
          break;
        case 'y': {
          const y = Number(v);
          year = y >= 69 ? 1900 + y : 2000 + y;
          break;
        }
        case 'm':
          month = Number(v);
          break;
        case 'd':
          day = Number(v);
          break;
        case 'H':
          hour = Number(v);
          break;
        case 'M':
          minute = Number(v);
          break;
        case 'S':
          second = Number(v);
          break;
        case 'b': {
          const idx = MONTHS.indexOf(v.toLowerCase());
          if (idx < 0) return Number.NaN;
          month = idx + 1;
          break;
        }
      }
    }
    return naiveTime(year, month, day, hour, minute, second);
  };
}

/** Naive wall time, or NaN when the fields are out of range (month 13, day 32, hour 25…). */
export function naiveTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  if (
    !Number.isInteger(year) ||
    !(month >= 1 && month <= 12) ||
    !(day >= 1 && day <= 31) ||
    !(hour >= 0 && hour <= 24) ||
    !(minute >= 0 && minute < 60) ||
    !(second >= 0 && second < 60)
  ) {
    return Number.NaN;
  }
  const t = Date.UTC(year, month - 1, day, hour, minute, second);
  // Reject 31 April and friends (Date.UTC would roll them over).
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return Number.NaN;
  return t;
}
