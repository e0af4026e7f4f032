import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainError } from '../errors.ts';
import { rpcBatch, rpcCall } from './rpcBatch.ts';

// A tiny JSON-RPC server: `echo` returns its param, `fail` errors; the URL path picks a misbehaviour.
let server: Server;
let base = '';
const bodies: unknown[][] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const calls = JSON.parse(text) as { id: number; method: string; params: unknown[] }[];
      bodies.push(calls);
      if (req.url === '/http500') return res.writeHead(500).end('overloaded');
      if (req.url === '/html') return res.writeHead(200).end('<html>');
      if (req.url === '/single') return res.writeHead(200).end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32600, message: 'batches disabled' } }));
      const answers = calls
        .filter((_, i) => req.url !== '/drop' || i !== 1)
        .map((c) =>
          c.method === 'fail' ? { jsonrpc: '2.0', id: c.id, error: { code: 3, message: 'execution reverted', data: '0x1234' } } : { jsonrpc: '2.0', id: c.id, result: c.params[0] },
        )
        .reverse(); // answers may come in any order
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answers));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A loopback port nobody listens on. */
const closedPort = (): Promise<number> =>
  new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

describe('rpcBatch', () => {
  it('sends calls in sequential batches and returns outcomes in request order', async () => {
    bodies.length = 0;
    const requests = Array.from({ length: 7 }, (_, i) => (i === 4 ? { method: 'fail', params: [i] } : { method: 'echo', params: [i] }));
    const { outcomes } = await rpcBatch({ rpcUrl: base, requests, doing: 'testing', batchSize: 3 });
    expect(bodies.map((b) => b.length)).toEqual([3, 3, 1]);
    expect(outcomes.map((o) => (o.ok ? o.result : o.error.message))).toEqual([0, 1, 2, 3, 'execution reverted', 5, 6]);
    expect(outcomes[4]).toEqual({ ok: false, error: { code: 3, message: 'execution reverted', data: '0x1234' } });
  });

  it('turns transport failures into ChainErrors naming the URL and what was being done', async () => {
    const cases: [string, RegExp][] = [
      ['/http500', /answered HTTP 500 while funding/],
      ['/html', /not JSON while funding/],
      ['/single', /rejected a batch of 2 calls while funding/],
      ['/drop', /left call echo unanswered while funding/],
    ];
    for (const [path, message] of cases) {
      const error = (await rpcBatch({ rpcUrl: base + path, requests: [{ method: 'echo', params: [1] }, { method: 'echo', params: [2] }], doing: 'funding' }).catch((e: unknown) => e)) as ChainError;
      expect(error).toBeInstanceOf(ChainError);
      expect(error.shortMessage).toMatch(message);
      expect(error.shortMessage).toContain(base + path);
    }
    const closed = await closedPort();
    const url = `http://127.0.0.1:${closed}`;
    const down = (await rpcBatch({ rpcUrl: url, requests: [{ method: 'eth_chainId' }], doing: 'starting', diagnose: () => 'anvil exited with code 1' }).catch((e: unknown) => e)) as ChainError;
    expect(down.shortMessage).toBe(`The chain node at ${url} did not answer while starting`);
    expect(down.details).toBe(`rpc: ${url}; calls: eth_chainId; ECONNREFUSED (connect ECONNREFUSED 127.0.0.1:${closed}); anvil exited with code 1`);
    const bad = (await rpcBatch({ rpcUrl: 'http://127.0.0.1:1', requests: [{ method: 'eth_chainId' }], doing: 'starting' }).catch((e: unknown) => e)) as ChainError;
    expect(bad.details).toBe('rpc: http://127.0.0.1:1; calls: eth_chainId; fetch failed: bad port');
  });

  it('rpcCall returns the result or throws the node error with the method', async () => {
    expect(await rpcCall({ rpcUrl: base, method: 'echo', params: ['x'], doing: 'testing' })).toBe('x');
    await expect(rpcCall({ rpcUrl: base, method: 'fail', params: [], doing: 'testing' })).rejects.toThrow('fail failed while testing: execution reverted');
  });
});
