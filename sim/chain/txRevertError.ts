import { ChainError, type PeaklabErrorParameters } from '../errors.ts';

export interface TxRevertErrorParameters extends PeaklabErrorParameters {
  /** Custom error name (`UtilityNotActive`), `Error`, `Panic`, or undefined when the data is unknown / empty. */
  errorName: string | undefined;
  /** Decoded arguments of the custom error. */
  errorArgs: readonly unknown[];
  /** Whether the transaction ran out of gas (no revert data, gas used = limit). */
  outOfGas: boolean;
}

/** A transaction (or its gas estimate) reverted; a ChainError that also carries the decoded custom error. */
export class TxRevertError extends ChainError {
  override name = 'TxRevertError';
  readonly errorName: string | undefined;
  readonly errorArgs: readonly unknown[];
  readonly outOfGas: boolean;

  constructor(shortMessage: string, { errorName, errorArgs, outOfGas, ...rest }: TxRevertErrorParameters) {
    super(shortMessage, rest);
    this.errorName = errorName;
    this.errorArgs = errorArgs;
    this.outOfGas = outOfGas;
  }
}
