// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {MintableToken} from "./MintableToken.sol";

/// @title StableToken
/// @notice A test stablecoin with 6 decimals (USDC-like), so payouts are exercised with a non-18-decimal token.
///         Only MINTER_ROLE can mint; DEFAULT_ADMIN_ROLE manages roles.
contract StableToken is MintableToken {
    /// @param admin Receives DEFAULT_ADMIN_ROLE (grants and revokes MINTER_ROLE).
    /// @param minter Receives MINTER_ROLE.
    constructor(address admin, address minter) MintableToken("Peaklab Test USD", "pUSD", admin, minter) {}

    /// @notice Six decimals, like common fiat stablecoins.
    /// @return 6.
    function decimals() public pure override returns (uint8) {
        return 6;
    }
}
