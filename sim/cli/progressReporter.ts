import cliProgress from 'cli-progress';

/** One step of a long loop: `done` of `total`, and the values the bar format or the plain line shows. */
export interface ProgressStep<P extends Record<string, string>> {
  done: number;
  total: number;
  payload: P;
  /** A new bar starts when this changes (e.g. the next backtest mode); default: one bar. */
  key?: string;
}

export interface ProgressReporterParameters<P extends Record<string, string>> {
  /** Draw a bar (the command decided: its stream is a TTY, not --quiet, not CI); otherwise plain lines. */
  bar: boolean;
  /** cli-progress format of the bar: `{bar}`, `{value}`, `{total}` and the payload keys. */
  format: string;
  /** The plain line for a step when there is no bar, or undefined to print none (e.g. only every 30th step). */
  line: (step: ProgressStep<P>) => string | undefined;
  /** Where plain lines go (default: stderr). */
  write?: (line: string) => void;
  /** Where the bar is drawn (default: stderr). */
  stream?: NodeJS.WritableStream;
}

export interface ProgressReporter<P extends Record<string, string>> {
  /** Moves the bar (starting it on the first step, a new key, or after it finished), or prints the plain line. */
  step: (step: ProgressStep<P>) => void;
  /** Stops the bar (safe to call any number of times, also when none was drawn). */
  stop: () => void;
}

/**
 * Progress of a CLI command: a TTY bar (cli-progress) that ends when `done` reaches `total`, or plain lines
 * off a TTY (logs, CI, tests). The one place commands draw progress.
 */
export function progressReporter<P extends Record<string, string>>({
  bar: drawBar,
  format,
  line,
  write = (text) => process.stderr.write(`${text}\n`),
  stream = process.stderr,
}: ProgressReporterParameters<P>): ProgressReporter<P> {
  const bar = drawBar ? new cliProgress.SingleBar({ format, stream, hideCursor: true }, cliProgress.Presets.shades_classic) : undefined;
  let running = false;
  let currentKey: string | undefined;
  const stop = () => {
    if (running) bar?.stop();
    running = false;
  };
  return {
    step: (step) => {
      if (bar === undefined) {
        const text = line(step);
        if (text !== undefined) write(text);
        return;
      }
      if (!running || step.key !== currentKey) {
        stop();
        bar.start(step.total, 0, step.payload);
        running = true;
        currentKey = step.key;
      }
      bar.update(step.done, step.payload);
      if (step.done >= step.total) stop();
    },
    stop,
  };
}
