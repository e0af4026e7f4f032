/**
 * The registry of named customer-baseline methods: a stable numeric id (uint8, what on-chain program
 * parameters store) ↔ a kebab-case name (what scenario files write) ↔ a validated spec. Ids are never
 * reused or renumbered; 0 is reserved for "no baseline".
 *
 * Where a published rule leaves a detail open (or differs between versions of a manual), the choice made
 * here is stated in `notes`. All presets are hourly; ISO rules defined on 5-, 15- or 30-minute intervals are
 * applied to hourly meter data.
 */
import { UsageError } from '../errors.ts';
import { type BaselineMethodSpec, type Exclusions, parseBaselineMethodSpec } from './baselineMethodSpec.ts';

export interface BaselineMethod {
  /** Stable uint8 id, 1..255. */
  readonly id: number;
  /** Stable kebab-case name used in scenario files and reports. */
  readonly name: string;
  /** Human label for tables. */
  readonly label: string;
  /** The published rule this preset follows. */
  readonly source: string;
  /** Choices made where the source is open or ambiguous. */
  readonly notes: string;
  readonly spec: BaselineMethodSpec;
}

const standardExclusions: Exclusions = { eventDays: true, holidays: true, dayAfterEvent: false, lowUsageFraction: null };

function preset(method: Omit<BaselineMethod, 'spec'> & { spec: unknown }): BaselineMethod {
  return Object.freeze({ ...method, spec: parseBaselineMethodSpec({ input: method.spec, where: `BASELINE_METHODS ${method.name}` }) });
}

