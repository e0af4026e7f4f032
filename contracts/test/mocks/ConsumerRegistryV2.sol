// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ConsumerRegistry} from "../../src/ConsumerRegistry.sol";

/// @title ConsumerRegistryV2
/// @notice Test-only upgrade of ConsumerRegistry: appends one state variable (after V1's layout and gap), a
///         reinitializer that sets it, and new functions, so an upgrade through governance can show that V1's
///         state survives and the new code runs on it.
contract ConsumerRegistryV2 is ConsumerRegistry {
    /// @notice Set once by `initializeV2`.
    uint32 public programCap;

    /// @notice Second-version initialiser (runs once, through `upgradeToAndCall`).
    /// @param cap The new parameter.
    function initializeV2(uint32 cap) external reinitializer(2) {
        programCap = cap;
    }

    /// @notice The implementation version.
    /// @return 2.
    function version() external pure returns (uint256) {
        return 2;
    }

    /// @notice How many registered consumers are eligible for a `tier` event at `time` (reads V1 state).
    /// @param tier Event tier.
    /// @param time Event start.
    /// @return count Eligible consumers.
    function eligibleCount(uint8 tier, uint64 time) external view returns (uint256 count) {
        uint32 n = this.consumerCount();
        for (uint32 i = 1; i <= n; ++i) {
            if (eligibility(this.consumerAt(i), tier, time) == Ineligibility.None) ++count;
        }
    }
}
