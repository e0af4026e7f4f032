// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Deployer} from "./utils/Deployer.sol";
import {MerkleBuilder} from "./utils/MerkleBuilder.sol";
import {GovernanceSteps} from "./utils/GovernanceSteps.sol";
import {ConsumerRegistryV2} from "./mocks/ConsumerRegistryV2.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {PausableUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/PausableUpgradeable.sol";
import {PeaklabUpgradeable} from "../src/base/PeaklabUpgradeable.sol";
import {UtilityRegistry} from "../src/UtilityRegistry.sol";
import {ConsumerRegistry} from "../src/ConsumerRegistry.sol";
import {LoadForecast} from "../src/LoadForecast.sol";
import {ReductionRequests} from "../src/ReductionRequests.sol";
import {IncentiveDistributor} from "../src/IncentiveDistributor.sol";
import {IUtilityRegistry} from "../src/interfaces/IUtilityRegistry.sol";
import {IConsumerRegistry} from "../src/interfaces/IConsumerRegistry.sol";
import {ILoadForecast} from "../src/interfaces/ILoadForecast.sol";
import {IReductionRequests} from "../src/interfaces/IReductionRequests.sol";

/// @title GovernanceLifecycleTest
/// @notice The whole governance path on a Deployer-built system: PeaklabGovToken votes → PeaklabGovernor
///         (propose → vote → queue) → TimelockController (delay → execute) → the five contracts. Parameter changes
///         and a UUPS upgrade take effect only that way; the guardian can pause but only the timelock unpauses;
///         implementations cannot be initialised.
contract GovernanceLifecycleTest is Deployer {
    bytes32 internal constant IMPLEMENTATION_SLOT = 0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc;

    address internal voter = address(0x707E);
    address internal utility = address(0x0717);
    address[] internal people;
    uint256 internal eventId;

    function setUp() public {
        vm.warp(1_750_000_000);
        deploySystem(defaultConfig());
        govToken.mint(voter, 1000e18);
        vm.prank(voter);
        govToken.delegate(voter);
        onboardUtility(utility);
        for (uint256 i; i < 3; ++i) {
            people.push(address(uint160(0xC0DE0000 + i)));
        }
        onboardConsumers(utility, people);
        fundProgram(utility, address(stable), 1000e6);
        _runOneEvent();
        vm.warp(block.timestamp + 1);
    }

    // ------------------------------------------------------------------ parameter change

    function test_parameterChangePassesVoteQueueAndTimelock() public {
        GovernanceSteps.Proposal memory p = GovernanceSteps.blank(3);
        p.targets[0] = address(distributor);
        p.calldatas[0] = abi.encodeCall(IncentiveDistributor.setDisputeWindow, (3 days));
        p.targets[1] = address(utilityRegistry);
        p.calldatas[1] = abi.encodeCall(UtilityRegistry.setMinBond, (2500e18));
        p.targets[2] = address(requests);
        p.calldatas[2] = abi.encodeCall(
            ReductionRequests.setTier, (2, ReductionRequests.TierParams(6 hours, 2 hours, 13_000, false))
        );
        p.description = "longer dispute window, higher bond, stricter tier 2";

        uint256 id = GovernanceSteps.propose(governor, voter, p);
        _assertState(id, IGovernor.ProposalState.Pending);
        vm.warp(block.timestamp + governor.votingDelay() + 1);
        _assertState(id, IGovernor.ProposalState.Active);
        vm.prank(voter);
        governor.castVote(id, 1);
        vm.warp(block.timestamp + governor.votingPeriod());
        _assertState(id, IGovernor.ProposalState.Succeeded);
        assertEq(distributor.disputeWindow(), 2 days, "changed before execution");
        GovernanceSteps.queue(governor, p);
        _assertState(id, IGovernor.ProposalState.Queued);
        vm.warp(block.timestamp + timelock.getMinDelay());
        GovernanceSteps.execute(governor, p);
        _assertState(id, IGovernor.ProposalState.Executed);

        assertEq(distributor.disputeWindow(), 3 days, "dispute window");
        assertEq(utilityRegistry.config().minBond, 2500e18, "min bond");
        ReductionRequests.TierParams memory t2 = requests.tierParams(2);
        assertEq(t2.minNotice, 6 hours, "tier 2 notice");
        assertEq(t2.incentiveMultiplierBps, 13_000, "tier 2 multiplier");
        assertFalse(t2.optOutAllowed, "tier 2 opt-out");
    }

    // ------------------------------------------------------------------ upgrade

    /// @dev ConsumerRegistry → ConsumerRegistryV2 by proposal: registrations, KYC, consent, reliability scores
    ///      and roles survive; the distributor's balances are untouched; the new functions run on the old state.
    function test_uupsUpgradeThroughGovernanceKeepsState() public {
        uint256 count = consumerRegistry.consumerCount();
        uint16 rel0 = consumerRegistry.reliabilityOf(people[0]);
        uint16 rel2 = consumerRegistry.reliabilityOf(people[2]);
        assertTrue(rel0 != sys.initialReliabilityBps && rel2 != rel0, "scores moved by the event");
        uint256 held = stable.balanceOf(address(distributor));
        address oldImpl = _implementation(address(consumerRegistry));

        ConsumerRegistryV2 v2 = new ConsumerRegistryV2();
        GovernanceSteps.Proposal memory p = GovernanceSteps.blank(1);
        p.targets[0] = address(consumerRegistry);
        p.calldatas[0] = abi.encodeWithSignature(
            "upgradeToAndCall(address,bytes)", address(v2), abi.encodeCall(ConsumerRegistryV2.initializeV2, (500))
        );
        p.description = "ConsumerRegistry v2";
        _pass(p);

        ConsumerRegistryV2 upgraded = ConsumerRegistryV2(address(consumerRegistry));
        assertEq(_implementation(address(consumerRegistry)), address(v2), "implementation slot");
        assertTrue(oldImpl != address(v2), "implementation changed");
        assertEq(upgraded.version(), 2, "new function");
        assertEq(upgraded.programCap(), 500, "reinitializer ran");
        assertEq(upgraded.eligibleCount(1, uint64(block.timestamp + 2 days)), 3, "new function on old state");
        assertEq(upgraded.consumerCount(), count, "consumer count");
        for (uint256 i; i < people.length; ++i) {
            assertEq(upgraded.indexOf(people[i]), i + 1, "index");
            assertEq(upgraded.servingUtilityOf(people[i]), utility, "serving utility");
        }
        assertEq(upgraded.reliabilityOf(people[0]), rel0, "reliability 0");
        assertEq(upgraded.reliabilityOf(people[2]), rel2, "reliability 2");
        assertTrue(upgraded.hasRole(upgraded.REPORTER_ROLE(), address(requests)), "roles");
        assertEq(upgraded.timelock(), address(timelock), "timelock");
        assertEq(stable.balanceOf(address(distributor)), held, "distributor balance");
        assertEq(utilityRegistry.reputationOf(utility), 5500, "reputation elsewhere untouched");
        // The reinitializer cannot run twice, and the rest of the system still works against V2.
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        upgraded.initializeV2(1);
        uint256 next = createTier1Event(utility, uint64(block.timestamp + 2 days), 1 hours);
        vm.prank(people[1]);
        requests.optIn(next);
        assertTrue(requests.isOptedIn(next, people[1]), "opt-in after upgrade");
    }

    // ------------------------------------------------------------------ timelock and authority

    /// @dev A queued proposal cannot execute before the timelock's delay: TimelockUnexpectedOperationState
    ///      (operation id, expected state Ready) — at once, and one second before it is ready.
    function test_executeBeforeTimelockDelayReverts() public {
        GovernanceSteps.Proposal memory p = GovernanceSteps.blank(1);
        p.targets[0] = address(distributor);
        p.calldatas[0] = abi.encodeCall(IncentiveDistributor.setDisputeWindow, (5 days));
        p.description = "too early";
        bytes32 descHash = GovernanceSteps.descriptionHash(p);
        uint256 id = GovernanceSteps.propose(governor, voter, p);
        GovernanceSteps.voteThrough(governor, voter, id);
        GovernanceSteps.queue(governor, p);

        bytes32 salt = bytes20(address(governor)) ^ descHash;
        bytes32 opId = timelock.hashOperationBatch(p.targets, p.values, p.calldatas, 0, salt);
        bytes memory err = abi.encodeWithSelector(
            TimelockController.TimelockUnexpectedOperationState.selector,
            opId,
            bytes32(uint256(1) << uint8(TimelockController.OperationState.Ready))
        );
        vm.expectRevert(err);
        governor.execute(p.targets, p.values, p.calldatas, descHash);
        vm.warp(block.timestamp + timelock.getMinDelay() - 1);
        vm.expectRevert(err);
        governor.execute(p.targets, p.values, p.calldatas, descHash);
        assertEq(distributor.disputeWindow(), 2 days, "unchanged");
        vm.warp(block.timestamp + 1);
        governor.execute(p.targets, p.values, p.calldatas, descHash);
        assertEq(distributor.disputeWindow(), 5 days, "changed once ready");
    }

    /// @dev Nobody but the timelock upgrades any of the five proxies — not the governor, the guardian or an EOA.
    function test_directUpgradeByNonTimelockReverts() public {
        address[5] memory proxies = _proxies();
        address[3] memory callers = [address(governor), sys.guardian, address(0xBAD)];
        address impl = address(new ConsumerRegistryV2());
        for (uint256 i; i < 5; ++i) {
            for (uint256 k; k < 3; ++k) {
                vm.prank(callers[k]);
                vm.expectRevert(
                    abi.encodeWithSelector(PeaklabUpgradeable.NotTimelock.selector, callers[k], address(timelock))
                );
                PeaklabUpgradeable(proxies[i]).upgradeToAndCall(impl, "");
            }
        }
    }

    /// @dev The guardian pauses (payouts stop), cannot unpause; only an executed proposal (the timelock) does.
    function test_guardianPausesOnlyTimelockUnpauses() public {
        vm.prank(sys.guardian);
        distributor.pause();
        assertTrue(distributor.paused(), "paused");
        vm.prank(sys.guardian);
        vm.expectRevert(
            abi.encodeWithSelector(PeaklabUpgradeable.NotTimelock.selector, sys.guardian, address(timelock))
        );
        distributor.unpause();
        vm.prank(address(governor));
        vm.expectRevert(
            abi.encodeWithSelector(PeaklabUpgradeable.NotTimelock.selector, address(governor), address(timelock))
        );
        distributor.unpause();
        vm.prank(utility);
        vm.expectRevert(PausableUpgradeable.EnforcedPause.selector);
        distributor.fund(address(stable), 1);

        GovernanceSteps.Proposal memory p = GovernanceSteps.blank(1);
        p.targets[0] = address(distributor);
        p.calldatas[0] = abi.encodeCall(PeaklabUpgradeable.unpause, ());
        p.description = "lift the distributor pause";
        _pass(p);
        assertFalse(distributor.paused(), "unpaused by the timelock");
        stable.mint(utility, 1);
        vm.startPrank(utility);
        stable.approve(address(distributor), 1);
        distributor.fund(address(stable), 1);
        vm.stopPrank();
    }

    /// @dev Every implementation's initializer is locked (constructor `_disableInitializers`), and no proxy can be
    ///      initialised twice: both revert InvalidInitialization.
    function test_initializersLocked() public {
        address[5] memory proxies = _proxies();
        bytes[5] memory inits = _initCalls();
        for (uint256 i; i < 5; ++i) {
            address impl = _implementation(proxies[i]);
            assertTrue(impl != address(0) && impl != proxies[i], "implementation");
            _assertInitReverts(impl, inits[i]);
            _assertInitReverts(proxies[i], inits[i]);
        }
    }

    function _assertInitReverts(address target, bytes memory init) internal {
        // solhint-disable-next-line avoid-low-level-calls
        (bool ok, bytes memory ret) = target.call(init);
        assertFalse(ok, "initialize succeeded");
        assertEq(keccak256(ret), keccak256(abi.encodeWithSelector(Initializable.InvalidInitialization.selector)), "err");
    }

    // ------------------------------------------------------------------ helpers

    /// @dev propose → vote → queue → wait the timelock delay → execute.
    function _pass(GovernanceSteps.Proposal memory p) internal returns (uint256 id) {
        id = GovernanceSteps.propose(governor, voter, p);
        GovernanceSteps.voteThrough(governor, voter, id);
        GovernanceSteps.queue(governor, p);
        vm.warp(block.timestamp + timelock.getMinDelay());
        GovernanceSteps.execute(governor, p);
        _assertState(id, IGovernor.ProposalState.Executed);
    }

    function _assertState(uint256 id, IGovernor.ProposalState want) internal view {
        assertEq(uint256(governor.state(id)), uint256(want), "proposal state");
    }

    function _implementation(address proxy) internal view returns (address) {
        return address(uint160(uint256(vm.load(proxy, IMPLEMENTATION_SLOT))));
    }

    function _proxies() internal view returns (address[5] memory) {
        return [
            address(utilityRegistry),
            address(consumerRegistry),
            address(loadForecast),
            address(requests),
            address(distributor)
        ];
    }

    function _initCalls() internal view returns (bytes[5] memory c) {
        address t = address(timelock);
        address[] memory none = new address[](0);
        UtilityRegistry.Config memory cfg = utilityRegistry.config();
        c[0] = abi.encodeCall(UtilityRegistry.initialize, (t, sys.guardian, none, cfg));
        c[1] = abi.encodeCall(ConsumerRegistry.initialize, (t, sys.guardian, address(utilityRegistry), 1, 1));
        c[2] = abi.encodeCall(LoadForecast.initialize, (t, sys.guardian, 1, 0));
        c[3] = abi.encodeCall(
            ReductionRequests.initialize,
            (
                t,
                sys.guardian,
                IUtilityRegistry(address(utilityRegistry)),
                IConsumerRegistry(address(consumerRegistry)),
                ILoadForecast(address(loadForecast))
            )
        );
        c[4] = abi.encodeCall(
            IncentiveDistributor.initialize,
            (
                t,
                sys.guardian,
                IReductionRequests(address(requests)),
                IConsumerRegistry(address(consumerRegistry)),
                IUtilityRegistry(address(utilityRegistry)),
                none,
                2 days
            )
        );
    }

    /// @dev One finalised, settled and claimed event, so scores and balances are non-trivial before any proposal.
    function _runOneEvent() internal {
        eventId = createTier1Event(utility, uint64(block.timestamp + 2 days), 1 hours);
        optInAll(eventId, people);
        uint16[] memory out = new uint16[](3);
        (out[0], out[1], out[2]) = (10_000, 5000, 0);
        finalizeEvent(eventId, people, out, 1_500_000, 2);
        uint256 a0 = distributor.quotePayout(eventId, 666_666, 666_666);
        uint256[] memory ids = new uint256[](1);
        ids[0] = eventId;
        vm.prank(sys.oracle);
        distributor.postRoot(utility, address(stable), MerkleBuilder.leaf(people[0], a0), uint128(a0), ids);
        vm.warp(block.timestamp + sys.disputeWindow);
        distributor.claim(utility, address(stable), people[0], a0, new bytes32[](0));
        assertEq(stable.balanceOf(people[0]), a0, "claimed");
    }
}
