import type { TestConsumer } from './testConsumers.ts';
import type { TestToken } from './testRunConstants.ts';

/** The test run's consumers' entitlements summed by token, in base units. */
export function entitlementByToken(consumers: readonly TestConsumer[]): Record<TestToken, bigint> {
  const total: Record<TestToken, bigint> = { GRID: 0n, pUSD: 0n };
  for (const c of consumers) total[c.token] += c.entitlement;
  return total;
}
