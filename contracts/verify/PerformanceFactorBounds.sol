// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {PayoutMath} from "../src/libraries/PayoutMath.sol";

/// @title PerformanceFactorBounds (SMTChecker harness)
/// @notice Properties of PayoutMath.performanceFactorFromComplianceBps for every compliance and every admissible
///         parameter set: the factor is 0 below the minimum compliance, at least 10000 at or above it, and never
///         above 10000 + bonusCap.
contract PerformanceFactorBounds {
    /// @notice Checks the properties for one input.
    function check(uint256 compliance, uint256 minComplianceBps, uint256 bonusSlopeBps, uint256 bonusCapBps)
        external
        pure
    {
        require(compliance <= PayoutMath.MAX_COMPLIANCE_BPS);
        uint256 f =
            PayoutMath.performanceFactorFromComplianceBps(compliance, minComplianceBps, bonusSlopeBps, bonusCapBps);
        // property: factor is 0 below the minimum compliance
        if (compliance < minComplianceBps) assert(f == 0);
        // property: at or above the minimum the factor is at least 100 %
        if (compliance >= minComplianceBps) assert(f >= 10_000);
        // property: the factor never exceeds 10000 + cap
        assert(f <= 10_000 + bonusCapBps);
    }
}
