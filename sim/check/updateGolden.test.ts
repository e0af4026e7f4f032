import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidScenarioError } from '../scenario/index.ts';
import { CHECK_METRICS } from './checkMetrics.ts';
import { compareGolden } from './compareGolden.ts';
import { goldenPath, readGolden, writeGolden } from './goldenFile.ts';
import { updateGolden } from './updateGolden.ts';
import { tinySummary } from './testSupport.ts';

describe('updateGolden and golden files', () => {
  it('creates a golden file with the default metrics the run has, which the same run then passes', () => {
    const summary = tinySummary();
    const golden = updateGolden({ summary });
    expect(golden.scenario).toBe('tiny');
    expect(golden.seed).toBe(7);
    expect(Object.keys(golden.metrics)).toEqual(CHECK_METRICS.map((m) => m.id).filter((id) => id !== 'payouts.totalByToken.GRID'));
    expect(golden.metrics['payouts.totalByToken.pUSD']).toEqual({ value: 12.5, unit: 'pUSD', tolerance: { rel: 0.02 } });
    expect(compareGolden({ golden, summary }).passed).toBe(true);
  });

  it('--update keeps the metric list, units and tolerances and takes the new values', () => {
    const old = {
      schema: 'peaklab/golden@1' as const,
      scenario: 'tiny',
      seed: 7,
      metrics: {
        'peak.reductionKw': { value: 3, unit: 'kW', tolerance: { abs: 0.25 } },
        events: { value: 9, unit: 'events', tolerance: { abs: 1, rel: 0.5 } },
      },
    };
    const updated = updateGolden({ summary: tinySummary({ reductionKw: 11 }), golden: old });
    expect(updated.metrics).toEqual({
      'peak.reductionKw': { value: 11, unit: 'kW', tolerance: { abs: 0.25 } },
      events: { value: 2, unit: 'events', tolerance: { abs: 1, rel: 0.5 } },
    });
  });

  it('writes and reads golden files; a broken one is reported with its JSON path and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'peaklab-golden-'));
    try {
      const path = goldenPath({ dir, scenario: 'tiny' });
      const golden = updateGolden({ summary: tinySummary() });
      writeGolden({ path, golden });
      expect(readGolden({ path })).toEqual(golden);
      expect(readFileSync(path, 'utf8').split('\n')[5]).toMatch(/^ {4}"events": \{"value":2,"unit":"events","tolerance":\{"abs":0\}\},$/);
      expect(readGolden({ path: join(dir, 'absent.json') })).toBeUndefined();
      writeFileSync(path, readFileSync(path, 'utf8').replace('"tolerance":{"abs":0}', '"tolerance":{"abs":-1}'));
      try {
        readGolden({ path });
        throw new Error('expected an error');
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidScenarioError);
        expect((error as InvalidScenarioError).issues).toEqual([
          expect.objectContaining({ line: 6, path: 'metrics.events.tolerance.abs', message: expect.stringMatching(/^expected an absolute tolerance/) }),
        ]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
