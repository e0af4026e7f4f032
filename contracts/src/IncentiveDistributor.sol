// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {PeaklabUpgradeable} from "./base/PeaklabUpgradeable.sol";
import {IIncentiveDistributor} from "./interfaces/IIncentiveDistributor.sol";
import {IReductionRequests} from "./interfaces/IReductionRequests.sol";
import {IConsumerRegistry} from "./interfaces/IConsumerRegistry.sol";
import {IUtilityRegistry} from "./interfaces/IUtilityRegistry.sol";
import {PayoutMath} from "./libraries/PayoutMath.sol";

/// @title IncentiveDistributor
/// @notice Holds utilities' incentive budgets and pays consumers against Merkle roots of cumulative
///         entitlements.
///
///         Programs are (utility, token) pairs. A utility `fund`s its program; the oracle posts, per program,
///         a root of **cumulative** entitlements (OpenZeppelin StandardMerkleTree leaves
///         `keccak256(bytes.concat(keccak256(abi.encode(address account, uint256 cumulative))))`) with the
///         declared `cumulativeTotal` (≤ funded − withdrawn) and the Finalized events it settles (each marked
///         settled in ReductionRequests exactly once). A root becomes claimable after the governed dispute
///         window; inside it a consumer served by the utility may dispute it, which blocks it until the
///         arbiter resolves: rejected → the root stands; upheld → the arbiter's corrected root replaces it in
///         place with a new window. Claims use the newest root whose window passed and that has no open
///         dispute (once a root is claimable it stays so: disputes are only possible inside the window).
///
///         Guarantees: per program, paid ≤ the claimable root's declared total ≤ funded − withdrawn, and a
///         withdrawal never takes funds any usable root may still pay out, so per token total paid + withdrawn
///         ≤ total funded; an account is paid `cumulative − claimed` and `claimed` only grows, so it never
///         receives more than its cumulative entitlement and nothing is paid twice; paused ⇒ no transfers out.
///
///         Payout rule: `quotePayout` applies `PayoutMath` with the event's frozen terms (rate, tier multiplier,
///         stress) and the governed performance parameters and price curve. Defaults (governed): minimum
///         compliance 5000 bps, bonus slope 5000 bps, bonus cap 2500 bps; price curve through
///         (stress 0 → ×1.00, 8000 → ×1.00, 10000 → ×1.25, 15000 → ×2.00).
contract IncentiveDistributor is PeaklabUpgradeable, IIncentiveDistributor {
    using SafeERC20 for IERC20;

    /// @notice Dispute lifecycle.
    enum DisputeStatus {
        None,
        Open,
        Rejected,
        Upheld,
        Superseded // raised against a version an upheld dispute has since replaced
    }

    /// @notice A utility's budget in one token.
    struct Program {
        uint128 funded;
        uint128 withdrawn;
        uint128 paid;
    }

    /// @notice A posted root (4 slots).
    struct Root {
        bytes32 merkleRoot;
        address utility;
        uint64 claimableAt;
        uint32 openDisputes;
        address token;
        uint32 version; // bumped by every upheld correction
        uint32 eventCount;
        uint128 total;
    }

    /// @notice One claim of a batch.
    struct ClaimArgs {
        address account;
        uint256 cumulative;
        bytes32[] proof;
    }

    /// @notice A dispute of a root.
    struct Dispute {
        uint256 rootId;
        address disputer;
        DisputeStatus status;
        uint32 version; // the root version disputed
        bytes32 evidenceHash;
    }

    /// @notice The token is not accepted for programs.
    error TokenNotAccepted(address token);
    /// @notice A required amount or value is zero.
    error ZeroValue(string what);
    /// @notice The caller never applied as a utility.
    error NotAUtility(address caller);
    /// @notice The withdrawal exceeds the program's unallocated funds.
    error WithdrawExceedsAvailable(uint256 asked, uint256 available);
    /// @notice The root's declared total exceeds the program's funds (funded − withdrawn).
    error RootTotalExceedsFunds(uint256 total, uint256 available);
    /// @notice A settled event belongs to a different program.
    error EventPayerMismatch(uint256 eventId, address utility, address token);
    /// @notice The program has no claimable root (none posted, all inside their window or disputed).
    error NoClaimableRoot(address utility, address token);
    /// @notice The Merkle proof does not prove (account, cumulative) in the claimable root.
    error InvalidProof(uint256 rootId, address account, uint256 cumulative);
    /// @notice Nothing left to claim: the proven cumulative is not above what was already claimed.
    error NothingToClaim(address account, uint256 cumulative, uint256 claimed);
    /// @notice The claim would pay more than the root's declared total.
    error ClaimExceedsEntitlement(uint256 asked, uint256 left);
    /// @notice No root has this id.
    error UnknownRoot(uint256 rootId);
    /// @notice The dispute window of the root has closed.
    error DisputeWindowClosed(uint256 rootId, uint64 claimableAt, uint64 nowTs);
    /// @notice Only consumers served by the root's utility may dispute it.
    error NotServedConsumer(address caller, address utility);
    /// @notice The caller already disputed this version of the root.
    error AlreadyDisputed(uint256 rootId, address disputer);
    /// @notice The dispute is not open.
    error DisputeNotOpen(uint256 disputeId, DisputeStatus status);
    /// @notice The price curve has more than MAX_BREAKPOINTS points.
    error TooManyBreakpoints(uint256 count, uint256 max);
    /// @notice The dispute concerns a root version that was already replaced; it can only be closed.
    error DisputeSuperseded(uint256 disputeId, uint32 disputedVersion, uint32 currentVersion);
    /// @notice The dispute window is outside [MIN_DISPUTE_WINDOW, MAX_DISPUTE_WINDOW].
    error InvalidDisputeWindow(uint64 window);

    /// @notice A utility funded its program.
    event Funded(address indexed utility, address indexed token, uint256 amount);
    /// @notice A utility withdrew unallocated funds.
    event Withdrawn(address indexed utility, address indexed token, uint256 amount);
    /// @notice The oracle posted a root of cumulative entitlements settling `eventIds`.
    event RootPosted(
        uint256 indexed rootId,
        address indexed utility,
        address indexed token,
        bytes32 merkleRoot,
        uint256 cumulativeTotal,
        uint64 claimableAt,
        uint256[] eventIds
    );
    /// @notice An account was paid.
    event Claimed(
        address indexed utility,
        address indexed token,
        address indexed account,
        address to,
        uint256 amount,
        uint256 cumulative,
        uint256 rootId
    );
    /// @notice A consumer disputed a root.
    event RootDisputed(
        uint256 indexed disputeId, uint256 indexed rootId, address indexed disputer, bytes32 evidenceHash
    );
    /// @notice The arbiter resolved a dispute.
    event DisputeResolved(uint256 indexed disputeId, uint256 indexed rootId, bool upheld);
    /// @notice An upheld dispute replaced a root's content (new window).
    event RootCorrected(
        uint256 indexed rootId,
        bytes32 oldRoot,
        bytes32 newRoot,
        uint256 cumulativeTotal,
        uint64 claimableAt,
        uint32 version
    );
    /// @notice Governance accepted or removed a token.
    event AcceptedTokenSet(address indexed token, bool accepted);
    /// @notice Governance set the performance-factor parameters.
    event PerformanceParamsSet(uint32 minComplianceBps, uint32 bonusSlopeBps, uint32 bonusCapBps);
    /// @notice Governance set the price-factor curve.
    event PriceCurveSet(uint256[] x, uint256[] y);
    /// @notice Governance set the dispute window.
    event DisputeWindowSet(uint64 window);

    /// @notice Posts settlement roots.
    bytes32 public constant ORACLE_ROLE = keccak256("ORACLE_ROLE");
    /// @notice Resolves disputes.
    bytes32 public constant ARBITER_ROLE = keccak256("ARBITER_ROLE");
    /// @notice Shortest dispute window.
    uint64 public constant MIN_DISPUTE_WINDOW = 1 hours;
    /// @notice Longest dispute window.
    uint64 public constant MAX_DISPUTE_WINDOW = 30 days;
    /// @notice Most price-curve breakpoints (bounds the quote loop).
    uint256 public constant MAX_BREAKPOINTS = 16;

    IReductionRequests public requests;
    IConsumerRegistry public consumers;
    IUtilityRegistry public utilities;
    uint64 public disputeWindow;
    uint32 public minComplianceBps;
    uint32 public bonusSlopeBps;
    uint32 public bonusCapBps;
    uint256 public rootCount;
    uint256 public disputeCount;
    uint256[] private _priceX;
    uint256[] private _priceY;
    mapping(address token => bool) private _accepted;
    mapping(address utility => mapping(address token => Program)) private _programs;
    mapping(address utility => mapping(address token => uint256[])) private _programRoots;
    mapping(uint256 rootId => Root) private _roots;
    mapping(uint256 rootId => mapping(address disputer => uint32 versionPlusOne)) private _disputedVersion;
    mapping(uint256 disputeId => Dispute) private _disputes;
    mapping(address utility => mapping(address token => mapping(address account => uint256))) private _claimed;
    mapping(uint256 eventId => uint256 rootId) private _rootOfEvent;
    mapping(address token => Program) private _tokenTotals;

    uint256[50] private __gap;

    /// @notice Initialises roles, links, accepted tokens and the default payout parameters (proxy only).
    /// @param timelock_ Governance timelock.
    /// @param guardian May pause.
    /// @param requests_ ReductionRequests (events, markSettled).
    /// @param consumers_ Consumer registry (payout addresses, dispute eligibility).
    /// @param utilities_ Utility registry (who may fund).
    /// @param tokens Initially accepted tokens.
    /// @param disputeWindow_ Seconds a root stays disputable before it becomes claimable.
    function initialize(
        address timelock_,
        address guardian,
        IReductionRequests requests_,
        IConsumerRegistry consumers_,
        IUtilityRegistry utilities_,
        address[] calldata tokens,
        uint64 disputeWindow_
    ) external initializer {
        if (address(requests_) == address(0)) revert ZeroAddress("requests");
        if (address(consumers_) == address(0)) revert ZeroAddress("consumers");
        if (address(utilities_) == address(0)) revert ZeroAddress("utilities");
        __PeaklabUpgradeable_init(timelock_, guardian);
        requests = requests_;
        consumers = consumers_;
        utilities = utilities_;
        for (uint256 i; i < tokens.length; ++i) {
            _setAccepted(tokens[i], true);
        }
        _setDisputeWindow(disputeWindow_);
        _setPerformance(5000, 5000, 2500);
        uint256[] memory x = new uint256[](4);
        uint256[] memory y = new uint256[](4);
        (x[0], x[1], x[2], x[3]) = (0, 8000, 10_000, 15_000);
        (y[0], y[1], y[2], y[3]) = (10_000, 10_000, 12_500, 20_000);
        _setPriceCurve(x, y);
    }

    // ------------------------------------------------------------------ utilities

    /// @notice Adds `amount` of `token` to the caller's program (the received amount is what is credited).
    /// @param token An accepted token.
    /// @param amount Amount in base units (> 0); the caller must have approved it.
    function fund(address token, uint256 amount) external whenNotPaused nonReentrant {
        if (!_accepted[token]) revert TokenNotAccepted(token);
        if (amount == 0) revert ZeroValue("amount");
        if (utilities.statusOf(msg.sender) == IUtilityRegistry.Status.None) revert NotAUtility(msg.sender);
        uint256 before = IERC20(token).balanceOf(address(this));
        IERC20(token).safeTransferFrom(msg.sender, address(this), amount);
        uint128 received = SafeCast.toUint128(IERC20(token).balanceOf(address(this)) - before);
        _programs[msg.sender][token].funded += received;
        _tokenTotals[token].funded += received;
        emit Funded(msg.sender, token, received);
    }

    /// @notice Withdraws unallocated funds of the caller's program (funds no usable root may still pay out).
    /// @param token The program's token.
    /// @param amount Amount in base units (> 0, ≤ `withdrawable`).
    function withdraw(address token, uint256 amount) external whenNotPaused nonReentrant {
        if (amount == 0) revert ZeroValue("amount");
        uint256 available = withdrawable(msg.sender, token);
        if (amount > available) revert WithdrawExceedsAvailable(amount, available);
        uint128 a = SafeCast.toUint128(amount);
        _programs[msg.sender][token].withdrawn += a;
        _tokenTotals[token].withdrawn += a;
        emit Withdrawn(msg.sender, token, amount);
        IERC20(token).safeTransfer(msg.sender, amount);
    }

    // ------------------------------------------------------------------ oracle

    /// @notice Posts a root of cumulative entitlements for the (utility, token) program, settling `eventIds`
    ///         (each a Finalized event of that program, settled at most once).
    /// @param utility The program's utility.
    /// @param token The program's token.
    /// @param merkleRoot Root of the StandardMerkleTree of (account, cumulative).
    /// @param cumulativeTotal Sum of all leaves' cumulatives (≤ funded − withdrawn).
    /// @param eventIds Events this root settles (non-empty).
    /// @return rootId The new root's id (sequential from 1).
    function postRoot(
        address utility,
        address token,
        bytes32 merkleRoot,
        uint128 cumulativeTotal,
        uint256[] calldata eventIds
    ) external onlyRole(ORACLE_ROLE) whenNotPaused nonReentrant returns (uint256 rootId) {
        if (merkleRoot == bytes32(0)) revert ZeroValue("merkleRoot");
        if (eventIds.length == 0) revert ZeroValue("eventIds");
        Program storage p = _programs[utility][token];
        uint256 available = uint256(p.funded) - p.withdrawn;
        if (cumulativeTotal > available) revert RootTotalExceedsFunds(cumulativeTotal, available);
        rootId = ++rootCount;
        IReductionRequests rr = requests;
        for (uint256 i; i < eventIds.length; ++i) {
            uint256 id = eventIds[i];
            (address u, address t) = rr.eventPayer(id);
            if (u != utility || t != token) revert EventPayerMismatch(id, u, t);
            _rootOfEvent[id] = rootId;
            rr.markSettled(id);
        }
        uint64 claimableAt = uint64(block.timestamp) + disputeWindow;
        _roots[rootId] = Root({
            merkleRoot: merkleRoot,
            utility: utility,
            claimableAt: claimableAt,
            openDisputes: 0,
            token: token,
            version: 0,
            eventCount: uint32(eventIds.length),
            total: cumulativeTotal
        });
        _programRoots[utility][token].push(rootId);
        emit RootPosted(rootId, utility, token, merkleRoot, cumulativeTotal, claimableAt, eventIds);
    }

    // ------------------------------------------------------------------ consumers

    /// @notice Pays `account` its cumulative entitlement minus what it already claimed, to its payout address,
    ///         proven against the program's claimable root. Anyone may submit (e.g. a relayer).
    /// @param utility The program's utility.
    /// @param token The program's token.
    /// @param account The leaf's account.
    /// @param cumulative The leaf's cumulative entitlement.
    /// @param proof The Merkle proof of the leaf.
    /// @return amount The amount paid.
    function claim(address utility, address token, address account, uint256 cumulative, bytes32[] calldata proof)
        external
        whenNotPaused
        nonReentrant
        returns (uint256 amount)
    {
        uint256 rootId = claimableRootOf(utility, token);
        if (rootId == 0) revert NoClaimableRoot(utility, token);
        amount = _claimOne(utility, token, rootId, account, cumulative, proof);
    }

    /// @notice Claims for many accounts of one program in one transaction (a relayer's batch), each paid to its
    ///         payout address. Reverts on an invalid proof or an over-claim; skips accounts that have nothing
    ///         left to claim (e.g. they claimed themselves meanwhile), so one account cannot fail the batch.
    /// @param utility The program's utility.
    /// @param token The program's token.
    /// @param claims (account, cumulative, proof) per account.
    /// @return total The total paid.
    function claimBatch(address utility, address token, ClaimArgs[] calldata claims)
        external
        whenNotPaused
        nonReentrant
        returns (uint256 total)
    {
        uint256 rootId = claimableRootOf(utility, token);
        if (rootId == 0) revert NoClaimableRoot(utility, token);
        for (uint256 i; i < claims.length; ++i) {
            ClaimArgs calldata c = claims[i];
            if (c.cumulative <= _claimed[utility][token][c.account]) continue;
            total += _claimOne(utility, token, rootId, c.account, c.cumulative, c.proof);
        }
    }

    /// @notice Disputes a root inside its window (a consumer served by the root's utility, once per version).
    ///         The root is not claimable while any dispute on it is open. Allowed while paused.
    /// @param rootId The root.
    /// @param evidenceHash Commitment to the off-chain evidence (non-zero).
    /// @return disputeId The new dispute's id (sequential from 1).
    function dispute(uint256 rootId, bytes32 evidenceHash) external returns (uint256 disputeId) {
        Root storage r = _root(rootId);
        if (block.timestamp >= r.claimableAt) {
            revert DisputeWindowClosed(rootId, r.claimableAt, uint64(block.timestamp));
        }
        if (evidenceHash == bytes32(0)) revert ZeroValue("evidenceHash");
        if (consumers.indexOf(msg.sender) == 0 || consumers.servingUtilityOf(msg.sender) != r.utility) {
            revert NotServedConsumer(msg.sender, r.utility);
        }
        if (_disputedVersion[rootId][msg.sender] == r.version + 1) revert AlreadyDisputed(rootId, msg.sender);
        _disputedVersion[rootId][msg.sender] = r.version + 1;
        r.openDisputes += 1;
        disputeId = ++disputeCount;
        _disputes[disputeId] = Dispute(rootId, msg.sender, DisputeStatus.Open, r.version, evidenceHash);
        emit RootDisputed(disputeId, rootId, msg.sender, evidenceHash);
    }

    // ------------------------------------------------------------------ arbiter

    /// @notice Resolves an open dispute. Rejected: the root stands. Upheld: `correctedRoot` replaces the root's
    ///         content (total re-checked against the program's funds), a new dispute window starts and every
    ///         other open dispute of the replaced version becomes moot (closing one later marks it Superseded;
    ///         the corrected version can be disputed afresh).
    /// @param disputeId The dispute.
    /// @param upheld Whether the dispute is upheld (not allowed for a dispute of a replaced version).
    /// @param correctedRoot Replacement root (upheld only; non-zero).
    /// @param correctedTotal Replacement declared total (upheld only).
    function resolveDispute(uint256 disputeId, bool upheld, bytes32 correctedRoot, uint128 correctedTotal)
        external
        onlyRole(ARBITER_ROLE)
    {
        Dispute storage d = _disputes[disputeId];
        if (d.status != DisputeStatus.Open) revert DisputeNotOpen(disputeId, d.status);
        uint256 rootId = d.rootId;
        Root storage r = _roots[rootId];
        if (d.version != r.version) {
            if (upheld) revert DisputeSuperseded(disputeId, d.version, r.version);
            d.status = DisputeStatus.Superseded;
            emit DisputeResolved(disputeId, rootId, false);
            return;
        }
        if (upheld) {
            if (correctedRoot == bytes32(0)) revert ZeroValue("correctedRoot");
            Program storage p = _programs[r.utility][r.token];
            uint256 available = uint256(p.funded) - p.withdrawn;
            if (correctedTotal > available) revert RootTotalExceedsFunds(correctedTotal, available);
            bytes32 old = r.merkleRoot;
            uint64 claimableAt = uint64(block.timestamp) + disputeWindow;
            r.merkleRoot = correctedRoot;
            r.total = correctedTotal;
            r.claimableAt = claimableAt;
            r.version += 1;
            r.openDisputes = 0; // the other disputes concerned the replaced version
            d.status = DisputeStatus.Upheld;
            emit RootCorrected(rootId, old, correctedRoot, correctedTotal, claimableAt, r.version);
        } else {
            d.status = DisputeStatus.Rejected;
            r.openDisputes -= 1;
        }
        emit DisputeResolved(disputeId, rootId, upheld);
    }

    // ------------------------------------------------------------------ governance

    /// @notice Accepts or removes a program token. Only governance.
    /// @param token The token.
    /// @param accepted Whether utilities may fund (and budget events) in it.
    function setAcceptedToken(address token, bool accepted) external onlyRole(GOVERNANCE_ROLE) {
        _setAccepted(token, accepted);
    }

    /// @notice Sets the performance-factor parameters (PayoutMath). Only governance.
    /// @param minCompliance Below this compliance (bps) nothing is paid.
    /// @param bonusSlope Bonus bps per bps of over-delivery (bps).
    /// @param bonusCap Largest bonus (bps).
    function setPerformanceParams(uint32 minCompliance, uint32 bonusSlope, uint32 bonusCap)
        external
        onlyRole(GOVERNANCE_ROLE)
    {
        _setPerformance(minCompliance, bonusSlope, bonusCap);
    }

    /// @notice Sets the price-factor curve (PayoutMath breakpoints). Only governance.
    /// @param x Stress breakpoints (bps), strictly increasing, non-empty.
    /// @param y Price factor at each breakpoint (bps).
    function setPriceCurve(uint256[] calldata x, uint256[] calldata y) external onlyRole(GOVERNANCE_ROLE) {
        _setPriceCurve(x, y);
    }

    /// @notice Sets the dispute window for roots posted (or corrected) afterwards. Only governance.
    /// @param window Seconds in [MIN_DISPUTE_WINDOW, MAX_DISPUTE_WINDOW].
    function setDisputeWindow(uint64 window) external onlyRole(GOVERNANCE_ROLE) {
        _setDisputeWindow(window);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IIncentiveDistributor
    function isAcceptedToken(address token) external view returns (bool) {
        return _accepted[token];
    }

    /// @inheritdoc IIncentiveDistributor
    function quotePayout(uint256 eventId, uint256 deliveredWh, uint256 committedWh) external view returns (uint256) {
        (uint256 rate, uint16 multiplier, uint32 stress) = requests.payoutTerms(eventId);
        uint256 perf =
            PayoutMath.performanceFactorBps(deliveredWh, committedWh, minComplianceBps, bonusSlopeBps, bonusCapBps);
        uint256 price = PayoutMath.priceFactorBps(stress, _priceX, _priceY);
        return PayoutMath.payout(deliveredWh, rate, multiplier, perf, price);
    }

    /// @notice The governed price-factor curve.
    /// @return x Stress breakpoints (bps).
    /// @return y Factors (bps).
    function priceCurve() external view returns (uint256[] memory x, uint256[] memory y) {
        return (_priceX, _priceY);
    }

    /// @notice A program's funded, withdrawn and paid amounts.
    /// @param utility The utility.
    /// @param token The token.
    /// @return The program.
    function programOf(address utility, address token) external view returns (Program memory) {
        return _programs[utility][token];
    }

    /// @notice Per-token totals over all programs (funded, withdrawn, paid).
    /// @param token The token.
    /// @return The totals.
    function tokenTotals(address token) external view returns (Program memory) {
        return _tokenTotals[token];
    }

    /// @notice A root's record.
    /// @param rootId The root.
    /// @return The record.
    function rootOf(uint256 rootId) external view returns (Root memory) {
        return _root(rootId);
    }

    /// @notice Root ids posted for a program, oldest first.
    /// @param utility The utility.
    /// @param token The token.
    /// @return The ids.
    function rootsOf(address utility, address token) external view returns (uint256[] memory) {
        return _programRoots[utility][token];
    }

    /// @notice A dispute's record.
    /// @param disputeId The dispute.
    /// @return The record.
    function disputeOf(uint256 disputeId) external view returns (Dispute memory) {
        return _disputes[disputeId];
    }

    /// @notice What `account` already claimed (cumulative) from a program.
    /// @param utility The utility.
    /// @param token The token.
    /// @param account The account.
    /// @return The claimed cumulative amount.
    function claimedOf(address utility, address token, address account) external view returns (uint256) {
        return _claimed[utility][token][account];
    }

    /// @notice The root that settled `eventId` (0 if none).
    /// @param eventId The event.
    /// @return The root id.
    function rootOfEvent(uint256 eventId) external view returns (uint256) {
        return _rootOfEvent[eventId];
    }

    /// @notice The root claims use now: the newest whose window passed and that has no open dispute (0 if none).
    /// @param utility The utility.
    /// @param token The token.
    /// @return rootId The root id, or 0.
    function claimableRootOf(address utility, address token) public view returns (uint256 rootId) {
        uint256[] storage ids = _programRoots[utility][token];
        for (uint256 i = ids.length; i > 0; --i) {
            Root storage r = _roots[ids[i - 1]];
            if (r.openDisputes == 0 && block.timestamp >= r.claimableAt) return ids[i - 1];
        }
        return 0;
    }

    /// @notice Funds the utility may withdraw: funded − withdrawn − max(paid, largest total of any root that
    ///         is or may become claimable).
    /// @param utility The utility.
    /// @param token The token.
    /// @return The withdrawable amount.
    function withdrawable(address utility, address token) public view returns (uint256) {
        Program storage p = _programs[utility][token];
        uint256 reserved = p.paid;
        uint256[] storage ids = _programRoots[utility][token];
        for (uint256 i = ids.length; i > 0; --i) {
            Root storage r = _roots[ids[i - 1]];
            if (r.total > reserved) reserved = r.total;
            // Roots older than the claimable one can never be used again.
            if (r.openDisputes == 0 && block.timestamp >= r.claimableAt) break;
        }
        uint256 held = uint256(p.funded) - p.withdrawn;
        return held > reserved ? held - reserved : 0;
    }

    // ------------------------------------------------------------------ internal

    function _setAccepted(address token, bool accepted) internal {
        if (token == address(0)) revert ZeroAddress("token");
        _accepted[token] = accepted;
        emit AcceptedTokenSet(token, accepted);
    }

    function _setPerformance(uint32 minCompliance, uint32 bonusSlope, uint32 bonusCap) internal {
        minComplianceBps = minCompliance;
        bonusSlopeBps = bonusSlope;
        bonusCapBps = bonusCap;
        emit PerformanceParamsSet(minCompliance, bonusSlope, bonusCap);
    }

    function _setPriceCurve(uint256[] memory x, uint256[] memory y) internal {
        if (x.length > MAX_BREAKPOINTS) revert TooManyBreakpoints(x.length, MAX_BREAKPOINTS);
        PayoutMath.validateBreakpoints(x, y);
        _priceX = x;
        _priceY = y;
        emit PriceCurveSet(x, y);
    }

    function _setDisputeWindow(uint64 window) internal {
        if (window < MIN_DISPUTE_WINDOW || window > MAX_DISPUTE_WINDOW) revert InvalidDisputeWindow(window);
        disputeWindow = window;
        emit DisputeWindowSet(window);
    }

    /// @dev One claim against `rootId`: proof, bookkeeping, then the transfer to the payout address.
    function _claimOne(
        address utility,
        address token,
        uint256 rootId,
        address account,
        uint256 cumulative,
        bytes32[] calldata proof
    ) private returns (uint256 amount) {
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(account, cumulative))));
        if (!MerkleProof.verifyCalldata(proof, _roots[rootId].merkleRoot, leaf)) {
            revert InvalidProof(rootId, account, cumulative);
        }
        amount = _book(utility, token, account, cumulative, rootId);
        address to = consumers.payoutAddressOf(account);
        if (to == address(0)) to = account;
        emit Claimed(utility, token, account, to, amount, cumulative, rootId);
        IERC20(token).safeTransfer(to, amount);
    }

    /// @dev Effects of a claim: the amount owed (cumulative − claimed), bounded by what the root's declared
    ///      total still allows; records it as claimed and paid.
    function _book(address utility, address token, address account, uint256 cumulative, uint256 rootId)
        private
        returns (uint256 amount)
    {
        uint256 already = _claimed[utility][token][account];
        if (cumulative <= already) revert NothingToClaim(account, cumulative, already);
        amount = cumulative - already;
        Program storage p = _programs[utility][token];
        uint256 paid = p.paid;
        uint256 total = _roots[rootId].total;
        uint256 left = total > paid ? total - paid : 0;
        if (amount > left) revert ClaimExceedsEntitlement(amount, left);
        _claimed[utility][token][account] = cumulative;
        // Casts: paid + amount ≤ total, a uint128.
        // forge-lint: disable-next-line(unsafe-typecast)
        p.paid = uint128(paid + amount);
        // forge-lint: disable-next-line(unsafe-typecast)
        _tokenTotals[token].paid += uint128(amount);
    }

    function _root(uint256 rootId) internal view returns (Root storage r) {
        r = _roots[rootId];
        if (r.utility == address(0)) revert UnknownRoot(rootId);
    }
}
