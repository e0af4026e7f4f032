import type { MethodScore } from './scoreMethod.ts';

/** A method's median per-consumer RRMSE; +∞ when it has none (skipped, or no finite value). */
function rrmseOf(score: MethodScore): number {
  const rrmse = score.perConsumerMedian?.rrmsePct ?? Number.POSITIVE_INFINITY;
  return Number.isFinite(rrmse) ? rrmse : Number.POSITIVE_INFINITY;
}

/**
 * Methods best first: by median per-consumer RRMSE, then by the smaller portfolio |bias|, then by id. Methods
 * with a finite RRMSE are ranked 1, 2, …; the others (skipped, or no finite RRMSE) follow, unranked.
 */
export function rankMethodScores(scores: readonly MethodScore[]): MethodScore[] {
  const order = [...scores].sort(
    (x, y) => rrmseOf(x) - rrmseOf(y) || Math.abs(x.aggregate?.biasPct ?? 0) - Math.abs(y.aggregate?.biasPct ?? 0) || x.id - y.id,
  );
  let rank = 0;
  return order.map((s) => (s.perConsumerMedian && Number.isFinite(s.perConsumerMedian.rrmsePct) ? { ...s, rank: ++rank } : s));
}
