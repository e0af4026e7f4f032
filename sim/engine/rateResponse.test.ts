import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/index.ts';
import { runTiny, tiny } from './testSupport.ts';

const withRate = (rate: string): Scenario => ({ ...tiny.scenario, program: { ...tiny.scenario.program, rates: { pUSD: rate } } });
const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((s, x) => s + x, 0);

describe('whole runs: the rate changes behaviour (tiny scenario, same seed, embedded anvil)', () => {
  it('raising the rate raises enrolment and delivered kWh monotonically (a zero rate is refused on chain: ZeroValue("rate"); its no-response is tested in sim/agents)', async () => {
    const rows: { rate: string; committed: number; curtailedKwh: number }[] = [];
    for (const rate of ['0.001', '0.1', '0.5', '2']) {
      const { record } = await runTiny(withRate(rate));
      rows.push({ rate, committed: sum(record.events.map((e) => e.optedIn)), curtailedKwh: sum(record.consumers.curtailedKwh) });
    }
    for (let k = 1; k < rows.length; k++) {
      expect(rows[k]!.committed).toBeGreaterThanOrEqual(rows[k - 1]!.committed);
      expect(rows[k]!.curtailedKwh).toBeGreaterThan(rows[k - 1]!.curtailedKwh);
    }
    expect(rows.at(-1)!.committed).toBeGreaterThan(rows[0]!.committed);
  }, 120_000);
});
