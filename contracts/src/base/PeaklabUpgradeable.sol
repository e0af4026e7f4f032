// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {PausableUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/PausableUpgradeable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

/// @title PeaklabUpgradeable
/// @notice Common base of the five peaklab contracts: UUPS proxy implementation whose upgrades only the
///         governance timelock can authorise, role-based access (no single owner), a guardian that can pause
///         while only the timelock can unpause, and a transient-storage reentrancy guard (stateless, so it is
///         safe behind a proxy).
/// @dev Storage: OpenZeppelin upgradeable bases use ERC-7201 namespaced storage, so inheriting contracts can
///      append their own variables freely. Implementations lock their initializers in the constructor.
abstract contract PeaklabUpgradeable is
    Initializable,
    AccessControlUpgradeable,
    PausableUpgradeable,
    UUPSUpgradeable,
    ReentrancyGuardTransient
{
    /// @notice The caller is not the governance timelock.
    error NotTimelock(address caller, address timelock);
    /// @notice A zero address was given where a contract or account is required.
    error ZeroAddress(string what);

    /// @notice The governance timelock was set at initialisation.
    event TimelockSet(address indexed timelock);

    /// @notice Held only by the governance timelock: parameter changes, role grants, unpause, upgrades.
    bytes32 public constant GOVERNANCE_ROLE = keccak256("GOVERNANCE_ROLE");
    /// @notice May pause the contract in an emergency (cannot unpause).
    bytes32 public constant GUARDIAN_ROLE = keccak256("GUARDIAN_ROLE");

    /// @custom:storage-location erc7201:peaklab.storage.PeaklabUpgradeable
    struct BaseStorage {
        address timelock;
    }

    // keccak256(abi.encode(uint256(keccak256("peaklab.storage.PeaklabUpgradeable")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant BASE_STORAGE_SLOT = 0x2dc30a70864aad8f10245fe1adf7b32f1d21ea4df40314f09e96843aab452e00;

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    /// @notice Pauses every state-changing entry point guarded by `whenNotPaused`.
    /// @dev Only GUARDIAN_ROLE (or the timelock, which also holds it).
    function pause() external onlyRole(GUARDIAN_ROLE) {
        _pause();
    }

    /// @notice Lifts a pause. Only the governance timelock can do this (a guardian cannot).
    function unpause() external onlyTimelock {
        _unpause();
    }

    /// @notice The governance timelock that owns parameters, roles and upgrades.
    /// @return The timelock address.
    function timelock() public view returns (address) {
        return _baseStorage().timelock;
    }

    modifier onlyTimelock() {
        _checkTimelock();
        _;
    }

    /// @dev Sets up roles: the timelock is admin of every role and holds GOVERNANCE_ROLE; `guardian` may pause.
    function __PeaklabUpgradeable_init(address timelock_, address guardian) internal onlyInitializing {
        if (timelock_ == address(0)) revert ZeroAddress("timelock");
        if (guardian == address(0)) revert ZeroAddress("guardian");
        __AccessControl_init();
        __Pausable_init();
        _baseStorage().timelock = timelock_;
        _grantRole(DEFAULT_ADMIN_ROLE, timelock_);
        _grantRole(GOVERNANCE_ROLE, timelock_);
        _grantRole(GUARDIAN_ROLE, timelock_);
        _grantRole(GUARDIAN_ROLE, guardian);
        emit TimelockSet(timelock_);
    }

    /// @dev UUPS: only the timelock (i.e. a passed, queued and executed governance proposal) can upgrade.
    function _authorizeUpgrade(address) internal view override onlyTimelock {}

    function _checkTimelock() internal view {
        address t = _baseStorage().timelock;
        if (msg.sender != t) revert NotTimelock(msg.sender, t);
    }

    function _baseStorage() private pure returns (BaseStorage storage $) {
        assembly {
            $.slot := BASE_STORAGE_SLOT
        }
    }
}
