// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Vm} from "./Vm.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";

/// @title GovernanceSteps
/// @notice The steps of an OpenZeppelin Governor proposal in a test — propose, vote it through, queue, execute —
///         so every governance test takes a proposal the same way. The cheatcodes act for the calling test.
library GovernanceSteps {
    Vm private constant VM = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    /// @notice The arguments of `propose` / `queue` / `execute`.
    struct Proposal {
        address[] targets;
        uint256[] values;
        bytes[] calldatas;
        string description;
    }

    /// @notice A proposal of `n` calls with zero values (targets, calldatas and description to fill in).
    function blank(uint256 n) internal pure returns (Proposal memory p) {
        p.targets = new address[](n);
        p.values = new uint256[](n);
        p.calldatas = new bytes[](n);
    }

    /// @notice `proposer` proposes `p`.
    function propose(IGovernor governor, address proposer, Proposal memory p) internal returns (uint256 id) {
        VM.prank(proposer);
        id = governor.propose(p.targets, p.values, p.calldatas, p.description);
    }

    /// @notice Past the voting delay `voter` votes for proposal `id`; then the voting period passes.
    function voteThrough(IGovernor governor, address voter, uint256 id) internal {
        VM.warp(block.timestamp + governor.votingDelay() + 1);
        VM.prank(voter);
        governor.castVote(id, 1);
        VM.warp(block.timestamp + governor.votingPeriod());
    }

    /// @notice Queues `p` (in the governor's timelock).
    function queue(IGovernor governor, Proposal memory p) internal {
        governor.queue(p.targets, p.values, p.calldatas, descriptionHash(p));
    }

    /// @notice Executes `p`.
    function execute(IGovernor governor, Proposal memory p) internal {
        governor.execute(p.targets, p.values, p.calldatas, descriptionHash(p));
    }

    /// @notice keccak256 of the description, as `queue` / `execute` take it.
    function descriptionHash(Proposal memory p) internal pure returns (bytes32) {
        return keccak256(bytes(p.description));
    }
}
