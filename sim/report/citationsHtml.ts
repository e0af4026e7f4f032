import type { DatasetCitation } from './datasetCitations.ts';
import { escapeHtml } from './escapeHtml.ts';

/** The "Data" footer block: one entry per dataset with citation, source, licence and file hashes. */
export function citationsHtml({ citations }: { citations: readonly DatasetCitation[] }): string {
  if (citations.length === 0) return '<h2 id="data">Data</h2>\n<p>This run used no external dataset.</p>';
  const items = citations.map((c) => {
    const roles = c.roles.length > 0 ? ` (used for: ${escapeHtml(c.roles.join(', '))})` : '';
    const lines = [`<strong>${escapeHtml(c.name)}</strong>${roles}${c.description === null ? '' : ` — ${escapeHtml(c.description.trim())}`}`];
    if (c.citation !== null) lines.push(`Cite: ${escapeHtml(c.citation.trim())}`);
    if (c.source !== null) lines.push(`Source: ${escapeHtml(c.source.trim())}`);
    if (c.licence !== null) lines.push(`Licence: ${escapeHtml(c.licence.trim())}`);
    if (c.citation === null) lines.push('No dataset manifest of this name was found in datasets/; cite it from its provider.');
    if (c.files.length > 0) {
      lines.push(`Files: ${c.files.map((f) => `<code>${escapeHtml(f.path)}</code> (sha256 <code>${escapeHtml(f.sha256)}</code>)`).join(', ')}`);
    }
    return `<li>${lines.join('<br>\n')}</li>`;
  });
  return `<h2 id="data">Data</h2>\n<ul class="citations">\n${items.join('\n')}\n</ul>`;
}
