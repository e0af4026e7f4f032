// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {DrFixture} from "./mocks/DrFixture.sol";
import {Test} from "./utils/Test.sol";
import {StableToken} from "../src/tokens/StableToken.sol";
import {MockUtilityRegistry, MockConsumerRegistry, MockRequests} from "./mocks/MockRegistries.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {PausableUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/PausableUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {IncentiveDistributor} from "../src/IncentiveDistributor.sol";
import {ReductionRequests} from "../src/ReductionRequests.sol";
import {PeaklabUpgradeable} from "../src/base/PeaklabUpgradeable.sol";
import {IReductionRequests} from "../src/interfaces/IReductionRequests.sol";
import {IUtilityRegistry} from "../src/interfaces/IUtilityRegistry.sol";
import {IConsumerRegistry} from "../src/interfaces/IConsumerRegistry.sol";
import {PayoutMath} from "../src/libraries/PayoutMath.sol";
import {MerkleBuilder} from "./utils/MerkleBuilder.sol";
import {Proxies} from "./utils/Proxies.sol";
import {console} from "./utils/console.sol";

contract IncentiveDistributorTest is DrFixture {
    address internal alice;
    address internal bob;
    address internal carol;
    address internal dave;
    uint256 internal ev1;

    function setUp() public override {
        super.setUp();
        alice = _register(1);
        bob = _register(2);
        carol = _register(3);
        dave = _register(4);
        creg.setPayoutAddress(bob, address(0xB0B0));
        _fund(utility, 1_000e6);
        ev1 = _finalizedEvent();
    }

    // ------------------------------------------------------------------ helpers

    function _finalizedEvent() internal returns (uint256 id) {
        id = _createEvent();
        address[] memory cs = new address[](2);
        (cs[0], cs[1]) = (alice, bob);
        _optInAll(id, cs);
        uint16[] memory out = new uint16[](2);
        (out[0], out[1]) = (10_000, 8000);
        _settleEvent(id, cs, out, 900_000);
    }

    function _tree(address[] memory who, uint256[] memory amounts) internal pure returns (bytes32[][] memory layers) {
        bytes32[] memory leaves = new bytes32[](who.length);
        for (uint256 i; i < who.length; ++i) {
            leaves[i] = MerkleBuilder.leaf(who[i], amounts[i]);
        }
        layers = MerkleBuilder.build(leaves);
    }

    /// @dev 4-leaf tree: alice 100, bob 250, carol 50, dave 0 (USD, 6 decimals); total 400.
    function _tree4(uint256 scale)
        internal
        view
        returns (bytes32[][] memory layers, address[] memory who, uint256[] memory amt)
    {
        who = new address[](4);
        amt = new uint256[](4);
        (who[0], who[1], who[2], who[3]) = (alice, bob, carol, dave);
        (amt[0], amt[1], amt[2], amt[3]) = (100e6 * scale, 250e6 * scale, 50e6 * scale, 0);
        layers = _tree(who, amt);
    }

    function _ids(uint256 a) internal pure returns (uint256[] memory ids) {
        ids = new uint256[](1);
        ids[0] = a;
    }

    function _post(bytes32 root, uint128 total, uint256[] memory ids) internal returns (uint256 rootId) {
        vm.prank(oracle);
        rootId = dist.postRoot(utility, address(usd), root, total, ids);
    }

    function _claim(bytes32[][] memory layers, address who, uint256 cumulative) internal returns (uint256) {
        bytes32[] memory proof = MerkleBuilder.proof(layers, MerkleBuilder.leaf(who, cumulative));
        return dist.claim(utility, address(usd), who, cumulative, proof);
    }

    // ------------------------------------------------------------------ funding

    function test_fundCreditsProgram() public {
        usd.mint(utility2, 5e6);
        vm.startPrank(utility2);
        usd.approve(address(dist), 5e6);
        vm.expectEmit(true, true, false, true);
        emit IncentiveDistributor.Funded(utility2, address(usd), 5e6);
        dist.fund(address(usd), 5e6);
        vm.stopPrank();
        assertEq(dist.programOf(utility2, address(usd)).funded, 5e6);
        assertEq(dist.tokenTotals(address(usd)).funded, 1_005e6);
        assertEq(usd.balanceOf(address(dist)), 1_005e6);
        // 18-decimal GridToken programs are separate.
        grid.mint(utility2, 3e18);
        vm.startPrank(utility2);
        grid.approve(address(dist), 3e18);
        dist.fund(address(grid), 3e18);
        vm.stopPrank();
        assertEq(dist.programOf(utility2, address(grid)).funded, 3e18);
    }

    function test_fundReverts() public {
        vm.startPrank(utility);
        vm.expectRevert(abi.encodeWithSelector(IncentiveDistributor.TokenNotAccepted.selector, stranger));
        dist.fund(stranger, 1);
        vm.expectRevert(abi.encodeWithSelector(IncentiveDistributor.ZeroValue.selector, "amount"));
        dist.fund(address(usd), 0);
        vm.stopPrank();
        vm.expectRevert(abi.encodeWithSelector(IncentiveDistributor.NotAUtility.selector, stranger));
        vm.prank(stranger);
        dist.fund(address(usd), 1);
        vm.prank(guardian);
        dist.pause();
        vm.expectRevert(PausableUpgradeable.EnforcedPause.selector);
        vm.prank(utility);
        dist.fund(address(usd), 1);
    }

    function test_withdrawOnlyUnallocated() public {
        (bytes32[][] memory layers,,) = _tree4(1);
        _post(MerkleBuilder.root(layers), 400e6, _ids(ev1));
        assertEq(dist.withdrawable(utility, address(usd)), 600e6);
        vm.expectRevert(
            abi.encodeWithSelector(IncentiveDistributor.WithdrawExceedsAvailable.selector, 600e6 + 1, 600e6)
        );
        vm.prank(utility);
        dist.withdraw(address(usd), 600e6 + 1);
        vm.prank(utility);
        dist.withdraw(address(usd), 600e6);
        assertEq(usd.balanceOf(utility), 600e6);
        assertEq(dist.withdrawable(utility, address(usd)), 0);
        vm.expectRevert(abi.encodeWithSelector(IncentiveDistributor.ZeroValue.selector, "amount"));
        vm.prank(utility);
        dist.withdraw(address(usd), 0);
    }

    function test_withdrawRevertsWhenPaused() public {
        vm.prank(guardian);
        dist.pause();
        vm.expectRevert(PausableUpgradeable.EnforcedPause.selector);
        vm.prank(utility);
        dist.withdraw(address(usd), 1);
    }

    // ------------------------------------------------------------------ roots

    function test_postRootSettlesEvents() public {
        (bytes32[][] memory layers,,) = _tree4(1);
        uint256 rootId = _post(MerkleBuilder.root(layers), 400e6, _ids(ev1));
        assertEq(rootId, 1);
        assertTrue(rr.isSettled(ev1));
        assertEq(dist.rootOfEvent(ev1), 1);
        IncentiveDistributor.Root memory r = dist.rootOf(rootId);
        assertEq(r.total, 400e6);
        assertEq(r.claimableAt, block.timestamp + WINDOW);
        assertEq(dist.rootsOf(utility, address(usd)).length, 1);
        // An event is settled at most once.
        vm.expectRevert(abi.encodeWithSelector(ReductionRequests.AlreadySettled.selector, ev1));
        _post(MerkleBuilder.root(layers), 400e6, _ids(ev1));
    }

    function test_pausedBlocksRootsButNotDisputes() public {
        (bytes32[][] memory layers,,) = _tree4(1);
        uint256 r1 = _post(MerkleBuilder.root(layers), 400e6, _ids(ev1));
        vm.prank(guardian);
        dist.pause();
        // Consumers can still contest while payouts are frozen, and the arbiter can still rule.
        vm.prank(alice);
        uint256 d = dist.dispute(r1, keccak256("evidence"));
        vm.prank(arbiter);
        dist.resolveDispute(d, false, bytes32(0), 0);
        assertEq(dist.rootOf(r1).openDisputes, 0);
        uint256 ev2 = _finalizedEvent();
        vm.expectRevert(PausableUpgradeable.EnforcedPause.selector);
        _post(keccak256("r2"), 1, _ids(ev2));
    }

    function test_postRootReverts() public {
        bytes32 root = keccak256("root");
        vm.startPrank(oracle);
        vm.expectRevert(abi.encodeWithSelector(IncentiveDistributor.ZeroValue.selector, "merkleRoot"));
        dist.postRoot(utility, address(usd), bytes32(0), 1, _ids(ev1));
        vm.expectRevert(abi.encodeWithSelector(IncentiveDistributor.ZeroValue.selector, "eventIds"));
        dist.postRoot(utility, address(usd), root, 1, new uint256[](0));
        vm.expectRevert(
            abi.encodeWithSelector(IncentiveDistributor.RootTotalExceedsFunds.selector, 1_000e6 + 1, 1_000e6)
        );
        dist.postRoot(utility, address(usd), root, 1_000e6 + 1, _ids(ev1));
        vm.expectRevert(
            abi.encodeWithSelector(IncentiveDistributor.EventPayerMismatch.selector, ev1, utility, address(usd))
        );
        dist.postRoot(utility, address(grid), root, 0, _ids(ev1));
        vm.stopPrank();
        // An event that is not Finalized cannot be settled.
        uint256 open = _createEvent();
        vm.expectRevert(
            abi.encodeWithSelector(
                ReductionRequests.WrongStatus.selector,
                open,
                IReductionRequests.EventStatus.Scheduled,
                IReductionRequests.EventStatus.Finalized
            )
        );
        _post(root, 1, _ids(open));
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, utility, dist.ORACLE_ROLE()
            )
        );
        vm.prank(utility);
        dist.postRoot(utility, address(usd), root, 1, _ids(ev1));
    }

    // ------------------------------------------------------------------ claims

    function test_claimAfterWindowPaysPayoutAddress() public {
        (bytes32[][] memory layers,,) = _tree4(1);
        _post(MerkleBuilder.root(layers), 400e6, _ids(ev1));
        vm.warp(block.timestamp + WINDOW);
        vm.expectEmit(true, true, true, true);
        emit IncentiveDistributor.Claimed(utility, address(usd), bob, address(0xB0B0), 250e6, 250e6, 1);
        vm.prank(stranger); // anyone may relay
        uint256 paid = _claim(layers, bob, 250e6);
        assertEq(paid, 250e6);
        assertEq(usd.balanceOf(address(0xB0B0)), 250e6);
        assertEq(usd.balanceOf(bob), 0);
        _claim(layers, alice, 100e6);
        assertEq(usd.balanceOf(alice), 100e6);
        assertEq(dist.claimedOf(utility, address(usd), alice), 100e6);
        assertEq(dist.programOf(utility, address(usd)).paid, 350e6);
        assertEq(dist.tokenTotals(address(usd)).paid, 350e6);
    }

    /// @dev Vectors from @openzeppelin/merkle-tree 1.0.8, `StandardMerkleTree.of(values, ["address","uint256"])`
    ///      over (0xC0001, 100e6), (0xC0002, 250e6), (0xC0003, 50e6), (0xC0004, 0) — alice, bob, carol, dave.
    function test_compatibleWithOpenZeppelinStandardMerkleTree() public {
        (bytes32[][] memory layers,,) = _tree4(1);
        assertEq(MerkleBuilder.root(layers), 0x6f03a65edd485729fc3d8d3104544e93f59e41f6cb5dc3c2f6bdfcb4653bec72);
        // The library's own 3-leaf tree (alice, bob, carol) and its proof for alice, claimed on-chain.
        bytes32 jsRoot = 0x9705a4bd6175c1f644af3db1110b928069f9896e92ea264f455bc19954bdf014;
        _post(jsRoot, 400e6, _ids(ev1));
        vm.warp(block.timestamp + WINDOW);
        bytes32[] memory jsProof = new bytes32[](1);
        jsProof[0] = 0x81c88c508dc340e4ce21ecb63655ec802a33d9b251267c223467b2a2cd531ec0;
        assertEq(dist.claim(utility, address(usd), alice, 100e6, jsProof), 100e6);
    }

    function test_claimBatchPaysEachAndSkipsClaimed() public {
        (bytes32[][] memory layers,,) = _tree4(1);
        _post(MerkleBuilder.root(layers), 400e6, _ids(ev1));
        vm.warp(block.timestamp + WINDOW);
        _claim(layers, carol, 50e6); // carol claimed herself first
        IncentiveDistributor.ClaimArgs[] memory cs = new IncentiveDistributor.ClaimArgs[](3);
        cs[0] =
            IncentiveDistributor.ClaimArgs(alice, 100e6, MerkleBuilder.proof(layers, MerkleBuilder.leaf(alice, 100e6)));
        cs[1] = IncentiveDistributor.ClaimArgs(bob, 250e6, MerkleBuilder.proof(layers, MerkleBuilder.leaf(bob, 250e6)));
        cs[2] =
            IncentiveDistributor.ClaimArgs(carol, 50e6, MerkleBuilder.proof(layers, MerkleBuilder.leaf(carol, 50e6)));
        vm.prank(stranger);
        uint256 total = dist.claimBatch(utility, address(usd), cs);
        assertEq(total, 350e6);
        assertEq(usd.balanceOf(alice), 100e6);
        assertEq(usd.balanceOf(address(0xB0B0)), 250e6);
        assertEq(usd.balanceOf(carol), 50e6, "carol not paid twice");
        // A bad proof fails the batch.
        cs[0] = IncentiveDistributor.ClaimArgs(dave, 1, cs[0].proof);
        vm.expectRevert(abi.encodeWithSelector(IncentiveDistributor.InvalidProof.selector, 1, dave, 1));
        dist.claimBatch(utility, address(usd), cs);
    }

    function test_claimBatchRevertsWithoutRootOrWhenPaused() public {
        IncentiveDistributor.ClaimArgs[] memory cs = new IncentiveDistributor.ClaimArgs[](0);
        vm.expectRevert(abi.encodeWithSelector(IncentiveDistributor.NoClaimableRoot.selector, utility, address(usd)));
        dist.claimBatch(utility, address(usd), cs);
        vm.prank(guardian);
        dist.pause();
        vm.expectRevert(PausableUpgradeable.EnforcedPause.selector);
        dist.claimBatch(utility, address(usd), cs);
    }

    function test_claimBeforeWindowReverts() public {
        (bytes32[][] memory layers,,) = _tree4(1);
        _post(MerkleBuilder.root(layers), 400e6, _ids(ev1));
        vm.warp(block.timestamp + WINDOW - 1);
        bytes32[] memory proof = MerkleBuilder.proof(layers, MerkleBuilder.leaf(alice, 100e6));
        vm.expectRevert(abi.encodeWithSelector(IncentiveDistributor.NoClaimableRoot.selector, utility, address(usd)));
        dist.claim(utility, address(usd), alice, 100e6, proof);
    }

    function test_claimTwiceReverts() public {
        (bytes32[][] memory layers,,) = _tree4(1);
        _post(MerkleBuilder.root(layers), 400e6, _ids(ev1));
        vm.warp(block.timestamp + WINDOW);
        _claim(layers, carol, 50e6);
        bytes32[] memory proof = MerkleBuilder.proof(layers, MerkleBuilder.leaf(carol, 50e6));
        vm.expectRevert(abi.encodeWithSelector(IncentiveDistributor.NothingToClaim.selector, carol, 50e6, 50e6));
        dist.claim(utility, address(usd), carol, 50e6, proof);
        // A zero leaf has nothing to claim either.
        proof = MerkleBuilder.proof(layers, MerkleBuilder.leaf(dave, 0));
        vm.expectRevert(abi.encodeWithSelector(IncentiveDistributor.NothingToClaim.selector, dave, 0, 0));
        dist.claim(utility, address(usd), dave, 0, proof);
        assertEq(usd.balanceOf(carol), 50e6);
    }

    function test_overClaimReverts() public {
        (bytes32[][] memory layers,,) = _tree4(1);
        _post(MerkleBuilder.root(layers), 400e6, _ids(ev1));
        vm.warp(block.timestamp + WINDOW);
        bytes32[] memory proof = MerkleBuilder.proof(layers, MerkleBuilder.leaf(alice, 100e6));
        vm.expectRevert(abi.encodeWithSelector(IncentiveDistributor.InvalidProof.selector, 1, alice, 100e6 + 1));
        dist.claim(utility, address(usd), alice, 100e6 + 1, proof);
        // Someone else's proof does not work for alice.
        proof = MerkleBuilder.proof(layers, MerkleBuilder.leaf(bob, 250e6));
        vm.expectRevert(abi.encodeWithSelector(IncentiveDistributor.InvalidProof.selector, 1, alice, 250e6));
        dist.claim(utility, address(usd), alice, 250e6, proof);
    }

    function test_claimCannotExceedDeclaredRootTotal() public {
        // The oracle declared 300 but the leaves sum to 400: the last claims are capped by the total.
        (bytes32[][] memory layers,,) = _tree4(1);
        _post(MerkleBuilder.root(layers), 300e6, _ids(ev1));
        vm.warp(block.timestamp + WINDOW);
        _claim(layers, bob, 250e6);
        bytes32[] memory proof = MerkleBuilder.proof(layers, MerkleBuilder.leaf(alice, 100e6));
        vm.expectRevert(abi.encodeWithSelector(IncentiveDistributor.ClaimExceedsEntitlement.selector, 100e6, 50e6));
        dist.claim(utility, address(usd), alice, 100e6, proof);
    }

    function test_claimRevertsWhenPaused() public {
        (bytes32[][] memory layers,,) = _tree4(1);
        _post(MerkleBuilder.root(layers), 400e6, _ids(ev1));
        vm.warp(block.timestamp + WINDOW);
        vm.prank(guardian);
        dist.pause();
        bytes32[] memory proof = MerkleBuilder.proof(layers, MerkleBuilder.leaf(alice, 100e6));
        vm.expectRevert(PausableUpgradeable.EnforcedPause.selector);
        dist.claim(utility, address(usd), alice, 100e6, proof);
        // Only the timelock unpauses.
        vm.expectRevert(abi.encodeWithSelector(PeaklabUpgradeable.NotTimelock.selector, guardian, timelock));
        vm.prank(guardian);
        dist.unpause();
        vm.prank(timelock);
        dist.unpause();
        dist.claim(utility, address(usd), alice, 100e6, proof);
        assertEq(usd.balanceOf(alice), 100e6);
    }

    function test_cumulativeClaimsAcrossTwoRoots() public {
        (bytes32[][] memory l1,,) = _tree4(1);
        _post(MerkleBuilder.root(l1), 400e6, _ids(ev1));
        vm.warp(block.timestamp + WINDOW);
        _claim(l1, alice, 100e6);
        // Second event; root 2 holds the doubled cumulative amounts.
        uint256 ev2 = _finalizedEvent();
        (bytes32[][] memory l2,,) = _tree4(2);
        uint256 r2 = _post(MerkleBuilder.root(l2), 800e6, _ids(ev2));
        // Until root 2's window passes, claims still use root 1.
        assertEq(dist.claimableRootOf(utility, address(usd)), 1);
        _claim(l1, bob, 250e6);
        vm.warp(block.timestamp + WINDOW);
        assertEq(dist.claimableRootOf(utility, address(usd)), r2);
        assertEq(_claim(l2, alice, 200e6), 100e6, "alice gets only the increment");
        assertEq(_claim(l2, bob, 500e6), 250e6, "bob gets only the increment");
        assertEq(usd.balanceOf(alice), 200e6);
        assertEq(usd.balanceOf(address(0xB0B0)), 500e6);
        // Carol skipped root 1 and claims everything at once.
        assertEq(_claim(l2, carol, 100e6), 100e6);
        // A stale proof against the old root no longer verifies.
        bytes32[] memory proof = MerkleBuilder.proof(l1, MerkleBuilder.leaf(carol, 50e6));
        vm.expectRevert(abi.encodeWithSelector(IncentiveDistributor.InvalidProof.selector, r2, carol, 50e6));
        dist.claim(utility, address(usd), carol, 50e6, proof);
        assertLe(dist.tokenTotals(address(usd)).paid, dist.tokenTotals(address(usd)).funded);
    }

    // ------------------------------------------------------------------ disputes

    function test_disputeUpheldReplacesRootWithNewWindow() public {
        // Root 1 (settled) is claimable; root 2 wrongly omits carol's increase.
        (bytes32[][] memory l1,,) = _tree4(1);
        _post(MerkleBuilder.root(l1), 400e6, _ids(ev1));
        vm.warp(block.timestamp + WINDOW);
        uint256 ev2 = _finalizedEvent();
        (bytes32[][] memory bad, address[] memory who, uint256[] memory amt) = _tree4(2);
        amt[2] = 50e6;
        bad = _tree(who, amt);
        uint256 r2 = _post(MerkleBuilder.root(bad), 750e6, _ids(ev2));
        vm.prank(carol);
        uint256 d = dist.dispute(r2, keccak256("meter data"));
        assertEq(dist.rootOf(r2).openDisputes, 1);
        vm.warp(block.timestamp + WINDOW + 1);
        // Disputed: claims fall back to root 1.
        assertEq(dist.claimableRootOf(utility, address(usd)), 1);
        assertEq(_claim(l1, carol, 50e6), 50e6);
        (bytes32[][] memory good,,) = _tree4(2);
        vm.expectEmit(true, true, false, true);
        emit IncentiveDistributor.DisputeResolved(d, r2, true);
        vm.prank(arbiter);
        dist.resolveDispute(d, true, MerkleBuilder.root(good), 800e6);
        IncentiveDistributor.Root memory r = dist.rootOf(r2);
        assertEq(r.merkleRoot, MerkleBuilder.root(good));
        assertEq(r.version, 1);
        assertEq(r.claimableAt, block.timestamp + WINDOW);
        assertEq(uint256(dist.disputeOf(d).status), uint256(IncentiveDistributor.DisputeStatus.Upheld));
        assertEq(dist.claimableRootOf(utility, address(usd)), 1, "new window");
        vm.warp(block.timestamp + WINDOW);
        assertEq(dist.claimableRootOf(utility, address(usd)), r2);
        assertEq(_claim(good, carol, 100e6), 50e6);
        // bob's leaf is the same in both trees but its path is not: a proof from the replaced tree fails.
        bytes32[] memory stale = MerkleBuilder.proof(bad, MerkleBuilder.leaf(bob, 500e6));
        vm.expectRevert(abi.encodeWithSelector(IncentiveDistributor.InvalidProof.selector, r2, bob, 500e6));
        dist.claim(utility, address(usd), bob, 500e6, stale);
        assertEq(_claim(good, bob, 500e6), 500e6);
    }

    function test_upheldDisputeSupersedesOtherDisputesOfTheOldVersion() public {
        (bytes32[][] memory layers,,) = _tree4(1);
        uint256 r1 = _post(MerkleBuilder.root(layers), 400e6, _ids(ev1));
        vm.prank(alice);
        uint256 d1 = dist.dispute(r1, keccak256("a"));
        vm.prank(bob);
        uint256 d2 = dist.dispute(r1, keccak256("b"));
        assertEq(dist.rootOf(r1).openDisputes, 2);
        vm.prank(arbiter);
        dist.resolveDispute(d1, true, keccak256("corrected"), 300e6);
        assertEq(dist.rootOf(r1).openDisputes, 0, "the corrected version is not blocked by old disputes");
        vm.expectRevert(
            abi.encodeWithSelector(IncentiveDistributor.DisputeSuperseded.selector, d2, uint32(0), uint32(1))
        );
        vm.prank(arbiter);
        dist.resolveDispute(d2, true, keccak256("again"), 1);
        vm.prank(arbiter);
        dist.resolveDispute(d2, false, bytes32(0), 0);
        assertEq(uint256(dist.disputeOf(d2).status), uint256(IncentiveDistributor.DisputeStatus.Superseded));
        assertEq(dist.rootOf(r1).openDisputes, 0);
        // bob may dispute the corrected version afresh (once).
        vm.prank(bob);
        uint256 d3 = dist.dispute(r1, keccak256("b2"));
        assertEq(dist.disputeOf(d3).version, 1);
        vm.expectRevert(abi.encodeWithSelector(IncentiveDistributor.AlreadyDisputed.selector, r1, bob));
        vm.prank(bob);
        dist.dispute(r1, keccak256("b3"));
        vm.warp(block.timestamp + WINDOW);
        assertEq(dist.claimableRootOf(utility, address(usd)), 0, "blocked by the open dispute of version 1");
    }

    function test_disputeRejectedRootStands() public {
        (bytes32[][] memory layers,,) = _tree4(1);
        uint256 r1 = _post(MerkleBuilder.root(layers), 400e6, _ids(ev1));
        vm.prank(dave);
        uint256 d = dist.dispute(r1, keccak256("I think I delivered"));
        vm.warp(block.timestamp + WINDOW);
        bytes32[] memory proof = MerkleBuilder.proof(layers, MerkleBuilder.leaf(alice, 100e6));
        vm.expectRevert(abi.encodeWithSelector(IncentiveDistributor.NoClaimableRoot.selector, utility, address(usd)));
        dist.claim(utility, address(usd), alice, 100e6, proof);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, oracle, dist.ARBITER_ROLE()
            )
        );
        vm.prank(oracle);
        dist.resolveDispute(d, false, bytes32(0), 0);
        vm.prank(arbiter);
        dist.resolveDispute(d, false, bytes32(0), 0);
        assertEq(dist.rootOf(r1).merkleRoot, MerkleBuilder.root(layers));
        assertEq(uint256(dist.disputeOf(d).status), uint256(IncentiveDistributor.DisputeStatus.Rejected));
        dist.claim(utility, address(usd), alice, 100e6, proof);
        assertEq(usd.balanceOf(alice), 100e6);
        vm.expectRevert(
            abi.encodeWithSelector(
                IncentiveDistributor.DisputeNotOpen.selector, d, IncentiveDistributor.DisputeStatus.Rejected
            )
        );
        vm.prank(arbiter);
        dist.resolveDispute(d, true, bytes32(uint256(1)), 0);
    }

    function test_disputeReverts() public {
        (bytes32[][] memory layers,,) = _tree4(1);
        uint256 r1 = _post(MerkleBuilder.root(layers), 400e6, _ids(ev1));
        vm.expectRevert(abi.encodeWithSelector(IncentiveDistributor.UnknownRoot.selector, 9));
        vm.prank(alice);
        dist.dispute(9, keccak256("e"));
        vm.expectRevert(abi.encodeWithSelector(IncentiveDistributor.ZeroValue.selector, "evidenceHash"));
        vm.prank(alice);
        dist.dispute(r1, bytes32(0));
        vm.expectRevert(abi.encodeWithSelector(IncentiveDistributor.NotServedConsumer.selector, stranger, utility));
        vm.prank(stranger);
        dist.dispute(r1, keccak256("e"));
        address other = address(0x07E4);
        creg.register(other, utility2);
        vm.expectRevert(abi.encodeWithSelector(IncentiveDistributor.NotServedConsumer.selector, other, utility));
        vm.prank(other);
        dist.dispute(r1, keccak256("e"));
        vm.prank(alice);
        dist.dispute(r1, keccak256("e"));
        vm.expectRevert(abi.encodeWithSelector(IncentiveDistributor.AlreadyDisputed.selector, r1, alice));
        vm.prank(alice);
        dist.dispute(r1, keccak256("e2"));
        uint64 at = uint64(block.timestamp + WINDOW);
        vm.warp(at);
        vm.expectRevert(abi.encodeWithSelector(IncentiveDistributor.DisputeWindowClosed.selector, r1, at, at));
        vm.prank(bob);
        dist.dispute(r1, keccak256("e"));
    }

    function test_resolveUpheldReverts() public {
        (bytes32[][] memory layers,,) = _tree4(1);
        uint256 r1 = _post(MerkleBuilder.root(layers), 400e6, _ids(ev1));
        vm.prank(alice);
        uint256 d = dist.dispute(r1, keccak256("e"));
        vm.startPrank(arbiter);
        vm.expectRevert(abi.encodeWithSelector(IncentiveDistributor.ZeroValue.selector, "correctedRoot"));
        dist.resolveDispute(d, true, bytes32(0), 1);
        vm.expectRevert(
            abi.encodeWithSelector(IncentiveDistributor.RootTotalExceedsFunds.selector, 1_000e6 + 1, 1_000e6)
        );
        dist.resolveDispute(d, true, keccak256("x"), 1_000e6 + 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IncentiveDistributor.DisputeNotOpen.selector, 5, IncentiveDistributor.DisputeStatus.None
            )
        );
        dist.resolveDispute(5, false, bytes32(0), 0);
        vm.stopPrank();
    }

    function test_withdrawReservesPendingAndDisputedRoots() public {
        (bytes32[][] memory l1,,) = _tree4(1);
        _post(MerkleBuilder.root(l1), 400e6, _ids(ev1));
        vm.warp(block.timestamp + WINDOW);
        uint256 ev2 = _finalizedEvent();
        (bytes32[][] memory l2,,) = _tree4(2);
        uint256 r2 = _post(MerkleBuilder.root(l2), 800e6, _ids(ev2));
        assertEq(dist.withdrawable(utility, address(usd)), 200e6, "pending root 2 reserves 800");
        vm.prank(carol);
        dist.dispute(r2, keccak256("e"));
        vm.warp(block.timestamp + WINDOW);
        assertEq(dist.withdrawable(utility, address(usd)), 200e6, "disputed root still reserved");
    }

    // ------------------------------------------------------------------ payout quote

    function test_quotePayoutMatchesFormulaByHand() public view {
        // ev1: rate 0.2 USD/kWh (200000 units), tier 1 ×1.00, stress 0 → price ×1.00 (curve floor).
        // 10 kWh delivered of 10 kWh committed: 10000 Wh × 200000 × 10000 × 10000 × 10000 / (1000 × 10000³) = 2e6.
        assertEq(dist.quotePayout(ev1, 10_000, 10_000), 2e6);
        // 12 kWh of 10 kWh: compliance 12000 → bonus (2000 × 5000 / 10000) = 1000 → perf 11000:
        // 12000 × 200000 × 1.1 / 1000 = 2.64e6.
        assertEq(dist.quotePayout(ev1, 12_000, 10_000), 2_640_000);
        // Below the minimum compliance (5000): nothing.
        assertEq(dist.quotePayout(ev1, 4999, 10_000), 0);
        // Bonus is capped at 2500: 30 kWh of 10 kWh → perf 12500 → 30000 × 200 × 1.25 = 7.5e6.
        assertEq(dist.quotePayout(ev1, 30_000, 10_000), 7_500_000);
    }

    function test_quotePayoutUsesFrozenStressAndTierMultiplier() public {
        uint64 start = uint64(block.timestamp) + 1 days;
        uint32[24] memory kw;
        kw[(start % 1 days) / 1 hours] = 1200; // stress 12000 bps → price 12500 + (2000 × 7500 / 5000) = 15500
        uint256[2] memory packed = lf.pack(kw);
        vm.prank(forecaster);
        lf.commitForecast(REGION, uint32(start / 1 days), 1, packed);
        uint256 id = _createEventAs(utility, _params(2, start, 1 hours)); // tier 2 ×1.25
        uint256 expected = PayoutMath.payout(10_000, 200_000, 12_500, 10_000, 15_500);
        assertEq(expected, 3_875_000); // 10 kWh × 0.20 × 1.25 × 1.55
        assertEq(dist.quotePayout(id, 10_000, 10_000), expected);
    }

    function testFuzz_quotePayoutMatchesLibrary(uint64 delivered, uint64 committed) public {
        delivered = uint64(bound(delivered, 0, 1e12));
        committed = uint64(bound(committed, 1, 1e12));
        vm.prank(timelock);
        dist.setPerformanceParams(6000, 8000, 3000);
        (uint256[] memory x, uint256[] memory y) = dist.priceCurve();
        uint256 perf = PayoutMath.performanceFactorBps(delivered, committed, 6000, 8000, 3000);
        uint256 expected = PayoutMath.payout(delivered, 200_000, 10_000, perf, PayoutMath.priceFactorBps(0, x, y));
        assertEq(dist.quotePayout(ev1, delivered, committed), expected);
        assertLe(expected, uint256(delivered) * 200_000 * 13_000 / 10_000 / 1000, "bounded by the bonus cap");
    }

    // ------------------------------------------------------------------ guarantees (fuzz)

    /// @dev One settlement round for utility2: a finalized event, a root of (alice a, carol c), window passed.
    function _round2(uint256 a, uint256 c) internal returns (bytes32[][] memory layers) {
        uint256 e = _createEventAs(utility2, _params(1, uint64(block.timestamp) + 2 days, 1 hours));
        _settleEvent(e, new address[](0), new uint16[](0), 0);
        address[] memory who = new address[](2);
        (who[0], who[1]) = (alice, carol);
        uint256[] memory amt = new uint256[](2);
        (amt[0], amt[1]) = (a, c);
        layers = _tree(who, amt);
        vm.prank(oracle);
        dist.postRoot(utility2, address(usd), MerkleBuilder.root(layers), uint128(a + c), _ids(e));
        vm.warp(block.timestamp + WINDOW);
    }

    function _claim2(bytes32[][] memory layers, address who, uint256 cumulative) internal {
        dist.claim(
            utility2, address(usd), who, cumulative, MerkleBuilder.proof(layers, MerkleBuilder.leaf(who, cumulative))
        );
    }

    function testFuzz_claimsNeverExceedEntitlementOrFunding(uint96 a1, uint96 c1, uint96 da, uint96 dc, uint96 funding)
        public
    {
        uint256 total = bound(funding, 1, 1e28);
        _fund(utility2, total);
        uint256 alice1 = bound(a1, 0, total);
        uint256 carol1 = bound(c1, 0, total - alice1);
        bytes32[][] memory l1 = _round2(alice1, carol1);
        if (alice1 > 0) _claim2(l1, alice, alice1);
        // Second root raises (or keeps) entitlements within funding.
        uint256 alice2 = alice1 + bound(da, 0, total - alice1 - carol1);
        uint256 carol2 = carol1 + bound(dc, 0, total - alice2 - carol1);
        bytes32[][] memory l2 = _round2(alice2, carol2);
        if (alice2 > alice1) _claim2(l2, alice, alice2);
        if (carol2 > 0) _claim2(l2, carol, carol2);
        assertEq(usd.balanceOf(alice), alice2, "alice gets exactly her cumulative");
        assertEq(usd.balanceOf(carol), carol2, "carol gets exactly her cumulative");
        IncentiveDistributor.Program memory p = dist.programOf(utility2, address(usd));
        assertLe(p.paid, p.funded, "paid <= funded");
        assertEq(dist.withdrawable(utility2, address(usd)), total - alice2 - carol2);
    }

    // ------------------------------------------------------------------ governance

    function test_governanceSetters() public {
        uint256[] memory x = new uint256[](2);
        uint256[] memory y = new uint256[](2);
        (x[0], x[1], y[0], y[1]) = (5000, 20_000, 9000, 30_000);
        vm.startPrank(timelock);
        dist.setAcceptedToken(stranger, true);
        dist.setPerformanceParams(1, 2, 3);
        dist.setPriceCurve(x, y);
        dist.setDisputeWindow(1 hours);
        vm.stopPrank();
        assertTrue(dist.isAcceptedToken(stranger));
        assertEq(dist.minComplianceBps(), 1);
        assertEq(dist.bonusSlopeBps(), 2);
        assertEq(dist.bonusCapBps(), 3);
        (uint256[] memory gx,) = dist.priceCurve();
        assertEq(gx[1], 20_000);
        assertEq(dist.disputeWindow(), 1 hours);
        vm.prank(timelock);
        dist.setAcceptedToken(stranger, false);
        assertFalse(dist.isAcceptedToken(stranger));
    }

    function test_governanceReverts() public {
        uint256[] memory x = new uint256[](2);
        uint256[] memory y = new uint256[](2);
        (x[0], x[1]) = (5000, 5000);
        bytes32 gov = dist.GOVERNANCE_ROLE();
        vm.startPrank(utility);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, utility, gov));
        dist.setAcceptedToken(stranger, true);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, utility, gov));
        dist.setPerformanceParams(1, 2, 3);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, utility, gov));
        dist.setPriceCurve(x, y);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, utility, gov));
        dist.setDisputeWindow(1 days);
        vm.stopPrank();
        vm.startPrank(timelock);
        vm.expectRevert(abi.encodeWithSelector(PayoutMath.BreakpointsNotIncreasing.selector, 1, 5000, 5000));
        dist.setPriceCurve(x, y);
        vm.expectRevert(PayoutMath.NoBreakpoints.selector);
        dist.setPriceCurve(new uint256[](0), new uint256[](0));
        vm.expectRevert(abi.encodeWithSelector(IncentiveDistributor.TooManyBreakpoints.selector, 17, 16));
        dist.setPriceCurve(new uint256[](17), new uint256[](17));
        vm.expectRevert(abi.encodeWithSelector(IncentiveDistributor.InvalidDisputeWindow.selector, uint64(1 hours - 1)));
        dist.setDisputeWindow(1 hours - 1);
        vm.expectRevert(abi.encodeWithSelector(IncentiveDistributor.InvalidDisputeWindow.selector, uint64(30 days + 1)));
        dist.setDisputeWindow(30 days + 1);
        vm.expectRevert(abi.encodeWithSelector(PeaklabUpgradeable.ZeroAddress.selector, "token"));
        dist.setAcceptedToken(address(0), true);
        vm.stopPrank();
    }

    function test_initializeLockedAndValidated() public {
        address[] memory tokens = new address[](0);
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        dist.initialize(
            timelock,
            guardian,
            IReductionRequests(address(rr)),
            IConsumerRegistry(address(creg)),
            IUtilityRegistry(address(ureg)),
            tokens,
            WINDOW
        );
        IncentiveDistributor impl = new IncentiveDistributor();
        vm.expectRevert(abi.encodeWithSelector(PeaklabUpgradeable.ZeroAddress.selector, "requests"));
        new ERC1967Proxy(
            address(impl),
            abi.encodeCall(
                IncentiveDistributor.initialize,
                (
                    timelock,
                    guardian,
                    IReductionRequests(address(0)),
                    IConsumerRegistry(address(creg)),
                    IUtilityRegistry(address(ureg)),
                    tokens,
                    WINDOW
                )
            )
        );
    }

    function test_upgradeOnlyByTimelock() public {
        IncentiveDistributor next = new IncentiveDistributor();
        vm.expectRevert(abi.encodeWithSelector(PeaklabUpgradeable.NotTimelock.selector, guardian, timelock));
        vm.prank(guardian);
        dist.upgradeToAndCall(address(next), "");
        vm.prank(timelock);
        dist.upgradeToAndCall(address(next), "");
        assertEq(dist.programOf(utility, address(usd)).funded, 1_000e6, "state survives the upgrade");
    }
}

