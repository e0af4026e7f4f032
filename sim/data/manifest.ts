/**
 * The dataset manifest language: one YAML (or JSON) file per dataset *view* describes where the
 * files are, how their rows map onto a regular time axis, what each frame column means, and what
 * to do with every kind of data-quality finding. The loader is generic: a new dataset needs only a
 * manifest. See docs/datasets.md for a walk-through.
 */
import { z } from 'zod';

/** Finding kinds the loader detects. */
export const findingKinds = [
  'gap',
  'missing',
  'nonNumeric',
  'negative',
  'duplicate',
  'unsorted',
  'dstHole',
  'dstRepeat',
  'calendarMismatch',
  'zeroRun',
  'filled',
] as const;
export type FindingKind = (typeof findingKinds)[number];

const valueAction = z.enum(['fail', 'drop', 'interpolate']);

/** What to do per finding kind. Defaults are strict (`fail`): a manifest states every leniency. */
export const policySchema = z
  .object({
    /** Intervals with no row at all. */
    gap: valueAction.default('fail'),
    /** Empty cells (or a `missingValues` token). */
    missing: valueAction.default('fail'),
    /** Text in a number column. */
    nonNumeric: valueAction.default('fail'),
    /** A negative value in a column that does not `allowNegative`; `keep` keeps it (still reported). */
    negative: z.enum(['fail', 'drop', 'interpolate', 'keep']).default('fail'),
    /** Two rows for the same interval and series. */
    duplicate: z.enum(['fail', 'drop', 'keepFirst', 'mean']).default('fail'),
    /** Rows out of time order: `sort` places each row at its own time (reported), `fail` rejects. */
    unsorted: z.enum(['fail', 'sort']).default('fail'),
    /** A row labelled with a local time that does not exist (spring-forward filler): `drop` discards the row. */
    dstHole: z.enum(['fail', 'drop']).default('fail'),
    /** A fall-back hour that occurs twice but has fewer than two rows (the missing occurrence). */
    dstRepeat: valueAction.default('fail'),
    /** A calendar check column disagrees with the row's placed time (implicit time axes). */
    calendarMismatch: z.enum(['fail', 'keep']).default('fail'),
    /**
     * Runs of at least `minRun` exact zeros in load and consumer columns (archives that encode a missing
     * reading as 0): `keep` reports them, `drop` makes them missing (NaN), `fail` rejects. Off when absent.
     */
    zeroRun: z
      .object({ minRun: z.number().int().min(2), action: z.enum(['keep', 'drop', 'fail']) })
      .strict()
      .optional(),
    /** Longest run of consecutive missing intervals that `interpolate` fills linearly. */
    maxInterpolate: z.number().int().min(1).max(1000).default(3),
  })
  .strict();
export type Policy = z.infer<typeof policySchema>;

const clock = z.enum(['utc', 'prevailing', 'standard']);
const label = z.enum(['beginning', 'ending']);

const timeSchema = z
  .object({
    /** One column with date and time, e.g. `{ column: Datetime, format: '%Y-%m-%d %H:%M:%S' }`. */
    datetime: z.object({ column: z.string(), format: z.string() }).strict().optional(),
    /** A date column with its format (`%d-%b-%y`), combined with `hour`. */
    date: z.object({ column: z.string(), format: z.string() }).strict().optional(),
    year: z.string().optional(),
    month: z.string().optional(),
    day: z.string().optional(),
    /** Column holding the hour number (0..23 beginning or 1..24 ending, per `label`). */
    hour: z.string().optional(),
    /** Implicit axis: wall-clock start of the first row (`YYYY-MM-DD HH:MM`); each row is one step later on the wall clock. */
    start: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, 'expected "YYYY-MM-DD HH:MM"')
      .optional(),
    /** Overrides the manifest's `time.label` for this table. */
    label: label.optional(),
    /** Overrides the manifest's `time.clock` for this table. */
    clock: clock.optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    const ways = [
      t.datetime !== undefined,
      t.date !== undefined,
      t.year !== undefined || t.month !== undefined || t.day !== undefined,
      t.start !== undefined,
    ].filter(Boolean).length;
    if (ways !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: 'give exactly one of: datetime, date (+hour), year/month/day (+hour), start',
      });
    }
    if ((t.year !== undefined || t.month !== undefined || t.day !== undefined) && !(t.year && t.month && t.day)) {
      ctx.addIssue({ code: 'custom', message: 'year, month and day columns go together' });
    }
    if (t.datetime !== undefined && t.hour !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'hour is not used with datetime' });
    }
  });

