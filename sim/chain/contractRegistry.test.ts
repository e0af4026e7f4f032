import { encodeDeployData, encodeFunctionData, parseAbi, zeroAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { createContractRegistry } from './contractRegistry.ts';
import { gridTokenAbi, gridTokenBytecode, timelockControllerAbi } from './generated/abis.ts';

const token = '0x1000000000000000000000000000000000000001';
const other = '0x2000000000000000000000000000000000000002';

describe('createContractRegistry', () => {
  it('labels calls from the selector and deployments from the creation bytecode', () => {
    const registry = createContractRegistry();
    registry.register({ name: 'GridToken', address: token, abi: gridTokenAbi });
    const transfer = encodeFunctionData({ abi: gridTokenAbi, functionName: 'transfer', args: [other, 1n] });
    expect(registry.label({ to: token, data: transfer })).toEqual({ contract: 'GridToken', function: 'transfer' });
    // addresses match whatever their case
    expect(registry.label({ to: token.toUpperCase().replace('0X', '0x') as `0x${string}`, data: transfer }).contract).toBe('GridToken');
    const deploy = encodeDeployData({ abi: gridTokenAbi, bytecode: gridTokenBytecode, args: [other, other] });
    expect(registry.label({ to: null, data: deploy })).toEqual({ contract: 'GridToken', function: 'constructor' });
    expect(registry.label({ to: null, data: '0x6000' })).toEqual({ contract: 'unknown', function: 'constructor' });
    // unknown contract or selector: the address and the raw selector
    expect(registry.label({ to: other, data: transfer })).toEqual({ contract: '0x2000000000000000000000000000000000000002', function: '0xa9059cbb' });
    expect(registry.label({ to: token, data: '0xdeadbeef' })).toEqual({ contract: 'GridToken', function: '0xdeadbeef' });
    expect(registry.label({ to: token, data: '0x' })).toEqual({ contract: 'GridToken', function: 'receive' });
    expect(registry.nameAt(token)).toBe('GridToken');
    expect(registry.nameAt(other)).toBeUndefined();
  });

  it('tells overloaded functions apart by signature', () => {
    const abi = parseAbi(['function f(uint256)', 'function f(address)', 'function g()']);
    const registry = createContractRegistry({ bytecodes: {} });
    registry.register({ name: 'Over', address: other, abi });
    expect(registry.label({ to: other, data: encodeFunctionData({ abi, functionName: 'f', args: [1n] }) }).function).toBe('f(uint256)');
    expect(registry.label({ to: other, data: encodeFunctionData({ abi, functionName: 'f', args: [zeroAddress] }) }).function).toBe('f(address)');
    expect(registry.label({ to: other, data: encodeFunctionData({ abi, functionName: 'g' }) }).function).toBe('g');
  });

  it('collects every custom error of the generated ABIs once', () => {
    const names = createContractRegistry()
      .errorsAbi()
      .map((e) => e.name);
    expect(names).toContain('UtilityNotActive');
    expect(names).toContain('TimelockUnexpectedOperationState');
    expect(names).toContain('ERC20InsufficientBalance');
    expect(names.filter((n) => n === 'AccessControlUnauthorizedAccount')).toHaveLength(1);
    expect(timelockControllerAbi.some((item) => item.type === 'error')).toBe(true);
  });
});
