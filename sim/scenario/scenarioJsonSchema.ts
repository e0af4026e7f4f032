import { z } from 'zod';
import { scenarioSchema } from './scenarioSchema.ts';

export interface ScenarioJsonSchemaResult {
  /** The JSON Schema (draft-07, what yaml-language-server reads) of a scenario file. */
  schema: Record<string, unknown>;
  /** The schema as committed in scenarios/schema.json: 2-space JSON with a final newline. */
  text: string;
}

/**
 * The JSON Schema of scenario files, generated from the zod definition so the two never disagree:
 * what a file may contain (`io: 'input'`: fields with defaults are optional), each field's description
 * and its default.
 */
export function scenarioJsonSchema(): ScenarioJsonSchemaResult {
  const generated = z.toJSONSchema(scenarioSchema, {
    io: 'input',
    target: 'draft-7',
    unrepresentable: 'throw',
    override: ({ zodSchema, jsonSchema }) => {
      // zod leaves out the default of a field whose schema transforms its input (decimal amounts) and of
      // sections filled by `prefault`; write the fully defaulted value so editors show it.
      const def = zodSchema._zod.def as unknown as { type: string; defaultValue?: unknown; innerType?: z.ZodType };
      if ((def.type === 'default' || def.type === 'prefault') && def.innerType) {
        const value = def.type === 'prefault' ? def.innerType.parse(def.defaultValue) : def.defaultValue;
        jsonSchema.default = JSON.parse(JSON.stringify(value)) as unknown;
      }
      if (jsonSchema.default !== undefined && typeof jsonSchema.description === 'string' && isShort(jsonSchema.default)) {
        jsonSchema.description = `${jsonSchema.description} Default: ${JSON.stringify(jsonSchema.default)}.`;
      }
    },
  }) as Record<string, unknown>;
  const schema = {
    $schema: generated.$schema,
    title: 'peaklab scenario',
    ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== '$schema')),
  };
  return { schema, text: `${JSON.stringify(schema, null, 2)}\n` };
}

/** Scalars and short lists of scalars are repeated in the description (editors show it on hover). */
function isShort(value: unknown): boolean {
  if (Array.isArray(value)) return value.every((item) => typeof item !== 'object' || item === null) && JSON.stringify(value).length <= 60;
  return typeof value !== 'object' || value === null;
}
