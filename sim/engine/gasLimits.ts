/** Region id of the simulated grid on chain (one region; every utility's events are in it). */
export const REGION = 1;

/** Fixed gas limits (unused gas is not charged; a fixed limit keeps transactions independent of estimates). */
export const GAS = {
  approve: 100_000n,
  admin: 1_500_000n,
  consumerTx: 250_000n,
  registerPerConsumer: 200_000n,
  kycPerConsumer: 40_000n,
  enrollPerConsumer: 60_000n,
  optInSigPerConsumer: 70_000n,
  outcomesPerConsumer: 60_000n,
  claimPerConsumer: 90_000n,
  batchBase: 200_000n,
} as const;
