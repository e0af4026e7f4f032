/**
 * Speed of computeBaseline per preset: 30 events on a 400-day hourly frame (one consumer, through
 * sim/data's openHistory, which copies what it returns). Target: thousands of consumers × dozens of events
 * in seconds, i.e. well under 100 µs per consumer-event for the day-matching methods.
 * Run: npx vitest bench sim/baseline --run
 */
import { bench, describe } from 'vitest';
import { openHistory } from '../data/index.ts';
import { BASELINE_METHODS } from './baselineMethods.ts';
import { baselineReadWindow } from './baselineReadWindow.ts';
import { computeBaseline } from './computeBaseline.ts';
import { testFrame, utc } from './testSupport.ts';

const frame = testFrame({
  start: '2022-01-03', days: 400,
  columns: {
    load: (d, h, wd) => 20 + (wd >= 1 && wd <= 5 && h >= 8 && h < 18 ? 30 : 0) + (Number(d.slice(8, 10)) % 7),
    temp: (d, h) => 10 + (Number(d.slice(5, 7)) % 6) * 3 + (h % 12) / 2,
  },
  temperature: ['temp'],
});
const events = Array.from({ length: 30 }, (_, k) => ({ start: utc('2022-06-01', 14) + k * 7 * 86_400_000, durationHours: 4 }));

describe('computeBaseline, 30 events', () => {
  for (const method of BASELINE_METHODS) {
    const histories = events.map((event) => openHistory({ frame, decisionTime: baselineReadWindow({ spec: method.spec, event }).settlementTime, exogenous: ['temp'] }));
    bench(method.name, () => {
      events.forEach((event, k) => computeBaseline({ spec: method.spec, history: histories[k]!, column: 'load', event }));
    });
  }
});
