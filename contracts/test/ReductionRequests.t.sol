// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {DrFixture} from "./mocks/DrFixture.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {PausableUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/PausableUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {ReductionRequests} from "../src/ReductionRequests.sol";
import {PeaklabUpgradeable} from "../src/base/PeaklabUpgradeable.sol";
import {IReductionRequests} from "../src/interfaces/IReductionRequests.sol";
import {IUtilityRegistry} from "../src/interfaces/IUtilityRegistry.sol";
import {IConsumerRegistry} from "../src/interfaces/IConsumerRegistry.sol";
import {ILoadForecast} from "../src/interfaces/ILoadForecast.sol";
import {IIncentiveDistributor} from "../src/interfaces/IIncentiveDistributor.sol";
import {console} from "./utils/console.sol";

contract ReductionRequestsTest is DrFixture {
    // ------------------------------------------------------------------ helpers

    function _sig(uint256 pk, uint256 id, uint64 deadline) internal view returns (ReductionRequests.OptInSig memory s) {
        address c = vm.addr(pk);
        (uint8 v, bytes32 r, bytes32 ss) = vm.sign(pk, rr.optInDigest(c, id, deadline));
        s = ReductionRequests.OptInSig({consumer: c, deadline: deadline, v: v, r: r, s: ss});
    }

    function _registerKey(uint256 pk) internal returns (address c) {
        c = vm.addr(pk);
        creg.register(c, utility);
    }

    /// @dev Registers the consumers of keys firstKey .. firstKey + n - 1 and returns their opt-in signatures.
    function _registeredSigs(uint256 id, uint256 firstKey, uint256 n, uint64 deadline)
        internal
        returns (ReductionRequests.OptInSig[] memory sigs)
    {
        sigs = new ReductionRequests.OptInSig[](n);
        for (uint256 i; i < n; ++i) {
            _registerKey(firstKey + i);
            sigs[i] = _sig(firstKey + i, id, deadline);
        }
    }

    function _expectStatus(uint256 id, IReductionRequests.EventStatus st) internal view {
        assertEq(uint256(rr.statusOf(id)), uint256(st), "status");
    }

    /// @dev The next call reverts with WrongStatus(id, have, want).
    function _expectWrongStatus(uint256 id, IReductionRequests.EventStatus have, IReductionRequests.EventStatus want)
        internal
    {
        vm.expectRevert(abi.encodeWithSelector(ReductionRequests.WrongStatus.selector, id, have, want));
    }

    /// @dev The next call reverts with AccessControlUnauthorizedAccount(account, role).
    function _expectUnauthorized(address account, bytes32 role) internal {
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, account, role));
    }

    /// @dev The standard event (`_createEvent`) with `n` registered consumers (indices 1..n) opted in.
    function _createEventWithOptIns(uint256 n) internal returns (uint256 id, address[] memory cs) {
        id = _createEvent();
        cs = _registerN(n);
        _optInAll(id, cs);
    }

    /// @dev Warps to the end of event `id`'s window (results may be posted from then on).
    function _warpToEnd(uint256 id) internal {
        ReductionRequests.Event memory e = rr.getEvent(id);
        vm.warp(e.start + e.duration);
    }

    // ------------------------------------------------------------------ creation

    function test_createEventStoresTermsAndFreezesStress() public {
        uint64 start = uint64(block.timestamp) + 2 days;
        uint32[24] memory kw;
        uint32 hour = uint32((start % 1 days) / 1 hours);
        kw[hour] = 1500; // 150 % of the stress threshold
        uint256[2] memory packed = lf.pack(kw);
        vm.prank(forecaster);
        lf.commitForecast(REGION, uint32(start / 1 days), 1, packed);

        ReductionRequests.EventParams memory p = _params(1, start, 2 hours);
        vm.expectEmit(true, true, true, true);
        emit ReductionRequests.EventCreated(1, utility, REGION, 1, start, 2 hours, 500, 200_000, address(usd), 2, 15_000);
        uint256 id = _createEventAs(utility, p);
        assertEq(id, 1);
        assertEq(rr.eventCount(), 1);
        ReductionRequests.Event memory e = rr.getEvent(id);
        assertEq(e.utility, utility);
        assertEq(e.stressBps, 15_000);
        assertEq(e.tierMultiplierBps, 10_000);
        assertTrue(e.optOutAllowed);
        (uint256 rate, uint16 mult, uint32 stress) = rr.payoutTerms(id);
        assertEq(rate, 200_000);
        assertEq(mult, 10_000);
        assertEq(stress, 15_000);
        (address u, address t) = rr.eventPayer(id);
        assertEq(u, utility);
        assertEq(t, address(usd));
        assertEq(rr.targetWhOf(id), 1_000_000); // 500 kW × 2 h
        _expectStatus(id, IReductionRequests.EventStatus.Scheduled);

        // A later forecast does not change the frozen stress; a governance tier change does not change the terms.
        kw[hour] = 100;
        packed = lf.pack(kw);
        vm.prank(forecaster);
        lf.commitForecast(REGION, uint32(start / 1 days), 1, packed);
        vm.prank(timelock);
        rr.setTier(1, ReductionRequests.TierParams(0, 4 hours, 30_000, false));
        (, mult, stress) = rr.payoutTerms(id);
        assertEq(stress, 15_000);
        assertEq(mult, 10_000);
        assertTrue(rr.getEvent(id).optOutAllowed);
    }

    function test_createEventRevertsForInactiveUtility() public {
        ReductionRequests.EventParams memory p = _params(1, uint64(block.timestamp) + 2 days, 1 hours);
        ureg.setStatus(utility, IUtilityRegistry.Status.Suspended);
        vm.expectRevert(
            abi.encodeWithSelector(
                ReductionRequests.UtilityNotActive.selector, utility, IUtilityRegistry.Status.Suspended
            )
        );
        vm.prank(utility);
        rr.createEvent(p);
        vm.expectRevert(
            abi.encodeWithSelector(ReductionRequests.UtilityNotActive.selector, stranger, IUtilityRegistry.Status.None)
        );
        vm.prank(stranger);
        rr.createEvent(p);
    }

    function test_createEventRevertsOnInvalidTier() public {
        ReductionRequests.EventParams memory p = _params(0, uint64(block.timestamp) + 2 days, 1 hours);
        vm.expectRevert(abi.encodeWithSelector(ReductionRequests.InvalidTier.selector, uint8(0)));
        vm.prank(utility);
        rr.createEvent(p);
        p.tier = 5;
        vm.expectRevert(abi.encodeWithSelector(ReductionRequests.InvalidTier.selector, uint8(5)));
        vm.prank(utility);
        rr.createEvent(p);
    }

    function test_tierNoticeRule() public {
        // Tier 2: 4 h notice. Emergency: 10 min.
        uint64 earliest = uint64(block.timestamp) + 4 hours;
        ReductionRequests.EventParams memory p = _params(2, earliest - 1, 1 hours);
        vm.expectRevert(abi.encodeWithSelector(ReductionRequests.NoticeTooShort.selector, earliest - 1, earliest));
        vm.prank(utility);
        rr.createEvent(p);
        p.start = earliest;
        _createEventAs(utility, p);
        p = _params(4, uint64(block.timestamp) + 10 minutes, 30 minutes);
        uint256 id = _createEventAs(utility, p);
        assertEq(rr.getEvent(id).tierMultiplierBps, 20_000);
        assertFalse(rr.getEvent(id).optOutAllowed);
    }

    function test_createEventRevertsTooFarAhead() public {
        uint64 latest = uint64(block.timestamp) + 365 days;
        ReductionRequests.EventParams memory p = _params(1, latest + 1, 1 hours);
        vm.expectRevert(abi.encodeWithSelector(ReductionRequests.StartTooFar.selector, latest + 1, latest));
        vm.prank(utility);
        rr.createEvent(p);
        p.start = latest;
        _createEventAs(utility, p);
    }

    function test_tierDurationRule() public {
        ReductionRequests.EventParams memory p = _params(3, uint64(block.timestamp) + 1 hours, 2 hours + 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                ReductionRequests.DurationOutOfRange.selector, uint32(2 hours + 1), uint32(15 minutes), uint32(2 hours)
            )
        );
        vm.prank(utility);
        rr.createEvent(p);
        p.duration = 15 minutes - 1;
        vm.expectRevert(
            abi.encodeWithSelector(
                ReductionRequests.DurationOutOfRange.selector,
                uint32(15 minutes - 1),
                uint32(15 minutes),
                uint32(2 hours)
            )
        );
        vm.prank(utility);
        rr.createEvent(p);
        p.duration = 2 hours;
        _createEventAs(utility, p);
    }

    function test_createEventRevertsOnZeroTargetOrRate() public {
        ReductionRequests.EventParams memory p = _params(1, uint64(block.timestamp) + 2 days, 1 hours);
        p.targetKw = 0;
        vm.expectRevert(abi.encodeWithSelector(ReductionRequests.ZeroValue.selector, "targetKw"));
        vm.prank(utility);
        rr.createEvent(p);
        p.targetKw = 1;
        p.rate = 0;
        vm.expectRevert(abi.encodeWithSelector(ReductionRequests.ZeroValue.selector, "rate"));
        vm.prank(utility);
        rr.createEvent(p);
    }

    function test_createEventRevertsOnUnacceptedToken() public {
        ReductionRequests.EventParams memory p = _params(1, uint64(block.timestamp) + 2 days, 1 hours);
        p.token = stranger;
        vm.expectRevert(abi.encodeWithSelector(ReductionRequests.TokenNotAccepted.selector, stranger));
        vm.prank(utility);
        rr.createEvent(p);
    }

    function test_createEventRevertsWithoutDistributor() public {
        ReductionRequests fresh = _deployRequests();
        ReductionRequests.EventParams memory p = _params(1, uint64(block.timestamp) + 2 days, 1 hours);
        vm.expectRevert(ReductionRequests.DistributorNotSet.selector);
        vm.prank(utility);
        fresh.createEvent(p);
    }

    function test_createEventRevertsWhenPaused() public {
        vm.prank(guardian);
        rr.pause();
        ReductionRequests.EventParams memory p = _params(1, uint64(block.timestamp) + 2 days, 1 hours);
        vm.expectRevert(PausableUpgradeable.EnforcedPause.selector);
        vm.prank(utility);
        rr.createEvent(p);
    }

    // ------------------------------------------------------------------ opt-in / opt-out

    function test_optInSetsBitmapBitAndCount() public {
        uint256 id = _createEvent();
        address[] memory cs = _registerN(3); // indices 1, 2, 3
        vm.expectEmit(true, true, false, true);
        emit ReductionRequests.OptedIn(id, cs[1], ReductionRequests.OptInVia.Direct);
        vm.prank(cs[1]);
        rr.optIn(id);
        assertTrue(rr.isOptedIn(id, cs[1]));
        assertFalse(rr.isOptedIn(id, cs[0]));
        assertEq(rr.optInWord(id, 0), 1 << 2);
        assertEq(rr.getEvent(id).optedIn, 1);
    }

    function testFuzz_optInBitmapPosition(uint16 extra) public {
        uint256 n = bound(extra, 0, 600);
        for (uint256 i; i < n; ++i) {
            creg.register(address(uint160(0xD0000 + i)), utility);
        }
        address c = _register(9999);
        uint32 idx = creg.indexOf(c);
        uint256 id = _createEvent();
        vm.prank(c);
        rr.optIn(id);
        assertEq(rr.optInWord(id, idx / 256), uint256(1) << (idx % 256));
        assertTrue(rr.isOptedIn(id, c));
    }

    function test_optInReverts() public {
        uint256 id = _createEvent();
        address c = _register(0);
        vm.expectRevert(abi.encodeWithSelector(ReductionRequests.NotRegistered.selector, stranger));
        vm.prank(stranger);
        rr.optIn(id);
        creg.setIneligible(c, IConsumerRegistry.Ineligibility.NoKyc);
        vm.expectRevert(
            abi.encodeWithSelector(ReductionRequests.NotEligible.selector, c, IConsumerRegistry.Ineligibility.NoKyc)
        );
        vm.prank(c);
        rr.optIn(id);
        creg.setIneligible(c, IConsumerRegistry.Ineligibility.None);
        vm.prank(c);
        rr.optIn(id);
        vm.expectRevert(abi.encodeWithSelector(ReductionRequests.AlreadyOptedIn.selector, id, c));
        vm.prank(c);
        rr.optIn(id);
        vm.expectRevert(abi.encodeWithSelector(ReductionRequests.UnknownEvent.selector, 99));
        vm.prank(c);
        rr.optIn(99);
    }

    function test_optInOnlyForEventsOfTheServingUtility() public {
        uint256 id = _createEventAs(utility2, _params(1, uint64(block.timestamp) + 2 days, 1 hours));
        address c = _register(0); // served by `utility`
        vm.expectRevert(
            abi.encodeWithSelector(ReductionRequests.NotServedByEventUtility.selector, c, utility, utility2)
        );
        vm.prank(c);
        rr.optIn(id);
        creg.setAutoEnroll(c, true);
        address[] memory cs = new address[](1);
        cs[0] = c;
        vm.expectEmit(true, true, false, true);
        emit ReductionRequests.OptInSkipped(id, c, ReductionRequests.SkipReason.OtherUtility);
        assertEq(rr.enrollAuto(id, cs), 0);
    }

    function test_pauseBlocksEveryEventPathButCancel() public {
        uint256 id = _createEvent();
        address[] memory cs = _registerN(1);
        vm.prank(guardian);
        rr.pause();
        bytes4 paused = PausableUpgradeable.EnforcedPause.selector;
        vm.expectRevert(paused);
        vm.prank(cs[0]);
        rr.optOut(id);
        vm.expectRevert(paused);
        rr.optInBySig(id, new ReductionRequests.OptInSig[](0));
        vm.expectRevert(paused);
        rr.enrollAuto(id, cs);
        vm.startPrank(oracle);
        vm.expectRevert(paused);
        rr.postResults(id, 0, 0, bytes32(0));
        vm.expectRevert(paused);
        rr.postOutcomes(id, cs, new uint16[](1));
        vm.expectRevert(paused);
        rr.finalize(id);
        vm.stopPrank();
        vm.expectRevert(paused);
        vm.prank(address(dist));
        rr.markSettled(id);
        vm.prank(utility);
        rr.cancel(id);
        assertEq(uint256(rr.statusOf(id)), uint256(IReductionRequests.EventStatus.Cancelled));
    }

    function test_optInRevertsOnceStarted() public {
        uint256 id = _createEvent();
        address c = _register(0);
        vm.warp(rr.getEvent(id).start);
        _expectWrongStatus(id, IReductionRequests.EventStatus.Active, IReductionRequests.EventStatus.Scheduled);
        vm.prank(c);
        rr.optIn(id);
    }

    function test_optInRevertsWhenPaused() public {
        uint256 id = _createEvent();
        address c = _register(0);
        vm.prank(guardian);
        rr.pause();
        vm.expectRevert(PausableUpgradeable.EnforcedPause.selector);
        vm.prank(c);
        rr.optIn(id);
    }

    function test_optOutRemovesCommitment() public {
        uint256 id = _createEvent();
        address c = _register(0);
        vm.prank(c);
        rr.optIn(id);
        vm.expectEmit(true, true, false, false);
        emit ReductionRequests.OptedOut(id, c);
        vm.prank(c);
        rr.optOut(id);
        assertFalse(rr.isOptedIn(id, c));
        assertTrue(rr.hasOptedOut(id, c));
        assertEq(rr.getEvent(id).optedIn, 0);
        vm.expectRevert(abi.encodeWithSelector(ReductionRequests.AlreadyOptedOut.selector, id, c));
        vm.prank(c);
        rr.optOut(id);
        // The consumer itself may come back; that clears the opt-out.
        vm.prank(c);
        rr.optIn(id);
        assertFalse(rr.hasOptedOut(id, c));
        assertEq(rr.getEvent(id).optedIn, 1);
    }

    function test_optOutRevertsWhenTierForbidsIt() public {
        uint256 id = _createEventAs(utility, _params(3, uint64(block.timestamp) + 2 hours, 1 hours));
        address c = _register(0);
        vm.prank(c);
        rr.optIn(id);
        vm.expectRevert(abi.encodeWithSelector(ReductionRequests.OptOutNotAllowed.selector, id, uint8(3)));
        vm.prank(c);
        rr.optOut(id);
    }

    function test_optOutRevertsAfterStartAndForStrangers() public {
        uint256 id = _createEvent();
        address c = _register(0);
        vm.expectRevert(abi.encodeWithSelector(ReductionRequests.NotRegistered.selector, stranger));
        vm.prank(stranger);
        rr.optOut(id);
        vm.warp(rr.getEvent(id).start + 1);
        _expectWrongStatus(id, IReductionRequests.EventStatus.Active, IReductionRequests.EventStatus.Scheduled);
        vm.prank(c);
        rr.optOut(id);
    }

    // ------------------------------------------------------------------ EIP-712 batch opt-in

    function test_optInBySigBatchWithRealSignatures() public {
        uint256 id = _createEvent();
        ReductionRequests.OptInSig[] memory sigs = _registeredSigs(id, 0xA11CE, 3, uint64(block.timestamp) + 1 days);
        // The second consumer became ineligible (e.g. revoked consent) — skipped, not reverted.
        creg.setIneligible(sigs[1].consumer, IConsumerRegistry.Ineligibility.NoParticipationConsent);
        vm.expectEmit(true, true, false, true);
        emit ReductionRequests.OptedIn(id, sigs[0].consumer, ReductionRequests.OptInVia.Signature);
        vm.expectEmit(true, true, false, true);
        emit ReductionRequests.OptInSkipped(id, sigs[1].consumer, ReductionRequests.SkipReason.Ineligible);
        vm.prank(stranger); // any relayer
        uint32 added = rr.optInBySig(id, sigs);
        assertEq(added, 2);
        assertEq(rr.getEvent(id).optedIn, 2);
        assertTrue(rr.isOptedIn(id, sigs[2].consumer));
        assertFalse(rr.isOptedIn(id, sigs[1].consumer));
        // Relaying the same batch again commits nobody twice.
        added = rr.optInBySig(id, sigs);
        assertEq(added, 0);
        assertEq(rr.getEvent(id).optedIn, 2);
    }

    function test_optInBySigIsSingleUseAfterOptOut() public {
        uint256 id = _createEvent();
        ReductionRequests.OptInSig[] memory sigs = _registeredSigs(id, 0xB0B, 1, uint64(block.timestamp) + 1 days);
        rr.optInBySig(id, sigs);
        vm.prank(sigs[0].consumer);
        rr.optOut(id);
        vm.expectEmit(true, true, false, true);
        emit ReductionRequests.OptInSkipped(id, sigs[0].consumer, ReductionRequests.SkipReason.OptedOut);
        assertEq(rr.optInBySig(id, sigs), 0);
        assertFalse(rr.isOptedIn(id, sigs[0].consumer));
    }

    function test_optInBySigRevertsOnForgedOrForeignSignature() public {
        uint256 id = _createEvent();
        uint256 id2 = _createEvent();
        address c = _registerKey(0xC0C);
        address mallory = vm.addr(0xBADBAD);
        uint64 deadline = uint64(block.timestamp) + 1 days;
        ReductionRequests.OptInSig[] memory sigs = new ReductionRequests.OptInSig[](1);
        // Signed by someone else for c.
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(0xBADBAD, rr.optInDigest(c, id, deadline));
        sigs[0] = ReductionRequests.OptInSig(c, deadline, v, r, s);
        vm.expectRevert(abi.encodeWithSelector(ReductionRequests.InvalidSignature.selector, c, mallory));
        rr.optInBySig(id, sigs);
        // A genuine signature for another event.
        sigs[0] = _sig(0xC0C, id2, deadline);
        // The relayed signature covers id2, so recovery against id's digest yields some other address.
        address recovered = ecrecover(rr.optInDigest(c, id, deadline), sigs[0].v, sigs[0].r, sigs[0].s);
        assertTrue(recovered != c, "foreign signature must not recover to the consumer");
        vm.expectRevert(abi.encodeWithSelector(ReductionRequests.InvalidSignature.selector, c, recovered));
        rr.optInBySig(id, sigs);
        assertFalse(rr.isOptedIn(id, c));
        rr.optInBySig(id2, sigs);
        assertTrue(rr.isOptedIn(id2, c));
    }

    function test_optInBySigRevertsWhenExpired() public {
        uint256 id = _createEvent();
        uint64 deadline = uint64(block.timestamp) + 1 hours;
        ReductionRequests.OptInSig[] memory sigs = _registeredSigs(id, 0xD0D, 1, deadline);
        vm.warp(deadline + 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                ReductionRequests.SignatureExpired.selector, sigs[0].consumer, deadline, deadline + 1
            )
        );
        rr.optInBySig(id, sigs);
    }

    function test_optInBySigSkipsUnregistered() public {
        uint256 id = _createEvent();
        ReductionRequests.OptInSig[] memory sigs = new ReductionRequests.OptInSig[](1);
        sigs[0] = _sig(0xE0E, id, uint64(block.timestamp) + 1 days);
        vm.expectEmit(true, true, false, true);
        emit ReductionRequests.OptInSkipped(id, sigs[0].consumer, ReductionRequests.SkipReason.NotRegistered);
        assertEq(rr.optInBySig(id, sigs), 0);
    }

    function test_gasOptInBySigBatchOf100() public {
        uint256 id = _createEvent();
        ReductionRequests.OptInSig[] memory sigs = _registeredSigs(id, 0x1000, 100, uint64(block.timestamp) + 1 days);
        uint256 g = gasleft();
        uint32 added = rr.optInBySig(id, sigs);
        g -= gasleft();
        assertEq(added, 100);
        console.log("gas: optInBySig batch of 100, per consumer", g / 100);
        assertLt(g / 100, 40_000, "per-consumer signed opt-in gas");
    }

    // ------------------------------------------------------------------ standing opt-in

    function test_enrollAutoMaterialisesStandingOptIns() public {
        uint256 id = _createEvent();
        address[] memory cs = _registerN(5);
        creg.setAutoEnroll(cs[0], true);
        creg.setAutoEnroll(cs[1], true);
        creg.setAutoEnroll(cs[2], true);
        creg.setAutoEnroll(cs[3], true);
        // cs[4] has no standing opt-in; cs[1] declined this event; cs[2] is over its monthly cap.
        vm.prank(cs[1]);
        rr.optOut(id);
        creg.setIneligible(cs[2], IConsumerRegistry.Ineligibility.MonthlyCapReached);
        vm.prank(cs[3]);
        rr.optIn(id);
        vm.expectEmit(true, true, false, true);
        emit ReductionRequests.OptedIn(id, cs[0], ReductionRequests.OptInVia.Auto);
        vm.expectEmit(true, true, false, true);
        emit ReductionRequests.OptInSkipped(id, cs[1], ReductionRequests.SkipReason.OptedOut);
        vm.expectEmit(true, true, false, true);
        emit ReductionRequests.OptInSkipped(id, cs[2], ReductionRequests.SkipReason.Ineligible);
        vm.expectEmit(true, true, false, true);
        emit ReductionRequests.OptInSkipped(id, cs[3], ReductionRequests.SkipReason.AlreadyOptedIn);
        vm.expectEmit(true, true, false, true);
        emit ReductionRequests.OptInSkipped(id, cs[4], ReductionRequests.SkipReason.NotAutoEnrolled);
        vm.prank(stranger);
        uint32 added = rr.enrollAuto(id, cs);
        assertEq(added, 1);
        assertEq(rr.getEvent(id).optedIn, 2);
        // Per-event opt-out of a standing opt-in.
        vm.prank(cs[0]);
        rr.optOut(id);
        assertEq(rr.enrollAuto(id, cs), 0);
        assertEq(rr.getEvent(id).optedIn, 1);
    }

    function test_enrollAutoRevertsOnceStarted() public {
        uint256 id = _createEvent();
        address[] memory cs = _registerN(1);
        vm.warp(rr.getEvent(id).start);
        _expectWrongStatus(id, IReductionRequests.EventStatus.Active, IReductionRequests.EventStatus.Scheduled);
        rr.enrollAuto(id, cs);
    }

    // ------------------------------------------------------------------ lifecycle

    function test_lifecycleScheduledActiveSettlingFinalized() public {
        (uint256 id, address[] memory cs) = _createEventWithOptIns(3);
        ReductionRequests.Event memory e = rr.getEvent(id);
        _expectStatus(id, IReductionRequests.EventStatus.Scheduled);
        vm.warp(e.start);
        _expectStatus(id, IReductionRequests.EventStatus.Active);
        vm.warp(e.start + e.duration);
        _expectStatus(id, IReductionRequests.EventStatus.Active); // over, awaiting results
        vm.prank(oracle);
        rr.postResults(id, 1_200_000, 2, keccak256("r"));
        _expectStatus(id, IReductionRequests.EventStatus.Settling);
        uint16[] memory out = new uint16[](3);
        (out[0], out[1], out[2]) = (10_000, 0, 9000);
        vm.prank(oracle);
        rr.postOutcomes(id, cs, out);
        assertEq(creg.reliabilityOf(cs[0]), 10_000);
        assertEq(creg.participationCount(cs[1]), 1);
        assertTrue(rr.isReported(id, cs[2]));
        vm.expectEmit(true, true, false, true);
        emit ReductionRequests.EventFinalized(id, utility, 10_000); // 1.2 MWh of a 1 MWh target, capped
        vm.prank(oracle);
        rr.finalize(id);
        _expectStatus(id, IReductionRequests.EventStatus.Finalized);
        assertEq(ureg.lastOutcomeBps(), 10_000);
        assertEq(ureg.outcomeCount(utility), 1);
        // Finalized is terminal for the oracle paths.
        _expectWrongStatus(id, IReductionRequests.EventStatus.Finalized, IReductionRequests.EventStatus.Settling);
        vm.prank(oracle);
        rr.finalize(id);
        _expectWrongStatus(id, IReductionRequests.EventStatus.Finalized, IReductionRequests.EventStatus.Active);
        vm.prank(oracle);
        rr.postResults(id, 1, 0, bytes32(0));
    }

    function test_cancelByUtilityBeforeStart() public {
        uint256 id = _createEvent();
        vm.expectRevert(abi.encodeWithSelector(ReductionRequests.NotEventUtility.selector, id, utility2, utility));
        vm.prank(utility2);
        rr.cancel(id);
        vm.expectEmit(true, true, false, false);
        emit ReductionRequests.EventCancelled(id, utility);
        vm.prank(utility);
        rr.cancel(id);
        _expectStatus(id, IReductionRequests.EventStatus.Cancelled);
        // Cancelled is terminal: no opt-in, no results, no second cancel, even after the window.
        address c = _register(0);
        _expectWrongStatus(id, IReductionRequests.EventStatus.Cancelled, IReductionRequests.EventStatus.Scheduled);
        vm.prank(c);
        rr.optIn(id);
        vm.warp(block.timestamp + 10 days);
        _expectWrongStatus(id, IReductionRequests.EventStatus.Cancelled, IReductionRequests.EventStatus.Active);
        vm.prank(oracle);
        rr.postResults(id, 0, 0, bytes32(0));
        _expectWrongStatus(id, IReductionRequests.EventStatus.Cancelled, IReductionRequests.EventStatus.Scheduled);
        vm.prank(utility);
        rr.cancel(id);
    }

    function test_cancelRevertsOnceStarted() public {
        uint256 id = _createEvent();
        vm.warp(rr.getEvent(id).start);
        _expectWrongStatus(id, IReductionRequests.EventStatus.Active, IReductionRequests.EventStatus.Scheduled);
        vm.prank(utility);
        rr.cancel(id);
    }

    // ------------------------------------------------------------------ results

    function test_postResultsReverts() public {
        (uint256 id,) = _createEventWithOptIns(2);
        ReductionRequests.Event memory e = rr.getEvent(id);
        _expectWrongStatus(id, IReductionRequests.EventStatus.Scheduled, IReductionRequests.EventStatus.Active);
        vm.prank(oracle);
        rr.postResults(id, 1, 1, bytes32(0));
        vm.warp(e.start + e.duration - 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                ReductionRequests.EventNotOver.selector, id, e.start + e.duration, e.start + e.duration - 1
            )
        );
        vm.prank(oracle);
        rr.postResults(id, 1, 1, bytes32(0));
        vm.warp(e.start + e.duration);
        vm.expectRevert(
            abi.encodeWithSelector(ReductionRequests.ParticipantsExceedOptIns.selector, uint32(3), uint32(2))
        );
        vm.prank(oracle);
        rr.postResults(id, 1, 3, bytes32(0));
        _expectUnauthorized(utility, rr.ORACLE_ROLE());
        vm.prank(utility);
        rr.postResults(id, 1, 1, bytes32(0));
        vm.expectRevert(abi.encodeWithSelector(ReductionRequests.UnknownEvent.selector, 77));
        vm.prank(oracle);
        rr.postResults(77, 1, 1, bytes32(0));
    }

    function test_participationAlertWhenShortOfTarget() public {
        uint256 id = _createEvent();
        _warpToEnd(id);
        vm.expectEmit(true, true, false, true);
        emit ReductionRequests.ParticipationAlert(id, utility, 999_999, 1_000_000);
        vm.prank(oracle);
        rr.postResults(id, 999_999, 0, bytes32(0));
    }

    function test_noParticipationAlertAtTarget() public {
        (uint256 id,) = _createEventWithOptIns(1);
        _warpToEnd(id);
        vm.recordLogs();
        vm.prank(oracle);
        rr.postResults(id, 1_000_000, 1, bytes32(0));
        assertEq(vm.getRecordedLogs().length, 1, "only ResultsPosted");
    }

    function test_postOutcomesReverts() public {
        uint256 id = _createEvent();
        address[] memory cs = _registerN(3);
        address[] memory two = new address[](2);
        (two[0], two[1]) = (cs[0], cs[1]);
        _optInAll(id, two);
        uint16[] memory out = new uint16[](2);
        _expectWrongStatus(id, IReductionRequests.EventStatus.Scheduled, IReductionRequests.EventStatus.Settling);
        vm.prank(oracle);
        rr.postOutcomes(id, two, out);
        _warpToEnd(id);
        vm.prank(oracle);
        rr.postResults(id, 10, 1, bytes32(0));
        vm.expectRevert(abi.encodeWithSelector(ReductionRequests.LengthMismatch.selector, 3, 2));
        vm.prank(oracle);
        rr.postOutcomes(id, cs, out);
        address[] memory bad = new address[](1);
        bad[0] = cs[2];
        uint16[] memory one = new uint16[](1);
        uint16[] memory over = new uint16[](1);
        over[0] = 10_001;
        address[] memory first = new address[](1);
        first[0] = cs[0];
        vm.expectRevert(abi.encodeWithSelector(ReductionRequests.OutcomeOutOfRange.selector, cs[0], uint16(10_001)));
        vm.prank(oracle);
        rr.postOutcomes(id, first, over);
        vm.expectRevert(abi.encodeWithSelector(ReductionRequests.NotOptedIn.selector, id, cs[2]));
        vm.prank(oracle);
        rr.postOutcomes(id, bad, one);
        bad[0] = cs[0];
        vm.prank(oracle);
        rr.postOutcomes(id, bad, one);
        vm.expectRevert(abi.encodeWithSelector(ReductionRequests.OutcomeAlreadyReported.selector, id, cs[0]));
        vm.prank(oracle);
        rr.postOutcomes(id, bad, one);
        _expectUnauthorized(stranger, rr.ORACLE_ROLE());
        vm.prank(stranger);
        rr.postOutcomes(id, bad, one);
    }

    function test_finalizeRequiresEveryOutcomeAndMatchingParticipants() public {
        (uint256 id, address[] memory cs) = _createEventWithOptIns(2);
        _warpToEnd(id);
        vm.prank(oracle);
        rr.postResults(id, 400_000, 2, bytes32(0));
        address[] memory first = new address[](1);
        first[0] = cs[0];
        uint16[] memory out = new uint16[](1);
        out[0] = 8000;
        vm.prank(oracle);
        rr.postOutcomes(id, first, out);
        vm.expectRevert(abi.encodeWithSelector(ReductionRequests.OutcomesIncomplete.selector, id, uint32(1), uint32(2)));
        vm.prank(oracle);
        rr.finalize(id);
        first[0] = cs[1];
        out[0] = 0; // the second did not deliver, but the totals claimed 2 participants
        vm.prank(oracle);
        rr.postOutcomes(id, first, out);
        vm.expectRevert(
            abi.encodeWithSelector(ReductionRequests.ParticipantsMismatch.selector, id, uint32(1), uint32(2))
        );
        vm.prank(oracle);
        rr.finalize(id);
        vm.expectRevert(abi.encodeWithSelector(ReductionRequests.NotOracleOrSettler.selector, stranger));
        vm.prank(stranger);
        rr.finalize(id);
    }

    function test_finalizeBySettlerRecordsOutcome() public {
        (uint256 id, address[] memory cs) = _createEventWithOptIns(1);
        _warpToEnd(id);
        uint16[] memory out = new uint16[](1);
        out[0] = 5000;
        vm.startPrank(oracle);
        rr.postResults(id, 250_000, 1, bytes32(0));
        rr.postOutcomes(id, cs, out);
        vm.stopPrank();
        vm.prank(address(dist));
        rr.finalize(id);
        assertEq(ureg.lastOutcomeBps(), 2500); // 250 kWh of 1000 kWh
    }

    function testFuzz_finalizeOutcomeBps(uint128 deliveredWh, uint64 targetKw, uint32 duration) public {
        targetKw = uint64(bound(targetKw, 1, 10_000_000));
        duration = uint32(bound(duration, 15 minutes, 4 hours));
        deliveredWh = uint128(bound(deliveredWh, 0, 1e15));
        ReductionRequests.EventParams memory p = _params(1, uint64(block.timestamp) + 1 days, duration);
        p.targetKw = targetKw;
        uint256 id = _createEventAs(utility, p);
        uint256 targetWh = (uint256(targetKw) * 1000 * duration) / 3600;
        assertEq(rr.targetWhOf(id), targetWh);
        vm.warp(p.start + duration);
        vm.startPrank(oracle);
        rr.postResults(id, deliveredWh, 0, bytes32(0));
        rr.finalize(id);
        vm.stopPrank();
        uint256 expected = (uint256(deliveredWh) * 10_000) / targetWh;
        if (expected > 10_000) expected = 10_000;
        assertEq(ureg.lastOutcomeBps(), expected);
    }

    function test_markSettledOnceAfterFinalize() public {
        uint256 id = _createEvent();
        _expectWrongStatus(id, IReductionRequests.EventStatus.Scheduled, IReductionRequests.EventStatus.Finalized);
        vm.prank(address(dist));
        rr.markSettled(id);
        _settleEvent(id, new address[](0), new uint16[](0), 0);
        _expectUnauthorized(oracle, rr.SETTLER_ROLE());
        vm.prank(oracle);
        rr.markSettled(id);
        vm.expectEmit(true, false, false, false);
        emit ReductionRequests.EventSettled(id);
        vm.prank(address(dist));
        rr.markSettled(id);
        assertTrue(rr.isSettled(id));
        vm.expectRevert(abi.encodeWithSelector(ReductionRequests.AlreadySettled.selector, id));
        vm.prank(address(dist));
        rr.markSettled(id);
    }

    // ------------------------------------------------------------------ governance

    function test_setTierAndDistributor() public {
        vm.startPrank(timelock);
        rr.setTier(2, ReductionRequests.TierParams(1 hours, 6 hours, 13_000, false));
        rr.setDistributor(IIncentiveDistributor(stranger));
        vm.stopPrank();
        ReductionRequests.TierParams memory t = rr.tierParams(2);
        assertEq(t.minNotice, 1 hours);
        assertEq(t.maxDuration, 6 hours);
        assertEq(t.incentiveMultiplierBps, 13_000);
        assertFalse(t.optOutAllowed);
        assertEq(address(rr.distributor()), stranger);
    }

    function test_governanceReverts() public {
        ReductionRequests.TierParams memory t = ReductionRequests.TierParams(0, 1 hours, 10_000, true);
        _expectUnauthorized(utility, rr.GOVERNANCE_ROLE());
        vm.prank(utility);
        rr.setTier(1, t);
        _expectUnauthorized(utility, rr.GOVERNANCE_ROLE());
        vm.prank(utility);
        rr.setDistributor(IIncentiveDistributor(stranger));
        vm.startPrank(timelock);
        vm.expectRevert(abi.encodeWithSelector(ReductionRequests.InvalidTier.selector, uint8(5)));
        rr.setTier(5, t);
        t.incentiveMultiplierBps = 0;
        vm.expectRevert(
            abi.encodeWithSelector(ReductionRequests.InvalidTierParams.selector, uint8(1), uint32(1 hours), uint16(0))
        );
        rr.setTier(1, t);
        t.incentiveMultiplierBps = 60_001;
        vm.expectRevert(
            abi.encodeWithSelector(
                ReductionRequests.InvalidTierParams.selector, uint8(1), uint32(1 hours), uint16(60_001)
            )
        );
        rr.setTier(1, t);
        t.incentiveMultiplierBps = 10_000;
        t.maxDuration = 60;
        vm.expectRevert(
            abi.encodeWithSelector(ReductionRequests.InvalidTierParams.selector, uint8(1), uint32(60), uint16(10_000))
        );
        rr.setTier(1, t);
        vm.expectRevert(abi.encodeWithSelector(PeaklabUpgradeable.ZeroAddress.selector, "distributor"));
        rr.setDistributor(IIncentiveDistributor(address(0)));
        vm.stopPrank();
    }

    function test_initializeLockedAndValidated() public {
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        rr.initialize(
            timelock,
            guardian,
            IUtilityRegistry(address(ureg)),
            IConsumerRegistry(address(creg)),
            ILoadForecast(address(lf))
        );
        ReductionRequests impl = new ReductionRequests();
        vm.expectRevert(abi.encodeWithSelector(PeaklabUpgradeable.ZeroAddress.selector, "consumers"));
        new ERC1967Proxy(address(impl), _requestsInitCall(IConsumerRegistry(address(0))));
        ReductionRequests.TierParams memory e = rr.tierParams(4);
        assertEq(e.minNotice, 10 minutes);
        assertEq(e.incentiveMultiplierBps, 20_000);
    }

    function test_gasCreateAndOptIn() public {
        uint256 g = gasleft();
        uint256 id = _createEvent();
        console.log("gas: createEvent", g - gasleft());
        address c = _register(0);
        vm.prank(c);
        g = gasleft();
        rr.optIn(id);
        console.log("gas: optIn (single)", g - gasleft());
    }
}
