/**
 * Cuts the compact dataset subsets the quickstart needs from the full datasets into
 * datasets/subsets/ (small gzip CSVs + manifests + README with provenance). Deterministic: the same
 * inputs give the same bytes (gzip level 9, no name, mtime 0; LF line ends; values copied as text
 * or summed as integers). Every input file is sha256-checked against the full dataset manifests, and
 * every subset is loaded back through loadDataset before the script reports success.
 *
 *   npx tsx scripts/make-subsets.ts [--data <full datasets folder>]   (npm run data:subsets)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { stringify } from 'yaml';
import { DatasetError, PeaklabError } from '../sim/errors.ts';
import {
  loadDataset,
  manifestsDir,
  parseManifest,
  readCheckedFile,
  resolveDataRoot,
  sha256Of,
  splitCsvLine,
  subsetsDir,
  summarizeFindings,
  type Manifest,
} from '../sim/data/index.ts';
import { writeAtomic } from '../sim/writeAtomic.ts';

interface Output {
  file: string;
  bytes: Buffer;
}

function fullManifest(name: string): Manifest {
  const path = join(manifestsDir, `${name}.manifest.yaml`);
  return parseManifest({ text: readFileSync(path, 'utf8'), path });
}

function readFull(dataRoot: string, m: Manifest, tableId: string): { text: string; file: string; sha256: string } {
  const t = m.tables.find((x) => x.id === tableId);
  if (!t) throw new DatasetError(`Table ${tableId} missing from manifest ${m.name}`, { hint: 'Update scripts/make-subsets.ts to the manifest.' });
  return { text: readCheckedFile({ dataRoot, file: t.file, sha256: t.sha256, manifestPath: `${m.name}.manifest.yaml` }), file: t.file, sha256: t.sha256 };
}

const linesOf = (text: string) => text.split(/\r?\n/).filter((l) => l !== '');
const gz = (text: string) => gzipSync(Buffer.from(text, 'utf8'), { level: 9 });

interface SubsetResult {
  manifest: Record<string, unknown>;
  outputs: Output[];
  /** Provenance lines for the README. */
  provenance: string[];
}

const common = (m: Manifest) => ({ source: m.source, citation: m.citation, licence: m.licence, timezone: m.timezone, time: m.time });

