import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ChainError } from '../errors.ts';
import { connectNode } from './connectNode.ts';
import { openNode } from './openNode.ts';
import { rpcCall } from './rpcBatch.ts';
import { startAnvil } from './startAnvil.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** A pid is gone when kill(pid, 0) fails or the process is a zombie waiting to be reaped. */
const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
};

const waitGone = async (pid: number, ms = 5000): Promise<boolean> => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return !isAlive(pid);
};

/** Runs sim/chain/fixtures/lifecycleChild.ts and resolves with the anvil pid it printed. */
const runChild = (mode: 'throw' | 'wait') => {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'fixtures', 'lifecycleChild.ts'), mode], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const started = new Promise<{ pid: number; rpcUrl: string }>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line));
    });
    void exited.then(() => reject(new Error(`child exited before starting anvil: ${stderr}`)));
  });
  return { child, started, exited, stderr: () => stderr };
};

describe('startAnvil', () => {
  it('starts anvil on a loopback port with automine off, answers, and stops idempotently', async () => {
    const node = await startAnvil({ hardfork: 'cancun', chainId: 4242 });
    try {
      expect(node.mode).toBe('embedded');
      expect(node.rpcUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(node.pid).toBeTypeOf('number');
      expect(node.clientVersion).toMatch(/^anvil\/v\d+\.\d+\.\d+/);
      expect(Number(await rpcCall<string>({ rpcUrl: node.rpcUrl, method: 'eth_chainId', doing: 'test' }))).toBe(4242);
      expect(await rpcCall<boolean>({ rpcUrl: node.rpcUrl, method: 'anvil_getAutomine', doing: 'test' })).toBe(false);
      expect(isAlive(node.pid as number)).toBe(true);
    } finally {
      await node.stop();
    }
    expect(await waitGone(node.pid as number)).toBe(true);
    await node.stop(); // idempotent
    expect(node.diagnose()).toMatch(/stopped by the simulator/);
  });

  it('two nodes get different ports', async () => {
    const [a, b] = await Promise.all([startAnvil({ hardfork: 'cancun' }), startAnvil({ hardfork: 'prague' })]);
    try {
      expect(a.rpcUrl).not.toBe(b.rpcUrl);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('reports an anvil that cannot start as a ChainError with its message', async () => {
    const error = await startAnvil({ hardfork: 'no-such-fork' as 'cancun' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChainError);
    expect((error as ChainError).shortMessage).toMatch(/anvil exited while starting/);
    expect((error as ChainError).details).toMatch(/--hardfork no-such-fork/);
  });

  it('leaves no anvil behind when the process running it dies of an uncaught error', async () => {
    const run = runChild('throw');
    const { pid } = await run.started;
    expect(pid).toBeGreaterThan(0);
    const { code } = await run.exited;
    expect(code).not.toBe(0);
    expect(run.stderr()).toMatch(/simulated crash/);
    expect(await waitGone(pid)).toBe(true);
  });

  it('leaves no anvil behind on SIGINT (Ctrl-C) and on SIGTERM to the process running it', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const run = runChild('wait');
      const { pid, rpcUrl } = await run.started;
      expect(Number(await rpcCall<string>({ rpcUrl, method: 'eth_chainId', doing: 'test' }))).toBe(31337);
      run.child.kill(signal);
      const exit = await run.exited;
      expect(exit.signal).toBe(signal); // the default behaviour of the signal is kept
      expect(await waitGone(pid)).toBe(true);
    }
  });

  it('a node killed mid-run surfaces as a ChainError naming the RPC URL, what was being done and why', async () => {
    const node = await startAnvil({ hardfork: 'cancun' });
    try {
      process.kill(node.pid as number, 'SIGKILL');
      expect(await waitGone(node.pid as number)).toBe(true);
      const error = await rpcCall({
        rpcUrl: node.rpcUrl,
        method: 'eth_blockNumber',
        doing: 'reading the block number',
        diagnose: node.diagnose,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ChainError);
      const chainError = error as ChainError;
      expect(chainError.shortMessage).toBe(`The chain node at ${node.rpcUrl} did not answer while reading the block number`);
      // a fresh connection is refused; a pooled keep-alive one finds its socket closed
      expect(chainError.details).toMatch(/ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET|other side closed/);
      expect(chainError.details).toMatch(/killed by SIGKILL/);
      expect(chainError.hint).toMatch(/anvil exited/);
    } finally {
      await node.stop();
    }
  });
});

describe('connectNode / openNode', () => {
  it('connects to a running node without owning it', async () => {
    const node = await startAnvil({ hardfork: 'cancun', chainId: 777 });
    try {
      const connected = await openNode({ mode: 'rpc', rpcUrl: node.rpcUrl, hardfork: 'cancun' });
      expect(connected).toMatchObject({ mode: 'rpc', rpcUrl: node.rpcUrl, chainId: 777, pid: undefined, clientVersion: node.clientVersion });
      await connected.stop();
      expect(isAlive(node.pid as number)).toBe(true); // never stops someone else's node
      await expect(connectNode({ rpcUrl: node.rpcUrl, chainId: 1 })).rejects.toThrow(/runs chain 777, not 1/);
    } finally {
      await node.stop();
    }
  });

  it('explains a missing or unreachable RPC URL', async () => {
    await expect(openNode({ mode: 'rpc', hardfork: 'cancun' })).rejects.toThrow(/no RPC URL/);
    await expect(connectNode({ rpcUrl: 'ws://127.0.0.1:1' })).rejects.toThrow(/Only http\(s\)/);
    const error = (await connectNode({ rpcUrl: 'http://127.0.0.1:1' }).catch((e: unknown) => e)) as ChainError;
    expect(error).toBeInstanceOf(ChainError);
    expect(error.shortMessage).toMatch(/http:\/\/127\.0\.0\.1:1 did not answer while connecting to the node/);
  });
});
