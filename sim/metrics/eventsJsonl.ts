import type { EventRecord } from '../engine/index.ts';
import { fixed } from './fixed.ts';

export interface EventsJsonlParameters {
  events: readonly EventRecord[];
}

/** events.jsonl (docs/run-directory.md): one JSON line per called event, energies rounded to Wh; empty without events. */
export function eventsJsonl({ events }: EventsJsonlParameters): string {
  return events
    .map(
      (e) =>
        `${JSON.stringify({
          ...e,
          deliveredKwh: fixed({ value: e.deliveredKwh, decimals: 3 }),
          baselineKwh: fixed({ value: e.baselineKwh, decimals: 3 }),
          reboundKwh: fixed({ value: e.reboundKwh, decimals: 3 }),
          peakReductionKw: fixed({ value: e.peakReductionKw, decimals: 3 }),
        })}\n`,
    )
    .join('');
}
