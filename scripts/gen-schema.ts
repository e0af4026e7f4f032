// `npm run scenario:schema`: writes scenarios/schema.json and the generated tables of
// docs/scenario-reference.md from the zod scenario definition (sim/scenario). `--check` only reports whether
// either is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REFERENCE_END, REFERENCE_START, scenarioJsonSchema, scenarioReference } from '../sim/scenario/index.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaPath = join(root, 'scenarios', 'schema.json');
const referencePath = join(root, 'docs', 'scenario-reference.md');
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

const page = readOr(referencePath);
const start = page.indexOf(REFERENCE_START);
const end = page.indexOf(REFERENCE_END);
const nextPage =
  start >= 0 && end > start
    ? page.slice(0, start) + markdown + page.slice(end + REFERENCE_END.length)
    : `${page.length > 0 ? page.replace(/\n*$/, '\n\n') : '# Scenario reference\n\n'}## Fields\n\n${markdown}\n`;

const stale = [
  ...(readOr(schemaPath) === schemaText ? [] : ['scenarios/schema.json']),
  ...(page === nextPage ? [] : ['docs/scenario-reference.md']),
];
if (check) {
  if (stale.length > 0) {
    process.stderr.write(`scenario:schema: stale: ${stale.join(', ')}. Run \`npm run scenario:schema\` and commit the result.\n`);
    process.exit(1);
  }
  process.stdout.write('scenario:schema: scenarios/schema.json and docs/scenario-reference.md are up to date.\n');
} else {
  if (stale.includes('scenarios/schema.json')) writeFileSync(schemaPath, schemaText);
  if (page !== nextPage) writeFileSync(referencePath, nextPage);
  process.stdout.write(stale.length > 0 ? `scenario:schema: wrote ${stale.join(', ')}.\n` : 'scenario:schema: already up to date.\n');
}
