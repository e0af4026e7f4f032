import { type Abi, type AbiFunction, type Address, getAddress, type Hex, toFunctionSelector, toFunctionSignature } from 'viem';
import { contractArtifacts } from './generated/abis.ts';

/** A custom error of an ABI. */
export type AbiError = Extract<Abi[number], { type: 'error' }>;

/** What a transaction called: the contract's name and the function (or "constructor" for a deployment). */
export interface CallLabel {
  contract: string;
  function: string;
}

/** `Contract.function`: the key gas limits are configured and reused under, and the name errors give a call. */
export const callKey = (label: CallLabel): string => `${label.contract}.${label.function}`;

export interface RegisterContractParameters {
  /** Name used in the gas ledger and in errors (a proxy gets its implementation's name). */
  name: string;
  address: Address;
  /** ABI to decode calls to `address` (a proxy gets its implementation's ABI). */
  abi: Abi | readonly unknown[];
}

/**
 * Knows which contract lives at which address and which bytecode deploys which contract, so the gas ledger and
 * error messages can name (contract, function) from nothing but a transaction's `to` and calldata, and reverts
 * decode against every custom error the simulator's contracts define.
 */
export interface ContractRegistry {
  register(parameters: RegisterContractParameters): void;
  /** The registered name at `address`, if any. */
  nameAt(address: Address): string | undefined;
  /** (contract, function) of a call or deployment, decoded from the selector or the creation bytecode. */
  label(parameters: { to: Address | null | undefined; data: Hex }): CallLabel;
  /** Every custom error of every known ABI (deduplicated by signature), for decodeErrorResult. */
  errorsAbi(): readonly AbiError[];
}

export interface CreateContractRegistryParameters {
  /** Creation bytecodes to recognise deployments by (default: every generated artifact). */
  bytecodes?: Readonly<Record<string, { abi: Abi | readonly unknown[]; bytecode: Hex }>>;
}

interface Known {
  name: string;
  functions: Map<string, string>;
}

const selectorsOf = (abi: Abi | readonly unknown[]): Map<string, string> => {
  const functions = new Map<string, string>();
  const items = (abi as Abi).filter((item): item is AbiFunction => item.type === 'function');
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.name, (counts.get(item.name) ?? 0) + 1);
  for (const item of items) {
    // overloaded functions are told apart by signature
    const label = (counts.get(item.name) ?? 0) > 1 ? toFunctionSignature(item) : item.name;
    functions.set(toFunctionSelector(item), label);
  }
  return functions;
};

/** A registry pre-loaded with the generated artifacts' bytecodes and errors; register deployed addresses on it. */
export function createContractRegistry({
  bytecodes = contractArtifacts,
}: CreateContractRegistryParameters = {}): ContractRegistry {
  const byAddress = new Map<string, Known>();
  // longest bytecode first, so a bytecode that prefixes another never shadows it
  const creations = Object.entries(bytecodes)
    .map(([name, { bytecode }]) => ({ name, bytecode: bytecode.toLowerCase() }))
    .sort((a, b) => b.bytecode.length - a.bytecode.length || (a.name < b.name ? -1 : 1));
  const errors = new Map<string, AbiError>();
  const addErrors = (abi: Abi | readonly unknown[]): void => {
    for (const item of abi as Abi) {
      if (item.type !== 'error') continue;
      const signature = `${item.name}(${item.inputs.map((input) => input.type).join(',')})`;
      if (!errors.has(signature)) errors.set(signature, item);
    }
  };
  for (const name of Object.keys(bytecodes).sort()) addErrors(bytecodes[name].abi);
  let errorsList: AbiError[] | undefined;

  return {
    register({ name, address, abi }) {
      byAddress.set(getAddress(address), { name, functions: selectorsOf(abi) });
      addErrors(abi);
      errorsList = undefined;
    },
    nameAt(address) {
      return byAddress.get(getAddress(address))?.name;
    },
    label({ to, data }) {
      if (to === null || to === undefined) {
        const lower = data.toLowerCase();
        const match = creations.find(({ bytecode }) => lower.startsWith(bytecode));
        return { contract: match?.name ?? 'unknown', function: 'constructor' };
      }
      const known = byAddress.get(getAddress(to));
      const selector = data.length >= 10 ? data.slice(0, 10).toLowerCase() : '';
      const fn = known?.functions.get(selector) ?? (selector === '' ? 'receive' : selector);
      return { contract: known?.name ?? getAddress(to), function: fn };
    },
    errorsAbi() {
      errorsList ??= [...errors.values()];
      return errorsList;
    },
  };
}
