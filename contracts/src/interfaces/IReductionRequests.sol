// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IReductionRequests
/// @notice What the incentive distributor needs from the reduction-request contract.
interface IReductionRequests {
    /// @notice Event lifecycle. Scheduled → Active → Settling → Finalized, or Scheduled → Cancelled.
    enum EventStatus {
        None,
        Scheduled,
        Active,
        Settling,
        Finalized,
        Cancelled
    }

    /// @notice Lifecycle status of `eventId` at the current block time.
    function statusOf(uint256 eventId) external view returns (EventStatus);

    /// @notice Utility that created `eventId`, and the budget token it pays in.
    function eventPayer(uint256 eventId) external view returns (address utility, address token);

    /// @notice Marks `eventId` as settled by a Merkle root (at most once; reverts on a second time).
    /// @dev Only SETTLER_ROLE (the IncentiveDistributor).
    function markSettled(uint256 eventId) external;

    /// @notice The terms the payout rule needs, frozen when `eventId` was created.
    /// @return rate Token base units per kWh.
    /// @return tierMultiplierBps The tier's incentive multiplier (bps) at creation.
    /// @return stressBps Forecast stress (bps) read from LoadForecast at creation.
    function payoutTerms(uint256 eventId)
        external
        view
        returns (uint256 rate, uint16 tierMultiplierBps, uint32 stressBps);

    /// @notice True once `eventId` was settled by a Merkle root (`markSettled`).
    function isSettled(uint256 eventId) external view returns (bool);
}
