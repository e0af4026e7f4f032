// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Deployer} from "./utils/Deployer.sol";
import {MerkleBuilder} from "./utils/MerkleBuilder.sol";
import {console} from "./utils/console.sol";
import {ReductionRequests} from "../src/ReductionRequests.sol";
import {ConsumerRegistry} from "../src/ConsumerRegistry.sol";
import {IncentiveDistributor} from "../src/IncentiveDistributor.sol";
import {IReductionRequests} from "../src/interfaces/IReductionRequests.sol";

/// @notice The full-system fixture is wired as documented, and a whole event runs end to end on the real
///         registries — including the per-consumer gas of settling an event for 1,000 consumers.
contract DeployerTest is Deployer {
    address internal utility = address(0x0717);
    address[] internal people;
    mapping(bytes32 => uint256) internal leafOwner; // leaf => 1 + index into `people`

    function setUp() public {
        vm.warp(1_750_000_000);
        deploySystem(defaultConfig());
        onboardUtility(utility);
    }

    function _people(uint256 n) internal {
        for (uint256 i; i < n; ++i) {
            people.push(address(uint160(0xC0DE0000 + i)));
        }
        onboardConsumers(utility, people);
    }

    function _event(uint32 duration) internal returns (uint256 id) {
        id = createTier1Event(utility, uint64(block.timestamp) + 2 days, duration);
    }

    function test_wiringMatchesTheDesign() public view {
        address t = address(timelock);
        assertTrue(requests.hasRole(requests.DEFAULT_ADMIN_ROLE(), t));
        assertTrue(distributor.hasRole(distributor.GOVERNANCE_ROLE(), t));
        assertTrue(loadForecast.hasRole(loadForecast.GOVERNANCE_ROLE(), t));
        assertTrue(utilityRegistry.hasRole(utilityRegistry.REPORTER_ROLE(), address(requests)));
        assertTrue(consumerRegistry.hasRole(consumerRegistry.REPORTER_ROLE(), address(requests)));
        assertTrue(requests.hasRole(requests.SETTLER_ROLE(), address(distributor)));
        assertTrue(requests.hasRole(requests.ORACLE_ROLE(), sys.oracle));
        assertTrue(distributor.hasRole(distributor.ORACLE_ROLE(), sys.oracle));
        assertTrue(loadForecast.hasRole(loadForecast.ORACLE_ROLE(), sys.oracle));
        assertTrue(loadForecast.hasRole(loadForecast.FORECASTER_ROLE(), sys.forecaster));
        assertTrue(consumerRegistry.hasRole(consumerRegistry.KYC_PROVIDER_ROLE(), sys.kycProvider));
        assertTrue(distributor.hasRole(distributor.ARBITER_ROLE(), sys.arbiter));
        assertTrue(utilityRegistry.hasRole(utilityRegistry.REGULATOR_ROLE(), sys.regulators[2]));
        assertTrue(requests.hasRole(requests.GUARDIAN_ROLE(), sys.guardian));
        assertEq(address(requests.distributor()), address(distributor));
        assertEq(requests.timelock(), t);
        assertEq(distributor.timelock(), t);
        assertTrue(timelock.hasRole(timelock.PROPOSER_ROLE(), address(governor)));
        assertTrue(timelock.hasRole(timelock.EXECUTOR_ROLE(), address(0)));
        assertTrue(grid.hasRole(grid.DEFAULT_ADMIN_ROLE(), t));
        assertTrue(distributor.isAcceptedToken(address(grid)) && distributor.isAcceptedToken(address(stable)));
    }

    function test_fixtureKeepsNoAdminPower() public view {
        assertFalse(timelock.hasRole(timelock.DEFAULT_ADMIN_ROLE(), address(this)));
        assertFalse(requests.hasRole(requests.DEFAULT_ADMIN_ROLE(), address(this)));
        assertFalse(distributor.hasRole(distributor.GOVERNANCE_ROLE(), address(this)));
        assertFalse(utilityRegistry.hasRole(utilityRegistry.DEFAULT_ADMIN_ROLE(), address(this)));
        assertTrue(utilityRegistry.isActive(utility));
    }

    function test_endToEndOnRealRegistries() public {
        _people(3);
        uint256 id = _event(1 hours);
        optInAll(id, people);
        uint16[] memory out = new uint16[](3);
        (out[0], out[1], out[2]) = (10_000, 5000, 0);
        finalizeEvent(id, people, out, 1_500_000, 2);
        assertEq(uint256(requests.statusOf(id)), uint256(IReductionRequests.EventStatus.Finalized));
        // Reliability: 5000 + 20 % × (10000 − 5000) = 6000; reputation: 5000 + 20 % × (7500 − 5000) = 5500.
        assertEq(consumerRegistry.reliabilityOf(people[0]), 6000);
        assertEq(consumerRegistry.reliabilityOf(people[2]), 4000);
        assertEq(utilityRegistry.reputationOf(utility), 5500);

        fundProgram(utility, address(stable), 1_000e6);
        uint256 a0 = distributor.quotePayout(id, 666_666, 666_666);
        uint256 a1 = distributor.quotePayout(id, 333_333, 666_666);
        bytes32[] memory leaves = new bytes32[](2);
        leaves[0] = MerkleBuilder.leaf(people[0], a0);
        leaves[1] = MerkleBuilder.leaf(people[1], a1);
        bytes32[][] memory layers = MerkleBuilder.build(leaves);
        uint256[] memory ids = new uint256[](1);
        ids[0] = id;
        vm.prank(sys.oracle);
        distributor.postRoot(utility, address(stable), MerkleBuilder.root(layers), uint128(a0 + a1), ids);
        vm.warp(block.timestamp + sys.disputeWindow);
        distributor.claim(
            utility, address(stable), people[0], a0, MerkleBuilder.proof(layers, MerkleBuilder.leaf(people[0], a0))
        );
        distributor.claim(
            utility, address(stable), people[1], a1, MerkleBuilder.proof(layers, MerkleBuilder.leaf(people[1], a1))
        );
        assertEq(stable.balanceOf(people[0]), a0);
        assertEq(a0, 99_999_900); // 666.666 kWh × 0.15 USD = 99.9999 USD (6 decimals), ×1 ×1 ×1
        assertEq(a1, 49_999_950); // compliance exactly 5000 bps = the minimum → factor ×1
        assertEq(stable.balanceOf(people[1]), a1);
        assertTrue(requests.isSettled(id));
    }

    /// @dev Gas of the consumer-facing event operations on the real registries (run with --isolate for per-tx).
    function test_gasEventOperationsOnRealRegistries() public {
        uint256 n = 100;
        address[] memory signers = new address[](n);
        for (uint256 i; i < n; ++i) {
            signers[i] = vm.addr(0x5000 + i);
        }
        onboardConsumers(utility, signers);
        _people(1);
        uint256 g = gasleft();
        uint256 id = _event(2 hours);
        console.log("gas: createEvent", g - gasleft());
        vm.prank(people[0]);
        g = gasleft();
        requests.optIn(id);
        console.log("gas: optIn (single, direct)", g - gasleft());
        ReductionRequests.OptInSig[] memory sigs = new ReductionRequests.OptInSig[](n);
        uint64 deadline = uint64(block.timestamp) + 1 days;
        for (uint256 i; i < n; ++i) {
            (uint8 v, bytes32 r, bytes32 s_) = vm.sign(0x5000 + i, requests.optInDigest(signers[i], id, deadline));
            sigs[i] = ReductionRequests.OptInSig(signers[i], deadline, v, r, s_);
        }
        g = gasleft();
        uint32 added = requests.optInBySig(id, sigs);
        uint256 batch = g - gasleft();
        assertEq(added, n);
        console.log("gas: optInBySig batch of 100, per consumer", batch / n);
        assertEq(requests.getEvent(id).optedIn, n + 1);

        // Standing opt-in: 100 consumers with autoEnroll, materialised for a second event in one call.
        ConsumerRegistry.Preferences memory prefs = ConsumerRegistry.Preferences({
            maxTier: 4,
            maxEventsPerMonth: 0,
            autoEnroll: true,
            availability: type(uint256).max >> 88,
            payoutToken: address(0),
            payoutAddress: address(0)
        });
        for (uint256 i; i < n; ++i) {
            vm.prank(signers[i]);
            consumerRegistry.setPreferences(prefs);
        }
        uint256 id2 = _event(1 hours);
        g = gasleft();
        added = requests.enrollAuto(id2, signers);
        batch = g - gasleft();
        assertEq(added, n);
        console.log("gas: enrollAuto batch of 100, per consumer", batch / n);
    }

    /// @dev Results + outcomes + finalize + root + 1,000 claims, divided by 1,000 (registration/opt-in excluded).
    function test_gasSettlementPerConsumerFor1000() public {
        _settle1000(false);
    }

    /// @dev The same with claims relayed by `claimBatch` in 10 transactions of 100.
    function test_gasSettlementPerConsumerFor1000BatchedClaims() public {
        _settle1000(true);
    }

    function _settle1000(bool batchedClaims) internal {
        uint256 n = 1000;
        _people(n);
        uint256 id = _event(4 hours);
        for (uint256 i; i < n; ++i) {
            vm.prank(people[i]);
            requests.optIn(id);
        }
        fundProgram(utility, address(stable), 1_000_000e6);
        vm.warp(block.timestamp + 2 days + 4 hours);
        uint16[] memory out = new uint16[](n);
        bytes32[] memory leaves = new bytes32[](n);
        uint256 total;
        for (uint256 i; i < n; ++i) {
            uint256 delivered = 4000 + (i * 37) % 9000; // Wh
            out[i] = uint16(delivered >= 8000 ? 10_000 : (delivered * 10_000) / 8000);
            uint256 amount = distributor.quotePayout(id, delivered, 8000);
            total += amount;
            leaves[i] = MerkleBuilder.leaf(people[i], amount);
            leafOwner[leaves[i]] = i + 1;
        }
        bytes32[][] memory layers = MerkleBuilder.build(leaves);
        uint256[] memory ids = new uint256[](1);
        ids[0] = id;

        uint256[5] memory gas; // results, outcomes, finalize, root, claims
        uint256 g;
        vm.startPrank(sys.oracle);
        g = gasleft();
        requests.postResults(id, 8_000_000, uint32(n), keccak256("results"));
        gas[0] = g - gasleft();
        g = gasleft();
        for (uint256 b; b < n; b += 250) {
            (address[] memory batch, uint16[] memory ob) = _slice(out, b, 250);
            requests.postOutcomes(id, batch, ob);
        }
        gas[1] = g - gasleft();
        g = gasleft();
        requests.finalize(id);
        gas[2] = g - gasleft();
        g = gasleft();
        distributor.postRoot(utility, address(stable), MerkleBuilder.root(layers), uint128(total), ids);
        gas[3] = g - gasleft();
        vm.stopPrank();
        vm.warp(block.timestamp + sys.disputeWindow);
        gas[4] = batchedClaims ? _claimAllBatched(id, layers) : _claimAll(id, layers);
        uint256 gasUsed = gas[0] + gas[1] + gas[2] + gas[3] + gas[4];
        console.log("gas: postResults", gas[0]);
        console.log("gas: postOutcomes, 4 batches of 250, per consumer", gas[1] / n);
        console.log("gas: finalize", gas[2]);
        console.log("gas: postRoot (1 event)", gas[3]);
        console.log(batchedClaims ? "gas: claimBatch of 100, per claim" : "gas: claim, average of 1000", gas[4] / n);
        console.log("gas: settlement per consumer (1000 consumers)", gasUsed / n);
        assertEq(distributor.programOf(utility, address(stable)).paid, total);
        assertEq(stable.balanceOf(address(distributor)), 1_000_000e6 - total);
        // ≈ 80k in one test transaction; ≈ 176k with --isolate (every call its own transaction, as on chain).
        assertLt(gasUsed / n, 200_000, "per-consumer settlement gas");
    }

    function _slice(uint16[] memory out, uint256 from, uint256 len)
        internal
        view
        returns (address[] memory batch, uint16[] memory ob)
    {
        batch = new address[](len);
        ob = new uint16[](len);
        for (uint256 i; i < len; ++i) {
            (batch[i], ob[i]) = (people[from + i], out[from + i]);
        }
    }

    /// @dev Claims every leaf (in sorted-leaf order) and returns the gas of the claim calls alone.
    function _claimAll(uint256 id, bytes32[][] memory layers) internal returns (uint256 gasClaims) {
        for (uint256 i; i < layers[0].length; ++i) {
            uint256 who = leafOwner[layers[0][i]] - 1;
            uint256 amount = distributor.quotePayout(id, 4000 + (who * 37) % 9000, 8000);
            bytes32[] memory proof = MerkleBuilder.proofAt(layers, i);
            uint256 g = gasleft();
            distributor.claim(utility, address(stable), people[who], amount, proof);
            gasClaims += g - gasleft();
        }
    }

    /// @dev Claims every leaf with `claimBatch`, 100 per call, and returns the gas of those calls alone.
    function _claimAllBatched(uint256 id, bytes32[][] memory layers) internal returns (uint256 gasClaims) {
        uint256 n = layers[0].length;
        for (uint256 b; b < n; b += 100) {
            IncentiveDistributor.ClaimArgs[] memory cs = new IncentiveDistributor.ClaimArgs[](100);
            for (uint256 i; i < 100; ++i) {
                uint256 who = leafOwner[layers[0][b + i]] - 1;
                uint256 amount = distributor.quotePayout(id, 4000 + (who * 37) % 9000, 8000);
                cs[i] = IncentiveDistributor.ClaimArgs(people[who], amount, MerkleBuilder.proofAt(layers, b + i));
            }
            uint256 g = gasleft();
            distributor.claimBatch(utility, address(stable), cs);
            gasClaims += g - gasleft();
        }
    }
}
