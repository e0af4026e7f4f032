import { UsageError } from '../errors.ts';
import { TIERS, type Program, type TierName } from '../scenario/index.ts';
import { type ConsumerPopulation, isAvailable } from './buildPopulation.ts';
import { counterUniform } from './counterRandom.ts';
import { incentiveResponse } from './incentiveResponse.ts';
import type { SimDay } from './simDay.ts';

/** What each consumer did in one event (codes of `RespondToEventResult.status`). */
export const PARTICIPATION = {
  /** The event's tier is above the consumer's maxTier. */
  tierNotAccepted: 1,
  /** The consumer's weekly availability excludes the event's start hour. */
  unavailable: 2,
  /** No standing opt-in and the consumer did not opt in to this event. */
  notOptedIn: 3,
  /** Opted out (the tier allows it). */
  optedOut: 4,
  /** Enrolled but did not curtail. */
  noResponse: 5,
  /** Curtailed its flexible share during the event. */
  responded: 6,
} as const;
export type ParticipationCode = (typeof PARTICIPATION)[keyof typeof PARTICIPATION];

/** Per-consumer event history that fatigue is computed from (carried from event to event, in time order). */
export interface EventState {
  /** Calendar year of the season the counts belong to (-1 before the first event). */
  readonly season: number;
  /** Events responded to this season. */
  readonly seasonEvents: Uint16Array;
  /** Events responded to since the last gap of more than fatigueRecoveryDays without one. */
  readonly recentEvents: Uint16Array;
  /** epochDay of the last event responded to (−2^31 = never). */
  readonly lastEventDay: Int32Array;
}

export interface InitialEventStateParameters {
  count: number;
}

/** The event state of consumers that have done no event yet. */
export function initialEventState({ count }: InitialEventStateParameters): EventState {
  return { season: -1, seasonEvents: new Uint16Array(count), recentEvents: new Uint16Array(count), lastEventDay: new Int32Array(count).fill(-0x8000_0000) };
}

export interface DrEvent {
  /** Event id (keys each consumer's decisions for this event). */
  id: number;
  day: SimDay;
  /** Local start hour on `day` (a multiple of the interval). */
  startHour: number;
  durationHours: number;
  tier: TierName;
  /** Hours between announcement and start. */
  noticeHours: number;
  /**
   * Incentive per kWh delivered in USD before the tier multiplier — the program's rate × token price × the event's
   * price factor: one for every consumer, or one per consumer (its own utility's program).
   */
  incentiveRate: number | Float64Array;
}

export interface RespondToEventParameters {
  population: ConsumerPopulation;
  /** count × H loads (kW) whose column 0 is local hour 0 of the event's day; H may span more than a day to hold the rebound. */
  loads: Float64Array;
  intervalsPerHour?: 1 | 4;
  event: DrEvent;
  /** The scenario's tier rules (program.tiers). */
  tiers: Program['tiers'];
  state: EventState;
  /** Elasticity of opt-out to ln(price ratio) (`incentiveResponse`). Default 0.3. */
  incentiveElasticity?: number;
  /** Local time minus UTC in hours on the event day (availability bits are UTC hour-of-week). Default 0. */
  utcOffsetHours?: number;
}

export interface RespondToEventResult {
  /** The loads with pre-cooling, curtailment and rebound applied (a new array). */
  loads: Float64Array;
  /** PARTICIPATION code per consumer. */
  status: Uint8Array;
  /** Energy curtailed during the event, per consumer (kWh). */
  curtailedKwh: Float64Array;
  /** Rebound energy added after the event within the load window, per consumer (kWh). */
  reboundKwh: Float64Array;
  /** Rebound energy that falls after the end of the load window (kWh); reboundKwh + this = reboundShare × curtailed. */
  reboundOutsideKwh: Float64Array;
  /** Pre-cooling energy added before the event within the load window, per consumer (kWh). */
  preCoolKwh: Float64Array;
  /** The state after this event. */
  state: EventState;
}

