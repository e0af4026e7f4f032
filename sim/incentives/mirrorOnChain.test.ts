/**
 * PROOF that the TypeScript mirror equals the chain: a real anvil, the full system deployed through the timelock
 * (sim/chain deploySystem), a utility made Active by regulators, a day-ahead forecast that sets each event's
 * stress, ~40 events over every tier and a wide range of rates, and then:
 *  - IncentiveDistributor.quotePayout vs `quotePayout` for several hundred seeded (delivered, committed) inputs
 *    per rule set — edge cases included (below minimum compliance, exactly the minimum, exactly 100 %, at and past
 *    the bonus cap, nothing committed, saturated compliance, overflowing payouts that must revert on both sides);
 *  - the same after governance (governor vote → timelock) changes the performance parameters and installs a
 *    price curve with a first breakpoint above 0 and falling segments;
 *  - roots built by `entitlementTree` from a `CumulativeLedger` accepted by real `claim` / `claimBatch`, paying
 *    exactly the cumulative entitlement (and only the difference after a second, cumulative root), while a forged
 *    amount is rejected with InvalidProof; `crossCheck` of claimedOf against the ledger finds no mismatch.
 */
import { type Address, type Hex, keccak256, parseEther, toHex } from 'viem';
import seedrandom from 'seedrandom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploySystem, type DeploySystemResult } from '../chain/deploySystem.ts';
import { deriveAccount } from '../chain/deriveAccount.ts';
import { fundAccounts } from '../chain/fundAccounts.ts';
import type { ChainNode } from '../chain/chainNode.ts';
import { startAnvil } from '../chain/startAnvil.ts';
import { createTxEngine, type TxEngine } from '../chain/txEngine.ts';
import { type Call, writeCall } from '../chain/writeCall.ts';
import { crossCheck } from './crossCheck.ts';
import { CumulativeLedger } from './cumulativeLedger.ts';
import { defaultPayoutRules, type PayoutRules } from './payoutRules.ts';
import { quotePayout } from './quotePayout.ts';

const T0 = 1_750_000_000n;
const DAY = 86_400n;
const HOUR = 3600n;
/** A fixed gas limit for our calls: calls mined in one block depend on each other, so estimates made before it would fail. */
const GAS = 3_000_000n;
const FEES = { maxFeePerGas: 20_000_000_000n, maxPriorityFeePerGas: 20_000_000_000n };
const SEED = 4242;
const acct = (kind: string, id = 0) => deriveAccount({ seed: SEED, kind, id });
const deployer = acct('deployer');
const utility = acct('utility');
const oracle = acct('oracle');
const forecaster = acct('forecaster');
const voter = acct('voter');
const relayer = acct('relayer');
const regulators = [0, 1, 2].map((i) => acct('regulator', i));
const consumers = [0, 1, 2, 3, 4, 5].map((i) => acct('consumer', i).address);

