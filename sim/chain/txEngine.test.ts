import { createServer } from 'node:http';
import { type Address, parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainError } from '../errors.ts';
import type { ChainNode } from './chainNode.ts';
import { deployCall } from './deployCall.ts';
import { deriveAccount } from './deriveAccount.ts';
import { fundAccounts } from './fundAccounts.ts';
import { gridTokenAbi } from './generated/abis.ts';
import { startAnvil } from './startAnvil.ts';
import { createTxEngine, type TxEngine } from './txEngine.ts';
import { TxRevertError } from './txRevertError.ts';
import { writeCall } from './writeCall.ts';

const T0 = 1_750_000_000n;
const FEES = { maxFeePerGas: 30_000_000_000n, maxPriorityFeePerGas: 20_000_000_000n };
const N = 500;

const deployer = deriveAccount({ seed: 11, kind: 'deployer', id: 0 });
const senders = Array.from({ length: N }, (_, i) => deriveAccount({ seed: 11, kind: 'consumer', id: i }));

let node: ChainNode;
let engine: TxEngine;
let token: { address: Address; abi: typeof gridTokenAbi };
let clock = T0;
const nextBlockTime = (): bigint => (clock += 12n);

beforeAll(async () => {
  node = await startAnvil({ hardfork: 'cancun', genesisTimestamp: T0 });
  await fundAccounts({ node, addresses: [deployer.address, ...senders.map((s) => s.address)], balance: parseEther('10') });
  engine = createTxEngine({ node, fees: FEES });
  const { results } = await engine.execute({
    calls: [deployCall({ account: deployer, contract: 'GridToken', args: [deployer.address, deployer.address] })],
    timestamp: nextBlockTime(),
  });
  token = { address: results[0].tx.contractAddress as Address, abi: gridTokenAbi };
  expect(results[0].receipt.contractAddress?.toLowerCase()).toBe(token.address.toLowerCase());
  engine.registry.register({ name: 'GridToken', address: token.address, abi: gridTokenAbi });
  await engine.execute({
    calls: senders.map((s) => writeCall({ account: deployer, contract: token, functionName: 'mint', args: [s.address, 1000n] })),
    timestamp: nextBlockTime(),
  });
});

afterAll(async () => {
  await node?.stop();
});

const balanceOf = (address: Address) => engine.client.readContract({ ...token, functionName: 'balanceOf', args: [address] });

