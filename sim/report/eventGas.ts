import type { RunEvent } from './runDirectorySchema.ts';

/** Total gas of one event: the sum over its `gas` by function (plain numbers or `{ gas }` objects). */
export function eventGas({ event }: { event: RunEvent }): number {
  let total = 0;
  for (const value of Object.values(event.gas)) total += typeof value === 'number' ? value : value.gas;
  return total;
}
