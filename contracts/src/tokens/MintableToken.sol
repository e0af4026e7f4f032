// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// @title MintableToken
/// @notice The base of the peaklab tokens: an ERC20 that only MINTER_ROLE can mint; DEFAULT_ADMIN_ROLE (the
///         governance timelock in production) manages roles.
abstract contract MintableToken is ERC20, AccessControl {
    /// @notice A zero address was given where an account is required.
    error ZeroAddress(string what);

    /// @notice May mint new tokens.
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    /// @param name_ ERC20 name.
    /// @param symbol_ ERC20 symbol.
    /// @param admin Receives DEFAULT_ADMIN_ROLE (grants and revokes MINTER_ROLE).
    /// @param minter Receives MINTER_ROLE.
    constructor(string memory name_, string memory symbol_, address admin, address minter) ERC20(name_, symbol_) {
        if (admin == address(0)) revert ZeroAddress("admin");
        if (minter == address(0)) revert ZeroAddress("minter");
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(MINTER_ROLE, minter);
    }

    /// @notice Mints `amount` base units (the token's `decimals`) to `to`.
    /// @param to Recipient.
    /// @param amount Amount in base units.
    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _mint(to, amount);
    }
}