describe('createTxEngine', () => {
  it('mines 500 pre-signed ERC20 transfers in one block at the given timestamp, in the order they were sent', async () => {
    const calls = senders.map((s, i) =>
      writeCall({ account: s, contract: token, functionName: 'transfer', args: [senders[(i + 1) % N].address, BigInt(i + 1)] }),
    );
    const { txs } = await engine.prepare({ calls });
    expect(new Set(txs.map((tx) => tx.hash)).size).toBe(N);
    expect(txs.every((tx) => tx.nonce === 0)).toBe(true);
    const before = await engine.client.getBlockNumber();
    await engine.send({ txs });
    // automine is off: nothing is mined until we say so
    expect(await engine.client.getBlockNumber()).toBe(before);
    const at = nextBlockTime();
    const mined = await engine.mine({ timestamp: at });
    expect(mined.pending).toBe(0);
    expect(mined.timestamp).toBe(at);
    expect((await engine.client.getBlock({ blockNumber: mined.block })).timestamp).toBe(at);
    expect(mined.block).toBe(before + 1n);
    expect(mined.results).toHaveLength(N);
    expect(mined.results.map((r) => r.tx.hash)).toEqual(txs.map((tx) => tx.hash));
    expect(mined.results.map((r) => r.receipt.transactionIndex)).toEqual(txs.map((_, i) => i));
    expect(mined.results.every((r) => r.status === 'success' && r.receipt.blockNumber === mined.block)).toBe(true);
    // i received i (from i-1) and sent i+1
    const balances = await Promise.all(senders.slice(0, 5).map((s) => balanceOf(s.address)));
    expect(balances).toEqual([1000n - 1n + 500n, 1000n - 2n + 1n, 1000n - 3n + 2n, 1000n - 4n + 3n, 1000n - 5n + 4n]);
  });

  it('execute mines many calls in blocks of at most maxTxsPerBlock, all at the step timestamp, in call order', async () => {
    // its own senders: an engine keeps its own nonces, so two engines must not share accounts
    const own = Array.from({ length: 250 }, (_, id) => deriveAccount({ seed: 11, kind: 'chunked', id }));
    await fundAccounts({ node, addresses: own.map((s) => s.address), balance: parseEther('1') });
    const small = createTxEngine({ node, fees: FEES, maxTxsPerBlock: 100, registry: engine.registry });
    const calls = own.map((s, i) =>
      writeCall({ account: s, contract: token, functionName: 'transfer', args: [senders[i].address, 0n] }),
    );
    const at = nextBlockTime();
    const { results, blocks } = await small.execute({ calls, timestamp: at });
    expect(blocks).toHaveLength(3);
    expect(blocks[1]).toBe(blocks[0] + 1n);
    expect(results.map((r) => r.receipt.blockNumber)).toEqual(calls.map((_, i) => blocks[Math.floor(i / 100)]));
    for (const block of blocks) expect((await small.client.getBlock({ blockNumber: block })).timestamp).toBe(at);
    expect(results.map((r) => r.tx.from)).toEqual(own.map((s) => s.address));
    expect(results.every((r) => r.status === 'success')).toBe(true);
    expect(small.ledger.entries()).toHaveLength(250);
  });

  it('picks gas limits: a call gas, then gasLimits, then the first estimate of the function (reused)', async () => {
    const policy = createTxEngine({ node, fees: FEES, registry: engine.registry, gasLimits: { 'GridToken.approve': 77_777n } });
    const [a, b, c] = senders.slice(20, 23);
    const { txs } = await policy.prepare({
      calls: [
        writeCall({ account: a, contract: token, functionName: 'approve', args: [deployer.address, 1n] }),
        writeCall({ account: a, contract: token, functionName: 'transfer', args: [b.address, 1n] }),
        writeCall({ account: b, contract: token, functionName: 'transfer', args: [c.address, 2n] }),
        writeCall({ account: c, contract: token, functionName: 'transfer', args: [a.address, 3n], gas: 99_000n }),
      ],
    });
    const estimate = await engine.client.estimateGas({
      account: a.address,
      to: token.address,
      data: txs[1].data,
    });
    expect(txs.map((tx) => tx.gas)).toEqual([77_777n, (estimate * 13_000n) / 10_000n + 30_000n, (estimate * 13_000n) / 10_000n + 30_000n, 99_000n]);
    expect(txs.map((tx) => tx.nonce)).toEqual([1, 2, 1, 1]);
    // with policy 'estimate' each call is estimated on its own
    const each = createTxEngine({ node, fees: FEES, registry: engine.registry, gasPolicy: 'estimate', estimateHeadroom: 0n, estimateMarginBps: 10_000n });
    const { txs: estimated } = await each.prepare({
      calls: [writeCall({ account: b, contract: token, functionName: 'transfer', args: [c.address, 2n] })],
    });
    expect(estimated[0].gas).toBe(await engine.client.estimateGas({ account: b.address, to: token.address, data: estimated[0].data }));
  });

  it('keeps nonces per sender across batches and pays the scenario fee', async () => {
    const s = senders[3];
    const calls = [0, 1, 2].map((k) =>
      writeCall({ account: s, contract: token, functionName: 'transfer', args: [senders[k].address, 1n] }),
    );
    const { results } = await engine.execute({ calls, timestamp: nextBlockTime() });
    expect(results.map((r) => r.tx.nonce)).toEqual([1, 2, 3]);
    expect(await engine.nextNonce({ address: s.address })).toBe(4);
    // base fee is 0 on the embedded chain, so the effective price is the priority fee
    expect(results.every((r) => r.receipt.effectiveGasPrice === FEES.maxPriorityFeePerGas)).toBe(true);
  });

  it('accounts every receipt in the gas ledger per (contract, function): totals equal the sum of receipts', async () => {
    const before = engine.ledger.entries().length;
    const calls = senders.slice(0, 40).map((s, i) =>
      i % 4 === 0
        ? writeCall({ account: s, contract: token, functionName: 'approve', args: [deployer.address, 5n] })
        : writeCall({ account: s, contract: token, functionName: 'transfer', args: [deployer.address, 1n] }),
    );
    const { results } = await engine.execute({ calls, timestamp: nextBlockTime() });
    const entries = engine.ledger.entries().slice(before);
    expect(entries).toHaveLength(40);
    expect(entries.map((e) => e.txHash)).toEqual(results.map((r) => r.receipt.transactionHash));
    expect(entries.map((e) => e.gasUsed)).toEqual(results.map((r) => r.receipt.gasUsed));

    const summary = engine.ledger.summary();
    const all = engine.ledger.entries();
    expect(summary.transactions).toBe(all.length);
    expect(summary.gasUsed).toBe(all.reduce((sum, e) => sum + e.gasUsed, 0n));
    const approve = summary.byFunction.find((t) => t.key === 'GridToken.approve');
    const approveReceipts = results.filter((_, i) => i % 4 === 0).map((r) => r.receipt);
    expect(approve?.calls).toBe(10);
    expect(approve?.gasUsed).toBe(approveReceipts.reduce((sum, r) => sum + r.gasUsed, 0n));
    expect(approve?.feeWei).toBe(approveReceipts.reduce((sum, r) => sum + r.gasUsed * r.effectiveGasPrice, 0n));
    expect(summary.byFunction.map((t) => t.key)).toEqual([
      'GridToken.approve',
      'GridToken.constructor',
      'GridToken.mint',
      'GridToken.transfer',
    ]);
    expect(summary.byFunction.find((t) => t.key === 'GridToken.mint')?.calls).toBe(N);
    const csv = engine.ledger.csv().trimEnd().split('\n');
    expect(csv[0]).toBe('block,timestamp,contract,function,txHash,gasUsed,from');
    expect(csv).toHaveLength(all.length + 1);
    expect(csv[1]).toBe(`1,${T0 + 12n},GridToken,constructor,${all[0].txHash},${all[0].gasUsed},${deployer.address}`);
  });

  it('decodes a revert into a ChainError naming the custom error and its arguments', async () => {
    const poor = senders[7];
    const balance = await balanceOf(poor.address);
    const calls = [
      writeCall({ account: poor, contract: token, functionName: 'transfer', args: [deployer.address, balance + 1n], gas: 100_000n }),
      writeCall({ account: senders[8], contract: token, functionName: 'transfer', args: [deployer.address, 1n] }),
    ];
    const { results } = await engine.execute({ calls, timestamp: nextBlockTime(), onRevert: 'return' });
    expect(results.map((r) => r.status)).toEqual(['reverted', 'success']);
    const error = results[0].error as TxRevertError;
    expect(error).toBeInstanceOf(ChainError);
    expect(error.errorName).toBe('ERC20InsufficientBalance');
    expect(error.errorArgs).toEqual([poor.address, balance, balance + 1n]);
    expect(error.shortMessage).toBe(
      `GridToken.transfer reverted: reverted with ERC20InsufficientBalance(${poor.address}, ${balance}, ${balance + 1n})`,
    );
    expect(error.details).toContain(`tx: ${results[0].tx.hash}`);
    expect(error.details).toContain(`block: ${results[0].receipt.blockNumber}`);
    expect(error.details).toContain(`rpc: ${node.rpcUrl}`);
    expect(error.hint).toMatch(/ERC20InsufficientBalance/);
    // reverted transactions are still accounted
    expect(engine.ledger.entries().find((e) => e.txHash === results[0].tx.hash)?.status).toBe('reverted');

    // onRevert 'throw' (default) throws the decoded error after mining
    await expect(
      engine.execute({
        calls: [writeCall({ account: poor, contract: token, functionName: 'mint', args: [poor.address, 1n], gas: 100_000n })],
        timestamp: nextBlockTime(),
      }),
    ).rejects.toMatchObject({ errorName: 'AccessControlUnauthorizedAccount' });

    // a call estimated up front reports the same error before anything is sent
    const estimated = await engine
      .prepare({ calls: [writeCall({ account: poor, contract: token, functionName: 'transfer', args: [deployer.address, 10n ** 30n], gas: 'estimate' })] })
      .catch((e: unknown) => e);
    expect(estimated).toBeInstanceOf(TxRevertError);
    expect((estimated as TxRevertError).errorName).toBe('ERC20InsufficientBalance');
    expect((estimated as TxRevertError).shortMessage).toMatch(/would revert \(gas estimate\)/);
  });

  it('decodes reverts through debug_traceTransaction on a node without the trace_ namespace', async () => {
    // a proxy in front of anvil that answers trace_* with "method not found"
    const proxy = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', async () => {
        const calls = JSON.parse(body) as { id: number; method: string }[];
        const refused = calls.filter((c) => c.method.startsWith('trace_'));
        const forwarded = calls.filter((c) => !c.method.startsWith('trace_'));
        const answers = forwarded.length === 0 ? [] : ((await (await fetch(node.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(forwarded) })).json()) as unknown[]);
        const errors = refused.map((c) => ({ jsonrpc: '2.0', id: c.id, error: { code: -32601, message: 'Method not found' } }));
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify([...answers, ...errors]));
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const address = proxy.address();
      const rpcUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const viaProxy = createTxEngine({ node: { ...node, rpcUrl }, fees: FEES, registry: engine.registry });
      const account = deriveAccount({ seed: 11, kind: 'proxied', id: 0 });
      await fundAccounts({ node, addresses: [account.address], balance: parseEther('1') });
      const { results } = await viaProxy.execute({
        calls: [writeCall({ account, contract: token, functionName: 'transfer', args: [deployer.address, 1n], gas: 100_000n })],
        timestamp: nextBlockTime(),
        onRevert: 'return',
      });
      expect(results[0].error?.errorName).toBe('ERC20InsufficientBalance');
      expect(results[0].error?.errorArgs).toEqual([account.address, 0n, 1n]);
    } finally {
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });

  it('reports a transaction that ran out of gas', async () => {
    const { results } = await engine.execute({
      calls: [writeCall({ account: senders[9], contract: token, functionName: 'transfer', args: [deployer.address, 1n], gas: 22_000n })],
      timestamp: nextBlockTime(),
      onRevert: 'return',
    });
    expect(results[0].error?.outOfGas).toBe(true);
    expect(results[0].error?.shortMessage).toBe('GridToken.transfer reverted: ran out of gas (limit 22000)');
  });

  it('refuses a block timestamp that does not move forward', async () => {
    const error = (await engine.mine({ timestamp: T0 }).catch((e: unknown) => e)) as ChainError;
    expect(error).toBeInstanceOf(ChainError);
    expect(error.shortMessage).toMatch(`Cannot mine a block at timestamp ${T0}`);
    expect(error.hint).toMatch(/must never go back/);
  });

  it('a refused transaction names the call and sender', async () => {
    const broke = deriveAccount({ seed: 11, kind: 'unfunded', id: 0 });
    const error = (await engine
      .execute({
        calls: [writeCall({ account: broke, contract: token, functionName: 'approve', args: [deployer.address, 1n], gas: 60_000n })],
        timestamp: nextBlockTime(),
      })
      .catch((e: unknown) => e)) as ChainError;
    expect(error).toBeInstanceOf(ChainError);
    expect(error.shortMessage).toBe('The node refused 1 of 1 transactions');
    expect(error.details).toContain(`GridToken.approve from ${broke.address} nonce 0`);
  });
});

describe('createTxEngine on a node that dies', () => {
  it('surfaces a ChainError naming the RPC URL, the step and the dead anvil', async () => {
    const dying = await startAnvil({ hardfork: 'cancun' });
    try {
      const account = deriveAccount({ seed: 11, kind: 'dying', id: 0 });
      await fundAccounts({ node: dying, addresses: [account.address], balance: parseEther('1') });
      const e = createTxEngine({ node: dying, fees: FEES });
      const { txs } = await e.prepare({ calls: [deployCall({ account, contract: 'GridToken', args: [account.address, account.address] })] });
      process.kill(dying.pid as number, 'SIGKILL');
      const error = (await e.send({ txs }).catch((err: unknown) => err)) as ChainError;
      expect(error).toBeInstanceOf(ChainError);
      expect(error.shortMessage).toBe(`The chain node at ${dying.rpcUrl} did not answer while sending 1 signed transactions`);
      expect(error.details).toMatch(/eth_sendRawTransaction/);
      expect(error.details).toMatch(/anvil \(pid \d+\) killed by SIGKILL/);
      expect(error.hint).toMatch(/rerun the scenario/);
    } finally {
      await dying.stop();
    }
  });
});
