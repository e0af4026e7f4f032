import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { swapDirectory } from './swapDirectory.ts';

const folder = (path: string, files: Record<string, string>) => {
  mkdirSync(path, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(path, name), text);
};

describe('swapDirectory', () => {
  it('replaces the folder whole and leaves no temporary or old folder behind', () => {
    const base = mkdtempSync(join(tmpdir(), 'peaklab-swap-'));
    folder(join(base, 'run'), { 'a.txt': 'old', 'stale.txt': 'x' });
    folder(join(base, 'run.tmp-1'), { 'a.txt': 'new' });
    swapDirectory({ temp: join(base, 'run.tmp-1'), dir: join(base, 'run'), tag: '1' });
    expect(readdirSync(join(base, 'run'))).toEqual(['a.txt']);
    expect(readFileSync(join(base, 'run', 'a.txt'), 'utf8')).toBe('new');
    expect(readdirSync(base)).toEqual(['run']);
  });

  it('creates the folder when there was none', () => {
    const base = mkdtempSync(join(tmpdir(), 'peaklab-swap-'));
    folder(join(base, 'charts.tmp-2'), { 'c.svg': '<svg/>' });
    swapDirectory({ temp: join(base, 'charts.tmp-2'), dir: join(base, 'charts'), tag: '2' });
    expect(readdirSync(base)).toEqual(['charts']);
  });

  it('puts the previous folder back when the new one cannot be moved in', () => {
    const base = mkdtempSync(join(tmpdir(), 'peaklab-swap-'));
    folder(join(base, 'run'), { 'a.txt': 'old' });
    expect(() => swapDirectory({ temp: join(base, 'missing.tmp-3'), dir: join(base, 'run'), tag: '3' })).toThrow();
    expect(readFileSync(join(base, 'run', 'a.txt'), 'utf8')).toBe('old');
    expect(existsSync(join(base, 'run.old-3'))).toBe(false);
  });
});