/** GEFCom2012: system load (sum of zones 1–20, holdouts from the solution file) + 11 stations, 2006-01-01 … 2008-06-30 06:00. */
function gefcom(dataRoot: string): SubsetResult {
  const m = fullManifest('gefcom2012');
  const hist = readFull(dataRoot, m, 'load');
  const sol = readFull(dataRoot, m, 'load_solution');
  const temp = readFull(dataRoot, m, 'temperature');
  const inRange = (y: number, mo: number, d: number) => {
    const t = Date.UTC(y, mo - 1, d);
    return t >= Date.UTC(2006, 0, 1) && t <= Date.UTC(2008, 5, 30);
  };
  // day key → zone → 24 cells (text, '' = missing)
  const cells = (text: string, firstHour: number) => {
    const map = new Map<string, Map<number, string[]>>();
    const rows = linesOf(text);
    const head = splitCsvLine(rows[0]!);
    const zi = head.indexOf('zone_id');
    const yi = head.indexOf('year');
    const h1 = head.indexOf(`h${firstHour}`);
    for (const line of rows.slice(1)) {
      const c = splitCsvLine(line);
      const key = `${c[yi]}-${c[yi + 1]}-${c[yi + 2]}`;
      if (!map.has(key)) map.set(key, new Map());
      map.get(key)!.set(Number(c[zi]), c.slice(h1, h1 + 24).map((s) => s.replaceAll(',', '').trim()));
    }
    return map;
  };
  const h = cells(hist.text, 1);
  const s = cells(sol.text, 1);
  const out: string[] = [`year,month,day,${Array.from({ length: 24 }, (_, k) => `h${k + 1}`).join(',')}`];
  let filledCells = 0;
  for (const [key, zones] of h) {
    const [y, mo, d] = key.split('-').map(Number) as [number, number, number];
    if (!inRange(y, mo, d)) continue;
    const row: string[] = [];
    for (let k = 0; k < 24; k++) {
      let sum = 0;
      let ok = true;
      for (let z = 1; z <= 20; z++) {
        let v = zones.get(z)?.[k] ?? '';
        if (v === '') {
          v = s.get(key)?.get(z)?.[k] ?? '';
          if (v !== '') filledCells++;
        }
        if (v === '' || !Number.isFinite(Number(v))) {
          ok = false;
          break;
        }
        sum += Number(v);
      }
      row.push(ok ? String(sum) : '');
    }
    out.push(`${y},${mo},${d},${row.join(',')}`);
  }
  const tempRows = linesOf(temp.text);
  const tempOut = [tempRows[0]!];
  for (const line of tempRows.slice(1)) {
    const c = splitCsvLine(line);
    if (inRange(Number(c[1]), Number(c[2]), Number(c[3]))) tempOut.push(line);
  }
  const loadFile = 'gefcom2012/system_load_2006_2008.csv.gz';
  const tempFile = 'gefcom2012/temperature_2006_2008.csv.gz';
  const outputs = [
    { file: loadFile, bytes: gz(out.join('\n') + '\n') },
    { file: tempFile, bytes: gz(tempOut.join('\n') + '\n') },
  ];
  const wide = { layout: 'wideHours', hourColumns: { prefix: 'h', first: 1, count: 24 }, time: { year: 'year', month: 'month', day: 'day' } };
  const manifest = {
    name: 'gefcom2012',
    description:
      'COMPACT SUBSET of gefcom2012 (see datasets/gefcom2012.manifest.yaml): system load = sum of zones 1-20 (kW), precomputed by scripts/make-subsets.ts from Load_history with the holdout cells taken from Load_solution, and the 11 temperature stations (degF), 2006-01-01 to 2008-06-30 06:00 local time.',
    ...common(m),
    range: { to: '2008-06-30T09:00:00Z' },
    tables: [
      { id: 'load', file: loadFile, sha256: sha256Of(outputs[0]!.bytes), ...wide },
      { id: 'temperature', file: tempFile, sha256: sha256Of(outputs[1]!.bytes), ...wide, entity: 'station_id' },
    ],
    columns: [
      { name: 'load', unit: 'kW', description: 'system load = sum of zones 1-20', from: { table: 'load' } },
      ...Array.from({ length: 11 }, (_, k) => ({
        name: `T${k + 1}`,
        unit: 'degF',
        allowNegative: true,
        from: { table: 'temperature', entity: String(k + 1) },
      })),
    ],
    roles: m.roles,
    policy: m.policy,
    notes: [
      `Cut from ${hist.file} (sha256 ${hist.sha256}), ${sol.file} (sha256 ${sol.sha256}) and ${temp.file} (sha256 ${temp.sha256}); ${filledCells} zone-hour cells came from the solution file.`,
    ],
  };
  return {
    manifest,
    outputs,
    provenance: [
      `- \`${loadFile}\`: one row per day, h1..h24 = sum of zones 1-20 of \`${hist.file}\` (sha256 \`${hist.sha256}\`), holdout cells (${filledCells}) from \`${sol.file}\` (sha256 \`${sol.sha256}\`); 2006-01-01 … 2008-06-30 (h7-h24 of the last day are unknown in every source).`,
      `- \`${tempFile}\`: the rows of \`${temp.file}\` (sha256 \`${temp.sha256}\`) dated 2006-01-01 … 2008-06-30, unchanged.`,
    ],
  };
}

