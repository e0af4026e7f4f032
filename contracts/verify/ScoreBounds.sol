// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ScoreMath} from "../src/libraries/ScoreMath.sol";

/// @title ScoreBounds (SMTChecker harness)
/// @notice Properties of ScoreMath's EWMA step for every old score, sample and weight: the result is in
///         [0, 10000] and lies between the old score and the (clamped) sample. Every stored score (reputation,
///         reliability, forecaster accuracy) starts in range and changes only through this step, so by induction
///         it stays in [0, 10000]. (`ScoreMath.ewma` is `uint16(ewmaBps(...))`; the bound makes that cast lossless.)
contract ScoreBounds {
    /// @notice The result is a score.
    function checkBounded(uint256 old, uint256 sample, uint256 alphaBps) external pure {
        uint256 updated = ScoreMath.ewmaBps(old, sample, alphaBps);
        // property: scores are bounded in [0, 10000]
        assert(updated <= 10_000);
    }

    /// @notice An upward step never overshoots the sample.
    function checkUpward(uint256 old, uint256 sample, uint256 alphaBps) external pure {
        require(old <= 10_000 && sample <= 10_000 && sample >= old);
        uint256 updated = ScoreMath.ewmaBps(old, sample, alphaBps);
        // property: an EWMA step lands between old and sample (upward)
        assert(updated >= old && updated <= sample);
    }

    /// @notice A downward step never undershoots the sample.
    function checkDownward(uint256 old, uint256 sample, uint256 alphaBps) external pure {
        require(old <= 10_000 && sample < old);
        uint256 updated = ScoreMath.ewmaBps(old, sample, alphaBps);
        // property: an EWMA step lands between sample and old (downward)
        assert(updated <= old && updated >= sample);
    }
}
