import { formatNumber } from '../metrics/index.ts';
import { escapeHtml } from './escapeHtml.ts';
import { eventGas } from './eventGas.ts';
import { formatTokenAmount } from './formatTokenAmount.ts';
import { localWallClock, wallClockIso } from './localWallClock.ts';
import type { RunDirectory } from './readRunDirectory.ts';

export interface RenderEventTableParameters {
  run: RunDirectory;
}

/**
 * One row per DR event (events.jsonl, call order): local start, duration, responses, energy,
 * peak reduction, payouts per token in human units and gas per consumer-event — each with its unit.
 */
export function renderEventTable({ run }: RenderEventTableParameters): string {
  if (run.events.length === 0) return '<p>No DR event was called in this run.</p>';
  const wall = localWallClock({ timezone: run.summary.period.timezone });
  const tokens = Object.keys(run.summary.payouts.decimals).sort();
  const head = [
    'Event',
    `Start (local, ${run.summary.period.timezone})`,
    'Duration (h)',
    'Opted in',
    'Opted out',
    'Took part',
    'Delivered (kWh)',
    'Rebound (kWh)',
    'Peak reduction (kW)',
    ...tokens.map((t) => `Payouts (${t})`),
    'Gas per consumer-event (gas)',
  ];
  const rows = run.events.map((e) => {
    const gas = eventGas({ event: e });
    const cells = [
      e.eventId,
      wallClockIso(wall(Date.parse(e.start))).slice(0, 16).replace('T', ' '),
      formatNumber({ value: e.durationHours, decimals: e.durationHours % 1 === 0 ? 0 : 2, display: true }),
      formatNumber({ value: e.optedIn, display: true }),
      formatNumber({ value: e.optedOut, display: true }),
      formatNumber({ value: e.participants, display: true }),
      formatNumber({ value: e.deliveredKwh, decimals: 1, display: true }),
      formatNumber({ value: e.reboundKwh ?? null, decimals: 1, display: true }),
      formatNumber({ value: e.peakReductionKw ?? null, decimals: 1, display: true }),
      ...tokens.map((t) => {
        const amount = e.payoutByToken?.[t];
        return amount === undefined ? '–' : formatTokenAmount({ amount: BigInt(amount), decimals: run.summary.payouts.decimals[t] });
      }),
      formatNumber({ value: e.participants > 0 ? gas / e.participants : null, display: true }),
    ];
    return `<tr>${cells.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join('')}</tr>`;
  });
  return `<table class="events"><thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}
