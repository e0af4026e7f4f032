import { z } from 'zod';
import { wholeNumber } from './fields.ts';

/** The day-ahead forecaster that decides when events are called. */
export const forecastSchema = z
  .strictObject({
    model: z
      .enum(['seasonal_naive', 'vanilla', 'recency'], { error: 'expected "seasonal_naive", "vanilla" or "recency"' })
      .default('vanilla')
      .describe('Forecast model: seasonal_naive (same hour last week), vanilla (Hong\'s linear model with temperature), recency (vanilla + lagged temperatures).'),
    horizonHours: wholeNumber(1, 168).default(48).describe('Hours ahead the forecast covers, from the decision time.'),
  })
  .prefault({})
  .describe('System load forecaster.');

export type ForecastSettings = z.output<typeof forecastSchema>;