/** Day D of the events: three days after genesis, so a tier-1 event (24 h notice) can be created for any hour. */
const EVENT_DAY = T0 / DAY + 3n;
const dayStart = EVENT_DAY * DAY;
/** Region 1: stress threshold 1000 kW (stress = 10 × kW); region 2: 777 kW (odd roundings). */
const REGION1_KW = [0, 500, 799, 800, 801, 900, 999, 1000, 1001, 1234, 1499, 1500, 1501, 2000, 2_097_151, 333, 777, 1111, 1444, 7, 9999, 12_345, 100_000, 0];
const REGION2_KW = [1, 776, 777, 778, 1000, 1165, 1166, 2000, 3, 620, 700, 1500, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const RATES = [1n, 3n, 7n, 999n, 200_000n, 1_234_567n, 10n ** 15n, 10n ** 18n, 123_456_789_012_345_678_901n, (1n << 128n) - 1n];

type Hours24 = readonly [number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number];
const hours24 = (kw: readonly number[]): Hours24 => {
  expect(kw).toHaveLength(24);
  return kw as unknown as Hours24;
};

let node: ChainNode;
let engine: TxEngine;
let system: DeploySystemResult;
let now: bigint;
/** Event id → what we asked for (the chain's payoutTerms must be these). */
const created: { eventId: bigint; rate: bigint; tier: number; stressBps: bigint; start: bigint }[] = [];

const exec = async (calls: Call[], seconds = 12n) => {
  now += seconds;
  return engine.execute({ calls, timestamp: now });
};
const mineAt = async (timestamp: bigint) => {
  now = timestamp;
  await engine.mine({ timestamp: now });
};

beforeAll(async () => {
  node = await startAnvil({ hardfork: 'cancun', genesisTimestamp: T0 });
  await fundAccounts({
    node,
    addresses: [deployer, utility, oracle, forecaster, voter, relayer, ...regulators].map((a) => a.address),
    balance: parseEther('1000'),
  });
  engine = createTxEngine({ node, fees: FEES });
  system = await deploySystem({
    engine,
    deployer,
    actors: {
      guardian: acct('guardian').address,
      oracle: oracle.address,
      forecaster: forecaster.address,
      kycProvider: acct('kyc').address,
      arbiter: acct('arbiter').address,
      regulators: regulators.map((r) => r.address),
    },
    timestamp: T0 + 12n,
    settings: { thresholds: [{ region: 1, stressKw: 1000, emergencyKw: 1500 }, { region: 2, stressKw: 777, emergencyKw: 900 }] },
    mints: [
      { token: 'GridToken', to: utility.address, amount: 10n ** 30n },
      { token: 'PeaklabGovToken', to: voter.address, amount: 10n ** 20n },
    ],
  });
  now = system.lastTimestamp;
  const c = system.contracts;
  const a = system.addresses;

  // the utility applies with its bond; the voter delegates its votes to itself (for the governance step later)
  const minBond = (await c.utilityRegistry.read.config()).minBond;
  await exec([
    writeCall({ account: utility, contract: c.gridToken, functionName: 'approve', args: [a.utilityRegistry, minBond], gas: GAS }),
    writeCall({ account: utility, contract: c.utilityRegistry, functionName: 'submitApplication', args: [keccak256(toHex('creds')), 'ipfs://utility', minBond], gas: GAS }),
    writeCall({ account: voter, contract: c.govToken, functionName: 'delegate', args: [voter.address], gas: GAS }),
  ]);
  // two regulators approve, one attests the two required compliance flags → Active; the forecaster commits D's forecasts
  const [pack1, pack2] = await Promise.all([
    c.loadForecast.read.pack([hours24(REGION1_KW)]),
    c.loadForecast.read.pack([hours24(REGION2_KW)]),
  ]);
  const expiry = now + 365n * DAY;
  await exec([
    writeCall({ account: regulators[0], contract: c.utilityRegistry, functionName: 'approveUtility', args: [utility.address], gas: GAS }),
    writeCall({ account: regulators[1], contract: c.utilityRegistry, functionName: 'approveUtility', args: [utility.address], gas: GAS }),
    writeCall({ account: regulators[0], contract: c.utilityRegistry, functionName: 'attestCompliance', args: [utility.address, 0, expiry], gas: GAS }),
    writeCall({ account: regulators[0], contract: c.utilityRegistry, functionName: 'attestCompliance', args: [utility.address, 1, expiry], gas: GAS }),
    writeCall({ account: forecaster, contract: c.loadForecast, functionName: 'commitForecast', args: [1, Number(EVENT_DAY), 1, pack1], gas: GAS }),
    writeCall({ account: forecaster, contract: c.loadForecast, functionName: 'commitForecast', args: [2, Number(EVENT_DAY), 1, pack2], gas: GAS }),
  ]);
  expect(await c.utilityRegistry.read.isActive([utility.address])).toBe(true);

  // one event per (region, hour) with a forecast: tiers 1–4 in turn, the rates in turn
  const calls: Call[] = [];
  const tierMultiplier = [0, 10_000, 12_500, 15_000, 20_000];
  let k = 0;
  for (const [region, kw, stressKw] of [[1, REGION1_KW, 1000n], [2, REGION2_KW.slice(0, 12), 777n]] as const) {
    for (let hour = 0; hour < kw.length; hour++) {
      const tier = 1 + (k % 4);
      const rate = RATES[k % RATES.length];
      const start = dayStart + BigInt(hour) * HOUR;
      calls.push(
        writeCall({
          account: utility,
          contract: c.reductionRequests,
          functionName: 'createEvent',
          args: [{ region, start, duration: 3600, tier, targetKw: 50n, rate, baselineMethodId: 1, token: a.gridToken }],
          gas: GAS,
        }),
      );
      created.push({ eventId: BigInt(k + 1), rate, tier: tierMultiplier[tier], stressBps: (BigInt(kw[hour]) * 10_000n) / stressKw, start });
      k++;
    }
  }
  await exec(calls);
});

afterAll(async () => {
  await node?.stop();
});

/** The governed rule as the distributor holds it now. */
const rulesOnChain = async (): Promise<PayoutRules> => {
  const d = system.contracts.incentiveDistributor;
  const [minComplianceBps, bonusSlopeBps, bonusCapBps, [x, y]] = await Promise.all([
    d.read.minComplianceBps(),
    d.read.bonusSlopeBps(),
    d.read.bonusCapBps(),
    d.read.priceCurve(),
  ]);
  return { minComplianceBps: BigInt(minComplianceBps), bonusSlopeBps: BigInt(bonusSlopeBps), bonusCapBps: BigInt(bonusCapBps), priceCurve: { x: [...x], y: [...y] } };
};

/** Seeded (delivered, committed) inputs for one event: the edge cases of `rules`, then random ones. */
const inputsFor = (random: () => number, rules: PayoutRules): [bigint, bigint][] => {
  const int = (max: number) => BigInt(Math.floor(random() * max));
  const committed = 1n + int(10_000_000);
  const at = (complianceBps: bigint) => (committed * complianceBps + 9999n) / 10_000n; // smallest delivery reaching it
  const min = BigInt(rules.minComplianceBps);
  const slope = BigInt(rules.bonusSlopeBps);
  const cap = BigInt(rules.bonusCapBps);
  const capAt = slope === 0n ? 20_000n : 10_000n + (cap * 10_000n + slope - 1n) / slope; // compliance where the cap binds
  const inputs: [bigint, bigint][] = [
    [at(min) - 1n, committed], // just below the minimum compliance
    [at(min), committed], // exactly the minimum
    [committed, committed], // exactly 100 %
    [committed + 1n, committed], // just above 100 %
    [at(capAt) - 1n, committed], // just below the cap
    [at(capAt), committed], // at the bonus cap
    [committed * 3n, committed], // well past the cap
    [int(1_000_000), 0n], // nothing committed
    [0n, committed], // nothing delivered
    [1n << BigInt(60 + Math.floor(random() * 40)), 1n], // saturated compliance, large delivery (may overflow)
    [(1n << 255n) + int(1000), 7n], // overflowing payout: both sides must revert
  ];
  for (let i = 0; i < 6; i++) {
    const c = 1n + int(1_000_000_000);
    inputs.push([(c * int(30_000)) / 10_000n, c]);
  }
  return inputs.filter(([d]) => d >= 0n);
};

type Outcome = { amount: bigint } | { reverted: true };
const show = (outcome: Outcome): string => ('reverted' in outcome ? 'reverted' : outcome.amount.toString());

/** Compares quotePayout on chain with the mirror for every created event; returns how many quotes were compared. */
const compareQuotes = async (seed: string): Promise<{ compared: number; reverted: number; zero: number }> => {
  const rules = await rulesOnChain();
  const random = seedrandom(seed);
  const d = system.contracts.incentiveDistributor;
  const rr = system.contracts.reductionRequests;
  const cases: { eventId: bigint; delivered: bigint; committed: bigint; terms: { rate: bigint; tierMultiplierBps: number; stressBps: number } }[] = [];
  for (const event of created) {
    const [rate, tierMultiplierBps, stressBps] = await rr.read.payoutTerms([event.eventId]);
    // the terms ReductionRequests froze are exactly what we asked for
    expect([rate, BigInt(tierMultiplierBps), BigInt(stressBps)]).toEqual([event.rate, BigInt(event.tier), event.stressBps]);
    for (const [delivered, committed] of inputsFor(random, rules)) cases.push({ eventId: event.eventId, delivered, committed, terms: { rate, tierMultiplierBps, stressBps } });
  }
  const onChain: Outcome[] = await Promise.all(
    cases.map((q) =>
      d.read.quotePayout([q.eventId, q.delivered, q.committed]).then(
        (amount) => ({ amount }),
        () => ({ reverted: true as const }),
      ),
    ),
  );
  let reverted = 0;
  let zero = 0;
  const mismatches: string[] = [];
  cases.forEach((q, i) => {
    let mirror: Outcome;
    try {
      mirror = { amount: quotePayout({ terms: q.terms, rules, deliveredWh: q.delivered, committedWh: q.committed }).amount };
    } catch {
      mirror = { reverted: true };
    }
    const chain = onChain[i];
    if ('reverted' in chain) reverted++;
    else if (chain.amount === 0n) zero++;
    if (show(mirror) !== show(chain)) {
      mismatches.push(`event ${q.eventId} delivered ${q.delivered} committed ${q.committed}: mirror ${show(mirror)}, chain ${show(chain)}`);
    }
  });
  expect(mismatches).toEqual([]);
  return { compared: cases.length, reverted, zero };
};

describe('the payout mirror on a real chain', () => {
  it('quotePayout equals the deployed IncentiveDistributor under the default rule', async () => {
    const rules = await rulesOnChain();
    expect(rules).toEqual(defaultPayoutRules);
    // stress at or below the first breakpoint (0 kW → 0 bps) and above the last (2,097,151 kW → 20,971,510 bps) occur
    expect(created.some((e) => e.stressBps === 0n) && created.some((e) => e.stressBps > 15_000n)).toBe(true);
    const { compared, reverted, zero } = await compareQuotes('default-rule');
    expect(compared).toBeGreaterThanOrEqual(500);
    expect(reverted).toBeGreaterThan(0); // the overflow cases really reverted on chain (and in the mirror)
    expect(zero).toBeGreaterThan(0); // below minimum compliance / nothing committed paid 0 on both sides
  });

  it('a root built by entitlementTree from the CumulativeLedger is accepted by real claims, twice', async () => {
    const c = system.contracts;
    const a = system.addresses;
    const program = { utility: utility.address, token: a.gridToken };
    const ledger = new CumulativeLedger();
    const rules = await rulesOnChain();
    const settle = async (event: (typeof created)[number], deliveries: [bigint, bigint][]) => {
      // the event is over: the oracle posts totals (no on-chain opt-ins here) and finalises it
      if (now < event.start + HOUR) await mineAt(event.start + HOUR);
      const payouts = consumers.map((account, i) => {
        const [deliveredWh, committedWh] = deliveries[i];
        return { account, amount: quotePayout({ terms: { rate: event.rate, tierMultiplierBps: event.tier, stressBps: event.stressBps }, rules, deliveredWh, committedWh }).amount };
      });
      // the mirror's per-consumer amounts are what the chain quotes
      const quoted = await Promise.all(consumers.map((_, i) => c.incentiveDistributor.read.quotePayout([event.eventId, ...deliveries[i]])));
      expect(crossCheck({ expected: payouts, onChain: consumers.map((account, i) => ({ account, amount: quoted[i] })) }).mismatches).toEqual([]);
      ledger.creditEvent({ ...program, eventId: event.eventId, payouts });
      const next = ledger.nextRoot(program);
      await exec([
        writeCall({ account: oracle, contract: c.reductionRequests, functionName: 'postResults', args: [event.eventId, 12_345n, 0, keccak256(toHex(`results ${event.eventId}`))], gas: GAS }),
        writeCall({ account: oracle, contract: c.reductionRequests, functionName: 'finalize', args: [event.eventId], gas: GAS }),
        writeCall({ account: utility, contract: c.gridToken, functionName: 'approve', args: [a.incentiveDistributor, next.total], gas: GAS }),
        writeCall({ account: utility, contract: c.incentiveDistributor, functionName: 'fund', args: [a.gridToken, next.total], gas: GAS }),
        writeCall({ account: oracle, contract: c.incentiveDistributor, functionName: 'postRoot', args: [utility.address, a.gridToken, next.root, next.total, next.eventIds], gas: GAS }),
      ]);
      ledger.markPosted({ ...program, eventIds: next.eventIds });
      await mineAt(now + 2n * DAY); // the dispute window passes
      return next;
    };

    // event 8 (tier 4, 10^18 per kWh, stress 10000): six consumers, one below the minimum compliance (no leaf)
    const first = await settle(created[7], [
      [1000n, 1000n],
      [1500n, 1000n],
      [4000n, 1000n],
      [499n, 1000n],
      [7777n, 7000n],
      [1n, 3n],
    ]);
    expect(first.leaves.map((l) => l.account)).not.toContain(consumers[3]);
    const [alice, ...others] = first.leaves;
    const balance = (who: Address) => c.gridToken.read.balanceOf([who]);
    // one consumer claims on its own (through a relayer), the others in one claimBatch
    await exec([writeCall({ account: relayer, contract: c.incentiveDistributor, functionName: 'claim', args: [utility.address, a.gridToken, alice.account, alice.cumulative, first.proofFor(alice.account)], gas: GAS })]);
    expect(await balance(alice.account)).toBe(alice.cumulative);
    await exec([
      writeCall({
        account: relayer,
        contract: c.incentiveDistributor,
        functionName: 'claimBatch',
        args: [utility.address, a.gridToken, others.map((l) => ({ account: l.account, cumulative: l.cumulative, proof: first.proofFor(l.account) }))],
        gas: 'estimate',
      }),
    ]);
    for (const leaf of others) expect(await balance(leaf.account)).toBe(leaf.cumulative);

    // event 14 settles with a second, cumulative root: a claim pays only the increase
    const second = await settle(created[13], [
      [2000n, 1000n],
      [0n, 1000n],
      [1000n, 1000n],
      [900n, 1000n],
      [1n, 1n],
      [5n, 10n],
    ]);
    const aliceNow = second.leaves.find((l) => l.account === alice.account)!;
    expect(aliceNow.cumulative).toBeGreaterThan(alice.cumulative);
    // a forged cumulative with a real proof is rejected
    const forged = await engine
      .execute({
        calls: [writeCall({ account: relayer, contract: c.incentiveDistributor, functionName: 'claim', args: [utility.address, a.gridToken, alice.account, aliceNow.cumulative + 1n, second.proofFor(alice.account)], gas: 300_000n })],
        timestamp: (now += 12n),
        onRevert: 'return',
      })
      .then((r) => r.results[0].error?.shortMessage);
    expect(forged).toMatch(/InvalidProof/);
    await exec([
      writeCall({
        account: relayer,
        contract: c.incentiveDistributor,
        functionName: 'claimBatch',
        args: [utility.address, a.gridToken, second.leaves.map((l) => ({ account: l.account, cumulative: l.cumulative, proof: second.proofFor(l.account) }))],
        gas: 'estimate',
      }),
    ]);
    // every account now holds exactly its cumulative entitlement, and the chain's claimedOf agrees with the ledger
    const claimed = await Promise.all(consumers.map((account) => c.incentiveDistributor.read.claimedOf([utility.address, a.gridToken, account])));
    for (const account of consumers) expect(await balance(account)).toBe(ledger.cumulativeOf({ ...program, account }));
    const check = crossCheck({
      expected: consumers.map((account) => ({ account, amount: ledger.cumulativeOf({ ...program, account }) })),
      onChain: consumers.map((account, i) => ({ account, amount: claimed[i] })),
    });
    expect(check).toEqual({ consumersChecked: consumers.length, mismatches: [] });
    expect((await c.incentiveDistributor.read.programOf([utility.address, a.gridToken])).paid).toBe(ledger.total(program));
  });

  it('still equals the chain after governance changes the performance parameters and the price curve', async () => {
    const c = system.contracts;
    const a = system.addresses;
    const performance = [7500, 12_345, 4321] as const;
    // first breakpoint above 0 (stress below it clamps), a rise, then falling segments (y − ceil rounding)
    const curve = { x: [2000n, 9000n, 12_000n, 30_000n, 100_000n], y: [15_000n, 9000n, 13_777n, 10_001n, 9999n] };
    const { encodeFunctionData } = await import('viem');
    const targets = [a.incentiveDistributor, a.incentiveDistributor] as const;
    const values = [0n, 0n] as const;
    const calldatas = [
      encodeFunctionData({ abi: c.incentiveDistributor.abi, functionName: 'setPerformanceParams', args: performance }),
      encodeFunctionData({ abi: c.incentiveDistributor.abi, functionName: 'setPriceCurve', args: [curve.x, curve.y] }),
    ] as Hex[];
    const description = 'Tighter compliance, steeper bonus, new price curve';
    const descriptionHash = keccak256(toHex(description));
    await exec([writeCall({ account: voter, contract: c.governor, functionName: 'propose', args: [[...targets], [...values], calldatas, description], gas: GAS })]);
    const proposalId = await c.governor.read.hashProposal([[...targets], [...values], calldatas, descriptionHash]);
    const delay = await c.governor.read.votingDelay();
    const period = await c.governor.read.votingPeriod();
    await exec([writeCall({ account: voter, contract: c.governor, functionName: 'castVote', args: [proposalId, 1], gas: GAS })], delay + 1n);
    await exec([writeCall({ account: voter, contract: c.governor, functionName: 'queue', args: [[...targets], [...values], calldatas, descriptionHash], gas: GAS })], period + 1n);
    await exec([writeCall({ account: voter, contract: c.governor, functionName: 'execute', args: [[...targets], [...values], calldatas, descriptionHash], gas: GAS })], await c.timelock.read.getMinDelay());

    const rules = await rulesOnChain();
    expect(rules).toEqual({ minComplianceBps: 7500n, bonusSlopeBps: 12_345n, bonusCapBps: 4321n, priceCurve: curve });
    expect(created.some((e) => e.stressBps < 2000n) && created.some((e) => e.stressBps > 12_000n && e.stressBps < 30_000n)).toBe(true);
    const { compared, reverted } = await compareQuotes('governed-rule');
    expect(compared).toBeGreaterThanOrEqual(500);
    expect(reverted).toBeGreaterThan(0);
  });
});
