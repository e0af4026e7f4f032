import { describe, expect, it } from 'vitest';
import type { KpiRow } from './kpiRows.ts';
import { kpiDelta, renderKpiTable } from './renderKpiTable.ts';

const row = (id: string, value: number | null, unit: string, text: string, group = 'Peak'): KpiRow => ({ id, group, label: `Label ${id}`, value, unit, decimals: 1, text });

describe('renderKpiTable', () => {
  it('renders one value column for one run, escaped', () => {
    const html = renderKpiTable({ columns: [{ label: 'run <a>', rows: [row('peak', 100, 'kW', '100.0 kW')] }] });
    expect(html).toContain('<th scope="col">run &lt;a&gt;</th>');
    expect(html).toContain('<td data-kpi="peak">100.0 kW</td>');
    expect(html).not.toContain('Δ');
  });

  it('adds Δ columns against the first run, in the row’s unit (pp for %)', () => {
    const html = renderKpiTable({
      columns: [
        { label: 'A', rows: [row('peak', 100, 'kW', '100.0 kW'), row('pct', 10, '%', '10.0 %')] },
        { label: 'B', rows: [row('peak', 90, 'kW', '90.0 kW'), row('pct', 12.5, '%', '12.5 %'), row('extra', 1, 'gas', '1 gas', 'Gas')] },
      ],
    });
    expect(html).toContain('<th scope="col">Δ vs A</th>');
    expect(html).toContain('<td class="kpi-delta">−10.0 kW (−10.0%)</td>');
    expect(html).toContain('<td class="kpi-delta">+2.5 pp</td>');
    // A row only the second run has: a dash in the first column and no delta.
    expect(html).toMatch(/<td data-kpi="extra">–<\/td><td data-kpi="extra">1 gas<\/td><td class="kpi-delta">–<\/td>/);
    expect(html).toContain('<th colspan="4" scope="rowgroup">Gas</th>');
  });

  it('kpiDelta is null when a side is missing', () => {
    expect(kpiDelta({ row: row('x', null, 'kW', '–'), reference: row('x', 1, 'kW', '1 kW') })).toBeNull();
    expect(kpiDelta({ row: undefined, reference: row('x', 1, 'kW', '1 kW') })).toBeNull();
    expect(kpiDelta({ row: row('x', 3, 'kW', '3 kW'), reference: row('x', 0, 'kW', '0 kW') })).toBe('+3.0 kW');
  });
});
