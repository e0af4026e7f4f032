import { type Address, getAddress, isAddress } from 'viem';
import { PayoutRuleError } from '../errors.ts';
import { type EntitlementTreeResult, entitlementTree } from './entitlementTree.ts';
import { toUint, type UintInput } from './toUint.ts';

/** A program: a utility's budget in one token (IncentiveDistributor's (utility, token) pair). */
export interface ProgramKey {
  utility: Address;
  token: Address;
}

export interface CreditEventParameters extends ProgramKey {
  /** The settled event (each event is credited once: ReductionRequests settles it once). */
  eventId: UintInput;
  /** Per-account payouts of the event in token base units (quotePayout amounts); each account at most once. */
  payouts: readonly { account: Address; amount: UintInput }[];
}

export interface AccountKey extends ProgramKey {
  account: Address;
}

export interface MarkPostedParameters extends ProgramKey {
  /** The events the posted root settled (as returned by `nextRoot`). */
  eventIds: readonly bigint[];
}

export interface NextRootResult extends EntitlementTreeResult {
  /** The credited events no posted root has settled yet, ascending: postRoot's `eventIds`. */
  eventIds: bigint[];
}

/** A ledger as plain data (structured-cloneable): `toSnapshot` / `CumulativeLedger.fromSnapshot`. */
export interface CumulativeLedgerSnapshot {
  programs: Program[];
}

interface Program {
  key: ProgramKey;
  cumulative: Map<Address, bigint>;
  pending: Set<bigint>;
  settled: Set<bigint>;
}

const copyProgram = (p: Program): Program => ({ key: { ...p.key }, cumulative: new Map(p.cumulative), pending: new Set(p.pending), settled: new Set(p.settled) });

const address = (value: string, what: string): Address => {
  if (!isAddress(value, { strict: false })) throw new PayoutRuleError(`CumulativeLedger: ${what} is not an address: ${value}`);
  return getAddress(value);
};

const byLowerHex = (a: string, b: string): number => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * Per program (utility, token), every account's cumulative entitlement across settled events — what each new
 * settlement root must contain. Roots are cumulative: a new root repeats every account of the program with its
 * running total, so a claim pays `cumulative − claimed` and one claim covers many events. Amounts only grow.
 */
export class CumulativeLedger {
  readonly #programs = new Map<string, Program>();

  /** The ledger as plain data (a deep copy; programs in insertion order). */
  toSnapshot(): CumulativeLedgerSnapshot {
    return { programs: [...this.#programs.values()].map(copyProgram) };
  }

  /** A ledger holding exactly what `snapshot` holds. */
  static fromSnapshot(snapshot: CumulativeLedgerSnapshot): CumulativeLedger {
    const ledger = new CumulativeLedger();
    for (const p of snapshot.programs) {
      ledger.#programs.set(`${p.key.utility}/${p.key.token}`, copyProgram(p));
    }
    return ledger;
  }

  #program({ utility, token }: ProgramKey, create: boolean): Program | undefined {
    const key = { utility: address(utility, 'utility'), token: address(token, 'token') };
    const id = `${key.utility}/${key.token}`;
    let program = this.#programs.get(id);
    if (program === undefined && create) {
      program = { key, cumulative: new Map(), pending: new Set(), settled: new Set() };
      this.#programs.set(id, program);
    }
    return program;
  }

  /** Adds one event's payouts to the accounts' cumulative entitlements (throws if the event was credited before). */
  creditEvent({ utility, token, eventId, payouts }: CreditEventParameters): void {
    const id = toUint({ value: eventId, name: 'eventId', bits: 256 });
    for (const program of this.#programs.values()) {
      if (program.pending.has(id) || program.settled.has(id)) {
        throw new PayoutRuleError(`CumulativeLedger: event ${id} was already credited`, {
          hint: 'Each event is settled exactly once; credit its payouts once.',
        });
      }
    }
    const amounts = new Map<Address, bigint>();
    for (const [i, { account, amount }] of payouts.entries()) {
      const who = address(account, `payouts[${i}].account`);
      if (amounts.has(who)) throw new PayoutRuleError(`CumulativeLedger: ${who} appears twice in event ${id}`);
      amounts.set(who, toUint({ value: amount, name: `payouts[${i}].amount`, bits: 256 }));
    }
    const program = this.#program({ utility, token }, true)!;
    for (const [who, amount] of amounts) program.cumulative.set(who, (program.cumulative.get(who) ?? 0n) + amount);
    program.pending.add(id);
  }

  /** An account's cumulative entitlement in a program (0 when none). */
  cumulativeOf({ account, ...program }: AccountKey): bigint {
    return this.#program(program, false)?.cumulative.get(address(account, 'account')) ?? 0n;
  }

  /** Every account of the program with a positive cumulative entitlement, sorted by account. */
  entries(program: ProgramKey): { account: Address; cumulative: bigint }[] {
    const p = this.#program(program, false);
    if (p === undefined) return [];
    return [...p.cumulative]
      .filter(([, cumulative]) => cumulative > 0n)
      .sort(([a], [b]) => byLowerHex(a, b))
      .map(([account, cumulative]) => ({ account, cumulative }));
  }

  /** Σ cumulative entitlements of the program (a root's declared total). */
  total(program: ProgramKey): bigint {
    let sum = 0n;
    for (const amount of this.#program(program, false)?.cumulative.values() ?? []) sum += amount;
    return sum;
  }

  /** Credited events of the program that no posted root settled yet, ascending. */
  pendingEvents(program: ProgramKey): bigint[] {
    return [...(this.#program(program, false)?.pending ?? [])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** The programs credited so far, sorted by utility then token. */
  programs(): ProgramKey[] {
    return [...this.#programs.values()]
      .map((p) => p.key)
      .sort((a, b) => byLowerHex(a.utility, b.utility) || byLowerHex(a.token, b.token));
  }

  /** What the program's next root must contain: every positive cumulative entitlement and the pending events. */
  nextRoot(program: ProgramKey): NextRootResult {
    const eventIds = this.pendingEvents(program);
    if (eventIds.length === 0) {
      throw new PayoutRuleError('CumulativeLedger: no credited event is waiting for a root in this program', {
        details: `utility ${program.utility}, token ${program.token}`,
        hint: 'postRoot must settle at least one Finalized event; credit the event’s payouts first.',
      });
    }
    return { ...entitlementTree({ entries: this.entries(program) }), eventIds };
  }

  /** Records that a root settling `eventIds` was posted (they leave the pending set). */
  markPosted({ eventIds, ...program }: MarkPostedParameters): void {
    const p = this.#program(program, false);
    for (const id of eventIds) {
      if (p === undefined || !p.pending.has(id)) {
        throw new PayoutRuleError(`CumulativeLedger: event ${id} is not pending in this program`, {
          details: `utility ${program.utility}, token ${program.token}`,
        });
      }
    }
    for (const id of eventIds) {
      p!.pending.delete(id);
      p!.settled.add(id);
    }
  }
}
