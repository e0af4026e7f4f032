// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Test} from "./utils/Test.sol";
import {ScoreMath} from "../src/libraries/ScoreMath.sol";

/// @dev External wrapper so library reverts surface at a call boundary `expectRevert` can see.
contract ScoreMathHarness {
    function ewma(uint256 old, uint256 sample, uint256 alphaBps) external pure returns (uint16) {
        return ScoreMath.ewma(old, sample, alphaBps);
    }

    function clamp(uint256 value) external pure returns (uint16) {
        return ScoreMath.clamp(value);
    }
}

contract ScoreMathTest is Test {
    ScoreMathHarness internal h;

    function setUp() public {
        h = new ScoreMathHarness();
    }

    function test_ewma_movesByAlphaTowardsSample() public view {
        // 5000 + 0.2 * (10000 - 5000) = 6000
        assertEq(h.ewma(5000, 10_000, 2000), 6000);
        // 5000 - 0.2 * (5000 - 0) = 4000
        assertEq(h.ewma(5000, 0, 2000), 4000);
        // rounding towards the old score in both directions: 0.3333 * 1 step
        assertEq(h.ewma(100, 101, 3333), 100);
        assertEq(h.ewma(101, 100, 3333), 101);
    }

    function test_ewma_alphaZeroKeepsOldAndFullAlphaTakesSample() public view {
        assertEq(h.ewma(7321, 12, 0), 7321);
        assertEq(h.ewma(7321, 12, 10_000), 12);
    }

    function test_ewma_clampsOutOfRangeInputs() public view {
        assertEq(h.ewma(50_000, 10_000, 5000), 10_000);
        assertEq(h.ewma(0, type(uint256).max, 10_000), 10_000);
    }

    function test_ewma_revertsWhenAlphaAboveOneHundredPercent() public {
        vm.expectRevert(abi.encodeWithSelector(ScoreMath.AlphaOutOfRange.selector, 10_001, 10_000));
        h.ewma(1, 2, 10_001);
    }

    function test_clamp_capsAt10000() public view {
        assertEq(h.clamp(9999), 9999);
        assertEq(h.clamp(10_000), 10_000);
        assertEq(h.clamp(10_001), 10_000);
        assertEq(h.clamp(type(uint256).max), 10_000);
    }

    function testFuzz_ewma_staysBetweenOldAndSampleWithinBounds(uint256 old, uint256 sample, uint256 alpha)
        public
        view
    {
        alpha = bound(alpha, 0, 10_000);
        uint256 updated = h.ewma(old, sample, alpha);
        uint256 o = old > 10_000 ? 10_000 : old;
        uint256 s = sample > 10_000 ? 10_000 : sample;
        uint256 lo = o < s ? o : s;
        uint256 hi = o < s ? s : o;
        assertLe(updated, 10_000, "score above 10000");
        assertGe(updated, lo, "below min(old, sample)");
        assertLe(updated, hi, "above max(old, sample)");
    }

    function testFuzz_ewma_monotoneInSample(uint256 old, uint256 s1, uint256 s2, uint256 alpha) public view {
        old = bound(old, 0, 10_000);
        s1 = bound(s1, 0, 10_000);
        s2 = bound(s2, s1, 10_000);
        alpha = bound(alpha, 0, 10_000);
        assertLe(h.ewma(old, s1, alpha), h.ewma(old, s2, alpha), "larger sample, smaller score");
    }

    function testFuzz_ewma_revertsForAnyAlphaAbove10000(uint256 alpha) public {
        alpha = bound(alpha, 10_001, type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(ScoreMath.AlphaOutOfRange.selector, alpha, 10_000));
        h.ewma(0, 0, alpha);
    }
}
