import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PeaklabError } from '../errors.ts';

const require = createRequire(import.meta.url);

/** The browser builds inlined into report pages, in load order (vega-lite and vega-embed need vega). */
const BUNDLES = [
  { name: 'vega', file: 'build/vega.min.js' },
  { name: 'vega-lite', file: 'build/vega-lite.min.js' },
  { name: 'vega-embed', file: 'build/vega-embed.min.js' },
] as const;

export interface VegaLibrary {
  readonly name: string;
  readonly version: string;
  /** Minified UMD source, safe to place inside a <script> element. */
  readonly source: string;
}

let cache: VegaLibrary[] | undefined;

/** Package folder of `name`, found through its package.json (works with `exports` maps that hide it). */
function packageDir(name: string): string {
  const main = require.resolve(name);
  let dir = dirname(main);
  while (!dir.endsWith(`node_modules/${name}`) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/**
 * vega, vega-lite and vega-embed browser builds read from node_modules, made safe for inline
 * `<script>`: source-map comments removed (the page must not fetch anything) and `</script`
 * escaped. Read once per process.
 */
export function vegaLibraries(): VegaLibrary[] {
  if (cache !== undefined) return cache;
  cache = BUNDLES.map(({ name, file }) => {
    try {
      const dir = packageDir(name);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
      const source = readFileSync(join(dir, file), 'utf8')
        .replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n')
        .replace(/<\/script/gi, '<\\/script');
      return { name, version: pkg.version, source };
    } catch (cause) {
      throw new PeaklabError(`Cannot read the ${name} browser build`, {
        details: cause instanceof Error ? cause.message : String(cause),
        hint: 'Run `npm ci` so node_modules holds vega, vega-lite and vega-embed.',
        cause,
      });
    }
  });
  return cache;
}
