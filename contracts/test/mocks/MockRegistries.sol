// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IUtilityRegistry} from "../../src/interfaces/IUtilityRegistry.sol";
import {IConsumerRegistry} from "../../src/interfaces/IConsumerRegistry.sol";

/// @notice Test double of the utility registry: status set by the test, outcomes recorded for inspection.
/// @dev Unit tests of ReductionRequests / IncentiveDistributor use it to drive every status; the system fixture
///      (`utils/Deployer.sol`) uses the real UtilityRegistry.
contract MockUtilityRegistry {
    mapping(address => IUtilityRegistry.Status) public statusOf;
    mapping(address => uint16) public reputationOf;
    mapping(address => uint256) public outcomeCount;
    address public lastUtility;
    uint16 public lastOutcomeBps;

    function setStatus(address utility, IUtilityRegistry.Status status) external {
        statusOf[utility] = status;
    }

    function isActive(address utility) external view returns (bool) {
        return statusOf[utility] == IUtilityRegistry.Status.Active;
    }

    function recordOutcome(address utility, uint16 outcomeBps) external {
        lastUtility = utility;
        lastOutcomeBps = outcomeBps;
        outcomeCount[utility] += 1;
        reputationOf[utility] = outcomeBps;
    }
}

/// @notice Test double of the consumer registry: dense indices, settable eligibility, autoEnroll and payout
///         address; reliability and participation calls recorded for inspection.
contract MockConsumerRegistry {
    mapping(address => uint32) public indexOf;
    mapping(address => address) public servingUtilityOf;
    mapping(address => IConsumerRegistry.Ineligibility) public reasonOf;
    mapping(address => bool) public autoEnrollOf;
    mapping(address => address) private _payout;
    mapping(address => uint16) public reliabilityOf;
    mapping(address => uint256) public participationCount;
    mapping(address => uint256) public reliabilityCount;
    mapping(uint32 => address) public consumerAt;
    uint32 public consumerCount;

    function register(address consumer, address utility) external returns (uint32 idx) {
        idx = ++consumerCount;
        indexOf[consumer] = idx;
        consumerAt[idx] = consumer;
        servingUtilityOf[consumer] = utility;
    }

    function setIneligible(address consumer, IConsumerRegistry.Ineligibility reason) external {
        reasonOf[consumer] = reason;
    }

    function setAutoEnroll(address consumer, bool on) external {
        autoEnrollOf[consumer] = on;
    }

    function setPayoutAddress(address consumer, address to) external {
        _payout[consumer] = to;
    }

    function payoutAddressOf(address consumer) external view returns (address) {
        address to = _payout[consumer];
        return to == address(0) ? consumer : to;
    }

    function eligibility(address consumer, uint8, uint64) public view returns (IConsumerRegistry.Ineligibility) {
        if (indexOf[consumer] == 0) return IConsumerRegistry.Ineligibility.NotRegistered;
        return reasonOf[consumer];
    }

    function isEligible(address consumer, uint8 tier, uint64 time) external view returns (bool) {
        return eligibility(consumer, tier, time) == IConsumerRegistry.Ineligibility.None;
    }

    function recordParticipation(address[] calldata consumers, uint64) external {
        for (uint256 i; i < consumers.length; ++i) {
            participationCount[consumers[i]] += 1;
        }
    }

    function recordReliability(address[] calldata consumers, uint16[] calldata outcomesBps) external {
        for (uint256 i; i < consumers.length; ++i) {
            reliabilityOf[consumers[i]] = outcomesBps[i];
            reliabilityCount[consumers[i]] += 1;
        }
    }
}

/// @notice Test double of ReductionRequests for distributor invariants: every event id is a Finalized event of
///         the configured program; `markSettled` enforces at-most-once like the real contract.
contract MockRequests {
    error AlreadySettled(uint256 eventId);

    address public utility;
    address public token;
    mapping(uint256 => bool) public isSettled;

    constructor(address utility_, address token_) {
        utility = utility_;
        token = token_;
    }

    function eventPayer(uint256) external view returns (address, address) {
        return (utility, token);
    }

    function payoutTerms(uint256) external pure returns (uint256, uint16, uint32) {
        return (1000, 10_000, 0);
    }

    function markSettled(uint256 eventId) external {
        if (isSettled[eventId]) revert AlreadySettled(eventId);
        isSettled[eventId] = true;
    }
}
