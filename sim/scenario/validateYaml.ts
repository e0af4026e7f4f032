import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { InvalidScenarioError, type ScenarioIssue } from './invalidScenarioError.ts';
import { closestName } from './closestName.ts';

export interface ValidateYamlParameters<S extends z.ZodType> {
  /** The file's text. */
  text: string;
  /** The file's name, for messages. */
  file: string;
  /** The zod schema the document must satisfy. */
  schema: S;
  /** What to do when the file is invalid (shown after the list of issues). */
  hint: string;
}

export interface ValidateYamlResult<S extends z.ZodType> {
  /** The validated value, with defaults filled in. */
  value: z.output<S>;
}

type PathSegment = string | number;

/**
 * Parses YAML text and validates it against a zod schema. Every YAML syntax error, or else every schema
 * issue, is reported at once in one `InvalidScenarioError`, each with its YAML path, line and column and
 * a message saying what was expected and what was found, sorted by line.
 */
export function validateYaml<S extends z.ZodType>({ text, file, schema, hint }: ValidateYamlParameters<S>): ValidateYamlResult<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, schema: 'core' });

  if (doc.errors.length > 0) {
    const issues = doc.errors.map((error): ScenarioIssue => {
      const position = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
      return {
        path: pathBefore(doc, error.pos[0]),
        line: position.line,
        column: position.col,
        message: `YAML syntax: ${firstLine(error.message)}`,
      };
    });
    throw new InvalidScenarioError({ file, issues: sortIssues(issues), hint: 'Fix the YAML syntax at the lines listed (indentation, quotes, a missing ":" or a duplicate key).' });
  }

  const data: unknown = doc.toJS({ maxAliasCount: 1000 }) ?? undefined;
  if (data === undefined || data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new InvalidScenarioError({
      file,
      issues: [{ path: '', line: 1, column: 1, message: `expected a mapping of sections (key: value lines), found ${describe(data)}` }],
      hint,
    });
  }

  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { value: result.data };

  const issues: ScenarioIssue[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const allowed = objectKeysAt(schema, path);
      for (const key of issue.keys) {
        const expected = allowed.length > 0 ? `; expected one of ${allowed.join(', ')}` : '';
        const suggestion = closestName({ name: key, allowed, minDistance: 2, lengthDivisor: 3 });
        issues.push(
          locate(doc, lineCounter, [...path, key], `unknown key "${key}"${expected}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`),
        );
      }
      continue;
    }
    const message = messageOf(issue);
    const input = 'input' in issue ? issue.input : undefined;
    // A cross-field check can fail on a default the file does not spell out: say so.
    const fromDefault = input !== undefined && !position(doc, lineCounter, path).found;
    issues.push(locate(doc, lineCounter, path, fromDefault ? `${message} (this is the default; set ${formatPath(path)} explicitly)` : message));
  }
  throw new InvalidScenarioError({ file, issues: sortIssues(dedupe(issues)), hint });
}

/** The message of one zod issue, as "expected …, found …". */
function messageOf(issue: z.core.$ZodIssue): string {
  const input = 'input' in issue ? issue.input : undefined;
  let message = issue.message;
  if (message.startsWith('Invalid input: expected') && issue.code === 'invalid_type') {
    message = `expected ${EXPECTED_NAMES[issue.expected] ?? issue.expected}`;
  }
  if (input === undefined && issue.code === 'invalid_type') return `missing required field (${message})`;
  if (/\bfound\b/.test(message) || input === undefined || (issue.code === 'custom' && typeof input === 'object' && input !== null)) {
    return message;
  }
  return `${message}, found ${describe(input)}`;
}

/** zod's type names in YAML words. */
const EXPECTED_NAMES: Readonly<Record<string, string>> = {
  object: 'a mapping (key: value lines)',
  array: 'a list',
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
};

/** A short description of a YAML value for messages. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing (an empty file)';
  if (value === null) return 'an empty value (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

/** The issue located at the key of `path` (or the nearest enclosing key that exists in the file). */
function locate(doc: Document, lineCounter: LineCounter, path: readonly PathSegment[], message: string): ScenarioIssue {
  const { line, column } = position(doc, lineCounter, path);
  return { path: formatPath(path), line, column, message };
}

/** Line and column of the key of `path`, or of the nearest enclosing key in the file; `found` when the whole path is in the file. */
function position(doc: Document, lineCounter: LineCounter, path: readonly PathSegment[]): { line: number; column: number; found: boolean } {
  let node: unknown = doc.contents;
  let anchor: { range?: [number, number, number] | null } | undefined;
  let depth = 0;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    let next: { key: unknown; value: unknown } | undefined;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyText(item.key) === String(segment));
      if (pair) next = { key: pair.key, value: pair.value };
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      const item = node.items[segment];
      next = { key: item, value: item };
    }
    if (!next) break;
    anchor = (next.key as Node | null) ?? (next.value as Node | null) ?? anchor;
    node = next.value;
    depth += 1;
  }
  const offset = anchor?.range?.[0] ?? (doc.contents as Node | null)?.range?.[0] ?? 0;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col, found: depth === path.length };
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
}

/** `a.b[2].c` */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/** The YAML path of the last key that starts before `offset` (best effort, for syntax errors). */
function pathBefore(doc: Document, offset: number): string {
  const path: PathSegment[] = [];
  let node: unknown = doc.contents;
  for (;;) {
    if (isMap(node)) {
      const pair = [...node.items].reverse().find((item) => isPair(item) && (item.key as Node | null)?.range && (item.key as Node).range![0] <= offset);
      if (!pair) break;
      const key = keyText(pair.key);
      // A broken document can yield keys such as "end 2007-07-31"; stop at the last sane key.
      if (key === undefined || /\s/.test(key)) break;
      path.push(key);
      node = pair.value;
    } else if (isSeq(node)) {
      let index = node.items.length - 1;
      while (index >= 0 && !((node.items[index] as Node | null)?.range && (node.items[index] as Node).range![0] <= offset)) index -= 1;
      if (index < 0) break;
      path.push(index);
      node = node.items[index];
    } else break;
  }
  return formatPath(path);
}

/** Keys the object schema at `path` allows (empty when it is not an object). */
function objectKeysAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let current: z.core.$ZodType | undefined = schema;
  const unwrap = (s: z.core.$ZodType | undefined): z.core.$ZodType | undefined => {
    let t = s;
    for (let i = 0; t && i < 20; i += 1) {
      const def = t._zod.def as unknown as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType };
      if (def.innerType) t = def.innerType;
      else if (def.type === 'pipe' && def.in) t = def.in;
      else break;
    }
    return t;
  };
  for (const segment of path) {
    current = unwrap(current);
    const def = current?._zod.def as unknown as { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType; valueType?: z.core.$ZodType };
    if (def?.type === 'object' && def.shape) current = def.shape[String(segment)];
    else if (def?.type === 'array') current = def.element;
    else if (def?.type === 'record') current = def.valueType;
    else return [];
  }
  const def = unwrap(current)?._zod.def as unknown as { type: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function dedupe(issues: readonly ScenarioIssue[]): ScenarioIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sortIssues(issues: readonly ScenarioIssue[]): ScenarioIssue[] {
  return [...issues].sort((a, b) => a.line - b.line || a.column - b.column || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
