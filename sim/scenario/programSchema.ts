import { z } from 'zod';
import { bps, decimalAmount, hasIssueAt, hours, positiveNumber, unitInterval, wholeNumber, whenValid } from './fields.ts';
import { increasingStress } from './increasingStress.ts';
import { TOKENS } from './tokens.ts';

/** The event tiers of ReductionRequests: 1, 2, 3 and emergency. */
export const TIERS = ['tier1', 'tier2', 'tier3', 'emergency'] as const;
export type TierName = (typeof TIERS)[number];

/** Largest tier multiplier and price factor accepted by the scenario (×10). */
export const MAX_FACTOR_BPS = 100_000;

interface TierDefaults {
  minNoticeHours: number;
  maxDurationHours: number;
  incentiveMultiplierBps: number;
  optOutAllowed: boolean;
}

const TIER_DEFAULTS: Readonly<Record<TierName, TierDefaults>> = {
  tier1: { minNoticeHours: 24, maxDurationHours: 4, incentiveMultiplierBps: 10_000, optOutAllowed: true },
  tier2: { minNoticeHours: 4, maxDurationHours: 4, incentiveMultiplierBps: 15_000, optOutAllowed: true },
  tier3: { minNoticeHours: 1, maxDurationHours: 3, incentiveMultiplierBps: 20_000, optOutAllowed: true },
  emergency: { minNoticeHours: 0.25, maxDurationHours: 2, incentiveMultiplierBps: 30_000, optOutAllowed: false },
};

function tierSchema(name: TierName) {
  const d = TIER_DEFAULTS[name];
  return z
    .strictObject({
      minNoticeHours: hours.default(d.minNoticeHours).describe('Least notice (hours between announcement and start).'),
      maxDurationHours: z
        .number({ error: 'expected hours (a number > 0)' })
        .positive({ error: 'expected hours (a number > 0)' })
        .default(d.maxDurationHours)
        .describe('Longest event of this tier, in hours.'),
      incentiveMultiplierBps: bps(MAX_FACTOR_BPS)
        .default(d.incentiveMultiplierBps)
        .describe(`Payout multiplier in basis points (10000 = ×1, at most ${MAX_FACTOR_BPS}).`),
      optOutAllowed: z.boolean({ error: 'expected true or false' }).default(d.optOutAllowed).describe('Whether consumers may opt out of an event of this tier.'),
    })
    .prefault({})
    .describe(`Rules of ${name === 'emergency' ? 'emergency events' : name.replace('tier', 'tier ')} (governed on-chain).`);
}

const tiersShape = Object.fromEntries(TIERS.map((name) => [name, tierSchema(name)])) as {
  [K in TierName]: ReturnType<typeof tierSchema>;
};

const eventTierSchema = z.enum(['tier1', 'tier2', 'tier3'], { error: 'expected "tier1", "tier2" or "tier3"' });

