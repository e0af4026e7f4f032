// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Test} from "./utils/Test.sol";

contract HarnessTest is Test {
    function test_boundMapsIntoRange() public pure {
        assertEq(bound(15, 0, 9), 5);
        assertEq(bound(3, 1, 9), 3);
    }

    function test_failingAssertReverts() public {
        vm.expectRevert();
        this.externalFail();
    }

    function externalFail() external pure {
        assertEq(uint256(1), uint256(2));
    }
}
