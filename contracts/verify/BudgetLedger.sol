// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title BudgetLedger (SMTChecker harness)
/// @notice The budget accounting of one IncentiveDistributor program (utility, token) without tokens, proofs and
///         time, as an over-approximation: every sequence of the distributor's program operations is a sequence
///         of these, so what holds here holds there.
///           fund        funded += amount
///           postRoot    a root's declared total ≤ funded − withdrawn; it joins the pending roots (pendingMax is the
///                       largest pending total); an upheld dispute's corrected total is posted the same way
///           promote     a pending root (total ≤ pendingMax) becomes the claimable one; the pending set may shrink
///           withdraw    only funded − withdrawn − max(paid, claimable total, pendingMax)
///           claim       cumulative ≤ the proven leaf (entitlement); pays cumulative − claimed, and never more than
///                       the claimable root's total − paid
///         Properties: paid + withdrawn ≤ funded (so paid ≤ funded) after every operation; an account's claimed
///         never exceeds its proven entitlement.
contract BudgetLedger {
    uint256 public funded;
    uint256 public withdrawn;
    uint256 public paid;
    uint256 public claimableTotal; // declared total of the root claims use
    uint256 public pendingMax; // largest declared total among roots that may still become claimable
    mapping(address => uint256) public entitlement; // proven cumulative entitlement (the Merkle leaf)
    mapping(address => uint256) public claimed;

    /// @notice The utility adds `amount` to the program.
    /// @dev Token amounts are bounded by the token's total supply (< 2^256), so funding can never wrap; the
    ///      require states that bound for the checker.
    function fund(uint256 amount) external {
        require(amount <= type(uint256).max - funded);
        funded += amount; // only grows: cannot break paid + withdrawn ≤ funded (proved where those grow)
    }

    /// @notice The oracle posts a root (or an arbiter a corrected one) whose total the budget backs.
    function postRoot(uint256 total) external {
        require(total <= funded - withdrawn);
        if (total > pendingMax) pendingMax = total;
    }

    /// @notice A pending root's window passes: it becomes the claimable root; older/dropped roots leave the set.
    function promote(uint256 total, uint256 newPendingMax) external {
        require(total <= pendingMax && newPendingMax <= pendingMax);
        claimableTotal = total;
        pendingMax = newPendingMax;
    }

    /// @notice The leaf proven for `account` in the claimable root (any value: roots may be corrected).
    function prove(address account, uint256 cumulative) external {
        entitlement[account] = cumulative;
    }

    /// @notice The utility withdraws budget that nothing paid, claimable or pending may still need.
    function withdraw(uint256 amount) external {
        uint256 reserved = paid;
        if (claimableTotal > reserved) reserved = claimableTotal;
        if (pendingMax > reserved) reserved = pendingMax;
        uint256 held = funded - withdrawn;
        require(held > reserved && amount <= held - reserved);
        withdrawn += amount;
        // property: a withdrawal never takes budget that was paid out or committed
        assert(paid + withdrawn <= funded);
    }

    /// @notice `account` claims up to `cumulative` (≤ its proven entitlement); it receives cumulative − claimed.
    function claim(address account, uint256 cumulative) external {
        require(cumulative <= entitlement[account]);
        uint256 already = claimed[account];
        require(cumulative > already);
        uint256 amount = cumulative - already;
        uint256 left = claimableTotal > paid ? claimableTotal - paid : 0;
        require(amount <= left);
        claimed[account] = cumulative;
        paid += amount;
        // property: never pays more than funded
        assert(paid <= funded);
        // property: paid and withdrawn together never exceed funded
        assert(paid + withdrawn <= funded);
        // property: an account never claims beyond its entitlement
        assert(claimed[account] <= entitlement[account]);
    }
}
