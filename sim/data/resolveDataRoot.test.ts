import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetError } from '../errors.ts';
import { resolveDataRoot } from './resolveDataRoot.ts';

/** A fake checkout: <base>/project (root) with optional ../shared/datasets and datasets/subsets. */
function layout({ shared, subsets }: { shared: boolean; subsets: boolean }) {
  const base = mkdtempSync(join(tmpdir(), 'peaklab-root-'));
  const root = join(base, 'project');
  mkdirSync(root);
  if (shared) mkdirSync(join(base, 'shared', 'datasets'), { recursive: true });
  if (subsets) mkdirSync(join(root, 'datasets', 'subsets'), { recursive: true });
  const flagDir = join(base, 'mine');
  mkdirSync(flagDir);
  return { base, root, flagDir };
}

describe('resolveDataRoot', () => {
  it('prefers --data, then PEAKLAB_DATA, then ../shared/datasets, then the subsets', () => {
    const { base, root, flagDir } = layout({ shared: true, subsets: true });
    const envDir = join(base, 'shared');
    expect(resolveDataRoot({ data: flagDir, env: { PEAKLAB_DATA: envDir }, root })).toMatchObject({ dataRoot: flagDir, source: 'flag' });
    expect(resolveDataRoot({ env: { PEAKLAB_DATA: envDir }, root })).toMatchObject({ dataRoot: envDir, source: 'env' });
    expect(resolveDataRoot({ env: {}, root })).toMatchObject({ dataRoot: join(base, 'shared', 'datasets'), source: 'shared' });
    const noShared = layout({ shared: false, subsets: true });
    const r = resolveDataRoot({ env: {}, root: noShared.root });
    expect(r).toMatchObject({ dataRoot: join(noShared.root, 'datasets', 'subsets'), source: 'subsets' });
    expect(r.tried.join('\n')).toContain('(absent)');
  });

  it('an explicit data root that does not exist is an error naming it', () => {
    const { root, base } = layout({ shared: true, subsets: true });
    const missing = join(base, 'nowhere');
    expect(() => resolveDataRoot({ data: missing, root })).toThrow(DatasetError);
    expect(() => resolveDataRoot({ env: { PEAKLAB_DATA: missing }, root })).toThrow(/PEAKLAB_DATA/);
  });

  it('with nothing available it lists every place it looked', () => {
    const { root } = layout({ shared: false, subsets: false });
    try {
      resolveDataRoot({ env: {}, root });
      throw new Error('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(DatasetError);
      const d = (e as DatasetError).details!;
      expect(d).toContain('--data: not given');
      expect(d).toContain('PEAKLAB_DATA: not set');
      expect(d).toContain('shared');
      expect(d).toContain('subsets');
      expect((e as DatasetError).hint).toContain('npm run data:subsets');
    }
  });
});
