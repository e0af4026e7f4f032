// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title ScoreMath
/// @notice Scores in basis points (reputation, reliability, forecaster accuracy) live in [0, 10000] and are
///         updated with an exponentially weighted moving average `new = old + alpha * (sample - old)`, where
///         `alpha` is in basis points (10000 = replace the old score with the sample, 0 = ignore the sample).
/// @dev Plain checked arithmetic only (no assembly), so the SMTChecker can reason about it directly.
///      Rounding: the step `alpha * |sample - old| / 10000` is rounded down, i.e. towards the old score, so a
///      score never overshoots the sample and always stays between `old` and `sample` (inclusive).
library ScoreMath {
    /// @notice The EWMA weight is above 100 %.
    error AlphaOutOfRange(uint256 alphaBps, uint256 maxBps);

    /// @notice 100 % in basis points: the upper bound of every score and of `alpha`.
    uint16 internal constant MAX_BPS = 10_000;

    /// @notice Clamps any value into the score range [0, 10000].
    /// @param value A value in basis points, possibly out of range.
    /// @return The value, or 10000 when it is larger.
    function clamp(uint256 value) internal pure returns (uint16) {
        // forge-lint: disable-next-line(unsafe-typecast)
        return value > MAX_BPS ? MAX_BPS : uint16(value); // value ≤ 10000 here
    }

    /// @notice One EWMA step: `old + alphaBps * (sample - old) / 10000`, rounded towards `old`.
    /// @dev Out-of-range `old` and `sample` are clamped into [0, 10000] first; `alphaBps > 10000` reverts.
    /// @param old The current score (bps).
    /// @param sample The new observation (bps).
    /// @param alphaBps Weight of the new observation (bps, ≤ 10000).
    /// @return The new score, in [min(old, sample), max(old, sample)] ⊆ [0, 10000].
    function ewma(uint256 old, uint256 sample, uint256 alphaBps) internal pure returns (uint16) {
        // ewmaBps is ≤ 10000 (proved by the SMTChecker harness contracts/verify/ScoreBounds.sol): no truncation.
        // forge-lint: disable-next-line(unsafe-typecast)
        return uint16(ewmaBps(old, sample, alphaBps));
    }

    /// @notice The EWMA step of `ewma` as a uint256 (the form the SMTChecker proves bounded).
    /// @param old The current score (bps).
    /// @param sample The new observation (bps).
    /// @param alphaBps Weight of the new observation (bps, ≤ 10000).
    /// @return updated The new score, in [min(old, sample), max(old, sample)] ⊆ [0, 10000].
    function ewmaBps(uint256 old, uint256 sample, uint256 alphaBps) internal pure returns (uint256 updated) {
        // `require` with a custom error (not `if … revert`): the SMTChecker models it as a revert.
        require(alphaBps <= MAX_BPS, AlphaOutOfRange(alphaBps, MAX_BPS));
        uint256 o = old > MAX_BPS ? MAX_BPS : old;
        uint256 s = sample > MAX_BPS ? MAX_BPS : sample;
        uint256 gap = s >= o ? s - o : o - s;
        uint256 step = (alphaBps * gap) / MAX_BPS;
        // alphaBps ≤ 10000 already implies step ≤ gap; stating it explicitly keeps the bound provable by the
        // SMTChecker without nonlinear reasoning. It never changes the result.
        if (step > gap) step = gap;
        updated = s >= o ? o + step : o - step;
    }
}
