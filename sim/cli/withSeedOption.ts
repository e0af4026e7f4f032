import type { Scenario } from '../scenario/index.ts';
import { integerOption } from './integerOption.ts';

export interface WithSeedOptionParameters {
  scenario: Scenario;
  /** The `--seed` text as given, or undefined when the flag is absent. */
  seed: string | undefined;
}

/** The scenario with its root seed replaced by `--seed` (a uint32), or unchanged without the flag. */
export function withSeedOption({ scenario, seed: text }: WithSeedOptionParameters): Scenario {
  if (text === undefined) return scenario;
  return { ...scenario, seed: integerOption({ value: text, flag: '--seed', min: 0, max: 0xffff_ffff }) };
}
