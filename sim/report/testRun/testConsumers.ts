import { type Rng, rng } from '../../rng.ts';
import { sha256, type TestToken } from './testRunConstants.ts';

/** A consumer of the synthetic test run, with the tallies its events add up. */
export interface TestConsumer {
  readonly id: string;
  readonly address: string;
  readonly archetype: 'commercial' | 'residential';
  readonly utility: 'U1' | 'U2';
  readonly token: TestToken;
  /** Flexible load it can shed during an event. */
  readonly kw: number;
  /** Its own stream: its decisions in every event. */
  readonly r: Rng;
  invited: number;
  participated: number;
  optedOut: number;
  curtailedWh: number;
  reboundWh: number;
  entitlement: bigint;
  readsRejected: number;
}

export interface TestConsumersParameters {
  seed: number;
  count: number;
}

/** `count` consumers C001…: every third commercial, utilities and tokens alternating (U1 pays GRID, U2 pUSD). */
export function testConsumers({ seed, count }: TestConsumersParameters): TestConsumer[] {
  return Array.from({ length: count }, (_, c) => {
    const r = rng({ seed, kind: 'test-consumer', id: c });
    return {
      id: `C${String(c + 1).padStart(3, '0')}`,
      address: `0x${sha256(`consumer-${c}`).slice(0, 40)}`,
      archetype: c % 3 === 0 ? 'commercial' : 'residential',
      utility: c % 2 === 0 ? 'U1' : 'U2',
      token: c % 2 === 0 ? 'GRID' : 'pUSD',
      kw: r.uniform(4, 12),
      r,
      invited: 0,
      participated: 0,
      optedOut: 0,
      curtailedWh: 0,
      reboundWh: 0,
      entitlement: 0n,
      readsRejected: 0,
    };
  });
}
