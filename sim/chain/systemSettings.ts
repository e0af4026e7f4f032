/** Governed parameters at deployment (names follow Deployer.sol's SystemConfig). */
export interface SystemSettings {
  requiredApprovals: number;
  /** UtilityRegistry compliance flags bitmask. */
  requiredFlags: bigint;
  /** Minimum utility bond in GridToken base units. */
  minBond: bigint;
  approvalPeriod: bigint;
  renewalReputationThresholdBps: number;
  reputationAlphaBps: number;
  initialReputationBps: number;
  revokeSlashBps: number;
  bondUnlockDelay: bigint;
  /** The timelock's delay once the deployment is done (seconds). */
  timelockMinDelay: bigint;
  votingDelay: number;
  votingPeriod: number;
  proposalThreshold: bigint;
  quorumPercent: bigint;
  forecastAlphaBps: number;
  forecastLeadSeconds: number;
  reliabilityAlphaBps: number;
  initialReliabilityBps: number;
  disputeWindow: bigint;
  /** Regions whose stress / emergency thresholds (kW) are set. */
  thresholds: readonly { region: number; stressKw: number; emergencyKw: number }[];
}

const DAY = 86_400n;

/** The defaults of Deployer.sol's `defaultConfig()` (2-of-N approvals, licence + insurance flags, 2-day timelock). */
export const defaultSystemSettings: SystemSettings = {
  requiredApprovals: 2,
  requiredFlags: (1n << 0n) | (1n << 1n),
  minBond: 1000n * 10n ** 18n,
  approvalPeriod: 365n * DAY,
  renewalReputationThresholdBps: 8000,
  reputationAlphaBps: 2000,
  initialReputationBps: 5000,
  revokeSlashBps: 5000,
  bondUnlockDelay: 30n * DAY,
  timelockMinDelay: 2n * DAY,
  votingDelay: Number(DAY),
  votingPeriod: Number(5n * DAY),
  proposalThreshold: 10n ** 18n,
  quorumPercent: 4n,
  forecastAlphaBps: 2000,
  forecastLeadSeconds: 0,
  reliabilityAlphaBps: 2000,
  initialReliabilityBps: 5000,
  disputeWindow: 2n * DAY,
  thresholds: [{ region: 1, stressKw: 1000, emergencyKw: 1500 }],
};
