import { decodeErrorResult, type Hex } from 'viem';
import type { AbiError } from './contractRegistry.ts';

export interface DecodeRevertParameters {
  /** Revert data returned by the EVM ("0x" when there is none). */
  data: Hex | undefined;
  /** Custom errors to decode against (ContractRegistry.errorsAbi()); Error(string) and Panic(uint256) are built in. */
  errors: readonly AbiError[];
}

export interface DecodeRevertResult {
  /** Custom error name ("UtilityNotActive"), "Error" for require strings, "Panic", or undefined when unknown. */
  errorName: string | undefined;
  /** Decoded arguments (empty when unknown). */
  args: readonly unknown[];
  /** Human form: `UtilityNotActive(0xabc…, 2)`, `Error("message")`, `Panic(0x11: arithmetic overflow)`, or the raw data. */
  text: string;
}

const PANICS: Record<string, string> = {
  '1': 'assert failed',
  '17': 'arithmetic overflow or underflow',
  '18': 'division by zero',
  '33': 'invalid enum value',
  '34': 'invalid storage byte array',
  '49': 'pop on empty array',
  '50': 'array index out of bounds',
  '65': 'out of memory',
  '81': 'call to zero-initialised function',
};

/** Formats a decoded argument: bigints as integers, strings quoted, arrays and structs recursively. */
export const formatValue = (value: unknown): string => {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return value.startsWith('0x') ? value : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, inner]) => `${key}: ${formatValue(inner)}`)
      .join(', ')}}`;
  }
  return String(value);
};

/** Decodes revert data into the custom error's name and arguments (viem decodeErrorResult over the given ABIs). */
export function decodeRevert({ data, errors }: DecodeRevertParameters): DecodeRevertResult {
  if (data === undefined || data === '0x' || data.length < 10) {
    return { errorName: undefined, args: [], text: 'no revert data (out of gas, invalid opcode or a bare revert)' };
  }
  try {
    const { errorName, args } = decodeErrorResult({ abi: errors as AbiError[], data });
    const values = (args ?? []) as readonly unknown[];
    if (errorName === 'Panic') {
      const code = String(values[0]);
      return { errorName, args: values, text: `Panic(0x${Number(code).toString(16)}: ${PANICS[code] ?? 'unknown panic'})` };
    }
    return { errorName, args: values, text: `${errorName}(${values.map(formatValue).join(', ')})` };
  } catch {
    return { errorName: undefined, args: [], text: `unknown error ${data.slice(0, 10)} (data ${data})` };
  }
}
