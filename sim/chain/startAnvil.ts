import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { ChainError } from '../errors.ts';
import type { ChainNode, Hardfork } from './chainNode.ts';
import { rpcCall } from './rpcBatch.ts';

export interface StartAnvilParameters {
  /** EVM hardfork (scenario `chain.hardfork`). */
  hardfork: Hardfork;
  /** Chain id (default 31337). */
  chainId?: number;
  /** Anvil's own mnemonic dev accounts to create (default 0: the simulator derives and funds its own). */
  accounts?: number;
  /** Block gas limit (default 10^10, so a simulation step's thousands of transactions fit in one block). */
  blockGasLimit?: bigint;
  /** Base fee of the genesis block in wei (default 0: with blocks under half full it stays 0, so every
   *  transaction pays exactly its priority fee and gas costs are reproducible). */
  baseFeePerGas?: bigint;
  /** Genesis block timestamp (unix seconds); set it for reproducible block hashes. Default: anvil's (now). */
  genesisTimestamp?: bigint;
  /** Path of the anvil binary (default: the platform package of @foundry-rs/anvil in node_modules). */
  binary?: string;
  /** Milliseconds to wait for anvil to answer (default 20000). */
  startTimeoutMs?: number;
  /** More anvil options, appended as given (e.g. ['--prune-history'] for very long runs). */
  extraArgs?: readonly string[];
}

/** The ChainNode of an embedded anvil. */
export type StartAnvilResult = ChainNode;

const DEFAULT_BLOCK_GAS_LIMIT = 10_000_000_000n;
const STOP_GRACE_MS = 3000;
const STDERR_KEEP = 20;

/**
 * The anvil binary shipped by the npm package @foundry-rs/anvil for this platform (the package's `bin.mjs`
 * is a node wrapper; we spawn the binary itself so its pid is the node's pid and signals reach it directly).
 */
export function anvilBinaryPath(): string {
  const os = { linux: 'linux', darwin: 'darwin', win32: 'win32' }[process.platform as string];
  const arch = { x64: 'amd64', arm64: 'arm64' }[process.arch as string];
  const pkg = `@foundry-rs/anvil-${os ?? process.platform}-${arch ?? process.arch}`;
  let packageJson: string;
  try {
    packageJson = createRequire(import.meta.url).resolve(`${pkg}/package.json`);
  } catch (cause) {
    throw new ChainError(`The anvil binary package ${pkg} is not installed`, {
      details: `platform ${process.platform}/${process.arch}`,
      hint: 'Run `npm ci` (it installs @foundry-rs/anvil and its platform package), or pass --rpc-url to use a running node.',
      cause,
    });
  }
  const binary = join(dirname(packageJson), 'bin', process.platform === 'win32' ? 'anvil.exe' : 'anvil');
  if (!existsSync(binary)) {
    throw new ChainError(`The anvil binary is missing from ${pkg}`, {
      details: `expected ${binary}`,
      hint: 'Reinstall with `npm ci`.',
    });
  }
  return binary;
}

// ------------------------------------------------------------------------------------------------------------
// Every anvil we spawned and have not stopped yet. Process hooks kill them on exit, SIGINT and SIGTERM, so an
// error or Ctrl-C never leaves an orphan node behind. (A SIGKILL of this process cannot be intercepted.)
const live = new Set<ChildProcess>();
let hooksInstalled = false;

const killAllNow = (): void => {
  for (const child of live) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  live.clear();
};

const onExit = (): void => killAllNow();
const onSignal = (signal: NodeJS.Signals): void => {
  killAllNow();
  removeHooks();
  // Keep the default behaviour of the signal (terminate) unless someone else handles it.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
};
const onSigint = (): void => onSignal('SIGINT');
const onSigterm = (): void => onSignal('SIGTERM');

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', onExit);
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
}

function removeHooks(): void {
  if (!hooksInstalled) return;
  hooksInstalled = false;
  process.off('exit', onExit);
  process.off('SIGINT', onSigint);
  process.off('SIGTERM', onSigterm);
}

const freeLoopbackPort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts an anvil node on a free loopback port with automine off (the simulator mines explicitly), FIFO
 * transaction ordering (blocks hold transactions in the order they were sent, so gas is reproducible) and
 * quiet logs; waits until it answers `eth_chainId`. The node is always stopped: by `stop()` (idempotent) or,
 * failing that, when this process exits or receives SIGINT/SIGTERM.
 */
