import { UsageError } from '../errors.ts';
import type { Scenario } from '../scenario/index.ts';

export interface WithSeedOptionParameters {
  scenario: Scenario;
  /** The `--seed` text as given, or undefined when the flag is absent. */
  seed: string | undefined;
}

/** The scenario with its root seed replaced by `--seed` (a uint32), or unchanged without the flag. */
export function withSeedOption({ scenario, seed: text }: WithSeedOptionParameters): Scenario {
  if (text === undefined) return scenario;
  const seed = Number(text);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) throw new UsageError(`Invalid --seed ${JSON.stringify(text)}`, { hint: 'Give a whole number from 0 to 4294967295.' });
  return { ...scenario, seed };
}
