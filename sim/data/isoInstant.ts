/** An instant (epoch ms) as the ISO-8601 UTC text findings carry, e.g. 2020-01-01T05:00:00.000Z. */
export function isoInstant(t: number): string {
  return new Date(t).toISOString();
}
