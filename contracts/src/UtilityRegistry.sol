// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {PeaklabUpgradeable} from "./base/PeaklabUpgradeable.sol";
import {IUtilityRegistry} from "./interfaces/IUtilityRegistry.sol";
import {ScoreMath} from "./libraries/ScoreMath.sol";

/// @title UtilityRegistry
/// @notice Verification of the utilities that run demand-response events.
///         A utility applies with a bond (governed token, at least the governed minimum) → Pending.
///         Regulators (REGULATOR_ROLE, N members) approve; M distinct approvals from current regulators plus
///         every governed compliance flag (bitmask: licence, insurance, audit, …; each attested by a regulator
///         with its own expiry, present and unexpired) make it Active until now + the governed approval period.
///         Active past its expiry reads Expired. Regulators suspend, reinstate and revoke; revoking a utility that
///         was ever Active slashes the governed share of its bond to the treasury (rejecting a never-approved
///         applicant returns the whole bond). Renewal before expiry needs one approval when the utility's
///         reputation is at or above the governed threshold, the full M otherwise. The bond can be withdrawn a
///         governed delay after revocation or expiry. Reputation is an EWMA (bps) of event outcomes reported by
///         REPORTER_ROLE (the ReductionRequests contract).
/// @dev `isActive` also requires every governed compliance flag to be unexpired now, so a lapsed licence stops a
///      utility from creating events or serving consumers without a regulator having to act.
contract UtilityRegistry is PeaklabUpgradeable, IUtilityRegistry {
    using SafeERC20 for IERC20;

    // ------------------------------------------------------------------------------------------ errors
    /// @notice The utility may not (re-)apply in its current status (re-applying needs None, Expired, or
    ///         Revoked with the bond withdrawn).
    error ApplicationNotAllowed(address utility, Status status);
    /// @notice The offered bond is below the governed minimum.
    error BondBelowMinimum(uint256 amount, uint256 minimum);
    /// @notice The action needs a Pending application (or a requested renewal).
    error UtilityNotPending(address utility, Status status);
    /// @notice The action needs an Active (unexpired) utility.
    error UtilityNotActive(address utility, Status status);
    /// @notice The action needs a Suspended utility.
    error UtilityNotSuspended(address utility, Status status);
    /// @notice The utility never applied.
    error UtilityNotRegistered(address utility);
    /// @notice The utility is already revoked.
    error UtilityAlreadyRevoked(address utility);
    /// @notice A regulator cannot approve or attest for itself.
    error RegulatorIsApplicant(address regulator);
    /// @notice This regulator already approved the current application/renewal round.
    error AlreadyApproved(address utility, address regulator, uint32 round);
    /// @notice Not enough approvals from current regulators.
    error ApprovalsInsufficient(address utility, uint256 have, uint256 need);
    /// @notice Some governed compliance flags are missing or expired (`valid` has the unexpired ones).
    error ComplianceFlagsMissing(address utility, uint256 required, uint256 valid);
    /// @notice A compliance attestation must expire in the future.
    error ExpiryNotInFuture(uint64 expiry, uint256 nowTime);
    /// @notice M must satisfy 1 ≤ M ≤ N (N = current number of regulators).
    error RequiredApprovalsOutOfRange(uint256 required, uint256 regulators);
    /// @notice Removing this regulator would leave fewer regulators than the required approvals.
    error RegulatorQuorumUnreachable(uint256 required, uint256 regulatorsAfter);
    /// @notice A renewal was already requested for the current approval.
    error RenewalAlreadyRequested(address utility);
    /// @notice The bond can only be withdrawn after revocation or expiry.
    error BondNotWithdrawable(address utility, Status status);
    /// @notice The bond is still locked (governed delay after revocation/expiry).
    error BondLocked(address utility, uint256 unlockAt);
    /// @notice There is no bond left to withdraw.
    error NoBond(address utility);
    /// @notice A basis-point parameter is above 10000.
    error BpsOutOfRange(uint256 value);
    /// @notice A duration parameter must be positive.
    error ZeroDuration();

    // ------------------------------------------------------------------------------------------ events
    /// @notice A utility applied (or re-applied), adding `bondAmount` (as received) to its bond.
    event UtilityApplied(
        address indexed utility, bytes32 credentialsHash, string metadataURI, address bondToken, uint256 bondAmount
    );
    /// @notice The utility updated its credentials commitment or metadata.
    event ProfileUpdated(address indexed utility, bytes32 credentialsHash, string metadataURI);
    /// @notice A regulator approved an application or renewal round.
    event UtilityApprovalGiven(address indexed utility, address indexed regulator, uint32 indexed round);
    /// @notice The utility became Active (first approval or renewal) until `expiry`.
    event UtilityActivated(address indexed utility, uint64 expiry, bool renewal);
    /// @notice The utility asked to renew its approval.
    event RenewalRequested(address indexed utility, uint32 round);
    /// @notice A regulator attested a compliance flag (bit index) until `expiry`.
    event ComplianceAttested(address indexed utility, uint8 indexed flag, address indexed regulator, uint64 expiry);
    /// @notice A regulator withdrew a compliance flag.
    event ComplianceRevoked(address indexed utility, uint8 indexed flag, address indexed regulator);
    /// @notice A regulator suspended an Active utility.
    event UtilitySuspended(address indexed utility, address indexed regulator, bytes32 reasonHash);
    /// @notice A regulator reinstated a Suspended utility.
    event UtilityReinstated(address indexed utility, address indexed regulator);
    /// @notice A regulator revoked the utility; `slashed` went to the treasury.
    event UtilityRevoked(address indexed utility, address indexed regulator, bytes32 reasonHash, uint256 slashed);
    /// @notice The utility withdrew its bond.
    event BondWithdrawn(address indexed utility, address indexed token, uint256 amount);
    /// @notice The utility's reputation moved after an event outcome.
    event ReputationUpdated(address indexed utility, uint16 outcomeBps, uint16 reputationBps);
    /// @notice The number of regulators changed (N).
    event RegulatorCountChanged(uint256 regulators);
    /// @notice Governance set the bond token for new applications.
    event BondTokenSet(address indexed token);
    /// @notice Governance set the minimum bond.
    event MinBondSet(uint256 minBond);
    /// @notice Governance set M, the required distinct regulator approvals.
    event RequiredApprovalsSet(uint16 required);
    /// @notice Governance set the bitmask of required compliance flags.
    event RequiredFlagsSet(uint256 flags);
    /// @notice Governance set how long an approval lasts.
    event ApprovalPeriodSet(uint64 period);
    /// @notice Governance set the reputation at or above which renewal needs a single approval.
    event RenewalReputationThresholdSet(uint16 thresholdBps);
    /// @notice Governance set the reputation EWMA weight.
    event ReputationAlphaSet(uint16 alphaBps);
    /// @notice Governance set the reputation a new applicant starts with.
    event InitialReputationSet(uint16 reputationBps);
    /// @notice Governance set the share of the bond slashed when an approved utility is revoked.
    event RevokeSlashSet(uint16 slashBps);
    /// @notice Governance set the delay between revocation/expiry and bond withdrawal.
    event BondUnlockDelaySet(uint64 delay);
    /// @notice Governance set the treasury that receives slashed bonds.
    event TreasurySet(address indexed treasury);

    // ------------------------------------------------------------------------------------------ constants
    /// @notice Approves utilities, attests compliance, suspends, reinstates, revokes.
    bytes32 public constant REGULATOR_ROLE = keccak256("REGULATOR_ROLE");
    /// @notice Reports event outcomes (the ReductionRequests contract).
    bytes32 public constant REPORTER_ROLE = keccak256("REPORTER_ROLE");
    /// @notice Compliance flag bit 0: operating licence.
    uint256 public constant FLAG_LICENCE = 1 << 0;
    /// @notice Compliance flag bit 1: insurance.
    uint256 public constant FLAG_INSURANCE = 1 << 1;
    /// @notice Compliance flag bit 2: security/data audit.
    uint256 public constant FLAG_AUDIT = 1 << 2;
    uint16 private constant MAX_BPS = 10_000;

    // ------------------------------------------------------------------------------------------ types
    /// @notice Governed parameters.
    struct Config {
        address bondToken; // token new applicants bond in
        uint16 requiredApprovals; // M
        uint16 renewalReputationThresholdBps; // renewal needs 1 approval at or above this reputation
        uint16 reputationAlphaBps; // EWMA weight of an event outcome
        uint16 initialReputationBps; // reputation of a new applicant
        uint16 revokeSlashBps; // share of the bond slashed when an ever-approved utility is revoked
        address treasury; // receives slashed bonds
        uint64 approvalPeriod; // seconds an approval lasts
        uint256 minBond; // minimum bond (bond token base units)
        uint256 requiredFlags; // bitmask of compliance flags that must be present and unexpired
        uint64 bondUnlockDelay; // seconds after revocation/expiry before the bond can be withdrawn
    }

    /// @notice One utility's record.
    struct Utility {
        Status status; // stored status (Active past expiry reads Expired)
        uint16 reputationBps;
        uint64 expiry; // approval expiry (0 before first activation)
        uint64 revokedAt;
        uint32 round; // approval round: bumps on every application, renewal request and activation
        bool renewalRequested;
        bool everActive;
        address bondToken;
        uint96 bondAmount;
        bytes32 credentialsHash;
        string metadataURI;
    }

    // ------------------------------------------------------------------------------------------ state
    Config private _config;
    uint256 private _regulatorCount;
    mapping(address utility => Utility) private _utilities;
    mapping(address utility => mapping(uint8 flag => uint64 expiry)) private _flagExpiry;
    mapping(address utility => mapping(uint32 round => address[])) private _approvers;
    mapping(address utility => mapping(uint32 round => mapping(address regulator => bool))) private _approved;
    uint256[50] private __gap;

    // ------------------------------------------------------------------------------------------ init
    /// @notice Initialises the proxy.
    /// @param timelock_ Governance timelock (admin and GOVERNANCE_ROLE).
    /// @param guardian May pause.
    /// @param regulators Initial REGULATOR_ROLE members (N).
    /// @param cfg Initial parameters (M must satisfy 1 ≤ M ≤ regulators.length).
    function initialize(address timelock_, address guardian, address[] calldata regulators, Config calldata cfg)
        external
        initializer
    {
        __PeaklabUpgradeable_init(timelock_, guardian);
        for (uint256 i = 0; i < regulators.length; ++i) {
            if (regulators[i] == address(0)) revert ZeroAddress("regulator");
            _grantRole(REGULATOR_ROLE, regulators[i]);
        }
        _setBondToken(cfg.bondToken);
        _setMinBond(cfg.minBond);
        _setRequiredApprovals(cfg.requiredApprovals);
        _setRequiredFlags(cfg.requiredFlags);
        _setApprovalPeriod(cfg.approvalPeriod);
        _setRenewalReputationThreshold(cfg.renewalReputationThresholdBps);
        _setReputationAlpha(cfg.reputationAlphaBps);
        _setInitialReputation(cfg.initialReputationBps);
        _setRevokeSlash(cfg.revokeSlashBps);
        _setBondUnlockDelay(cfg.bondUnlockDelay);
        _setTreasury(cfg.treasury);
    }

    // ------------------------------------------------------------------------------------------ utility actions
    /// @notice Applies for verification, bonding `bondAmount` of the governed bond token (pulled with
    ///         transferFrom; approve it first). Allowed when never applied, Expired, or Revoked with the bond
    ///         withdrawn. An Expired utility's remaining bond is kept and counts towards the minimum.
    /// @param credentialsHash Commitment to the off-chain credentials regulators review.
    /// @param metadataURI Public metadata (name, service area, …).
    /// @param bondAmount Bond to add, in bond-token base units.
    function submitApplication(bytes32 credentialsHash, string calldata metadataURI, uint256 bondAmount)
        external
        whenNotPaused
        nonReentrant
    {
        Utility storage u = _utilities[msg.sender];
        Status s = _effectiveStatus(u);
        bool fresh = s == Status.None || (s == Status.Revoked && u.bondAmount == 0);
        if (!fresh && s != Status.Expired) revert ApplicationNotAllowed(msg.sender, s);
        address token = _config.bondToken;
        if (u.bondAmount != 0 && u.bondToken != token) revert ApplicationNotAllowed(msg.sender, s);
        // The bond is pulled before the effects so that only what actually arrived counts (fee-on-transfer
        // tokens); nonReentrant and the status checks above make the early interaction safe.
        uint256 received = 0;
        if (bondAmount != 0) {
            uint256 before = IERC20(token).balanceOf(address(this));
            IERC20(token).safeTransferFrom(msg.sender, address(this), bondAmount);
            received = IERC20(token).balanceOf(address(this)) - before;
        }
        uint256 total = uint256(u.bondAmount) + received;
        if (total < _config.minBond) revert BondBelowMinimum(total, _config.minBond);

        if (s == Status.None) u.reputationBps = _config.initialReputationBps;
        u.status = Status.Pending;
        u.round += 1;
        u.renewalRequested = false;
        u.bondToken = token;
        u.bondAmount = SafeCast.toUint96(total);
        u.credentialsHash = credentialsHash;
        u.metadataURI = metadataURI;
        emit UtilityApplied(msg.sender, credentialsHash, metadataURI, token, received);
    }

    /// @notice Updates the credentials commitment and metadata. While Pending, a new credentials commitment
    ///         discards the approvals given so far (regulators approved the old one).
    /// @param credentialsHash New credentials commitment.
    /// @param metadataURI New metadata URI.
    function updateProfile(bytes32 credentialsHash, string calldata metadataURI) external whenNotPaused {
        Utility storage u = _utilities[msg.sender];
        Status s = _effectiveStatus(u);
        _requireRegisteredUnrevoked(msg.sender, s);
        if (u.credentialsHash != credentialsHash && (s == Status.Pending || u.renewalRequested)) u.round += 1;
        u.credentialsHash = credentialsHash;
        u.metadataURI = metadataURI;
        emit ProfileUpdated(msg.sender, credentialsHash, metadataURI);
    }

    /// @notice Asks regulators to renew an Active, unexpired approval (starts a fresh approval round).
    function requestRenewal() external whenNotPaused {
        Utility storage u = _utilities[msg.sender];
        Status s = _effectiveStatus(u);
        if (s != Status.Active) revert UtilityNotActive(msg.sender, s);
        if (u.renewalRequested) revert RenewalAlreadyRequested(msg.sender);
        u.renewalRequested = true;
        u.round += 1;
        emit RenewalRequested(msg.sender, u.round);
    }

    /// @notice Withdraws the whole remaining bond once the utility is Revoked or Expired and the governed
    ///         unlock delay has passed since the revocation or expiry.
    function withdrawBond() external whenNotPaused nonReentrant {
        Utility storage u = _utilities[msg.sender];
        Status s = _effectiveStatus(u);
        uint256 since;
        if (s == Status.Revoked) since = u.revokedAt;
        else if (s == Status.Expired) since = u.expiry;
        else revert BondNotWithdrawable(msg.sender, s);
        uint256 unlockAt = since + _config.bondUnlockDelay;
        if (block.timestamp < unlockAt) revert BondLocked(msg.sender, unlockAt);
        uint256 amount = u.bondAmount;
        if (amount == 0) revert NoBond(msg.sender);
        address token = u.bondToken;
        u.bondAmount = 0;
        emit BondWithdrawn(msg.sender, token, amount);
        IERC20(token).safeTransfer(msg.sender, amount);
    }

    // ------------------------------------------------------------------------------------------ regulator actions
    /// @notice Approves `utility`'s pending application or requested renewal (once per regulator per round) and
    ///         activates it when the approvals and compliance flags suffice.
    /// @param utility The applicant.
    function approveUtility(address utility) external onlyRole(REGULATOR_ROLE) whenNotPaused {
        if (utility == msg.sender) revert RegulatorIsApplicant(msg.sender);
        Utility storage u = _utilities[utility];
        Status s = _effectiveStatus(u);
        if (!_isAwaitingApproval(u, s)) revert UtilityNotPending(utility, s);
        uint32 round = u.round;
        if (_approved[utility][round][msg.sender]) revert AlreadyApproved(utility, msg.sender, round);
        _approved[utility][round][msg.sender] = true;
        _approvers[utility][round].push(msg.sender);
        emit UtilityApprovalGiven(utility, msg.sender, round);
        _tryActivate(utility, u, s, false);
    }

    /// @notice Completes a pending application or renewal whose approvals and flags now suffice (e.g. after a
    ///         governance change of M or of the required flags). Anyone may call it.
    /// @param utility The applicant.
    function activate(address utility) external whenNotPaused {
        Utility storage u = _utilities[utility];
        Status s = _effectiveStatus(u);
        if (!_isAwaitingApproval(u, s)) revert UtilityNotPending(utility, s);
        _tryActivate(utility, u, s, true);
    }

    /// @notice Attests compliance flag `flag` (bit index) for `utility` until `expiry`; may complete a pending
    ///         application or renewal.
    /// @param utility The utility.
    /// @param flag Bit index of the flag (see FLAG_* constants).
    /// @param expiry When the attestation lapses (unix seconds, in the future).
    function attestCompliance(address utility, uint8 flag, uint64 expiry)
        external
        onlyRole(REGULATOR_ROLE)
        whenNotPaused
    {
        if (utility == msg.sender) revert RegulatorIsApplicant(msg.sender);
        Utility storage u = _utilities[utility];
        Status s = _effectiveStatus(u);
        _requireRegisteredUnrevoked(utility, s);
        if (expiry <= block.timestamp) revert ExpiryNotInFuture(expiry, block.timestamp);
        _flagExpiry[utility][flag] = expiry;
        emit ComplianceAttested(utility, flag, msg.sender, expiry);
        if (_isAwaitingApproval(u, s)) _tryActivate(utility, u, s, false);
    }

    /// @notice Withdraws compliance flag `flag` from `utility` (a required flag's absence makes it inactive).
    /// @param utility The utility.
    /// @param flag Bit index of the flag.
    function revokeCompliance(address utility, uint8 flag) external onlyRole(REGULATOR_ROLE) {
        if (_utilities[utility].status == Status.None) revert UtilityNotRegistered(utility);
        delete _flagExpiry[utility][flag];
        emit ComplianceRevoked(utility, flag, msg.sender);
    }

    /// @notice Suspends an Active utility (it stops being `isActive`; its expiry keeps running). Works while
    ///         paused, so regulators can stop a utility at once; revocation (which moves the slashed bond) waits.
    /// @param utility The utility.
    /// @param reasonHash Commitment to the reason (off-chain document).
    function suspend(address utility, bytes32 reasonHash) external onlyRole(REGULATOR_ROLE) {
        Utility storage u = _utilities[utility];
        Status s = _effectiveStatus(u);
        if (s != Status.Active) revert UtilityNotActive(utility, s);
        u.status = Status.Suspended;
        u.renewalRequested = false;
        emit UtilitySuspended(utility, msg.sender, reasonHash);
    }

    /// @notice Reinstates a Suspended utility (reads Expired if its approval lapsed meanwhile). Its required
    ///         compliance flags must be valid.
    /// @param utility The utility.
    function reinstate(address utility) external onlyRole(REGULATOR_ROLE) whenNotPaused {
        Utility storage u = _utilities[utility];
        if (u.status != Status.Suspended) revert UtilityNotSuspended(utility, _effectiveStatus(u));
        (bool complete, uint256 required, uint256 valid) = _complianceOf(utility);
        if (!complete) revert ComplianceFlagsMissing(utility, required, valid);
        u.status = Status.Active;
        emit UtilityReinstated(utility, msg.sender);
    }

    /// @notice Revokes `utility` (Pending, Active, Suspended or Expired). If it was ever Active the governed
    ///         share of its bond is slashed to the treasury; a never-approved applicant keeps its whole bond.
    /// @param utility The utility.
    /// @param reasonHash Commitment to the reason (off-chain document).
    function revoke(address utility, bytes32 reasonHash) external onlyRole(REGULATOR_ROLE) whenNotPaused nonReentrant {
        Utility storage u = _utilities[utility];
        _requireRegisteredUnrevoked(utility, u.status);
        uint256 slashed = u.everActive ? (uint256(u.bondAmount) * _config.revokeSlashBps) / MAX_BPS : 0;
        u.status = Status.Revoked;
        u.revokedAt = uint64(block.timestamp);
        u.renewalRequested = false;
        u.bondAmount -= uint96(slashed); // slashed ≤ bondAmount, so it fits
        emit UtilityRevoked(utility, msg.sender, reasonHash, slashed);
        if (slashed != 0) IERC20(u.bondToken).safeTransfer(_config.treasury, slashed);
    }

    // ------------------------------------------------------------------------------------------ reporter
    /// @inheritdoc IUtilityRegistry
    function recordOutcome(address utility, uint16 outcomeBps) external onlyRole(REPORTER_ROLE) whenNotPaused {
        Utility storage u = _utilities[utility];
        if (u.status == Status.None) revert UtilityNotRegistered(utility);
        if (outcomeBps > MAX_BPS) revert BpsOutOfRange(outcomeBps);
        uint16 updated = ScoreMath.ewma(u.reputationBps, outcomeBps, _config.reputationAlphaBps);
        u.reputationBps = updated;
        emit ReputationUpdated(utility, outcomeBps, updated);
    }

    // ------------------------------------------------------------------------------------------ governance
    /// @notice Sets the bond token for new applications (existing bonds stay in their token).
    /// @param token ERC-20 bond token.
    function setBondToken(address token) external onlyRole(GOVERNANCE_ROLE) {
        _setBondToken(token);
    }

    /// @notice Sets the minimum bond.
    /// @param minBond Minimum bond in bond-token base units.
    function setMinBond(uint256 minBond) external onlyRole(GOVERNANCE_ROLE) {
        _setMinBond(minBond);
    }

    /// @notice Sets M, the distinct regulator approvals an application needs (1 ≤ M ≤ N).
    /// @param required M.
    function setRequiredApprovals(uint16 required) external onlyRole(GOVERNANCE_ROLE) {
        _setRequiredApprovals(required);
    }

    /// @notice Sets the bitmask of compliance flags that must be present and unexpired.
    /// @param flags Bitmask (bit i = flag i).
    function setRequiredFlags(uint256 flags) external onlyRole(GOVERNANCE_ROLE) {
        _setRequiredFlags(flags);
    }

    /// @notice Sets how long an approval (or renewal) lasts.
    /// @param period Seconds (> 0).
    function setApprovalPeriod(uint64 period) external onlyRole(GOVERNANCE_ROLE) {
        _setApprovalPeriod(period);
    }

    /// @notice Sets the reputation at or above which a renewal needs one approval instead of M.
    /// @param thresholdBps Threshold in bps (≤ 10000).
    function setRenewalReputationThreshold(uint16 thresholdBps) external onlyRole(GOVERNANCE_ROLE) {
        _setRenewalReputationThreshold(thresholdBps);
    }

    /// @notice Sets the reputation EWMA weight.
    /// @param alphaBps Weight in bps (≤ 10000).
    function setReputationAlpha(uint16 alphaBps) external onlyRole(GOVERNANCE_ROLE) {
        _setReputationAlpha(alphaBps);
    }

    /// @notice Sets the reputation a first-time applicant starts with.
    /// @param reputationBps Reputation in bps (≤ 10000).
    function setInitialReputation(uint16 reputationBps) external onlyRole(GOVERNANCE_ROLE) {
        _setInitialReputation(reputationBps);
    }

    /// @notice Sets the share of the bond slashed when an ever-approved utility is revoked.
    /// @param slashBps Share in bps (≤ 10000).
    function setRevokeSlash(uint16 slashBps) external onlyRole(GOVERNANCE_ROLE) {
        _setRevokeSlash(slashBps);
    }

    /// @notice Sets the delay between revocation/expiry and bond withdrawal.
    /// @param delay Seconds.
    function setBondUnlockDelay(uint64 delay) external onlyRole(GOVERNANCE_ROLE) {
        _setBondUnlockDelay(delay);
    }

    /// @notice Sets the treasury that receives slashed bonds.
    /// @param treasury Recipient (non-zero).
    function setTreasury(address treasury) external onlyRole(GOVERNANCE_ROLE) {
        _setTreasury(treasury);
    }

    // ------------------------------------------------------------------------------------------ views
    /// @notice The governed parameters.
    /// @return The current configuration.
    function config() external view returns (Config memory) {
        return _config;
    }

    /// @notice N, the number of REGULATOR_ROLE members.
    /// @return The count.
    function regulatorCount() external view returns (uint256) {
        return _regulatorCount;
    }

    /// @notice The stored record of `utility` (status as stored; see `statusOf` for the effective one).
    /// @param utility The utility.
    /// @return The record.
    function utilityOf(address utility) external view returns (Utility memory) {
        return _utilities[utility];
    }

    /// @notice Approvals from current regulators in the current round, and how many the round needs now.
    /// @param utility The utility.
    /// @return have Valid approvals.
    /// @return need Required approvals (1 for a renewal at or above the reputation threshold, else M).
    function approvalsOf(address utility) external view returns (uint256 have, uint256 need) {
        Utility storage u = _utilities[utility];
        return (_validApprovals(utility, u.round), _approvalsNeeded(u, _effectiveStatus(u)));
    }

    /// @notice Expiry of compliance flag `flag` for `utility` (0 = never attested or withdrawn).
    /// @param utility The utility.
    /// @param flag Bit index.
    /// @return Unix expiry.
    function complianceExpiryOf(address utility, uint8 flag) external view returns (uint64) {
        return _flagExpiry[utility][flag];
    }

    /// @inheritdoc IUtilityRegistry
    function statusOf(address utility) external view returns (Status) {
        return _effectiveStatus(_utilities[utility]);
    }

    /// @inheritdoc IUtilityRegistry
    /// @dev Also requires every governed compliance flag to be unexpired now.
    function isActive(address utility) external view returns (bool) {
        Utility storage u = _utilities[utility];
        if (u.status != Status.Active || block.timestamp >= u.expiry) return false;
        (bool complete,,) = _complianceOf(utility);
        return complete;
    }

    /// @inheritdoc IUtilityRegistry
    function reputationOf(address utility) external view returns (uint16) {
        return _utilities[utility].reputationBps;
    }

    /// @notice The required compliance flags of `utility` that are attested and unexpired now.
    /// @param utility The utility.
    /// @return Bitmask of valid required flags.
    function validFlags(address utility) public view returns (uint256) {
        return _validFlags(utility, _config.requiredFlags);
    }

    // ------------------------------------------------------------------------------------------ internal
    /// @dev Counts REGULATOR_ROLE members (N) as roles are granted.
    function _grantRole(bytes32 role, address account) internal override returns (bool granted) {
        granted = super._grantRole(role, account);
        if (granted && role == REGULATOR_ROLE) {
            _regulatorCount += 1;
            emit RegulatorCountChanged(_regulatorCount);
        }
    }

    /// @dev Counts REGULATOR_ROLE members and keeps M ≤ N: a revocation or renunciation that would leave fewer
    ///      regulators than M reverts (governance lowers M first).
    function _revokeRole(bytes32 role, address account) internal override returns (bool revoked) {
        revoked = super._revokeRole(role, account);
        if (revoked && role == REGULATOR_ROLE) {
            uint256 n = _regulatorCount - 1;
            if (n < _config.requiredApprovals) revert RegulatorQuorumUnreachable(_config.requiredApprovals, n);
            _regulatorCount = n;
            emit RegulatorCountChanged(n);
        }
    }

    function _tryActivate(address utility, Utility storage u, Status s, bool mustSucceed) internal {
        uint256 have = _validApprovals(utility, u.round);
        uint256 need = _approvalsNeeded(u, s);
        if (have < need) {
            if (mustSucceed) revert ApprovalsInsufficient(utility, have, need);
            return;
        }
        (bool complete, uint256 required, uint256 valid) = _complianceOf(utility);
        if (!complete) {
            if (mustSucceed) revert ComplianceFlagsMissing(utility, required, valid);
            return;
        }
        bool renewal = s == Status.Active;
        uint64 expiry = uint64(block.timestamp) + _config.approvalPeriod;
        if (renewal && u.expiry > expiry) expiry = u.expiry; // a renewal never shortens an approval
        u.status = Status.Active;
        u.expiry = expiry;
        u.everActive = true;
        u.renewalRequested = false;
        u.round += 1; // approvals are spent
        emit UtilityActivated(utility, expiry, renewal);
    }

    /// @dev A Pending application or a requested renewal of an Active approval: an approval round is open.
    function _isAwaitingApproval(Utility storage u, Status s) internal view returns (bool) {
        return s == Status.Pending || (s == Status.Active && u.renewalRequested);
    }

    /// @dev Reverts unless status `s` of `utility` is past None and not Revoked.
    function _requireRegisteredUnrevoked(address utility, Status s) internal pure {
        if (s == Status.None) revert UtilityNotRegistered(utility);
        if (s == Status.Revoked) revert UtilityAlreadyRevoked(utility);
    }

    /// @dev Whether every governed compliance flag of `utility` is attested and unexpired now, with the required
    ///      mask and the valid required flags.
    function _complianceOf(address utility) internal view returns (bool complete, uint256 required, uint256 valid) {
        required = _config.requiredFlags;
        valid = _validFlags(utility, required);
        complete = valid & required == required;
    }

    /// @dev The flags of `required` that `utility` has attested and unexpired now.
    function _validFlags(address utility, uint256 required) internal view returns (uint256 valid) {
        for (uint256 bit = 0; required >> bit != 0; ++bit) {
            if ((required >> bit) & 1 == 1 && _flagExpiry[utility][uint8(bit)] > block.timestamp) {
                valid |= 1 << bit;
            }
        }
    }

    function _validApprovals(address utility, uint32 round) internal view returns (uint256 count) {
        address[] storage approvers = _approvers[utility][round];
        for (uint256 i = 0; i < approvers.length; ++i) {
            if (hasRole(REGULATOR_ROLE, approvers[i])) ++count;
        }
    }

    function _approvalsNeeded(Utility storage u, Status s) internal view returns (uint256) {
        if (s == Status.Active && u.renewalRequested && u.reputationBps >= _config.renewalReputationThresholdBps) {
            return 1;
        }
        return _config.requiredApprovals;
    }

    function _effectiveStatus(Utility storage u) internal view returns (Status) {
        Status s = u.status;
        if (s == Status.Active && block.timestamp >= u.expiry) return Status.Expired;
        return s;
    }

    function _setBondToken(address token) internal {
        if (token == address(0)) revert ZeroAddress("bondToken");
        _config.bondToken = token;
        emit BondTokenSet(token);
    }

    function _setMinBond(uint256 minBond) internal {
        _config.minBond = minBond;
        emit MinBondSet(minBond);
    }

    function _setRequiredApprovals(uint16 required) internal {
        if (required == 0 || required > _regulatorCount) revert RequiredApprovalsOutOfRange(required, _regulatorCount);
        _config.requiredApprovals = required;
        emit RequiredApprovalsSet(required);
    }

    function _setRequiredFlags(uint256 flags) internal {
        _config.requiredFlags = flags;
        emit RequiredFlagsSet(flags);
    }

    function _setApprovalPeriod(uint64 period) internal {
        if (period == 0) revert ZeroDuration();
        _config.approvalPeriod = period;
        emit ApprovalPeriodSet(period);
    }

    function _setRenewalReputationThreshold(uint16 thresholdBps) internal {
        if (thresholdBps > MAX_BPS) revert BpsOutOfRange(thresholdBps);
        _config.renewalReputationThresholdBps = thresholdBps;
        emit RenewalReputationThresholdSet(thresholdBps);
    }

    function _setReputationAlpha(uint16 alphaBps) internal {
        if (alphaBps > MAX_BPS) revert BpsOutOfRange(alphaBps);
        _config.reputationAlphaBps = alphaBps;
        emit ReputationAlphaSet(alphaBps);
    }

    function _setInitialReputation(uint16 reputationBps) internal {
        if (reputationBps > MAX_BPS) revert BpsOutOfRange(reputationBps);
        _config.initialReputationBps = reputationBps;
        emit InitialReputationSet(reputationBps);
    }

    function _setRevokeSlash(uint16 slashBps) internal {
        if (slashBps > MAX_BPS) revert BpsOutOfRange(slashBps);
        _config.revokeSlashBps = slashBps;
        emit RevokeSlashSet(slashBps);
    }

    function _setBondUnlockDelay(uint64 delay) internal {
        _config.bondUnlockDelay = delay;
        emit BondUnlockDelaySet(delay);
    }

    function _setTreasury(address treasury) internal {
        if (treasury == address(0)) revert ZeroAddress("treasury");
        _config.treasury = treasury;
        emit TreasurySet(treasury);
    }
}
