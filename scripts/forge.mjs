#!/usr/bin/env node
// Runs the native forge binary of @foundry-rs/forge and exits with ITS status.
// Why: the npm wrapper (`npx forge`, @foundry-rs/forge 1.7.1 bin.mjs) spawns forge but never forwards the child's
// exit code, so `npx forge test` / `forge snapshot --check` exit 0 even when tests fail or gas differs.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const arch = { x64: 'amd64', arm64: 'arm64' }[process.arch] ?? process.arch;
const pkg = `@foundry-rs/forge-${process.platform}-${arch}`;
let bin;
try {
  bin = require.resolve(`${pkg}/bin/forge`);
} catch {
  console.error(`scripts/forge.mjs: ${pkg} is not installed (npm ci installs the binary for this platform).`);
  process.exit(127);
}
const r = spawnSync(bin, process.argv.slice(2), { stdio: 'inherit' });
if (r.error) {
  console.error(`scripts/forge.mjs: cannot run ${bin}: ${r.error.message}`);
  process.exit(127);
}
process.exit(r.status ?? 1);