/** A calendar check: columns whose values must match the placed time (used for implicit axes). */
const checkSchema = z
  .object({
    month: z.string().optional(),
    /** Hour column, read with the table's label convention (1..24 for ending). */
    hour: z.string().optional(),
    /** Weekday column and the number it uses for Monday (ISO order, Sunday = Monday + 6). */
    weekday: z.object({ column: z.string(), monday: z.number().int() }).strict().optional(),
  })
  .strict();

export const tableSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
    /** Path relative to the data root. */
    file: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lowercase hex digits'),
    /** `long`: one row per interval (and entity); `wideHours`: one row per day (and entity), one column per hour. */
    layout: z.enum(['long', 'wideHours']).default('long'),
    /** wideHours: hour columns `prefix + first` … `prefix + (first + count - 1)`. */
    hourColumns: z
      .object({ prefix: z.string(), first: z.number().int(), count: z.number().int().min(1).max(96) })
      .strict()
      .optional(),
    time: timeSchema,
    /** Column whose value names the entity (zone, station) of the row. */
    entity: z.string().optional(),
    /** Thousands separator inside numbers (GEFCom writes "16,853"). */
    thousands: z.string().length(1).optional(),
    /** Cell texts meaning "missing" besides the empty string. */
    missingValues: z.array(z.string()).default(['NA', 'NaN', 'nan', 'null']),
    check: checkSchema.optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.layout === 'wideHours' && t.hourColumns === undefined) {
      ctx.addIssue({ code: 'custom', path: ['hourColumns'], message: 'wideHours needs hourColumns' });
    }
    if (t.layout === 'wideHours' && (t.time.hour !== undefined || t.time.datetime !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['time'], message: 'wideHours takes the hour from hourColumns, not from time' });
    }
  });
export type TableSpec = z.infer<typeof tableSchema>;

const entities = z.union([
  z.array(z.union([z.string(), z.number()]).transform(String)).min(1),
  /** `"1..20"`: integer entity keys from 1 to 20. */
  z
    .string()
    .regex(/^\d+\.\.\d+$/, 'expected "first..last"')
    .transform((s) => {
      const [a, b] = s.split('..').map(Number) as [number, number];
      const out: string[] = [];
      for (let i = a; i <= b; i++) out.push(String(i));
      return out;
    }),
]);

/** Where a frame column's values come from. */
export const sourceSchema = z
  .object({
    table: z.string(),
    /** Value column (long tables); omitted for wideHours (the hour cells). */
    field: z.string().optional(),
    /** One entity … */
    entity: z.union([z.string(), z.number()]).transform(String).optional(),
    /** … or several, combined with `aggregate`. */
    entities: entities.optional(),
    aggregate: z.enum(['sum', 'mean']).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.entities !== undefined && s.aggregate === undefined) {
      ctx.addIssue({ code: 'custom', message: 'entities need an aggregate (sum | mean)' });
    }
    if (s.entities !== undefined && s.entity !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'give entity or entities, not both' });
    }
  });
export type SourceSpec = z.infer<typeof sourceSchema>;

const role = z.enum(['load', 'temperature', 'temperatureForecast', 'price', 'carbon', 'consumers']);

export const columnSchema = z
  .object({
    name: z.string().min(1),
    unit: z.string().min(1),
    description: z.string().optional(),
    /** One source, or several tables concatenated in time (e.g. one file per year). */
    from: z.union([sourceSchema, z.array(sourceSchema).min(1)]),
    /** Cells still missing after `from` are taken from here (e.g. a competition's solution file). */
    fill: sourceSchema.optional(),
    allowNegative: z.boolean().default(false),
    role: role.optional(),
  })
  .strict();
export type ColumnSpec = z.infer<typeof columnSchema>;

