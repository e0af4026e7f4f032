import { type Address, type Hex, hexToBytes, keccak256 } from 'viem';

export interface ResultsCommitmentParameters {
  accounts: readonly Address[];
  delivered: readonly bigint[];
  committed: readonly bigint[];
  outcomes: readonly number[];
}

/**
 * The `resultsRoot` an event's results are posted with: keccak256 over the consumers' verified results in
 * registry order, each row `account (20 bytes) ‖ deliveredWh (16) ‖ committedWh (16) ‖ outcomeBps (2)` — one hash
 * over 54-byte rows, so anyone holding the published results file can recompute it.
 */
export function resultsCommitment({ accounts, delivered, committed, outcomes }: ResultsCommitmentParameters): Hex {
  const row = 54;
  const bytes = new Uint8Array(accounts.length * row);
  const put = (value: bigint, at: number, width: number) => {
    for (let b = width - 1; b >= 0; b--) {
      bytes[at + b] = Number(value & 0xffn);
      value >>= 8n;
    }
  };
  accounts.forEach((account, j) => {
    const at = j * row;
    bytes.set(hexToBytes(account), at);
    put(delivered[j]!, at + 20, 16);
    put(committed[j]!, at + 36, 16);
    put(BigInt(outcomes[j]!), at + 52, 2);
  });
  return keccak256(bytes);
}
