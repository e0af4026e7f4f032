// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {MintableToken} from "./MintableToken.sol";

/// @title GridToken
/// @notice The peaklab utility token (18 decimals) that utilities fund incentive programs with.
///         Only MINTER_ROLE can mint; DEFAULT_ADMIN_ROLE (the governance timelock in production) manages roles.
contract GridToken is MintableToken {
    /// @param admin Receives DEFAULT_ADMIN_ROLE (grants and revokes MINTER_ROLE).
    /// @param minter Receives MINTER_ROLE.
    constructor(address admin, address minter) MintableToken("Peaklab Grid Token", "GRID", admin, minter) {}
}
