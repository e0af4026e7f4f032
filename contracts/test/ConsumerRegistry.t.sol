// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Test} from "./utils/Test.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {PausableUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/PausableUpgradeable.sol";
import {ConsumerRegistry} from "../src/ConsumerRegistry.sol";
import {UtilityRegistry} from "../src/UtilityRegistry.sol";
import {IConsumerRegistry} from "../src/interfaces/IConsumerRegistry.sol";
import {IUtilityRegistry} from "../src/interfaces/IUtilityRegistry.sol";
import {PeaklabUpgradeable} from "../src/base/PeaklabUpgradeable.sol";
import {GridToken} from "../src/tokens/GridToken.sol";

contract ConsumerRegistryTest is Test {
    /// @dev Forge prints these with -vv (DSTest log convention).
    event log_named_uint(string key, uint256 val);

    ConsumerRegistry internal reg;
    UtilityRegistry internal utilities;
    GridToken internal token;

    address internal timelock = address(0x71);
    address internal guardian = address(0x6A);
    address internal regulator = address(0xA1);
    address internal kyc = address(0xA2);
    address internal reporter = address(0xA3);
    address internal util = address(0xB1);
    address internal util2 = address(0xB2);
    address internal alice = address(0xC1);
    address internal bob = address(0xC2);
    address internal stranger = address(0xD1);

    uint64 internal constant MONDAY_2024 = 1_704_067_200; // 2024-01-01 00:00 UTC, a Monday
    uint64 internal constant KYC_UNTIL = MONDAY_2024 + 365 days;

    function setUp() public {
        vm.warp(MONDAY_2024);
        token = new GridToken(address(this), address(this));
        address[] memory regs = new address[](1);
        regs[0] = regulator;
        UtilityRegistry.Config memory cfg = UtilityRegistry.Config({
            bondToken: address(token),
            requiredApprovals: 1,
            renewalReputationThresholdBps: 8000,
            reputationAlphaBps: 2000,
            initialReputationBps: 5000,
            revokeSlashBps: 0,
            treasury: timelock,
            approvalPeriod: 10 * 365 days,
            minBond: 0,
            requiredFlags: 0,
            bondUnlockDelay: 0
        });
        utilities = UtilityRegistry(
            address(
                new ERC1967Proxy(
                    address(new UtilityRegistry()),
                    abi.encodeCall(UtilityRegistry.initialize, (timelock, guardian, regs, cfg))
                )
            )
        );
        reg = ConsumerRegistry(
            address(
                new ERC1967Proxy(
                    address(new ConsumerRegistry()),
                    abi.encodeCall(ConsumerRegistry.initialize, (timelock, guardian, address(utilities), 1000, 5000))
                )
            )
        );
        bytes32 kycRole = reg.KYC_PROVIDER_ROLE();
        bytes32 reporterRole = reg.REPORTER_ROLE();
        vm.startPrank(timelock);
        reg.grantRole(kycRole, kyc);
        reg.grantRole(reporterRole, reporter);
        vm.stopPrank();
        _activateUtility(util);
        _activateUtility(util2);
    }

    function _activateUtility(address u) internal {
        vm.prank(u);
        utilities.submitApplication(keccak256(abi.encode(u)), "", 0);
        vm.prank(regulator);
        utilities.approveUtility(u);
    }

    function _reg(address consumer, bytes32 meter) internal pure returns (ConsumerRegistry.Registration memory) {
        return ConsumerRegistry.Registration({
            consumer: consumer,
            profileHash: keccak256(abi.encode("profile", consumer)),
            encryptedPointerHash: keccak256(abi.encode("pointer", consumer)),
            meterIdHash: meter
        });
    }

    function _register(address consumer, bytes32 meter) internal {
        ConsumerRegistry.Registration[] memory regs = new ConsumerRegistry.Registration[](1);
        regs[0] = _reg(consumer, meter);
        vm.prank(util);
        reg.registerBatch(regs);
    }

    /// @dev Registered, KYC'd, consenting: eligible for everything by default.
    function _onboard(address consumer, bytes32 meter) internal {
        _register(consumer, meter);
        vm.prank(kyc);
        reg.attestKyc(_one(consumer), KYC_UNTIL);
        vm.prank(consumer);
        reg.setParticipationConsent(true);
    }

    function _one(address a) internal pure returns (address[] memory cs) {
        cs = new address[](1);
        cs[0] = a;
    }

    /// @dev The next call by `account` reverts with AccessControlUnauthorizedAccount(account, role).
    function _expectUnauthorized(address account, bytes32 role) internal {
        vm.prank(account);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, account, role));
    }

    /// @dev Alice sets her preferences (no payout token, payout to herself).
    function _setAlicePreferences(uint8 maxTier, uint8 maxEventsPerMonth, bool autoEnroll, uint256 availability)
        internal
    {
        ConsumerRegistry.Preferences memory p =
            ConsumerRegistry.Preferences(maxTier, maxEventsPerMonth, autoEnroll, availability, address(0), address(0));
        vm.prank(alice);
        reg.setPreferences(p);
    }

    function _elig(address c, uint8 tier, uint64 t) internal view returns (uint256) {
        return uint256(reg.eligibility(c, tier, t));
    }

    // ------------------------------------------------------------------ registration
    function test_registerBatch_assignsDenseIndicesAndCommitments() public {
        ConsumerRegistry.Registration[] memory regs = new ConsumerRegistry.Registration[](2);
        regs[0] = _reg(alice, "m1");
        regs[1] = _reg(bob, "m2");
        vm.expectEmit();
        emit ConsumerRegistry.ConsumerRegistered(
            alice, util, 1, regs[0].profileHash, regs[0].encryptedPointerHash, "m1"
        );
        vm.prank(util);
        uint32 first = reg.registerBatch(regs);
        assertEq(first, 1);
        assertEq(reg.indexOf(alice), 1);
        assertEq(reg.indexOf(bob), 2);
        assertEq(reg.consumerAt(2), bob);
        assertEq(reg.consumerAt(3), address(0));
        assertEq(reg.consumerAt(0), address(0));
        assertEq(reg.consumerCount(), 2);
        assertEq(reg.servingUtilityOf(bob), util);
        assertEq(reg.meterOwnerOf("m2"), bob);
        assertEq(reg.reliabilityOf(alice), 5000);
        ConsumerRegistry.Consumer memory c = reg.consumerOf(alice);
        assertEq(c.profileHash, regs[0].profileHash);
        assertEq(c.meterIdHash, bytes32("m1"));
        assertEq(c.maxTier, 4);
    }

    function test_registerBatch_revertsWhenUtilityNotActive() public {
        ConsumerRegistry.Registration[] memory regs = new ConsumerRegistry.Registration[](1);
        regs[0] = _reg(alice, "m1");
        vm.prank(stranger);
        vm.expectRevert(
            abi.encodeWithSelector(ConsumerRegistry.UtilityNotActive.selector, stranger, IUtilityRegistry.Status.None)
        );
        reg.registerBatch(regs);
        vm.prank(regulator);
        utilities.suspend(util, 0);
        vm.prank(util);
        vm.expectRevert(
            abi.encodeWithSelector(ConsumerRegistry.UtilityNotActive.selector, util, IUtilityRegistry.Status.Suspended)
        );
        reg.registerBatch(regs);
    }

    function test_registerBatch_revertsOnDuplicateConsumerOrZeroAddress() public {
        _register(alice, "m1");
        vm.expectRevert(abi.encodeWithSelector(ConsumerRegistry.ConsumerAlreadyRegistered.selector, alice, 1));
        _register(alice, "m9");
        vm.expectRevert(abi.encodeWithSelector(PeaklabUpgradeable.ZeroAddress.selector, "consumer"));
        _register(address(0), "m9");
    }

    function test_meterBinding_isUniqueAcrossAndWithinBatches() public {
        _register(alice, "m1");
        vm.expectRevert(abi.encodeWithSelector(ConsumerRegistry.MeterAlreadyBound.selector, bytes32("m1"), alice));
        _register(bob, "m1");
        ConsumerRegistry.Registration[] memory regs = new ConsumerRegistry.Registration[](2);
        regs[0] = _reg(bob, "m2");
        regs[1] = _reg(stranger, "m2");
        vm.prank(util);
        vm.expectRevert(abi.encodeWithSelector(ConsumerRegistry.MeterAlreadyBound.selector, bytes32("m2"), bob));
        reg.registerBatch(regs);
        vm.expectRevert(abi.encodeWithSelector(ConsumerRegistry.ZeroMeter.selector, bob));
        _register(bob, bytes32(0));
    }

    function test_rebindMeter_byServingUtilityFreesOldMeter() public {
        _register(alice, "m1");
        _register(bob, "m2");
        vm.prank(util2);
        vm.expectRevert(abi.encodeWithSelector(ConsumerRegistry.NotServingUtility.selector, alice, util2, util));
        reg.rebindMeter(alice, "m3");
        vm.prank(util);
        vm.expectRevert(abi.encodeWithSelector(ConsumerRegistry.MeterAlreadyBound.selector, bytes32("m2"), bob));
        reg.rebindMeter(alice, "m2");
        vm.expectEmit();
        emit ConsumerRegistry.MeterRebound(alice, "m1", "m3");
        vm.prank(util);
        reg.rebindMeter(alice, "m3");
        assertEq(reg.meterOwnerOf("m1"), address(0));
        assertEq(reg.meterOwnerOf("m3"), alice);
        _register(stranger, "m1"); // the freed meter can be bound again
        vm.prank(util);
        vm.expectRevert(abi.encodeWithSelector(ConsumerRegistry.ConsumerNotRegistered.selector, address(0xEE)));
        reg.rebindMeter(address(0xEE), "m4");
    }

    function test_registerBatch_gasPerConsumerInBatchOf100() public {
        ConsumerRegistry.Registration[] memory regs = new ConsumerRegistry.Registration[](100);
        for (uint256 i = 0; i < 100; ++i) {
            regs[i] = _reg(address(uint160(0x10000 + i)), keccak256(abi.encode("meter", i)));
        }
        vm.prank(util);
        uint256 g = gasleft();
        reg.registerBatch(regs);
        uint256 used = g - gasleft();
        emit log_named_uint("registerBatch(100) gas", used);
        emit log_named_uint("gas per consumer", used / 100);
        assertEq(reg.consumerCount(), 100);
        assertLt(used / 100, 160_000, "registration too expensive per consumer");

        address[] memory cs = new address[](100);
        for (uint256 i = 0; i < 100; ++i) {
            cs[i] = regs[i].consumer;
        }
        vm.prank(kyc);
        g = gasleft();
        reg.attestKyc(cs, KYC_UNTIL);
        used = g - gasleft();
        emit log_named_uint("attestKyc(100) gas per consumer", used / 100);
        assertLt(used / 100, 30_000, "KYC too expensive per consumer");

        uint16[] memory outs = new uint16[](100);
        for (uint256 i = 0; i < 100; ++i) {
            outs[i] = uint16(i * 100);
        }
        vm.prank(reporter);
        g = gasleft();
        reg.recordReliability(cs, outs);
        used = g - gasleft();
        emit log_named_uint("recordReliability(100) gas per consumer (slots warm in this test tx)", used / 100);
        assertLt(used / 100, 12_000, "reliability update too expensive per consumer");

        vm.prank(reporter);
        g = gasleft();
        reg.recordParticipation(cs, MONDAY_2024);
        used = g - gasleft();
        emit log_named_uint("recordParticipation(100) gas per consumer (slots warm)", used / 100);
        assertLt(used / 100, 30_000, "participation record too expensive per consumer");

        vm.prank(regs[7].consumer);
        reg.setParticipationConsent(true);
        g = gasleft();
        bool ok = reg.isEligible(regs[7].consumer, 2, MONDAY_2024 + 1 hours);
        used = g - gasleft();
        emit log_named_uint("isEligible gas (slots warm)", used);
        assertTrue(ok, "fully onboarded consumer not eligible");
    }

    // ------------------------------------------------------------------ self-registration with utility signature
    function _signRegistration(uint256 key, ConsumerRegistry.Registration memory r, uint256 deadline)
        internal
        view
        returns (bytes memory)
    {
        bytes32 domain = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("PeaklabConsumerRegistry"),
                keccak256("1"),
                block.chainid,
                address(reg)
            )
        );
        bytes32 structHash = keccak256(
            abi.encode(
                reg.REGISTRATION_TYPEHASH(), r.consumer, r.profileHash, r.encryptedPointerHash, r.meterIdHash, deadline
            )
        );
        (uint8 v, bytes32 rr, bytes32 ss) = vm.sign(key, keccak256(abi.encodePacked("\x19\x01", domain, structHash)));
        return abi.encodePacked(rr, ss, v);
    }

    /// @dev Utility key 0xB0B, made Active, signs alice's registration (meter "m1") valid for a day.
    function _activeUtilitySignedAliceRegistration()
        internal
        returns (address signer, ConsumerRegistry.Registration memory r, uint256 deadline, bytes memory sig)
    {
        uint256 key = 0xB0B;
        signer = vm.addr(key);
        _activateUtility(signer);
        r = _reg(alice, "m1");
        deadline = block.timestamp + 1 days;
        sig = _signRegistration(key, r, deadline);
    }

    function test_registerWithSignature_consumerRegistersItselfWithUtilityConsent() public {
        (address signer, ConsumerRegistry.Registration memory r, uint256 deadline, bytes memory sig) =
            _activeUtilitySignedAliceRegistration();
        vm.prank(alice);
        uint32 index = reg.registerWithSignature(r, signer, deadline, sig);
        assertEq(index, 1);
        assertEq(reg.servingUtilityOf(alice), signer);
        assertEq(reg.meterOwnerOf("m1"), alice);
        // the same signature cannot register anyone again
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ConsumerRegistry.ConsumerAlreadyRegistered.selector, alice, 1));
        reg.registerWithSignature(r, signer, deadline, sig);
    }

    function test_registerWithSignature_rejectsWrongSignerOtherCallerAndExpiry() public {
        (address signer, ConsumerRegistry.Registration memory r, uint256 deadline, bytes memory sig) =
            _activeUtilitySignedAliceRegistration();
        // signed by someone else than the named utility
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ConsumerRegistry.InvalidUtilitySignature.selector, util, alice));
        reg.registerWithSignature(r, util, deadline, sig);
        // bob cannot use alice's consent
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ConsumerRegistry.InvalidUtilitySignature.selector, signer, bob));
        reg.registerWithSignature(r, signer, deadline, sig);
        // tampered commitments
        ConsumerRegistry.Registration memory t = _reg(alice, "m2");
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ConsumerRegistry.InvalidUtilitySignature.selector, signer, alice));
        reg.registerWithSignature(t, signer, deadline, sig);
        // expired
        vm.warp(deadline + 1);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ConsumerRegistry.SignatureExpired.selector, deadline, deadline + 1));
        reg.registerWithSignature(r, signer, deadline, sig);
    }

    function test_registerWithSignature_requiresActiveUtility() public {
        uint256 key = 0xB0B;
        address signer = vm.addr(key);
        ConsumerRegistry.Registration memory r = _reg(alice, "m1");
        bytes memory sig = _signRegistration(key, r, block.timestamp);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(ConsumerRegistry.UtilityNotActive.selector, signer, IUtilityRegistry.Status.None)
        );
        reg.registerWithSignature(r, signer, block.timestamp, sig);
    }

    function test_registerBatch_revertsWhenIndexSpaceExhausted() public {
        // _consumers.length lives in slot 1 (after the base's namespaced storage): pretend 2^32 − 2 exist.
        vm.store(address(reg), bytes32(uint256(1)), bytes32(uint256(type(uint32).max - 1)));
        ConsumerRegistry.Registration[] memory regs = new ConsumerRegistry.Registration[](2);
        regs[0] = _reg(alice, "m1");
        regs[1] = _reg(bob, "m2");
        vm.prank(util);
        vm.expectRevert(
            abi.encodeWithSelector(ConsumerRegistry.IndexSpaceExhausted.selector, uint256(type(uint32).max) + 1)
        );
        reg.registerBatch(regs);
        // exactly one more fits: index 2^32 − 1
        _register(alice, "m1");
        assertEq(reg.indexOf(alice), type(uint32).max);
        assertEq(reg.consumerCount(), type(uint32).max);
    }

    function test_registerBatch_emptyBatchIsNoop() public {
        vm.prank(util);
        assertEq(reg.registerBatch(new ConsumerRegistry.Registration[](0)), 0);
        assertEq(reg.consumerCount(), 0);
    }

    // ------------------------------------------------------------------ KYC
    function test_attestKyc_andRevoke() public {
        _register(alice, "m1");
        vm.expectEmit();
        emit ConsumerRegistry.KycAttested(alice, kyc, KYC_UNTIL);
        vm.prank(kyc);
        reg.attestKyc(_one(alice), KYC_UNTIL);
        assertEq(reg.consumerOf(alice).kycExpiry, KYC_UNTIL);
        vm.prank(kyc);
        reg.revokeKyc(_one(alice));
        assertEq(_elig(alice, 1, MONDAY_2024), uint256(IConsumerRegistry.Ineligibility.NoKyc));
    }

    function test_attestKyc_reverts() public {
        _register(alice, "m1");
        _expectUnauthorized(stranger, reg.KYC_PROVIDER_ROLE());
        reg.attestKyc(_one(alice), KYC_UNTIL);
        vm.prank(kyc);
        vm.expectRevert(
            abi.encodeWithSelector(ConsumerRegistry.KycExpiryNotInFuture.selector, MONDAY_2024, MONDAY_2024)
        );
        reg.attestKyc(_one(alice), MONDAY_2024);
        vm.prank(kyc);
        vm.expectRevert(abi.encodeWithSelector(ConsumerRegistry.ConsumerNotRegistered.selector, bob));
        reg.attestKyc(_one(bob), KYC_UNTIL);
    }

    // ------------------------------------------------------------------ eligibility reasons
    function test_eligibility_eachReason() public {
        uint64 t = MONDAY_2024 + 18 hours; // Monday 18:00
        assertEq(_elig(alice, 1, t), uint256(IConsumerRegistry.Ineligibility.NotRegistered));
        _register(alice, "m1");
        assertEq(_elig(alice, 1, t), uint256(IConsumerRegistry.Ineligibility.NoKyc));
        vm.prank(kyc);
        reg.attestKyc(_one(alice), KYC_UNTIL);
        assertEq(_elig(alice, 1, KYC_UNTIL), uint256(IConsumerRegistry.Ineligibility.KycExpired));
        assertEq(_elig(alice, 1, t), uint256(IConsumerRegistry.Ineligibility.NoParticipationConsent));
        vm.prank(alice);
        reg.setParticipationConsent(true);
        assertEq(_elig(alice, 4, t), uint256(IConsumerRegistry.Ineligibility.None));
        assertTrue(reg.isEligible(alice, 4, t));

        ConsumerRegistry.Preferences memory p = ConsumerRegistry.Preferences({
            maxTier: 2,
            maxEventsPerMonth: 0,
            autoEnroll: false,
            availability: type(uint256).max >> 88, // all 168 hours
            payoutToken: address(0),
            payoutAddress: address(0)
        });
        vm.prank(alice);
        reg.setPreferences(p);
        assertEq(_elig(alice, 3, t), uint256(IConsumerRegistry.Ineligibility.TierNotAccepted));
        assertEq(_elig(alice, 2, t), uint256(IConsumerRegistry.Ineligibility.None));

        vm.prank(regulator);
        utilities.suspend(util, 0);
        assertEq(_elig(alice, 1, t), uint256(IConsumerRegistry.Ineligibility.UtilityNotActive));
        assertFalse(reg.isEligible(alice, 1, t));
    }

    function test_eligibility_weeklyAvailabilityByHourOfWeek() public {
        _onboard(alice, "m1");
        // available only Monday 17:00-20:00 and Sunday 23:00 (bit 167)
        uint256 mask = (uint256(7) << 17) | (uint256(1) << 167);
        _setAlicePreferences(4, 0, true, mask);
        assertEq(
            _elig(alice, 1, MONDAY_2024 + 16 hours + 59 minutes), uint256(IConsumerRegistry.Ineligibility.Unavailable)
        );
        assertEq(_elig(alice, 1, MONDAY_2024 + 17 hours), uint256(IConsumerRegistry.Ineligibility.None));
        assertEq(_elig(alice, 1, MONDAY_2024 + 19 hours + 59 minutes), uint256(IConsumerRegistry.Ineligibility.None));
        assertEq(_elig(alice, 1, MONDAY_2024 + 20 hours), uint256(IConsumerRegistry.Ineligibility.Unavailable));
        assertEq(_elig(alice, 1, MONDAY_2024 + 7 days + 18 hours), uint256(IConsumerRegistry.Ineligibility.None));
        assertEq(_elig(alice, 1, MONDAY_2024 + 6 days + 23 hours), uint256(IConsumerRegistry.Ineligibility.None));
        assertEq(_elig(alice, 1, MONDAY_2024 + 1 days + 18 hours), uint256(IConsumerRegistry.Ineligibility.Unavailable));
        assertEq(reg.preferencesOf(alice).availability, mask);
        assertTrue(reg.autoEnrollOf(alice));
    }

    function test_eligibility_monthlyCapResetsNextMonth() public {
        _onboard(alice, "m1");
        _setAlicePreferences(4, 2, false, type(uint256).max >> 88);
        uint64 jan10 = MONDAY_2024 + 9 days;
        vm.startPrank(reporter);
        reg.recordParticipation(_one(alice), jan10);
        assertEq(_elig(alice, 1, jan10), uint256(IConsumerRegistry.Ineligibility.None));
        reg.recordParticipation(_one(alice), jan10 + 1 days);
        vm.stopPrank();
        assertEq(reg.participationInMonth(alice, jan10), 2);
        assertEq(_elig(alice, 1, jan10 + 2 days), uint256(IConsumerRegistry.Ineligibility.MonthlyCapReached));
        uint64 feb1 = MONDAY_2024 + 31 days;
        assertEq(_elig(alice, 1, feb1), uint256(IConsumerRegistry.Ineligibility.None));
        assertEq(reg.participationInMonth(alice, feb1), 0);
    }

    function testFuzz_eligibility_availabilityFollowsMaskBit(uint256 mask, uint64 t) public {
        _onboard(alice, "m1");
        mask = mask >> 88; // 168 bits
        t = uint64(bound(t, MONDAY_2024, KYC_UNTIL - 1));
        _setAlicePreferences(4, 0, false, mask);
        uint256 h = reg.hourOfWeek(t);
        IConsumerRegistry.Ineligibility expected =
            (mask >> h) & 1 == 1 ? IConsumerRegistry.Ineligibility.None : IConsumerRegistry.Ineligibility.Unavailable;
        assertEq(_elig(alice, 1, t), uint256(expected));
    }

    function testFuzz_eligibility_monthlyCapCountsEvents(uint8 cap, uint8 events) public {
        _onboard(alice, "m1");
        cap = uint8(bound(cap, 1, 20));
        events = uint8(bound(events, 0, 25));
        _setAlicePreferences(4, cap, false, type(uint256).max >> 88);
        uint64 t = MONDAY_2024 + 3 days;
        for (uint256 i = 0; i < events; ++i) {
            vm.prank(reporter);
            reg.recordParticipation(_one(alice), t);
        }
        assertEq(reg.participationInMonth(alice, t), events);
        IConsumerRegistry.Ineligibility expected =
            events >= cap ? IConsumerRegistry.Ineligibility.MonthlyCapReached : IConsumerRegistry.Ineligibility.None;
        assertEq(_elig(alice, 1, t), uint256(expected));
    }

    function test_consentRevocation_makesIneligibleEvenWhilePaused() public {
        _onboard(alice, "m1");
        vm.prank(guardian);
        reg.pause();
        vm.expectEmit();
        emit ConsumerRegistry.ParticipationConsentSet(alice, false);
        vm.prank(alice);
        reg.setParticipationConsent(false);
        assertEq(_elig(alice, 1, MONDAY_2024), uint256(IConsumerRegistry.Ineligibility.NoParticipationConsent));
        vm.prank(alice);
        reg.setDataSharingConsent(true);
        assertTrue(reg.consumerOf(alice).dataSharingConsent);
        vm.prank(alice);
        reg.setDataSharingConsent(false);
        assertFalse(reg.consumerOf(alice).dataSharingConsent);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(ConsumerRegistry.ConsumerNotRegistered.selector, stranger));
        reg.setParticipationConsent(true);
    }

    // ------------------------------------------------------------------ preferences and commitments
    function test_setPreferences_roundTripsAndDefaultsPayoutAddress() public {
        _register(alice, "m1");
        assertEq(reg.payoutAddressOf(alice), alice);
        ConsumerRegistry.Preferences memory p =
            ConsumerRegistry.Preferences(3, 5, true, uint256(0xABCDEF), address(token), bob);
        vm.prank(alice);
        reg.setPreferences(p);
        ConsumerRegistry.Preferences memory q = reg.preferencesOf(alice);
        assertEq(q.maxTier, 3);
        assertEq(q.maxEventsPerMonth, 5);
        assertTrue(q.autoEnroll);
        assertEq(q.availability, 0xABCDEF);
        assertEq(reg.payoutAddressOf(alice), bob);
        assertEq(reg.payoutTokenOf(alice), address(token));
    }

    function test_setPreferences_revertsOnBadTierOrWideMask() public {
        _register(alice, "m1");
        ConsumerRegistry.Preferences memory p = ConsumerRegistry.Preferences(5, 0, false, 0, address(0), address(0));
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ConsumerRegistry.TierOutOfRange.selector, 5, 4));
        reg.setPreferences(p);
        p.maxTier = 0;
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ConsumerRegistry.TierOutOfRange.selector, 0, 4));
        reg.setPreferences(p);
        p.maxTier = 1;
        p.availability = uint256(1) << 168;
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ConsumerRegistry.AvailabilityMaskTooWide.selector, uint256(1) << 168));
        reg.setPreferences(p);
    }

    function test_updateCommitments() public {
        _register(alice, "m1");
        vm.expectEmit();
        emit ConsumerRegistry.CommitmentsUpdated(alice, "p2", "e2");
        vm.prank(alice);
        reg.updateCommitments("p2", "e2");
        assertEq(reg.consumerOf(alice).profileHash, bytes32("p2"));
        assertEq(reg.consumerOf(alice).encryptedPointerHash, bytes32("e2"));
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(ConsumerRegistry.ConsumerNotRegistered.selector, bob));
        reg.updateCommitments("p2", "e2");
    }

    // ------------------------------------------------------------------ reporter
    function test_recordParticipation_countsPerMonthAndIgnoresOlderMonths() public {
        _register(alice, "m1");
        uint64 feb = MONDAY_2024 + 40 days;
        vm.startPrank(reporter);
        reg.recordParticipation(_one(alice), feb);
        reg.recordParticipation(_one(alice), MONDAY_2024); // January report after February: ignored
        vm.stopPrank();
        assertEq(reg.participationInMonth(alice, feb), 1);
        assertEq(reg.participationInMonth(alice, MONDAY_2024), 0);
        assertEq(reg.consumerOf(alice).monthId, 2024 * 12 + 1);
    }

    function test_recordParticipation_reverts() public {
        _expectUnauthorized(stranger, reg.REPORTER_ROLE());
        reg.recordParticipation(_one(alice), MONDAY_2024);
        vm.prank(reporter);
        vm.expectRevert(abi.encodeWithSelector(ConsumerRegistry.ConsumerNotRegistered.selector, alice));
        reg.recordParticipation(_one(alice), MONDAY_2024);
    }

    function test_recordReliability_updatesEwmaAndReverts() public {
        _register(alice, "m1");
        _register(bob, "m2");
        address[] memory cs = new address[](2);
        (cs[0], cs[1]) = (alice, bob);
        uint16[] memory outs = new uint16[](2);
        (outs[0], outs[1]) = (10_000, 0);
        vm.prank(reporter);
        reg.recordReliability(cs, outs);
        assertEq(reg.reliabilityOf(alice), 5500);
        assertEq(reg.reliabilityOf(bob), 4500);
        vm.prank(reporter);
        vm.expectRevert(abi.encodeWithSelector(ConsumerRegistry.LengthMismatch.selector, 2, 1));
        reg.recordReliability(cs, new uint16[](1));
        outs[1] = 10_001;
        vm.prank(reporter);
        vm.expectRevert(abi.encodeWithSelector(ConsumerRegistry.BpsOutOfRange.selector, 10_001));
        reg.recordReliability(cs, outs);
    }

    function testFuzz_recordReliability_staysInBounds(uint16[6] memory outcomes) public {
        _register(alice, "m1");
        for (uint256 i = 0; i < outcomes.length; ++i) {
            uint16[] memory o = new uint16[](1);
            o[0] = uint16(bound(outcomes[i], 0, 10_000));
            vm.prank(reporter);
            reg.recordReliability(_one(alice), o);
            assertLe(reg.reliabilityOf(alice), 10_000, "reliability above 10000");
        }
    }

    // ------------------------------------------------------------------ calendar helpers
    function test_calendarHelpers_knownDates() public view {
        assertEq(reg.hourOfWeek(MONDAY_2024), 0);
        assertEq(reg.hourOfWeek(0), 3 * 24); // 1970-01-01 was a Thursday
        assertEq(reg.hourOfWeek(MONDAY_2024 + 6 days + 23 hours + 59 minutes), 167);
        assertEq(reg.monthIdOf(0), 1970 * 12);
        assertEq(reg.monthIdOf(MONDAY_2024), 2024 * 12);
        assertEq(reg.monthIdOf(1_709_208_000), 2024 * 12 + 1); // 2024-02-29 12:00
        assertEq(reg.monthIdOf(1_709_251_200), 2024 * 12 + 2); // 2024-03-01 00:00
        assertEq(reg.monthIdOf(1_709_251_199), 2024 * 12 + 1); // 2024-02-29 23:59:59
        assertEq(reg.monthIdOf(1_798_761_599), 2026 * 12 + 11); // 2026-12-31 23:59:59
        assertEq(reg.monthIdOf(1_798_761_600), 2027 * 12); // 2027-01-01
    }

    function testFuzz_calendarHelpers_consistent(uint64 t, uint64 dt) public view {
        t = uint64(bound(t, 0, 1 << 40));
        dt = uint64(bound(dt, 0, 40 days));
        assertLt(reg.hourOfWeek(t), 168, "hour of week out of range");
        assertEq(reg.hourOfWeek(t + 7 days), reg.hourOfWeek(t), "not weekly periodic");
        uint32 m0 = reg.monthIdOf(t);
        uint32 m1 = reg.monthIdOf(t + dt);
        assertLe(m0, m1, "month id decreased");
        assertLe(m1 - m0, 2, "40 days spans at most 2 month boundaries");
        if (dt < 28 days) assertLe(m1 - m0, 1, "less than 28 days crosses two boundaries");
    }

    // ------------------------------------------------------------------ governance and pause
    function test_governanceSetters() public {
        vm.startPrank(timelock);
        vm.expectEmit();
        emit ConsumerRegistry.ReliabilityAlphaSet(3000);
        reg.setReliabilityAlpha(3000);
        reg.setInitialReliability(7000);
        reg.setUtilityRegistry(address(0xDD));
        vm.expectRevert(abi.encodeWithSelector(ConsumerRegistry.BpsOutOfRange.selector, 10_001));
        reg.setReliabilityAlpha(10_001);
        vm.expectRevert(abi.encodeWithSelector(ConsumerRegistry.BpsOutOfRange.selector, 10_001));
        reg.setInitialReliability(10_001);
        vm.expectRevert(abi.encodeWithSelector(PeaklabUpgradeable.ZeroAddress.selector, "utilityRegistry"));
        reg.setUtilityRegistry(address(0));
        vm.stopPrank();
        (uint16 a, uint16 i) = reg.reliabilityParams();
        assertEq(a, 3000);
        assertEq(i, 7000);
        assertEq(reg.utilityRegistry(), address(0xDD));
        _expectUnauthorized(stranger, reg.GOVERNANCE_ROLE());
        reg.setReliabilityAlpha(1);
    }

    function test_pause_blocksRegistration() public {
        vm.prank(guardian);
        reg.pause();
        ConsumerRegistry.Registration[] memory regs = new ConsumerRegistry.Registration[](1);
        regs[0] = _reg(alice, "m1");
        vm.prank(util);
        vm.expectRevert(abi.encodeWithSelector(PausableUpgradeable.EnforcedPause.selector));
        reg.registerBatch(regs);
    }
}
