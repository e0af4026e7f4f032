// README.md and docs/*.md: every relative link (pages, images, scenario files, `#anchors`) points to something
// that exists, every docs page is linked from README, and README stays a short door to the docs.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const docsDir = join(root, 'docs');
const pages = [join(root, 'README.md'), ...readdirSync(docsDir).filter((f) => f.endsWith('.md')).sort().map((f) => join(docsDir, f))];

/** Lines outside fenced code blocks, with inline code spans blanked (links inside code are not links). */
function proseLines(markdown: string): string[] {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const opener = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (opener && (fence === null || opener.startsWith(fence))) {
      fence = fence === null ? opener : null;
      out.push('');
      continue;
    }
    out.push(fence === null ? line.replace(/(`+)[\s\S]*?\1/g, (m) => ' '.repeat(m.length)) : '');
  }
  return out;
}

/** Inline links and images: `[text](target)`, `![alt](target "title")`, with their line numbers. */
function linksOf(markdown: string): { target: string; line: number }[] {
  const links: { target: string; line: number }[] = [];
  proseLines(markdown).forEach((text, i) => {
    for (const m of text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) links.push({ target: m[1]!, line: i + 1 });
  });
  return links;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered -1, -2, … */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const lines = markdown.split('\n');
  proseLines(markdown).forEach((masked, i) => {
    if (!/^#{1,6}\s/.test(masked)) return;
    const text = lines[i]!
      .replace(/^#{1,6}\s+/, '')
      .replace(/\s+#+\s*$/, '')
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[`*_]/g, (c) => (c === '_' ? c : ''));
    const base = text.toLowerCase().trim().replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '').replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  });
  return anchors;
}

/** Problems with the relative links of one page: missing files, missing anchors. */
function brokenLinks({ file, markdown }: { file: string; markdown: string }): string[] {
  const problems: string[] = [];
  for (const { target, line } of linksOf(markdown)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:, …
    const [pathPart, anchor] = target.split('#', 2) as [string, string | undefined];
    const where = `${relative(root, file)}:${line} → ${target}`;
    const path = pathPart === '' ? file : resolve(dirname(file), decodeURIComponent(pathPart));
    if (!existsSync(path)) {
      problems.push(`${where}: no such file ${relative(root, path)}`);
      continue;
    }
    if (anchor !== undefined && path.endsWith('.md') && statSync(path).isFile() && !anchorsOf(readFileSync(path, 'utf8')).has(anchor)) {
      problems.push(`${where}: no heading with anchor #${anchor} in ${relative(root, path)}`);
    }
  }
  return problems;
}

describe('the link checker', () => {
  it('finds links and images outside code, and GitHub heading anchors', () => {
    const md = '# Regression checks in CI (`peaklab check`)\n## 1. Utility — design\n## Gas\n## Gas\n' +
      'See [a](docs/a.md#gas-1) and ![pic](p.png "t").\n`[not](a link)`\n```\n[also not](x)\n```\n';
    expect(linksOf(md).map((l) => [l.target, l.line])).toEqual([['docs/a.md#gas-1', 5], ['p.png', 5]]);
    expect([...anchorsOf(md)]).toEqual(['regression-checks-in-ci-peaklab-check', '1-utility--design', 'gas', 'gas-1']);
  });

  it('reports a missing file and a missing anchor', () => {
    const file = join(root, 'README.md');
    expect(brokenLinks({ file, markdown: '[x](docs/nope.md)\n[y](docs/engine.md#nope)\n[z](#nope)\n[w](https://example.com/x)' })).toEqual([
      'README.md:1 → docs/nope.md: no such file docs/nope.md',
      'README.md:2 → docs/engine.md#nope: no heading with anchor #nope in docs/engine.md',
      'README.md:3 → #nope: no heading with anchor #nope in README.md',
    ]);
  });
});

describe('README.md and docs/', () => {
  for (const file of pages) {
    it(`${relative(root, file)}: every relative link and anchor resolves`, () => {
      expect(brokenLinks({ file, markdown: readFileSync(file, 'utf8') })).toEqual([]);
    });
  }

  it('README links every docs page', () => {
    const linked = new Set(linksOf(readFileSync(join(root, 'README.md'), 'utf8')).map((l) => l.target.split('#')[0]));
    const unlinked = pages.slice(1).map((f) => relative(root, f)).filter((p) => !linked.has(p));
    expect(unlinked, 'add these pages to the Documentation list of README.md').toEqual([]);
  });

  it('README stays a short door (under 200 lines): reference material goes to a docs/ page linked from it', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8').split('\n').length).toBeLessThan(200);
  });
});
