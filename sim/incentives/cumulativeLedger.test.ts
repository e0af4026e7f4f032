import { type Address, getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { PayoutRuleError } from '../errors.ts';
import { CumulativeLedger } from './cumulativeLedger.ts';
import { entitlementTree } from './entitlementTree.ts';

const U = '0x00000000000000000000000000000000000000a1' as Address;
const GRID = '0x00000000000000000000000000000000000000b1' as Address;
const USD = '0x00000000000000000000000000000000000000b2' as Address;
const A = '0x0000000000000000000000000000000000000c01' as Address;
const B = '0x0000000000000000000000000000000000000c02' as Address;
const C = '0x0000000000000000000000000000000000000c03' as Address;
const grid = { utility: U, token: GRID };
const usd = { utility: U, token: USD };

describe('CumulativeLedger', () => {
  it('adds each event to the accounts’ running totals, per program', () => {
    const ledger = new CumulativeLedger();
    ledger.creditEvent({ ...grid, eventId: 1n, payouts: [{ account: B, amount: 5n }, { account: A, amount: 10n }] });
    ledger.creditEvent({ ...grid, eventId: 2n, payouts: [{ account: A, amount: 1n }, { account: C, amount: 0n }] });
    ledger.creditEvent({ ...usd, eventId: 3, payouts: [{ account: A, amount: 700 }] });
    // A: 10 + 1 = 11, B: 5, C: 0 (no leaf); the USD program is separate
    expect(ledger.entries(grid)).toEqual([{ account: getAddress(A), cumulative: 11n }, { account: getAddress(B), cumulative: 5n }]);
    expect(ledger.cumulativeOf({ ...grid, account: A })).toBe(11n);
    expect(ledger.cumulativeOf({ ...usd, account: A })).toBe(700n);
    expect(ledger.cumulativeOf({ ...usd, account: B })).toBe(0n);
    expect(ledger.total(grid)).toBe(16n);
    expect(ledger.programs()).toEqual([grid, usd].map((p) => ({ utility: getAddress(p.utility), token: getAddress(p.token) })));
  });

  it('says what the next root must contain: every account’s cumulative and the events not settled yet', () => {
    const ledger = new CumulativeLedger();
    ledger.creditEvent({ ...grid, eventId: 1n, payouts: [{ account: A, amount: 10n }] });
    const first = ledger.nextRoot(grid);
    expect(first.eventIds).toEqual([1n]);
    expect(first.total).toBe(10n);
    ledger.markPosted({ ...grid, eventIds: first.eventIds });
    expect(() => ledger.nextRoot(grid)).toThrow(/no credited event/);

    ledger.creditEvent({ ...grid, eventId: 5n, payouts: [{ account: B, amount: 4n }] });
    ledger.creditEvent({ ...grid, eventId: 4n, payouts: [{ account: A, amount: 2n }] });
    const second = ledger.nextRoot(grid);
    // the second root repeats A (10 + 2) and adds B; it settles events 4 and 5
    expect(second.eventIds).toEqual([4n, 5n]);
    expect(second.root).toBe(entitlementTree({ entries: [{ account: A, cumulative: 12n }, { account: B, cumulative: 4n }] }).root);
    expect(() => ledger.markPosted({ ...grid, eventIds: [1n] })).toThrow(/not pending/);
  });

  it('credits an event once and an account once per event', () => {
    const ledger = new CumulativeLedger();
    ledger.creditEvent({ ...grid, eventId: 1n, payouts: [{ account: A, amount: 1n }] });
    expect(() => ledger.creditEvent({ ...usd, eventId: 1n, payouts: [] })).toThrow(/already credited/);
    expect(() => ledger.creditEvent({ ...grid, eventId: 2n, payouts: [{ account: A, amount: 1n }, { account: A, amount: 2n }] })).toThrow(PayoutRuleError);
    expect(() => ledger.creditEvent({ ...grid, eventId: 3n, payouts: [{ account: B, amount: -1n }] })).toThrow(/outside uint256/);
  });
});
