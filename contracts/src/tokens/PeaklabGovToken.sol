// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {MintableToken} from "./MintableToken.sol";

/// @title PeaklabGovToken
/// @notice The governance token: ERC20 with EIP-2612 permits and ERC20Votes checkpoints on a timestamp clock
///         (ERC-6372 `mode=timestamp`), so the governor's voting delay and period are in seconds.
///         Holders must delegate (possibly to themselves) to get voting power; minted voting power follows once
///         the holder has delegated.
contract PeaklabGovToken is MintableToken, ERC20Permit, ERC20Votes {
    /// @param admin Receives DEFAULT_ADMIN_ROLE (grants and revokes MINTER_ROLE).
    /// @param minter Receives MINTER_ROLE.
    constructor(address admin, address minter)
        MintableToken("Peaklab Governance", "PLGOV", admin, minter)
        ERC20Permit("Peaklab Governance")
    {}

    /// @notice ERC-6372 clock: the block timestamp.
    /// @return The current block timestamp as uint48.
    function clock() public view override returns (uint48) {
        return uint48(block.timestamp);
    }

    /// @notice ERC-6372 clock description.
    /// @return "mode=timestamp".
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    /// @notice EIP-2612 / delegation-by-signature nonce of `owner` (shared counter).
    /// @param owner The account.
    /// @return The next nonce.
    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }

    /// @dev Moves voting checkpoints with every balance change.
    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }
}
