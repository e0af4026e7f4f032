import { formatNumber } from '../metrics/index.ts';
import { formatTokenAmount, tokenAmountToNumber } from './formatTokenAmount.ts';
import { localWallClock, wallClockIso } from './localWallClock.ts';
import type { RunSummary } from './runDirectorySchema.ts';

/** One line of the KPI table. `id` is stable across runs so `compare` can line rows up. */
export interface KpiRow {
  readonly id: string;
  readonly group: string;
  readonly label: string;
  /** The value in `unit` (human units for tokens), null when the run has none. */
  readonly value: number | null;
  /** Unit shown after the value ("kW", "%", "GRID", "USD", "gas", …). */
  readonly unit: string;
  /** Decimals used for `text` and for deltas. */
  readonly decimals: number;
  /** The value formatted with its unit, e.g. "13,456.6 kW" (exact for token amounts). */
  readonly text: string;
  /** Extra context, e.g. the prices a cost was computed at. */
  readonly detail?: string;
}

export interface KpiRowsParameters {
  summary: RunSummary;
}

const sorted = <T>(record: Record<string, T>): [string, T][] => Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

function row(id: string, group: string, label: string, value: number | null, unit: string, decimals: number, detail?: string): KpiRow {
  const number = formatNumber({ value, decimals, display: true });
  const text = value === null || !Number.isFinite(value) ? '–' : unit === '' ? number : `${number} ${unit}`;
  return detail === undefined ? { id, group, label, value, unit, decimals, text } : { id, group, label, value, unit, decimals, text, detail };
}

const usd = (value: number) => `${formatNumber({ value, decimals: 2, display: true })} USD`;

/** Cost-effectiveness (docs/cost-effectiveness.md) and the gas cost per consumer-event under each fee model; none for older runs. */
function costRows(s: RunSummary): KpiRow[] {
  const rows: KpiRow[] = [];
  const c = s.costEffectiveness;
  if (c !== undefined) {
    rows.push(
      row('costEffectiveness.programCostUsd', 'Cost-effectiveness', 'Program cost (payouts + gas + set-up)', c.programCostUsd, 'USD', 2, `${usd(c.payoutsUsd)} + ${usd(c.gasUsd)} + ${usd(c.setupGasUsd)}`),
      row('costEffectiveness.avoidedCapacityUsd', 'Cost-effectiveness', 'Avoided capacity cost (peak reduction, prorated)', c.avoidedCapacityUsd, 'USD', 2),
      row('costEffectiveness.benefitCostPac', 'Cost-effectiveness', 'Benefit/cost, program administrator test', c.benefitCostPac, '', 3),
      row('costEffectiveness.benefitCostTrc', 'Cost-effectiveness', 'Benefit/cost, total resource cost test', c.benefitCostTrc, '', 3),
      row('costEffectiveness.usdPerKwPeakReduced', 'Cost-effectiveness', 'Program cost per kW of peak reduced', c.usdPerKwPeakReduced, 'USD/kW', 2),
      row('costEffectiveness.netBenefitUsd', 'Cost-effectiveness', 'Net benefit (program administrator test)', c.netBenefitUsd, 'USD', 2),
    );
  }
  for (const [model, cost] of sorted(s.gas.feeModels ?? {})) {
    const label = model === 'l1' ? 'on L1' : model === 'l2' ? 'on an OP Stack L2' : `under ${model}`;
    const price = `at ${formatNumber({ value: cost.gasPriceGwei, decimals: 3, display: true })} gwei${model === 'l2' ? ' plus the L1 data fee' : ''}`;
    rows.push(row(`gas.feeModels.${model}.perConsumerEventUsd`, 'Gas', `Gas cost per consumer-event ${label}`, cost.perConsumerEventUsd, 'USD', 4, `${price}; ${usd(cost.costUsd)} in all`));
  }
  return rows;
}

/** "at 2007-07-09 18:00 local time" for a peak's UTC instant, in the scenario's time zone. */
function peakAt(s: RunSummary, utc: string | undefined): string | undefined {
  if (utc === undefined) return undefined;
  return `at ${wallClockIso(localWallClock({ timezone: s.period.timezone })(Date.parse(utc))).slice(0, 16).replace('T', ' ')} local time`;
}

/** The event-hour reduction next to the peak reduction (sim/metrics peakShift), when the run has it. */
function peakShiftRows(s: RunSummary): KpiRow[] {
  const p = s.peak;
  if (p.reductionAtBaselinePeakKw === undefined) return [];
  return [
    row('peak.eventHourReductionKw', 'Peak', 'Load reduction during event hours (mean)', p.eventHourReductionKw ?? null, 'kW', 1, 'without − with DR, averaged over the intervals with an event'),
    row('peak.reductionAtBaselinePeakKw', 'Peak', 'Load reduction at the hour of the peak without DR', p.reductionAtBaselinePeakKw, 'kW', 1),
  ];
}

/**
 * The KPI table of one run, in display order: peak (with the event-hour reduction beside it), energy, participation, payouts (per token in
 * human units and in USD), gas (total, per consumer-event, USD at the scenario's gas and ETH price),
 * avoided cost and CO2, cost-effectiveness and gas cost per consumer-event under each fee model, meter reads rejected by fault, forecast and baseline accuracy.
 */
