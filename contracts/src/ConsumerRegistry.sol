// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {EIP712Upgradeable} from "@openzeppelin/contracts-upgradeable/utils/cryptography/EIP712Upgradeable.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {PeaklabUpgradeable} from "./base/PeaklabUpgradeable.sol";
import {IConsumerRegistry} from "./interfaces/IConsumerRegistry.sol";
import {IUtilityRegistry} from "./interfaces/IUtilityRegistry.sol";
import {ScoreMath} from "./libraries/ScoreMath.sol";

/// @title ConsumerRegistry
/// @notice Consumer onboarding. The registry keeps only commitments (profileHash, encryptedPointerHash,
///         meterIdHash; one meter ↔ one consumer). An Active utility registers the consumers it serves in
///         batches, or a consumer registers itself with its utility's EIP-712 signature (EOA or ERC-1271); each
///         gets a dense 1-based index for bitmaps. KYC providers attest KYC with an expiry (batch).
///         Consumers grant and revoke participation and data-sharing consent at any time (even while paused) and
///         set their preferences: highest tier, weekly availability (168 hour-of-week bits, UTC, bit 0 = Monday
///         00:00–01:00), events per calendar month (0 = no cap), payout token and address, standing opt-in.
///         REPORTER_ROLE (ReductionRequests) records monthly participation and folds event outcomes into each
///         consumer's reliability (bps EWMA).
contract ConsumerRegistry is PeaklabUpgradeable, EIP712Upgradeable, IConsumerRegistry {
    // ------------------------------------------------------------------------------------------ errors
    /// @notice The caller (a utility) is not Active in the UtilityRegistry.
    error UtilityNotActive(address utility, IUtilityRegistry.Status status);
    /// @notice The consumer is already registered.
    error ConsumerAlreadyRegistered(address consumer, uint32 index);
    /// @notice The consumer is not registered.
    error ConsumerNotRegistered(address consumer);
    /// @notice The meter is already bound to another consumer.
    error MeterAlreadyBound(bytes32 meterIdHash, address consumer);
    /// @notice A meter commitment must be non-zero.
    error ZeroMeter(address consumer);
    /// @notice Only the consumer's serving utility may do this.
    error NotServingUtility(address consumer, address caller, address servingUtility);
    /// @notice Two batch arrays differ in length.
    error LengthMismatch(uint256 a, uint256 b);
    /// @notice The KYC expiry must be in the future.
    error KycExpiryNotInFuture(uint64 expiry, uint256 nowTime);
    /// @notice Tiers are 1..4 (4 = Emergency).
    error TierOutOfRange(uint8 tier, uint8 maxTier);
    /// @notice The availability mask has bits above hour-of-week 167.
    error AvailabilityMaskTooWide(uint256 mask);
    /// @notice A basis-point value is above 10000.
    error BpsOutOfRange(uint256 value);
    /// @notice The utility's registration signature is past its deadline.
    error SignatureExpired(uint256 deadline, uint256 nowTime);
    /// @notice The registration signature is not the utility's.
    error InvalidUtilitySignature(address utility, address consumer);
    /// @notice The dense index would exceed 32 bits.
    error IndexSpaceExhausted(uint256 lastIndex);

    // ------------------------------------------------------------------------------------------ events
    /// @notice A utility registered `consumer` with dense index `index`.
    event ConsumerRegistered(
        address indexed consumer,
        address indexed utility,
        uint32 index,
        bytes32 profileHash,
        bytes32 encryptedPointerHash,
        bytes32 indexed meterIdHash
    );
    /// @notice The consumer replaced its profile / encrypted-pointer commitments.
    event CommitmentsUpdated(address indexed consumer, bytes32 profileHash, bytes32 encryptedPointerHash);
    /// @notice The serving utility bound a new meter to the consumer (meter swap).
    event MeterRebound(address indexed consumer, bytes32 indexed oldMeterIdHash, bytes32 indexed newMeterIdHash);
    /// @notice A KYC provider attested `consumer` until `expiry`.
    event KycAttested(address indexed consumer, address indexed provider, uint64 expiry);
    /// @notice A KYC provider withdrew `consumer`'s KYC.
    event KycRevoked(address indexed consumer, address indexed provider);
    /// @notice The consumer granted or revoked participation consent.
    event ParticipationConsentSet(address indexed consumer, bool granted);
    /// @notice The consumer granted or revoked data-sharing consent.
    event DataSharingConsentSet(address indexed consumer, bool granted);
    /// @notice The consumer set its preferences.
    event PreferencesSet(address indexed consumer, Preferences preferences);
    /// @notice One event counted towards the consumer's cap for `monthId` (year × 12 + month − 1).
    event ParticipationRecorded(address indexed consumer, uint32 indexed monthId, uint8 count);
    /// @notice The consumer's reliability moved after an event outcome.
    event ReliabilityUpdated(address indexed consumer, uint16 outcomeBps, uint16 reliabilityBps);
    /// @notice Governance set the UtilityRegistry.
    event UtilityRegistrySet(address indexed utilityRegistry);
    /// @notice Governance set the reliability EWMA weight.
    event ReliabilityAlphaSet(uint16 alphaBps);
    /// @notice Governance set the reliability a new consumer starts with.
    event InitialReliabilitySet(uint16 reliabilityBps);

    // ------------------------------------------------------------------------------------------ constants
    /// @notice Attests KYC.
    bytes32 public constant KYC_PROVIDER_ROLE = keccak256("KYC_PROVIDER_ROLE");
    /// @notice Records participation and reliability (the ReductionRequests contract).
    bytes32 public constant REPORTER_ROLE = keccak256("REPORTER_ROLE");
    /// @notice Highest tier (Emergency).
    uint8 public constant MAX_TIER = 4;
    /// @notice Hours in a week (availability bits).
    uint256 public constant HOURS_PER_WEEK = 168;
    /// @notice EIP-712 type of a utility's consent to a consumer registering itself. No nonce: it names the
    ///         consumer, who can register only once, so it cannot be replayed; the deadline bounds its life.
    bytes32 public constant REGISTRATION_TYPEHASH = keccak256(
        "Registration(address consumer,bytes32 profileHash,bytes32 encryptedPointerHash,bytes32 meterIdHash,"
        "uint256 deadline)"
    );
    uint16 private constant MAX_BPS = 10_000;
    uint256 private constant ALL_HOURS = type(uint256).max >> (256 - HOURS_PER_WEEK); // low 168 bits

    // ------------------------------------------------------------------------------------------ types
    /// @notice One consumer registration in a batch.
    struct Registration {
        address consumer;
        bytes32 profileHash;
        bytes32 encryptedPointerHash;
        bytes32 meterIdHash;
    }

    /// @notice A consumer's participation preferences.
    struct Preferences {
        uint8 maxTier; // highest tier accepted (1..4)
        uint8 maxEventsPerMonth; // 0 = no cap
        bool autoEnroll; // standing opt-in
        uint256 availability; // bit h (0..167) set = available in hour-of-week h (UTC, bit 0 = Mon 00:00)
        address payoutToken; // preferred payout token (0 = none)
        address payoutAddress; // where payouts go (0 = the consumer itself)
    }

    /// @notice A consumer's record. Slots 0 and 1 are packed; registration writes slot 0 and the commitments.
    struct Consumer {
        // slot 0
        address utility;
        uint32 index;
        uint16 reliabilityBps;
        uint8 maxTier;
        uint8 maxEventsPerMonth;
        bool participationConsent;
        bool dataSharingConsent;
        bool autoEnroll;
        uint8 monthCount; // events counted in monthId (saturates at 255)
        // slot 1
        uint64 kycExpiry;
        uint32 monthId;
        address payoutAddress;
        // slot 2
        address payoutToken;
        // slot 3: inverted availability, so the default (0) is "available every hour"
        uint256 unavailableHours;
        // slots 4-6
        bytes32 profileHash;
        bytes32 encryptedPointerHash;
        bytes32 meterIdHash;
    }

    // ------------------------------------------------------------------------------------------ state
    IUtilityRegistry private _utilityRegistry;
    uint16 private _reliabilityAlphaBps;
    uint16 private _initialReliabilityBps;
    address[] private _consumers; // index i+1 → _consumers[i]
    mapping(address consumer => Consumer) private _records;
    mapping(bytes32 meterIdHash => address consumer) private _meterOwner;
    uint256[50] private __gap;

    // ------------------------------------------------------------------------------------------ init
    /// @notice Initialises the proxy.
    /// @param timelock_ Governance timelock (admin and GOVERNANCE_ROLE).
    /// @param guardian May pause.
    /// @param utilityRegistry_ The UtilityRegistry consulted for `isActive`.
    /// @param reliabilityAlphaBps Reliability EWMA weight (bps).
    /// @param initialReliabilityBps Reliability of a newly registered consumer (bps).
    function initialize(
        address timelock_,
        address guardian,
        address utilityRegistry_,
        uint16 reliabilityAlphaBps,
        uint16 initialReliabilityBps
    ) external initializer {
        __PeaklabUpgradeable_init(timelock_, guardian);
        __EIP712_init("PeaklabConsumerRegistry", "1");
        _setUtilityRegistry(utilityRegistry_);
        _setReliabilityAlpha(reliabilityAlphaBps);
        _setInitialReliability(initialReliabilityBps);
    }

    // ------------------------------------------------------------------------------------------ utility
    /// @notice Registers consumers served by the caller, an Active utility. Defaults: max tier 4, always
    ///         available, no monthly cap, no consent (the consumer grants it), no KYC, initial reliability.
    /// @param regs The consumers and their commitments (each meter non-zero and unbound).
    /// @return firstIndex Index of the first consumer in the batch (the rest follow densely); 0 for an empty batch.
    function registerBatch(Registration[] calldata regs) external whenNotPaused returns (uint32 firstIndex) {
        _requireActiveUtility(msg.sender);
        uint16 initialReliability = _initialReliabilityBps;
        uint256 last = _consumers.length + regs.length;
        if (last > type(uint32).max) revert IndexSpaceExhausted(last);
        if (regs.length == 0) return 0;
        // forge-lint: disable-next-line(unsafe-typecast)
        firstIndex = uint32(_consumers.length + 1); // ≤ last, bounded just above
        for (uint256 i = 0; i < regs.length; ++i) {
            _register(regs[i], msg.sender, initialReliability);
        }
    }

    /// @notice Registers the caller as a consumer of `utility`, which consented off-chain by signing the EIP-712
    ///         `Registration` (see REGISTRATION_TYPEHASH). Same defaults as `registerBatch`.
    /// @param reg The caller's commitments (`reg.consumer` must be the caller).
    /// @param utility The serving utility (Active).
    /// @param deadline Last second the signature is valid.
    /// @param signature The utility's signature (ECDSA, or ERC-1271 for contract utilities).
    /// @return index The caller's dense index.
    function registerWithSignature(
        Registration calldata reg,
        address utility,
        uint256 deadline,
        bytes calldata signature
    ) external whenNotPaused returns (uint32 index) {
        if (block.timestamp > deadline) revert SignatureExpired(deadline, block.timestamp);
        if (reg.consumer != msg.sender) revert InvalidUtilitySignature(utility, msg.sender);
        _requireActiveUtility(utility);
        bytes32 digest = _hashTypedDataV4(
            keccak256(
                abi.encode(
                    REGISTRATION_TYPEHASH,
                    msg.sender,
                    reg.profileHash,
                    reg.encryptedPointerHash,
                    reg.meterIdHash,
                    deadline
                )
            )
        );
        if (!SignatureChecker.isValidSignatureNow(utility, digest, signature)) {
            revert InvalidUtilitySignature(utility, msg.sender);
        }
        uint256 last = _consumers.length + 1;
        if (last > type(uint32).max) revert IndexSpaceExhausted(last);
        index = _register(reg, utility, _initialReliabilityBps);
    }

    /// @notice Binds a new meter to `consumer` (meter swap) and frees its old meter. Only its serving utility.
    /// @param consumer The consumer.
    /// @param newMeterIdHash Commitment to the new meter id (non-zero, unbound).
    function rebindMeter(address consumer, bytes32 newMeterIdHash) external whenNotPaused {
        Consumer storage c = _registered(consumer);
        if (c.utility != msg.sender) revert NotServingUtility(consumer, msg.sender, c.utility);
        _requireActiveUtility(msg.sender);
        bytes32 old = c.meterIdHash;
        _bindMeter(consumer, newMeterIdHash);
        delete _meterOwner[old];
        c.meterIdHash = newMeterIdHash;
        emit MeterRebound(consumer, old, newMeterIdHash);
    }

    // ------------------------------------------------------------------------------------------ KYC
    /// @notice Attests KYC for each consumer until `expiry`.
    /// @param consumers Registered consumers.
    /// @param expiry Unix time the attestation lapses (in the future).
    function attestKyc(address[] calldata consumers, uint64 expiry) external onlyRole(KYC_PROVIDER_ROLE) whenNotPaused {
        if (expiry <= block.timestamp) revert KycExpiryNotInFuture(expiry, block.timestamp);
        for (uint256 i = 0; i < consumers.length; ++i) {
            _registered(consumers[i]).kycExpiry = expiry;
            emit KycAttested(consumers[i], msg.sender, expiry);
        }
    }

    /// @notice Withdraws KYC from each consumer.
    /// @param consumers Registered consumers.
    function revokeKyc(address[] calldata consumers) external onlyRole(KYC_PROVIDER_ROLE) {
        for (uint256 i = 0; i < consumers.length; ++i) {
            _registered(consumers[i]).kycExpiry = 0;
            emit KycRevoked(consumers[i], msg.sender);
        }
    }

    // ------------------------------------------------------------------------------------------ consumer
    /// @notice Grants or revokes consent to take part in DR events (works while paused).
    /// @param granted True to grant, false to revoke.
    function setParticipationConsent(bool granted) external {
        _registered(msg.sender).participationConsent = granted;
        emit ParticipationConsentSet(msg.sender, granted);
    }

    /// @notice Grants or revokes consent to share metering data with the oracle (works while paused).
    /// @param granted True to grant, false to revoke.
    function setDataSharingConsent(bool granted) external {
        _registered(msg.sender).dataSharingConsent = granted;
        emit DataSharingConsentSet(msg.sender, granted);
    }

    /// @notice Sets the caller's participation preferences (works while paused: it can only narrow exposure
    ///         or redirect future payouts, which the distributor reads at claim time).
    /// @param p The preferences (maxTier 1..4, availability within 168 bits).
    function setPreferences(Preferences calldata p) external {
        Consumer storage c = _registered(msg.sender);
        if (p.maxTier == 0 || p.maxTier > MAX_TIER) revert TierOutOfRange(p.maxTier, MAX_TIER);
        if (p.availability > ALL_HOURS) revert AvailabilityMaskTooWide(p.availability);
        c.maxTier = p.maxTier;
        c.maxEventsPerMonth = p.maxEventsPerMonth;
        c.autoEnroll = p.autoEnroll;
        c.unavailableHours = ALL_HOURS & ~p.availability;
        c.payoutToken = p.payoutToken;
        c.payoutAddress = p.payoutAddress;
        emit PreferencesSet(msg.sender, p);
    }

    /// @notice Replaces the caller's profile and encrypted-pointer commitments.
    /// @param profileHash New profile commitment.
    /// @param encryptedPointerHash New encrypted data-pointer commitment.
    function updateCommitments(bytes32 profileHash, bytes32 encryptedPointerHash) external whenNotPaused {
        Consumer storage c = _registered(msg.sender);
        c.profileHash = profileHash;
        c.encryptedPointerHash = encryptedPointerHash;
        emit CommitmentsUpdated(msg.sender, profileHash, encryptedPointerHash);
    }

    // ------------------------------------------------------------------------------------------ reporter
    /// @inheritdoc IConsumerRegistry
    /// @dev Counts are per calendar month (UTC). A report for a month older than the stored one is ignored
    ///      (it cannot affect future eligibility); the count saturates at 255.
    function recordParticipation(address[] calldata consumers, uint64 time)
        external
        onlyRole(REPORTER_ROLE)
        whenNotPaused
    {
        uint32 month = monthIdOf(time);
        for (uint256 i = 0; i < consumers.length; ++i) {
            Consumer storage c = _registered(consumers[i]);
            if (c.monthId > month) continue;
            if (c.monthId < month) {
                c.monthId = month;
                c.monthCount = 1;
            } else if (c.monthCount < type(uint8).max) {
                c.monthCount += 1;
            }
            emit ParticipationRecorded(consumers[i], month, c.monthCount);
        }
    }

    /// @inheritdoc IConsumerRegistry
    function recordReliability(address[] calldata consumers, uint16[] calldata outcomesBps)
        external
        onlyRole(REPORTER_ROLE)
        whenNotPaused
    {
        if (consumers.length != outcomesBps.length) {
            revert LengthMismatch(consumers.length, outcomesBps.length);
        }
        uint16 alpha = _reliabilityAlphaBps;
        for (uint256 i = 0; i < consumers.length; ++i) {
            uint16 outcome = outcomesBps[i];
            if (outcome > MAX_BPS) revert BpsOutOfRange(outcome);
            Consumer storage c = _registered(consumers[i]);
            uint16 updated = ScoreMath.ewma(c.reliabilityBps, outcome, alpha);
            c.reliabilityBps = updated;
            emit ReliabilityUpdated(consumers[i], outcome, updated);
        }
    }

    // ------------------------------------------------------------------------------------------ governance
    /// @notice Sets the UtilityRegistry consulted for utility status.
    /// @param utilityRegistry_ The registry (non-zero).
    function setUtilityRegistry(address utilityRegistry_) external onlyRole(GOVERNANCE_ROLE) {
        _setUtilityRegistry(utilityRegistry_);
    }

    /// @notice Sets the reliability EWMA weight.
    /// @param alphaBps Weight in bps (≤ 10000).
    function setReliabilityAlpha(uint16 alphaBps) external onlyRole(GOVERNANCE_ROLE) {
        _setReliabilityAlpha(alphaBps);
    }

    /// @notice Sets the reliability newly registered consumers start with.
    /// @param reliabilityBps Reliability in bps (≤ 10000).
    function setInitialReliability(uint16 reliabilityBps) external onlyRole(GOVERNANCE_ROLE) {
        _setInitialReliability(reliabilityBps);
    }

    // ------------------------------------------------------------------------------------------ views
    /// @notice The UtilityRegistry consulted for utility status.
    /// @return The registry address.
    function utilityRegistry() external view returns (address) {
        return address(_utilityRegistry);
    }

    /// @notice Governed reliability parameters.
    /// @return alphaBps EWMA weight.
    /// @return initialBps Starting reliability.
    function reliabilityParams() external view returns (uint16 alphaBps, uint16 initialBps) {
        return (_reliabilityAlphaBps, _initialReliabilityBps);
    }

    /// @notice The full record of `consumer` (availability stored inverted; see `preferencesOf`).
    /// @param consumer The consumer.
    /// @return The record.
    function consumerOf(address consumer) external view returns (Consumer memory) {
        return _records[consumer];
    }

    /// @notice The preferences of `consumer` as it set them (availability un-inverted).
    /// @param consumer The consumer.
    /// @return p The preferences.
    function preferencesOf(address consumer) external view returns (Preferences memory p) {
        Consumer storage c = _records[consumer];
        p = Preferences({
            maxTier: c.maxTier,
            maxEventsPerMonth: c.maxEventsPerMonth,
            autoEnroll: c.autoEnroll,
            availability: c.index == 0 ? 0 : ALL_HOURS & ~c.unavailableHours,
            payoutToken: c.payoutToken,
            payoutAddress: c.payoutAddress
        });
    }

    /// @notice The consumer bound to a meter commitment (address(0) when unbound).
    /// @param meterIdHash The meter commitment.
    /// @return The consumer.
    function meterOwnerOf(bytes32 meterIdHash) external view returns (address) {
        return _meterOwner[meterIdHash];
    }

    /// @notice Events counted towards `consumer`'s cap in `time`'s calendar month.
    /// @param consumer The consumer.
    /// @param time Any time in the month.
    /// @return The count.
    function participationInMonth(address consumer, uint64 time) public view returns (uint8) {
        Consumer storage c = _records[consumer];
        return c.monthId == monthIdOf(time) ? c.monthCount : 0;
    }

    /// @inheritdoc IConsumerRegistry
    function indexOf(address consumer) external view returns (uint32) {
        return _records[consumer].index;
    }

    /// @inheritdoc IConsumerRegistry
    function servingUtilityOf(address consumer) external view returns (address) {
        return _records[consumer].utility;
    }

    /// @inheritdoc IConsumerRegistry
    function reliabilityOf(address consumer) external view returns (uint16) {
        return _records[consumer].reliabilityBps;
    }

    /// @inheritdoc IConsumerRegistry
    function payoutAddressOf(address consumer) external view returns (address) {
        address p = _records[consumer].payoutAddress;
        return p == address(0) ? consumer : p;
    }

    /// @inheritdoc IConsumerRegistry
    function payoutTokenOf(address consumer) external view returns (address) {
        return _records[consumer].payoutToken;
    }

    /// @inheritdoc IConsumerRegistry
    function autoEnrollOf(address consumer) external view returns (bool) {
        return _records[consumer].autoEnroll;
    }

    /// @inheritdoc IConsumerRegistry
    function consumerAt(uint32 index) external view returns (address) {
        if (index == 0 || index > _consumers.length) return address(0);
        return _consumers[index - 1];
    }

    /// @inheritdoc IConsumerRegistry
    function consumerCount() external view returns (uint32) {
        return uint32(_consumers.length);
    }

    /// @inheritdoc IConsumerRegistry
    function isEligible(address consumer, uint8 tier, uint64 time) external view returns (bool) {
        return eligibility(consumer, tier, time) == Ineligibility.None;
    }

    /// @inheritdoc IConsumerRegistry
    function eligibility(address consumer, uint8 tier, uint64 time) public view returns (Ineligibility) {
        Consumer storage c = _records[consumer];
        if (c.index == 0) return Ineligibility.NotRegistered;
        uint64 kyc = c.kycExpiry;
        if (kyc == 0) return Ineligibility.NoKyc;
        if (kyc <= time) return Ineligibility.KycExpired;
        if (!c.participationConsent) return Ineligibility.NoParticipationConsent;
        if (!_utilityRegistry.isActive(c.utility)) return Ineligibility.UtilityNotActive;
        if (tier > c.maxTier) return Ineligibility.TierNotAccepted;
        if ((c.unavailableHours >> hourOfWeek(time)) & 1 == 1) return Ineligibility.Unavailable;
        uint8 cap = c.maxEventsPerMonth;
        if (cap != 0 && participationInMonth(consumer, time) >= cap) return Ineligibility.MonthlyCapReached;
        return Ineligibility.None;
    }

    /// @notice Hour of the week (0..167) of a unix time, UTC, 0 = Monday 00:00–01:00.
    /// @param time Unix seconds.
    /// @return The hour-of-week bit index.
    function hourOfWeek(uint64 time) public pure returns (uint256) {
        uint256 day = time / 1 days;
        // 1970-01-01 was a Thursday (weekday 3 with Monday = 0).
        return ((day + 3) % 7) * 24 + (time % 1 days) / 1 hours;
    }

    /// @notice Calendar month id of a unix time, UTC: year × 12 + (month − 1).
    /// @dev Howard Hinnant's civil-from-days algorithm (proleptic Gregorian).
    /// @param time Unix seconds.
    /// @return The month id.
    function monthIdOf(uint64 time) public pure returns (uint32) {
        uint256 z = time / 1 days + 719_468;
        uint256 era = z / 146_097;
        uint256 doe = z - era * 146_097;
        uint256 yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        uint256 y = yoe + era * 400;
        uint256 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        uint256 mp = (5 * doy + 2) / 153;
        uint256 m = mp < 10 ? mp + 3 : mp - 9;
        if (m <= 2) y += 1;
        // y < 2^64 / 86400 / 365 + 1, so y * 12 + 11 fits in 32 bits.
        // forge-lint: disable-next-line(unsafe-typecast)
        return uint32(y * 12 + (m - 1));
    }

    // ------------------------------------------------------------------------------------------ internal
    /// @dev Writes one registration (slot 0 packed, the three commitments, the meter binding, the index).
    function _register(Registration calldata r, address utility, uint16 initialReliability)
        internal
        returns (uint32 index)
    {
        address consumer = r.consumer;
        if (consumer == address(0)) revert ZeroAddress("consumer");
        Consumer storage c = _records[consumer];
        if (c.index != 0) revert ConsumerAlreadyRegistered(consumer, c.index);
        _bindMeter(consumer, r.meterIdHash);
        _consumers.push(consumer);
        // Callers bound the index space to 32 bits before registering.
        // forge-lint: disable-next-line(unsafe-typecast)
        index = uint32(_consumers.length);
        c.utility = utility;
        c.index = index;
        c.reliabilityBps = initialReliability;
        c.maxTier = MAX_TIER;
        c.profileHash = r.profileHash;
        c.encryptedPointerHash = r.encryptedPointerHash;
        c.meterIdHash = r.meterIdHash;
        emit ConsumerRegistered(consumer, utility, index, r.profileHash, r.encryptedPointerHash, r.meterIdHash);
    }

    function _requireActiveUtility(address utility) internal view {
        if (!_utilityRegistry.isActive(utility)) revert UtilityNotActive(utility, _utilityRegistry.statusOf(utility));
    }

    function _registered(address consumer) internal view returns (Consumer storage c) {
        c = _records[consumer];
        if (c.index == 0) revert ConsumerNotRegistered(consumer);
    }

    function _bindMeter(address consumer, bytes32 meterIdHash) internal {
        if (meterIdHash == bytes32(0)) revert ZeroMeter(consumer);
        address owner = _meterOwner[meterIdHash];
        if (owner != address(0)) revert MeterAlreadyBound(meterIdHash, owner);
        _meterOwner[meterIdHash] = consumer;
    }

    function _setUtilityRegistry(address utilityRegistry_) internal {
        if (utilityRegistry_ == address(0)) revert ZeroAddress("utilityRegistry");
        _utilityRegistry = IUtilityRegistry(utilityRegistry_);
        emit UtilityRegistrySet(utilityRegistry_);
    }

    function _setReliabilityAlpha(uint16 alphaBps) internal {
        if (alphaBps > MAX_BPS) revert BpsOutOfRange(alphaBps);
        _reliabilityAlphaBps = alphaBps;
        emit ReliabilityAlphaSet(alphaBps);
    }

    function _setInitialReliability(uint16 reliabilityBps) internal {
        if (reliabilityBps > MAX_BPS) revert BpsOutOfRange(reliabilityBps);
        _initialReliabilityBps = reliabilityBps;
        emit InitialReliabilitySet(reliabilityBps);
    }
}
