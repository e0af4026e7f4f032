// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Test} from "./utils/Test.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {GridToken} from "../src/tokens/GridToken.sol";
import {StableToken} from "../src/tokens/StableToken.sol";
import {PeaklabGovToken} from "../src/tokens/PeaklabGovToken.sol";
import {MintableToken} from "../src/tokens/MintableToken.sol";

contract TokensTest is Test {
    GridToken internal grid;
    StableToken internal stable;
    PeaklabGovToken internal gov;

    address internal admin = address(0xAD);
    address internal minter = address(0x1417);
    address internal stranger = address(0x5);

    function setUp() public {
        vm.warp(1_700_000_000);
        grid = new GridToken(admin, minter);
        stable = new StableToken(admin, minter);
        gov = new PeaklabGovToken(admin, minter);
    }

    function test_metadataAndDecimals() public view {
        assertEq(grid.decimals(), 18);
        assertEq(stable.decimals(), 6);
        assertEq(gov.decimals(), 18);
        assertEq(grid.symbol(), "GRID", "grid symbol");
        assertEq(stable.symbol(), "pUSD", "stable symbol");
        assertEq(gov.symbol(), "PLGOV", "gov symbol");
    }

    function test_mint_onlyMinterRole() public {
        vm.startPrank(minter);
        grid.mint(stranger, 5e18);
        stable.mint(stranger, 5e6);
        gov.mint(stranger, 7e18);
        vm.stopPrank();
        assertEq(grid.balanceOf(stranger), 5e18);
        assertEq(stable.balanceOf(stranger), 5e6);
        assertEq(gov.totalSupply(), 7e18);
        bytes32 role = grid.MINTER_ROLE();
        bytes memory err =
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, role);
        vm.prank(stranger);
        vm.expectRevert(err);
        grid.mint(stranger, 1);
        vm.prank(stranger);
        vm.expectRevert(err);
        stable.mint(stranger, 1);
        vm.prank(stranger);
        vm.expectRevert(err);
        gov.mint(stranger, 1);
    }

    function test_adminGrantsMinterRole() public {
        bytes32 role = stable.MINTER_ROLE();
        vm.prank(admin);
        stable.grantRole(role, stranger);
        vm.prank(stranger);
        stable.mint(stranger, 1);
        assertEq(stable.balanceOf(stranger), 1);
    }

    function test_constructor_revertsOnZeroAddresses() public {
        vm.expectRevert(abi.encodeWithSelector(MintableToken.ZeroAddress.selector, "admin"));
        new GridToken(address(0), minter);
        vm.expectRevert(abi.encodeWithSelector(MintableToken.ZeroAddress.selector, "minter"));
        new StableToken(admin, address(0));
        vm.expectRevert(abi.encodeWithSelector(MintableToken.ZeroAddress.selector, "admin"));
        new PeaklabGovToken(address(0), minter);
    }

    function test_govToken_timestampClock() public view {
        assertEq(gov.clock(), block.timestamp);
        assertEq(gov.CLOCK_MODE(), "mode=timestamp", "clock mode");
    }

    function test_govToken_votesCheckpointedByTimestamp() public {
        address voter = address(0xF0);
        vm.prank(minter);
        gov.mint(voter, 100e18);
        assertEq(gov.getVotes(voter), 0, "votes before delegation");
        vm.prank(voter);
        gov.delegate(voter);
        uint256 t0 = block.timestamp;
        assertEq(gov.getVotes(voter), 100e18);
        vm.warp(t0 + 10);
        vm.prank(voter);
        assertTrue(gov.transfer(stranger, 40e18));
        vm.warp(t0 + 20);
        assertEq(gov.getPastVotes(voter, t0), 100e18);
        assertEq(gov.getPastVotes(voter, t0 + 10), 60e18);
        assertEq(gov.getPastTotalSupply(t0 + 10), 100e18);
    }

    function test_govToken_permitBySignature() public {
        uint256 pk = 0xA11CE;
        address owner = vm.addr(pk);
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
                owner,
                stranger,
                123,
                gov.nonces(owner),
                deadline
            )
        );
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", gov.DOMAIN_SEPARATOR(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(pk, digest);
        gov.permit(owner, stranger, 123, deadline, v, r, s);
        assertEq(gov.allowance(owner, stranger), 123);
        assertEq(gov.nonces(owner), 1);
    }

    function testFuzz_govToken_votesFollowBalances(uint256 a, uint256 b) public {
        a = bound(a, 0, 1e30);
        b = bound(b, 0, a);
        address x = address(0xF1);
        vm.prank(minter);
        gov.mint(x, a);
        vm.prank(x);
        gov.delegate(x);
        vm.prank(x);
        assertTrue(gov.transfer(stranger, b));
        assertEq(gov.getVotes(x), a - b);
        assertEq(gov.getVotes(stranger), 0, "undelegated receiver has votes");
    }
}
