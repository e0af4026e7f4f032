import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressReporter } from './progressReporter.ts';

describe('progressReporter', () => {
  it('off a TTY prints the plain lines the command chooses, and nothing else', () => {
    const lines: string[] = [];
    const progress = progressReporter<{ date: string }>({
      bar: false,
      format: '[{bar}] {value}/{total} {date}',
      line: ({ done, total, payload }) => (done % 2 === 0 ? `${done}/${total} ${payload.date}` : undefined),
      write: (line) => lines.push(line),
    });
    for (let d = 1; d <= 4; d++) progress.step({ done: d, total: 4, payload: { date: `2021-01-0${d}` } });
    progress.stop();
    progress.stop();
    expect(lines).toEqual(['2/4 2021-01-02', '4/4 2021-01-04']);
  });

  it('with a bar prints no plain lines, restarts for a new key and stops any number of times', () => {
    const lines: string[] = [];
    const stream = Object.assign(new PassThrough(), { isTTY: false });
    const progress = progressReporter<{ mode: string }>({
      bar: true,
      format: '{mode} [{bar}] {value}/{total}',
      line: () => 'never',
      write: (line) => lines.push(line),
      stream,
    });
    progress.step({ done: 1, total: 2, payload: { mode: 'a' }, key: 'a' });
    progress.step({ done: 2, total: 2, payload: { mode: 'a' }, key: 'a' });
    progress.step({ done: 1, total: 3, payload: { mode: 'b' }, key: 'b' });
    progress.stop();
    progress.stop();
    expect(lines).toEqual([]);
  });
});
