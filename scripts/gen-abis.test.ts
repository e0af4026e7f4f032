import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployedContracts, generatedAbisPath, renderAbisModule, repoRoot } from './gen-abis.ts';

// Own out/cache dirs (gitignored) so this never races another forge run in the same checkout.
const outDir = join(repoRoot, 'contracts', 'out-genabis-test');
const cacheDir = join(repoRoot, 'contracts', 'cache-genabis-test');

/** Names of the contracts whose generated section differs between two renderings. */
const staleContracts = (a: string, b: string): string[] => {
  const sections = (text: string): Map<string, string> =>
    new Map(
      text
        .split(/\n(?=\/\*\* \w+ \(\w+\.sol\)\. \*\/)/)
        .map((section) => [section.slice(0, section.indexOf('\n')), section] as [string, string]),
    );
  const [left, right] = [sections(a), sections(b)];
  return [...new Set([...left.keys(), ...right.keys()])].filter((key) => left.get(key) !== right.get(key)).sort();
};

describe('gen-abis', () => {
  it('the committed sim/chain/generated/abis.ts equals what a fresh forge build generates', () => {
    const build = spawnSync('node', ['scripts/forge.mjs', 'build'], {
      cwd: repoRoot,
      env: { ...process.env, FOUNDRY_OUT: outDir, FOUNDRY_CACHE_PATH: cacheDir },
      encoding: 'utf8',
    });
    expect(build.status, `forge build failed:\n${build.stderr}`).toBe(0);
    const { source } = renderAbisModule({ artifactsDir: outDir });
    const committed = readFileSync(generatedAbisPath, 'utf8');
    // On failure: run `npm run build:contracts` and commit sim/chain/generated/abis.ts.
    expect(staleContracts(committed, source), 'sim/chain/generated/abis.ts is stale: run `npm run build:contracts`').toEqual([]);
    expect(committed).toBe(source);
  }, 900_000);

  it('renders deterministically, names every contract and hashes the deployed bytecode', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gen-abis-'));
    try {
      for (const [i, { file, name }] of deployedContracts.entries()) {
        mkdirSync(join(dir, file), { recursive: true });
        const artifact = {
          abi: [{ type: 'function', name: `f${i}`, inputs: [], outputs: [], stateMutability: 'view' }],
          bytecode: { object: `0x60${i.toString(16).padStart(2, '0')}`, linkReferences: {} },
          deployedBytecode: { object: i === 0 ? '0x' : '0xfe' },
        };
        writeFileSync(join(dir, file, `${name}.json`), JSON.stringify(artifact));
      }
      const first = renderAbisModule({ artifactsDir: dir }).source;
      const copy = mkdtempSync(join(tmpdir(), 'gen-abis-copy-'));
      cpSync(dir, copy, { recursive: true });
      expect(renderAbisModule({ artifactsDir: copy }).source).toBe(first);
      rmSync(copy, { recursive: true });
      expect(first).toContain('export const erc1967ProxyAbi = [');
      expect(first).toContain('export const timelockControllerBytecode = \'0x6009\' as const;');
      // sha256 of the empty byte string and of 0xfe
      expect(first).toContain(
        "utilityRegistryDeployedBytecodeSha256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'",
      );
      expect(first).toContain(
        "gridTokenDeployedBytecodeSha256 = 'aa687b58b0e73e2e383f8c500d75b591e188efe0168b3ffbcd3771caaa6dd4c7'",
      );
      expect(first).toContain('  PeaklabGovernor: { abi: peaklabGovernorAbi,');
      // one ABI item per line, as the artifact lists them
      expect(first).toContain('  {"type":"function","name":"f4","inputs":[],"outputs":[],"stateMutability":"view"},');

      writeFileSync(
        join(dir, 'GridToken.sol', 'GridToken.json'),
        JSON.stringify({ abi: [], bytecode: { object: '0x', linkReferences: { 'L.sol': {} } }, deployedBytecode: { object: '0x' } }),
      );
      expect(() => renderAbisModule({ artifactsDir: dir })).toThrow(/library linking/);
      rmSync(join(dir, 'GridToken.sol'), { recursive: true });
      expect(() => renderAbisModule({ artifactsDir: dir })).toThrow(/missing forge artifact .*GridToken\.json/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
