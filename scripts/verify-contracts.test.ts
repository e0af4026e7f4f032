import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without type declarations
import { classify, contractNames } from './verify-contracts.mjs';

const SCRIPT = path.join(import.meta.dirname, 'verify-contracts.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'peaklab-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the verifier on one harness source; returns exit status and stdout. */
function run(name: string, source: string): { status: number; out: string } {
  const file = path.join(dir, name);
  writeFileSync(file, source);
  try {
    const out = execFileSync('node', [SCRIPT, file], { encoding: 'utf8', stdio: 'pipe' });
    return { status: 0, out };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { status: err.status, out: err.stdout + err.stderr };
  }
}

// The budget ledger with its guard removed: a claim may pay beyond the root total, so paid ≤ funded breaks.
const BROKEN_LEDGER = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;
contract BrokenLedger {
    uint256 public funded;
    uint256 public paid;
    uint256 public rootTotal;
    function fund(uint256 amount) external {
        require(amount <= type(uint256).max - funded);
        funded += amount;
    }
    function postRoot(uint256 total) external {
        require(total >= rootTotal && total <= funded);
        rootTotal = total;
    }
    function claim(uint256 amount) external {
        require(amount <= type(uint256).max - paid);
        paid += amount; // BUG: no "amount <= rootTotal - paid" check
        // property: never pays more than funded
        assert(paid <= funded);
    }
    function refund(uint256 amount) external {
        paid -= amount; // BUG: underflows when amount > paid
    }
}
`;

// The same ledger with the guard: everything provable.
const SOUND_LEDGER = `// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;
contract SoundLedger {
    uint256 public funded;
    uint256 public paid;
    uint256 public rootTotal;
    function fund(uint256 amount) external {
        require(amount <= type(uint256).max - funded);
        funded += amount;
    }
    function postRoot(uint256 total) external {
        require(total >= rootTotal && total <= funded);
        rootTotal = total;
    }
    function claim(uint256 amount) external {
        require(amount <= rootTotal - paid);
        paid += amount;
        // property: never pays more than funded
        assert(paid <= funded);
    }
}
`;

describe('verify-contracts (SMTChecker gate)', () => {
  it('fails on a deliberately broken harness and names the violated targets', () => {
    const { status, out } = run('BrokenLedger.sol', BROKEN_LEDGER);
    expect(status).toBe(1);
    expect(out).toMatch(/FAILED \(\d+\)/);
    expect(out).toMatch(/violated: .*BrokenLedger\.sol:19 .*never pays more than funded — Assertion violation/);
    expect(out).toMatch(/violated: .*BrokenLedger\.sol:22 .*Underflow/);
  });

  it('passes the repaired harness and lists its proved properties', () => {
    const { status, out } = run('SoundLedger.sol', SOUND_LEDGER);
    expect(status).toBe(0);
    expect(out).toMatch(/✓ .*SoundLedger\.sol:19 .*never pays more than funded — Assertion violation/);
    expect(out).toMatch(/all \d+ targets proved/);
  });

  it('treats "might happen", solver failures and compile errors as failures, "safe" as proved', () => {
    const src = 'contract A {\n  function f() public {\n    assert(true);\n  }\n}\n';
    const loc = { file: 'A.sol', start: src.indexOf('assert'), end: src.indexOf('assert') + 12 };
    const r = classify(
      {
        errors: [
          { severity: 'info', errorCode: '9576', message: 'CHC: Assertion violation check is safe!', sourceLocation: loc },
          { severity: 'warning', errorCode: '6328', message: 'CHC: Assertion violation might happen here.', sourceLocation: loc },
          { severity: 'warning', errorCode: '4984', message: 'CHC: Overflow (resulting value larger than 2**256 - 1) happens here.', sourceLocation: loc },
          { severity: 'warning', errorCode: '3996', message: 'CHC analysis was not possible. No Horn solver was available.' },
          { severity: 'warning', errorCode: '5840', message: 'CHC: 2 verification condition(s) could not be proved.' },
          { severity: 'error', errorCode: '7576', message: 'Undeclared identifier.', sourceLocation: loc },
          { severity: 'warning', errorCode: '7737', message: 'Inline assembly may cause SMTChecker to produce spurious warnings (false positives).' },
        ],
      },
      () => src,
    );
    expect(r.proved).toHaveLength(1);
    expect(r.proved[0]).toMatchObject({ file: 'A.sol', line: 3, kind: 'Assertion violation' });
    expect(r.failed.map((f: { verdict: string }) => f.verdict)).toEqual([
      'unproven (might happen)',
      'violated',
      'unproven (solver)',
      'unproven (solver)',
      'compile error',
    ]);
    expect(r.notes).toHaveLength(1);
  });

  it('finds the contracts a harness declares', () => {
    expect(contractNames('contract A {}\n// contract Nope\nabstract contract B {}\ncontract C is A {}')).toEqual(['A', 'C']);
  });
});
