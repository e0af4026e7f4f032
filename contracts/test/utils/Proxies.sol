// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {LoadForecast} from "../../src/LoadForecast.sol";
import {ReductionRequests} from "../../src/ReductionRequests.sol";
import {IncentiveDistributor} from "../../src/IncentiveDistributor.sol";
import {IUtilityRegistry} from "../../src/interfaces/IUtilityRegistry.sol";
import {IConsumerRegistry} from "../../src/interfaces/IConsumerRegistry.sol";
import {ILoadForecast} from "../../src/interfaces/ILoadForecast.sol";
import {IReductionRequests} from "../../src/interfaces/IReductionRequests.sol";

/// @title Proxies
/// @notice Deploys a fresh implementation of an event contract behind an ERC1967Proxy initialised with the given
///         arguments, from the calling test (internal functions: the test contract is the deployer).
library Proxies {
    /// @notice A LoadForecast proxy: `initialize(timelock, guardian, alphaBps, leadSeconds)`.
    function loadForecast(address timelock, address guardian, uint16 alphaBps, uint32 leadSeconds)
        internal
        returns (LoadForecast)
    {
        return LoadForecast(
            address(
                new ERC1967Proxy(
                    address(new LoadForecast()),
                    abi.encodeCall(LoadForecast.initialize, (timelock, guardian, alphaBps, leadSeconds))
                )
            )
        );
    }

    /// @notice The calldata of `ReductionRequests.initialize(timelock, guardian, utilities, consumers, forecast)`.
    function requestsInit(
        address timelock,
        address guardian,
        IUtilityRegistry utilities,
        IConsumerRegistry consumers,
        ILoadForecast forecast
    ) internal pure returns (bytes memory) {
        return abi.encodeCall(ReductionRequests.initialize, (timelock, guardian, utilities, consumers, forecast));
    }

    /// @notice A ReductionRequests proxy initialised with `requestsInit(…)`.
    function requests(
        address timelock,
        address guardian,
        IUtilityRegistry utilities,
        IConsumerRegistry consumers,
        ILoadForecast forecast
    ) internal returns (ReductionRequests) {
        return ReductionRequests(
            address(
                new ERC1967Proxy(
                    address(new ReductionRequests()), requestsInit(timelock, guardian, utilities, consumers, forecast)
                )
            )
        );
    }

    /// @notice An IncentiveDistributor proxy:
    ///         `initialize(timelock, guardian, requests, consumers, utilities, tokens, disputeWindow)`.
    function distributor(
        address timelock,
        address guardian,
        IReductionRequests requests_,
        IConsumerRegistry consumers,
        IUtilityRegistry utilities,
        address[] memory tokens,
        uint64 disputeWindow
    ) internal returns (IncentiveDistributor) {
        return IncentiveDistributor(
            address(
                new ERC1967Proxy(
                    address(new IncentiveDistributor()),
                    abi.encodeCall(
                        IncentiveDistributor.initialize,
                        (timelock, guardian, requests_, consumers, utilities, tokens, disputeWindow)
                    )
                )
            )
        );
    }
}