/** The presets, in id order. */
export const BASELINE_METHODS: readonly BaselineMethod[] = Object.freeze([
  // CAISO, Business Practice Manual for Demand Response, "Customer Load Baseline Methodology" (10-in-10
  // non-event weekdays, 4-in-4 weekend/holiday days, 45-day lookback, load-point (day-of) adjustment from
  // the 3 hours before the hour preceding the event, capped at ±20 %).
  preset({
    id: 1,
    name: 'caiso-10-in-10',
    label: 'CAISO 10-in-10, day-of adj. ±20%',
    source: 'CAISO Business Practice Manual for Demand Response, Customer Load Baseline (10-in-10, day-of adjustment capped at ±20%)',
    notes: 'Ratio adjustment over hours −4..−2 before the event; weekends/holidays use 4 of 4.',
    spec: {
      kind: 'XofY', x: 10, y: 10, pick: 'all', dayType: 'sameType', lookbackDays: 45,
      exclusions: standardExclusions,
      adjustment: { kind: 'ratio', windowHours: 3, gapHours: 1, cap: 0.2 },
      weekend: { x: 4, y: 4, pick: 'all' },
    },
  }),
  // CAISO/CPUC residential baseline (adopted for residential PDR, CPUC D.16-09-056 and CAISO BPM):
  // highest 5 of the last 10 weekdays, weekends highest 2 of the last 4, day-of adjustment capped at ±40 %.
  preset({
    id: 2,
    name: 'caiso-5-in-10-residential',
    label: 'CAISO 5-in-10 residential',
    source: 'CAISO BPM for Demand Response / CPUC D.16-09-056: residential 5-in-10 (weekend 2-in-4) with day-of adjustment capped at ±40%',
    notes: 'Ratio adjustment over hours −4..−2 before the event.',
    spec: {
      kind: 'XofY', x: 5, y: 10, pick: 'high', dayType: 'sameType', lookbackDays: 45,
      exclusions: standardExclusions,
      adjustment: { kind: 'ratio', windowHours: 3, gapHours: 1, cap: 0.4 },
      weekend: { x: 2, y: 4, pick: 'high' },
    },
  }),
  // PJM Manual 11 (Energy & Ancillary Services Market Operations), §10 "Customer Baseline Load": weekday
  // CBL = highest 4 of the 5 most recent weekdays in a 45-day lookback; weekend/holiday = highest 2 of 3
  // like days; event days, holidays and low-usage days (< 25 % of the average) excluded; symmetric
  // additive adjustment from the 3 hours ending 1 hour before the event.
  preset({
    id: 3,
    name: 'pjm-high-4-of-5',
    label: 'PJM High 4 of 5 (wkend 2 of 3), SAA',
    source: 'PJM Manual 11, Customer Baseline Load: High 4 of 5 weekdays / High 2 of 3 weekend days, symmetric additive adjustment',
    notes: 'Low-usage threshold 25% of the mean of the first candidate days; adjustment uncapped.',
    spec: {
      kind: 'XofY', x: 4, y: 5, pick: 'high', dayType: 'sameType', lookbackDays: 45,
      exclusions: { ...standardExclusions, lowUsageFraction: 0.25 },
      adjustment: { kind: 'additive', windowHours: 3, gapHours: 1, cap: null },
      weekend: { x: 2, y: 3, pick: 'high' },
    },
  }),
  // PJM Manual 11 alternative CBL "Same Day (3 + 2)": the average load of the 3 hours before and the 2
  // hours after the event, each separated from the event by one hour. Computed at settlement.
  preset({
    id: 4,
    name: 'pjm-same-day-3-2',
    label: 'PJM Same Day (3+2)',
    source: 'PJM Manual 11, alternative CBL: Same Day (3 + 2)',
    notes: 'One-hour gap on each side of the event; needs load after the event, so it is settled after the event.',
    spec: { kind: 'sameDay', hoursBefore: 3, hoursAfter: 2, gapBefore: 1, gapAfter: 1 },
  }),
  // PJM Manual 11 alternative CBL "Match Day": the load of a prior non-event like day matched to the event
  // day's conditions. Matched here on the daily maximum temperature.
  preset({
    id: 5,
    name: 'pjm-match-day',
    label: 'PJM Match Day (temp.)',
    source: 'PJM Manual 11, alternative CBL: Match Day',
    notes: 'Match on daily maximum temperature among like days of the 45-day lookback; no adjustment.',
    spec: {
      kind: 'matchDay', count: 1, match: 'dailyMaxTemperature', dayType: 'sameType', lookbackDays: 45,
      exclusions: standardExclusions,
      adjustment: { kind: 'none' },
    },
  }),
  // NYISO Emergency Demand Response Program / SCR manuals, "Average Day CBL": the 5 highest of the 10 most
  // recent like weekdays (weekend: 2 highest of 3) in a 30-day window, low-usage days (< 25 %) excluded,
  // with a weather-sensitive (in-day) multiplicative adjustment from the 2 hours starting 4 hours before the
  // event, bounded to 0.8–1.2.
  preset({
    id: 6,
    name: 'nyiso-average-day',
    label: 'NYISO Avg Day 5 of 10, adj. 0.8–1.2',
    source: 'NYISO EDRP/SCR Manual: Average Day CBL (5 highest of 10) with weather-sensitive adjustment bounded 0.8–1.2',
    notes: 'Adjustment window = hours −4..−3 before the event; lookback 30 days.',
    spec: {
      kind: 'XofY', x: 5, y: 10, pick: 'high', dayType: 'sameType', lookbackDays: 30,
      exclusions: { ...standardExclusions, lowUsageFraction: 0.25 },
      adjustment: { kind: 'ratio', windowHours: 2, gapHours: 2, cap: [0.8, 1.2] },
      weekend: { x: 2, y: 3, pick: 'high' },
    },
  }),
  // ERCOT Emergency Response Service (ERS) Technical Requirements & Scope of Work, default baseline
  // "Middle 8-of-10 like days" with a same-day (scalar) adjustment.
  preset({
    id: 7,
    name: 'ercot-middle-8-of-10',
    label: 'ERCOT Middle 8 of 10, scalar adj.',
    source: 'ERCOT ERS Technical Requirements: Middle 8-of-10 like days with same-day scalar adjustment',
    notes: 'Scalar = uncapped ratio over hours −4..−2; weekends use the same rule on weekend days.',
    spec: {
      kind: 'XofY', x: 8, y: 10, pick: 'middle', dayType: 'sameType', lookbackDays: 45,
      exclusions: standardExclusions,
      adjustment: { kind: 'ratio', windowHours: 3, gapHours: 1, cap: null },
    },
  }),
  // ISO New England "90/10" demand response baseline (Market Rule 1, 2012–2018; described in the ISO-NE /
  // NEPOOL joint FERC filing of 2015-10-29 that proposed replacing it with "mean 10 of 10"): a per-hour exponentially weighted rolling average (90 % old, 10 %
  // new) over non-event days, kept separately for weekdays, Saturdays and Sundays/holidays, with an additive
  // adjustment from the hours before dispatch.
  preset({
    id: 8,
    name: 'isone-90-10',
    label: 'ISO-NE 90/10 rolling, additive adj.',
    source: 'ISO New England Market Rule 1 (2012–2018 Demand Response Baseline, "90/10"), ISO-NE/NEPOOL FERC filing of 2015-10-29',
    notes: 'Initialised with the mean of the first 10 like days of a 120-day lookback; adjustment over hours −4..−2, uncapped.',
    spec: {
      kind: 'rolling', weight: 0.1, initDays: 10, lookbackDays: 120, dayType: 'weekdaySaturdaySunday',
      exclusions: standardExclusions,
      adjustment: { kind: 'additive', windowHours: 3, gapHours: 1, cap: null },
    },
  }),
  // National Grid ESO Demand Flexibility Service 2022/23 baseline: the mean of the same periods on the
  // previous 10 working days (event days excluded) plus an additive in-day adjustment from the 3 hours
  // before the event (reported by Utility Week, 2023-06-14, "Demand Flexibility Service adjusted to prevent
  // gaming"; removed/extended for 2023/24 because of gaming).
  preset({
    id: 9,
    name: 'uk-dfs',
    label: 'UK DFS 10 working days, in-day adj.',
    source: 'National Grid ESO Demand Flexibility Service 2022/23 baseline methodology (10 working days + in-day adjustment)',
    notes: 'Additive in-day adjustment over the 3 hours immediately before the event (gap 0); 60-day lookback; hourly instead of half-hourly.',
    spec: {
      kind: 'XofY', x: 10, y: 10, pick: 'all', dayType: 'weekday', lookbackDays: 60,
      exclusions: standardExclusions,
      adjustment: { kind: 'additive', windowHours: 3, gapHours: 0, cap: null },
    },
  }),
  // LBNL time-of-week-and-temperature model: J. L. Mathieu, P. N. Price, S. Kiliccote, M. A. Piette,
  // "Quantifying changes in building electricity use, with application to demand response", IEEE Trans.
  // Smart Grid 2(3), 2011. Temperature bin bounds 55, 65, 75, 80, 90 °F.
  preset({
    id: 10,
    name: 'towt-regression',
    label: 'TOWT regression (LBNL)',
    source: 'Mathieu, Price, Kiliccote, Piette (2011), IEEE Trans. Smart Grid 2(3): time-of-week-and-temperature regression',
    notes: 'Single temperature response (no occupied/unoccupied split); 56 training days; knots 55/65/75/80/90 °F.',
    spec: {
      kind: 'regression', model: 'towt', trainingDays: 56,
      temperatureKnotsC: [12.78, 18.33, 23.89, 26.67, 32.22],
      excludeEventDays: true,
      adjustment: { kind: 'none' },
    },
  }),
]);

export interface FindBaselineMethodParameters {
  /** A preset id (uint8) or name. */
  ref: number | string;
}

/** Looks a preset up by id or name; throws `UsageError` listing the known names otherwise. */
export function findBaselineMethod({ ref }: FindBaselineMethodParameters): BaselineMethod {
  const found = BASELINE_METHODS.find((m) => (typeof ref === 'number' ? m.id === ref : m.name === ref));
  if (found) return found;
  throw new UsageError(`Unknown baseline method ${JSON.stringify(ref)}`, {
    details: `known: ${BASELINE_METHODS.map((m) => `${m.id}=${m.name}`).join(', ')}`,
    hint: 'Use one of the preset ids or names above, or write the spec inline.',
  });
}
