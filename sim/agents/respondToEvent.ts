import { UsageError } from '../errors.ts';
import { TIERS, type Program, type TierName } from '../scenario/index.ts';
import { type ConsumerPopulation, isAvailable } from './buildPopulation.ts';
import { counterUniform } from './counterRandom.ts';
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
  /** Incentive per kWh delivered (token units, before the tier multiplier). */
  incentiveRate: number;
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
  /** Effective incentive (rate × tier multiplier) at which opt-out rates apply unchanged. Default: this event's. */
  referenceIncentive?: number;
  /** Elasticity of opt-out to the incentive: opt-out × (reference / effective)^elasticity. Default 0.3. */
  incentiveElasticity?: number;
  /** P(a consumer without standing opt-in opts in to an event). Default 0.5. */
  manualOptIn?: number;
  /** Local time minus UTC in hours on the event day (availability bits are UTC hour-of-week). Default 0. */
  utcOffsetHours?: number;
}

export interface RespondToEventResult {
  /** The loads with curtailment and rebound applied (a new array). */
  loads: Float64Array;
  /** PARTICIPATION code per consumer. */
  status: Uint8Array;
  /** Energy curtailed during the event, per consumer (kWh). */
  curtailedKwh: Float64Array;
  /** Rebound energy added after the event within the load window, per consumer (kWh). */
  reboundKwh: Float64Array;
  /** Rebound energy that falls after the end of the load window (kWh); reboundKwh + this = reboundShare × curtailed. */
  reboundOutsideKwh: Float64Array;
  /** The state after this event. */
  state: EventState;
}

/** Response probability factor of the notice given: 1 − 0.3 · e^(−notice / 2 h) (15 min → 0.74, 4 h → 0.96, 24 h → 1). */
export const noticeFactor = ({ noticeHours }: { noticeHours: number }): number => 1 - 0.3 * Math.exp(-noticeHours / 2);

/**
 * One DR event, consumer by consumer (each decision from the consumer's counter stream keyed by event id):
 * eligibility (tier ≤ maxTier, available at the start hour) → enrolment (standing opt-in, or opt in with
 * `manualOptIn`) → opt-out where the tier allows it, with probability
 * 1 − (1 − optOutRate · (reference / effective incentive)^elasticity) · (1 − fatiguePerEvent)^(events this season)
 * → response with probability responseProbability · (1 − fatiguePerEvent)^(recent events) · noticeFactor.
 * A responder curtails flexibleShare × load in every event interval and consumes reboundShare of the
 * curtailed energy again, spread evenly over reboundHours after the event.
 */
export function respondToEvent({
  population,
  loads,
  intervalsPerHour = 1,
  event,
  tiers,
  state,
  referenceIncentive,
  incentiveElasticity = 0.3,
  manualOptIn = 0.5,
  utcOffsetHours = 0,
}: RespondToEventParameters): RespondToEventResult {
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
  const rule = tiers[event.tier];
  const tierNumber = TIERS.indexOf(event.tier) + 1;
  const effective = event.incentiveRate * (rule.incentiveMultiplierBps / 10_000);
  const reference = referenceIncentive ?? effective;
  const incentiveFactor = effective > 0 ? (reference / effective) ** incentiveElasticity : Number.POSITIVE_INFINITY;
  const notice = noticeFactor({ noticeHours: event.noticeHours });
  const mondayBased = (event.day.weekday + 6) % 7;
  const hourOfWeek = Math.floor(mondayBased * 24 + event.startHour - utcOffsetHours);
  const newSeason = event.day.year !== state.season;
  const seasonEvents = newSeason ? new Uint16Array(n) : state.seasonEvents.slice();
  const recentEvents = state.recentEvents.slice();
  const lastEventDay = state.lastEventDay.slice();
  const out = loads.slice();
  const status = new Uint8Array(n);
  const curtailedKwh = new Float64Array(n);
  const reboundKwh = new Float64Array(n);
  const reboundOutsideKwh = new Float64Array(n);
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
    const key = population.behaviourKey[i]!;
    if (population.autoEnroll[i] === 0 && !(counterUniform(key, e, 0) < manualOptIn)) {
      status[i] = PARTICIPATION.notOptedIn;
      continue;
    }
    if (event.day.epochDay - lastEventDay[i]! > population.fatigueRecoveryDays[i]!) recentEvents[i] = 0;
    const keep = 1 - population.fatiguePerEvent[i]!;
    if (rule.optOutAllowed) {
      const base = Math.min(1, population.optOutRate[i]! * incentiveFactor);
      const pOptOut = 1 - (1 - base) * keep ** seasonEvents[i]!;
      if (counterUniform(key, e, 1) < pOptOut) {
        status[i] = PARTICIPATION.optedOut;
        continue;
      }
    }
    const pRespond = population.responseProbability[i]! * keep ** recentEvents[i]! * notice;
    if (!(counterUniform(key, e, 2) < pRespond)) {
      status[i] = PARTICIPATION.noResponse;
      continue;
    }
    status[i] = PARTICIPATION.responded;
    seasonEvents[i] = Math.min(0xffff, seasonEvents[i]! + 1);
    recentEvents[i] = Math.min(0xffff, recentEvents[i]! + 1);
    lastEventDay[i] = event.day.epochDay;
    const row = i * width;
    const share = population.flexibleShare[i]!;
    let curtailedKw = 0; // Σ kW over event intervals
    for (let t = start; t < start + length; t++) {
      const c = share * out[row + t]!;
      out[row + t] = out[row + t]! - c;
      curtailedKw += c;
    }
    curtailedKwh[i] = curtailedKw / intervalsPerHour;
    const reboundIntervals = population.reboundHours[i]! * intervalsPerHour;
    const reboundEnergy = population.reboundShare[i]! * curtailedKwh[i]!;
    if (reboundIntervals === 0 || reboundEnergy === 0) {
      reboundOutsideKwh[i] = 0;
      continue;
    }
    const kw = reboundEnergy / population.reboundHours[i]!; // spread evenly: kWh per hour = kW
    let inside = 0;
    for (let k = 0; k < reboundIntervals; k++) {
      const t = start + length + k;
      if (t >= width) break;
      out[row + t] = out[row + t]! + kw;
      inside += 1;
    }
    reboundKwh[i] = (kw * inside) / intervalsPerHour;
    reboundOutsideKwh[i] = reboundEnergy - reboundKwh[i]!;
  }
  return { loads: out, status, curtailedKwh, reboundKwh, reboundOutsideKwh, state: { season: event.day.year, seasonEvents, recentEvents, lastEventDay } };
}
