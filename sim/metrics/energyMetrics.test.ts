import { describe, expect, it } from 'vitest';
import { avoided } from './avoided.ts';
import { energyMetrics } from './energyMetrics.ts';

describe('energyMetrics', () => {
  it('sums curtailment inside events and rebound outside, times the interval length', () => {
    // 15-minute intervals (Δt = 0.25 h). Event in intervals 1–2: cuts of 100 − 80 = 20 and 100 − 90 = 10 kW
    // → (20 + 10)·0.25 = 7.5 kWh. After it: 68 − 60 = +8 kW in interval 3 → 8·0.25 = 2 kWh of rebound;
    // interval 4 is lower without an event: neither rebound nor curtailment.
    const result = energyMetrics({
      baselineKw: Float64Array.of(50, 100, 100, 60, 60),
      withDrKw: Float64Array.of(50, 80, 90, 68, 55),
      eventActive: Uint8Array.of(0, 1, 1, 0, 0),
      intervalHours: 0.25,
    });
    expect(result).toEqual({ curtailedKwh: 7.5, reboundKwh: 2 });
  });

  it('ignores load increases during events (no negative curtailment) and rejects a bad interval', () => {
    expect(energyMetrics({ baselineKw: [10], withDrKw: [12], eventActive: [1], intervalHours: 1 })).toEqual({ curtailedKwh: 0, reboundKwh: 0 });
    expect(() => energyMetrics({ baselineKw: [1], withDrKw: [1], eventActive: [0], intervalHours: 0 })).toThrow(/intervalHours/);
  });
});

describe('avoided', () => {
  it('prices each interval’s net reduction at that interval’s price and emission factor', () => {
    // 10 kWh at 200 USD/MWh = 2 USD, 0.5 kg/kWh = 5 kg; 4 kWh at 50 USD/MWh = 0.2 USD, 0.25 kg/kWh = 1 kg;
    // rebound −2 kWh at 30 USD/MWh = −0.06 USD, 0.5 kg/kWh = −1 kg → 2.14 USD, 5 kg
    const result = avoided({ curtailedKwhByInterval: [10, 4, -2], priceUsdPerMwh: [200, 50, 30], carbonKgPerKwh: [0.5, 0.25, 0.5] });
    expect(result.costUsd).toBeCloseTo(2.14, 12);
    expect(result.co2Kg).toBe(5);
    expect(avoided({ curtailedKwhByInterval: [], priceUsdPerMwh: [], carbonKgPerKwh: [] })).toEqual({ costUsd: 0, co2Kg: 0 });
    expect(() => avoided({ curtailedKwhByInterval: [1], priceUsdPerMwh: [], carbonKgPerKwh: [1] })).toThrow(/expected 1/);
  });
});
