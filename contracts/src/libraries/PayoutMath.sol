// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title PayoutMath
/// @notice The demand-response payout rule, pure and in one place (mirrored once in TypeScript):
///
///         payout = deliveredWh × rate × tierMultiplierBps × performanceFactorBps × priceFactorBps
///                  / (1000 × 10000³)
///
///         Units: `deliveredWh` in watt-hours; `rate` in the budget token's base units per kWh (so
///         `deliveredWh × rate / 1000` is token base units); the three factors in basis points (10000 = ×1).
///         The result is in the budget token's base units, rounded down (towards the payer), exactly: the
///         whole product is divided once, never in steps.
/// @dev performanceFactor (bps) from compliance = deliveredWh × 10000 / committedWh (rounded down):
///        compliance <  minComplianceBps           → 0
///        compliance ≤  10000                      → 10000
///        compliance >  10000                      → 10000 + min((compliance − 10000) × bonusSlopeBps / 10000,
///                                                                bonusCapBps)
///      priceFactor (bps) from stressBps: piecewise-linear through the breakpoints (x strictly increasing),
///      clamped to y[0] below x[0] and to y[n−1] above x[n−1], each segment rounded down.
library PayoutMath {
    /// @notice The factor product or an intermediate product does not fit in 256 bits.
    error PayoutOverflow(uint256 deliveredWh, uint256 rateTokenPerKwh, uint256 factorProduct);
    /// @notice A performance parameter is above the supported range (MAX_PARAM_BPS).
    error PerformanceParamTooLarge(uint256 value, uint256 max);
    /// @notice The price-factor curve has no breakpoints.
    error NoBreakpoints();
    /// @notice The x and y breakpoint arrays differ in length.
    error BreakpointsLengthMismatch(uint256 xLength, uint256 yLength);
    /// @notice Breakpoint x values must be strictly increasing.
    error BreakpointsNotIncreasing(uint256 index, uint256 previousX, uint256 x);

    /// @notice 100 % in basis points.
    uint256 internal constant BPS = 10_000;
    /// @notice Wh per kWh: the rate is per kWh, deliveries are in Wh.
    uint256 internal constant WH_PER_KWH = 1000;
    /// @notice The payout denominator 1000 × 10000³.
    uint256 internal constant PAYOUT_DENOMINATOR = WH_PER_KWH * BPS * BPS * BPS;
    /// @notice Upper bound of minComplianceBps, bonusSlopeBps and bonusCapBps (keeps every product exact).
    uint256 internal constant MAX_PARAM_BPS = type(uint32).max;
    /// @notice Compliance saturates here (2^64 bps); with parameters ≤ MAX_PARAM_BPS the factor is the same
    ///         as with the unsaturated value (far above any minimum, and the bonus is at its cap).
    uint256 internal constant MAX_COMPLIANCE_BPS = 1 << 64;

    /// @notice Compliance in bps: deliveredWh × 10000 / committedWh, rounded down, saturating at 2^64.
    /// @param deliveredWh Verified delivered reduction (Wh).
    /// @param committedWh Committed reduction (Wh); 0 means nothing was committed, compliance 0.
    /// @return The compliance in basis points (10000 = delivered exactly the commitment).
    function complianceBps(uint256 deliveredWh, uint256 committedWh) internal pure returns (uint256) {
        if (committedWh == 0) return 0;
        if (deliveredWh / committedWh >= MAX_COMPLIANCE_BPS / BPS) return MAX_COMPLIANCE_BPS;
        // deliveredWh / committedWh < 2^64 / 10000, so the quotient is < 2^64 + 10000: no overflow.
        return Math.min(Math.mulDiv(deliveredWh, BPS, committedWh), MAX_COMPLIANCE_BPS);
    }

    /// @notice Performance factor (bps) for a delivery against a commitment.
    /// @param deliveredWh Verified delivered reduction (Wh).
    /// @param committedWh Committed reduction (Wh); 0 means compliance 0 (factor 0 unless minComplianceBps is 0).
    /// @param minComplianceBps Below this compliance nothing is paid (≤ MAX_PARAM_BPS).
    /// @param bonusSlopeBps Bonus bps per bps of over-delivery, in bps (10000 = 1:1) (≤ MAX_PARAM_BPS).
    /// @param bonusCapBps Largest bonus above 10000 (≤ MAX_PARAM_BPS).
    /// @return The factor in bps: 0, 10000, or in (10000, 10000 + bonusCapBps].
    function performanceFactorBps(
        uint256 deliveredWh,
        uint256 committedWh,
        uint256 minComplianceBps,
        uint256 bonusSlopeBps,
        uint256 bonusCapBps
    ) internal pure returns (uint256) {
        return performanceFactorFromComplianceBps(
            complianceBps(deliveredWh, committedWh), minComplianceBps, bonusSlopeBps, bonusCapBps
        );
    }

    /// @notice Performance factor (bps) from an already computed compliance (bps).
    /// @dev Plain checked arithmetic (no assembly): this is the part the SMTChecker proves bounded.
    /// @param compliance Compliance in bps (≤ MAX_COMPLIANCE_BPS).
    /// @param minComplianceBps Below this compliance nothing is paid (≤ MAX_PARAM_BPS).
    /// @param bonusSlopeBps Bonus bps per bps of over-delivery, in bps (≤ MAX_PARAM_BPS).
    /// @param bonusCapBps Largest bonus above 10000 (≤ MAX_PARAM_BPS).
    /// @return factor The factor in bps: 0 below the minimum, otherwise in [10000, 10000 + bonusCapBps].
    function performanceFactorFromComplianceBps(
        uint256 compliance,
        uint256 minComplianceBps,
        uint256 bonusSlopeBps,
        uint256 bonusCapBps
    ) internal pure returns (uint256 factor) {
        // `require` with custom errors (not `if … revert`): the SMTChecker models these as reverts.
        require(minComplianceBps <= MAX_PARAM_BPS, PerformanceParamTooLarge(minComplianceBps, MAX_PARAM_BPS));
        require(bonusSlopeBps <= MAX_PARAM_BPS, PerformanceParamTooLarge(bonusSlopeBps, MAX_PARAM_BPS));
        require(bonusCapBps <= MAX_PARAM_BPS, PerformanceParamTooLarge(bonusCapBps, MAX_PARAM_BPS));
        if (compliance > MAX_COMPLIANCE_BPS) compliance = MAX_COMPLIANCE_BPS;
        if (compliance < minComplianceBps) return 0;
        if (compliance <= BPS) return BPS;
        uint256 excess = compliance - BPS;
        uint256 bonus;
        // excess < 2^64 (compliance saturates at MAX_COMPLIANCE_BPS) and bonusSlopeBps ≤ 2^32 − 1 (required
        // above), so the product is < 2^96 and cannot overflow. `unchecked` skips that (redundant) check, which the
        // SMTChecker cannot discharge for a product of two variables; the bounds on the factor are still proved.
        unchecked {
            bonus = (excess * bonusSlopeBps) / BPS;
        }
        factor = BPS + (bonus < bonusCapBps ? bonus : bonusCapBps);
    }

    /// @notice Price factor (bps) for a forecast stress level, piecewise-linear through the breakpoints.
    /// @param stressBps Forecast stress (bps, 10000 = at the region's stress threshold).
    /// @param x Breakpoint stress levels (bps), strictly increasing, at least one.
    /// @param y Price factor at each breakpoint (bps), same length as `x`.
    /// @return The interpolated factor (rounded down), y[0] at or below x[0], y[n−1] at or above x[n−1].
    function priceFactorBps(uint256 stressBps, uint256[] memory x, uint256[] memory y) internal pure returns (uint256) {
        validateBreakpoints(x, y);
        uint256 n = x.length;
        if (stressBps <= x[0]) return y[0];
        if (stressBps >= x[n - 1]) return y[n - 1];
        // x[0] < stressBps < x[n-1]: find the segment [x[i], x[i+1]) containing it.
        uint256 i = 0;
        while (stressBps >= x[i + 1]) ++i;
        uint256 dx = x[i + 1] - x[i];
        uint256 t = stressBps - x[i];
        if (y[i + 1] >= y[i]) {
            return y[i] + Math.mulDiv(y[i + 1] - y[i], t, dx);
        }
        // Decreasing segment: floor(y[i] − d·t/dx) = y[i] − ceil(d·t/dx).
        return y[i] - Math.mulDiv(y[i] - y[i + 1], t, dx, Math.Rounding.Ceil);
    }

    /// @notice Reverts unless `x`/`y` describe a valid price-factor curve (non-empty, equal lengths, x strictly
    ///         increasing). Governance setters call this before storing a curve.
    /// @param x Breakpoint stress levels (bps).
    /// @param y Price factor at each breakpoint (bps).
    function validateBreakpoints(uint256[] memory x, uint256[] memory y) internal pure {
        if (x.length == 0) revert NoBreakpoints();
        if (x.length != y.length) revert BreakpointsLengthMismatch(x.length, y.length);
        for (uint256 i = 1; i < x.length; ++i) {
            if (x[i] <= x[i - 1]) revert BreakpointsNotIncreasing(i, x[i - 1], x[i]);
        }
    }

    /// @notice The payout in token base units, rounded down (see the library notice for the formula and units).
    /// @param deliveredWh Verified delivered reduction (Wh).
    /// @param rateTokenPerKwh Rate in token base units per kWh.
    /// @param tierMultiplierBps Event tier's incentive multiplier (bps).
    /// @param perfFactorBps Performance factor (bps), from `performanceFactorBps`.
    /// @param priceFactor Price factor (bps), from `priceFactorBps`.
    /// @return The payout in token base units.
    function payout(
        uint256 deliveredWh,
        uint256 rateTokenPerKwh,
        uint256 tierMultiplierBps,
        uint256 perfFactorBps,
        uint256 priceFactor
    ) internal pure returns (uint256) {
        (bool ok1, uint256 tp) = Math.tryMul(tierMultiplierBps, perfFactorBps);
        (bool ok2, uint256 f) = Math.tryMul(tp, priceFactor);
        if (!ok1 || !ok2) revert PayoutOverflow(deliveredWh, rateTokenPerKwh, type(uint256).max);
        if (f == 0 || deliveredWh == 0 || rateTokenPerKwh == 0) return 0;
        // One exact floor division of the full product; mulDiv keeps 512 bits internally and reverts only
        // when the payout itself does not fit in 256 bits.
        (bool ok3, uint256 rf) = Math.tryMul(rateTokenPerKwh, f);
        if (ok3) return Math.mulDiv(deliveredWh, rf, PAYOUT_DENOMINATOR);
        (bool ok4, uint256 df) = Math.tryMul(deliveredWh, f);
        if (ok4) return Math.mulDiv(df, rateTokenPerKwh, PAYOUT_DENOMINATOR);
        revert PayoutOverflow(deliveredWh, rateTokenPerKwh, f);
    }
}
