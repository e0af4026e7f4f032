import type { SystemSettings } from '../chain/index.ts';

export interface GovernanceDurationParameters {
  settings: Pick<SystemSettings, 'votingDelay' | 'votingPeriod' | 'timelockMinDelay'>;
  blockTimeSeconds?: bigint;
}

/**
 * Seconds `applyProposal` needs from its first block to execution: seating the holders, proposing, the voting
 * delay, the voting period, the tally, queueing and the timelock delay (8 days and a minute with the defaults).
 * The engine starts the governance this long (or longer) before the season.
 */
export function governanceDuration({ settings, blockTimeSeconds = 12n }: GovernanceDurationParameters): bigint {
  return blockTimeSeconds + BigInt(settings.votingDelay) + 1n + BigInt(settings.votingPeriod) + 1n + blockTimeSeconds + settings.timelockMinDelay + blockTimeSeconds;
}
