import { LineCounter, isNode, parseDocument } from 'yaml';
import { DatasetError } from '../errors.ts';
import { type Manifest, manifestSchema } from './manifest.ts';

export interface ParseManifestParameters {
  /** YAML or JSON text of the manifest. */
  text: string;
  /** File the text came from (for error messages). */
  path: string;
}

/**
 * Parses and validates a dataset manifest. Every problem is reported at once, each with its YAML
 * path and line, as a DatasetError.
 */
export function parseManifest({ text, path }: ParseManifestParameters): Manifest {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = lineCounter.linePos(e.pos[0]).line;
    throw new DatasetError(`Manifest ${path} is not valid YAML`, {
      details: `${path}${line ? `:${line}` : ''}: ${e.message}`,
      hint: 'Fix the YAML syntax at that line (indentation, quotes, colons).',
    });
  }
  const result = manifestSchema.safeParse(doc.toJS());
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const yamlPath = issue.path.map(String);
    let line: number | undefined;
    for (let n = yamlPath.length; n >= 0 && line === undefined; n--) {
      const node = doc.getIn(
        yamlPath.slice(0, n).map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
        true,
      );
      if (isNode(node) && node.range) line = lineCounter.linePos(node.range[0]).line;
    }
    return `${path}${line ? `:${line}` : ''} at ${yamlPath.join('.') || '(root)'}: ${issue.message}`;
  });
  throw new DatasetError(`Manifest ${path} is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'})`, {
    details: issues.join('\n'),
    hint: 'Correct the listed fields; docs/datasets.md documents the manifest format. Quote values that must stay text (sha256: "…"), since YAML reads digit-only text as a number.',
  });
}
