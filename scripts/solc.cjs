#!/usr/bin/env node
// Forge's compiler: solcjs (npm `solc`, pinned in package.json) behind the solc command-line contract
// that forge uses: `--version` prints the version, anything else reads standard JSON on stdin and
// writes the standard-JSON output on stdout. There is no native solc on the machines we run on.
'use strict';
const solc = require('solc');

if (process.argv.includes('--version')) {
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${solc.version()}\n`);
  process.exit(0);
}

const fs = require('node:fs');
const path = require('node:path');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => {
  const input = Buffer.concat(chunks).toString('utf8');
  // Forge passes sources by path with `urls`; resolve them (and imports) from the file system,
  // relative to the working directory forge runs us in (the project root) or to --base-path.
  const baseIdx = process.argv.indexOf('--base-path');
  const base = baseIdx > 0 ? process.argv[baseIdx + 1] : process.cwd();
  const findImports = (p) => {
    for (const candidate of [p, path.resolve(base, p)]) {
      try {
        return { contents: fs.readFileSync(candidate, 'utf8') };
      } catch {
        /* try the next candidate */
      }
    }
    return { error: `File not found: ${p}` };
  };
  process.stdout.write(solc.compile(input, { import: findImports }));
});
