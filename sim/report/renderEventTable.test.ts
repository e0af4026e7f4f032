import { describe, expect, it } from 'vitest';
import { readRunDirectory } from './readRunDirectory.ts';
import { renderEventTable } from './renderEventTable.ts';
import { writeTestRunDirectory } from './writeTestRunDirectory.ts';

describe('renderEventTable', () => {
  it('lists every event in local time with units in the headers and token payouts in human units', () => {
    const run = readRunDirectory({ dir: writeTestRunDirectory({ events: 2 }).dir });
    const html = renderEventTable({ run });
    expect(html.match(/<tr><th scope="row">/g)).toHaveLength(2);
    expect(html).toContain('<th scope="col">Start (local, America/New_York)</th>');
    expect(html).toContain('<th scope="col">Payouts (GRID)</th><th scope="col">Payouts (pUSD)</th>');
    const first = run.events[0];
    // Events start at 14:00 local (18:00 UTC in July).
    expect(first.start.slice(11, 16)).toBe('18:00');
    expect(html).toContain(`<th scope="row">E1</th><td>${first.start.slice(0, 10)} 14:00</td><td>4</td>`);
    const grid = BigInt(first.payoutByToken?.GRID ?? '0');
    const whole = (grid / 10n ** 18n).toString();
    expect(html).toMatch(new RegExp(`<td>${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}\\.\\d\\d</td>`));
  });

  it('says so when no event was called', () => {
    const run = readRunDirectory({ dir: writeTestRunDirectory({ events: 0 }).dir });
    expect(renderEventTable({ run })).toBe('<p>No DR event was called in this run.</p>');
  });
});