export async function startAnvil({
  hardfork,
  chainId = 31337,
  accounts = 0,
  blockGasLimit = DEFAULT_BLOCK_GAS_LIMIT,
  baseFeePerGas = 0n,
  genesisTimestamp,
  binary = anvilBinaryPath(),
  startTimeoutMs = 20_000,
  extraArgs = [],
}: StartAnvilParameters): Promise<StartAnvilResult> {
  let lastError: ChainError | undefined;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const port = await freeLoopbackPort();
    const args = [
      '--host', '127.0.0.1',
      '--port', String(port),
      '--hardfork', hardfork,
      '--chain-id', String(chainId),
      '--accounts', String(accounts),
      '--gas-limit', blockGasLimit.toString(),
      '--base-fee', baseFeePerGas.toString(),
      '--no-mining',
      '--order', 'fifo',
      '--no-request-size-limit',
      '--quiet',
      ...(genesisTimestamp === undefined ? [] : ['--timestamp', genesisTimestamp.toString()]),
      ...extraArgs,
    ];
    try {
      return await launch({ binary, args, port, chainId, startTimeoutMs });
    } catch (error) {
      if (!(error instanceof ChainError) || !/address already in use/i.test(error.details ?? '')) throw error;
      lastError = error; // lost the race for the port: try another one
    }
  }
  throw lastError;
}

interface LaunchParameters {
  binary: string;
  args: string[];
  port: number;
  chainId: number;
  startTimeoutMs: number;
}

async function launch({ binary, args, port, chainId, startTimeoutMs }: LaunchParameters): Promise<ChainNode> {
  const rpcUrl = `http://127.0.0.1:${port}`;
  const stderrTail: string[] = [];
  let exit: { code: number | null; signal: NodeJS.Signals | null; requested: boolean } | undefined;
  let stopRequested = false;

  installHooks();
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  live.add(child);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal, requested: stopRequested };
      live.delete(child);
      if (live.size === 0) removeHooks();
      resolve();
    });
  });
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) {
      if (line.trim() === '') continue;
      stderrTail.push(line);
      if (stderrTail.length > STDERR_KEEP) stderrTail.shift();
    }
  });

  const diagnose = (): string | undefined => {
    if (spawnError) return `anvil could not be started: ${spawnError.message}`;
    if (exit === undefined) return stopRequested ? 'anvil was stopped by the simulator' : undefined;
    const how = exit.signal ? `killed by ${exit.signal}` : `exited with code ${exit.code}`;
    const tail = stderrTail.length > 0 ? `; anvil stderr: ${stderrTail.join(' | ')}` : '';
    return `anvil (pid ${child.pid}) ${exit.requested ? 'was stopped by the simulator' : how}${tail}`;
  };

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      stopRequested = true;
      if (exit === undefined && child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
        await exited;
        clearTimeout(timer);
      }
      live.delete(child);
      if (live.size === 0) removeHooks();
    })();
    return stopping;
  };

  const deadline = performance.now() + startTimeoutMs;
  for (;;) {
    if (spawnError || exit !== undefined) {
      await stop();
      throw new ChainError(`anvil exited while starting on ${rpcUrl}`, {
        details: `${binary} ${args.join(' ')}; ${diagnose()}`,
        hint: 'Check the hardfork and options; run the command above by hand to see anvil\'s message.',
      });
    }
    try {
      const answered = await rpcCall<string>({ rpcUrl, method: 'eth_chainId', doing: 'waiting for anvil to start' });
      if (Number(answered) !== chainId) {
        await stop();
        throw new ChainError(`The node on ${rpcUrl} is not the anvil we started (chain id ${Number(answered)})`, {
          details: `expected chain id ${chainId}`,
          hint: 'Another process took the port; run again.',
        });
      }
      break;
    } catch (error) {
      if (error instanceof ChainError && error.shortMessage.startsWith('The node on')) throw error;
      if (performance.now() > deadline) {
        await stop();
        throw new ChainError(`anvil did not answer on ${rpcUrl} within ${startTimeoutMs} ms`, {
          details: `${binary} ${args.join(' ')}${diagnose() ? `; ${diagnose()}` : ''}`,
          hint: 'The machine may be overloaded; raise startTimeoutMs or use --rpc-url with a running node.',
          cause: error,
        });
      }
      await sleep(25);
    }
  }

  const clientVersion = await rpcCall<string>({ rpcUrl, method: 'web3_clientVersion', doing: 'reading the anvil version', diagnose });
  return { rpcUrl, mode: 'embedded', chainId, clientVersion, pid: child.pid, diagnose, stop };
}
