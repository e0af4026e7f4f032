// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Test} from "./Test.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {GridToken} from "../../src/tokens/GridToken.sol";
import {StableToken} from "../../src/tokens/StableToken.sol";
import {PeaklabGovToken} from "../../src/tokens/PeaklabGovToken.sol";
import {PeaklabGovernor} from "../../src/governance/PeaklabGovernor.sol";
import {UtilityRegistry} from "../../src/UtilityRegistry.sol";
import {ConsumerRegistry} from "../../src/ConsumerRegistry.sol";
import {LoadForecast} from "../../src/LoadForecast.sol";
import {ReductionRequests} from "../../src/ReductionRequests.sol";
import {IncentiveDistributor} from "../../src/IncentiveDistributor.sol";
import {IUtilityRegistry} from "../../src/interfaces/IUtilityRegistry.sol";
import {IConsumerRegistry} from "../../src/interfaces/IConsumerRegistry.sol";
import {ILoadForecast} from "../../src/interfaces/ILoadForecast.sol";
import {IReductionRequests} from "../../src/interfaces/IReductionRequests.sol";
import {IIncentiveDistributor} from "../../src/interfaces/IIncentiveDistributor.sol";
import {Proxies} from "./Proxies.sol";

/// @title Deployer
/// @notice The full-system test fixture: tokens, governance token, timelock, governor and the five peaklab
///         contracts behind ERC1967Proxy, wired exactly as production (the TypeScript deployer mirrors it):
///
///         - TimelockController(minDelay, proposers/cancellers = governor, executors = anyone); the fixture's
///           temporary timelock admin is renounced at the end, so from then on only governance can change roles.
///         - The timelock is DEFAULT_ADMIN_ROLE and GOVERNANCE_ROLE of every contract and admin of the tokens;
///           every role grant below is made by the timelock (`vm.startPrank(timelock)`).
///         - Roles: ReductionRequests is REPORTER_ROLE on both registries; the distributor is SETTLER_ROLE on
///           ReductionRequests; `oracle` is ORACLE_ROLE on LoadForecast, ReductionRequests and the distributor;
///           `forecaster` FORECASTER_ROLE on LoadForecast; `kycProvider` KYC_PROVIDER_ROLE on the consumer
///           registry; `regulators` REGULATOR_ROLE on the utility registry; `arbiter` ARBITER_ROLE on the
///           distributor; `guardian` GUARDIAN_ROLE everywhere.
///         - The fixture (this contract) keeps MINTER_ROLE on the three tokens so tests can mint.
///
///         Usage: inherit, call `deploySystem(defaultConfig())` in `setUp`, then use the onboarding helpers.
abstract contract Deployer is Test {
    /// @notice Everything configurable about a deployment.
    struct SystemConfig {
        address guardian;
        address oracle;
        address forecaster;
        address kycProvider;
        address arbiter;
        address[] regulators;
        uint16 requiredApprovals;
        uint256 requiredFlags; // UtilityRegistry compliance flags bitmask
        uint256 minBond; // GridToken base units
        uint64 approvalPeriod;
        uint256 timelockMinDelay;
        uint48 votingDelay;
        uint32 votingPeriod;
        uint256 proposalThreshold;
        uint256 quorumPercent;
        uint16 forecastAlphaBps;
        uint32 forecastLeadSeconds;
        uint16 reliabilityAlphaBps;
        uint16 initialReliabilityBps;
        uint64 disputeWindow;
        uint32 region; // a region whose stress thresholds are set
        uint32 stressKw;
        uint32 emergencyKw;
    }

    GridToken public grid;
    StableToken public stable;
    PeaklabGovToken public govToken;
    TimelockController public timelock;
    PeaklabGovernor public governor;
    UtilityRegistry public utilityRegistry;
    ConsumerRegistry public consumerRegistry;
    LoadForecast public loadForecast;
    ReductionRequests public requests;
    IncentiveDistributor public distributor;
    SystemConfig internal sys;

    /// @notice A complete default configuration (3 regulators, 2-of-3 approvals, licence + insurance flags).
    function defaultConfig() public pure returns (SystemConfig memory c) {
        address[] memory regs = new address[](3);
        (regs[0], regs[1], regs[2]) = (address(0x5E61), address(0x5E62), address(0x5E63));
        c = SystemConfig({
            guardian: address(0x6A7D),
            oracle: address(0x0AC1E),
            forecaster: address(0xF0CA),
            kycProvider: address(0x4C7C),
            arbiter: address(0xA4B1),
            regulators: regs,
            requiredApprovals: 2,
            requiredFlags: (1 << 0) | (1 << 1), // licence, insurance
            minBond: 1000e18,
            approvalPeriod: 365 days,
            timelockMinDelay: 2 days,
            votingDelay: 1 days,
            votingPeriod: 5 days,
            proposalThreshold: 1e18,
            quorumPercent: 4,
            forecastAlphaBps: 2000,
            forecastLeadSeconds: 0,
            reliabilityAlphaBps: 2000,
            initialReliabilityBps: 5000,
            disputeWindow: 2 days,
            region: 1,
            stressKw: 1000,
            emergencyKw: 1500
        });
    }

    /// @notice Deploys and wires the whole system.
    function deploySystem(SystemConfig memory c) internal {
        sys = c;
        _deployTokensAndGovernance(c);
        _deployRegistries(c);
        _deployEventContracts(c);
        _wireRoles(c);
        // The fixture's bootstrap admin on the timelock goes away: governance owns everything from here.
        timelock.renounceRole(timelock.DEFAULT_ADMIN_ROLE(), address(this));
    }

    // ------------------------------------------------------------------ onboarding helpers

    /// @notice Takes `u` from nothing to an Active utility: bond, compliance flags, M regulator approvals.
    function onboardUtility(address u) internal {
        uint256 bond = utilityRegistry.config().minBond;
        grid.mint(u, bond);
        vm.startPrank(u);
        grid.approve(address(utilityRegistry), bond);
        utilityRegistry.submitApplication(keccak256(abi.encode("credentials", u)), "ipfs://utility", bond);
        vm.stopPrank();
        uint256 flags = sys.requiredFlags;
        for (uint8 f; f < 255 && (flags >> f) != 0; ++f) {
            if ((flags >> f) & 1 == 1) {
                vm.prank(sys.regulators[0]);
                utilityRegistry.attestCompliance(u, f, uint64(block.timestamp + 2 * 365 days));
            }
        }
        for (uint256 i; i < sys.requiredApprovals; ++i) {
            vm.prank(sys.regulators[i]);
            utilityRegistry.approveUtility(u);
        }
        require(utilityRegistry.isActive(u), "Deployer: utility not active");
    }

    /// @notice Registers `consumers` with utility `u` (batch), attests KYC for a year and grants each one's
    ///         participation consent: afterwards each is eligible for every tier at any hour.
    function onboardConsumers(address u, address[] memory consumers) internal {
        ConsumerRegistry.Registration[] memory regs = new ConsumerRegistry.Registration[](consumers.length);
        for (uint256 i; i < consumers.length; ++i) {
            regs[i] = ConsumerRegistry.Registration({
                consumer: consumers[i],
                profileHash: keccak256(abi.encode("profile", consumers[i])),
                encryptedPointerHash: keccak256(abi.encode("pointer", consumers[i])),
                meterIdHash: keccak256(abi.encode("meter", consumers[i]))
            });
        }
        vm.prank(u);
        consumerRegistry.registerBatch(regs);
        vm.prank(sys.kycProvider);
        consumerRegistry.attestKyc(consumers, uint64(block.timestamp + 365 days));
        for (uint256 i; i < consumers.length; ++i) {
            vm.prank(consumers[i]);
            consumerRegistry.setParticipationConsent(true);
        }
    }

    /// @notice Mints `amount` of `token` (GridToken or StableToken) to `u` and funds its program.
    function fundProgram(address u, address token, uint256 amount) internal {
        if (token == address(grid)) grid.mint(u, amount);
        else stable.mint(u, amount);
        vm.startPrank(u);
        IERC20(token).approve(address(distributor), amount);
        distributor.fund(token, amount);
        vm.stopPrank();
    }

    // ------------------------------------------------------------------ event helpers

    /// @notice Utility `u` creates a tier-1 event in `sys.region` from `start` for `duration`: 2000 kW target,
    ///         0.15 stable per kWh, baseline method 1.
    function createTier1Event(address u, uint64 start, uint32 duration) internal returns (uint256 id) {
        ReductionRequests.EventParams memory p = ReductionRequests.EventParams({
            region: sys.region,
            start: start,
            duration: duration,
            tier: 1,
            targetKw: 2000,
            rate: 150_000,
            baselineMethodId: 1,
            token: address(stable)
        });
        vm.prank(u);
        id = requests.createEvent(p);
    }

    /// @notice Each of `consumers` opts in to event `id` itself.
    function optInAll(uint256 id, address[] memory consumers) internal {
        for (uint256 i; i < consumers.length; ++i) {
            vm.prank(consumers[i]);
            requests.optIn(id);
        }
    }

    /// @notice At the end of event `id` the oracle posts its totals, one outcome per consumer, and finalises it.
    function finalizeEvent(
        uint256 id,
        address[] memory consumers,
        uint16[] memory outcomes,
        uint128 deliveredWh,
        uint32 participants
    ) internal {
        ReductionRequests.Event memory e = requests.getEvent(id);
        vm.warp(e.start + e.duration);
        vm.startPrank(sys.oracle);
        requests.postResults(id, deliveredWh, participants, keccak256("results"));
        requests.postOutcomes(id, consumers, outcomes);
        requests.finalize(id);
        vm.stopPrank();
    }

    // ------------------------------------------------------------------ deployment steps

    function _deployTokensAndGovernance(SystemConfig memory c) private {
        address[] memory none = new address[](0);
        address[] memory anyone = new address[](1); // address(0) = anyone may execute
        timelock = new TimelockController(c.timelockMinDelay, none, anyone, address(this));
        address t = address(timelock);
        grid = new GridToken(t, address(this));
        stable = new StableToken(t, address(this));
        govToken = new PeaklabGovToken(t, address(this));
        governor = new PeaklabGovernor(
            IVotes(address(govToken)), timelock, c.votingDelay, c.votingPeriod, c.proposalThreshold, c.quorumPercent
        );
        timelock.grantRole(timelock.PROPOSER_ROLE(), address(governor));
        timelock.grantRole(timelock.CANCELLER_ROLE(), address(governor));
    }

    function _deployRegistries(SystemConfig memory c) private {
        address t = address(timelock);
        UtilityRegistry.Config memory cfg = UtilityRegistry.Config({
            bondToken: address(grid),
            requiredApprovals: c.requiredApprovals,
            renewalReputationThresholdBps: 8000,
            reputationAlphaBps: 2000,
            initialReputationBps: 5000,
            revokeSlashBps: 5000,
            treasury: t,
            approvalPeriod: c.approvalPeriod,
            minBond: c.minBond,
            requiredFlags: c.requiredFlags,
            bondUnlockDelay: 30 days
        });
        utilityRegistry = UtilityRegistry(
            address(
                new ERC1967Proxy(
                    address(new UtilityRegistry()),
                    abi.encodeCall(UtilityRegistry.initialize, (t, c.guardian, c.regulators, cfg))
                )
            )
        );
        consumerRegistry = ConsumerRegistry(
            address(
                new ERC1967Proxy(
                    address(new ConsumerRegistry()),
                    abi.encodeCall(
                        ConsumerRegistry.initialize,
                        (t, c.guardian, address(utilityRegistry), c.reliabilityAlphaBps, c.initialReliabilityBps)
                    )
                )
            )
        );
    }

    function _deployEventContracts(SystemConfig memory c) private {
        address t = address(timelock);
        loadForecast = Proxies.loadForecast(t, c.guardian, c.forecastAlphaBps, c.forecastLeadSeconds);
        requests = Proxies.requests(
            t,
            c.guardian,
            IUtilityRegistry(address(utilityRegistry)),
            IConsumerRegistry(address(consumerRegistry)),
            ILoadForecast(address(loadForecast))
        );
        address[] memory tokens = new address[](2);
        (tokens[0], tokens[1]) = (address(grid), address(stable));
        distributor = Proxies.distributor(
            t,
            c.guardian,
            IReductionRequests(address(requests)),
            IConsumerRegistry(address(consumerRegistry)),
            IUtilityRegistry(address(utilityRegistry)),
            tokens,
            c.disputeWindow
        );
    }

    function _wireRoles(SystemConfig memory c) private {
        bytes32 reporter = utilityRegistry.REPORTER_ROLE();
        bytes32 kyc = consumerRegistry.KYC_PROVIDER_ROLE();
        bytes32 settler = requests.SETTLER_ROLE();
        bytes32 oracleRole = requests.ORACLE_ROLE(); // same hash on LoadForecast and the distributor
        bytes32 forecasterRole = loadForecast.FORECASTER_ROLE();
        bytes32 arbiterRole = distributor.ARBITER_ROLE();
        vm.startPrank(address(timelock));
        utilityRegistry.grantRole(reporter, address(requests));
        consumerRegistry.grantRole(reporter, address(requests));
        consumerRegistry.grantRole(kyc, c.kycProvider);
        requests.grantRole(settler, address(distributor));
        requests.grantRole(oracleRole, c.oracle);
        requests.setDistributor(IIncentiveDistributor(address(distributor)));
        loadForecast.grantRole(oracleRole, c.oracle);
        loadForecast.grantRole(forecasterRole, c.forecaster);
        loadForecast.setThresholds(c.region, c.stressKw, c.emergencyKw);
        distributor.grantRole(oracleRole, c.oracle);
        distributor.grantRole(arbiterRole, c.arbiter);
        vm.stopPrank();
    }
}
