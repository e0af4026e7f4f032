import { DatasetError } from '../errors.ts';
import type { Manifest, SourceSpec } from './manifest.ts';

export interface TableFieldsParameters {
  manifest: Manifest;
  /** Where the manifest lives (for error messages). */
  manifestPath: string;
}

export interface TableFieldsResult {
  /** Table id → fields its columns read ('' = the hour cells of a wideHours table); only tables the frame uses. */
  fields: Map<string, Set<string>>;
  /** Table id → expand patterns its header is matched against. */
  match: Map<string, RegExp[]>;
  /** The compiled `expand[k].match`, by k. */
  patterns: RegExp[];
}

/** What each table must provide: the fields named by column sources and fills, and the expand patterns to match its header with. */
export function tableFields({ manifest, manifestPath }: TableFieldsParameters): TableFieldsResult {
  const fields = new Map<string, Set<string>>();
  const match = new Map<string, RegExp[]>();
  const need = (s: SourceSpec) => {
    const set = fields.get(s.table) ?? new Set<string>();
    set.add(s.field ?? '');
    fields.set(s.table, set);
  };
  for (const c of manifest.columns) {
    for (const s of Array.isArray(c.from) ? c.from : [c.from]) need(s);
    if (c.fill) need(c.fill);
  }
  const patterns = manifest.expand.map((e) => {
    let re: RegExp;
    try {
      re = new RegExp(e.match);
    } catch (cause) {
      throw new DatasetError(`Invalid expand pattern ${e.match}`, { details: manifestPath, hint: 'Use a JavaScript regular expression.', cause });
    }
    for (const t of e.tables) {
      match.set(t, [...(match.get(t) ?? []), re]);
      if (!fields.has(t)) fields.set(t, new Set());
    }
    return re;
  });
  return { fields, match, patterns };
}
