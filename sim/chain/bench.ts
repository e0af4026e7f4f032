// Benchmark of the chain fast path (not a test): `npx tsx sim/chain/bench.ts [--txs 5000] [--rounds 3]`.
// Per round: sign N ERC20 transfers locally (explicit nonce, fixed gas and fees), send them as batched
// eth_sendRawTransaction, mine them in one block at an explicit timestamp, collect the receipts (one
// eth_getBlockReceipts) into the gas ledger. Prints tx/s per phase and end to end.
import { parseEther } from 'viem';
import { deployCall } from './deployCall.ts';
import { deriveAccount } from './deriveAccount.ts';
import { fundAccounts } from './fundAccounts.ts';
import { gridTokenAbi } from './generated/abis.ts';
import { startAnvil } from './startAnvil.ts';
import { createTxEngine } from './txEngine.ts';
import { writeCall } from './writeCall.ts';

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const txCount = arg('txs', 5000);
const rounds = arg('rounds', 3);
const perBlock = arg('per-block', 256);
const T0 = 1_750_000_000n;

const node = await startAnvil({ hardfork: 'cancun', genesisTimestamp: T0 });
try {
  let t = performance.now();
  const deployer = deriveAccount({ seed: 1, kind: 'deployer', id: 0 });
  const senders = Array.from({ length: txCount }, (_, id) => deriveAccount({ seed: 1, kind: 'consumer', id }));
  const deriveMs = performance.now() - t;
  t = performance.now();
  await fundAccounts({ node, addresses: [deployer.address, ...senders.map((s) => s.address)], balance: parseEther('10') });
  const fundMs = performance.now() - t;
  const engine = createTxEngine({
    node,
    fees: { maxFeePerGas: 20_000_000_000n, maxPriorityFeePerGas: 20_000_000_000n },
    gasLimits: { 'GridToken.mint': 100_000n, 'GridToken.transfer': 80_000n },
    maxTxsPerBlock: perBlock,
  });
  let clock = T0;
  const { results } = await engine.execute({
    calls: [deployCall({ account: deployer, contract: 'GridToken', args: [deployer.address, deployer.address] })],
    timestamp: (clock += 12n),
  });
  const token = { address: results[0].tx.contractAddress as `0x${string}`, abi: gridTokenAbi };
  engine.registry.register({ name: 'GridToken', address: token.address, abi: gridTokenAbi });
  await engine.execute({
    calls: senders.map((s) => writeCall({ account: deployer, contract: token, functionName: 'mint', args: [s.address, 10n ** 21n] })),
    timestamp: (clock += 12n),
  });

  const rate = (n: number, ms: number): string => `${Math.round((n / ms) * 1000).toLocaleString('en-US')} tx/s`;
  const transfers = (round: number) =>
    senders.map((s, i) =>
      writeCall({ account: s, contract: token, functionName: 'transfer', args: [senders[(i + round) % txCount].address, BigInt(round)] }),
    );
  process.stdout.write(
    `chain bench: anvil ${node.rpcUrl}, ${txCount} pre-signed ERC20 transfers per round (≤ ${perBlock} per block, ` +
      `all blocks of a round at one timestamp), ${rounds} rounds\n` +
      `setup: derive ${txCount} accounts ${deriveMs.toFixed(0)} ms, fund them (batched anvil_setBalance) ${fundMs.toFixed(0)} ms\n\n` +
      'round | sign (prepare)       | send+mine+receipts (settle) | blocks | end to end\n',
  );
  for (let round = 1; round <= rounds; round += 1) {
    const t0 = performance.now();
    const { txs } = await engine.prepare({ calls: transfers(round) });
    const t1 = performance.now();
    const settled = await engine.settle({ txs, timestamp: (clock += 12n) });
    const t2 = performance.now();
    if (settled.results.length !== txCount || settled.results.some((r) => r.status !== 'success')) {
      throw new Error('bench: a transfer failed');
    }
    process.stdout.write(
      `${String(round).padStart(5)} | ${(t1 - t0).toFixed(0).padStart(5)} ms ${rate(txCount, t1 - t0).padStart(11)} | ` +
        `${(t2 - t1).toFixed(0).padStart(5)} ms ${rate(txCount, t2 - t1).padStart(11)}        | ${String(settled.blocks.length).padStart(6)} | ` +
        `${(t2 - t0).toFixed(0).padStart(5)} ms ${rate(txCount, t2 - t0).padStart(11)}\n`,
    );
  }
  const transfer = engine.ledger.summary().byFunction.find((total) => total.key === 'GridToken.transfer');
  process.stdout.write(
    `\nledger: ${transfer?.calls} transfers, ${transfer?.gasUsed} gas (${transfer ? transfer.gasUsed / BigInt(transfer.calls) : 0n} per transfer)\n`,
  );
} finally {
  await node.stop();
}
