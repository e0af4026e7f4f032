/** sim/chain — anvil lifecycle, deterministic accounts, deployment, typed contracts, batched transactions, gas
 *  ledger. The only public entry of this stage. */
export type { ChainNode, Hardfork } from './chainNode.ts';
export { anvilBinaryPath, startAnvil, type StartAnvilParameters, type StartAnvilResult } from './startAnvil.ts';
export { connectNode, type ConnectNodeParameters, type ConnectNodeResult } from './connectNode.ts';
export { openNode, type OpenNodeParameters } from './openNode.ts';
export {
  NODE_DOWN_HINT,
  rpcBatch,
  type RpcBatchParameters,
  type RpcBatchResult,
  rpcCall,
  type RpcCallParameters,
  type RpcErrorObject,
  type RpcOutcome,
  type RpcRequest,
} from './rpcBatch.ts';
export { deriveAccount, type DeriveAccountParameters, type DeriveAccountResult } from './deriveAccount.ts';
export { localAccount, type LocalAccountParameters, type LocalAccountResult } from './localAccount.ts';
export { fundAccounts, type FundAccountsParameters, type FundAccountsResult } from './fundAccounts.ts';
export { type Call, type CallTarget, writeCall, type WriteCallParameters } from './writeCall.ts';
export { deployCall, type DeployCallParameters } from './deployCall.ts';
export {
  type AbiError,
  type CallLabel,
  type ContractRegistry,
  createContractRegistry,
  type CreateContractRegistryParameters,
  type RegisterContractParameters,
} from './contractRegistry.ts';
export { decodeRevert, type DecodeRevertParameters, type DecodeRevertResult } from './decodeRevert.ts';
export { TxRevertError, type TxRevertErrorParameters } from './txRevertError.ts';
export { createGasLedger, GAS_CSV_HEADER, type GasEntry, type GasLedger, type GasSummary, type GasTotal } from './gasLedger.ts';
export { createTxEngine, type CreateTxEngineParameters, type TxEngine } from './txEngine.ts';
export type { TxFees } from './txEngineContext.ts';
export type { PreparedTx, TxResult } from './preparedTx.ts';
export type { MineResult } from './mineBlock.ts';
export type { ExecuteParameters, ExecuteResult, SettleParameters } from './settleTxs.ts';
export {
  type DeployedContract,
  deploySystem,
  type DeploySystemParameters,
  type DeploySystemResult,
  type TokenMint,
} from './deploySystem.ts';
export type { SystemActors } from './systemActors.ts';
export type { SystemAddresses, SystemContracts } from './systemContracts.ts';
export { defaultSystemSettings, type SystemSettings } from './systemSettings.ts';
export * from './generated/abis.ts';
