import { Command, CommanderError } from 'commander';
import { PeaklabError } from '../errors.ts';
import { backtestBaselineCommand } from './commands/backtestBaseline.ts';
import { backtestForecastCommand } from './commands/backtestForecast.ts';
import { checkCommand } from './commands/check.ts';
import { compareCommand } from './commands/compare.ts';
import { dataCommand } from './commands/dataCommand.ts';
import { reportCommand } from './commands/report.ts';
import { runCommand } from './commands/run.ts';

/** Builds the command tree. Each command lives in its own file under sim/cli/commands. */
export function buildProgram(): Command {
  const program = new Command('peaklab')
    .description('Deterministic grid-simulation and backtesting lab for blockchain-based demand response')
    .exitOverride();
  const backtest = program.command('backtest').description('Score forecasting models and customer baselines on real data');
  void backtest;
  backtest.addCommand(backtestForecastCommand());
  backtest.addCommand(backtestBaselineCommand());
  program.addCommand(dataCommand());
  program.addCommand(reportCommand());
  program.addCommand(runCommand());
  program.addCommand(compareCommand());
  program.addCommand(checkCommand());
  return program;
}

/** Runs the CLI; returns the process exit code. Errors are printed with their hint, never as a stack. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof PeaklabError) {
      process.stderr.write(`peaklab: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
