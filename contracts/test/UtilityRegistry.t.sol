// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Test} from "./utils/Test.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {PausableUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/PausableUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UtilityRegistry} from "../src/UtilityRegistry.sol";
import {IUtilityRegistry} from "../src/interfaces/IUtilityRegistry.sol";
import {PeaklabUpgradeable} from "../src/base/PeaklabUpgradeable.sol";
import {GridToken} from "../src/tokens/GridToken.sol";

/// @dev A bond token that burns 1 % of every transfer (fee-on-transfer).
contract FeeToken is GridToken {
    constructor(address admin) GridToken(admin, admin) {}

    function _update(address from, address to, uint256 value) internal override {
        if (from != address(0) && to != address(0)) {
            uint256 fee = value / 100;
            super._update(from, address(0), fee);
            value -= fee;
        }
        super._update(from, to, value);
    }
}

contract UtilityRegistryTest is Test {
    UtilityRegistry internal reg;
    GridToken internal token;

    address internal timelock = address(0x71);
    address internal guardian = address(0x6A);
    address internal treasury = address(0x7E);
    address internal reporter = address(0x8E);
    address internal r1 = address(0xA1);
    address internal r2 = address(0xA2);
    address internal r3 = address(0xA3);
    address internal util = address(0xB1);
    address internal stranger = address(0xC1);

    uint256 internal constant BOND = 1000e18;
    uint64 internal constant PERIOD = 365 days;
    uint64 internal constant UNLOCK = 30 days;
    uint256 internal constant FLAGS = 3; // licence + insurance
    bytes32 internal constant CRED = keccak256("credentials");

    function setUp() public {
        vm.warp(1_700_000_000);
        token = new GridToken(address(this), address(this));
        reg = _deploy(2);
        bytes32 reporterRole = reg.REPORTER_ROLE();
        vm.prank(timelock);
        reg.grantRole(reporterRole, reporter);
        token.mint(util, 10 * BOND);
        vm.prank(util);
        token.approve(address(reg), type(uint256).max);
    }

    function _config(uint16 m) internal view returns (UtilityRegistry.Config memory) {
        return UtilityRegistry.Config({
            bondToken: address(token),
            requiredApprovals: m,
            renewalReputationThresholdBps: 8000,
            reputationAlphaBps: 2000,
            initialReputationBps: 5000,
            revokeSlashBps: 5000,
            treasury: treasury,
            approvalPeriod: PERIOD,
            minBond: BOND,
            requiredFlags: FLAGS,
            bondUnlockDelay: UNLOCK
        });
    }

    function _regulators() internal view returns (address[] memory rs) {
        rs = new address[](3);
        (rs[0], rs[1], rs[2]) = (r1, r2, r3);
    }

    function _deploy(uint16 m) internal returns (UtilityRegistry) {
        UtilityRegistry impl = new UtilityRegistry();
        bytes memory init = abi.encodeCall(UtilityRegistry.initialize, (timelock, guardian, _regulators(), _config(m)));
        return UtilityRegistry(address(new ERC1967Proxy(address(impl), init)));
    }

    function _apply() internal {
        vm.prank(util);
        reg.submitApplication(CRED, "ipfs://meta", BOND);
    }

    function _attestFlags() internal {
        vm.startPrank(r1);
        reg.attestCompliance(util, 0, uint64(block.timestamp + 2 * PERIOD));
        reg.attestCompliance(util, 1, uint64(block.timestamp + 2 * PERIOD));
        vm.stopPrank();
    }

    function _activate() internal {
        _apply();
        _attestFlags();
        vm.prank(r1);
        reg.approveUtility(util);
        vm.prank(r2);
        reg.approveUtility(util);
    }

    function _unauthorized(address who, bytes32 role) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, who, role);
    }

    // ------------------------------------------------------------------ initialisation
    function test_initialize_setsRolesRegulatorsAndConfig() public view {
        assertTrue(reg.hasRole(reg.DEFAULT_ADMIN_ROLE(), timelock));
        assertTrue(reg.hasRole(reg.GOVERNANCE_ROLE(), timelock));
        assertTrue(reg.hasRole(reg.GUARDIAN_ROLE(), guardian));
        assertTrue(reg.hasRole(reg.REGULATOR_ROLE(), r3));
        assertEq(reg.regulatorCount(), 3);
        assertEq(reg.timelock(), timelock);
        UtilityRegistry.Config memory c = reg.config();
        assertEq(c.requiredApprovals, 2);
        assertEq(c.minBond, BOND);
        assertEq(c.requiredFlags, FLAGS);
        assertEq(c.treasury, treasury);
    }

    function test_initialize_revertsWhenMExceedsRegulators() public {
        UtilityRegistry impl = new UtilityRegistry();
        bytes memory init = abi.encodeCall(UtilityRegistry.initialize, (timelock, guardian, _regulators(), _config(4)));
        vm.expectRevert(abi.encodeWithSelector(UtilityRegistry.RequiredApprovalsOutOfRange.selector, 4, 3));
        new ERC1967Proxy(address(impl), init);
    }

    function test_initialize_cannotRunTwiceNorOnImplementation() public {
        vm.expectRevert(abi.encodeWithSelector(Initializable.InvalidInitialization.selector));
        reg.initialize(timelock, guardian, _regulators(), _config(2));
        UtilityRegistry impl = new UtilityRegistry();
        vm.expectRevert(abi.encodeWithSelector(Initializable.InvalidInitialization.selector));
        impl.initialize(timelock, guardian, _regulators(), _config(2));
    }

    // ------------------------------------------------------------------ application
    function test_submitApplication_pullsBondAndIsPending() public {
        vm.expectEmit();
        emit UtilityRegistry.UtilityApplied(util, CRED, "ipfs://meta", address(token), BOND);
        _apply();
        assertEq(uint256(reg.statusOf(util)), uint256(IUtilityRegistry.Status.Pending));
        assertEq(token.balanceOf(address(reg)), BOND);
        assertEq(reg.reputationOf(util), 5000);
        assertFalse(reg.isActive(util));
        UtilityRegistry.Utility memory u = reg.utilityOf(util);
        assertEq(u.bondAmount, BOND);
        assertEq(u.credentialsHash, CRED);
    }

    function test_submitApplication_revertsBelowMinimumBond() public {
        vm.prank(util);
        vm.expectRevert(abi.encodeWithSelector(UtilityRegistry.BondBelowMinimum.selector, BOND - 1, BOND));
        reg.submitApplication(CRED, "", BOND - 1);
    }

    function test_submitApplication_countsOnlyReceivedBond() public {
        FeeToken fee = new FeeToken(address(this));
        vm.prank(timelock);
        reg.setBondToken(address(fee));
        fee.mint(util, 2 * BOND);
        vm.prank(util);
        fee.approve(address(reg), type(uint256).max);
        // 1 % is burnt in transit: offering exactly the minimum leaves the bond short
        vm.prank(util);
        vm.expectRevert(abi.encodeWithSelector(UtilityRegistry.BondBelowMinimum.selector, BOND - BOND / 100, BOND));
        reg.submitApplication(CRED, "", BOND);
        vm.prank(util);
        reg.submitApplication(CRED, "", 2 * BOND);
        assertEq(reg.utilityOf(util).bondAmount, 2 * BOND - (2 * BOND) / 100);
        assertEq(fee.balanceOf(address(reg)), reg.utilityOf(util).bondAmount);
    }

    function test_regulatorCannotApproveOrAttestForItself() public {
        token.mint(r1, BOND);
        vm.startPrank(r1);
        token.approve(address(reg), BOND);
        reg.submitApplication(CRED, "", BOND);
        vm.expectRevert(abi.encodeWithSelector(UtilityRegistry.RegulatorIsApplicant.selector, r1));
        reg.approveUtility(r1);
        vm.expectRevert(abi.encodeWithSelector(UtilityRegistry.RegulatorIsApplicant.selector, r1));
        reg.attestCompliance(r1, 0, uint64(block.timestamp + 1));
        vm.stopPrank();
    }

    function test_submitApplication_revertsWhilePendingOrActive() public {
        _apply();
        vm.prank(util);
        vm.expectRevert(
            abi.encodeWithSelector(
                UtilityRegistry.ApplicationNotAllowed.selector, util, IUtilityRegistry.Status.Pending
            )
        );
        reg.submitApplication(CRED, "", BOND);
    }

    // ------------------------------------------------------------------ M-of-N approval and flags
    function test_approval_activatesOnlyAtMDistinctApprovals() public {
        _apply();
        _attestFlags();
        vm.prank(r1);
        reg.approveUtility(util);
        assertFalse(reg.isActive(util), "1 of 2 approvals activated");
        (uint256 have, uint256 need) = reg.approvalsOf(util);
        assertEq(have, 1);
        assertEq(need, 2);
        vm.expectEmit();
        emit UtilityRegistry.UtilityActivated(util, uint64(block.timestamp) + PERIOD, false);
        vm.prank(r2);
        reg.approveUtility(util);
        assertTrue(reg.isActive(util));
        assertEq(uint256(reg.statusOf(util)), uint256(IUtilityRegistry.Status.Active));
        assertEq(reg.utilityOf(util).expiry, uint64(block.timestamp) + PERIOD);
    }

    function test_approval_revertsOnSecondApprovalBySameRegulator() public {
        _apply();
        vm.prank(r1);
        reg.approveUtility(util);
        uint32 round = reg.utilityOf(util).round;
        vm.prank(r1);
        vm.expectRevert(abi.encodeWithSelector(UtilityRegistry.AlreadyApproved.selector, util, r1, round));
        reg.approveUtility(util);
    }

    function test_approval_revertsForNonRegulatorAndNonPending() public {
        _apply();
        bytes memory err = _unauthorized(stranger, reg.REGULATOR_ROLE());
        vm.prank(stranger);
        vm.expectRevert(err);
        reg.approveUtility(util);
        vm.prank(r1);
        vm.expectRevert(
            abi.encodeWithSelector(UtilityRegistry.UtilityNotPending.selector, stranger, IUtilityRegistry.Status.None)
        );
        reg.approveUtility(stranger);
    }

    function test_approval_waitsForAllRequiredComplianceFlags() public {
        _apply();
        vm.prank(r1);
        reg.approveUtility(util);
        vm.prank(r2);
        reg.approveUtility(util);
        assertFalse(reg.isActive(util), "active without flags");
        vm.prank(r3);
        reg.attestCompliance(util, 0, uint64(block.timestamp + 10 days));
        assertFalse(reg.isActive(util), "active with one of two flags");
        vm.prank(r3);
        reg.attestCompliance(util, 1, uint64(block.timestamp + 10 days));
        assertTrue(reg.isActive(util), "flags complete but not active");
    }

    function test_complianceFlagExpiry_makesUtilityInactive() public {
        _apply();
        vm.startPrank(r1);
        reg.attestCompliance(util, 0, uint64(block.timestamp + 10 days));
        reg.attestCompliance(util, 1, uint64(block.timestamp + 100 days));
        vm.stopPrank();
        vm.prank(r1);
        reg.approveUtility(util);
        vm.prank(r2);
        reg.approveUtility(util);
        assertTrue(reg.isActive(util));
        vm.warp(block.timestamp + 10 days);
        assertFalse(reg.isActive(util), "licence lapsed but still active");
        assertEq(reg.validFlags(util), 2);
        assertEq(uint256(reg.statusOf(util)), uint256(IUtilityRegistry.Status.Active));
        vm.prank(r1);
        reg.attestCompliance(util, 0, uint64(block.timestamp + 10 days));
        assertTrue(reg.isActive(util), "renewed licence not honoured");
    }

    function test_attestCompliance_revertsOnPastExpiryOrUnknownUtility() public {
        _apply();
        vm.prank(r1);
        vm.expectRevert(
            abi.encodeWithSelector(UtilityRegistry.ExpiryNotInFuture.selector, uint64(block.timestamp), block.timestamp)
        );
        reg.attestCompliance(util, 0, uint64(block.timestamp));
        vm.prank(r1);
        vm.expectRevert(abi.encodeWithSelector(UtilityRegistry.UtilityNotRegistered.selector, stranger));
        reg.attestCompliance(stranger, 0, uint64(block.timestamp + 1));
    }

    function test_revokeCompliance_deactivates() public {
        _activate();
        vm.expectEmit();
        emit UtilityRegistry.ComplianceRevoked(util, 1, r2);
        vm.prank(r2);
        reg.revokeCompliance(util, 1);
        assertFalse(reg.isActive(util));
        assertEq(reg.complianceExpiryOf(util, 1), 0);
        vm.prank(r2);
        vm.expectRevert(abi.encodeWithSelector(UtilityRegistry.UtilityNotRegistered.selector, stranger));
        reg.revokeCompliance(stranger, 1);
    }

    function test_approvalsOfRemovedRegulatorDoNotCount() public {
        _apply();
        _attestFlags();
        vm.prank(r1);
        reg.approveUtility(util);
        // governance replaces r1: add r4 first so N stays ≥ M
        address r4 = address(0xA4);
        vm.startPrank(timelock);
        reg.grantRole(reg.REGULATOR_ROLE(), r4);
        reg.revokeRole(reg.REGULATOR_ROLE(), r1);
        vm.stopPrank();
        vm.prank(r2);
        reg.approveUtility(util);
        assertFalse(reg.isActive(util), "removed regulator's approval counted");
        vm.prank(r4);
        reg.approveUtility(util);
        assertTrue(reg.isActive(util));
    }

    function test_revokeRegulator_revertsWhenFewerThanMWouldRemain() public {
        vm.startPrank(timelock);
        reg.revokeRole(reg.REGULATOR_ROLE(), r1);
        bytes32 role = reg.REGULATOR_ROLE();
        vm.expectRevert(abi.encodeWithSelector(UtilityRegistry.RegulatorQuorumUnreachable.selector, 2, 1));
        reg.revokeRole(role, r2);
        vm.stopPrank();
        assertEq(reg.regulatorCount(), 2);
    }

    function test_activate_revertsUntilRequirementsMetThenSucceedsAfterMLowered() public {
        _apply();
        vm.prank(r1);
        reg.approveUtility(util);
        vm.expectRevert(abi.encodeWithSelector(UtilityRegistry.ApprovalsInsufficient.selector, util, 1, 2));
        reg.activate(util);
        vm.prank(timelock);
        reg.setRequiredApprovals(1);
        vm.expectRevert(abi.encodeWithSelector(UtilityRegistry.ComplianceFlagsMissing.selector, util, FLAGS, 0));
        reg.activate(util);
        vm.prank(timelock);
        reg.setRequiredFlags(0);
        vm.prank(stranger);
        reg.activate(util);
        assertTrue(reg.isActive(util));
        vm.expectRevert(
            abi.encodeWithSelector(UtilityRegistry.UtilityNotPending.selector, util, IUtilityRegistry.Status.Active)
        );
        reg.activate(util);
    }

    // ------------------------------------------------------------------ expiry and renewal
    function test_expiry_readsExpiredAndIsInactive() public {
        _activate();
        vm.warp(block.timestamp + PERIOD);
        assertEq(uint256(reg.statusOf(util)), uint256(IUtilityRegistry.Status.Expired));
        assertFalse(reg.isActive(util));
    }

    function test_renewal_highReputationNeedsOneApproval() public {
        _activate();
        vm.startPrank(reporter);
        for (uint256 i = 0; i < 10; ++i) {
            reg.recordOutcome(util, 10_000);
        }
        vm.stopPrank();
        assertGe(reg.reputationOf(util), 8000);
        vm.warp(block.timestamp + PERIOD - 10 days);
        vm.prank(util);
        reg.requestRenewal();
        (, uint256 need) = reg.approvalsOf(util);
        assertEq(need, 1);
        vm.prank(r3);
        reg.approveUtility(util);
        assertEq(reg.utilityOf(util).expiry, uint64(block.timestamp) + PERIOD);
        assertFalse(reg.utilityOf(util).renewalRequested);
        vm.warp(block.timestamp + PERIOD - 1);
        assertTrue(reg.isActive(util));
    }

    function test_renewal_lowReputationNeedsFullM() public {
        _activate();
        vm.prank(reporter);
        reg.recordOutcome(util, 0); // 5000 → 4000
        vm.prank(util);
        reg.requestRenewal();
        uint64 oldExpiry = reg.utilityOf(util).expiry;
        vm.prank(r3);
        reg.approveUtility(util);
        assertEq(reg.utilityOf(util).expiry, oldExpiry, "renewed with 1 of 2 at low reputation");
        vm.warp(block.timestamp + 1 days);
        vm.prank(r1);
        reg.approveUtility(util);
        assertEq(reg.utilityOf(util).expiry, uint64(block.timestamp) + PERIOD);
    }

    function test_requestRenewal_revertsWhenNotActiveOrAlreadyRequested() public {
        _apply();
        vm.prank(util);
        vm.expectRevert(
            abi.encodeWithSelector(UtilityRegistry.UtilityNotActive.selector, util, IUtilityRegistry.Status.Pending)
        );
        reg.requestRenewal();
        _attestFlags();
        vm.prank(r1);
        reg.approveUtility(util);
        vm.prank(r2);
        reg.approveUtility(util);
        vm.prank(util);
        reg.requestRenewal();
        vm.prank(util);
        vm.expectRevert(abi.encodeWithSelector(UtilityRegistry.RenewalAlreadyRequested.selector, util));
        reg.requestRenewal();
    }

    // ------------------------------------------------------------------ suspend / reinstate / revoke
    function test_suspendAndReinstate() public {
        _activate();
        vm.expectEmit();
        emit UtilityRegistry.UtilitySuspended(util, r1, bytes32("fraud?"));
        vm.prank(r1);
        reg.suspend(util, bytes32("fraud?"));
        assertEq(uint256(reg.statusOf(util)), uint256(IUtilityRegistry.Status.Suspended));
        assertFalse(reg.isActive(util));
        vm.prank(r2);
        reg.reinstate(util);
        assertTrue(reg.isActive(util));
    }

    function test_suspendAndReinstate_revertOnWrongStatus() public {
        _apply();
        vm.prank(r1);
        vm.expectRevert(
            abi.encodeWithSelector(UtilityRegistry.UtilityNotActive.selector, util, IUtilityRegistry.Status.Pending)
        );
        reg.suspend(util, 0);
        vm.prank(r1);
        vm.expectRevert(
            abi.encodeWithSelector(UtilityRegistry.UtilityNotSuspended.selector, util, IUtilityRegistry.Status.Pending)
        );
        reg.reinstate(util);
    }

    function test_reinstate_revertsWhenFlagsLapsed() public {
        _activate();
        vm.prank(r1);
        reg.suspend(util, 0);
        vm.prank(r1);
        reg.revokeCompliance(util, 0);
        vm.prank(r1);
        vm.expectRevert(abi.encodeWithSelector(UtilityRegistry.ComplianceFlagsMissing.selector, util, FLAGS, 2));
        reg.reinstate(util);
    }

    function test_revoke_slashesApprovedUtilityToTreasury() public {
        _activate();
        vm.expectEmit();
        emit UtilityRegistry.UtilityRevoked(util, r1, bytes32("misconduct"), BOND / 2);
        vm.prank(r1);
        reg.revoke(util, bytes32("misconduct"));
        assertEq(token.balanceOf(treasury), BOND / 2);
        assertEq(reg.utilityOf(util).bondAmount, BOND / 2);
        assertEq(uint256(reg.statusOf(util)), uint256(IUtilityRegistry.Status.Revoked));
        assertFalse(reg.isActive(util));
    }

    function test_revoke_rejectedApplicantKeepsWholeBond() public {
        _apply();
        vm.prank(r1);
        reg.revoke(util, bytes32("rejected"));
        assertEq(token.balanceOf(treasury), 0);
        assertEq(reg.utilityOf(util).bondAmount, BOND);
    }

    function test_revoke_revertsWhenUnknownOrAlreadyRevoked() public {
        vm.prank(r1);
        vm.expectRevert(abi.encodeWithSelector(UtilityRegistry.UtilityNotRegistered.selector, util));
        reg.revoke(util, 0);
        _apply();
        vm.prank(r1);
        reg.revoke(util, 0);
        vm.prank(r1);
        vm.expectRevert(abi.encodeWithSelector(UtilityRegistry.UtilityAlreadyRevoked.selector, util));
        reg.revoke(util, 0);
    }

    // ------------------------------------------------------------------ bond withdrawal and re-application
    function test_withdrawBond_afterRevocationDelay() public {
        _activate();
        vm.prank(r1);
        reg.revoke(util, 0);
        uint256 unlockAt = block.timestamp + UNLOCK;
        vm.prank(util);
        vm.expectRevert(abi.encodeWithSelector(UtilityRegistry.BondLocked.selector, util, unlockAt));
        reg.withdrawBond();
        vm.warp(unlockAt);
        uint256 before = token.balanceOf(util);
        vm.prank(util);
        reg.withdrawBond();
        assertEq(token.balanceOf(util) - before, BOND / 2);
        vm.prank(util);
        vm.expectRevert(abi.encodeWithSelector(UtilityRegistry.NoBond.selector, util));
        reg.withdrawBond();
    }

    function test_withdrawBond_afterExpiryDelayThenReapply() public {
        _activate();
        vm.prank(util);
        vm.expectRevert(
            abi.encodeWithSelector(UtilityRegistry.BondNotWithdrawable.selector, util, IUtilityRegistry.Status.Active)
        );
        reg.withdrawBond();
        vm.warp(block.timestamp + PERIOD + UNLOCK);
        vm.prank(util);
        reg.withdrawBond();
        assertEq(token.balanceOf(address(reg)), 0);
        // re-application after expiry needs the full bond again and full approval
        _apply();
        assertEq(uint256(reg.statusOf(util)), uint256(IUtilityRegistry.Status.Pending));
        assertEq(token.balanceOf(address(reg)), BOND);
    }

    function test_reapply_afterExpiryKeepsRemainingBond() public {
        _activate();
        vm.warp(block.timestamp + PERIOD);
        vm.prank(util);
        reg.submitApplication(CRED, "again", 0);
        assertEq(reg.utilityOf(util).bondAmount, BOND);
        assertEq(uint256(reg.statusOf(util)), uint256(IUtilityRegistry.Status.Pending));
    }

    function test_reapply_revokedNeedsBondWithdrawnFirst() public {
        _activate();
        vm.prank(r1);
        reg.revoke(util, 0);
        vm.prank(util);
        vm.expectRevert(
            abi.encodeWithSelector(
                UtilityRegistry.ApplicationNotAllowed.selector, util, IUtilityRegistry.Status.Revoked
            )
        );
        reg.submitApplication(CRED, "", BOND);
    }

    // ------------------------------------------------------------------ profile
    function test_updateProfile_newCredentialsDiscardPendingApprovals() public {
        _apply();
        vm.prank(r1);
        reg.approveUtility(util);
        vm.expectEmit();
        emit UtilityRegistry.ProfileUpdated(util, keccak256("v2"), "ipfs://v2");
        vm.prank(util);
        reg.updateProfile(keccak256("v2"), "ipfs://v2");
        (uint256 have,) = reg.approvalsOf(util);
        assertEq(have, 0, "approvals of old credentials kept");
        assertEq(reg.utilityOf(util).metadataURI, "ipfs://v2", "metadata");
    }

    function test_updateProfile_revertsWhenUnknownOrRevoked() public {
        vm.prank(util);
        vm.expectRevert(abi.encodeWithSelector(UtilityRegistry.UtilityNotRegistered.selector, util));
        reg.updateProfile(CRED, "");
        _apply();
        vm.prank(r1);
        reg.revoke(util, 0);
        vm.prank(util);
        vm.expectRevert(abi.encodeWithSelector(UtilityRegistry.UtilityAlreadyRevoked.selector, util));
        reg.updateProfile(CRED, "");
    }

    // ------------------------------------------------------------------ reputation
    function test_recordOutcome_updatesEwma() public {
        _activate();
        vm.expectEmit();
        emit UtilityRegistry.ReputationUpdated(util, 10_000, 6000);
        vm.prank(reporter);
        reg.recordOutcome(util, 10_000);
        assertEq(reg.reputationOf(util), 6000);
    }

    function test_recordOutcome_reverts() public {
        bytes memory err = _unauthorized(stranger, reg.REPORTER_ROLE());
        vm.prank(stranger);
        vm.expectRevert(err);
        reg.recordOutcome(util, 1);
        vm.prank(reporter);
        vm.expectRevert(abi.encodeWithSelector(UtilityRegistry.UtilityNotRegistered.selector, util));
        reg.recordOutcome(util, 1);
        _apply();
        vm.prank(reporter);
        vm.expectRevert(abi.encodeWithSelector(UtilityRegistry.BpsOutOfRange.selector, 10_001));
        reg.recordOutcome(util, 10_001);
    }

    function testFuzz_recordOutcome_reputationStaysInBounds(uint16[8] memory outcomes, uint16 alpha) public {
        alpha = uint16(bound(alpha, 0, 10_000));
        vm.prank(timelock);
        reg.setReputationAlpha(alpha);
        _apply();
        for (uint256 i = 0; i < outcomes.length; ++i) {
            uint16 o = uint16(bound(outcomes[i], 0, 10_000));
            uint16 before = reg.reputationOf(util);
            vm.prank(reporter);
            reg.recordOutcome(util, o);
            uint16 rep = reg.reputationOf(util);
            assertLe(rep, 10_000, "reputation above 10000");
            assertLe(rep, before > o ? before : o, "overshoot");
            assertGe(rep, before < o ? before : o, "undershoot");
        }
    }

    // ------------------------------------------------------------------ governance, pause, upgrade
    function test_governanceSetters_updateConfigAndEmit() public {
        vm.startPrank(timelock);
        vm.expectEmit();
        emit UtilityRegistry.MinBondSet(7);
        reg.setMinBond(7);
        reg.setBondToken(address(0xD0));
        reg.setRequiredApprovals(3);
        reg.setRequiredFlags(7);
        reg.setApprovalPeriod(10 days);
        reg.setRenewalReputationThreshold(9000);
        reg.setReputationAlpha(1000);
        reg.setInitialReputation(4000);
        reg.setRevokeSlash(10_000);
        reg.setBondUnlockDelay(1 days);
        reg.setTreasury(address(0xD1));
        vm.stopPrank();
        UtilityRegistry.Config memory c = reg.config();
        assertEq(c.minBond, 7);
        assertEq(c.bondToken, address(0xD0));
        assertEq(c.requiredApprovals, 3);
        assertEq(c.requiredFlags, 7);
        assertEq(c.approvalPeriod, 10 days);
        assertEq(c.renewalReputationThresholdBps, 9000);
        assertEq(c.reputationAlphaBps, 1000);
        assertEq(c.initialReputationBps, 4000);
        assertEq(c.revokeSlashBps, 10_000);
        assertEq(c.bondUnlockDelay, 1 days);
        assertEq(c.treasury, address(0xD1));
    }

    function test_governanceSetters_revertForOthersAndBadValues() public {
        bytes32 gov = reg.GOVERNANCE_ROLE();
        vm.prank(stranger);
        vm.expectRevert(_unauthorized(stranger, gov));
        reg.setMinBond(1);
        vm.startPrank(timelock);
        vm.expectRevert(abi.encodeWithSelector(UtilityRegistry.RequiredApprovalsOutOfRange.selector, 0, 3));
        reg.setRequiredApprovals(0);
        vm.expectRevert(abi.encodeWithSelector(UtilityRegistry.RequiredApprovalsOutOfRange.selector, 4, 3));
        reg.setRequiredApprovals(4);
        vm.expectRevert(abi.encodeWithSelector(UtilityRegistry.ZeroDuration.selector));
        reg.setApprovalPeriod(0);
        vm.expectRevert(abi.encodeWithSelector(UtilityRegistry.BpsOutOfRange.selector, 10_001));
        reg.setRenewalReputationThreshold(10_001);
        vm.expectRevert(abi.encodeWithSelector(UtilityRegistry.BpsOutOfRange.selector, 10_001));
        reg.setReputationAlpha(10_001);
        vm.expectRevert(abi.encodeWithSelector(UtilityRegistry.BpsOutOfRange.selector, 10_001));
        reg.setInitialReputation(10_001);
        vm.expectRevert(abi.encodeWithSelector(UtilityRegistry.BpsOutOfRange.selector, 10_001));
        reg.setRevokeSlash(10_001);
        vm.expectRevert(abi.encodeWithSelector(PeaklabUpgradeable.ZeroAddress.selector, "treasury"));
        reg.setTreasury(address(0));
        vm.expectRevert(abi.encodeWithSelector(PeaklabUpgradeable.ZeroAddress.selector, "bondToken"));
        reg.setBondToken(address(0));
        vm.stopPrank();
    }

    function test_pause_blocksApplicationsAndOnlyTimelockUnpauses() public {
        vm.prank(guardian);
        reg.pause();
        vm.prank(util);
        vm.expectRevert(abi.encodeWithSelector(PausableUpgradeable.EnforcedPause.selector));
        reg.submitApplication(CRED, "", BOND);
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(PeaklabUpgradeable.NotTimelock.selector, guardian, timelock));
        reg.unpause();
        vm.prank(timelock);
        reg.unpause();
        _apply();
    }

    function test_pause_suspendStillWorksButRevokeWaits() public {
        _activate();
        vm.prank(guardian);
        reg.pause();
        vm.prank(r1);
        reg.suspend(util, 0);
        assertFalse(reg.isActive(util));
        vm.prank(r1);
        vm.expectRevert(abi.encodeWithSelector(PausableUpgradeable.EnforcedPause.selector));
        reg.revoke(util, 0);
        vm.prank(timelock);
        reg.unpause();
        vm.prank(r1);
        reg.revoke(util, 0);
        assertEq(token.balanceOf(treasury), BOND / 2);
    }

    function test_upgrade_onlyTimelock() public {
        UtilityRegistry next = new UtilityRegistry();
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(PeaklabUpgradeable.NotTimelock.selector, guardian, timelock));
        reg.upgradeToAndCall(address(next), "");
        _apply();
        vm.prank(timelock);
        reg.upgradeToAndCall(address(next), "");
        assertEq(uint256(reg.statusOf(util)), uint256(IUtilityRegistry.Status.Pending), "state lost in upgrade");
    }
}
