// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Test} from "./utils/Test.sol";
import {GovernanceSteps} from "./utils/GovernanceSteps.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {PeaklabGovernor} from "../src/governance/PeaklabGovernor.sol";
import {PeaklabGovToken} from "../src/tokens/PeaklabGovToken.sol";
import {GridToken} from "../src/tokens/GridToken.sol";
import {UtilityRegistry} from "../src/UtilityRegistry.sol";

contract PeaklabGovernorTest is Test {
    PeaklabGovToken internal gov;
    TimelockController internal timelock;
    PeaklabGovernor internal governor;
    UtilityRegistry internal reg;

    address internal voter = address(0xF0);
    address internal whale = address(0xF1);
    uint48 internal constant DELAY = 1 days;
    uint32 internal constant PERIOD = 5 days;
    uint256 internal constant MIN_DELAY = 2 days;

    function setUp() public {
        vm.warp(1_700_000_000);
        gov = new PeaklabGovToken(address(this), address(this));
        gov.mint(voter, 100e18);
        vm.prank(voter);
        gov.delegate(voter);
        address[] memory none = new address[](0);
        address[] memory anyone = new address[](1);
        timelock = new TimelockController(MIN_DELAY, none, anyone, address(this));
        governor = new PeaklabGovernor(IVotes(address(gov)), timelock, DELAY, PERIOD, 1e18, 4);
        timelock.grantRole(timelock.PROPOSER_ROLE(), address(governor));
        timelock.grantRole(timelock.CANCELLER_ROLE(), address(governor));
        timelock.renounceRole(timelock.DEFAULT_ADMIN_ROLE(), address(this));

        GridToken bond = new GridToken(address(this), address(this));
        address[] memory regs = new address[](1);
        regs[0] = address(0xA1);
        UtilityRegistry.Config memory cfg = UtilityRegistry.Config(
            address(bond), 1, 8000, 2000, 5000, 5000, address(timelock), 365 days, 1e18, 0, 30 days
        );
        reg = UtilityRegistry(
            address(
                new ERC1967Proxy(
                    address(new UtilityRegistry()),
                    abi.encodeCall(UtilityRegistry.initialize, (address(timelock), address(0x6A), regs, cfg))
                )
            )
        );
        vm.warp(block.timestamp + 1);
    }

    function _proposal() internal view returns (GovernanceSteps.Proposal memory p) {
        p = GovernanceSteps.blank(1);
        p.targets[0] = address(reg);
        p.calldatas[0] = abi.encodeCall(UtilityRegistry.setMinBond, (42e18));
        p.description = "raise the utility bond";
    }

    function test_settingsAndClock() public view {
        assertEq(governor.votingDelay(), DELAY);
        assertEq(governor.votingPeriod(), PERIOD);
        assertEq(governor.proposalThreshold(), 1e18);
        assertEq(governor.clock(), block.timestamp);
        assertEq(governor.CLOCK_MODE(), "mode=timestamp", "clock mode");
        assertEq(governor.timelock(), address(timelock));
        assertEq(governor.quorum(block.timestamp - 1), 4e18); // 4 % of 100e18
        assertTrue(governor.proposalNeedsQueuing(0));
    }

    function test_proposalPassesQueuesAndExecutesThroughTimelock() public {
        GovernanceSteps.Proposal memory p = _proposal();
        uint256 id = GovernanceSteps.propose(governor, voter, p);
        assertEq(uint256(governor.state(id)), uint256(IGovernor.ProposalState.Pending));
        GovernanceSteps.voteThrough(governor, voter, id);
        assertEq(uint256(governor.state(id)), uint256(IGovernor.ProposalState.Succeeded));
        GovernanceSteps.queue(governor, p);
        assertEq(uint256(governor.state(id)), uint256(IGovernor.ProposalState.Queued));
        bytes32 salt = bytes20(address(governor)) ^ GovernanceSteps.descriptionHash(p);
        bytes32 opId = timelock.hashOperationBatch(p.targets, p.values, p.calldatas, 0, salt);
        vm.expectRevert(
            abi.encodeWithSelector(
                TimelockController.TimelockUnexpectedOperationState.selector,
                opId,
                bytes32(uint256(1) << uint8(TimelockController.OperationState.Ready))
            )
        );
        GovernanceSteps.execute(governor, p); // timelock delay not over
        vm.warp(block.timestamp + MIN_DELAY);
        GovernanceSteps.execute(governor, p);
        assertEq(uint256(governor.state(id)), uint256(IGovernor.ProposalState.Executed));
        assertEq(reg.config().minBond, 42e18);
    }

    function test_proposalWithoutQuorumIsDefeated() public {
        gov.mint(whale, 10_000e18); // total supply 10100e18 → quorum 404e18 > voter's 100e18
        vm.prank(whale);
        gov.delegate(whale);
        vm.warp(block.timestamp + 1);
        uint256 id = GovernanceSteps.propose(governor, voter, _proposal());
        GovernanceSteps.voteThrough(governor, voter, id);
        assertEq(uint256(governor.state(id)), uint256(IGovernor.ProposalState.Defeated));
    }

    function test_proposeRevertsBelowThreshold() public {
        GovernanceSteps.Proposal memory p = _proposal();
        address poor = address(0xB0);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorInsufficientProposerVotes.selector, poor, 0, 1e18));
        GovernanceSteps.propose(governor, poor, p);
    }

    function test_directCallToRegistryFailsWithoutTimelock() public {
        bytes memory err = abi.encodeWithSelector(
            IAccessControl.AccessControlUnauthorizedAccount.selector, address(governor), reg.GOVERNANCE_ROLE()
        );
        vm.prank(address(governor));
        vm.expectRevert(err);
        reg.setMinBond(1);
    }
}
