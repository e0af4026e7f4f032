import type { ConsumerColumns } from '../engine/index.ts';
import { ARCHETYPES } from '../scenario/index.ts';
import { formatNumber } from './formatNumber.ts';

export interface ConsumersCsvParameters {
  consumers: ConsumerColumns;
  /** Per consumer: its index in ARCHETYPES. */
  archetype: ArrayLike<number>;
}

const HEADER = 'consumerId,address,archetype,utility,events,participated,optedOut,curtailedKwh,reboundKwh,entitlement,token,claimed,reliabilityBps,readsRejected';
const f = (value: number, decimals: number) => formatNumber({ value, decimals });

/** consumers.csv (docs/run-directory.md): one row per consumer, in id order; token amounts as integer strings. */
export function consumersCsv({ consumers, archetype }: ConsumersCsvParameters): string {
  const rows = [HEADER];
  for (let i = 0; i < consumers.addresses.length; i++) {
    rows.push(
      [
        String(i),
        consumers.addresses[i]!,
        ARCHETYPES[archetype[i]!]!,
        consumers.utility[i]!,
        String(consumers.events[i]),
        String(consumers.participated[i]),
        String(consumers.optedOut[i]),
        f(consumers.curtailedKwh[i]!, 3),
        f(consumers.reboundKwh[i]!, 3),
        consumers.entitlement[i]!.toString(),
        consumers.token[i]!,
        consumers.claimed[i]!.toString(),
        String(consumers.reliabilityBps[i]),
        String(consumers.readsRejected[i]),
      ].join(','),
    );
  }
  return `${rows.join('\n')}\n`;
}
