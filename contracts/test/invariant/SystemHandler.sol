// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Test} from "../utils/Test.sol";
import {MerkleBuilder} from "../utils/MerkleBuilder.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {GridToken} from "../../src/tokens/GridToken.sol";
import {StableToken} from "../../src/tokens/StableToken.sol";
import {PeaklabGovernor} from "../../src/governance/PeaklabGovernor.sol";
import {PeaklabUpgradeable} from "../../src/base/PeaklabUpgradeable.sol";
import {UtilityRegistry} from "../../src/UtilityRegistry.sol";
import {ConsumerRegistry} from "../../src/ConsumerRegistry.sol";
import {LoadForecast} from "../../src/LoadForecast.sol";
import {ReductionRequests} from "../../src/ReductionRequests.sol";
import {IncentiveDistributor} from "../../src/IncentiveDistributor.sol";
import {IReductionRequests} from "../../src/interfaces/IReductionRequests.sol";

/// @title SystemHandler
/// @notice Drives a Deployer-built peaklab system through random, bounded sequences of every actor's moves —
///         utilities apply / get approved / suspended / reinstated / revoked; consumers are registered in
///         batches, KYC'd, give and withdraw consent; forecasts are committed and scored; events are created,
///         opted in and out of, cancelled, run, reported and finalised; Merkle roots of cumulative entitlements
///         (real trees, built here) are posted, claimed, over-claimed, disputed and corrected; programs are
///         funded and withdrawn; the guardian pauses; outsiders try to unpause and to change governed
///         parameters; the timelock changes parameters (schedule by the governor, execute after the delay).
///         Ghost variables record what the invariants compare against the contracts.
/// @dev Every action starts at the handler's own clock (`clock`), so time only moves through `warp` and timelock
///      executions, whatever the invariant runner does to the block environment between calls.
contract SystemHandler is Test {
    /// @notice The actors of the deployment the handler plays.
    struct Actors {
        address guardian;
        address oracle;
        address forecaster;
        address kycProvider;
        address arbiter;
        address[] regulators;
        uint32 region;
    }

    uint256 public constant CONSUMERS = 9;
    uint256 public constant MAX_EVENTS = 40;
    uint256 internal constant COMMITTED_WH = 8000; // every consumer commits 8 kWh per event
    bytes32 internal constant IMPLEMENTATION_SLOT = 0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc;

    UtilityRegistry public ur;
    ConsumerRegistry public cr;
    LoadForecast public lf;
    ReductionRequests public rr;
    IncentiveDistributor public dist;
    GridToken public grid;
    StableToken public stable;
    TimelockController public timelock;
    PeaklabGovernor public governor;
    Actors internal a;

    address[3] public utilities = [address(0x0717A), address(0x0717B), address(0x0717C)];
    address[] public consumers;
    address[2] public tokens;
    address[5] public proxies;
    address public outsider = address(0xBAD);
    address internal spareImplementation;

    // ------------------------------------------------------------------ clock and bookkeeping
    uint256 public clock;
    uint256 public nextConsumer; // consumers[0 .. nextConsumer) are registered
    mapping(address consumer => address utility) public servingOf;
    uint256[] public events;
    mapping(uint256 eventId => mapping(address consumer => uint256)) public deliveredWh;
    uint256[] public disputes;
    uint256 internal _timelockSalt;

    // ------------------------------------------------------------------ ghosts
    mapping(address token => uint256) public ghostFunded;
    mapping(address token => uint256) public ghostPaid;
    mapping(address token => uint256) public ghostWithdrawn;
    /// @dev Largest cumulative ever posted for an account in a program (utility, token).
    mapping(address utility => mapping(address token => mapping(address account => uint256))) public ghostEntitled;
    /// @dev What each account actually received from a program.
    mapping(address utility => mapping(address token => mapping(address account => uint256))) public ghostReceived;
    mapping(uint256 eventId => uint256) public ghostSettleCount;
    /// @dev Leaves (account, cumulative) of each root's current version.
    mapping(uint256 rootId => address[]) internal _rootAccounts;
    mapping(uint256 rootId => uint256[]) internal _rootCumulatives;

    uint256 public ghostCreatedByInactiveUtility;
    uint256 public ghostPayoutsWhilePaused;
    uint256 public ghostOverclaimsAccepted;
    uint256 public ghostOverWithdrawalsAccepted;
    uint256 public ghostBadRootsAccepted;
    uint256 public ghostUnauthorizedChangesAccepted;
    bytes32 public ghostParamsHash;

    /// @dev Observed status edges, bit (from * 8 + to).
    uint256 public utilityEdges;
    uint256 public eventEdges;
    mapping(address utility => uint8) internal _lastUtilityStatus;
    mapping(uint256 eventId => uint8) internal _lastEventStatus;

    /// @dev Successful actions by kind (non-vacuity).
    mapping(bytes32 kind => uint256) public done;

    constructor(
        UtilityRegistry ur_,
        ConsumerRegistry cr_,
        LoadForecast lf_,
        ReductionRequests rr_,
        IncentiveDistributor dist_,
        GridToken grid_,
        StableToken stable_,
        TimelockController timelock_,
        PeaklabGovernor governor_,
        Actors memory actors
    ) {
        (ur, cr, lf, rr, dist) = (ur_, cr_, lf_, rr_, dist_);
        (grid, stable, timelock, governor) = (grid_, stable_, timelock_, governor_);
        a = actors;
        tokens = [address(grid_), address(stable_)];
        proxies = [address(ur_), address(cr_), address(lf_), address(rr_), address(dist_)];
        for (uint256 i; i < CONSUMERS; ++i) {
            consumers.push(address(uint160(0xC0DE00 + i)));
        }
        spareImplementation = address(new ConsumerRegistry());
        clock = block.timestamp;
        ghostParamsHash = paramsHash();
    }

    /// @dev Pins the clock, and afterwards records status edges and any outflow from a paused distributor.
    modifier step() {
        vm.warp(clock);
        bool distPaused = dist.paused();
        uint256 g0 = grid.balanceOf(address(dist));
        uint256 s0 = stable.balanceOf(address(dist));
        _;
        if (distPaused && (grid.balanceOf(address(dist)) < g0 || stable.balanceOf(address(dist)) < s0)) {
            ++ghostPayoutsWhilePaused;
        }
        _observe();
    }

    // ================================================================== utilities and regulators

    function applyUtility(uint256 uSeed) external step {
        address u = utilities[uSeed % 3];
        uint256 bond = ur.config().minBond;
        grid.mint(u, bond);
        vm.prank(u);
        grid.approve(address(ur), bond);
        vm.prank(u);
        try ur.submitApplication(keccak256(abi.encode("credentials", u)), "ipfs://utility", bond) {
            ++done["apply"];
        } catch {}
    }

    function attestFlags(uint256 uSeed, uint256 rSeed) external step {
        address u = utilities[uSeed % 3];
        address r = a.regulators[rSeed % a.regulators.length];
        uint64 expiry = uint64(clock + 2 * 365 days);
        for (uint8 f; f < 2; ++f) {
            vm.prank(r);
            try ur.attestCompliance(u, f, expiry) {} catch {}
        }
    }

    function approveUtility(uint256 uSeed, uint256 rSeed) external step {
        address u = utilities[uSeed % 3];
        vm.prank(a.regulators[rSeed % a.regulators.length]);
        try ur.approveUtility(u) {
            ++done["approve"];
        } catch {}
    }

    /// @dev kind % 8: 0 revoke, 1 withdraw a compliance flag, 2-4 suspend, 5-7 reinstate.
    function regulatorAction(uint256 uSeed, uint256 kind) external step {
        address u = utilities[uSeed % 3];
        uint256 k = kind % 8;
        vm.prank(a.regulators[kind % a.regulators.length]);
        if (k == 0) {
            try ur.revoke(u, keccak256("revoke")) {
                ++done["revoke"];
            } catch {}
        } else if (k == 1) {
            try ur.revokeCompliance(u, uint8(kind % 2)) {} catch {}
        } else if (k < 5) {
            try ur.suspend(u, keccak256("suspend")) {
                ++done["suspend"];
            } catch {}
        } else {
            try ur.reinstate(u) {
                ++done["reinstate"];
            } catch {}
        }
    }

    /// @dev A revoked or expired utility takes its bond back once unlocked (the path back to a new application).
    function withdrawBond(uint256 uSeed) external step {
        vm.prank(utilities[uSeed % 3]);
        try ur.withdrawBond() {
            ++done["withdrawBond"];
        } catch {}
    }

    // ================================================================== consumers

    function registerConsumers(uint256 uSeed, uint256 nSeed) external step {
        address u = utilities[uSeed % 3];
        uint256 n = 1 + nSeed % 3;
        if (nextConsumer + n > CONSUMERS) n = CONSUMERS - nextConsumer;
        if (n == 0) return;
        ConsumerRegistry.Registration[] memory regs = new ConsumerRegistry.Registration[](n);
        for (uint256 i; i < n; ++i) {
            address c = consumers[nextConsumer + i];
            regs[i] = ConsumerRegistry.Registration(
                c, keccak256(abi.encode("profile", c)), keccak256(abi.encode("ptr", c)), keccak256(abi.encode("m", c))
            );
        }
        vm.prank(u);
        try cr.registerBatch(regs) {
            for (uint256 i; i < n; ++i) {
                servingOf[consumers[nextConsumer + i]] = u;
            }
            nextConsumer += n;
            ++done["register"];
        } catch {}
    }

    /// @dev KYC for the registered consumers whose bit is set in `mask`.
    function attestKyc(uint256 mask) external step {
        uint256 n;
        address[] memory list = new address[](nextConsumer);
        for (uint256 i; i < nextConsumer; ++i) {
            if ((mask >> i) & 1 == 1) list[n++] = consumers[i];
        }
        assembly {
            mstore(list, n)
        }
        vm.prank(a.kycProvider);
        try cr.attestKyc(list, uint64(clock + 365 days)) {
            ++done["kyc"];
        } catch {}
    }

    function setConsent(uint256 cSeed, bool granted) external step {
        vm.prank(consumers[cSeed % CONSUMERS]);
        try cr.setParticipationConsent(granted) {} catch {}
    }

    /// @dev A consumer sets its preferences: standing opt-in on or off, highest tier, monthly cap (0 = none).
    function setPreferences(uint256 cSeed, bool autoEnroll, uint256 tierSeed, uint256 capSeed) external step {
        ConsumerRegistry.Preferences memory p = ConsumerRegistry.Preferences({
            maxTier: uint8(1 + tierSeed % 4),
            maxEventsPerMonth: uint8(capSeed % 4 == 0 ? 1 + capSeed % 5 : 0),
            autoEnroll: autoEnroll,
            availability: type(uint256).max >> 88,
            payoutToken: address(0),
            payoutAddress: address(0)
        });
        vm.prank(consumers[cSeed % CONSUMERS]);
        try cr.setPreferences(p) {
            ++done["preferences"];
        } catch {}
    }

    // ================================================================== forecasts

    function commitForecast(uint256 daySeed, uint256 kwSeed) external step {
        uint32 day = uint32(clock / 1 days + 1 + bound(daySeed, 0, 3));
        uint256 base = bound(kwSeed, 500, 1800);
        uint32[24] memory kw;
        for (uint256 h; h < 24; ++h) {
            kw[h] = uint32(base + (h * 37) % 300);
        }
        uint256[2] memory packed = lf.pack(kw);
        vm.prank(a.forecaster);
        try lf.commitForecast(a.region, day, 1, packed) {
            ++done["forecast"];
        } catch {}
    }

    function postActuals(uint256 daySeed, uint256 kwSeed) external step {
        uint256 today = clock / 1 days;
        uint256 back = 1 + bound(daySeed, 0, 4);
        if (today < back) return;
        uint32 day = uint32(today - back);
        uint256 base = bound(kwSeed, 400, 2000);
        uint32[24] memory kw;
        for (uint256 h; h < 24; ++h) {
            kw[h] = uint32(base + (h * 13) % 200);
        }
        uint256[2] memory packed = lf.pack(kw);
        vm.prank(a.oracle);
        try lf.postActuals(a.region, day, packed) {
            ++done["actuals"];
        } catch {}
    }

    // ================================================================== events

    function createEvent(uint256 uSeed, uint256 tierSeed, uint256 startSeed, uint256 durSeed, uint256 tSeed)
        external
        step
    {
        if (events.length >= MAX_EVENTS) return;
        address u = utilities[uSeed % 3];
        ReductionRequests.EventParams memory p = _newEvent(tierSeed, startSeed, durSeed, tSeed);
        bool wasActive = ur.isActive(u);
        vm.prank(u);
        try rr.createEvent(p) returns (uint256 id) {
            if (!wasActive) ++ghostCreatedByInactiveUtility;
            events.push(id);
            ++done["create"];
        } catch {}
    }

    /// @dev Consumers served by the event's utility and not committed yet opt in: the first one from the
    ///      seeded index, and every other one whose bit in `cSeed` is set.
    function optIn(uint256 cSeed, uint256 eSeed) external step {
        (bool found, uint256 id) = _findEvent(eSeed, IReductionRequests.EventStatus.Scheduled);
        if (!found) return;
        address u = rr.getEvent(id).utility;
        bool first = true;
        for (uint256 k; k < CONSUMERS; ++k) {
            address c = consumers[(cSeed % CONSUMERS + k) % CONSUMERS];
            if (servingOf[c] != u || rr.isOptedIn(id, c)) continue;
            if (!first && (cSeed >> (8 + k)) & 1 == 0) continue;
            first = false;
            vm.prank(c);
            try rr.optIn(id) {
                ++done["optIn"];
            } catch {}
        }
    }

    function optOut(uint256 cSeed, uint256 eSeed) external step {
        if (events.length == 0) return;
        uint256 id = events[eSeed % events.length];
        vm.prank(consumers[cSeed % CONSUMERS]);
        try rr.optOut(id) {
            ++done["optOut"];
        } catch {}
    }

    function cancelEvent(uint256 eSeed) external step {
        if (events.length == 0) return;
        uint256 id = events[eSeed % events.length];
        address u = rr.getEvent(id).utility;
        vm.prank(u);
        try rr.cancel(id) {
            ++done["cancel"];
        } catch {}
    }

    /// @dev Time passes (1 s .. 3 days); on even `dt` the off-chain keepers (oracle, claimers) then react as in
    ///      `advance`.
    function warp(uint256 dt) external step {
        clock += bound(dt, 1, 3 days);
        vm.warp(clock);
        if (dt % 2 == 0) _progress(dt >> 1);
    }

    function postResults(uint256 eSeed, uint256 seed) external step {
        (bool found, uint256 id) = _findEvent(eSeed, IReductionRequests.EventStatus.Active);
        if (found) _postResults(id, seed);
    }

    /// @dev Reports every committed consumer's outcome for a Settling event and finalises it.
    function postOutcomesAndFinalize(uint256 eSeed) external step {
        (bool found, uint256 id) = _findEvent(eSeed, IReductionRequests.EventStatus.Settling);
        if (found) _finalize(id);
    }

    /// @dev Guided progress: takes every event as far as it can go now — results for an ended Active event,
    ///      outcomes + finalisation once Settling, a root once Finalized and unsettled — then makes an honest
    ///      claim. Every step is the same call the single-stage actions make, by the same actor; it only makes
    ///      deep states (roots, claims, disputes of real roots) likely within a run's depth.
    function advance(uint256 seed) external step {
        _progress(seed);
    }

    // ================================================================== programs and settlement

    function fund(uint256 uSeed, uint256 tSeed, uint256 amountSeed) external step {
        address u = utilities[uSeed % 3];
        address t = tokens[tSeed % 2];
        _fund(u, t, bound(amountSeed, 1, t == address(grid) ? 1000e18 : 1000e6));
    }

    /// @dev Withdraws up to 1.5× what is withdrawable: more than that must be refused.
    function withdraw(uint256 uSeed, uint256 tSeed, uint256 amountSeed) external step {
        address u = utilities[uSeed % 3];
        address t = tokens[tSeed % 2];
        uint256 available = dist.withdrawable(u, t);
        uint256 amount = bound(amountSeed, 1, available + available / 2 + 1);
        uint256 before = IERC20(t).balanceOf(address(dist));
        vm.prank(u);
        try dist.withdraw(t, amount) {
            ghostWithdrawn[t] += before - IERC20(t).balanceOf(address(dist));
            if (amount > available) ++ghostOverWithdrawalsAccepted;
            ++done["withdraw"];
        } catch {}
    }

    /// @dev Settles every Finalized, unsettled event of a program (the first, from the seeded one, that has
    ///      any) with a root of cumulative entitlements (previous entitlement + this batch's quotes per
    ///      consumer), funding any shortfall first.
    function postRoot(uint256 uSeed, uint256 tSeed) external step {
        address u;
        address t;
        uint256[] memory ids;
        for (uint256 k; k < 6 && ids.length == 0; ++k) {
            u = utilities[(uSeed % 3 + k) % 3];
            t = tokens[(tSeed % 2 + k / 3) % 2];
            ids = _settleableEvents(u, t);
        }
        _postRoot(u, t, ids);
    }

    /// @dev Adversarial roots: re-settling an already settled event, or declaring more than the program holds.
    function postBadRoot(uint256 eSeed, bool overFunds) external step {
        if (events.length == 0) return;
        uint256 id = events[eSeed % events.length];
        ReductionRequests.Event memory e = rr.getEvent(id);
        IncentiveDistributor.Program memory p = dist.programOf(e.utility, e.token);
        uint256[] memory ids = new uint256[](1);
        ids[0] = id;
        uint256 available = p.funded - p.withdrawn;
        if (!overFunds && !e.settled) return; // only a genuine double settlement is adversarial
        uint128 total = overFunds ? uint128(available + 1) : 0;
        vm.prank(a.oracle);
        try dist.postRoot(e.utility, e.token, keccak256(abi.encode("bad", id)), total, ids) {
            ++ghostBadRootsAccepted;
            ++ghostSettleCount[id];
        } catch {}
    }

    /// @dev mode % 4: 0-1 an honest claim of the claimable root's leaf; 2 that leaf plus one (over-claim);
    ///      3 the newest root's leaf even if it is not claimable yet, or a repeat of a paid claim.
    function claim(uint256 cSeed, uint256 tSeed, uint256 mode) external step {
        _claimAny(cSeed, tSeed, mode);
    }

    /// @dev Claims for the first consumer (from the seeded one) that has a leaf in the root `mode` picks.
    function _claimAny(uint256 cSeed, uint256 tSeed, uint256 mode) internal {
        uint256 m = mode % 4;
        for (uint256 k; k < 2 * CONSUMERS; ++k) {
            address c = consumers[(cSeed % CONSUMERS + k) % CONSUMERS];
            address u = servingOf[c];
            if (u == address(0)) continue;
            address t = tokens[(tSeed % 2 + k / CONSUMERS) % 2];
            uint256 rootId = dist.claimableRootOf(u, t);
            if (m == 3) {
                uint256[] memory all = dist.rootsOf(u, t);
                if (all.length != 0) rootId = all[all.length - 1];
            }
            (bool inTree, uint256 cum) = _leafOf(rootId, c);
            if (!inTree || (m < 2 && cum <= dist.claimedOf(u, t, c))) continue;
            _claimAs(u, t, c, m == 2 ? cum + 1 : cum, _proof(rootId, c, cum));
            return;
        }
    }

    /// @dev Submits the claim; legitimate only if the root claims use now holds exactly (c, asked) and asked
    ///      exceeds what c already claimed — any other success is an accepted over-claim.
    function _claimAs(address u, address t, address c, uint256 asked, bytes32[] memory proof) internal {
        (bool inClaimable, uint256 claimableCum) = _leafOf(dist.claimableRootOf(u, t), c);
        bool legit = inClaimable && claimableCum == asked && asked > dist.claimedOf(u, t, c);
        uint256 before = IERC20(t).balanceOf(c);
        try dist.claim(u, t, c, asked, proof) {
            uint256 got = IERC20(t).balanceOf(c) - before;
            ghostPaid[t] += got;
            ghostReceived[u][t][c] += got;
            if (!legit) ++ghostOverclaimsAccepted;
            ++done["claim"];
        } catch {}
    }

    /// @dev The first consumer (from the seeded one) whose program's newest root is still in its dispute window
    ///      disputes it (a served consumer, once per root version).
    function dispute(uint256 cSeed, uint256 tSeed) external step {
        for (uint256 k; k < 2 * CONSUMERS; ++k) {
            address c = consumers[(cSeed % CONSUMERS + k) % CONSUMERS];
            address u = servingOf[c];
            if (u == address(0)) continue;
            uint256[] memory all = dist.rootsOf(u, tokens[(tSeed % 2 + k / CONSUMERS) % 2]);
            if (all.length == 0) continue;
            uint256 rootId = all[all.length - 1];
            if (clock >= dist.rootOf(rootId).claimableAt) continue;
            vm.prank(c);
            try dist.dispute(rootId, keccak256(abi.encode("evidence", c))) returns (uint256 id) {
                disputes.push(id);
                ++done["dispute"];
            } catch {}
            return;
        }
    }

    /// @dev The arbiter rejects, or upholds with a corrected root that raises the disputer's cumulative by
    ///      `bump` (the program is topped up when the corrected total needs it).
    function resolveDispute(uint256 dSeed, bool upheld, uint256 bump) external step {
        uint256 n = disputes.length;
        uint256 did;
        IncentiveDistributor.Dispute memory d;
        for (uint256 k; k < n; ++k) {
            did = disputes[(dSeed % n + k) % n];
            d = dist.disputeOf(did);
            if (d.status == IncentiveDistributor.DisputeStatus.Open) break;
        }
        if (n == 0 || d.status != IncentiveDistributor.DisputeStatus.Open) return;
        if (upheld) {
            _uphold(did, d, bump);
        } else {
            vm.prank(a.arbiter);
            try dist.resolveDispute(did, false, bytes32(0), 0) {
                ++done["rejected"];
            } catch {}
        }
    }

    // ================================================================== pause and governance

    /// @dev The guardian pauses one contract on a quarter of the calls (a pause freezes most of the pipeline, so
    ///      pausing on every call would keep the runs shallow).
    function guardianPause(uint256 k) external step {
        if (k % 4 != 0) return;
        vm.prank(a.guardian);
        try PeaklabUpgradeable(proxies[(k >> 2) % 5]).pause() {
            ++done["pause"];
        } catch {}
    }

    /// @dev Anyone but the timelock (guardian included) tries to lift a pause: it must never work. If the target
    ///      is not paused the guardian pauses it first, and governance lifts that pause afterwards (the attempt
    ///      is only meaningful against a paused contract).
    function unpauseAttempt(uint256 k, uint256 actorSeed) external step {
        PeaklabUpgradeable target = PeaklabUpgradeable(proxies[k % 5]);
        bool pausedHere;
        if (!target.paused()) {
            vm.prank(a.guardian);
            target.pause();
            pausedHere = true;
        }
        vm.prank(_nonTimelockActor(actorSeed));
        try target.unpause() {
            ++ghostUnauthorizedChangesAccepted;
        } catch {}
        if (address(target) == address(dist) && dist.paused()) _payoutAttemptsWhilePaused(actorSeed);
        if (pausedHere && target.paused()) {
            _viaTimelock(address(target), abi.encodeCall(PeaklabUpgradeable.unpause, ()));
        }
    }

    /// @dev While the distributor is paused, a consumer claims and a utility withdraws: neither may move tokens.
    function _payoutAttemptsWhilePaused(uint256 seed) internal {
        uint256 g0 = grid.balanceOf(address(dist));
        uint256 s0 = stable.balanceOf(address(dist));
        _claimAny(seed, seed >> 8, 0);
        address u = utilities[seed % 2];
        address t = tokens[(seed >> 1) % 2];
        uint256 amount = dist.withdrawable(u, t);
        if (amount != 0) {
            vm.prank(u);
            try dist.withdraw(t, amount) {
                ghostWithdrawn[t] += amount;
            } catch {}
        }
        if (grid.balanceOf(address(dist)) < g0 || stable.balanceOf(address(dist)) < s0) ++ghostPayoutsWhilePaused;
    }

    /// @dev Governance lifts a pause: the first paused contract from the seeded one (nothing if none is).
    function timelockUnpause(uint256 k) external step {
        for (uint256 i; i < 5; ++i) {
            address target = proxies[(k % 5 + i) % 5];
            if (!PeaklabUpgradeable(target).paused()) continue;
            if (_viaTimelock(target, abi.encodeCall(PeaklabUpgradeable.unpause, ()))) ++done["unpause"];
            return;
        }
    }

    /// @dev A non-timelock actor tries a governed setter, an upgrade, a role grant or a timelock/governor setting.
    function unauthorizedChange(uint256 actorSeed, uint256 which, uint256 value) external step {
        address actor = _nonTimelockActor(actorSeed);
        (address target, bytes memory data) = _adminCall(which % 18, value, actor);
        vm.prank(actor);
        // solhint-disable-next-line avoid-low-level-calls
        (bool ok,) = target.call(data);
        if (ok) ++ghostUnauthorizedChangesAccepted;
    }

    /// @dev The legitimate path: the governor schedules, the delay passes, anyone executes.
    function timelockParamChange(uint256 which, uint256 value) external step {
        (address target, bytes memory data) = _adminCall(which % 14, value, address(0));
        if (_viaTimelock(target, data)) ++done["timelockChange"];
    }

    // ================================================================== views for the invariants

    /// @notice Hash of every governed parameter, implementation and admin power the invariants watch.
    function paramsHash() public view returns (bytes32) {
        return
            keccak256(
                abi.encode(_registryParams(), _eventParams(), _payoutParams(), _implementations(), _adminPowers())
            );
    }

    function eventCount() external view returns (uint256) {
        return events.length;
    }

    function disputeCount() external view returns (uint256) {
        return disputes.length;
    }

    // ================================================================== internal

    function _observe() internal {
        for (uint256 i; i < 3; ++i) {
            address u = utilities[i];
            uint8 s = uint8(ur.statusOf(u));
            uint8 last = _lastUtilityStatus[u];
            if (s != last) {
                utilityEdges |= uint256(1) << (uint256(last) * 8 + s);
                _lastUtilityStatus[u] = s;
            }
        }
        for (uint256 i; i < events.length; ++i) {
            uint256 id = events[i];
            uint8 s = uint8(rr.statusOf(id));
            uint8 last = _lastEventStatus[id];
            if (s != last) {
                eventEdges |= uint256(1) << (uint256(last) * 8 + s);
                _lastEventStatus[id] = s;
            }
        }
    }

    function _fund(address u, address t, uint256 amount) internal {
        if (t == address(grid)) grid.mint(u, amount);
        else stable.mint(u, amount);
        vm.prank(u);
        IERC20(t).approve(address(dist), amount);
        uint256 before = IERC20(t).balanceOf(address(dist));
        vm.prank(u);
        try dist.fund(t, amount) {
            ghostFunded[t] += IERC20(t).balanceOf(address(dist)) - before;
            ++done["fund"];
        } catch {}
    }

    function _viaTimelock(address target, bytes memory data) internal returns (bool ok) {
        bytes32 salt = bytes32(++_timelockSalt);
        uint256 delay = timelock.getMinDelay();
        vm.prank(address(governor));
        timelock.schedule(target, 0, data, bytes32(0), salt, delay);
        clock += delay;
        vm.warp(clock);
        try timelock.execute(target, 0, data, bytes32(0), salt) {
            ok = true;
        } catch {}
        ghostParamsHash = paramsHash(); // the only place governed parameters may legitimately change
    }

    function _newEvent(uint256 tierSeed, uint256 startSeed, uint256 durSeed, uint256 tSeed)
        internal
        view
        returns (ReductionRequests.EventParams memory p)
    {
        uint8 tier = uint8(1 + tierSeed % 4);
        ReductionRequests.TierParams memory tp = rr.tierParams(tier);
        address t = tokens[tSeed % 2];
        p = ReductionRequests.EventParams({
            region: a.region,
            start: uint64(clock + tp.minNotice + bound(startSeed, 0, 2 days)),
            duration: uint32(bound(durSeed, 15 minutes, tp.maxDuration)),
            tier: tier,
            targetKw: uint64(5 + tierSeed % 40),
            rate: t == address(grid) ? 1.5e17 : 150_000,
            baselineMethodId: 1,
            token: t
        });
    }

    function _progress(uint256 seed) internal {
        _observe(); // time may just have moved events from Scheduled to Active
        uint256 n = events.length;
        for (uint256 k; k < n; ++k) {
            uint256 id = events[k];
            if (rr.statusOf(id) == IReductionRequests.EventStatus.Scheduled) _enrollAuto(id);
            // Status edges are recorded after each stage, so a multi-stage step still leaves a full history.
            if (rr.statusOf(id) == IReductionRequests.EventStatus.Active) _postResults(id, seed);
            _observe();
            if (rr.statusOf(id) == IReductionRequests.EventStatus.Settling) _finalize(id);
            _observe();
            if (rr.statusOf(id) == IReductionRequests.EventStatus.Finalized && !rr.isSettled(id)) {
                (address u, address t) = rr.eventPayer(id);
                _postRoot(u, t, _settleableEvents(u, t));
            }
        }
        _claimAny(seed, seed >> 8, 0);
    }

    /// @dev A keeper materialises the standing opt-ins of every registered consumer (the contract skips those
    ///      without autoEnroll, served by another utility, opted out or ineligible).
    function _enrollAuto(uint256 id) internal {
        address[] memory list = new address[](nextConsumer);
        for (uint256 i; i < nextConsumer; ++i) {
            list[i] = consumers[i];
        }
        try rr.enrollAuto(id, list) returns (uint32 added) {
            if (added != 0) ++done["enrollAuto"];
        } catch {}
    }

    function _postResults(uint256 id, uint256 seed) internal {
        ReductionRequests.Event memory e = rr.getEvent(id);
        if (clock < e.start + e.duration) return;
        uint256 total;
        uint32 positive;
        for (uint256 i; i < nextConsumer; ++i) {
            address c = consumers[i];
            if (!rr.isOptedIn(id, c)) continue;
            uint256 d = uint256(keccak256(abi.encode(seed, c))) % 12_001;
            if (d % 5 == 0) d = 0;
            deliveredWh[id][c] = d;
            total += d;
            if (d != 0) ++positive;
        }
        vm.prank(a.oracle);
        try rr.postResults(id, uint128(total), positive, keccak256(abi.encode("results", id))) {
            ++done["results"];
        } catch {}
    }

    function _finalize(uint256 id) internal {
        (address[] memory who, uint16[] memory outcomes) = _outcomes(id);
        vm.prank(a.oracle);
        try rr.postOutcomes(id, who, outcomes) {
            vm.prank(a.oracle);
            try rr.finalize(id) {
                ++done["finalize"];
            } catch {}
        } catch {}
    }

    function _findEvent(uint256 seed, IReductionRequests.EventStatus want) internal view returns (bool, uint256) {
        uint256 n = events.length;
        for (uint256 k; k < n; ++k) {
            uint256 id = events[(seed % n + k) % n];
            if (rr.statusOf(id) == want) return (true, id);
        }
        return (false, 0);
    }

    function _outcomes(uint256 id) internal view returns (address[] memory who, uint16[] memory outcomes) {
        who = new address[](nextConsumer);
        outcomes = new uint16[](nextConsumer);
        uint256 n;
        for (uint256 i; i < nextConsumer; ++i) {
            address c = consumers[i];
            if (!rr.isOptedIn(id, c)) continue;
            uint256 d = deliveredWh[id][c];
            who[n] = c;
            outcomes[n++] = uint16(d >= COMMITTED_WH ? 10_000 : (d * 10_000) / COMMITTED_WH);
        }
        assembly {
            mstore(who, n)
            mstore(outcomes, n)
        }
    }

    function _postRoot(address u, address t, uint256[] memory ids) internal {
        if (ids.length == 0) return;
        (address[] memory accts, uint256[] memory cums, uint256 total) = _nextLeaves(u, t, ids);
        _topUp(u, t, total);
        bytes32 root = _root(accts, cums);
        vm.prank(a.oracle);
        try dist.postRoot(u, t, root, uint128(total), ids) returns (uint256 rootId) {
            _setLeaves(rootId, u, t, accts, cums);
            for (uint256 i; i < ids.length; ++i) {
                ++ghostSettleCount[ids[i]];
            }
            ++done["root"];
        } catch {}
    }

    function _settleableEvents(address u, address t) internal view returns (uint256[] memory ids) {
        ids = new uint256[](events.length);
        uint256 n;
        for (uint256 i; i < events.length; ++i) {
            uint256 id = events[i];
            if (rr.statusOf(id) != IReductionRequests.EventStatus.Finalized || rr.isSettled(id)) continue;
            (address eu, address et) = rr.eventPayer(id);
            if (eu == u && et == t) ids[n++] = id;
        }
        assembly {
            mstore(ids, n)
        }
    }

    /// @dev The program's next leaves: every consumer served by `u`, previous entitlement + quotes of `ids`.
    function _nextLeaves(address u, address t, uint256[] memory ids)
        internal
        view
        returns (address[] memory accts, uint256[] memory cums, uint256 total)
    {
        accts = new address[](nextConsumer + 1);
        cums = new uint256[](nextConsumer + 1);
        uint256 n;
        for (uint256 i; i < nextConsumer; ++i) {
            address c = consumers[i];
            if (servingOf[c] != u) continue;
            uint256 cum = ghostEntitled[u][t][c];
            for (uint256 k; k < ids.length; ++k) {
                if (rr.isOptedIn(ids[k], c)) cum += dist.quotePayout(ids[k], deliveredWh[ids[k]][c], COMMITTED_WH);
            }
            accts[n] = c;
            cums[n++] = cum;
            total += cum;
        }
        if (n == 0) accts[n++] = u; // a root needs a leaf: the utility itself, entitled to nothing
        assembly {
            mstore(accts, n)
            mstore(cums, n)
        }
    }

    function _corrected(uint256 rootId, address disputer, uint256 bump, IncentiveDistributor.Root memory r)
        internal
        view
        returns (address[] memory accts, uint256[] memory cums, uint256 total)
    {
        address[] storage oldA = _rootAccounts[rootId];
        uint256[] storage oldC = _rootCumulatives[rootId];
        bool present;
        for (uint256 i; i < oldA.length; ++i) {
            present = present || oldA[i] == disputer;
        }
        uint256 n = oldA.length + (present ? 0 : 1);
        accts = new address[](n);
        cums = new uint256[](n);
        uint256 add = bound(bump, 1, r.token == address(grid) ? 1e18 : 1e6);
        for (uint256 i; i < oldA.length; ++i) {
            accts[i] = oldA[i];
            cums[i] = oldC[i] + (oldA[i] == disputer ? add : 0);
            total += cums[i];
        }
        if (!present) {
            accts[n - 1] = disputer;
            cums[n - 1] = ghostEntitled[r.utility][r.token][disputer] + add;
            total += cums[n - 1];
        }
    }

    function _uphold(uint256 did, IncentiveDistributor.Dispute memory d, uint256 bump) internal {
        IncentiveDistributor.Root memory r = dist.rootOf(d.rootId);
        (address[] memory accts, uint256[] memory cums, uint256 total) = _corrected(d.rootId, d.disputer, bump, r);
        _topUp(r.utility, r.token, total);
        bytes32 root = _root(accts, cums);
        vm.prank(a.arbiter);
        try dist.resolveDispute(did, true, root, uint128(total)) {
            _setLeaves(d.rootId, r.utility, r.token, accts, cums);
            ++done["upheld"];
        } catch {}
    }

    /// @dev Funds the program's shortfall so that a root of `total` fits its funds.
    function _topUp(address u, address t, uint256 total) internal {
        IncentiveDistributor.Program memory p = dist.programOf(u, t);
        uint256 held = p.funded - p.withdrawn;
        if (total > held) _fund(u, t, total - held);
    }

    function _setLeaves(uint256 rootId, address u, address t, address[] memory accts, uint256[] memory cums) internal {
        _rootAccounts[rootId] = accts;
        _rootCumulatives[rootId] = cums;
        for (uint256 i; i < accts.length; ++i) {
            _raiseEntitlement(u, t, accts[i], cums[i]);
        }
    }

    function _raiseEntitlement(address u, address t, address c, uint256 cum) internal {
        if (cum > ghostEntitled[u][t][c]) ghostEntitled[u][t][c] = cum;
    }

    function _leaves(address[] memory accts, uint256[] memory cums) internal pure returns (bytes32[] memory l) {
        l = new bytes32[](accts.length);
        for (uint256 i; i < accts.length; ++i) {
            l[i] = MerkleBuilder.leaf(accts[i], cums[i]);
        }
    }

    function _root(address[] memory accts, uint256[] memory cums) internal pure returns (bytes32) {
        return MerkleBuilder.root(MerkleBuilder.build(_leaves(accts, cums)));
    }

    function _leafOf(uint256 rootId, address c) internal view returns (bool, uint256) {
        address[] storage accts = _rootAccounts[rootId];
        for (uint256 i; i < accts.length; ++i) {
            if (accts[i] == c) return (true, _rootCumulatives[rootId][i]);
        }
        return (false, 0);
    }

    function _proof(uint256 rootId, address c, uint256 cum) internal view returns (bytes32[] memory) {
        bytes32[][] memory layers = MerkleBuilder.build(_leaves(_rootAccounts[rootId], _rootCumulatives[rootId]));
        return MerkleBuilder.proof(layers, MerkleBuilder.leaf(c, cum));
    }

    function _nonTimelockActor(uint256 seed) internal view returns (address) {
        uint256 k = seed % 9;
        if (k == 0) return a.guardian;
        if (k == 1) return a.oracle;
        if (k == 2) return a.regulators[0];
        if (k == 3) return a.arbiter;
        if (k == 4) return a.kycProvider;
        if (k == 5) return utilities[seed % 3];
        if (k == 6) return consumers[seed % CONSUMERS];
        if (k == 7) return address(governor); // the governor itself must go through the timelock
        return outsider;
    }

    /// @dev Governed setters with benign bounded values (0..13), then admin powers only outsiders try (14..17).
    function _adminCall(uint256 which, uint256 v, address actor) internal view returns (address, bytes memory) {
        if (which == 0) return (address(ur), abi.encodeCall(UtilityRegistry.setMinBond, (bound(v, 1e18, 2000e18))));
        if (which == 1) return (address(ur), abi.encodeCall(UtilityRegistry.setReputationAlpha, (uint16(v % 10_001))));
        if (which == 2) {
            return (address(ur), abi.encodeCall(UtilityRegistry.setRenewalReputationThreshold, (uint16(v % 10_001))));
        }
        if (which == 3) return (address(ur), abi.encodeCall(UtilityRegistry.setRevokeSlash, (uint16(v % 10_001))));
        if (which == 4) {
            return (address(ur), abi.encodeCall(UtilityRegistry.setBondUnlockDelay, (uint64(v % 60 days))));
        }
        if (which == 5) {
            return (address(cr), abi.encodeCall(ConsumerRegistry.setReliabilityAlpha, (uint16(v % 10_001))));
        }
        if (which == 6) {
            return (address(cr), abi.encodeCall(ConsumerRegistry.setInitialReliability, (uint16(v % 10_001))));
        }
        if (which == 7) return (address(lf), abi.encodeCall(LoadForecast.setAccuracyAlpha, (uint16(1 + v % 10_000))));
        if (which == 8) {
            uint32 s = uint32(bound(v, 500, 2000));
            return (address(lf), abi.encodeCall(LoadForecast.setThresholds, (a.region, s, s + uint32(v % 1000))));
        }
        if (which == 9) return (address(rr), abi.encodeCall(ReductionRequests.setTier, (uint8(1 + v % 4), _tier(v))));
        if (which == 10) {
            return
                (
                    address(dist),
                    abi.encodeCall(IncentiveDistributor.setDisputeWindow, (uint64(bound(v, 1 hours, 3 days))))
                );
        }
        if (which == 11) {
            uint32 m = uint32(v % 10_001);
            return (address(dist), abi.encodeCall(IncentiveDistributor.setPerformanceParams, (m, m / 2, m / 4)));
        }
        if (which == 12) {
            return (address(ur), abi.encodeCall(UtilityRegistry.setInitialReputation, (uint16(v % 10_001))));
        }
        if (which == 13) {
            return
                (address(ur), abi.encodeCall(UtilityRegistry.setApprovalPeriod, (uint64(bound(v, 30 days, 730 days)))));
        }
        if (which == 14) {
            return (proxies[v % 5], abi.encodeWithSignature("upgradeToAndCall(address,bytes)", spareImplementation, ""));
        }
        if (which == 15) {
            PeaklabUpgradeable target = PeaklabUpgradeable(proxies[v % 5]);
            return (
                address(target),
                abi.encodeWithSignature("grantRole(bytes32,address)", keccak256("GOVERNANCE_ROLE"), actor)
            );
        }
        if (which == 16) return (address(timelock), abi.encodeCall(TimelockController.updateDelay, (0)));
        return (address(governor), abi.encodeWithSignature("setVotingDelay(uint48)", uint48(0)));
    }

    function _tier(uint256 v) internal pure returns (ReductionRequests.TierParams memory) {
        return ReductionRequests.TierParams({
            minNotice: uint32(v % 1 days),
            maxDuration: uint32(bound(v >> 32, 15 minutes, 4 hours)),
            incentiveMultiplierBps: uint16(bound(v >> 64, 1, 60_000)),
            optOutAllowed: (v >> 96) & 1 == 1
        });
    }

    function _registryParams() internal view returns (bytes memory) {
        (uint16 alpha, uint16 initial) = cr.reliabilityParams();
        return abi.encode(ur.config(), ur.regulatorCount(), alpha, initial, cr.utilityRegistry());
    }

    function _eventParams() internal view returns (bytes memory) {
        (uint32 s, uint32 e) = lf.thresholdsOf(a.region);
        return abi.encode(
            lf.accuracyAlphaBps(),
            lf.commitLeadSeconds(),
            s,
            e,
            address(rr.distributor()),
            rr.tierParams(1),
            rr.tierParams(2),
            rr.tierParams(3),
            rr.tierParams(4)
        );
    }

    function _payoutParams() internal view returns (bytes memory) {
        (uint256[] memory x, uint256[] memory y) = dist.priceCurve();
        return abi.encode(
            dist.disputeWindow(),
            dist.minComplianceBps(),
            dist.bonusSlopeBps(),
            dist.bonusCapBps(),
            x,
            y,
            dist.isAcceptedToken(address(grid)),
            dist.isAcceptedToken(address(stable)),
            _governanceParams()
        );
    }

    function _governanceParams() internal view returns (bytes memory) {
        return abi.encode(
            timelock.getMinDelay(),
            governor.votingDelay(),
            governor.votingPeriod(),
            governor.proposalThreshold(),
            governor.quorumNumerator()
        );
    }

    function _implementations() internal view returns (bytes32[5] memory impls) {
        for (uint256 i; i < 5; ++i) {
            impls[i] = vm.load(proxies[i], IMPLEMENTATION_SLOT);
        }
    }

    /// @dev Bit per (contract, actor): does a non-timelock actor hold DEFAULT_ADMIN_ROLE or GOVERNANCE_ROLE?
    function _adminPowers() internal view returns (uint256 bits) {
        for (uint256 i; i < 5; ++i) {
            PeaklabUpgradeable c = PeaklabUpgradeable(proxies[i]);
            for (uint256 k; k < 9; ++k) {
                address actor = _nonTimelockActor(k);
                if (c.hasRole(bytes32(0), actor)) bits |= uint256(1) << (i * 20 + k);
                if (c.hasRole(keccak256("GOVERNANCE_ROLE"), actor)) bits |= uint256(1) << (i * 20 + 10 + k);
            }
        }
    }
}
