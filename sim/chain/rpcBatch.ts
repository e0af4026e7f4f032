import { ChainError } from '../errors.ts';

/** One JSON-RPC call of a batch. */
export interface RpcRequest {
  method: string;
  params?: readonly unknown[];
}

/** A JSON-RPC error object. */
export interface RpcErrorObject {
  code: number;
  message: string;
  data?: unknown;
}

/** The answer to one call: its `result`, or the node's `error` for that call (the batch itself went through). */
export type RpcOutcome = { ok: true; result: unknown } | { ok: false; error: RpcErrorObject };

export interface RpcBatchParameters {
  rpcUrl: string;
  requests: readonly RpcRequest[];
  /** What the caller was doing, for error messages ("sending 500 raw transactions"). */
  doing: string;
  /** Calls per HTTP request (default 1000). */
  batchSize?: number;
  /** Explains a dead node (e.g. the embedded anvil's exit status), added to transport errors. */
  diagnose?: () => string | undefined;
}

export interface RpcBatchResult {
  /** One outcome per request, in request order. */
  outcomes: RpcOutcome[];
}

const DEFAULT_BATCH_SIZE = 1000;

/** The hint for a node that does not answer: embedded (anvil died) or external (--rpc-url) alike. */
export const NODE_DOWN_HINT =
  'The JSON-RPC node stopped answering. With the embedded chain, anvil exited (see its stderr above, ' +
  'e.g. out of memory or killed); rerun the scenario. With --rpc-url, check that the node is running and reachable.';

/**
 * Sends JSON-RPC calls in batches (one HTTP POST per `batchSize` calls, sequentially, so the node sees them in
 * request order). Transport failures (node down, HTTP error, malformed answer) throw a ChainError naming the
 * RPC URL and what was being done; per-call errors come back as `{ ok: false, error }` for the caller to judge.
 */
export async function rpcBatch({
  rpcUrl,
  requests,
  doing,
  batchSize = DEFAULT_BATCH_SIZE,
  diagnose,
}: RpcBatchParameters): Promise<RpcBatchResult> {
  const outcomes: RpcOutcome[] = new Array(requests.length);
  for (let start = 0; start < requests.length; start += batchSize) {
    const chunk = requests.slice(start, start + batchSize);
    const body = JSON.stringify(
      chunk.map((request, i) => ({ jsonrpc: '2.0', id: start + i, method: request.method, params: request.params ?? [] })),
    );
    let response: Response;
    try {
      response = await fetch(rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    } catch (cause) {
      const why = await diagnosis(diagnose);
      throw new ChainError(`The chain node at ${rpcUrl} did not answer while ${doing}`, {
        details: [
          `rpc: ${rpcUrl}`,
          `calls: ${chunk.map((r) => r.method).filter(unique).join(', ')}`,
          describeCause(cause),
          why,
        ]
          .filter((part) => part !== undefined)
          .join('; '),
        hint: NODE_DOWN_HINT,
        cause,
      });
    }
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      const why = await diagnosis(diagnose);
      throw new ChainError(`The chain node at ${rpcUrl} broke off its answer while ${doing}`, {
        details: [`rpc: ${rpcUrl}`, describeCause(cause), why].filter((part) => part !== undefined).join('; '),
        hint: NODE_DOWN_HINT,
        cause,
      });
    }
    if (!response.ok) {
      throw new ChainError(`The chain node at ${rpcUrl} answered HTTP ${response.status} while ${doing}`, {
        details: `rpc: ${rpcUrl}; body: ${text.slice(0, 300)}`,
        hint: 'Check the RPC URL; a batch may be too large for the node (lower the batch size).',
      });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (cause) {
      throw new ChainError(`The chain node at ${rpcUrl} sent an answer that is not JSON while ${doing}`, {
        details: `rpc: ${rpcUrl}; body: ${text.slice(0, 300)}`,
        hint: 'Check that the RPC URL points at a JSON-RPC endpoint.',
        cause,
      });
    }
    if (!Array.isArray(parsed)) {
      const error = (parsed as { error?: { message?: string } }).error;
      throw new ChainError(`The chain node at ${rpcUrl} rejected a batch of ${chunk.length} calls while ${doing}`, {
        details: `rpc: ${rpcUrl}; error: ${error?.message ?? text.slice(0, 300)}`,
        hint: 'The node may not support JSON-RPC batches or limit their size; lower the batch size.',
      });
    }
    for (const item of parsed as { id: number; result?: unknown; error?: RpcErrorObject }[]) {
      if (typeof item.id !== 'number' || item.id < start || item.id >= start + chunk.length) continue;
      outcomes[item.id] = item.error ? { ok: false, error: item.error } : { ok: true, result: item.result };
    }
    for (let i = start; i < start + chunk.length; i += 1) {
      if (outcomes[i] === undefined) {
        throw new ChainError(`The chain node at ${rpcUrl} left call ${requests[i].method} unanswered while ${doing}`, {
          details: `rpc: ${rpcUrl}; request id ${i}`,
          hint: NODE_DOWN_HINT,
        });
      }
    }
  }
  return { outcomes };
}

export interface RpcCallParameters {
  rpcUrl: string;
  method: string;
  params?: readonly unknown[];
  doing: string;
  diagnose?: () => string | undefined;
}

/** One JSON-RPC call; a node-side error becomes a ChainError naming the method, the RPC URL and `doing`. */
export async function rpcCall<T = unknown>({ rpcUrl, method, params, doing, diagnose }: RpcCallParameters): Promise<T> {
  const { outcomes } = await rpcBatch({ rpcUrl, requests: [{ method, params }], doing, diagnose });
  const outcome = outcomes[0];
  if (!outcome.ok) {
    throw new ChainError(`${method} failed while ${doing}: ${outcome.error.message}`, {
      details: `rpc: ${rpcUrl}; method: ${method}; code: ${outcome.error.code}`,
      hint: method.startsWith('anvil_') || method.startsWith('evm_')
        ? 'This needs an anvil node (anvil_*/evm_* methods); with --rpc-url, point it at anvil.'
        : 'See the node error above.',
    });
  }
  return outcome.result as T;
}

/** The node's own account of a failure; a process that just died reports its exit a moment later. */
const diagnosis = async (diagnose: (() => string | undefined) | undefined): Promise<string | undefined> => {
  if (diagnose === undefined) return undefined;
  for (let waited = 0; waited < 2000; waited += 25) {
    const why = diagnose();
    if (why !== undefined) return why;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return diagnose();
};

const unique = <T>(value: T, index: number, all: T[]): boolean => all.indexOf(value) === index;

const describeCause = (cause: unknown): string => {
  const inner = (cause as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  if (inner?.code) return `${inner.code}${inner.message ? ` (${inner.message})` : ''}`;
  const message = cause instanceof Error ? cause.message : String(cause);
  return inner?.message ? `${message}: ${inner.message}` : message;
};