/** The demand-response program: tiers, rates, baseline, event rules, settlement, payout rule and claims. */
export const programSchema = z
  .strictObject({
    tiers: z.strictObject(tiersShape).prefault({}).describe('Tier 1–3 and emergency rules.'),
    rates: z
      .strictObject(
        Object.fromEntries(
          TOKENS.map((token) => [token, decimalAmount.optional().describe(`Incentive rate in whole ${token} per kWh delivered.`)]),
        ) as { [K in (typeof TOKENS)[number]]: z.ZodOptional<typeof decimalAmount> },
      )
      .refine((rates) => TOKENS.some((token) => rates[token] !== undefined), {
        error: `expected a rate for at least one token (${TOKENS.join(', ')})`,
      })
      .prefault({ pUSD: '0.25' })
      .describe('Incentive rate per kWh in each payout token the program funds (default pUSD 0.25).'),
    baseline: z
      .string({ error: 'expected a baseline method name such as caiso-10-in-10' })
      .regex(/^[a-z0-9][a-z0-9_-]*$/, { error: 'expected a baseline method name (lowercase letters, digits, - and _)' })
      .default('caiso-10-in-10')
      .describe('Customer baseline (CBL) method, by name in the baseline registry (sim/baseline), e.g. caiso-10-in-10, pjm-high-4-of-5.'),
    events: z
      .strictObject({
        trigger: z
          .strictObject({
            metric: z
              .enum(['percentOfPeak', 'kw'], { error: 'expected "percentOfPeak" or "kw"' })
              .default('percentOfPeak')
              .describe('"percentOfPeak": thresholds are % of the highest system load of the previous 365 days; "kw": absolute kW of forecast system load.'),
            stress: positiveNumber
              .default(90)
              .describe('Forecast system load at or above this calls a regular event (% of peak or kW, per `metric`).'),
            emergency: positiveNumber
              .default(97)
              .describe('Forecast system load at or above this calls an emergency event (≥ `stress`).'),
          })
          .superRefine((trigger, ctx) => {
            if (trigger.emergency < trigger.stress) {
              ctx.addIssue({
                code: 'custom',
                path: ['emergency'],
                input: trigger.emergency,
                message: `expected at least the stress threshold (${trigger.stress})`,
              });
            }
          }, whenValid(['stress'], ['emergency']))
          .prefault({})
          .describe('When the day-ahead forecast calls an event.'),
        tier: eventTierSchema.default('tier2').describe('Tier of regular (non-emergency) events.'),
        noticeHours: hours.default(24).describe("Notice given for regular events (≥ that tier's minNoticeHours)."),
        durationHours: z
          .number({ error: 'expected hours (a number > 0)' })
          .positive({ error: 'expected hours (a number > 0)' })
          .default(4)
          .describe("Length of an event in hours (≤ the tier's maxDurationHours)."),
        maxPerSeason: wholeNumber(0, 366).default(15).describe('Most events a utility calls per season (the part of the period within one calendar year).'),
      })
      .prefault({})
      .describe('Event calling rules.'),
    settlement: z
      .strictObject({
        cadence: z
          .enum(['per_event', 'daily', 'weekly'], { error: 'expected "per_event", "daily" or "weekly"' })
          .default('daily')
          .describe('How often a settlement (Merkle root of cumulative entitlements) is posted.'),
        disputeWindowHours: hours.default(48).describe('Hours after a root is posted during which consumers may dispute it; claims open after.'),
      })
      .prefault({})
      .describe('Settlement of payouts.'),
    performance: z
      .strictObject({
        minComplianceBps: bps(10_000).default(5000).describe('Compliance (delivered / committed, bps) below which nothing is paid.'),
        bonusSlopeBps: bps(MAX_FACTOR_BPS).default(5000).describe('Bonus bps per bps of over-delivery above 100 % (10000 = 1:1).'),
        bonusCapBps: bps(MAX_FACTOR_BPS).default(2500).describe('Largest bonus above ×1, in bps.'),
      })
      .prefault({})
      .describe('Performance factor of the payout rule (PayoutMath).'),
    priceFactor: z
      .array(
        z.strictObject({
          stressBps: bps(MAX_FACTOR_BPS).describe('Grid stress at the event (forecast / threshold, bps).'),
          factorBps: bps(MAX_FACTOR_BPS).describe('Price factor at this stress (10000 = ×1).'),
        }),
        { error: 'expected a list of { stressBps, factorBps } breakpoints' },
      )
      .min(1, { error: 'expected at least one breakpoint' })
      .superRefine(increasingStress)
      .default([
        { stressBps: 9000, factorBps: 10_000 },
        { stressBps: 10_000, factorBps: 12_000 },
        { stressBps: 11_000, factorBps: 15_000 },
      ])
      .describe('Price factor: piecewise-linear in grid stress through these breakpoints, clamped at both ends.'),
    claims: z
      .strictObject({
        probabilityPerDay: unitInterval.default(0.2).describe('Probability that a consumer with an unclaimed entitlement claims on a given day.'),
        minAmount: decimalAmount.default('1').describe('Consumers do not claim less than this (whole tokens), to save gas.'),
      })
      .prefault({})
      .describe('Consumer claim behaviour.'),
  })
  .superRefine((program, ctx) => {
    const tier = program.tiers[program.events.tier];
    if (program.events.noticeHours < tier.minNoticeHours) {
      ctx.addIssue({
        code: 'custom',
        path: ['events', 'noticeHours'],
        input: program.events.noticeHours,
        message: `expected at least ${tier.minNoticeHours} h, the minNoticeHours of ${program.events.tier}`,
      });
    }
    if (program.events.durationHours > tier.maxDurationHours) {
      ctx.addIssue({
        code: 'custom',
        path: ['events', 'durationHours'],
        input: program.events.durationHours,
        message: `expected at most ${tier.maxDurationHours} h, the maxDurationHours of ${program.events.tier}`,
      });
    }
  }, {
    // Only the tier events use matters: check it even when another tier or field has a problem.
    when: (payload) => {
      const tier = (payload.value as { events?: { tier?: unknown } } | undefined)?.events?.tier;
      return typeof tier === 'string' && !hasIssueAt(payload, [['tiers', tier], ['events', 'tier'], ['events', 'noticeHours'], ['events', 'durationHours']]);
    },
  })
  .prefault({})
  .describe('The demand-response program.');

export type Program = z.output<typeof programSchema>;
