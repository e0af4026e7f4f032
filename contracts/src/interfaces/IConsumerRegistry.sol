// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IConsumerRegistry
/// @notice What other peaklab contracts need from the consumer registry (consumer onboarding).
interface IConsumerRegistry {
    /// @notice Why a consumer is not eligible for an event (None = eligible).
    enum Ineligibility {
        None,
        NotRegistered,
        NoKyc,
        KycExpired,
        NoParticipationConsent,
        UtilityNotActive,
        TierNotAccepted,
        Unavailable,
        MonthlyCapReached
    }

    /// @notice Dense index (1-based, assigned at registration, never reused) for bitmaps; 0 = not registered.
    function indexOf(address consumer) external view returns (uint32);

    /// @notice The utility serving `consumer` (set at registration).
    function servingUtilityOf(address consumer) external view returns (address);

    /// @notice Reason `consumer` cannot take part in a `tier` event starting at `time` (None when eligible).
    /// @dev Checks registration, KYC (present, unexpired at `time`), participation consent, serving utility
    ///      Active, preferences (max tier, weekly availability bitmask at `time`, max events per month).
    function eligibility(address consumer, uint8 tier, uint64 time) external view returns (Ineligibility);

    /// @notice True when `eligibility(consumer, tier, time) == Ineligibility.None`.
    function isEligible(address consumer, uint8 tier, uint64 time) external view returns (bool);

    /// @notice Counts one event in `time`'s month towards each consumer's monthly cap.
    /// @dev Only REPORTER_ROLE (the ReductionRequests contract).
    function recordParticipation(address[] calldata consumers, uint64 time) external;

    /// @notice Folds each consumer's event outcome (bps, 10000 = delivered its commitment) into its reliability.
    /// @dev Only REPORTER_ROLE (the ReductionRequests contract).
    function recordReliability(address[] calldata consumers, uint16[] calldata outcomesBps) external;

    /// @notice Reliability score in basis points [0, 10000].
    function reliabilityOf(address consumer) external view returns (uint16);

    /// @notice Where `consumer`'s payouts go: its chosen payout address, or itself when none is set.
    function payoutAddressOf(address consumer) external view returns (address);

    /// @notice The token `consumer` prefers to be paid in (address(0) = no preference).
    function payoutTokenOf(address consumer) external view returns (address);

    /// @notice True when `consumer` has a standing opt-in (preference autoEnroll) for events it is eligible for.
    function autoEnrollOf(address consumer) external view returns (bool);

    /// @notice The consumer with dense index `index` (1-based); address(0) when out of range.
    function consumerAt(uint32 index) external view returns (address);

    /// @notice Number of registered consumers (the largest index).
    function consumerCount() external view returns (uint32);
}
