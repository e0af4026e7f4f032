import { z } from 'zod';
import { nonNegativeNumber, unitInterval } from './fields.ts';

/** The chain fee models a run's gas is priced under (docs/cost-effectiveness.md). */
export const FEE_MODELS = ['l1', 'l2'] as const;
export type FeeModelName = (typeof FEE_MODELS)[number];

/**
 * PJM's 2025/2026 Base Residual Auction cleared the RTO at $269.92/MW-day (PJM, 30 July 2024): × 365 / 1000 =
 * $98.52/kW-year, the default value of a kW of peak avoided.
 */
export const PJM_2025_26_RTO_USD_PER_KW_YEAR = 98.52;

/** How a run's cost-effectiveness is judged (California Standard Practice Manual tests; docs/cost-effectiveness.md). */
export const costEffectivenessSchema = z
  .strictObject({
    avoidedCapacityUsdPerKwYear: nonNegativeNumber
      .default(PJM_2025_26_RTO_USD_PER_KW_YEAR)
      .describe(
        'Value of one kW of system peak avoided for a year (USD/kW-year), prorated to the period (× days / 365). Default 98.52: ' +
          'the PJM 2025/2026 Base Residual Auction RTO clearing price, $269.92/MW-day (PJM, 30 July 2024), × 365 / 1000.',
      ),
    participantCostShare: unitInterval
      .default(1)
      .describe(
        'Participant cost (value of service lost, transaction costs) as a share of the incentives paid, for the TRC test. ' +
          'CPUC D.10-12-024 (2010 DR cost-effectiveness protocols, §4.2.2) asks for these costs but finds them hard to quantify; ' +
          'a participant who takes part values them at most at the incentive, so the default 1 is the upper bound (TRC = PAC when ' +
          'there is no participant equipment).',
      ),
    feeModel: z
      .enum(FEE_MODELS, { error: `expected one of ${FEE_MODELS.join(', ')}` })
      .default('l1')
      .describe('Which chain fee model (gas.feeModels in summary.json) prices the gas of programCostUsd: "l1" (chain.gasPriceGwei) or "l2" (chain.l2).'),
    minPeakReductionPct: nonNegativeNumber
      .default(0.5)
      .describe('usdPerKwPeakReduced is null unless the system peak fell by at least this share of the baseline peak (%), so noise is not priced per kW.'),
  })
  .prefault({})
  .describe('Cost-effectiveness on every run: program cost, avoided capacity and energy, PAC and TRC benefit/cost ratios (docs/cost-effectiveness.md).');

export type CostEffectivenessSettings = z.output<typeof costEffectivenessSchema>;
