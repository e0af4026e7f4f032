import { describe, expect, it } from 'vitest';
import { openHistory } from '../data/index.ts';
import { ensembleModel } from './ensembleModel.ts';
import type { ForecastModel } from './forecastModel.ts';
import { syntheticFrame } from './testing/syntheticFrame.ts';

function constant(name: string, value: number, fits: string[]): ForecastModel {
  return {
    name,
    fit: () => void fits.push(name),
    predict: ({ horizon }) => new Float64Array(horizon).fill(value),
  };
}

describe('ensembleModel', () => {
  const frame = syntheticFrame({ days: 3, seed: 'e', load: () => 1 });
  const history = openHistory({ frame, decisionTime: frame.time[48] });

  it('fits every member and averages their forecasts hour by hour', () => {
    const fits: string[] = [];
    const model = ensembleModel({ name: 'mean', members: [constant('a', 10, fits), constant('b', 20, fits)] });
    model.fit(history);
    expect(fits).toEqual(['a', 'b']);
    expect(Array.from(model.predict({ history, horizon: 24 }))).toEqual(new Array(24).fill(15));
  });

  it('applies weights', () => {
    const model = ensembleModel({ name: 'w', members: [constant('a', 10, []), constant('b', 20, [])], weights: [0.25, 0.75] });
    expect(model.predict({ history, horizon: 24 })[0]).toBeCloseTo(17.5, 12);
  });
});