/// @notice Drives the distributor through random funding, withdrawals, roots (including over-declared and
///         shrinking ones), disputes, corrections and claims, tracking what each account was paid.
contract DistributorHandler is Test {
    IncentiveDistributor internal dist;
    StableToken internal usd;
    MockConsumerRegistry internal creg;
    address internal utility;
    address internal oracle;
    address internal arbiter;
    address[3] internal accounts;

    uint256 public nextEvent = 1;
    uint256 public claims; // successful claims (coverage of the run)
    uint256 public corrections; // upheld disputes
    uint256 public ghostFunded;
    uint256 public ghostWithdrawn;
    mapping(address => uint256) public ghostPaid;
    mapping(address => uint256) public ghostMaxEntitlement; // largest cumulative ever posted for the account
    // current leaves per root id
    mapping(uint256 => uint256[3]) internal _rootAmounts;
    uint256[] internal _openDisputes;

    constructor(
        IncentiveDistributor dist_,
        StableToken usd_,
        MockConsumerRegistry creg_,
        address utility_,
        address oracle_,
        address arbiter_,
        address[3] memory accounts_
    ) {
        (dist, usd, creg, utility, oracle, arbiter, accounts) =
        (dist_, usd_, creg_, utility_, oracle_, arbiter_, accounts_);
    }

    function account(uint256 i) external view returns (address) {
        return accounts[i];
    }

    function fund(uint256 amount) external {
        amount = bound(amount, 1, 1e15);
        usd.mint(utility, amount);
        vm.startPrank(utility);
        usd.approve(address(dist), amount);
        dist.fund(address(usd), amount);
        vm.stopPrank();
        ghostFunded += amount;
    }

    function withdraw(uint256 amount) external {
        uint256 available = dist.withdrawable(utility, address(usd));
        if (available == 0) return;
        amount = bound(amount, 1, available);
        vm.prank(utility);
        dist.withdraw(address(usd), amount);
        ghostWithdrawn += amount;
    }

    function postRoot(uint256 seed, bool overDeclare) external {
        IncentiveDistributor.Program memory p = dist.programOf(utility, address(usd));
        uint256 available = uint256(p.funded) - p.withdrawn;
        if (available == 0) return;
        // Usually grow the last root's entitlements (cumulative), sometimes draw fresh ones (a lower correction).
        uint256[3] memory base = _rootAmounts[dist.rootCount()];
        uint256 baseSum = base[0] + base[1] + base[2];
        if (seed % 5 == 0 || baseSum > available) (base, baseSum) = ([uint256(0), 0, 0], 0);
        uint256[3] memory amt;
        uint256 sum;
        for (uint256 i; i < 3; ++i) {
            amt[i] = base[i] + uint256(keccak256(abi.encode(seed, i))) % ((available - baseSum) / 3 + 1);
            sum += amt[i];
        }
        // Rarely, the oracle declares less than the leaves sum (payouts must stay capped at the total).
        uint256 total = overDeclare && seed % 7 == 0 ? sum / 2 : sum;
        uint256[] memory ids = new uint256[](1);
        ids[0] = nextEvent++;
        vm.prank(oracle);
        uint256 rootId = dist.postRoot(utility, address(usd), _root(amt), uint128(total), ids);
        _rootAmounts[rootId] = amt;
        for (uint256 i; i < 3; ++i) {
            if (amt[i] > ghostMaxEntitlement[accounts[i]]) ghostMaxEntitlement[accounts[i]] = amt[i];
        }
    }

    function warp(uint256 secs) external {
        vm.warp(block.timestamp + bound(secs, 1, 3 days));
    }

    function claimAgain(uint256 who) external {
        this.claim(who);
    }

    function claim(uint256 who) public {
        uint256 rootId = dist.claimableRootOf(utility, address(usd));
        if (rootId == 0) return;
        uint256 i = who % 3;
        uint256[3] memory amt = _rootAmounts[rootId];
        address a = accounts[i];
        uint256 already = dist.claimedOf(utility, address(usd), a);
        if (amt[i] <= already) return;
        IncentiveDistributor.Program memory p = dist.programOf(utility, address(usd));
        uint256 left = dist.rootOf(rootId).total > p.paid ? dist.rootOf(rootId).total - p.paid : 0;
        if (amt[i] - already > left) return; // would exceed the declared total: covered by unit tests
        uint256 before = usd.balanceOf(a);
        dist.claim(utility, address(usd), a, amt[i], _proof(amt, i));
        ghostPaid[a] += usd.balanceOf(a) - before;
        ++claims;
    }

    function dispute(uint256 who) external {
        uint256 n = dist.rootCount();
        if (n == 0 || who % 4 != 0) return; // keep disputes rarer than claims
        IncentiveDistributor.Root memory r = dist.rootOf(n);
        if (block.timestamp >= r.claimableAt) return;
        vm.prank(accounts[who % 3]);
        try dist.dispute(n, keccak256(abi.encode(who))) returns (uint256 d) {
            _openDisputes.push(d);
        } catch {}
    }

    function resolve(uint256 seed, bool upheld) external {
        if (_openDisputes.length == 0) return;
        uint256 k = seed % _openDisputes.length;
        uint256 d = _openDisputes[k];
        _openDisputes[k] = _openDisputes[_openDisputes.length - 1];
        _openDisputes.pop();
        IncentiveDistributor.Dispute memory disp = dist.disputeOf(d);
        IncentiveDistributor.Root memory r = dist.rootOf(disp.rootId);
        if (!upheld || disp.version != r.version) {
            vm.prank(arbiter);
            dist.resolveDispute(d, false, bytes32(0), 0);
            return;
        }
        IncentiveDistributor.Program memory p = dist.programOf(utility, address(usd));
        uint256 available = uint256(p.funded) - p.withdrawn;
        uint256[3] memory amt;
        uint256 sum;
        for (uint256 i; i < 3; ++i) {
            amt[i] = uint256(keccak256(abi.encode(seed, "fix", i))) % (available / 3 + 1);
            sum += amt[i];
        }
        vm.prank(arbiter);
        dist.resolveDispute(d, true, _root(amt), uint128(sum));
        ++corrections;
        _rootAmounts[disp.rootId] = amt;
        for (uint256 i; i < 3; ++i) {
            if (amt[i] > ghostMaxEntitlement[accounts[i]]) ghostMaxEntitlement[accounts[i]] = amt[i];
        }
    }

    function _layers(uint256[3] memory amt) internal view returns (bytes32[][] memory) {
        bytes32[] memory leaves = new bytes32[](3);
        for (uint256 i; i < 3; ++i) {
            leaves[i] = MerkleBuilder.leaf(accounts[i], amt[i]);
        }
        return MerkleBuilder.build(leaves);
    }

    function _root(uint256[3] memory amt) internal view returns (bytes32) {
        return MerkleBuilder.root(_layers(amt));
    }

    function _proof(uint256[3] memory amt, uint256 i) internal view returns (bytes32[] memory) {
        return MerkleBuilder.proof(_layers(amt), MerkleBuilder.leaf(accounts[i], amt[i]));
    }
}

