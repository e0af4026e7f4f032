// `npm run scenario:schema`: writes scenarios/schema.json and the "Scenario reference" section of
// README.md from the zod scenario definition (sim/scenario). `--check` only reports whether either is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REFERENCE_END, REFERENCE_START, scenarioJsonSchema, scenarioReference } from '../sim/scenario/index.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaPath = join(root, 'scenarios', 'schema.json');
const readmePath = join(root, 'README.md');
const check = process.argv.includes('--check');

const readOr = (path: string): string => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

const schemaText = scenarioJsonSchema().text;
const { markdown } = scenarioReference();

const readme = readOr(readmePath);
const start = readme.indexOf(REFERENCE_START);
const end = readme.indexOf(REFERENCE_END);
const nextReadme =
  start >= 0 && end > start
    ? readme.slice(0, start) + markdown + readme.slice(end + REFERENCE_END.length)
    : `${readme.replace(/\n*$/, '\n')}\n## Scenario reference\n\n${markdown}\n`;

const stale = [
  ...(readOr(schemaPath) === schemaText ? [] : ['scenarios/schema.json']),
  ...(readme === nextReadme ? [] : ['README.md (Scenario reference)']),
];
if (check) {
  if (stale.length > 0) {
    process.stderr.write(`scenario:schema: stale: ${stale.join(', ')}. Run \`npm run scenario:schema\` and commit the result.\n`);
    process.exit(1);
  }
  process.stdout.write('scenario:schema: schema.json and the README reference are up to date.\n');
} else {
  if (stale.includes('scenarios/schema.json')) writeFileSync(schemaPath, schemaText);
  if (readme !== nextReadme) writeFileSync(readmePath, nextReadme);
  process.stdout.write(stale.length > 0 ? `scenario:schema: wrote ${stale.join(', ')}.\n` : 'scenario:schema: already up to date.\n');
}
