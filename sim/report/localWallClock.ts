import { UsageError } from '../errors.ts';

export interface LocalWallClockParameters {
  /** IANA zone, e.g. "America/New_York". */
  timezone: string;
}

/**
 * A converter from a UTC instant (epoch ms) to the wall-clock time in `timezone`, returned as the
 * epoch ms of that wall-clock reading taken as UTC. Charts plot these on UTC scales so axis labels
 * show local time on any machine, whatever its own time zone.
 */
export function localWallClock({ timezone }: LocalWallClockParameters): (utcMs: number) => number {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  } catch (cause) {
    throw new UsageError(`Unknown time zone "${timezone}"`, { hint: 'Use an IANA zone name such as America/New_York.', cause });
  }
  return (utcMs: number) => {
    const parts: Record<string, number> = {};
    for (const p of format.formatToParts(utcMs)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
    const ms = ((utcMs % 1000) + 1000) % 1000;
    return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, ms);
  };
}

/** ISO text of a wall-clock ms from `localWallClock` ("2007-07-01T17:00:00Z", read as local time on UTC scales). */
export function wallClockIso(wallMs: number): string {
  return `${new Date(wallMs).toISOString().slice(0, 19)}Z`;
}
