/** The ranked plain-text table printed at the end of `peaklab backtest baseline` (pure). */
import type { BacktestBaselinesResult } from './backtestBaselines.ts';

export interface FormatBacktestTableParameters {
  result: BacktestBaselinesResult;
}

const num = (v: number | undefined | null, width: number) => (v === undefined || v === null || !Number.isFinite(v) ? '—' : v.toFixed(1)).padStart(width);

export function formatBacktestTable({ result }: FormatBacktestTableParameters): string {
  const head = `${result.dataset}: ${result.placeboDays.length} placebo days × ${result.consumers.length} consumers, ` +
    `${result.event.startHour}:00 for ${result.event.durationHours} h, ${result.scoredConsumerDays} consumer-days scored; ` +
    `gaming = ×${result.gaming.factor} ${result.gaming.hours === null ? "in each method's adjustment window" : `for ${result.gaming.hours} h before the event`}`;
  const cols = '  #  method                      RRMSE%  bias%  |err|%  CV%   agg.bias%  agg.RRMSE%  gaming+%  kWh/kWh';
  const lines = result.methods.map((m) => {
    if (m.skipped) return `  -  ${m.name.padEnd(26)}  skipped: ${m.skipped}`;
    return `${String(m.rank ?? '-').padStart(3)}  ${m.name.padEnd(26)}` +
      `${num(m.perConsumerMedian?.rrmsePct, 7)}${num(m.perConsumerMedian?.biasPct, 7)}${num(m.perConsumerMedian?.medianAbsPct, 8)}` +
      `${num(m.perConsumerMedian?.cvRmsePct, 6)}${num(m.aggregate?.biasPct, 11)}${num(m.aggregate?.rrmsePct, 12)}` +
      `${num(m.gaming?.extraBaselinePct, 10)}${num(m.gaming?.upliftPerExtraKWh, 9)}`;
  });
  return [head, cols, ...lines, '  (RRMSE%, bias%, |err|%, CV%: medians over consumers; agg.: the portfolio sum; ranked by median RRMSE)'].join('\n');
}
