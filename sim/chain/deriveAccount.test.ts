import { encodeAbiParameters, keccak256, parseEther } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.ts';
import { deriveAccount } from './deriveAccount.ts';
import { fundAccounts } from './fundAccounts.ts';
import { startAnvil } from './startAnvil.ts';

describe('deriveAccount', () => {
  it('uses keccak256(abi.encode("peaklab.account.v1", seed, kind, id)) as the private key', () => {
    const key = keccak256(
      encodeAbiParameters(
        [{ type: 'string' }, { type: 'uint256' }, { type: 'string' }, { type: 'string' }],
        ['peaklab.account.v1', 42n, 'consumer', 'n:17'],
      ),
    );
    expect(deriveAccount({ seed: 42, kind: 'consumer', id: 17 }).address).toBe(privateKeyToAccount(key).address);
    expect(deriveAccount({ seed: 42n, kind: 'consumer', id: 17n }).address).toBe(privateKeyToAccount(key).address);
  });

  it('is stable and gives every (seed, kind, id) its own account', () => {
    const a = deriveAccount({ seed: 1, kind: 'consumer', id: 0 });
    expect(deriveAccount({ seed: 1, kind: 'consumer', id: 0 }).address).toBe(a.address);
    const others = [
      deriveAccount({ seed: 2, kind: 'consumer', id: 0 }),
      deriveAccount({ seed: 1, kind: 'utility', id: 0 }),
      deriveAccount({ seed: 1, kind: 'consumer', id: 1 }),
      deriveAccount({ seed: 1, kind: 'consumer', id: '0' }), // string ids are their own namespace
    ].map((o) => o.address);
    expect(new Set([a.address, ...others]).size).toBe(5);
    const many = Array.from({ length: 2000 }, (_, id) => deriveAccount({ seed: 1, kind: 'consumer', id }).address);
    expect(new Set(many).size).toBe(2000);
  });

  it('rejects a bad seed, kind or id', () => {
    expect(() => deriveAccount({ seed: -1, kind: 'consumer', id: 0 })).toThrow(UsageError);
    expect(() => deriveAccount({ seed: 1.5, kind: 'consumer', id: 0 })).toThrow(/non-negative integer/);
    expect(() => deriveAccount({ seed: 1, kind: '', id: 0 })).toThrow(/non-empty/);
    expect(() => deriveAccount({ seed: 1, kind: 'consumer', id: 2 ** 60 })).toThrow(/safe integer/);
  });
});

describe('fundAccounts', () => {
  it('sets the balance of many accounts in batched anvil_setBalance calls', async () => {
    const node = await startAnvil({ hardfork: 'cancun' });
    try {
      const accounts = Array.from({ length: 2500 }, (_, id) => deriveAccount({ seed: 3, kind: 'consumer', id }).address);
      expect(await fundAccounts({ node, addresses: accounts, balance: parseEther('2.5'), batchSize: 1000 })).toEqual({ funded: 2500 });
      const res = await fetch(node.rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(
          [0, 1234, 2499].map((i) => ({ jsonrpc: '2.0', id: i, method: 'eth_getBalance', params: [accounts[i], 'latest'] })),
        ),
      });
      const balances = ((await res.json()) as { result: string }[]).map((r) => BigInt(r.result));
      expect(balances).toEqual([parseEther('2.5'), parseEther('2.5'), parseEther('2.5')]);
    } finally {
      await node.stop();
    }
  });
});