/** CityLearn 2022: the one year of all 17 homes' load with temperature, carbon and price in one table. */
function citylearn(dataRoot: string): SubsetResult {
  const m = fullManifest('citylearn_2022_fontana');
  const cols: string[][] = [];
  const headers: string[] = [];
  const prov: string[] = [];
  const take = (tableId: string, field: string, as: string) => {
    const f = readFull(dataRoot, m, tableId);
    const rows = linesOf(f.text);
    const i = splitCsvLine(rows[0]!).indexOf(field);
    cols.push(rows.slice(1).map((l) => splitCsvLine(l)[i]!));
    headers.push(as);
    prov.push(`\`${f.file}\` (${field}; sha256 \`${f.sha256}\`)`);
    return rows;
  };
  const b1 = linesOf(readFull(dataRoot, m, 'b1').text);
  for (const c of ['month', 'hour', 'day_type']) {
    const i = splitCsvLine(b1[0]!).indexOf(c);
    cols.push(b1.slice(1).map((l) => splitCsvLine(l)[i]!));
    headers.push(c);
  }
  for (let b = 1; b <= 17; b++) take(`b${b}`, 'non_shiftable_load', `Building_${b}`);
  take('weather', 'outdoor_dry_bulb_temperature', 'outdoor_dry_bulb_temperature');
  take('carbon', 'carbon_intensity', 'carbon_intensity');
  take('pricing', 'electricity_pricing', 'electricity_pricing');
  const n = cols[0]!.length;
  const out = [headers.join(',')];
  for (let r = 0; r < n; r++) out.push(cols.map((c) => c[r]).join(','));
  const file = 'citylearn_2022_fontana/homes_one_year.csv.gz';
  const bytes = gz(out.join('\n') + '\n');
  const manifest = {
    name: 'citylearn_2022_fontana',
    description:
      'COMPACT SUBSET of citylearn_2022_fontana (see datasets/citylearn_2022_fontana.manifest.yaml): the one year of whole-house load of the 17 homes (kWh per hour) with TMY3 temperature (degC), carbon intensity (kgCO2/kWh) and TOU price (USD/kWh) in one table; PV columns omitted.',
    ...common(m),
    tables: [
      {
        id: 'homes',
        file,
        sha256: sha256Of(bytes),
        time: { start: '2016-07-31 23:00' },
        check: { month: 'month', hour: 'hour', weekday: { column: 'day_type', monday: 1 } },
      },
    ],
    columns: [
      ...Array.from({ length: 17 }, (_, k) => ({
        name: `Building_${k + 1}`,
        unit: 'kWh',
        from: { table: 'homes', field: `Building_${k + 1}` },
        role: 'consumers',
      })),
      { name: 'temperature', unit: 'degC', allowNegative: true, from: { table: 'homes', field: 'outdoor_dry_bulb_temperature' } },
      { name: 'carbon', unit: 'kgCO2/kWh', from: { table: 'homes', field: 'carbon_intensity' } },
      { name: 'price', unit: 'USD/kWh', from: { table: 'homes', field: 'electricity_pricing' } },
    ],
    roles: m.roles,
    policy: m.policy,
    notes: [...m.notes, `Columns copied as text, row by row, from ${prov.length} source columns (see datasets/subsets/README.md).`],
  };
  return {
    manifest,
    outputs: [{ file, bytes }],
    provenance: [`- \`${file}\`: month, hour, day_type of Building_1 and, column by column unchanged: ${prov.join(', ')}.`],
  };
}

