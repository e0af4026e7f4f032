import type { z } from 'zod';

/**
 * zod refinement of a price curve (scenario `program.priceFactor`, proposal `IncentiveDistributor.priceCurve`):
 * breakpoints sorted by strictly increasing `stressBps`, as IncentiveDistributor requires.
 */
export function increasingStress(points: readonly { stressBps: number }[], ctx: z.RefinementCtx): void {
  for (let i = 1; i < points.length; i += 1) {
    if (points[i].stressBps <= points[i - 1].stressBps) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'stressBps'],
        input: points[i].stressBps,
        message: `expected a stressBps above the previous breakpoint's (${points[i - 1].stressBps}); breakpoints are sorted by strictly increasing stress`,
      });
    }
  }
}
