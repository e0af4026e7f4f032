#!/usr/bin/env node
// `npm test`: every check the project has, in order, stopping at the first failure.
// CI (.ci/run) calls exactly this after `npm ci`.
import { spawnSync } from 'node:child_process';

const ci = process.env.CI === 'true';
const steps = [
  ['system packages (z3, chromium, jupyter)', 'bash', ['scripts/setup-system.sh', 'chromium', 'notebooks']],
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']],
  ['vitest', 'npx', ['vitest', 'run']],
  ['regression check (quickstart vs reports/golden)', 'npx', ['peaklab', 'check', 'scenarios/quickstart.yaml', '--golden', 'reports/golden/', '--data', 'datasets/subsets', '--quiet']],
  ['byte-identical run directories (quickstart, 15m, reference at 1,000 vs scripts/output-hashes.json)', 'npx', ['tsx', 'scripts/output-hashes.ts', 'check']],
  ['forge build', 'node', ['scripts/forge.mjs', 'build']],
  ['forge test', 'node', ['scripts/forge.mjs', 'test'], ci ? { FOUNDRY_PROFILE: 'ci' } : {}],
  ['gas snapshot check', 'npm', ['run', '--silent', 'gas:check']],
  ['solhint', 'npm', ['run', '--silent', 'lint:contracts']],
  ['SMTChecker', 'npm', ['run', '--silent', 'verify:contracts']],
];

for (const [name, cmd, args, env = {}] of steps) {
  process.stdout.write(`\n=== ${name}: ${cmd} ${args.join(' ')}\n`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    process.stderr.write(`\nnpm test: step "${name}" failed (exit ${result.status ?? result.signal}).\n`);
    process.exit(result.status ?? 1);
  }
}
process.stdout.write('\nnpm test: all steps passed.\n');