export function kpiRows({ summary: s }: KpiRowsParameters): KpiRow[] {
  const rows: KpiRow[] = [
    row('peak.baselineKw', 'Peak', 'Peak load without DR', s.peak.baselineKw, 'kW', 1, peakAt(s, s.peak.baselinePeakTime)),
    row('peak.withDrKw', 'Peak', 'Peak load with DR', s.peak.withDrKw, 'kW', 1, peakAt(s, s.peak.withDrPeakTime)),
    row('peak.reductionKw', 'Peak', 'Peak reduction', s.peak.reductionKw, 'kW', 1),
    row('peak.reductionPct', 'Peak', 'Peak reduction (share of peak without DR)', s.peak.reductionPct, '%', 2),
    ...peakShiftRows(s),
    row('loadFactor.baseline', 'Peak', 'Load factor without DR (mean ÷ peak)', 100 * s.loadFactor.baseline, '%', 1),
    row('loadFactor.withDr', 'Peak', 'Load factor with DR (mean ÷ peak)', 100 * s.loadFactor.withDr, '%', 1),
    row('energy.curtailedKwh', 'Energy', 'Energy curtailed during events', s.energy.curtailedKwh, 'kWh', 1),
    row('energy.reboundKwh', 'Energy', 'Rebound energy after events', s.energy.reboundKwh, 'kWh', 1),
    row('consumers', 'Participation', 'Registered consumers', s.consumers, 'consumers', 0),
    row('events', 'Participation', 'DR events called', s.events, 'events', 0),
    row('participants.total', 'Participation', 'Consumer-events that took part', s.participants.total, 'consumer-events', 0),
    row('participants.meanPerEvent', 'Participation', 'Participants per event (mean)', s.participants.meanPerEvent, 'consumers', 1),
  ];
  for (const [token, total] of sorted(s.payouts.totalByToken)) {
    const decimals = s.payouts.decimals[token] ?? 0;
    const amount = BigInt(total);
    rows.push({
      ...row(`payouts.total.${token}`, 'Payouts', `Payouts in ${token}`, tokenAmountToNumber({ amount, decimals }), token, 2),
      text: `${formatTokenAmount({ amount, decimals })} ${token}`,
      detail: `${total} smallest units, ${decimals} decimals`,
    });
  }
  for (const [token, mean] of sorted(s.payouts.meanPerParticipant)) {
    const decimals = s.payouts.decimals[token] ?? 0;
    const amount = BigInt(mean);
    rows.push({
      ...row(`payouts.meanPerParticipant.${token}`, 'Payouts', `Mean payout per participant in ${token}`, tokenAmountToNumber({ amount, decimals }), token, 4),
      text: `${formatTokenAmount({ amount, decimals, fractionDigits: 4 })} ${token}`,
    });
  }
  rows.push(
    row('payouts.totalUsd', 'Payouts', 'Payouts, all tokens', s.payouts.totalUsd, 'USD', 2, 'at the scenario’s token prices'),
    row('payouts.gini', 'Payouts', 'Gini coefficient of payouts (0 = equal)', s.payouts.gini, '', 3),
    row('gas.total', 'Gas', 'Gas used, all transactions', s.gas.total, 'gas', 0),
    row('gas.perConsumerEvent', 'Gas', 'Gas per consumer-event', s.gas.perConsumerEvent, 'gas', 0),
    row(
      'gas.costUsd',
      'Gas',
      'Gas cost',
      s.gas.costUsd,
      'USD',
      2,
      `at ${formatNumber({ value: s.gas.gasPriceGwei, decimals: 2, display: true })} gwei and ${formatNumber({ value: s.gas.ethUsd, decimals: 2, display: true })} USD/ETH`,
    ),
    row('avoided.costUsd', 'Avoided', 'Avoided wholesale energy cost', s.avoided.costUsd, 'USD', 2),
    row('avoided.co2Kg', 'Avoided', 'Avoided CO₂ emissions', s.avoided.co2Kg, 'kg CO₂', 1),
    ...costRows(s),
    row(
      'meters.readsRejected',
      'Meters',
      'Meter reads rejected',
      s.meters.readsRejected,
      'reads',
      0,
      `of ${formatNumber({ value: s.meters.reads, display: true })} reads (${formatNumber({ value: s.meters.reads > 0 ? (100 * s.meters.readsRejected) / s.meters.reads : null, decimals: 3, display: true })}%)`,
    ),
  );
  for (const [fault, count] of sorted(s.meters.byFault)) {
    rows.push(row(`meters.byFault.${fault}`, 'Meters', `Reads rejected: ${fault}`, count, 'reads', 0));
  }
  if (s.forecast !== undefined) rows.push(row('forecast.mapePct', 'Accuracy', `Forecast MAPE (${s.forecast.model})`, s.forecast.mapePct, '%', 2, 'day-ahead forecast against the load without DR'));
  if (s.baseline !== undefined) {
    rows.push(
      row('baseline.biasPct', 'Accuracy', `Baseline bias (${s.baseline.method})`, s.baseline.biasPct, '%', 2),
      row('baseline.rrmsePct', 'Accuracy', `Baseline relative RMSE (${s.baseline.method})`, s.baseline.rrmsePct, '%', 2),
    );
  }
  if (s.crossCheck !== undefined) {
    rows.push(
      row('crossCheck.mismatches', 'Accuracy', 'On-chain vs TypeScript payout mismatches', s.crossCheck.mismatches, 'consumers', 0, `of ${formatNumber({ value: s.crossCheck.consumersChecked, display: true })} checked`),
    );
  }
  return rows;
}
