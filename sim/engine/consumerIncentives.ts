import { priceFactorBps } from '../incentives/index.ts';
import type { RunContext } from './runContext.ts';
import type { ChainEvent } from './runState.ts';

export interface ConsumerIncentivesParameters {
  context: Pick<RunContext, 'scenario' | 'rules' | 'shape'>;
  /** The called event's chain events, one per utility (their token and stressBps). */
  chainEvents: readonly ChainEvent[];
}

/**
 * What each consumer is paid per kWh for this event, before the tier multiplier, in USD: its own utility's rate in
 * the utility's token × the token's price × the event's price factor (from the stress the chain recorded, through
 * the program's price curve, as PayoutMath). Consumers of a utility without a chain event get 0.
 */
export function consumerIncentives({ context, chainEvents }: ConsumerIncentivesParameters): Float64Array {
  const { n, U } = context.shape;
  const { program, chain } = context.scenario;
  const out = new Float64Array(n);
  for (const e of chainEvents) {
    const factor = Number(priceFactorBps({ stressBps: e.stressBps, breakpoints: context.rules.priceCurve })) / 10_000;
    const usd = Number(program.rates[e.token]!) * chain.tokenUsd[e.token] * factor;
    for (let i = e.utility; i < n; i += U) out[i] = usd;
  }
  return out;
}