/** Response probability factor of the notice given: 1 − 0.3 · e^(−notice / 2 h) (15 min → 0.74, 4 h → 0.96, 24 h → 1). */
export const noticeFactor = ({ noticeHours }: { noticeHours: number }): number => 1 - 0.3 * Math.exp(-noticeHours / 2);

/**
 * One DR event, consumer by consumer (each decision from the consumer's counter stream keyed by event id, always
 * the same three uniforms whatever the incentive — common random numbers): eligibility (tier ≤ maxTier,
 * available at the start hour) → enrolment (standing opt-in, or opt in with `incentiveResponse`'s optIn) →
 * opt-out where the tier allows it, with probability 1 − (1 − optOut) · (1 − fatiguePerEvent)^(events this season)
 * → response with probability responseProbability · (1 − fatiguePerEvent)^(recent events) · noticeFactor, at
 * the depth `incentiveResponse` gives (none at a zero rate). A responder curtails depth × load in every event
 * interval, consumes preCoolShare of that energy over preCoolHours before the event and reboundShare of it over
 * reboundHours after.
 */
export function respondToEvent({ population, loads, intervalsPerHour = 1, event, tiers, state, incentiveElasticity = 0.3, utcOffsetHours = 0 }: RespondToEventParameters): RespondToEventResult {
  const n = population.count;
  if (n === 0 || loads.length % n !== 0) {
    throw new UsageError(`respondToEvent: loads has ${loads.length} values, not a multiple of ${n} consumers`, { hint: 'Pass the count × H loads of the population.' });
  }
  const width = loads.length / n;
  const start = event.startHour * intervalsPerHour;
  const length = event.durationHours * intervalsPerHour;
  if (!Number.isInteger(start) || !Number.isInteger(length) || start < 0 || length <= 0 || start + length > width) {
    throw new UsageError(`respondToEvent: event ${event.id} (start ${event.startHour} h, ${event.durationHours} h) does not fit whole intervals of the ${width}-interval load window`, {
      hint: 'Start and duration must be whole intervals inside the window.',
    });
  }
  if (typeof event.incentiveRate !== 'number' && event.incentiveRate.length !== n) {
    throw new UsageError(`respondToEvent: ${event.incentiveRate.length} incentive rates for ${n} consumers`, { hint: 'Pass one rate, or one per consumer.' });
  }
  const rule = tiers[event.tier];
  const tierNumber = TIERS.indexOf(event.tier) + 1;
  const multiplier = rule.incentiveMultiplierBps / 10_000;
  const rates = event.incentiveRate;
  const rateOf = (i: number): number => (typeof rates === 'number' ? rates : rates[i]!);
  const notice = noticeFactor({ noticeHours: event.noticeHours });
  const mondayBased = (event.day.weekday + 6) % 7;
  const hourOfWeek = Math.floor(mondayBased * 24 + event.startHour - utcOffsetHours);
  const newSeason = event.day.year !== state.season;
  const seasonEvents = newSeason ? new Uint16Array(n) : state.seasonEvents.slice();
  const recentEvents = state.recentEvents.slice();
  const lastEventDay = state.lastEventDay.slice();
  const out = loads.slice();
  const status = new Uint8Array(n);
  const energy = { curtailedKwh: new Float64Array(n), reboundKwh: new Float64Array(n), reboundOutsideKwh: new Float64Array(n), preCoolKwh: new Float64Array(n) };
  const e = event.id;

  for (let i = 0; i < n; i++) {
    if (tierNumber > population.maxTier[i]!) {
      status[i] = PARTICIPATION.tierNotAccepted;
      continue;
    }
    if (!isAvailable({ population, consumer: i, hourOfWeek })) {
      status[i] = PARTICIPATION.unavailable;
      continue;
    }
    const response = incentiveResponse({
      incentiveUsdPerKwh: rateOf(i) * multiplier,
      retailUsdPerKwh: population.retailUsdPerKwh[i]!,
      arcSlope: population.arcSlope[i]!,
      responseProbability: population.responseProbability[i]!,
      flexibleShare: population.flexibleShare[i]!,
      optInMax: population.optInMax[i]!,
      optInHalfPriceRatio: population.optInHalfPriceRatio[i]!,
      optOutRate: population.optOutRate[i]!,
      optOutReferencePriceRatio: population.optOutReferencePriceRatio[i]!,
      optOutElasticity: incentiveElasticity,
    });
    const key = population.behaviourKey[i]!;
    if (population.autoEnroll[i] === 0 && !(counterUniform(key, e, 0) < response.optIn)) {
      status[i] = PARTICIPATION.notOptedIn;
      continue;
    }
    if (event.day.epochDay - lastEventDay[i]! > population.fatigueRecoveryDays[i]!) recentEvents[i] = 0;
    const keep = 1 - population.fatiguePerEvent[i]!;
    if (rule.optOutAllowed) {
      const pOptOut = 1 - (1 - response.optOut) * keep ** seasonEvents[i]!;
      if (counterUniform(key, e, 1) < pOptOut) {
        status[i] = PARTICIPATION.optedOut;
        continue;
      }
    }
    const pRespond = population.responseProbability[i]! * keep ** recentEvents[i]! * notice;
    if (!(counterUniform(key, e, 2) < pRespond) || !(response.depth > 0)) {
      status[i] = PARTICIPATION.noResponse;
      continue;
    }
    status[i] = PARTICIPATION.responded;
    seasonEvents[i] = Math.min(0xffff, seasonEvents[i]! + 1);
    recentEvents[i] = Math.min(0xffff, recentEvents[i]! + 1);
    lastEventDay[i] = event.day.epochDay;
    shiftLoad({ population, out, width, intervalsPerHour, consumer: i, start, length, depth: response.depth, energy });
  }
  return { loads: out, status, ...energy, state: { season: event.day.year, seasonEvents, recentEvents, lastEventDay } };
}

