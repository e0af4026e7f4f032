import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { citationsHtml } from './citationsHtml.ts';
import { datasetCitations } from './datasetCitations.ts';

describe('datasetCitations', () => {
  it('cites a dataset once however many roles it filled, with each role and each file once', () => {
    const file = { path: 'citylearn/homes.csv.gz', sha256: 'aa' };
    const manifest = {
      datasets: [
        { name: 'gefcom2012', role: 'system', files: [{ path: 'gefcom2012/load.csv.gz', sha256: 'bb' }] },
        { name: 'citylearn', role: 'residential', files: [file] },
        { name: 'citylearn', role: 'carbon', files: [file] },
      ],
      contracts: [],
      tools: {},
    };
    const citations = datasetCitations({ manifest, manifestDirs: [mkdtempSync(join(tmpdir(), 'peaklab-cite-'))] });
    expect(citations.map((c) => c.name)).toEqual(['gefcom2012', 'citylearn']);
    expect(citations[1]!.roles).toEqual(['residential', 'carbon']);
    expect(citations[1]!.files).toEqual([file]);
    const html = citationsHtml({ citations });
    expect(html.match(/<strong>citylearn<\/strong>/g)).toHaveLength(1);
    expect(html).toContain('(used for: residential, carbon)');
  });
});
