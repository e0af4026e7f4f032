import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import type { Calendar } from '../data/types.ts';
import { LookAheadError } from '../errors.ts';
import { createSparseRow, type DesignContext } from './design.ts';
import { NormalEquations } from './normalEquations.ts';
import { solveNormalEquations } from './solveNormalEquations.ts';
import { openHistory } from '../data/index.ts';
import { recordReads } from './testing/recordReads.ts';
import { syntheticFrame } from './testing/syntheticFrame.ts';
import { vanillaBenchmark } from './vanillaBenchmark.ts';
import { fillVanilla, vanillaDesign, vanillaLayout } from './vanillaDesign.ts';

const scale = { center: 60, scale: 20 };

/** Known betas for every vanilla column (seeded), reference levels included as true zeros. */
function knownBetas(): Float64Array {
  const rng = seedrandom('vanilla-betas');
  const beta = new Float64Array(vanillaLayout.size);
  beta[vanillaLayout.intercept] = 1000;
  beta[vanillaLayout.trend] = 20;
  for (let j = 2; j < vanillaLayout.size; j++) beta[j] = (rng() - 0.5) * (j < vanillaLayout.monthTemperature ? 200 : 60);
  return beta;
}

function vanillaLoad(beta: Float64Array) {
  const row = createSparseRow(10);
  return (i: number, calendar: Calendar, temperature: Float64Array): number => {
    const context = { calendar, base: 0, temperature } as unknown as DesignContext;
    fillVanilla(context, i, (temperature[i] - scale.center) / scale.scale, row);
    let y = 0;
    for (let p = 0; p < row.nnz; p++) y += beta[row.indices[p]] * row.values[p];
    return y;
  };
}

describe('vanilla benchmark', () => {
  const beta = knownBetas();
  const frame = syntheticFrame({ days: 3 * 365, seed: 'vanilla', load: vanillaLoad(beta), noise: 1 });

  it('recovers the known coefficients of data generated from the vanilla formula', () => {
    const design = vanillaDesign({ temperatureScale: scale });
    const t1 = frame.columns.get('T1')!;
    const t2 = frame.columns.get('T2')!;
    const mean = t1.map((v, i) => (v + t2[i]) / 2);
    const context: DesignContext = {
      calendar: frame.calendar,
      holiday: new Uint8Array(frame.length),
      base: 0,
      load: frame.columns.get('load')!,
      temperature: mean,
      loadScale: 1,
    };
    const equations = new NormalEquations(design.size);
    const row = createSparseRow(design.maxNonZeros);
    for (let i = 0; i < frame.length; i++) {
      expect(design.fill(context, i, row)).toBe(true);
      equations.addSparseRow(row.indices, row.values, row.nnz, context.load[i]);
    }
    const { coefficients, aliased } = solveNormalEquations({ equations });
    expect(aliased).toEqual([]);
    expect(coefficients[vanillaLayout.trend]).toBeCloseTo(20, 0);
    let worst = 0;
    for (let j = 0; j < design.size; j++) worst = Math.max(worst, Math.abs(coefficients[j] - beta[j]));
    expect(worst).toBeLessThan(2.5); // noise sd 1 on loads of ~1000
  });

  it('predicts the next day from actual temperature within the noise level', () => {
    const model = vanillaBenchmark({ load: 'load', temperature: ['T1', 'T2'], futureTemperature: ['T1', 'T2'] });
    const origin = 900 * 24;
    const history = openHistory({ frame, decisionTime: frame.time[origin], exogenous: ['T1', 'T2'] });
    model.fit(history);
    const forecast = model.predict({ history, horizon: 24 });
    const truth = vanillaLoad(beta);
    const t1 = frame.columns.get('T1')!;
    const t2 = frame.columns.get('T2')!;
    const mean = t1.map((v, i) => (v + t2[i]) / 2);
    for (let k = 0; k < 24; k++) expect(Math.abs(forecast[k] - truth(origin + k, frame.calendar, mean))).toBeLessThan(1);
  });

  it('never reads load or temperature after the decision time', () => {
    const reads: { kind: string; column: string; toIndex: number }[] = [];
    const origin = 800 * 24;
    const history = recordReads(openHistory({ frame, decisionTime: frame.time[origin], exogenous: ['T1', 'T2'] }), (r) => reads.push(r));
    const model = vanillaBenchmark({ load: 'load', temperature: ['T1', 'T2'], futureTemperature: ['T1', 'T2'] });
    model.fit(history);
    model.predict({ history, horizon: 48 });
    for (const read of reads.filter((r) => r.kind === 'values')) expect(read.toIndex).toBeLessThanOrEqual(origin);
    expect(reads.some((r) => r.kind === 'exogenous')).toBe(true);
  });

  it('throws LookAheadError when asked to use future temperature that was not declared exogenous', () => {
    const history = openHistory({ frame, decisionTime: frame.time[800 * 24] });
    const model = vanillaBenchmark({ load: 'load', temperature: ['T1', 'T2'], futureTemperature: ['T1', 'T2'] });
    model.fit(history);
    expect(() => model.predict({ history, horizon: 24 })).toThrow(LookAheadError);
  });
});
