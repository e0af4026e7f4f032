// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title BudgetLedger (SMTChecker harness)
/// @notice The budget accounting of one IncentiveDistributor program (utility, token), without tokens and proofs:
///         the utility funds and withdraws, the oracle posts roots of cumulative entitlements whose total may not
///         exceed funded − withdrawn, consumers claim cumulative − claimed, and the program never pays more than the
///         current root's total. `entitlement[account]` stands in for the Merkle-proven leaf.
///         Properties: paid ≤ funded; paid + withdrawn ≤ funded; each account's claimed ≤ its entitlement.
contract BudgetLedger {
    uint256 public funded;
    uint256 public withdrawn;
    uint256 public paid;
    uint256 public rootTotal; // cumulative total of the newest root
    mapping(address => uint256) public entitlement; // proven cumulative entitlement (the leaf)
    mapping(address => uint256) public claimed;

    /// @notice The utility adds `amount` to the program.
    /// @dev Token amounts are bounded by the token's total supply (< 2^256), so funding can never wrap; the
    ///      require states that bound for the checker.
    function fund(uint256 amount) external {
        require(amount <= type(uint256).max - funded);
        funded += amount;
        // property: funding never breaks paid ≤ funded
        assert(paid <= funded);
    }

    /// @notice The utility takes back budget that no root has committed.
    function withdraw(uint256 amount) external {
        require(amount <= funded - withdrawn - rootTotal);
        withdrawn += amount;
        // property: a withdrawal never takes budget that was paid out or committed
        assert(paid + withdrawn <= funded);
    }

    /// @notice The oracle posts a root: cumulative entitlements only grow, and are backed by the budget.
    function postRoot(uint256 total, address account, uint256 cumulative) external {
        require(total >= rootTotal && total <= funded - withdrawn);
        require(cumulative >= entitlement[account] && cumulative <= total);
        rootTotal = total;
        entitlement[account] = cumulative;
    }

    /// @notice `account` claims up to `cumulative` (≤ its proven entitlement); it receives cumulative − claimed.
    function claim(address account, uint256 cumulative) external {
        require(cumulative <= entitlement[account]);
        uint256 already = claimed[account];
        require(cumulative > already);
        uint256 amount = cumulative - already;
        require(amount <= rootTotal - paid);
        claimed[account] = cumulative;
        paid += amount;
        // property: never pays more than funded
        assert(paid <= funded);
        assert(paid + withdrawn <= funded);
        // property: an account never claims beyond its entitlement
        assert(claimed[account] <= entitlement[account]);
    }
}
