// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {EIP712Upgradeable} from "@openzeppelin/contracts-upgradeable/utils/cryptography/EIP712Upgradeable.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {PeaklabUpgradeable} from "./base/PeaklabUpgradeable.sol";
import {IReductionRequests} from "./interfaces/IReductionRequests.sol";
import {IUtilityRegistry} from "./interfaces/IUtilityRegistry.sol";
import {IConsumerRegistry} from "./interfaces/IConsumerRegistry.sol";
import {ILoadForecast} from "./interfaces/ILoadForecast.sol";
import {IIncentiveDistributor} from "./interfaces/IIncentiveDistributor.sol";

/// @title ReductionRequests
/// @notice Demand-response events: an Active utility asks a region to cut load for a window; consumers commit
///         (opt in) before it starts; the meter oracle posts verified results; the event is finalised (scores
///         updated) and finally settled by the IncentiveDistributor's Merkle root.
///
///         Lifecycle (`statusOf`): Scheduled (before start) → Active (from start until the oracle posts results;
///         the window itself ends at start + duration) → Settling (results posted; per-consumer outcomes are
///         reported in batches, each batch forwarded at once to the consumer registry's reliability EWMA and
///         monthly counters, since 10,000 consumers do not fit one transaction) → Finalized (every committed
///         consumer's outcome reported; the utility's reputation updated). Scheduled → Cancelled by the
///         creating utility.
///
///         Participation is a bitmap by the consumer's dense registry index (1 bit per consumer); a consumer
///         takes part only in events of the utility that serves it. Ways in:
///         `optIn` (the consumer), `optInBySig` (a relayer submits a batch of EIP-712 `OptIn` signatures),
///         `enrollAuto` (anyone materialises the standing opt-in of consumers whose preference autoEnroll is
///         set). Eligibility (`IConsumerRegistry.eligibility` at the event start) is checked on every way in.
///         `optOut` (only if the tier allows it, before start) removes a commitment and records the refusal,
///         which also blocks later signature or auto enrolment for that event (a signature is single-use per
///         event: it can add the consumer at most once and never after it opted out). Batch paths skip (and
///         report with `OptInSkipped`) consumers whose state makes them inapplicable, so one consumer cannot
///         make a relayer's batch revert; a bad signature reverts the batch (the relayer's fault).
///
///         Results: `participants` is the number of committed consumers with a positive outcome; finalisation
///         requires an outcome for every committed consumer and that count to match, so the oracle cannot
///         report selectively.
contract ReductionRequests is PeaklabUpgradeable, EIP712Upgradeable, IReductionRequests {
    /// @notice How a consumer came to be committed to an event.
    enum OptInVia {
        Direct,
        Signature,
        Auto
    }

    /// @notice Why a batch skipped a consumer.
    enum SkipReason {
        None,
        NotRegistered,
        AlreadyOptedIn,
        OptedOut,
        NotAutoEnrolled,
        Ineligible,
        OtherUtility
    }

    /// @notice Governed parameters of a tier.
    struct TierParams {
        uint32 minNotice; // seconds between creation and start, at least
        uint32 maxDuration; // seconds, at most
        uint16 incentiveMultiplierBps; // tierMultiplierBps of the payout rule
        bool optOutAllowed; // may committed consumers withdraw before start
    }

    /// @notice What a utility specifies when it creates an event.
    struct EventParams {
        uint32 region;
        uint64 start;
        uint32 duration;
        uint8 tier;
        uint64 targetKw;
        uint128 rate; // budget token base units per kWh
        uint8 baselineMethodId;
        address token; // budget token, accepted by the distributor
    }

    /// @notice One relayed EIP-712 opt-in signature.
    struct OptInSig {
        address consumer;
        uint64 deadline;
        uint8 v;
        bytes32 r;
        bytes32 s;
    }

    /// @notice A stored event (5 slots).
    struct Event {
        // slot 0
        address utility;
        uint64 start;
        uint32 duration;
        // slot 1
        address token;
        uint32 region;
        uint8 tier;
        uint8 baselineMethodId;
        EventStatus status; // stored: Scheduled, Settling, Finalized or Cancelled
        bool settled;
        bool optOutAllowed;
        uint16 tierMultiplierBps;
        // slot 2
        uint128 rate;
        uint64 targetKw;
        uint32 stressBps;
        uint32 optedIn;
        // slot 3
        uint128 deliveredWh;
        uint32 participants;
        uint32 reported;
        uint32 delivering;
        // slot 4
        bytes32 resultsRoot;
    }

    /// @notice The caller is not an Active utility.
    error UtilityNotActive(address utility, IUtilityRegistry.Status status);
    /// @notice Tiers are 1, 2, 3 and 4 (Emergency).
    error InvalidTier(uint8 tier);
    /// @notice The event starts sooner than the tier's minimum notice allows.
    error NoticeTooShort(uint64 start, uint64 earliestStart);
    /// @notice The event starts further ahead than MAX_SCHEDULE_AHEAD.
    error StartTooFar(uint64 start, uint64 latestStart);
    /// @notice The duration is outside [MIN_DURATION, tier maxDuration].
    error DurationOutOfRange(uint32 duration, uint32 minDuration, uint32 maxDuration);
    /// @notice A required quantity is zero.
    error ZeroValue(string what);
    /// @notice The distributor does not accept `token` as a budget token.
    error TokenNotAccepted(address token);
    /// @notice No distributor is configured yet.
    error DistributorNotSet();
    /// @notice No event has this id.
    error UnknownEvent(uint256 eventId);
    /// @notice The event is not in the status this action needs.
    error WrongStatus(uint256 eventId, EventStatus status, EventStatus required);
    /// @notice Only the utility that created the event may do this.
    error NotEventUtility(uint256 eventId, address caller, address utility);
    /// @notice The consumer is not registered (index 0).
    error NotRegistered(address consumer);
    /// @notice Consumers take part only in events of the utility that serves them.
    error NotServedByEventUtility(address consumer, address servingUtility, address eventUtility);
    /// @notice The consumer cannot take part in this event.
    error NotEligible(address consumer, IConsumerRegistry.Ineligibility reason);
    /// @notice The consumer is already committed to the event.
    error AlreadyOptedIn(uint256 eventId, address consumer);
    /// @notice The consumer already opted out of the event.
    error AlreadyOptedOut(uint256 eventId, address consumer);
    /// @notice The consumer is not committed to the event.
    error NotOptedIn(uint256 eventId, address consumer);
    /// @notice The event's tier does not allow opting out.
    error OptOutNotAllowed(uint256 eventId, uint8 tier);
    /// @notice The signature's deadline passed.
    error SignatureExpired(address consumer, uint64 deadline, uint64 nowTs);
    /// @notice The signature was not made by `consumer`.
    error InvalidSignature(address consumer, address recovered);
    /// @notice Results can only be posted once the event window has ended.
    error EventNotOver(uint256 eventId, uint64 end, uint64 nowTs);
    /// @notice More participants reported than consumers committed.
    error ParticipantsExceedOptIns(uint32 participants, uint32 optedIn);
    /// @notice Array arguments differ in length.
    error LengthMismatch(uint256 a, uint256 b);
    /// @notice The consumer's outcome was already reported.
    error OutcomeAlreadyReported(uint256 eventId, address consumer);
    /// @notice A per-consumer outcome is above 10000 bps (reliability samples are capped at 100 %).
    error OutcomeOutOfRange(address consumer, uint16 outcomeBps);
    /// @notice Not every committed consumer's outcome was reported yet.
    error OutcomesIncomplete(uint256 eventId, uint32 reported, uint32 optedIn);
    /// @notice The number of consumers with a positive outcome differs from the reported participants.
    error ParticipantsMismatch(uint256 eventId, uint32 delivering, uint32 participants);
    /// @notice The event was already settled by a Merkle root.
    error AlreadySettled(uint256 eventId);
    /// @notice Only the oracle or the settler may finalise.
    error NotOracleOrSettler(address caller);
    /// @notice Tier parameters out of range.
    error InvalidTierParams(uint8 tier, uint32 maxDuration, uint16 incentiveMultiplierBps);

    /// @notice A utility created an event.
    event EventCreated(
        uint256 indexed eventId,
        address indexed utility,
        uint32 indexed region,
        uint8 tier,
        uint64 start,
        uint32 duration,
        uint64 targetKw,
        uint128 rate,
        address token,
        uint8 baselineMethodId,
        uint32 stressBps
    );
    /// @notice The creating utility cancelled the event before it started.
    event EventCancelled(uint256 indexed eventId, address indexed utility);
    /// @notice A consumer committed to an event.
    event OptedIn(uint256 indexed eventId, address indexed consumer, OptInVia via);
    /// @notice A consumer withdrew from / declined an event.
    event OptedOut(uint256 indexed eventId, address indexed consumer);
    /// @notice A batch skipped a consumer (see SkipReason).
    event OptInSkipped(uint256 indexed eventId, address indexed consumer, SkipReason reason);
    /// @notice The oracle posted verified totals; the event is Settling.
    event ResultsPosted(uint256 indexed eventId, uint128 deliveredWh, uint32 participants, bytes32 resultsRoot);
    /// @notice Delivered energy fell short of the target energy.
    event ParticipationAlert(uint256 indexed eventId, address indexed utility, uint256 deliveredWh, uint256 targetWh);
    /// @notice A batch of per-consumer outcomes was reported (and forwarded to the consumer registry).
    event OutcomesPosted(uint256 indexed eventId, uint32 count, uint32 reportedTotal);
    /// @notice Every outcome is in; reliability and the utility's reputation were updated.
    event EventFinalized(uint256 indexed eventId, address indexed utility, uint16 outcomeBps);
    /// @notice The distributor settled the event with a Merkle root.
    event EventSettled(uint256 indexed eventId);
    /// @notice Governance changed a tier.
    event TierSet(
        uint8 indexed tier, uint32 minNotice, uint32 maxDuration, uint16 incentiveMultiplierBps, bool optOutAllowed
    );
    /// @notice Governance set the distributor.
    event DistributorSet(address indexed distributor);

    /// @notice The meter oracle: posts results and outcomes, finalises.
    bytes32 public constant ORACLE_ROLE = keccak256("ORACLE_ROLE");
    /// @notice The IncentiveDistributor: marks events settled, may finalise.
    bytes32 public constant SETTLER_ROLE = keccak256("SETTLER_ROLE");
    /// @notice EIP-712 type of a relayed opt-in.
    bytes32 public constant OPT_IN_TYPEHASH = keccak256("OptIn(address consumer,uint256 eventId,uint64 deadline)");
    /// @notice The Emergency tier.
    uint8 public constant EMERGENCY_TIER = 4;
    /// @notice Events are scheduled at most this far ahead.
    uint64 public constant MAX_SCHEDULE_AHEAD = 365 days;
    /// @notice Shortest event.
    uint32 public constant MIN_DURATION = 15 minutes;
    /// @notice Largest tier multiplier (6×).
    uint16 public constant MAX_MULTIPLIER_BPS = 60_000;

    IUtilityRegistry public utilities;
    IConsumerRegistry public consumers;
    ILoadForecast public forecast;
    IIncentiveDistributor public distributor;
    uint256 public eventCount;
    mapping(uint8 => TierParams) private _tiers;
    mapping(uint256 => Event) private _events;
    /// @dev eventId => word => bits (bit i of word w = consumer index w*256+i): committed.
    mapping(uint256 => mapping(uint256 => uint256)) private _optIn;
    /// @dev eventId => word => bits: opted out / declined.
    mapping(uint256 => mapping(uint256 => uint256)) private _optOut;
    /// @dev eventId => word => bits: outcome reported.
    mapping(uint256 => mapping(uint256 => uint256)) private _reported;

    uint256[50] private __gap;

    /// @notice Initialises roles, links and the default tiers (proxy only).
    /// @dev Default tiers (all governed): 1 = 24 h notice, ≤ 4 h, ×1.00, opt-out allowed; 2 = 4 h, ≤ 3 h, ×1.25,
    ///      opt-out allowed; 3 = 1 h, ≤ 2 h, ×1.50, no opt-out; 4 (Emergency) = 10 min, ≤ 1 h, ×2.00, no opt-out.
    /// @param timelock_ Governance timelock.
    /// @param guardian May pause.
    /// @param utilities_ The utility registry.
    /// @param consumers_ The consumer registry.
    /// @param forecast_ The load-forecast contract.
    function initialize(
        address timelock_,
        address guardian,
        IUtilityRegistry utilities_,
        IConsumerRegistry consumers_,
        ILoadForecast forecast_
    ) external initializer {
        if (address(utilities_) == address(0)) revert ZeroAddress("utilities");
        if (address(consumers_) == address(0)) revert ZeroAddress("consumers");
        if (address(forecast_) == address(0)) revert ZeroAddress("forecast");
        __PeaklabUpgradeable_init(timelock_, guardian);
        __EIP712_init("peaklab ReductionRequests", "1");
        utilities = utilities_;
        consumers = consumers_;
        forecast = forecast_;
        _setTier(1, TierParams(24 hours, 4 hours, 10_000, true));
        _setTier(2, TierParams(4 hours, 3 hours, 12_500, true));
        _setTier(3, TierParams(1 hours, 2 hours, 15_000, false));
        _setTier(4, TierParams(10 minutes, 1 hours, 20_000, false));
    }

    // ------------------------------------------------------------------ utility

    /// @notice Creates an event for the caller (an Active utility).
    /// @param p Region, start, duration, tier, target (kW), rate, baseline method and budget token.
    /// @return eventId The new event's id (sequential from 1).
    function createEvent(EventParams calldata p) external whenNotPaused returns (uint256 eventId) {
        if (!utilities.isActive(msg.sender)) revert UtilityNotActive(msg.sender, utilities.statusOf(msg.sender));
        if (p.tier == 0 || p.tier > EMERGENCY_TIER) revert InvalidTier(p.tier);
        TierParams memory t = _tiers[p.tier];
        uint64 earliest = uint64(block.timestamp) + t.minNotice;
        if (p.start < earliest) revert NoticeTooShort(p.start, earliest);
        uint64 latest = uint64(block.timestamp) + MAX_SCHEDULE_AHEAD;
        if (p.start > latest) revert StartTooFar(p.start, latest);
        if (p.duration < MIN_DURATION || p.duration > t.maxDuration) {
            revert DurationOutOfRange(p.duration, MIN_DURATION, t.maxDuration);
        }
        if (p.targetKw == 0) revert ZeroValue("targetKw");
        if (p.rate == 0) revert ZeroValue("rate");
        IIncentiveDistributor d = distributor;
        if (address(d) == address(0)) revert DistributorNotSet();
        if (!d.isAcceptedToken(p.token)) revert TokenNotAccepted(p.token);
        uint32 stress = forecast.stressBps(p.region, p.start);

        eventId = ++eventCount;
        Event storage e = _events[eventId];
        e.utility = msg.sender;
        e.start = p.start;
        e.duration = p.duration;
        e.token = p.token;
        e.region = p.region;
        e.tier = p.tier;
        e.baselineMethodId = p.baselineMethodId;
        e.status = EventStatus.Scheduled;
        e.optOutAllowed = t.optOutAllowed;
        e.tierMultiplierBps = t.incentiveMultiplierBps;
        e.rate = p.rate;
        e.targetKw = p.targetKw;
        e.stressBps = stress;
        _emitCreated(eventId, p, stress);
    }

    /// @notice Cancels a Scheduled event (creating utility only, before start; allowed while paused).
    /// @param eventId The event.
    function cancel(uint256 eventId) external {
        Event storage e = _scheduled(eventId);
        if (msg.sender != e.utility) revert NotEventUtility(eventId, msg.sender, e.utility);
        e.status = EventStatus.Cancelled;
        emit EventCancelled(eventId, msg.sender);
    }

    // ------------------------------------------------------------------ consumers

    /// @notice Commits the caller to a Scheduled event (eligibility checked at the event start). Clears an
    ///         earlier opt-out.
    /// @param eventId The event.
    function optIn(uint256 eventId) external whenNotPaused {
        Event storage e = _scheduled(eventId);
        uint32 idx = consumers.indexOf(msg.sender);
        if (idx == 0) revert NotRegistered(msg.sender);
        address serving = consumers.servingUtilityOf(msg.sender);
        if (serving != e.utility) revert NotServedByEventUtility(msg.sender, serving, e.utility);
        IConsumerRegistry.Ineligibility why = consumers.eligibility(msg.sender, e.tier, e.start);
        if (why != IConsumerRegistry.Ineligibility.None) revert NotEligible(msg.sender, why);
        (uint256 word, uint256 mask) = _pos(idx);
        if (_optIn[eventId][word] & mask != 0) revert AlreadyOptedIn(eventId, msg.sender);
        _optIn[eventId][word] |= mask;
        uint256 out = _optOut[eventId][word];
        if (out & mask != 0) _optOut[eventId][word] = out & ~mask;
        e.optedIn += 1;
        emit OptedIn(eventId, msg.sender, OptInVia.Direct);
    }

    /// @notice Withdraws the caller's commitment, or declines the event in advance (blocks auto and signature
    ///         enrolment). Only before start and only when the event's tier allows opting out.
    /// @param eventId The event.
    function optOut(uint256 eventId) external whenNotPaused {
        Event storage e = _scheduled(eventId);
        if (!e.optOutAllowed) revert OptOutNotAllowed(eventId, e.tier);
        uint32 idx = consumers.indexOf(msg.sender);
        if (idx == 0) revert NotRegistered(msg.sender);
        (uint256 word, uint256 mask) = _pos(idx);
        if (_optOut[eventId][word] & mask != 0) revert AlreadyOptedOut(eventId, msg.sender);
        _optOut[eventId][word] |= mask;
        uint256 bits = _optIn[eventId][word];
        if (bits & mask != 0) {
            _optIn[eventId][word] = bits & ~mask;
            e.optedIn -= 1;
        }
        emit OptedOut(eventId, msg.sender);
    }

    /// @notice Relays a batch of EIP-712 opt-in signatures for one event. Reverts on an expired or invalid
    ///         signature; skips (with `OptInSkipped`) consumers not registered, already committed, opted out or
    ///         ineligible.
    /// @param eventId The event (part of every signed message).
    /// @param sigs The signatures.
    /// @return added How many consumers were committed.
    function optInBySig(uint256 eventId, OptInSig[] calldata sigs) external whenNotPaused returns (uint32 added) {
        Event storage e = _scheduled(eventId);
        uint256 n = sigs.length;
        for (uint256 i; i < n; ++i) {
            OptInSig calldata s = sigs[i];
            if (s.deadline < block.timestamp) revert SignatureExpired(s.consumer, s.deadline, uint64(block.timestamp));
            bytes32 digest = _hashTypedDataV4(keccak256(abi.encode(OPT_IN_TYPEHASH, s.consumer, eventId, s.deadline)));
            (address signer,,) = ECDSA.tryRecover(digest, s.v, s.r, s.s);
            if (signer != s.consumer || signer == address(0)) revert InvalidSignature(s.consumer, signer);
            if (_tryEnroll(eventId, e, s.consumer, false)) {
                ++added;
                emit OptedIn(eventId, s.consumer, OptInVia.Signature);
            }
        }
        if (added != 0) e.optedIn += added;
    }

    /// @notice Materialises the standing opt-in (preference autoEnroll) of `accounts` for a Scheduled event.
    ///         Anyone may call; skips (with `OptInSkipped`) consumers not registered, already committed, opted
    ///         out, without autoEnroll, or ineligible.
    /// @param eventId The event.
    /// @param accounts Consumers to enrol.
    /// @return added How many consumers were committed.
    function enrollAuto(uint256 eventId, address[] calldata accounts) external whenNotPaused returns (uint32 added) {
        Event storage e = _scheduled(eventId);
        uint256 n = accounts.length;
        for (uint256 i; i < n; ++i) {
            address c = accounts[i];
            if (_tryEnroll(eventId, e, c, true)) {
                ++added;
                emit OptedIn(eventId, c, OptInVia.Auto);
            }
        }
        if (added != 0) e.optedIn += added;
    }

    // ------------------------------------------------------------------ oracle

    /// @notice Posts the verified totals of an event whose window has ended; the event becomes Settling.
    ///         Emits `ParticipationAlert` when delivered energy is below the target energy.
    /// @param eventId The event.
    /// @param deliveredWh Verified total reduction (Wh).
    /// @param participants Committed consumers with a positive outcome.
    /// @param resultsRoot Commitment to the per-consumer verified results (off-chain data).
    function postResults(uint256 eventId, uint128 deliveredWh, uint32 participants, bytes32 resultsRoot)
        external
        onlyRole(ORACLE_ROLE)
        whenNotPaused
    {
        Event storage e = _event(eventId);
        EventStatus st = _statusOf(e);
        if (st != EventStatus.Active) revert WrongStatus(eventId, st, EventStatus.Active);
        uint64 end = e.start + e.duration;
        if (block.timestamp < end) revert EventNotOver(eventId, end, uint64(block.timestamp));
        if (participants > e.optedIn) revert ParticipantsExceedOptIns(participants, e.optedIn);
        e.deliveredWh = deliveredWh;
        e.participants = participants;
        e.resultsRoot = resultsRoot;
        e.status = EventStatus.Settling;
        emit ResultsPosted(eventId, deliveredWh, participants, resultsRoot);
        uint256 targetWh = _targetWh(e);
        if (deliveredWh < targetWh) emit ParticipationAlert(eventId, e.utility, deliveredWh, targetWh);
    }

    /// @notice Reports per-consumer outcomes (bps in [0, 10000], 10000 = delivered at least its commitment) for a
    ///         Settling event and
    ///         forwards them to the consumer registry (reliability EWMA and monthly participation counters).
    /// @param eventId The event.
    /// @param accounts Committed consumers, each reported once.
    /// @param outcomesBps Their outcomes.
    function postOutcomes(uint256 eventId, address[] calldata accounts, uint16[] calldata outcomesBps)
        external
        onlyRole(ORACLE_ROLE)
        whenNotPaused
        nonReentrant
    {
        uint256 n = accounts.length;
        if (n != outcomesBps.length) revert LengthMismatch(n, outcomesBps.length);
        Event storage e = _event(eventId);
        if (e.status != EventStatus.Settling) revert WrongStatus(eventId, _statusOf(e), EventStatus.Settling);
        IConsumerRegistry reg = consumers;
        uint32 delivering;
        for (uint256 i; i < n; ++i) {
            _markReported(eventId, accounts[i], reg);
            uint16 o = outcomesBps[i];
            if (o > 10_000) revert OutcomeOutOfRange(accounts[i], o);
            if (o != 0) ++delivering;
        }
        uint32 count = SafeCast.toUint32(n);
        uint32 total = e.reported + count;
        e.reported = total;
        e.delivering += delivering;
        emit OutcomesPosted(eventId, count, total);
        reg.recordReliability(accounts, outcomesBps);
        reg.recordParticipation(accounts, e.start);
    }

    /// @notice Finalises a Settling event once every committed consumer's outcome is in: folds the event's
    ///         outcome (delivered / target energy, capped at 10000 bps) into the utility's reputation.
    /// @param eventId The event.
    function finalize(uint256 eventId) external whenNotPaused nonReentrant {
        if (!hasRole(ORACLE_ROLE, msg.sender) && !hasRole(SETTLER_ROLE, msg.sender)) {
            revert NotOracleOrSettler(msg.sender);
        }
        Event storage e = _event(eventId);
        if (e.status != EventStatus.Settling) revert WrongStatus(eventId, _statusOf(e), EventStatus.Settling);
        if (e.reported != e.optedIn) revert OutcomesIncomplete(eventId, e.reported, e.optedIn);
        if (e.delivering != e.participants) revert ParticipantsMismatch(eventId, e.delivering, e.participants);
        e.status = EventStatus.Finalized;
        uint256 ratio = (uint256(e.deliveredWh) * 10_000) / _targetWh(e);
        // forge-lint: disable-next-line(unsafe-typecast)
        uint16 outcome = ratio > 10_000 ? 10_000 : uint16(ratio); // ≤ 10000
        emit EventFinalized(eventId, e.utility, outcome);
        utilities.recordOutcome(e.utility, outcome);
    }

    /// @inheritdoc IReductionRequests
    function markSettled(uint256 eventId) external onlyRole(SETTLER_ROLE) whenNotPaused {
        Event storage e = _event(eventId);
        if (e.status != EventStatus.Finalized) revert WrongStatus(eventId, _statusOf(e), EventStatus.Finalized);
        if (e.settled) revert AlreadySettled(eventId);
        e.settled = true;
        emit EventSettled(eventId);
    }

    // ------------------------------------------------------------------ governance

    /// @notice Sets a tier's parameters (applies to events created afterwards). Only governance.
    /// @param tier 1..4.
    /// @param params Minimum notice, maximum duration (≥ MIN_DURATION), multiplier (1..MAX_MULTIPLIER_BPS), opt-out.
    function setTier(uint8 tier, TierParams calldata params) external onlyRole(GOVERNANCE_ROLE) {
        _setTier(tier, params);
    }

    /// @notice Sets the incentive distributor (budget tokens are checked against it). Only governance.
    /// @param distributor_ The distributor.
    function setDistributor(IIncentiveDistributor distributor_) external onlyRole(GOVERNANCE_ROLE) {
        if (address(distributor_) == address(0)) revert ZeroAddress("distributor");
        distributor = distributor_;
        emit DistributorSet(address(distributor_));
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IReductionRequests
    function statusOf(uint256 eventId) external view returns (EventStatus) {
        return _statusOf(_events[eventId]);
    }

    /// @inheritdoc IReductionRequests
    function eventPayer(uint256 eventId) external view returns (address utility, address token) {
        Event storage e = _event(eventId);
        return (e.utility, e.token);
    }

    /// @inheritdoc IReductionRequests
    function payoutTerms(uint256 eventId)
        external
        view
        returns (uint256 rate, uint16 tierMultiplierBps, uint32 stressBps)
    {
        Event storage e = _event(eventId);
        return (e.rate, e.tierMultiplierBps, e.stressBps);
    }

    /// @inheritdoc IReductionRequests
    function isSettled(uint256 eventId) external view returns (bool) {
        return _events[eventId].settled;
    }

    /// @notice The stored event record (status as stored; use `statusOf` for the time-dependent status).
    /// @param eventId The event.
    /// @return The record.
    function getEvent(uint256 eventId) external view returns (Event memory) {
        return _event(eventId);
    }

    /// @notice A tier's parameters.
    /// @param tier 1..4.
    /// @return The parameters.
    function tierParams(uint8 tier) external view returns (TierParams memory) {
        return _tiers[tier];
    }

    /// @notice True when `consumer` is committed to `eventId`.
    /// @param eventId The event.
    /// @param consumer The consumer.
    /// @return Whether its bit is set.
    function isOptedIn(uint256 eventId, address consumer) external view returns (bool) {
        (uint256 word, uint256 mask) = _pos(consumers.indexOf(consumer));
        return _optIn[eventId][word] & mask != 0;
    }

    /// @notice True when `consumer` opted out of / declined `eventId`.
    /// @param eventId The event.
    /// @param consumer The consumer.
    /// @return Whether its opt-out bit is set.
    function hasOptedOut(uint256 eventId, address consumer) external view returns (bool) {
        (uint256 word, uint256 mask) = _pos(consumers.indexOf(consumer));
        return _optOut[eventId][word] & mask != 0;
    }

    /// @notice True when `consumer`'s outcome for `eventId` was reported.
    /// @param eventId The event.
    /// @param consumer The consumer.
    /// @return Whether its outcome bit is set.
    function isReported(uint256 eventId, address consumer) external view returns (bool) {
        (uint256 word, uint256 mask) = _pos(consumers.indexOf(consumer));
        return _reported[eventId][word] & mask != 0;
    }

    /// @notice One 256-bit word of the participation bitmap (bit i = consumer index 256·word + i).
    /// @param eventId The event.
    /// @param word Word number.
    /// @return The bits.
    function optInWord(uint256 eventId, uint256 word) external view returns (uint256) {
        return _optIn[eventId][word];
    }

    /// @notice The EIP-712 digest a consumer signs to opt in to `eventId` (for wallets and relayers).
    /// @param consumer The signer.
    /// @param eventId The event.
    /// @param deadline Last valid timestamp.
    /// @return The digest.
    function optInDigest(address consumer, uint256 eventId, uint64 deadline) external view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(OPT_IN_TYPEHASH, consumer, eventId, deadline)));
    }

    /// @notice Target energy of an event: targetKw × duration, in Wh (rounded down).
    /// @param eventId The event.
    /// @return The target energy (Wh).
    function targetWhOf(uint256 eventId) external view returns (uint256) {
        return _targetWh(_event(eventId));
    }

    // ------------------------------------------------------------------ internal

    function _setTier(uint8 tier, TierParams memory p) internal {
        if (tier == 0 || tier > EMERGENCY_TIER) revert InvalidTier(tier);
        if (
            p.maxDuration < MIN_DURATION || p.incentiveMultiplierBps == 0
                || p.incentiveMultiplierBps > MAX_MULTIPLIER_BPS
        ) {
            revert InvalidTierParams(tier, p.maxDuration, p.incentiveMultiplierBps);
        }
        _tiers[tier] = p;
        emit TierSet(tier, p.minNotice, p.maxDuration, p.incentiveMultiplierBps, p.optOutAllowed);
    }

    function _statusOf(Event storage e) internal view returns (EventStatus) {
        EventStatus st = e.status;
        if (st == EventStatus.Scheduled && block.timestamp >= e.start) return EventStatus.Active;
        return st;
    }

    function _event(uint256 eventId) internal view returns (Event storage e) {
        e = _events[eventId];
        if (e.status == EventStatus.None) revert UnknownEvent(eventId);
    }

    function _scheduled(uint256 eventId) internal view returns (Event storage e) {
        e = _event(eventId);
        EventStatus st = _statusOf(e);
        if (st != EventStatus.Scheduled) revert WrongStatus(eventId, st, EventStatus.Scheduled);
    }

    function _targetWh(Event storage e) internal view returns (uint256) {
        return (uint256(e.targetKw) * 1000 * e.duration) / 1 hours;
    }

    /// @dev Commits `c` unless a state condition makes it inapplicable (then emits OptInSkipped). The caller
    ///      adds the returned count to `optedIn` once.
    function _tryEnroll(uint256 eventId, Event storage e, address c, bool requireAuto) private returns (bool) {
        IConsumerRegistry reg = consumers;
        uint32 idx = reg.indexOf(c);
        SkipReason why;
        uint256 word;
        uint256 mask;
        if (idx == 0) {
            why = SkipReason.NotRegistered;
        } else {
            (word, mask) = _pos(idx);
            if (_optIn[eventId][word] & mask != 0) {
                why = SkipReason.AlreadyOptedIn;
            } else if (_optOut[eventId][word] & mask != 0) {
                why = SkipReason.OptedOut;
            } else if (reg.servingUtilityOf(c) != e.utility) {
                why = SkipReason.OtherUtility;
            } else if (requireAuto && !reg.autoEnrollOf(c)) {
                why = SkipReason.NotAutoEnrolled;
            } else if (reg.eligibility(c, e.tier, e.start) != IConsumerRegistry.Ineligibility.None) {
                why = SkipReason.Ineligible;
            }
        }
        if (why != SkipReason.None) {
            emit OptInSkipped(eventId, c, why);
            return false;
        }
        _optIn[eventId][word] |= mask;
        return true;
    }

    function _markReported(uint256 eventId, address c, IConsumerRegistry reg) private {
        (uint256 word, uint256 mask) = _pos(reg.indexOf(c));
        if (_optIn[eventId][word] & mask == 0) revert NotOptedIn(eventId, c);
        uint256 rep = _reported[eventId][word];
        if (rep & mask != 0) revert OutcomeAlreadyReported(eventId, c);
        _reported[eventId][word] = rep | mask;
    }

    function _emitCreated(uint256 eventId, EventParams calldata p, uint32 stress) private {
        emit EventCreated(
            eventId,
            msg.sender,
            p.region,
            p.tier,
            p.start,
            p.duration,
            p.targetKw,
            p.rate,
            p.token,
            p.baselineMethodId,
            stress
        );
    }

    function _pos(uint32 idx) private pure returns (uint256 word, uint256 mask) {
        return (uint256(idx) >> 8, uint256(1) << (idx & 0xff));
    }
}
