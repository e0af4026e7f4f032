import { deserialize } from 'node:v8';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../errors.ts';
import { mine } from './mine.ts';
import type { Phase, ScheduledPhase } from './phase.ts';
import { assertScheduleOrder } from './runDays.ts';
import type { RunSimulationResult } from './runSimulation.ts';
import { restoreRunState, serializeRunState } from './runStateCodec.ts';
import { CLOSING_SCHEDULE, DAY_SCHEDULE, END_OF_DAY_HOUR } from './schedule.ts';
import { runOutputs, runTiny, tiny } from './testSupport.ts';

/** Local date and hh:mm of a block timestamp in the scenario's time zone. */
const localTime = (seconds: bigint): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: tiny.scenario.period.timezone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(Number(seconds) * 1000));

/** The day schedule with one line added, where a developer would add it: after the last phase at or before its time. */
const withPhase = (schedule: readonly ScheduledPhase[], line: ScheduledPhase): ScheduledPhase[] => {
  const at = schedule.filter((phase) => phase.hour <= line.hour).length;
  return [...schedule.slice(0, at), line, ...schedule.slice(at)];
};

describe('the schedule', () => {
  it('lists the day in clock order, and a schedule out of order is refused', () => {
    expect(() => assertScheduleOrder(DAY_SCHEDULE)).not.toThrow();
    expect(() => assertScheduleOrder(CLOSING_SCHEDULE)).not.toThrow();
    const reversed = [...DAY_SCHEDULE].reverse();
    expect(() => assertScheduleOrder(reversed)).toThrow(UsageError);
    expect(() => assertScheduleOrder(reversed)).toThrow(/listed after/);
  });

  describe('a phase added as one line (tiny scenario on an embedded anvil)', () => {
    const ran: { phase: string; date: string | undefined }[] = [];
    const probes: { date: string; blockTime: string }[] = [];
    /** "adversary acts" at 06:00: a transaction of its own, mined at its clock time. */
    const probe: Phase = async (state, context, step) => {
      const account = context.actors.relayer;
      const [result] = await mine({ state, context, calls: [{ account, to: account.address, data: '0x', gas: 21_000n }], timestamp: step.timestamp });
      const block = await context.engine.client.getBlock({ blockNumber: result!.receipt.blockNumber });
      probes.push({ date: step.day!.date, blockTime: localTime(block.timestamp) });
    };
    /** "checkpoint" at the end of the second period day: the state is written, read back and the run goes on with the copy. */
    let checkpointBytes = 0;
    const checkpoint: Phase = (state, _context, step) => {
      if (step.p !== 1) return;
      const bytes = serializeRunState(state);
      const restored = restoreRunState(bytes);
      // the same data again (the bytes may differ: V8 may store a string in one or two bytes per character)
      expect(deserialize(serializeRunState(restored))).toEqual(deserialize(bytes));
      Object.assign(state, restored);
      checkpointBytes = bytes.length;
    };
    const traced = (schedule: readonly ScheduledPhase[]) =>
      schedule.map((line) => ({ ...line, run: ((state, context, step) => (ran.push({ phase: line.name, date: step.day?.date }), line.run(state, context, step))) as Phase }));
    const probeLine: ScheduledPhase = { hour: 6, name: 'adversary acts', on: (step) => step.p >= 0, run: probe };
    const checkpointLine: ScheduledPhase = { hour: END_OF_DAY_HOUR, name: 'checkpoint', on: () => true, run: checkpoint };
    let plain: RunSimulationResult;
    let resumed: RunSimulationResult;

    beforeAll(async () => {
      plain = await runTiny(tiny.scenario, { schedule: { day: traced(withPhase(DAY_SCHEDULE, probeLine)), closing: CLOSING_SCHEDULE } });
      resumed = await runTiny(tiny.scenario, { schedule: { day: withPhase(withPhase(DAY_SCHEDULE, probeLine), checkpointLine), closing: CLOSING_SCHEDULE } });
    }, 240_000);

    it('runs at its clock time on every period day, after the 00:30 settlement and before the 10:00 block', () => {
      expect(probes.slice(0, 3)).toEqual([
        { date: '2007-07-08', blockTime: '2007-07-08 06:00' },
        { date: '2007-07-09', blockTime: '2007-07-09 06:00' },
        { date: '2007-07-10', blockTime: '2007-07-10 06:00' },
      ]);
      const day = ran.filter((r) => r.date === '2007-07-09').map((r) => r.phase);
      expect(day.indexOf('adversary acts')).toBe(day.indexOf('queue actuals') + 1);
      expect(day.indexOf('claims')).toBe(day.indexOf('adversary acts') + 1);
      expect(plain.record.ledger.csv()).toMatch(/receive/);
    });

    it('a run state written and read back mid-run continues to the same results', () => {
      expect(checkpointBytes).toBeGreaterThan(0);
      expect(runOutputs(resumed)).toEqual(runOutputs(plain));
    });
  });
});
