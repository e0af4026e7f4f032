import { type ChainNode, type DeploySystemResult, openNode, type TxEngine } from '../chain/index.ts';
import type { Scenario } from '../scenario/index.ts';
import { crossCheckEntitlements } from './crossCheckEntitlements.ts';
import { type EngineInputs, loadInputs } from './loadInputs.ts';
import type { ScheduledPhase } from './phase.ts';
import { createRunContext } from './createRunContext.ts';
import { runDays } from './runDays.ts';
import { runRecordOf } from './runRecordOf.ts';
import type { RunRecord } from './runRecord.ts';
import { initialRunState } from './runState.ts';
import { CLOSING_SCHEDULE, DAY_SCHEDULE } from './schedule.ts';
import type { deriveActors } from './chainActors.ts';
import { createSimClock, type SimClock } from './simClock.ts';

export interface RunProgress {
  phase: 'setup' | 'day' | 'finish';
  message: string;
  /** Period day done (1-based) and period length, for 'day'. */
  day?: number;
  days?: number;
}

export interface RunSimulationParameters {
  scenario: Scenario;
  /** Absolute path of the scenario file. */
  scenarioPath: string;
  scenarioSha256: string;
  /** Use an existing node instead of an embedded anvil. */
  rpcUrl?: string;
  /** --data. */
  data?: string;
  env?: Readonly<Record<string, string | undefined>>;
  onProgress?: (progress: RunProgress) => void;
  /** Called as soon as the node is up (the CLI keeps it to stop it on Ctrl-C). */
  onNode?: (node: ChainNode) => void;
  /** Tool versions for the manifest (the CLI collects them). */
  tools?: Readonly<Record<string, string>>;
  /** For tests: the oracle posts `units` more for consumer `consumer` in its first paid event — the cross-check must fail the run. */
  faults?: { oraclePayoutDelta?: { consumer: number; units: bigint } };
  /** Chain actions between setup and the season (`peaklab compare` puts a governance proposal through the Governor here). */
  beforeSeason?: BeforeSeason;
  /** The day's phases (default: schedule.ts DAY_SCHEDULE and CLOSING_SCHEDULE); docs/engine.md "How to add a phase". */
  schedule?: { day: readonly ScheduledPhase[]; closing: readonly ScheduledPhase[] };
}

/**
 * A hook between chain setup and the season. Setup (and the chain's genesis) start `leadSeconds` earlier than
 * usual to leave the hook room on the simulation clock; the system is deployed with `setupScenario`'s parameters
 * (default: `scenario`), while the season runs with `scenario`. `apply` mines its blocks from `timestamp` on and
 * returns the timestamp of its last block.
 */
export interface BeforeSeason {
  leadSeconds: bigint;
  setupScenario?: Scenario;
  apply(context: { engine: TxEngine; system: DeploySystemResult; minter: ReturnType<typeof deriveActors>['deployer']; timestamp: bigint }): Promise<{ lastTimestamp: bigint }>;
}

export interface RunSimulationResult {
  /** The raw run record; sim/metrics `buildRunFiles` turns it into the run-directory files (and the KPIs of summary.json). */
  record: RunRecord;
  stats: { consumerIntervals: number; transactions: number; gasUsed: bigint; consumerEvents: number; events: number };
}

/**
 * Runs a scenario end to end on a chain and returns the run's raw record (nothing is written here; the files and
 * their KPIs come from sim/metrics `buildRunFiles`).
 * The day is the schedule of `schedule.ts` (docs/engine.md): 00:30 the oracle settles yesterday's events and
 * posts roots, 10:00 one routine block (actuals, claims, the day-ahead forecast), the utilities' event call and the
 * consumers' decisions, then the day's loads, responses, meter reads and VEE. At the end every consumer's on-chain
 * claimed + claimable must equal the TypeScript mirror's entitlement to the unit, or the run fails.
 */
export async function runSimulation(parameters: RunSimulationParameters): Promise<RunSimulationResult> {
  const { scenario, scenarioPath, rpcUrl, data, env, onProgress = () => {}, onNode } = parameters;
  const step = (message: string) => onProgress({ phase: 'setup', message });
  const inputs = await loadInputs({ scenario, scenarioPath, data, env, onStep: step });
  const mode = rpcUrl !== undefined ? 'rpc' : scenario.chain.mode;
  const clock = createSimClock({ timezone: scenario.period.timezone });
  const genesisDay = inputs.days[inputs.periodOffset]!.epochDay - 3;
  const node = await openNode({
    mode,
    rpcUrl: rpcUrl ?? scenario.chain.rpcUrl,
    hardfork: scenario.chain.hardfork,
    genesisTimestamp: clock.secondsOf(genesisDay, 0) - 3600n - (parameters.beforeSeason?.leadSeconds ?? 0n),
  });
  try {
    onNode?.(node);
    if (node.pid !== undefined) onProgress({ phase: 'setup', message: `embedded anvil (pid ${node.pid}) at ${node.rpcUrl}` });
    return await runOnNode({ ...parameters, inputs, node, clock });
  } finally {
    await node.stop();
  }
}

/** Sets the chain up, runs the days and the closing step, cross-checks the payouts and assembles the run record. */
async function runOnNode(parameters: RunSimulationParameters & { inputs: EngineInputs; node: ChainNode; clock: SimClock }): Promise<RunSimulationResult> {
  const { context, chainNow } = await createRunContext(parameters);
  const { shape } = context;
  const state = initialRunState({ consumers: shape.n, utilities: shape.U, intervalsPerDay: shape.I, days: shape.K, periodDays: shape.periodDays, windowDays: parameters.inputs.warmupDays, chainNow });
  await runDays({ state, context, day: parameters.schedule?.day ?? DAY_SCHEDULE, closing: parameters.schedule?.closing ?? CLOSING_SCHEDULE });
  context.onProgress({ phase: 'finish', message: 'cross-checking entitlements against the chain' });
  const checked = await crossCheckEntitlements(state, context);
  return runRecordOf(state, context, { ...parameters, checked });
}
