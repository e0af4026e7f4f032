// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title IIncentiveDistributor
/// @notice What other peaklab contracts need from the incentive distributor.
interface IIncentiveDistributor {
    /// @notice True when utilities may fund programs (and budget events) in `token`.
    function isAcceptedToken(address token) external view returns (bool);

    /// @notice Reference payout (token base units) of one consumer's delivery in `eventId` under the governed
    ///         payout rule (PayoutMath): every Merkle leaf's per-event amount is computed with this.
    function quotePayout(uint256 eventId, uint256 deliveredWh, uint256 committedWh) external view returns (uint256);
}
