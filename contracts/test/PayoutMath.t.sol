// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Test} from "./utils/Test.sol";
import {PayoutMath} from "../src/libraries/PayoutMath.sol";

/// @dev External wrapper so library reverts surface at a call boundary `expectRevert` can see.
contract PayoutMathHarness {
    function complianceBps(uint256 d, uint256 c) external pure returns (uint256) {
        return PayoutMath.complianceBps(d, c);
    }

    function performanceFactorBps(uint256 d, uint256 c, uint256 minC, uint256 slope, uint256 cap)
        external
        pure
        returns (uint256)
    {
        return PayoutMath.performanceFactorBps(d, c, minC, slope, cap);
    }

    function priceFactorBps(uint256 s, uint256[] memory x, uint256[] memory y) external pure returns (uint256) {
        return PayoutMath.priceFactorBps(s, x, y);
    }

    function payout(uint256 d, uint256 r, uint256 t, uint256 p, uint256 q) external pure returns (uint256) {
        return PayoutMath.payout(d, r, t, p, q);
    }
}

contract PayoutMathTest is Test {
    PayoutMathHarness internal h;

    uint256 internal constant MIN = 5000; // 50 % minimum compliance
    uint256 internal constant SLOPE = 5000; // half a bps of bonus per bps of over-delivery
    uint256 internal constant CAP = 2000; // at most +20 %

    function setUp() public {
        h = new PayoutMathHarness();
    }

    // ------------------------------------------------------------------ performance factor
    function test_performanceFactor_zeroBelowMinimum() public view {
        assertEq(h.performanceFactorBps(4999, 10_000, MIN, SLOPE, CAP), 0);
        assertEq(h.performanceFactorBps(0, 10_000, MIN, SLOPE, CAP), 0);
    }

    function test_performanceFactor_fullFromMinimumTo100Percent() public view {
        assertEq(h.performanceFactorBps(5000, 10_000, MIN, SLOPE, CAP), 10_000);
        assertEq(h.performanceFactorBps(7777, 10_000, MIN, SLOPE, CAP), 10_000);
        assertEq(h.performanceFactorBps(10_000, 10_000, MIN, SLOPE, CAP), 10_000);
    }

    function test_performanceFactor_bonusAboveCommitmentFollowsSlope() public view {
        // 120 % compliance: bonus = 2000 * 5000 / 10000 = 1000
        assertEq(h.performanceFactorBps(12_000, 10_000, MIN, SLOPE, CAP), 11_000);
        // 130 %: 1500
        assertEq(h.performanceFactorBps(13_000, 10_000, MIN, SLOPE, CAP), 11_500);
    }

    function test_performanceFactor_bonusCapped() public view {
        assertEq(h.performanceFactorBps(15_000, 10_000, MIN, SLOPE, CAP), 12_000);
        assertEq(h.performanceFactorBps(1_000_000, 10_000, MIN, SLOPE, CAP), 12_000);
        assertEq(h.performanceFactorBps(type(uint256).max, 1, MIN, SLOPE, CAP), 12_000);
    }

    function test_performanceFactor_zeroCommitmentPaysNothing() public view {
        assertEq(h.complianceBps(1000, 0), 0);
        assertEq(h.performanceFactorBps(1000, 0, MIN, SLOPE, CAP), 0);
        // with a zero minimum a zero commitment still has compliance 0 → factor 10000 (documented edge)
        assertEq(h.performanceFactorBps(1000, 0, 0, SLOPE, CAP), 10_000);
    }

    function test_performanceFactor_revertsOnOversizedParameters() public {
        uint256 big = uint256(type(uint32).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(PayoutMath.PerformanceParamTooLarge.selector, big, type(uint32).max));
        h.performanceFactorBps(1, 1, big, 0, 0);
        vm.expectRevert(abi.encodeWithSelector(PayoutMath.PerformanceParamTooLarge.selector, big, type(uint32).max));
        h.performanceFactorBps(1, 1, 0, big, 0);
        vm.expectRevert(abi.encodeWithSelector(PayoutMath.PerformanceParamTooLarge.selector, big, type(uint32).max));
        h.performanceFactorBps(1, 1, 0, 0, big);
    }

    function test_compliance_saturatesInsteadOfOverflowing() public view {
        assertEq(h.complianceBps(type(uint256).max, 1), 1 << 64);
        assertEq(h.complianceBps(type(uint256).max, type(uint256).max), 10_000);
        assertEq(h.complianceBps(1, 3), 3333);
    }

    function testFuzz_performanceFactor_zeroExactlyBelowMinimum(
        uint256 delivered,
        uint256 committed,
        uint256 minC,
        uint256 slope,
        uint256 cap
    ) public view {
        committed = bound(committed, 1, type(uint128).max);
        delivered = bound(delivered, 0, type(uint128).max);
        minC = bound(minC, 0, 20_000);
        slope = bound(slope, 0, 40_000);
        cap = bound(cap, 0, 50_000);
        uint256 compliance = (delivered * 10_000) / committed;
        uint256 f = h.performanceFactorBps(delivered, committed, minC, slope, cap);
        if (compliance < minC) {
            assertEq(f, 0, "paid below minimum");
        } else {
            assertGe(f, 10_000, "at or above minimum pays at least 100 %");
            assertLe(f, 10_000 + cap, "bonus above cap");
        }
    }

    function testFuzz_performanceFactor_monotoneInDelivered(
        uint256 d1,
        uint256 d2,
        uint256 committed,
        uint256 minC,
        uint256 slope,
        uint256 cap
    ) public view {
        committed = bound(committed, 1, type(uint64).max);
        d1 = bound(d1, 0, type(uint128).max);
        d2 = bound(d2, d1, type(uint128).max);
        minC = bound(minC, 0, 20_000);
        slope = bound(slope, 0, type(uint32).max);
        cap = bound(cap, 0, type(uint32).max);
        assertLe(
            h.performanceFactorBps(d1, committed, minC, slope, cap),
            h.performanceFactorBps(d2, committed, minC, slope, cap),
            "more delivery, smaller factor"
        );
    }

    // ------------------------------------------------------------------ price factor
    function _curve() internal pure returns (uint256[] memory x, uint256[] memory y) {
        x = new uint256[](3);
        y = new uint256[](3);
        (x[0], x[1], x[2]) = (8000, 10_000, 12_000);
        (y[0], y[1], y[2]) = (10_000, 12_000, 15_000);
    }

    function test_priceFactor_clampedAtBothEnds() public view {
        (uint256[] memory x, uint256[] memory y) = _curve();
        assertEq(h.priceFactorBps(0, x, y), 10_000);
        assertEq(h.priceFactorBps(8000, x, y), 10_000);
        assertEq(h.priceFactorBps(12_000, x, y), 15_000);
        assertEq(h.priceFactorBps(type(uint256).max, x, y), 15_000);
    }

    function test_priceFactor_interpolatesLinearly() public view {
        (uint256[] memory x, uint256[] memory y) = _curve();
        assertEq(h.priceFactorBps(9000, x, y), 11_000);
        assertEq(h.priceFactorBps(10_000, x, y), 12_000);
        assertEq(h.priceFactorBps(11_000, x, y), 13_500);
        assertEq(h.priceFactorBps(10_001, x, y), 12_001); // 12000 + 3000/2000 = 12001.5 → 12001
    }

    function test_priceFactor_decreasingSegmentRoundsDown() public view {
        uint256[] memory x = new uint256[](2);
        uint256[] memory y = new uint256[](2);
        (x[0], x[1]) = (0, 3);
        (y[0], y[1]) = (10, 0);
        // exact 10 - 10/3 = 6.67 → 6 (floor), 10 - 20/3 = 3.33 → 3
        assertEq(h.priceFactorBps(1, x, y), 6);
        assertEq(h.priceFactorBps(2, x, y), 3);
    }

    function test_priceFactor_singleBreakpointIsConstant() public view {
        uint256[] memory x = new uint256[](1);
        uint256[] memory y = new uint256[](1);
        (x[0], y[0]) = (10_000, 12_345);
        assertEq(h.priceFactorBps(0, x, y), 12_345);
        assertEq(h.priceFactorBps(99_999, x, y), 12_345);
    }

    function test_priceFactor_revertsOnEmptyCurve() public {
        vm.expectRevert(abi.encodeWithSelector(PayoutMath.NoBreakpoints.selector));
        h.priceFactorBps(1, new uint256[](0), new uint256[](0));
    }

    function test_priceFactor_revertsOnLengthMismatch() public {
        vm.expectRevert(abi.encodeWithSelector(PayoutMath.BreakpointsLengthMismatch.selector, 2, 1));
        h.priceFactorBps(1, new uint256[](2), new uint256[](1));
    }

    function test_priceFactor_revertsOnNonIncreasingX() public {
        (uint256[] memory x, uint256[] memory y) = _curve();
        x[2] = 10_000;
        vm.expectRevert(abi.encodeWithSelector(PayoutMath.BreakpointsNotIncreasing.selector, 2, 10_000, 10_000));
        h.priceFactorBps(1, x, y);
    }

    function testFuzz_priceFactor_clampedAndInterpolated(uint256 stress, uint256 y0, uint256 y1, uint256 y2)
        public
        view
    {
        (uint256[] memory x,) = _curve();
        uint256[] memory y = new uint256[](3);
        (y[0], y[1], y[2]) = (bound(y0, 0, 100_000), bound(y1, 0, 100_000), bound(y2, 0, 100_000));
        stress = bound(stress, 0, 50_000);
        uint256 f = h.priceFactorBps(stress, x, y);
        if (stress <= x[0]) {
            assertEq(f, y[0], "clamp low");
        } else if (stress >= x[2]) {
            assertEq(f, y[2], "clamp high");
        } else {
            uint256 i = stress < x[1] ? 0 : 1;
            uint256 lo = y[i] < y[i + 1] ? y[i] : y[i + 1];
            uint256 hi = y[i] < y[i + 1] ? y[i + 1] : y[i];
            assertGe(f, lo, "below segment");
            assertLe(f, hi, "above segment");
            // exact floor of the linear interpolation: f ≤ exact < f + 1, checked in integers
            uint256 dx = x[i + 1] - x[i];
            uint256 t = stress - x[i];
            // exact·dx = y[i]·dx + (y[i+1] − y[i])·t  (signed); compare f·dx ≤ exact·dx < (f+1)·dx
            int256 exactTimesDx = int256(y[i] * dx) + (int256(y[i + 1]) - int256(y[i])) * int256(t);
            assertTrue(int256(f * dx) <= exactTimesDx, "not rounded down");
            assertTrue(int256((f + 1) * dx) > exactTimesDx, "rounded down too far");
        }
    }

    function testFuzz_priceFactor_monotoneForIncreasingCurve(uint256 s1, uint256 s2) public view {
        (uint256[] memory x, uint256[] memory y) = _curve();
        s1 = bound(s1, 0, 30_000);
        s2 = bound(s2, s1, 30_000);
        assertLe(h.priceFactorBps(s1, x, y), h.priceFactorBps(s2, x, y), "not monotone");
    }

    // ------------------------------------------------------------------ payout
    function test_payout_matchesDesignFormula() public view {
        // 2 kWh at 0.5 token/kWh (18 dec), tier ×1.5, full performance, price ×1.2
        // = 2000 Wh × 5e17 × 15000 × 10000 × 12000 / (1000 × 10000³) = 1.8e18
        assertEq(h.payout(2000, 5e17, 15_000, 10_000, 12_000), 1.8e18);
        // 6-decimals: 1234 Wh at 0.25 USD/kWh → 0.3085 USD = 308500 units; ×1 factors
        assertEq(h.payout(1234, 250_000, 10_000, 10_000, 10_000), 308_500);
    }

    function test_payout_roundsDownOnce() public view {
        // 1 Wh × 1 unit/kWh = 0.001 units → 0; 999 Wh → 0; 1000 Wh → 1
        assertEq(h.payout(1, 1, 10_000, 10_000, 10_000), 0);
        assertEq(h.payout(999, 1, 10_000, 10_000, 10_000), 0);
        assertEq(h.payout(1000, 1, 10_000, 10_000, 10_000), 1);
        // stepwise rounding would give floor(floor(1999/1000)·15000/10000) = 1; one division gives 2
        assertEq(h.payout(1999, 1, 15_000, 10_000, 10_000), 2);
    }

    function test_payout_zeroWhenAnyFactorZero() public view {
        assertEq(h.payout(5000, 1e18, 10_000, 0, 10_000), 0);
        assertEq(h.payout(0, 1e18, 10_000, 10_000, 10_000), 0);
        assertEq(h.payout(5000, 0, 10_000, 10_000, 10_000), 0);
    }

    function test_payout_hugeRateUsesOverflowSafePath() public view {
        // rate × factors overflows 256 bits, delivered × factors does not: result still exact.
        uint256 rate = 1 << 200;
        assertEq(h.payout(1e15, rate, 10_000, 10_000, 10_000), rate * 1e12);
    }

    function test_payout_revertsWhenFactorsOverflow() public {
        uint256 m = type(uint256).max;
        vm.expectRevert(abi.encodeWithSelector(PayoutMath.PayoutOverflow.selector, 1, 1, m));
        h.payout(1, 1, m, 2, 1);
        // both rate × factors and delivered × factors overflow
        uint256 big = 1 << 250;
        vm.expectRevert(abi.encodeWithSelector(PayoutMath.PayoutOverflow.selector, big, big, uint256(1e12)));
        h.payout(big, big, 10_000, 10_000, 10_000);
        // the intermediate products fit but the payout itself does not: mulDiv panics (0x11)
        uint256 b200 = 1 << 200;
        vm.expectRevert(abi.encodeWithSignature("Panic(uint256)", 0x11));
        h.payout(b200, b200, 10_000, 10_000, 10_000);
    }

    function testFuzz_payout_equalsNaiveFormulaWhenSmall(uint256 d, uint256 r, uint256 t, uint256 p, uint256 q)
        public
        view
    {
        d = bound(d, 0, 1e12); // up to 1 TWh
        r = bound(r, 0, 1e24); // up to 1e6 tokens (18 dec) per kWh
        t = bound(t, 0, 40_000);
        p = bound(p, 0, 30_000);
        q = bound(q, 0, 30_000);
        // d·r·t·p·q ≤ 1e12·1e24·4e4·3e4·3e4 = 3.6e49 < 2^256: the naive product is exact here.
        assertEq(h.payout(d, r, t, p, q), (d * r * t * p * q) / 1e15);
    }

    function testFuzz_payout_monotoneInDelivered(uint256 d1, uint256 d2, uint256 r, uint256 p) public view {
        d1 = bound(d1, 0, 1e30);
        d2 = bound(d2, d1, 1e30);
        r = bound(r, 0, 1e30);
        p = bound(p, 0, 12_000);
        assertLe(h.payout(d1, r, 20_000, p, 11_000), h.payout(d2, r, 20_000, p, 11_000), "not monotone");
    }
}
