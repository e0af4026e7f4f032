// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title ILoadForecast
/// @notice What other peaklab contracts need from the load-forecast contract.
interface ILoadForecast {
    /// @notice Forecast stress at `hourStart` in `region`: the latest committed forecast for that hour divided by
    ///         the region's stress threshold, in bps (10000 = at the threshold). 0 when no forecast covers it.
    function stressBps(uint32 region, uint64 hourStart) external view returns (uint32);
}
