// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IUtilityRegistry
/// @notice What other peaklab contracts need from the utility registry (utility verification).
interface IUtilityRegistry {
    /// @notice Lifecycle of a utility. None = never applied.
    enum Status {
        None,
        Pending,
        Active,
        Suspended,
        Revoked,
        Expired
    }

    /// @notice Stored status of `utility` (Active is reported as Expired once its expiry passed).
    function statusOf(address utility) external view returns (Status);

    /// @notice True when `utility` is Active, its approval has not expired at the current block time and every
    ///         governed compliance flag is attested and unexpired.
    function isActive(address utility) external view returns (bool);

    /// @notice Reputation score in basis points [0, 10000] (EWMA of event outcomes).
    function reputationOf(address utility) external view returns (uint16);

    /// @notice Folds one event outcome (bps, 10000 = delivered the target) into the utility's reputation.
    /// @dev Only REPORTER_ROLE (the ReductionRequests contract).
    function recordOutcome(address utility, uint16 outcomeBps) external;
}
