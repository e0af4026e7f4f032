/**
 * Speed of loadDataset on a GEFCom2012-sized view: 5 years hourly, 20 zones summed + 11 stations,
 * wide h1..h24 tables in local prevailing time (DST fillers and repeats included), generated into a
 * temp folder; plus the committed gefcom2012 subset, and the real gefcom2012 when ../shared/datasets
 * is present. Target: seconds, not minutes (measured: real gefcom2012 1.0–1.4 s, mean 1.25 s; subset 0.25 s; generated 5-year view 1.1–3.3 s on the shared 2-core box).
 * Run: npx vitest bench sim/data --run
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { bench, describe } from 'vitest';
import { loadDataset } from './loadDataset.ts';
import { manifestsDir, projectRoot, subsetsDir } from './resolveDataRoot.ts';
import { writeTestDataset } from './writeTestDataset.ts';

const hours = Array.from({ length: 24 }, (_, h) => `h${h + 1}`).join(',');
const rows = (entities: number, value: (e: number, day: number, h: number) => number) => {
  const out: string[] = [];
  for (let e = 1; e <= entities; e++) {
    for (let d = 0; d < 5 * 365; d++) {
      const date = new Date(Date.UTC(2004, 0, 1) + d * 86_400_000);
      const cells = Array.from({ length: 24 }, (_, h) => `"${value(e, d, h).toLocaleString('en-US')}"`);
      out.push(`${e},${date.getUTCFullYear()},${date.getUTCMonth() + 1},${date.getUTCDate()},${cells.join(',')}`);
    }
  }
  return out.join('\n') + '\n';
};
const wide = (id: string, file: string, entity: string) => ({
  id,
  file,
  sha256: 'auto',
  layout: 'wideHours',
  hourColumns: { prefix: 'h', first: 1, count: 24 },
  time: { year: 'year', month: 'month', day: 'day' },
  entity,
  thousands: ',',
});
const { dir } = writeTestDataset({
  files: {
    'load.csv.gz': `zone_id,year,month,day,${hours}\n` + rows(20, (e, d, h) => 1000 * e + ((d * 7 + h * 13) % 500)),
    'temp.csv.gz': `station_id,year,month,day,${hours}\n` + rows(11, (e, d, h) => 40 + ((d + h + e) % 50)),
  },
  manifest: {
    name: 'bench',
    description: 'generated GEFCom-sized data',
    source: 'generated',
    citation: 'none',
    licence: 'CC0',
    timezone: 'America/New_York',
    time: { clock: 'prevailing', label: 'ending' },
    tables: [wide('load', 'load.csv.gz', 'zone_id'), wide('temp', 'temp.csv.gz', 'station_id')],
    columns: [
      { name: 'load', unit: 'kW', from: { table: 'load', entities: '1..20', aggregate: 'sum' } },
      ...Array.from({ length: 11 }, (_, k) => ({ name: `T${k + 1}`, unit: 'degF', from: { table: 'temp', entity: k + 1 } })),
    ],
    policy: { dstHole: 'drop', dstRepeat: 'interpolate' },
  },
});

const shared = resolve(projectRoot, '..', 'shared', 'datasets');

describe('loadDataset', () => {
  bench('generated: 5 years, 20 zones summed + 11 stations (wide, DST)', async () => {
    await loadDataset({ name: 'bench', dataRoot: dir });
  });
  bench('committed subset gefcom2012 (2.5 years)', async () => {
    await loadDataset({ name: 'gefcom2012', dataRoot: subsetsDir, manifestDir: subsetsDir });
  });
  bench.skipIf(!existsSync(resolve(shared, 'gefcom2012_load')))('real gefcom2012 (4.5 years, solution fill)', async () => {
    await loadDataset({ name: 'gefcom2012', dataRoot: shared, manifestDir: manifestsDir });
  });
});
