/**
 * The simulated day, in order: clock time → phase. This file is the engine's schedule; each phase is one file in
 * `phases/` (a function of the run state, the run context and the day step, see `phase.ts`). docs/engine.md has
 * the table with each phase's contract calls and "how to add a phase".
 *
 * A phase acts at its local clock time on the simulation clock: the day step hands it `timestamp`, the chain
 * seconds of that time on that day, and its transactions are mined at it (or right after the chain's last block,
 * when an earlier phase of the day already mined later). Phases run in list order; times never decrease.
 */
import { callEvents } from './phases/callEvents.ts';
import { consumerDecisions } from './phases/consumerDecisions.ts';
import { consumerLoadAndResponse } from './phases/consumerLoadAndResponse.ts';
import { meterReadsAndValidation } from './phases/meterReadsAndValidation.ts';
import { forecastsTomorrow, mineRoutineBlock, postActualsAndForecast } from './phases/postActualsAndForecast.ts';
import { postFinalRoots, postRoots } from './phases/postRoots.ts';
import { queueActuals } from './phases/queueActuals.ts';
import { queueClaims } from './phases/queueClaims.ts';
import { settleYesterday } from './phases/settleYesterday.ts';
import type { ScheduledPhase } from './phase.ts';

/** Local hour (next day) the oracle settles the previous day's events. */
export const SETTLE_HOUR = 0.5;
/** Local hour of the day-ahead decision (forecast commit and event call). */
export const DAY_AHEAD_HOUR = 10;
/** Local hour consumers claim at (mined with the day's forecast commit and actuals: one routine block a day). */
export const CLAIM_HOUR = DAY_AHEAD_HOUR;
/** The day's intervals (loads, responses, meter reads, VEE) are simulated once the day is over: nothing on chain. */
export const END_OF_DAY_HOUR = 24;
/** After the last day: the routine block of the last settlement, then the final roots. */
export const CLOSING_ROUTINE_HOUR = 0.75;
export const FINAL_ROOTS_HOUR = 1;

/** Batch sizes: consumers per postOutcomes, per enrollAuto / optInBySig, per claimBatch transaction. */
export const OUTCOME_BATCH = 500;
export const ENROLL_BATCH = 500;
export const CLAIM_BATCH = 100;
/** Whole tokens each utility funds its program with at set-up. */
export const BUDGET_TOKENS = 1_000_000_000_000n;

const inPeriod: ScheduledPhase['on'] = (step) => step.p >= 0;
const settling: ScheduledPhase['on'] = (step, state) => step.p >= 0 && state.yesterday !== undefined;
const everyDay: ScheduledPhase['on'] = () => true;
const dayAhead: ScheduledPhase['on'] = forecastsTomorrow;

/** 00:30, the oracle's settlement of yesterday: on every period day and after the last day. */
const SETTLEMENT: readonly ScheduledPhase[] = [
  { hour: SETTLE_HOUR, name: 'settle yesterday', on: settling, run: settleYesterday },
  { hour: SETTLE_HOUR, name: 'post roots', on: settling, run: postRoots },
  { hour: SETTLE_HOUR, name: 'queue actuals', on: settling, run: queueActuals },
];

/** One simulated day (warm-up days run the same list; `on` says which phases act on which days). */
export const DAY_SCHEDULE: readonly ScheduledPhase[] = [
  ...SETTLEMENT,
  { hour: CLAIM_HOUR, name: 'claims', on: inPeriod, run: queueClaims },
  { hour: DAY_AHEAD_HOUR, name: 'post actuals and forecast', on: everyDay, run: postActualsAndForecast },
  { hour: DAY_AHEAD_HOUR, name: 'call events', on: dayAhead, run: callEvents },
  { hour: DAY_AHEAD_HOUR, name: 'consumer decisions', on: dayAhead, run: consumerDecisions },
  { hour: END_OF_DAY_HOUR, name: 'consumer load and response', on: everyDay, run: consumerLoadAndResponse },
  { hour: END_OF_DAY_HOUR, name: 'meter reads and validation', on: everyDay, run: meterReadsAndValidation },
];

/** After the last day (the step's date is the day after it): settle it, mine the routine block, final roots. */
export const CLOSING_SCHEDULE: readonly ScheduledPhase[] = [
  ...SETTLEMENT,
  { hour: CLOSING_ROUTINE_HOUR, name: 'mine the routine block', on: everyDay, run: mineRoutineBlock },
  { hour: FINAL_ROOTS_HOUR, name: 'final roots', on: everyDay, run: postFinalRoots },
];