/** One frame column per header field matching `match`, e.g. every building of a wide table. */
export const expandSchema = z
  .object({
    match: z.string().min(1),
    tables: z.array(z.string()).min(1),
    /** Keep only these many matching fields, in header order (first table first). */
    limit: z.number().int().min(1).optional(),
    unit: z.string().min(1),
    allowNegative: z.boolean().default(false),
    role: role.optional(),
  })
  .strict();
export type ExpandSpec = z.infer<typeof expandSchema>;

export const manifestSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9_]*$/, 'lowercase letters, digits and _'),
    description: z.string().min(1),
    source: z.string().min(1),
    citation: z.string().min(1),
    licence: z.string().min(1),
    /** IANA zone the frame's calendar is expressed in. */
    timezone: z.string().min(1),
    time: z
      .object({
        /** How labels relate to `timezone`: `utc` labels, `prevailing` local clock with DST, `standard` local clock without DST. */
        clock,
        /** Whether a time label marks the start (`beginning`) or end (`ending`) of its interval. */
        label,
        resolutionMinutes: z.number().int().min(1).max(1440).default(60),
        notes: z.string().optional(),
      })
      .strict(),
    /** Keep only intervals starting in [from, to] (ISO instants with offset, e.g. 2019-01-01T00:00:00Z). */
    range: z
      .object({ from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() })
      .strict()
      .optional(),
    tables: z.array(tableSchema).min(1),
    columns: z.array(columnSchema).default([]),
    expand: z.array(expandSchema).default([]),
    roles: z
      .object({
        load: z.string().optional(),
        temperature: z.array(z.string()).optional(),
        temperatureForecast: z.array(z.string()).optional(),
        price: z.string().optional(),
        carbon: z.string().optional(),
        consumers: z.array(z.string()).optional(),
      })
      .strict()
      .default({}),
    policy: policySchema.default(policySchema.parse({})),
    notes: z.array(z.string()).default([]),
  })
  .strict()
  .superRefine((m, ctx) => {
    const ids = new Set<string>();
    m.tables.forEach((t, i) => {
      if (ids.has(t.id)) ctx.addIssue({ code: 'custom', path: ['tables', i, 'id'], message: `duplicate table id "${t.id}"` });
      ids.add(t.id);
    });
    const checkTable = (id: string, path: (string | number)[]) => {
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', path, message: `unknown table "${id}" (tables: ${[...ids].join(', ')})` });
    };
    const names = new Set<string>();
    m.columns.forEach((c, i) => {
      if (names.has(c.name)) ctx.addIssue({ code: 'custom', path: ['columns', i, 'name'], message: `duplicate column "${c.name}"` });
      names.add(c.name);
      const froms = Array.isArray(c.from) ? c.from : [c.from];
      froms.forEach((f, j) => checkTable(f.table, ['columns', i, 'from', ...(Array.isArray(c.from) ? [j] : []), 'table']));
      if (c.fill) checkTable(c.fill.table, ['columns', i, 'fill', 'table']);
    });
    m.expand.forEach((e, i) => e.tables.forEach((t, j) => checkTable(t, ['expand', i, 'tables', j])));
    if (m.columns.length === 0 && m.expand.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['columns'], message: 'a manifest needs columns or expand' });
    }
    const roleRefs: [string, string[]][] = [];
    const r = m.roles;
    if (r.load) roleRefs.push(['load', [r.load]]);
    if (r.price) roleRefs.push(['price', [r.price]]);
    if (r.carbon) roleRefs.push(['carbon', [r.carbon]]);
    for (const k of ['temperature', 'temperatureForecast', 'consumers'] as const) if (r[k]) roleRefs.push([k, [...r[k]!]]);
    if (m.expand.length === 0) {
      for (const [k, cols] of roleRefs) {
        for (const c of cols) {
          if (!names.has(c)) ctx.addIssue({ code: 'custom', path: ['roles', k], message: `role ${k} names unknown column "${c}"` });
        }
      }
    }
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: m.timezone });
    } catch {
      ctx.addIssue({ code: 'custom', path: ['timezone'], message: `"${m.timezone}" is not an IANA time zone` });
    }
  });
export type Manifest = z.infer<typeof manifestSchema>;