interface ShiftLoadParameters {
  population: ConsumerPopulation;
  /** The loads being changed (count × width). */
  out: Float64Array;
  width: number;
  intervalsPerHour: number;
  consumer: number;
  /** First event interval and the number of event intervals. */
  start: number;
  length: number;
  /** Share of load curtailed in every event interval. */
  depth: number;
  /** Per-consumer energy accounts written for `consumer`. */
  energy: Pick<RespondToEventResult, 'curtailedKwh' | 'reboundKwh' | 'reboundOutsideKwh' | 'preCoolKwh'>;
}

/** One responder's load change: depth × load off in the event, pre-cooling spread before it, rebound spread after it. */
function shiftLoad({ population, out, width, intervalsPerHour, consumer: i, start, length, depth, energy }: ShiftLoadParameters): void {
  const row = i * width;
  let curtailedKw = 0; // Σ kW over event intervals
  for (let t = start; t < start + length; t++) {
    const c = depth * out[row + t]!;
    out[row + t] = out[row + t]! - c;
    curtailedKw += c;
  }
  const curtailed = curtailedKw / intervalsPerHour;
  energy.curtailedKwh[i] = curtailed;
  const preHours = population.preCoolHours[i]!;
  const preEnergy = population.preCoolShare[i]! * curtailed;
  if (preHours > 0 && preEnergy > 0) {
    const kw = preEnergy / preHours;
    let inside = 0;
    for (let k = 1; k <= preHours * intervalsPerHour && start - k >= 0; k++, inside++) out[row + start - k] = out[row + start - k]! + kw;
    energy.preCoolKwh[i] = (kw * inside) / intervalsPerHour;
  }
  const reboundIntervals = population.reboundHours[i]! * intervalsPerHour;
  const reboundEnergy = population.reboundShare[i]! * curtailed;
  if (reboundIntervals === 0 || reboundEnergy === 0) return;
  const kw = reboundEnergy / population.reboundHours[i]!; // spread evenly: kWh per hour = kW
  let inside = 0;
  for (let k = 0; k < reboundIntervals; k++) {
    const t = start + length + k;
    if (t >= width) break;
    out[row + t] = out[row + t]! + kw;
    inside += 1;
  }
  energy.reboundKwh[i] = (kw * inside) / intervalsPerHour;
  energy.reboundOutsideKwh[i] = reboundEnergy - energy.reboundKwh[i]!;
}
