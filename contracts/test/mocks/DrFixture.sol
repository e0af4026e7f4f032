// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Test} from "../utils/Test.sol";
import {Proxies} from "../utils/Proxies.sol";
import {LoadForecast} from "../../src/LoadForecast.sol";
import {ReductionRequests} from "../../src/ReductionRequests.sol";
import {IncentiveDistributor} from "../../src/IncentiveDistributor.sol";
import {IUtilityRegistry} from "../../src/interfaces/IUtilityRegistry.sol";
import {IConsumerRegistry} from "../../src/interfaces/IConsumerRegistry.sol";
import {ILoadForecast} from "../../src/interfaces/ILoadForecast.sol";
import {IReductionRequests} from "../../src/interfaces/IReductionRequests.sol";
import {IIncentiveDistributor} from "../../src/interfaces/IIncentiveDistributor.sol";
import {GridToken} from "../../src/tokens/GridToken.sol";
import {StableToken} from "../../src/tokens/StableToken.sol";
import {MockUtilityRegistry, MockConsumerRegistry} from "./MockRegistries.sol";

/// @notice Unit-test fixture for LoadForecast + ReductionRequests + IncentiveDistributor (all behind
///         ERC1967Proxy) over test-double registries, so every registry state can be driven directly.
abstract contract DrFixture is Test {
    address internal timelock = address(0x7100);
    address internal guardian = address(0x6A);
    address internal oracle = address(0x0AC1E);
    address internal arbiter = address(0xA4B);
    address internal forecaster = address(0xF0);
    address internal utility = address(0x0717);
    address internal utility2 = address(0x0718);
    address internal stranger = address(0xBAD);

    uint32 internal constant REGION = 3;
    uint64 internal constant T0 = 1_750_000_000; // 2025-06-15
    uint64 internal constant WINDOW = 2 days;

    MockUtilityRegistry internal ureg;
    MockConsumerRegistry internal creg;
    LoadForecast internal lf;
    ReductionRequests internal rr;
    IncentiveDistributor internal dist;
    GridToken internal grid;
    StableToken internal usd;

    function setUp() public virtual {
        vm.warp(T0);
        ureg = new MockUtilityRegistry();
        creg = new MockConsumerRegistry();
        grid = new GridToken(address(this), address(this));
        usd = new StableToken(address(this), address(this));
        lf = Proxies.loadForecast(timelock, guardian, 2000, 0);
        rr = _deployRequests();
        address[] memory tokens = new address[](2);
        tokens[0] = address(grid);
        tokens[1] = address(usd);
        dist = Proxies.distributor(
            timelock,
            guardian,
            IReductionRequests(address(rr)),
            IConsumerRegistry(address(creg)),
            IUtilityRegistry(address(ureg)),
            tokens,
            WINDOW
        );
        vm.startPrank(timelock);
        rr.setDistributor(IIncentiveDistributor(address(dist)));
        rr.grantRole(rr.ORACLE_ROLE(), oracle);
        rr.grantRole(rr.SETTLER_ROLE(), address(dist));
        dist.grantRole(dist.ORACLE_ROLE(), oracle);
        dist.grantRole(dist.ARBITER_ROLE(), arbiter);
        lf.grantRole(lf.FORECASTER_ROLE(), forecaster);
        lf.setThresholds(REGION, 1000, 2000);
        vm.stopPrank();
        ureg.setStatus(utility, IUtilityRegistry.Status.Active);
        ureg.setStatus(utility2, IUtilityRegistry.Status.Active);
    }

    /// @dev The `ReductionRequests.initialize` call of this fixture, with `consumers` as the consumer registry.
    function _requestsInitCall(IConsumerRegistry consumers) internal view returns (bytes memory) {
        return Proxies.requestsInit(
            timelock, guardian, IUtilityRegistry(address(ureg)), consumers, ILoadForecast(address(lf))
        );
    }

    /// @dev A new ReductionRequests proxy initialised like `rr` (no distributor or roles yet).
    function _deployRequests() internal returns (ReductionRequests) {
        return Proxies.requests(
            timelock,
            guardian,
            IUtilityRegistry(address(ureg)),
            IConsumerRegistry(address(creg)),
            ILoadForecast(address(lf))
        );
    }

    function _params(uint8 tier, uint64 start, uint32 duration)
        internal
        view
        returns (ReductionRequests.EventParams memory)
    {
        return ReductionRequests.EventParams({
            region: REGION,
            start: start,
            duration: duration,
            tier: tier,
            targetKw: 500,
            rate: 200_000, // 0.20 USD (6 decimals) per kWh
            baselineMethodId: 2,
            token: address(usd)
        });
    }

    /// @dev A tier-1 event (opt-out allowed) starting in 2 days, lasting 2 hours, paid in USD.
    function _createEvent() internal returns (uint256 id) {
        return _createEventAs(utility, _params(1, uint64(block.timestamp) + 2 days, 2 hours));
    }

    function _createEventAs(address u, ReductionRequests.EventParams memory p) internal returns (uint256 id) {
        vm.prank(u);
        id = rr.createEvent(p);
    }

    function _consumer(uint256 i) internal pure returns (address) {
        return address(uint160(0xC0000 + i));
    }

    function _register(uint256 i) internal returns (address c) {
        c = _consumer(i);
        creg.register(c, utility);
    }

    function _registerN(uint256 n) internal returns (address[] memory cs) {
        cs = new address[](n);
        for (uint256 i; i < n; ++i) {
            cs[i] = _register(i);
        }
    }

    function _optInAll(uint256 id, address[] memory cs) internal {
        for (uint256 i; i < cs.length; ++i) {
            vm.prank(cs[i]);
            rr.optIn(id);
        }
    }

    /// @dev Posts results (delivered, participants = number of positive outcomes), all outcomes and finalises.
    function _settleEvent(uint256 id, address[] memory cs, uint16[] memory outcomes, uint128 deliveredWh) internal {
        ReductionRequests.Event memory e = rr.getEvent(id);
        if (block.timestamp < e.start + e.duration) vm.warp(e.start + e.duration);
        uint32 positive;
        for (uint256 i; i < outcomes.length; ++i) {
            if (outcomes[i] != 0) positive++;
        }
        vm.startPrank(oracle);
        rr.postResults(id, deliveredWh, positive, keccak256("results"));
        rr.postOutcomes(id, cs, outcomes);
        rr.finalize(id);
        vm.stopPrank();
    }

    function _fund(address u, uint256 amount) internal {
        usd.mint(u, amount);
        vm.startPrank(u);
        usd.approve(address(dist), amount);
        dist.fund(address(usd), amount);
        vm.stopPrank();
    }
}
