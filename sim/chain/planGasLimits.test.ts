import { describe, expect, it } from 'vitest';
import { deriveAccount } from './deriveAccount.ts';
import { planGasLimits } from './planGasLimits.ts';
import type { Call } from './writeCall.ts';

const account = deriveAccount({ seed: 1, kind: 'consumer', id: 0 });
const call = (gas?: bigint | 'estimate'): Call => ({ account, to: null, data: '0x', gas });
const transfer = { contract: 'GridToken', function: 'transfer' };
const mint = { contract: 'GridToken', function: 'mint' };

describe('planGasLimits', () => {
  it("takes a call's own limit first, then the configured one, and estimates the rest", () => {
    const plan = planGasLimits({
      calls: [call(70_000n), call(), call(), call('estimate')],
      labels: [transfer, transfer, mint, transfer],
      gasLimits: { 'GridToken.transfer': 60_000n },
      gasPolicy: 'first-estimate',
      firstEstimates: new Map(),
    });
    expect(plan).toEqual({ limits: [70_000n, 60_000n, undefined, undefined], toEstimate: [2, 3] });
  });

  it("under 'first-estimate', estimates only the first call of each function and reuses remembered estimates", () => {
    const plan = planGasLimits({
      calls: [call(), call(), call(), call()],
      labels: [transfer, transfer, mint, mint],
      gasLimits: {},
      gasPolicy: 'first-estimate',
      firstEstimates: new Map([['GridToken.mint', 80_000n]]),
    });
    expect(plan).toEqual({ limits: [undefined, undefined, 80_000n, 80_000n], toEstimate: [0] });
  });

  it("under 'estimate', estimates every call without a limit of its own", () => {
    const plan = planGasLimits({
      calls: [call(), call(), call(50_000n)],
      labels: [transfer, transfer, transfer],
      gasLimits: {},
      gasPolicy: 'estimate',
      firstEstimates: new Map([['GridToken.transfer', 80_000n]]),
    });
    expect(plan).toEqual({ limits: [undefined, undefined, 50_000n], toEstimate: [0, 1] });
  });
});
