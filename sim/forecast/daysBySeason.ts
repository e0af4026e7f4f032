/** Day indices grouped by season key (see seasonOf), seasons in order of first appearance, days ascending. */
export function daysBySeason({ seasons }: { seasons: readonly string[] }): Map<string, number[]> {
  const members = new Map<string, number[]>();
  seasons.forEach((season, d) => {
    const list = members.get(season);
    if (list === undefined) members.set(season, [d]);
    else list.push(d);
  });
  return members;
}
