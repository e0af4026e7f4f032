// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Test} from "./utils/Test.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {UtilityRegistry} from "../src/UtilityRegistry.sol";
import {GridToken} from "../src/tokens/GridToken.sol";

/// @dev Drives the registry through random applications, approvals, renewals, suspensions, revocations,
///      withdrawals and outcome reports, tracking every token movement in ghost variables.
contract UtilityRegistryHandler is Test {
    UtilityRegistry public reg;
    GridToken public token;
    address public treasury;
    address[3] public utilities = [address(0xB1), address(0xB2), address(0xB3)];
    address[3] public regulators = [address(0xA1), address(0xA2), address(0xA3)];
    address public reporter;

    uint256 public ghostDeposited;
    uint256 public ghostSlashed;
    uint256 public ghostWithdrawn;
    uint256 public calls;
    uint256 public activations;

    constructor(UtilityRegistry reg_, GridToken token_, address treasury_, address reporter_) {
        reg = reg_;
        token = token_;
        treasury = treasury_;
        reporter = reporter_;
    }

    function apply_(uint256 who, uint256 amount) external {
        address u = utilities[who % 3];
        amount = bound(amount, 0, 5000e18);
        token.mint(u, amount);
        vm.prank(u);
        token.approve(address(reg), amount);
        uint256 before = token.balanceOf(address(reg));
        vm.prank(u);
        try reg.submitApplication(keccak256(abi.encode(u, amount)), "", amount) {
            ghostDeposited += token.balanceOf(address(reg)) - before;
        } catch {}
        calls++;
    }

    function approve_(uint256 who, uint256 by) external {
        address u = utilities[who % 3];
        bool wasActive = reg.isActive(u);
        vm.prank(regulators[by % 3]);
        try reg.approveUtility(u) {
            if (!wasActive && reg.isActive(u)) activations++;
        } catch {}
        calls++;
    }

    function renew(uint256 who) external {
        vm.prank(utilities[who % 3]);
        try reg.requestRenewal() {} catch {}
        calls++;
    }

    function suspendOrReinstate(uint256 who, bool suspend) external {
        vm.prank(regulators[0]);
        if (suspend) {
            try reg.suspend(utilities[who % 3], 0) {} catch {}
        } else {
            try reg.reinstate(utilities[who % 3]) {} catch {}
        }
        calls++;
    }

    function revoke(uint256 who) external {
        uint256 before = token.balanceOf(treasury);
        vm.prank(regulators[1]);
        try reg.revoke(utilities[who % 3], 0) {
            ghostSlashed += token.balanceOf(treasury) - before;
        } catch {}
        calls++;
    }

    function withdraw(uint256 who) external {
        address u = utilities[who % 3];
        uint256 before = token.balanceOf(u);
        vm.prank(u);
        try reg.withdrawBond() {
            ghostWithdrawn += token.balanceOf(u) - before;
        } catch {}
        calls++;
    }

    function report(uint256 who, uint16 outcome) external {
        vm.prank(reporter);
        try reg.recordOutcome(utilities[who % 3], uint16(bound(outcome, 0, 10_000))) {} catch {}
        calls++;
    }

    function warp(uint256 dt) external {
        vm.warp(block.timestamp + bound(dt, 0, 200 days));
        calls++;
    }
}

contract UtilityRegistryInvariantTest is Test {
    UtilityRegistry internal reg;
    GridToken internal token;
    UtilityRegistryHandler internal handler;
    address internal timelock = address(0x71);
    address internal treasury = address(0x7E);
    address internal reporter = address(0x8E);

    function setUp() public {
        vm.warp(1_700_000_000);
        address[] memory regs = new address[](3);
        (regs[0], regs[1], regs[2]) = (address(0xA1), address(0xA2), address(0xA3));
        token = new GridToken(address(this), address(this));
        UtilityRegistry.Config memory cfg = UtilityRegistry.Config({
            bondToken: address(token),
            requiredApprovals: 2,
            renewalReputationThresholdBps: 7000,
            reputationAlphaBps: 3000,
            initialReputationBps: 5000,
            revokeSlashBps: 3333,
            treasury: treasury,
            approvalPeriod: 365 days,
            minBond: 1000e18,
            requiredFlags: 0,
            bondUnlockDelay: 30 days
        });
        reg = UtilityRegistry(
            address(
                new ERC1967Proxy(
                    address(new UtilityRegistry()),
                    abi.encodeCall(UtilityRegistry.initialize, (timelock, address(0x6A), regs, cfg))
                )
            )
        );
        bytes32 reporterRole = reg.REPORTER_ROLE();
        vm.prank(timelock);
        reg.grantRole(reporterRole, reporter);
        handler = new UtilityRegistryHandler(reg, token, treasury, reporter);
        token.grantRole(token.MINTER_ROLE(), address(handler));
        targetContract(address(handler));
    }

    /// @dev The registry holds exactly the recorded bonds: deposits − slashes − withdrawals.
    function invariant_bondsFullyBacked() public view {
        uint256 sum;
        for (uint256 i = 0; i < 3; ++i) {
            sum += reg.utilityOf(handler.utilities(i)).bondAmount;
        }
        uint256 held = token.balanceOf(address(reg));
        assertEq(held, sum, "held != sum of bonds");
        assertEq(held, handler.ghostDeposited() - handler.ghostSlashed() - handler.ghostWithdrawn(), "ghost ledger");
        assertEq(token.balanceOf(treasury), handler.ghostSlashed(), "treasury != slashed");
    }

    /// @dev Non-vacuity: the handler's actions do reach activation, slashing and withdrawal (a handler whose
    ///      calls always failed inside try/catch would make the invariants trivially true).
    function test_handlerReachesActivationSlashAndWithdrawal() public {
        handler.apply_(0, 2000e18);
        handler.approve_(0, 0);
        handler.approve_(0, 1);
        assertEq(handler.activations(), 1, "not activated");
        handler.revoke(0);
        assertGt(handler.ghostSlashed(), 0, "not slashed");
        handler.warp(31 days);
        handler.withdraw(0);
        assertGt(handler.ghostWithdrawn(), 0, "not withdrawn");
        invariant_bondsFullyBacked();
    }

    /// @dev Reputation stays a score; M ≤ N always.
    function invariant_scoresAndQuorumBounded() public view {
        for (uint256 i = 0; i < 3; ++i) {
            assertLe(reg.reputationOf(handler.utilities(i)), 10_000, "reputation");
        }
        assertLe(reg.config().requiredApprovals, reg.regulatorCount(), "M > N");
    }
}
