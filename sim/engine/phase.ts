import type { SimDay } from '../agents/index.ts';
import type { Call } from '../chain/index.ts';
import type { CalledEvent } from './callEvent.ts';
import type { RunContext } from './runContext.ts';
import type { ChainEvent, RunState } from './runState.ts';

/**
 * Where a phase runs: one day of the simulation (or the closing step after the last day) at the phase's clock
 * time. Built by the day loop (`runDays`); phases read it and may hand data to later phases of the same day
 * through `work`.
 */
export interface DayStep {
  /** Simulation day index: 0 … days − 1, or `days` for the closing step. */
  k: number;
  /** Period day index (k − periodOffset): negative on warm-up days. */
  p: number;
  /** The local day (for the closing step: the day after the last one). */
  epochDay: number;
  /** The simulated day (undefined on the closing step). */
  day: SimDay | undefined;
  /** Tomorrow, when it is simulated too. */
  tomorrow: SimDay | undefined;
  /** The running phase's local clock time (hours after midnight) and its chain seconds on this day (set before each phase). */
  hour: number;
  timestamp: bigint;
  /** Scratch of this day only (never kept across days, never serialised). */
  work: DayWork;
}

/** What the phases of one day hand each other. */
export interface DayWork {
  /** The day's routine transactions (actual load, claims), mined in one block with the forecast commit. */
  routine: Call[];
  /** The day-ahead forecast of tomorrow (local hours, system unit) and when it was made. */
  dayAhead?: { decision: number; forecast: Float64Array };
  /** The event the utilities called for tomorrow, on chain. */
  called?: { event: CalledEvent; agentId: number; chainEvents: ChainEvent[]; startSeconds: bigint };
  /** Today's true loads (count × intervals, kW) after any event response, and the event's participants. */
  loads?: { loads: Float64Array; baseLoads: Float64Array | undefined; participants: Uint8Array | undefined; eventWindow: { start: number; end: number } | undefined };
}

/** A phase: reads the run state and context, applies its changes to the state and sends its calls. */
export type Phase = (state: RunState, context: RunContext, step: DayStep) => Promise<void> | void;

/** One line of the schedule. */
export interface ScheduledPhase {
  /** Local clock time, hours after midnight (0.5 = 00:30; 24 = the end of the day). */
  hour: number;
  /** The name a researcher would use (progress and docs). */
  name: string;
  /** Whether the phase acts on this day. */
  on: (step: DayStep, state: RunState) => boolean;
  run: Phase;
}
