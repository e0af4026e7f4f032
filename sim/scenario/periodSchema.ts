import { z } from 'zod';
import { isoDate, timeZone, whenValid } from './fields.ts';

/** The simulated time span: whole local days in `timezone`, from `start` through `end` (both inclusive). */
export const periodSchema = z
  .strictObject({
    start: isoDate.describe('First simulated day (local calendar date in `timezone`, YYYY-MM-DD), from 00:00.'),
    end: isoDate.describe(
      'Last simulated day, inclusive (local calendar date, YYYY-MM-DD): the run ends at 24:00 of this day. Must not be before `start`.',
    ),
    interval: z
      .enum(['1h', '15m'], { error: 'expected "1h" or "15m"' })
      .default('1h')
      .describe('Simulation step: "1h" (hourly) or "15m" (quarter-hourly).'),
    timezone: timeZone
      .default('America/New_York')
      .describe('IANA time zone of the calendar (days, hours, events); America/New_York suits GEFCom2012, a US East utility.'),
  })
  .superRefine((period, ctx) => {
    if (period.end < period.start) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        input: period.end,
        message: `expected a date on or after period.start (${period.start})`,
      });
    }
  }, whenValid(['start'], ['end']))
  .describe('Simulated period. Dates are local to `timezone`; both ends are inclusive whole days.');

export type Period = z.output<typeof periodSchema>;
