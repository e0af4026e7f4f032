#!/usr/bin/env node
// Formal verification of peaklab's payout and budget logic with solc's SMTChecker (CHC engine, z3).
//
//   npm run verify:contracts                 # every harness in contracts/verify/
//   node scripts/verify-contracts.mjs A.sol  # only the given harness files
//
// Each harness (contracts/verify/*.sol) is a small contract whose `assert`s state a property of the real
// libraries (ScoreMath, PayoutMath) or mirror the IncentiveDistributor's budget accounting. The checker is
// asked to prove every target: assert, underflow, overflow, divByZero. The run FAILS (exit 1) when any
// target is violated ("happens here"), unproven ("might happen" — the solver said unknown or timed out),
// when CHC could not run at all, or when nothing was proved. Otherwise it prints every proved property.
//
// Targets are checked one kind per solver run: asking z3/Spacer to prove assertions in the same run as the
// arithmetic targets makes it answer "unknown" on nonlinear terms it handles fine on their own; every kind
// is still proved for every harness, just in separate runs.
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_DIR = path.join(ROOT, 'contracts', 'verify');

/** The target kinds, each proved in its own CHC run. */
export const TARGET_GROUPS = [['assert'], ['underflow', 'overflow'], ['divByZero']];

/** Per-query budget for the checker (ms). */
const QUERY_TIMEOUT_MS = 20_000;

/** Error codes that are informational and never a verdict about a target. */
const NOTE_CODES = new Set([
  '7737', // inline assembly may cause spurious warnings (OZ Math/SafeCast, never called by harnesses)
  '8364', // assertion checker does not implement a type (custom-error expressions in `require`)
  '5724', // N unsupported language features (listed individually under show-unsupported)
  '5188', // operator not implemented (in uncalled library code)
  '2788', // unsupported feature, listed individually
]);

/**
 * Classifies one standard-JSON compiler output.
 * @param {{errors?: Array<{severity: string, errorCode?: string, message: string, formattedMessage?: string,
 *   sourceLocation?: {file: string, start: number, end: number}}>}} output
 * @param {(file: string) => string | undefined} readSource returns a source's text (for line numbers / excerpts)
 * @returns {{proved: Finding[], failed: Finding[], notes: Finding[]}}
 *
 * @typedef {{file: string, line: number, kind: string, verdict: string, code: string, excerpt: string,
 *   property: string}} Finding
 */
export function classify(output, readSource = () => undefined) {
  const proved = [];
  const failed = [];
  const notes = [];
  for (const e of output.errors ?? []) {
    const f = describe(e, readSource);
    if (e.severity === 'error') {
      failed.push({ ...f, verdict: 'compile error' });
    } else if (/^CHC: .* check is safe!/.test(e.message)) {
      proved.push({ ...f, verdict: 'proved' });
    } else if (/^(CHC|BMC): .*(happens|might happen) here/.test(e.message)) {
      failed.push({ ...f, verdict: /might happen/.test(e.message) ? 'unproven (might happen)' : 'violated' });
    } else if (/could not be proved|not possible|timeout|timed out|unknown|Error trying to invoke SMT solver/i.test(e.message)) {
      failed.push({ ...f, verdict: 'unproven (solver)' });
    } else if (e.severity === 'warning' && !NOTE_CODES.has(String(e.errorCode)) && /^(CHC|BMC|SMTChecker)/.test(e.message)) {
      failed.push({ ...f, verdict: 'unexpected checker warning' });
    } else {
      notes.push({ ...f, verdict: 'note' });
    }
  }
  return { proved, failed, notes };
}

function describe(e, readSource) {
  const kind = e.message.replace(/^(CHC|BMC): /, '').replace(/ (check is safe!|happens here\.?|might happen here\.?)$/, '');
  const loc = e.sourceLocation;
  let line = 0;
  let excerpt = '';
  let property = '';
  if (loc?.file) {
    const src = readSource(loc.file);
    if (src !== undefined && loc.start >= 0) {
      // solc offsets count UTF-8 bytes, not UTF-16 code units.
      const before = Buffer.from(src, 'utf8').subarray(0, loc.start).toString('utf8');
      line = before.split('\n').length;
      const lines = src.split('\n');
      excerpt = (lines[line - 1] ?? '').trim();
      // The nearest `// property:` comment above the target names it (harness convention).
      for (let i = line - 2; i >= 0 && i >= line - 8; i--) {
        const m = /\/\/\s*property:\s*(.*)$/.exec(lines[i]);
        if (m) {
          property = m[1].trim();
          break;
        }
      }
    }
  }
  return {
    file: loc?.file ?? '',
    line,
    start: loc?.start ?? -1,
    kind,
    code: String(e.errorCode ?? ''),
    excerpt,
    property,
    verdict: '',
  };
}

/** Finds every `contract Name` declared in a harness source. */
export function contractNames(source) {
  return [...source.matchAll(/^\s*contract\s+(\w+)/gm)].map((m) => m[1]);
}

/** Source unit name for a file: repo-relative inside the repo (so relative imports resolve), else absolute. */
function unitName(file) {
  const abs = path.resolve(file);
  const rel = path.relative(ROOT, abs);
  return rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel.split(path.sep).join('/');
}

