import { describe, expect, it } from 'vitest';
import { selectPlaceboDays } from './selectPlaceboDays.ts';
import { testFrame } from './testSupport.ts';

// 2023-12-25 (Mon) … 2024-01-14: load at 14–17 h = day of month (so later days rank higher within a year),
// temperature max at 15 h = 40 − day of month (earlier days are hotter).
const frame = testFrame({
  start: '2023-12-25', days: 21,
  columns: {
    a: (d, h) => (h >= 14 && h < 18 ? Number(d.slice(8, 10)) : 1),
    b: (d, h) => (d === '2024-01-12' ? Number.NaN : h >= 14 && h < 18 ? 1 : 0),
    t: (d, h) => (h === 15 ? 40 - Number(d.slice(8, 10)) : 0),
  },
  temperature: ['t'],
});

describe('selectPlaceboDays', () => {
  it('takes the top weekdays per calendar year by system load, skipping holidays and the warm-up', () => {
    const days = selectPlaceboDays({ frame, consumers: ['a', 'b'], startHour: 14, durationHours: 4, perYear: 2, rank: 'load', warmupDays: 1, holidays: ['2023-12-29', '2024-01-12'] });
    // 2023: weekdays after the warm-up day 12-25: 26, 27, 28 (29 is a holiday) → 28, 27.
    // 2024: 01-12 is a holiday; 01-11 and 01-10 score highest (01-13/14 are a weekend).
    expect(days.map((d) => d.date)).toEqual(['2023-12-27', '2023-12-28', '2024-01-10', '2024-01-11']);
    expect(days[0]!.score).toBe(4 * 27 + 4);
    expect(new Date(days[0]!.start).toISOString()).toBe('2023-12-27T14:00:00.000Z');
  });

  it('ranks by the window temperature when asked', () => {
    const days = selectPlaceboDays({ frame, consumers: ['a'], startHour: 14, durationHours: 4, perYear: 1, rank: 'temperature', warmupDays: 0 });
    expect(days.map((d) => [d.date, d.score])).toEqual([['2023-12-25', 15], ['2024-01-01', 39]]);
  });
});
