import { describe, expect, it } from 'vitest';
import { hottestDays } from './hottestDays.ts';

describe('hottestDays', () => {
  it('picks the hottest days and returns them in date order', () => {
    expect(hottestDays({ heat: [0.2, 0.9, 0.1, 0.7, 0.8], count: 3 })).toEqual([1, 3, 4]);
  });
  it('takes the earlier day on a tie', () => {
    expect(hottestDays({ heat: [0.5, 0.9, 0.5], count: 2 })).toEqual([0, 1]);
  });
  it('gives every day when asked for more days than there are', () => {
    expect(hottestDays({ heat: [0.3, 0.1], count: 5 })).toEqual([0, 1]);
  });
});