function readUnit(name) {
  for (const candidate of [path.resolve(ROOT, name), path.resolve(ROOT, 'node_modules', name), name]) {
    try {
      return readFileSync(candidate, 'utf8');
    } catch {
      /* next candidate */
    }
  }
  return undefined;
}

/**
 * Runs the SMTChecker over `files` for every target group.
 * @param {string[]} files harness files
 * @returns {{proved: Finding[], failed: Finding[], notes: Finding[], harnesses: Record<string, string[]>}}
 */
export function verify(files) {
  const solc = require('solc');
  const smtchecker = require('solc/smtchecker');
  const smtsolver = require('solc/smtsolver');
  const solver = smtsolver.availableSolvers[0];
  if (!solver) {
    throw new Error('no SMT solver found on PATH (need z3): run scripts/setup-system.sh or apt-get install -y z3');
  }
  const sources = {};
  const harnesses = {};
  for (const f of files) {
    const name = unitName(f);
    const content = readFileSync(f, 'utf8');
    sources[name] = { content };
    harnesses[name] = contractNames(content);
    if (harnesses[name].length === 0) throw new Error(`${f}: no contract to check`);
  }
  const all = { proved: [], failed: [], notes: [], harnesses };
  const seen = new Set();
  const add = (list, f) => {
    const key = `${f.verdict}|${f.file}|${f.start}|${f.kind}`;
    if (seen.has(key)) return;
    seen.add(key);
    list.push(f);
  };
  // One harness per run: library code is analysed in the context of the harness that calls it, and solving
  // harnesses separately keeps each query small.
  for (const [name, contracts] of Object.entries(harnesses))
  for (const targets of TARGET_GROUPS) {
    const input = {
      language: 'Solidity',
      sources: { [name]: sources[name] },
      settings: {
        evmVersion: 'cancun',
        modelChecker: {
          engine: 'chc',
          solvers: ['smtlib2'],
          targets,
          contracts: { [name]: contracts },
          timeout: QUERY_TIMEOUT_MS,
          showProvedSafe: true,
          showUnproved: true,
          showUnsupported: true,
        },
        outputSelection: {},
      },
    };
    const importer = (p) => {
      const contents = readUnit(p);
      return contents === undefined ? { error: `File not found: ${p}` } : { contents };
    };
    const output = JSON.parse(
      solc.compile(JSON.stringify(input), {
        import: importer,
        smtSolver: smtchecker.smtCallback(smtsolver.smtSolver, solver),
      }),
    );
    const r = classify(output, (file) => sources[file]?.content ?? readUnit(file));
    for (const f of r.proved) add(all.proved, f);
    for (const f of r.failed) add(all.failed, f);
    for (const f of r.notes) add(all.notes, f);
  }
  if (all.proved.length === 0 && all.failed.length === 0) {
    all.failed.push({ file: '', line: 0, kind: 'nothing proved (did the checker run?)', verdict: 'unproven', code: '', excerpt: '', property: '' });
  }
  return all;
}

function fmt(f) {
  const where = f.file ? `${f.file}:${f.line}` : '(global)';
  const what = f.property ? `${f.property} — ${f.kind}` : f.kind;
  return `${where}  ${what}${f.excerpt ? `  [${f.excerpt}]` : ''}`;
}

function main(argv) {
  const args = argv.filter((a) => !a.startsWith('--'));
  const files = args.length > 0
    ? args
    : readdirSync(DEFAULT_DIR).filter((f) => f.endsWith('.sol')).sort().map((f) => path.join(DEFAULT_DIR, f));
  if (files.length === 0) {
    console.error('verify-contracts: no harnesses found');
    return 1;
  }
  try {
    execFileSync('z3', ['--version'], { stdio: 'pipe' });
  } catch {
    console.error('verify-contracts: z3 is not installed. Run scripts/setup-system.sh (or apt-get install -y z3).');
    return 1;
  }
  const t0 = Date.now();
  const r = verify(files);
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(`SMTChecker (CHC, z3) over ${Object.entries(r.harnesses).map(([f, cs]) => `${cs.join(', ')} (${f})`).join('; ')}`);
  console.log(`targets: ${TARGET_GROUPS.flat().join(', ')} — ${secs}s`);
  const ours = r.proved.filter((p) => !p.file.startsWith('@openzeppelin/'));
  console.log(`\nproved (${r.proved.length} targets; ${r.proved.length - ours.length} of them inside OpenZeppelin Math, not listed):`);
  for (const p of ours) console.log(`  ✓ ${fmt(p)}`);
  if (r.failed.length > 0) {
    console.log(`\nFAILED (${r.failed.length}): violated or unproven targets`);
    for (const f of r.failed) console.log(`  ✗ ${f.verdict}: ${fmt(f)}`);
    return 1;
  }
  console.log(`\nall ${r.proved.length} targets proved`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!existsSync(DEFAULT_DIR) && process.argv.length <= 2) {
    console.error(`verify-contracts: ${DEFAULT_DIR} does not exist`);
    process.exit(1);
  }
  process.exit(main(process.argv.slice(2)));
}
