// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Deployer} from "../utils/Deployer.sol";
import {SystemHandler} from "./SystemHandler.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IncentiveDistributor} from "../../src/IncentiveDistributor.sol";
import {IReductionRequests} from "../../src/interfaces/IReductionRequests.sol";
import {IUtilityRegistry} from "../../src/interfaces/IUtilityRegistry.sol";

/// @title SystemInvariantTest
/// @notice Cross-contract safety of a Deployer-built system (proxies, governor, timelock, real wiring) under
///         random bounded sequences of every actor's moves (see SystemHandler).
///         Runs × depth: the foundry.toml profiles (`default`, `ci`) set the budget; this suite trades runs for
///         depth (same calls per campaign) because a claim needs an event created, enrolled, ended, reported,
///         finalised, rooted and past its dispute window within one sequence: default 32 × 128, ci 128 × 256.
/// forge-config: default.invariant.runs = 32
/// forge-config: default.invariant.depth = 128
/// forge-config: ci.invariant.runs = 128
/// forge-config: ci.invariant.depth = 256
contract SystemInvariantTest is Deployer {
    SystemHandler internal handler;

    function setUp() public {
        vm.warp(1_750_000_000);
        deploySystem(defaultConfig());
        SystemHandler.Actors memory actors = SystemHandler.Actors({
            guardian: sys.guardian,
            oracle: sys.oracle,
            forecaster: sys.forecaster,
            kycProvider: sys.kycProvider,
            arbiter: sys.arbiter,
            regulators: sys.regulators,
            region: sys.region
        });
        handler = new SystemHandler(
            utilityRegistry,
            consumerRegistry,
            loadForecast,
            requests,
            distributor,
            grid,
            stable,
            timelock,
            governor,
            actors
        );
        // The handler mints test tokens (the timelock administers the tokens' roles).
        bytes32 minter = grid.MINTER_ROLE();
        vm.startPrank(address(timelock));
        grid.grantRole(minter, address(handler));
        stable.grantRole(minter, address(handler));
        vm.stopPrank();
        _bootstrap();

        bytes4[] memory selectors = new bytes4[](31);
        selectors[0] = SystemHandler.applyUtility.selector;
        selectors[1] = SystemHandler.attestFlags.selector;
        selectors[2] = SystemHandler.approveUtility.selector;
        selectors[3] = SystemHandler.regulatorAction.selector;
        selectors[4] = SystemHandler.withdrawBond.selector;
        selectors[5] = SystemHandler.registerConsumers.selector;
        selectors[6] = SystemHandler.attestKyc.selector;
        selectors[7] = SystemHandler.setConsent.selector;
        selectors[8] = SystemHandler.commitForecast.selector;
        selectors[9] = SystemHandler.postActuals.selector;
        selectors[10] = SystemHandler.createEvent.selector;
        selectors[11] = SystemHandler.optIn.selector;
        selectors[12] = SystemHandler.optOut.selector;
        selectors[13] = SystemHandler.cancelEvent.selector;
        selectors[14] = SystemHandler.warp.selector;
        selectors[15] = SystemHandler.postResults.selector;
        selectors[16] = SystemHandler.postOutcomesAndFinalize.selector;
        selectors[17] = SystemHandler.fund.selector;
        selectors[18] = SystemHandler.withdraw.selector;
        selectors[19] = SystemHandler.postRoot.selector;
        selectors[20] = SystemHandler.postBadRoot.selector;
        selectors[21] = SystemHandler.claim.selector;
        selectors[22] = SystemHandler.dispute.selector;
        selectors[23] = SystemHandler.resolveDispute.selector;
        selectors[24] = SystemHandler.guardianPause.selector;
        selectors[25] = SystemHandler.unpauseAttempt.selector;
        selectors[26] = SystemHandler.timelockUnpause.selector;
        selectors[27] = SystemHandler.unauthorizedChange.selector;
        selectors[28] = SystemHandler.timelockParamChange.selector;
        selectors[29] = SystemHandler.advance.selector;
        selectors[30] = SystemHandler.setPreferences.selector;
        targetContract(address(handler));
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    /// @dev Two Active utilities with three eligible consumers each, funded in both tokens — through the
    ///      handler, so the ghosts and status histories see it. Everything else is up to the fuzzer.
    function _bootstrap() internal {
        for (uint256 u; u < 2; ++u) {
            handler.applyUtility(u);
            handler.attestFlags(u, 0);
            handler.approveUtility(u, 0);
            handler.approveUtility(u, 1);
            handler.registerConsumers(u, 2);
            handler.fund(u, 0, 500e18);
            handler.fund(u, 1, 500e6);
        }
        handler.attestKyc(type(uint256).max);
        for (uint256 c; c < 6; ++c) {
            handler.setConsent(c, true);
            if (c % 3 != 2) handler.setPreferences(c, true, 3, 1); // standing opt-in, every tier, no cap
        }
    }

    // ------------------------------------------------------------------ money

    /// @dev Per token: what left the distributor (paid + withdrawn) never exceeds what came in.
    function invariant_fundedCoversPaidPerToken() public view {
        for (uint256 i; i < 2; ++i) {
            address t = handler.tokens(i);
            IncentiveDistributor.Program memory tot = distributor.tokenTotals(t);
            assertGe(tot.funded, uint256(tot.paid) + tot.withdrawn, "token totals: paid + withdrawn > funded");
            assertGe(handler.ghostFunded(t), handler.ghostPaid(t) + handler.ghostWithdrawn(t), "ghost: out > in");
            assertEq(tot.funded, handler.ghostFunded(t), "funded != ghost");
            assertEq(tot.paid, handler.ghostPaid(t), "paid != ghost");
            assertEq(tot.withdrawn, handler.ghostWithdrawn(t), "withdrawn != ghost");
        }
    }

    /// @dev Token conservation: the distributor holds exactly funded − paid − withdrawn of each token.
    function invariant_distributorBalanceConserved() public view {
        for (uint256 i; i < 2; ++i) {
            address t = handler.tokens(i);
            assertEq(
                IERC20(t).balanceOf(address(distributor)),
                handler.ghostFunded(t) - handler.ghostPaid(t) - handler.ghostWithdrawn(t),
                "balance != funded - paid - withdrawn"
            );
        }
    }

    /// @dev No consumer claimed more than its largest posted cumulative entitlement, and what the distributor
    ///      records as claimed is exactly what the consumer received; adversarial claims and withdrawals failed.
    function invariant_noConsumerClaimsMoreThanEntitlement() public view {
        for (uint256 u; u < 3; ++u) {
            address utility = handler.utilities(u);
            for (uint256 i; i < 2; ++i) {
                address t = handler.tokens(i);
                for (uint256 c; c < handler.CONSUMERS(); ++c) {
                    address consumer = handler.consumers(c);
                    uint256 claimed = distributor.claimedOf(utility, t, consumer);
                    assertLe(claimed, handler.ghostEntitled(utility, t, consumer), "claimed > entitlement");
                    assertEq(claimed, handler.ghostReceived(utility, t, consumer), "claimed != received");
                }
                IncentiveDistributor.Program memory p = distributor.programOf(utility, t);
                assertLe(uint256(p.paid) + p.withdrawn, p.funded, "program: out > in");
            }
        }
        assertEq(handler.ghostOverclaimsAccepted(), 0, "an over-claim was paid");
        assertEq(handler.ghostOverWithdrawalsAccepted(), 0, "an over-withdrawal was paid");
    }

    /// @dev Paused distributor ⇒ no token left it (checked around every handler action).
    function invariant_noPayoutsWhilePaused() public view {
        assertEq(handler.ghostPayoutsWhilePaused(), 0, "payout while paused");
    }

    // ------------------------------------------------------------------ events and settlement

    /// @dev Every event is settled by at most one root, and `isSettled` agrees with the roots that settled it.
    function invariant_eventSettledAtMostOnce() public view {
        uint256 n = handler.eventCount();
        for (uint256 i; i < n; ++i) {
            uint256 id = handler.events(i);
            uint256 count = handler.ghostSettleCount(id);
            assertLe(count, 1, "event settled twice");
            assertEq(requests.isSettled(id), count == 1, "isSettled != settled by a root");
            if (count == 1) {
                assertEq(
                    uint256(requests.statusOf(id)), uint256(IReductionRequests.EventStatus.Finalized), "settled early"
                );
                assertGt(distributor.rootOfEvent(id), 0, "settled without a root");
            }
        }
        assertEq(handler.ghostBadRootsAccepted(), 0, "a bad root was accepted");
    }

    /// @dev Only utilities that were Active at creation time created events.
    function invariant_onlyActiveUtilitiesCreateEvents() public view {
        assertEq(handler.ghostCreatedByInactiveUtility(), 0, "event created by an inactive utility");
    }

    /// @dev Utility and event status histories contain only the allowed edges.
    function invariant_statusTransitionsLegal() public view {
        uint256 unexpectedU = handler.utilityEdges() & ~allowedUtilityEdges();
        assertEq(unexpectedU, 0, "illegal utility status edge (bit = from * 8 + to)");
        uint256 unexpectedE = handler.eventEdges() & ~allowedEventEdges();
        assertEq(unexpectedE, 0, "illegal event status edge (bit = from * 8 + to)");
    }

    // ------------------------------------------------------------------ scores

    /// @dev Reputation, reliability and forecaster accuracy stay basis points in [0, 10000].
    function invariant_scoresWithinBps() public view {
        for (uint256 u; u < 3; ++u) {
            assertLe(utilityRegistry.reputationOf(handler.utilities(u)), 10_000, "reputation > 10000");
        }
        for (uint256 c; c < handler.CONSUMERS(); ++c) {
            assertLe(consumerRegistry.reliabilityOf(handler.consumers(c)), 10_000, "reliability > 10000");
        }
        (uint16 accuracy,) = loadForecast.accuracyOf(sys.forecaster);
        assertLe(accuracy, 10_000, "accuracy > 10000");
    }

    // ------------------------------------------------------------------ governance

    /// @dev Governed parameters, implementations and admin roles equal the snapshot taken after the last
    ///      timelock execution: outsiders' setter, upgrade, role-grant and unpause attempts changed nothing.
    function invariant_governedParametersOnlyViaTimelock() public view {
        assertEq(handler.paramsHash(), handler.ghostParamsHash(), "governed state changed outside the timelock");
        assertEq(handler.ghostUnauthorizedChangesAccepted(), 0, "a non-timelock admin call succeeded");
    }

    // ------------------------------------------------------------------ allowed edges

    function allowedUtilityEdges() public pure returns (uint256 m) {
        uint8 none = uint8(IUtilityRegistry.Status.None);
        uint8 pending = uint8(IUtilityRegistry.Status.Pending);
        uint8 active = uint8(IUtilityRegistry.Status.Active);
        uint8 suspended = uint8(IUtilityRegistry.Status.Suspended);
        uint8 revoked = uint8(IUtilityRegistry.Status.Revoked);
        uint8 expired = uint8(IUtilityRegistry.Status.Expired);
        m = _edge(none, pending) | _edge(pending, active) | _edge(pending, revoked);
        m |= _edge(active, suspended) | _edge(active, revoked) | _edge(active, expired);
        m |= _edge(suspended, active) | _edge(suspended, revoked) | _edge(suspended, expired);
        m |= _edge(expired, pending) | _edge(expired, revoked) | _edge(revoked, pending);
    }

    function allowedEventEdges() public pure returns (uint256 m) {
        m = _edge(uint8(IReductionRequests.EventStatus.None), uint8(IReductionRequests.EventStatus.Scheduled));
        m |= _edge(uint8(IReductionRequests.EventStatus.Scheduled), uint8(IReductionRequests.EventStatus.Active));
        m |= _edge(uint8(IReductionRequests.EventStatus.Scheduled), uint8(IReductionRequests.EventStatus.Cancelled));
        m |= _edge(uint8(IReductionRequests.EventStatus.Active), uint8(IReductionRequests.EventStatus.Settling));
        m |= _edge(uint8(IReductionRequests.EventStatus.Settling), uint8(IReductionRequests.EventStatus.Finalized));
    }

    function _edge(uint8 from, uint8 to) internal pure returns (uint256) {
        return uint256(1) << (uint256(from) * 8 + to);
    }

    // ------------------------------------------------------------------ non-vacuity

    /// @dev The handler's actions do reach every stage (a handler whose calls all failed inside try/catch would
    ///      make the invariants vacuous): event → results → finalisation → root → dispute/correction → claims,
    ///      over-claims refused, pause blocks payouts, outsiders refused, a timelock change recorded.
    function test_handlerReachesEveryStage() public {
        handler.createEvent(0, 0, 0, 3600, 1); // utility 0, tier 1, stable
        handler.createEvent(1, 3, 0, 1800, 0); // utility 1, tier 4, grid
        assertEq(handler.eventCount(), 2, "events not created");
        for (uint256 c; c < 6; ++c) {
            handler.optIn(c, c < 3 ? 0 : 1);
        }
        assertEq(requests.getEvent(handler.events(0)).optedIn, 3, "opt-ins");
        handler.warp(2 days);
        handler.warp(3 hours);
        handler.postResults(0, 7);
        handler.postResults(1, 7);
        handler.postOutcomesAndFinalize(0);
        handler.postOutcomesAndFinalize(1);
        assertEq(handler.done("finalize"), 2, "not finalised");
        handler.postRoot(0, 1);
        handler.postRoot(1, 0);
        assertEq(handler.done("root"), 2, "roots not posted");
        assertTrue(requests.isSettled(handler.events(0)), "not settled");
        handler.postBadRoot(0, false); // re-settle: refused
        handler.postBadRoot(1, true); // over funds: refused
        handler.dispute(0, 1);
        handler.resolveDispute(0, true, 12_345);
        assertEq(handler.done("upheld"), 1, "correction not applied");
        handler.warp(3 days);
        // Paused distributor: a claimable leaf exists, yet neither a claim nor a withdrawal moves a token.
        handler.guardianPause(4 << 2); // k % 4 == 0 pauses proxies[(k >> 2) % 5] = the distributor
        assertTrue(distributor.paused(), "not paused");
        uint256 held = stable.balanceOf(address(distributor));
        uint256 claimsBefore = handler.done("claim");
        handler.claim(0, 1, 0);
        handler.withdraw(0, 1, 1);
        assertEq(handler.done("claim"), claimsBefore, "claim while paused");
        assertEq(stable.balanceOf(address(distributor)), held, "tokens left a paused distributor");
        handler.timelockUnpause(4);
        assertFalse(distributor.paused(), "not unpaused");
        uint256 claims;
        for (uint256 c; c < 6; ++c) {
            handler.claim(c, c < 3 ? 1 : 0, 0);
            handler.claim(c, c < 3 ? 1 : 0, 2); // over-claim: refused
        }
        claims = handler.done("claim");
        assertGt(claims, 0, "no claim paid");
        assertGt(handler.ghostPaid(address(stable)), 0, "nothing paid in stable");
        assertGt(handler.ghostEntitled(handler.utilities(0), address(stable), handler.consumers(0)), 0, "entitled");
        handler.guardianPause(4 << 2);
        handler.unpauseAttempt(4, 0); // guardian: refused
        handler.timelockUnpause(4);
        assertFalse(distributor.paused(), "not unpaused");
        handler.unauthorizedChange(8, 0, 1); // outsider setMinBond: refused
        handler.unauthorizedChange(7, 14, 1); // governor upgrade: refused
        handler.timelockParamChange(10, 7 hours);
        assertEq(distributor.disputeWindow(), 7 hours, "timelock change not applied");
        handler.withdraw(0, 1, 1);
        assertGt(handler.done("withdraw"), 0, "no withdrawal");
        invariant_fundedCoversPaidPerToken();
        invariant_distributorBalanceConserved();
        invariant_noConsumerClaimsMoreThanEntitlement();
        invariant_noPayoutsWhilePaused();
        invariant_eventSettledAtMostOnce();
        invariant_onlyActiveUtilitiesCreateEvents();
        invariant_statusTransitionsLegal();
        invariant_scoresWithinBps();
        invariant_governedParametersOnlyViaTimelock();
    }

    /// @dev The edge recorder sees a utility's lifecycle, and an inactive utility's create attempt is refused.
    function test_statusHistoryRecordsUtilityLifecycle() public {
        handler.regulatorAction(0, 2); // suspend utility 0
        handler.createEvent(0, 0, 0, 3600, 1); // refused: suspended
        assertEq(handler.eventCount(), 0, "suspended utility created an event");
        handler.regulatorAction(0, 5); // reinstate
        handler.regulatorAction(0, 0); // revoke
        uint256 edges = handler.utilityEdges();
        assertTrue(edges & _edge(2, 3) != 0, "Active -> Suspended not seen");
        assertTrue(edges & _edge(3, 2) != 0, "Suspended -> Active not seen");
        assertTrue(edges & _edge(2, 4) != 0, "Active -> Revoked not seen");
        invariant_statusTransitionsLegal();
        invariant_onlyActiveUtilitiesCreateEvents();
    }
}
