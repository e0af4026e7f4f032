import { z } from 'zod';

/** Output formats a run can write. */
export const OUTPUT_FORMATS = ['json', 'csv', 'html', 'png'] as const;

/** Where and what a run writes. */
export const outputsSchema = z
  .strictObject({
    dir: z
      .string({ error: 'expected a directory path' })
      .min(1, { error: 'expected a directory path' })
      .default('reports')
      .describe('Output folder, relative to the working directory; each run writes into `<dir>/<scenario name>/`.'),
    formats: z
      .array(z.enum(OUTPUT_FORMATS, { error: `expected one of ${OUTPUT_FORMATS.join(', ')}` }), {
        error: `expected a list of formats (${OUTPUT_FORMATS.join(', ')})`,
      })
      .min(1, { error: 'expected at least one format' })
      .default(['json', 'csv', 'html'])
      .describe(`Formats to write: ${OUTPUT_FORMATS.join(', ')}.`),
    report: z.boolean({ error: 'expected true or false' }).default(true).describe('Whether to render the report (HTML with charts).'),
  })
  .prefault({})
  .describe('Run outputs.');

export type Outputs = z.output<typeof outputsSchema>;
