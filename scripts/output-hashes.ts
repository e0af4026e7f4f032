/**
 * Byte-identity guard for refactors of the engine: runs three fixed configurations and compares the sha256 of every
 * file of each run directory with the hashes recorded in `scripts/output-hashes.json`.
 *
 *   npx tsx scripts/output-hashes.ts check     # exit 1 and list the files that differ
 *   npx tsx scripts/output-hashes.ts record    # write the hashes (only for an intended change of output)
 *   npx tsx scripts/output-hashes.ts check quickstart-15m   # one configuration
 *
 * The configurations run on the committed subsets (`datasets/subsets`), so the hashes hold on every machine.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';

const root = join(import.meta.dirname, '..');
const hashesPath = join(root, 'scripts', 'output-hashes.json');

interface Configuration {
  scenario: string;
  /** Scenario paths set before the run (dotted path → value). */
  overrides: Record<string, unknown>;
}

const configurations: Record<string, Configuration> = {
  quickstart: { scenario: 'scenarios/quickstart.yaml', overrides: {} },
  'quickstart-15m': { scenario: 'scenarios/quickstart.yaml', overrides: { 'period.interval': '15m' } },
  'reference-1000': { scenario: 'scenarios/reference.yaml', overrides: { 'population.count': 1000 } },
};

function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort();
}

function runHashes(name: string, { scenario, overrides }: Configuration, work: string): Record<string, string> {
  const document = parseDocument(readFileSync(join(root, scenario), 'utf8'));
  for (const [path, value] of Object.entries(overrides)) document.setIn(path.split('.'), value);
  const scenarioPath = join(work, `${name}.yaml`);
  writeFileSync(scenarioPath, document.toString());
  const out = join(work, name);
  process.stdout.write(`output-hashes: running ${name} …\n`);
  execFileSync('npx', ['peaklab', 'run', scenarioPath, '--out', out, '--data', join(root, 'datasets/subsets'), '--quiet'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const hashes: Record<string, string> = {};
  for (const file of filesOf(out)) hashes[relative(out, join(out, file))] = createHash('sha256').update(readFileSync(join(out, file))).digest('hex');
  return hashes;
}

function main(): void {
  const [mode, ...only] = process.argv.slice(2);
  if (mode !== 'check' && mode !== 'record') {
    process.stderr.write('usage: tsx scripts/output-hashes.ts check|record [configuration …]\n');
    process.exit(2);
  }
  const names = only.length > 0 ? only : Object.keys(configurations);
  const recorded = JSON.parse(readFileSync(hashesPath, { encoding: 'utf8', flag: 'a+' }) || '{}') as Record<string, Record<string, string>>;
  // A fixed folder inside the checkout (reports/ is not tracked): manifest.json records the scenario's path
  // relative to the project, so it must be the same in every checkout and on every run.
  const work = join(root, 'reports', '.output-hashes');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  let differences = 0;
  try {
    for (const name of names) {
      const configuration = configurations[name];
      if (configuration === undefined) throw new Error(`unknown configuration ${name}; known: ${Object.keys(configurations).join(', ')}`);
      const hashes = runHashes(name, configuration, work);
      if (mode === 'record') {
        recorded[name] = hashes;
        continue;
      }
      const expected = recorded[name] ?? {};
      for (const file of [...new Set([...Object.keys(expected), ...Object.keys(hashes)])].sort()) {
        if (expected[file] === hashes[file]) continue;
        differences += 1;
        process.stdout.write(`  ${name}/${file}: ${expected[file] ?? '(not recorded)'} → ${hashes[file] ?? '(missing)'}\n`);
      }
      process.stdout.write(`output-hashes: ${name}: ${Object.keys(hashes).length} files compared\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (mode === 'record') {
    writeFileSync(hashesPath, `${JSON.stringify(recorded, null, 2)}\n`);
    process.stdout.write(`output-hashes: recorded ${names.join(', ')} in ${relative(root, hashesPath)}\n`);
  } else if (differences > 0) {
    process.stdout.write(`output-hashes: ${differences} file(s) differ from the recorded hashes\n`);
    process.exit(1);
  } else process.stdout.write('output-hashes: byte-identical\n');
}

main();