contract IncentiveDistributorInvariantTest is Test {
    IncentiveDistributor internal dist;
    StableToken internal usd;
    DistributorHandler internal handler;
    address internal utility = address(0x0717);

    function setUp() public {
        vm.warp(1_750_000_000);
        usd = new StableToken(address(this), address(this));
        MockUtilityRegistry ureg = new MockUtilityRegistry();
        MockConsumerRegistry creg = new MockConsumerRegistry();
        ureg.setStatus(utility, IUtilityRegistry.Status.Active);
        address[3] memory accounts = [address(0xA1), address(0xA2), address(0xA3)];
        for (uint256 i; i < 3; ++i) {
            creg.register(accounts[i], utility);
        }
        MockRequests mreq = new MockRequests(utility, address(usd));
        address[] memory tokens = new address[](1);
        tokens[0] = address(usd);
        address timelock = address(0x7100);
        dist = Proxies.distributor(
            timelock,
            address(0x6A),
            IReductionRequests(address(mreq)),
            IConsumerRegistry(address(creg)),
            IUtilityRegistry(address(ureg)),
            tokens,
            1 days
        );
        handler = new DistributorHandler(dist, usd, creg, utility, address(0x0AC1E), address(0xA4B), accounts);
        usd.grantRole(usd.MINTER_ROLE(), address(handler));
        vm.startPrank(timelock);
        dist.grantRole(dist.ORACLE_ROLE(), address(0x0AC1E));
        dist.grantRole(dist.ARBITER_ROLE(), address(0xA4B));
        vm.stopPrank();
        targetContract(address(handler));
    }

    /// @notice The distributor holds exactly what was funded minus what left it, and never paid out more than
    ///         was funded (net of withdrawals).
    function invariant_balanceMatchesBooks() public view {
        IncentiveDistributor.Program memory t = dist.tokenTotals(address(usd));
        assertEq(t.funded, handler.ghostFunded(), "funded");
        assertEq(t.withdrawn, handler.ghostWithdrawn(), "withdrawn");
        assertLe(uint256(t.paid) + t.withdrawn, t.funded, "paid + withdrawn <= funded");
        assertEq(usd.balanceOf(address(dist)), uint256(t.funded) - t.withdrawn - t.paid, "balance");
    }

    /// @notice No account was paid more than the largest cumulative entitlement ever posted for it, and what it
    ///         received equals what the contract recorded as claimed (nothing paid twice).
    function invariant_noAccountOverpaid() public view {
        uint256 sum;
        for (uint256 i; i < 3; ++i) {
            address a = handler.account(i);
            uint256 claimed = dist.claimedOf(utility, address(usd), a);
            assertEq(handler.ghostPaid(a), claimed, "paid == claimed");
            assertLe(claimed, handler.ghostMaxEntitlement(a), "claimed <= entitlement");
            sum += claimed;
        }
        assertEq(sum, dist.tokenTotals(address(usd)).paid, "sum of claims == paid");
    }

    function afterInvariant() public view {
        console.log("handler: claims", handler.claims());
        console.log("handler: corrections", handler.corrections());
    }
}