/** Cambridge: 20 buildings of 2019 (header order, fewer than 1 % zero hours) + weather, carbon, price. */
function cambridge(dataRoot: string): SubsetResult {
  const m = fullManifest('cambridge_estates_buildings');
  const e = readFull(dataRoot, m, 'e2019');
  const rows = linesOf(e.text);
  const head = splitCsvLine(rows[0]!);
  const body = rows.slice(1).map((l) => splitCsvLine(l));
  const chosen: number[] = [];
  for (let i = 1; i < head.length && chosen.length < 20; i++) {
    if (!/^UCam_Building_b\d+$/.test(head[i]!)) continue;
    const zeros = body.filter((r) => Number(r[i]) === 0).length;
    if (zeros < 0.01 * body.length) chosen.push(i);
  }
  const byTime = (tableId: string, field: string) => {
    const f = readFull(dataRoot, m, tableId);
    const r = linesOf(f.text);
    const i = splitCsvLine(r[0]!).indexOf(field);
    const map = new Map<string, string>();
    for (const l of r.slice(1)) {
      const c = splitCsvLine(l);
      if (c[0]!.startsWith('2019-')) map.set(c[0]!, c[i]!);
    }
    return { map, f };
  };
  const aux = [
    byTime('weather', 'air_temperature [degC]'),
    byTime('weather', 'glbl_irad_amt [W/m2]'),
    byTime('carbon', 'Carbon Intensity [kg_CO2/kWh]'),
    byTime('price', 'Electricity Pricing [£/kWh]'),
  ];
  const auxNames = ['air_temperature [degC]', 'glbl_irad_amt [W/m2]', 'Carbon Intensity [kg_CO2/kWh]', 'Electricity Pricing [£/kWh]'];
  const out = [['datetime', ...chosen.map((i) => head[i]!), ...auxNames].join(',')];
  for (const r of body) {
    const vals = aux.map((a) => a.map.get(r[0]!));
    if (vals.some((v) => v === undefined)) {
      throw new DatasetError(`Cambridge auxiliary data lacks ${r[0]}`, { hint: 'The full files changed; check their sha256.' });
    }
    out.push([r[0]!, ...chosen.map((i) => r[i]!), ...vals].join(','));
  }
  const file = 'cambridge_estates_buildings/buildings20_2019.csv.gz';
  const bytes = gz(out.join('\n') + '\n');
  const dt = { datetime: { column: 'datetime', format: '%Y-%m-%d %H:%M:%S' } };
  const manifest = {
    name: 'cambridge_estates_buildings',
    description:
      'COMPACT SUBSET of cambridge_estates_buildings (see datasets/cambridge_estates_buildings.manifest.yaml): 20 buildings of 2019 (the first 20 in header order with fewer than 1 % zero hours), hourly kWh, with Bedford air temperature (degC) and irradiance (W/m2), GB carbon intensity (kgCO2/kWh) and Agile Octopus price (GBP/kWh), timestamps UTC.',
    ...common(m),
    tables: [{ id: 'estate', file, sha256: sha256Of(bytes), time: dt }],
    columns: [
      { name: 'temperature', unit: 'degC', allowNegative: true, from: { table: 'estate', field: 'air_temperature [degC]' } },
      { name: 'irradiance', unit: 'W/m2', from: { table: 'estate', field: 'glbl_irad_amt [W/m2]' } },
      { name: 'carbon', unit: 'kgCO2/kWh', from: { table: 'estate', field: 'Carbon Intensity [kg_CO2/kWh]' } },
      { name: 'price', unit: 'GBP/kWh', allowNegative: true, from: { table: 'estate', field: 'Electricity Pricing [£/kWh]' } },
    ],
    expand: [{ match: '^UCam_Building_b[0-9]+$', tables: ['estate'], unit: 'kWh', role: 'consumers' }],
    roles: m.roles,
    policy: m.policy,
    notes: m.notes,
  };
  return {
    manifest,
    outputs: [{ file, bytes }],
    provenance: [
      `- \`${file}\`: 2019 rows; buildings ${chosen.map((i) => head[i]).join(', ')} from \`${e.file}\` (sha256 \`${e.sha256}\`), joined on datetime with ${aux
        .map((a, k) => `${auxNames[k]} of \`${a.f.file}\``)
        .join(', ')}; values copied as text.`,
    ],
  };
}

/** COMED day-ahead prices and PJM load forecasts for 2017, rows unchanged. */
function comed(dataRoot: string): SubsetResult {
  const m = fullManifest('pjm_comed_dayahead_price_epftoolbox');
  const f = readFull(dataRoot, m, 'pjm');
  const rows = linesOf(f.text);
  const out = [rows[0]!, ...rows.slice(1).filter((l) => l.startsWith('2017-'))];
  const file = 'pjm_comed_dayahead_price_epftoolbox/PJM_2017.csv.gz';
  const bytes = gz(out.join('\n') + '\n');
  const full = m.tables[0]!;
  const manifest = {
    name: 'pjm_comed_dayahead_price_epftoolbox',
    description:
      'COMPACT SUBSET of pjm_comed_dayahead_price_epftoolbox (see datasets/pjm_comed_dayahead_price_epftoolbox.manifest.yaml): COMED day-ahead LMP (USD/MWh) with PJM day-ahead RTO and COMED load forecasts (MW), calendar year 2017.',
    ...common(m),
    tables: [{ id: 'pjm', file, sha256: sha256Of(bytes), time: full.time }],
    columns: m.columns,
    roles: m.roles,
    policy: m.policy,
  };
  return {
    manifest,
    outputs: [{ file, bytes }],
    provenance: [`- \`${file}\`: the header and the rows dated 2017 of \`${f.file}\` (sha256 \`${f.sha256}\`), unchanged.`],
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const flag = argv.indexOf('--data');
  const { dataRoot, source } = resolveDataRoot({ data: flag >= 0 ? argv[flag + 1] : undefined, env: process.env });
  if (source === 'subsets') {
    throw new DatasetError('make-subsets needs the full datasets, but only the subsets were found', {
      hint: 'Pass --data <folder with gefcom2012_load/ …> or set PEAKLAB_DATA.',
    });
  }
  const subsets = [gefcom(dataRoot), citylearn(dataRoot), cambridge(dataRoot), comed(dataRoot)];
  const readme: string[] = [
    '# Compact dataset subsets (generated — do not edit)',
    '',
    'Small cuts of the full datasets that the quickstart simulator needs, so the project runs without the',
    'full data. Generated by `npm run data:subsets` (`scripts/make-subsets.ts`) from the files named below,',
    'each verified against its sha256 first; output is byte-for-byte reproducible. Each subset has its own',
    'manifest here, with the same name as the full view, so `loadDataset` uses it when the data root is',
    'this folder (the fallback when no full data is found). Licences and citations are those of the',
    'sources and are repeated in each manifest: cite them in any report that uses these files.',
    '',
    '| dataset | files | bytes | citation | licence |',
    '|---|---|---|---|---|',
  ];
  const provenance: string[] = ['', '## Provenance', ''];
  let total = 0;
  for (const s of subsets) {
    const name = String(s.manifest.name);
    const text = `# GENERATED by scripts/make-subsets.ts — compact subset of ${name}. Do not edit; run npm run data:subsets.\n${stringify(s.manifest, { lineWidth: 0, aliasDuplicateObjects: false })}`;
    parseManifest({ text, path: `${name}.manifest.yaml` });
    for (const o of s.outputs) {
      writeAtomic({ path: join(subsetsDir, o.file), content: o.bytes });
      total += o.bytes.length;
    }
    writeAtomic({ path: join(subsetsDir, `${name}.manifest.yaml`), content: text });
    const bytes = s.outputs.reduce((a, o) => a + o.bytes.length, 0);
    readme.push(`| \`${name}\` | ${s.outputs.map((o) => `\`${o.file}\``).join(', ')} | ${bytes} | ${String(s.manifest.citation)} | ${String(s.manifest.licence)} |`);
    provenance.push(...s.provenance);
  }
  writeAtomic({ path: join(subsetsDir, 'README.md'), content: [...readme, ...provenance, ''].join('\n') });
  // Self-check: every subset loads and passes its policy.
  for (const s of subsets) {
    const r = await loadDataset({ name: String(s.manifest.name), dataRoot: subsetsDir, manifestDir: subsetsDir });
    const f = r.frame;
    process.stdout.write(
      `${f.name}: ${f.length} intervals ${new Date(f.start).toISOString()} … ${new Date(f.time[f.length - 1]!).toISOString()}, ${f.columns.size} columns\n  ${summarizeFindings({ findings: r.findings }).text.replaceAll('\n', '\n  ')}\n`,
    );
  }
  process.stdout.write(`wrote ${subsets.length} subsets, ${total} bytes of data, into ${subsetsDir}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof PeaklabError ? e.message : String(e instanceof Error ? e.stack : e)}\n`);
  process.exit(1);
});
