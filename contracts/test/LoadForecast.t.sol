// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Test} from "./utils/Test.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {PausableUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/PausableUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {LoadForecast} from "../src/LoadForecast.sol";
import {PeaklabUpgradeable} from "../src/base/PeaklabUpgradeable.sol";
import {console} from "./utils/console.sol";

contract LoadForecastTest is Test {
    event ForecastCommitted(
        uint32 indexed region, uint32 indexed day, address indexed forecaster, uint16 modelId, uint256 w0, uint256 w1
    );
    event GridStressPredicted(uint32 indexed region, uint32 indexed day, uint8 hour, uint8 level, uint32 forecastKw);
    event ForecastScored(
        uint32 indexed region, uint32 indexed day, address indexed forecaster, uint64 mapeBps, uint16 accuracyBps
    );

    LoadForecast internal lf;
    address internal timelock = address(0x7100);
    address internal guardian = address(0x6A);
    address internal fc1 = address(0xF1);
    address internal fc2 = address(0xF2);
    address internal oracle = address(0x0AC1E);
    address internal stranger = address(0xBAD);

    uint32 internal constant REGION = 7;
    uint32 internal constant DAY = 20_000; // 2024-10-04
    uint32 internal constant LEAD = 6 hours;

    function setUp() public {
        LoadForecast impl = new LoadForecast();
        lf = LoadForecast(
            address(
                new ERC1967Proxy(
                    address(impl), abi.encodeCall(LoadForecast.initialize, (timelock, guardian, 2000, LEAD))
                )
            )
        );
        vm.startPrank(timelock);
        lf.grantRole(lf.FORECASTER_ROLE(), fc1);
        lf.grantRole(lf.FORECASTER_ROLE(), fc2);
        lf.grantRole(lf.ORACLE_ROLE(), oracle);
        lf.setThresholds(REGION, 1000, 1500);
        vm.stopPrank();
        vm.warp(uint256(DAY) * 1 days - 1 days); // the day before
    }

    function _flat(uint32 v) internal pure returns (uint32[24] memory kw) {
        for (uint256 h; h < 24; ++h) {
            kw[h] = v;
        }
    }

    function _commit(address who, uint32[24] memory kw) internal {
        uint256[2] memory p = lf.pack(kw);
        vm.prank(who);
        lf.commitForecast(REGION, DAY, 1, p);
    }

    // ---------------------------------------------------------------- packing

    function test_packLayoutIs21BitsTwelvePerWord() public view {
        uint32[24] memory kw;
        kw[0] = 1;
        kw[1] = 2;
        kw[11] = 3;
        kw[12] = 4;
        kw[23] = uint32(lf.MAX_VALUE());
        uint256[2] memory p = lf.pack(kw);
        assertEq(p[0], 1 | (2 << 21) | (3 << 231));
        assertEq(p[1], 4 | (uint256((1 << 21) - 1) << 231));
    }

    function testFuzz_packUnpackRoundTrip(uint256 seed) public view {
        uint32[24] memory kw;
        for (uint256 h; h < 24; ++h) {
            kw[h] = uint32(uint256(keccak256(abi.encode(seed, h))) % (lf.MAX_VALUE() + 1));
        }
        uint32[24] memory back = lf.unpack(lf.pack(kw));
        for (uint256 h; h < 24; ++h) {
            assertEq(back[h], kw[h], "hour value");
        }
    }

    function testFuzz_packRejectsOversizedValue(uint8 hour, uint32 value) public {
        hour = uint8(bound(hour, 0, 23));
        value = uint32(bound(value, lf.MAX_VALUE() + 1, type(uint32).max));
        uint32[24] memory kw;
        kw[hour] = value;
        vm.expectRevert(abi.encodeWithSelector(LoadForecast.HourValueTooLarge.selector, hour, value, lf.MAX_VALUE()));
        lf.pack(kw);
    }

    // ---------------------------------------------------------------- commit

    function test_commitStoresForecastAndEmits() public {
        uint32[24] memory kw = _flat(800);
        kw[5] = 900;
        uint256[2] memory p = lf.pack(kw);
        vm.expectEmit(true, true, true, true);
        emit ForecastCommitted(REGION, DAY, fc1, 3, p[0], p[1]);
        vm.prank(fc1);
        lf.commitForecast(REGION, DAY, 3, p);
        (uint32[24] memory got, uint16 model, uint64 at) = lf.forecastOf(REGION, DAY, fc1);
        assertEq(got[5], 900);
        assertEq(got[6], 800);
        assertEq(model, 3);
        assertEq(at, block.timestamp);
        address[] memory list = lf.forecastersOf(REGION, DAY);
        assertEq(list.length, 1);
        assertEq(list[0], fc1);
    }

    function test_reviseKeepsOneEntryAndLatestWins() public {
        _commit(fc1, _flat(800));
        _commit(fc2, _flat(900));
        _commit(fc1, _flat(1200));
        assertEq(lf.forecastersOf(REGION, DAY).length, 2);
        (address latest, uint32[24] memory kw) = lf.latestForecast(REGION, DAY);
        assertEq(latest, fc1);
        assertEq(kw[0], 1200);
        assertEq(lf.stressBps(REGION, uint64(DAY) * 1 days + 3 hours + 17), 12_000);
    }

    function test_commitRevertsForNonForecaster() public {
        uint256[2] memory p = lf.pack(_flat(1));
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, lf.FORECASTER_ROLE()
            )
        );
        vm.prank(stranger);
        lf.commitForecast(REGION, DAY, 1, p);
    }

    function test_commitRevertsAfterDeadline() public {
        uint256[2] memory p = lf.pack(_flat(1));
        uint64 deadline = uint64(DAY) * 1 days - LEAD;
        vm.warp(deadline + 1);
        vm.expectRevert(abi.encodeWithSelector(LoadForecast.ForecastTooLate.selector, DAY, deadline, deadline + 1));
        vm.prank(fc1);
        lf.commitForecast(REGION, DAY, 1, p);
        vm.warp(deadline); // exactly at the deadline is still in time
        vm.prank(fc1);
        lf.commitForecast(REGION, DAY, 1, p);
    }

    function test_commitRevertsOnZeroModel() public {
        uint256[2] memory p = lf.pack(_flat(1));
        vm.expectRevert(LoadForecast.ZeroModelId.selector);
        vm.prank(fc1);
        lf.commitForecast(REGION, DAY, 0, p);
    }

    function test_commitRevertsOnHighBits() public {
        uint256[2] memory p = lf.pack(_flat(1));
        p[1] |= uint256(1) << 252;
        vm.expectRevert(abi.encodeWithSelector(LoadForecast.PackedHighBitsSet.selector, uint8(1), p[1]));
        vm.prank(fc1);
        lf.commitForecast(REGION, DAY, 1, p);
        p[1] = 0;
        p[0] = uint256(1) << 255;
        vm.expectRevert(abi.encodeWithSelector(LoadForecast.PackedHighBitsSet.selector, uint8(0), p[0]));
        vm.prank(fc1);
        lf.commitForecast(REGION, DAY, 1, p);
    }

    function test_commitRevertsWhenPaused() public {
        vm.prank(guardian);
        lf.pause();
        uint256[2] memory p = lf.pack(_flat(1));
        vm.expectRevert(PausableUpgradeable.EnforcedPause.selector);
        vm.prank(fc1);
        lf.commitForecast(REGION, DAY, 1, p);
    }

    function test_commitRevertsPastMaxForecasters() public {
        uint256[2] memory p = lf.pack(_flat(1));
        bytes32 role = lf.FORECASTER_ROLE();
        for (uint256 i; i < 32; ++i) {
            address who = address(uint160(0x1000 + i));
            vm.prank(timelock);
            lf.grantRole(role, who);
            vm.prank(who);
            lf.commitForecast(REGION, DAY, 1, p);
        }
        vm.expectRevert(abi.encodeWithSelector(LoadForecast.TooManyForecasters.selector, REGION, DAY, 32));
        vm.prank(fc1);
        lf.commitForecast(REGION, DAY, 1, p);
    }

    // ---------------------------------------------------------------- stress

    function test_gridStressPredictedPerHourAndLevel() public {
        uint32[24] memory kw = _flat(1000); // at the threshold: not above
        kw[17] = 1001; // stress
        kw[18] = 1500; // at emergency: still stress
        kw[19] = 1501; // emergency
        uint256[2] memory p = lf.pack(kw);
        vm.expectEmit(true, true, false, true);
        emit GridStressPredicted(REGION, DAY, 17, 1, 1001);
        vm.expectEmit(true, true, false, true);
        emit GridStressPredicted(REGION, DAY, 18, 1, 1500);
        vm.expectEmit(true, true, false, true);
        emit GridStressPredicted(REGION, DAY, 19, 2, 1501);
        vm.prank(fc1);
        lf.commitForecast(REGION, DAY, 1, p);
    }

    function test_stressBpsFromLatestForecast() public {
        assertEq(lf.stressBps(REGION, uint64(DAY) * 1 days), 0, "no forecast");
        uint32[24] memory kw = _flat(500);
        kw[18] = 1250;
        _commit(fc1, kw);
        assertEq(lf.stressBps(REGION, uint64(DAY) * 1 days + 18 hours), 12_500);
        assertEq(lf.stressBps(REGION, uint64(DAY) * 1 days + 18 hours + 3599), 12_500);
        assertEq(lf.stressBps(REGION, uint64(DAY) * 1 days + 19 hours), 5000);
        assertEq(lf.stressBps(REGION + 1, uint64(DAY) * 1 days + 18 hours), 0, "no thresholds");
    }

    function testFuzz_stressBpsMatchesRatio(uint32 kw, uint32 threshold, uint8 hour) public {
        kw = uint32(bound(kw, 0, lf.MAX_VALUE()));
        threshold = uint32(bound(threshold, 1, lf.MAX_VALUE()));
        hour = uint8(bound(hour, 0, 23));
        vm.prank(timelock);
        lf.setThresholds(REGION, threshold, threshold);
        uint32[24] memory v;
        v[hour] = kw;
        _commit(fc1, v);
        uint256 expected = (uint256(kw) * 10_000) / threshold;
        if (expected > type(uint32).max) expected = type(uint32).max;
        assertEq(lf.stressBps(REGION, uint64(DAY) * 1 days + uint64(hour) * 1 hours), expected);
    }

    // ---------------------------------------------------------------- actuals, MAPE, accuracy

    function test_mapeByHand() public view {
        // 12 hours off by +10 % of 1000 and 12 hours off by -25 % of 400: mean = (12*1000 + 12*2500)/24 = 1750 bps.
        uint32[24] memory f;
        uint32[24] memory a;
        for (uint256 h; h < 12; ++h) {
            f[h] = 1100;
            a[h] = 1000;
        }
        for (uint256 h = 12; h < 24; ++h) {
            f[h] = 300;
            a[h] = 400;
        }
        assertEq(lf.mapeBps(lf.pack(f), lf.pack(a)), 1750);
        // A single hour 1/3 off: (3333.333… bps) / 24 = 138.888… → 138.
        f = _flat(1000);
        a = _flat(1000);
        f[0] = 1000 + 333; // err 333 of 1000 → 3330 bps
        f[1] = 1000 + 1; // err 1 of 1000 → 10 bps ; total 3340/24 = 139.16 → 139
        assertEq(lf.mapeBps(lf.pack(f), lf.pack(a)), 139);
        f = _flat(1000);
        a[2] = 3; // actual 3, forecast 0 → 100 % in that hour: 10000/24 = 416.67 → 416
        f[2] = 0;
        assertEq(lf.mapeBps(lf.pack(f), lf.pack(a)), 416);
    }

    function testFuzz_mapeMatchesReference(uint256 seed) public view {
        uint32[24] memory f;
        uint32[24] memory a;
        uint256 sum;
        for (uint256 h; h < 24; ++h) {
            f[h] = uint32(uint256(keccak256(abi.encode(seed, "f", h))) % (lf.MAX_VALUE() + 1));
            a[h] = uint32(1 + uint256(keccak256(abi.encode(seed, "a", h))) % lf.MAX_VALUE());
            uint256 e = f[h] > a[h] ? f[h] - a[h] : a[h] - f[h];
            sum += (e * 1e10) / a[h];
        }
        uint256 mape = lf.mapeBps(lf.pack(f), lf.pack(a));
        assertEq(mape, sum / 24e6);
        if (keccak256(abi.encode(f)) == keccak256(abi.encode(a))) assertEq(mape, 0);
    }

    function testFuzz_mapeZeroForPerfectForecast(uint256 seed) public view {
        uint32[24] memory a;
        for (uint256 h; h < 24; ++h) {
            a[h] = uint32(1 + uint256(keccak256(abi.encode(seed, h))) % lf.MAX_VALUE());
        }
        assertEq(lf.mapeBps(lf.pack(a), lf.pack(a)), 0);
    }

    function test_mapeRevertsOnZeroActual() public {
        uint32[24] memory a = _flat(10);
        a[9] = 0;
        uint256[2] memory f = lf.pack(_flat(10));
        uint256[2] memory ap = lf.pack(a);
        vm.expectRevert(abi.encodeWithSelector(LoadForecast.ZeroActual.selector, uint8(9)));
        lf.mapeBps(f, ap);
    }

    function test_postActualsScoresEveryForecaster() public {
        _commit(fc1, _flat(1100)); // 10 % high → accuracy 9000
        _commit(fc2, _flat(1000)); // perfect → 10000
        vm.warp(uint256(DAY + 1) * 1 days);
        uint256[2] memory a = lf.pack(_flat(1000));
        vm.expectEmit(true, true, true, true);
        emit ForecastScored(REGION, DAY, fc1, 1000, 9000);
        vm.expectEmit(true, true, true, true);
        emit ForecastScored(REGION, DAY, fc2, 0, 10_000);
        vm.prank(oracle);
        lf.postActuals(REGION, DAY, a);
        (uint16 acc1, uint32 n1) = lf.accuracyOf(fc1);
        assertEq(acc1, 9000);
        assertEq(n1, 1);
        (bool posted, uint32[24] memory kw) = lf.actualsOf(REGION, DAY);
        assertTrue(posted);
        assertEq(kw[23], 1000);
    }

    function test_accuracyEwmaOnSecondDay() public {
        _commit(fc1, _flat(1100));
        vm.warp(uint256(DAY + 1) * 1 days);
        uint256[2] memory actual = lf.pack(_flat(1000));
        vm.prank(oracle);
        lf.postActuals(REGION, DAY, actual); // 9000
        // day + 2: forecast 3x actual → MAPE 20000 bps → sample 0; EWMA alpha 20 %: 9000 - 1800 = 7200.
        uint256[2] memory f = lf.pack(_flat(3000));
        vm.prank(fc1);
        lf.commitForecast(REGION, DAY + 2, 1, f);
        vm.warp(uint256(DAY + 3) * 1 days);
        vm.prank(oracle);
        lf.postActuals(REGION, DAY + 2, actual);
        (uint16 acc, uint32 n) = lf.accuracyOf(fc1);
        assertEq(acc, 7200);
        assertEq(n, 2);
    }

    function test_postActualsRevertsBeforeDayEnds() public {
        uint256[2] memory a = lf.pack(_flat(1000));
        uint64 end = uint64(DAY + 1) * 1 days;
        vm.warp(end - 1);
        vm.expectRevert(abi.encodeWithSelector(LoadForecast.DayNotOver.selector, DAY, end, end - 1));
        vm.prank(oracle);
        lf.postActuals(REGION, DAY, a);
    }

    function test_postActualsRevertsTwice() public {
        uint256[2] memory a = lf.pack(_flat(1000));
        vm.warp(uint256(DAY + 1) * 1 days);
        vm.prank(oracle);
        lf.postActuals(REGION, DAY, a);
        vm.expectRevert(abi.encodeWithSelector(LoadForecast.ActualsAlreadyPosted.selector, REGION, DAY));
        vm.prank(oracle);
        lf.postActuals(REGION, DAY, a);
    }

    function test_postActualsRevertsOnZeroHour() public {
        uint32[24] memory v = _flat(1000);
        v[23] = 0;
        uint256[2] memory a = lf.pack(v);
        vm.warp(uint256(DAY + 1) * 1 days);
        vm.expectRevert(abi.encodeWithSelector(LoadForecast.ZeroActual.selector, uint8(23)));
        vm.prank(oracle);
        lf.postActuals(REGION, DAY, a);
    }

    function test_postActualsRevertsForNonOracle() public {
        uint256[2] memory a = lf.pack(_flat(1000));
        vm.warp(uint256(DAY + 1) * 1 days);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, fc1, lf.ORACLE_ROLE())
        );
        vm.prank(fc1);
        lf.postActuals(REGION, DAY, a);
    }

    function test_postActualsRevertsWhenPaused() public {
        uint256[2] memory a = lf.pack(_flat(1000));
        vm.warp(uint256(DAY + 1) * 1 days);
        vm.prank(guardian);
        lf.pause();
        vm.expectRevert(PausableUpgradeable.EnforcedPause.selector);
        vm.prank(oracle);
        lf.postActuals(REGION, DAY, a);
    }

    function test_gasCommitAndScore() public {
        uint256[2] memory p = lf.pack(_flat(900));
        vm.prank(fc1);
        uint256 g = gasleft();
        lf.commitForecast(REGION, DAY, 1, p);
        console.log("gas: commitForecast (first, no stress hour)", g - gasleft());
        p = lf.pack(_flat(950));
        vm.prank(fc2);
        lf.commitForecast(REGION, DAY, 1, p);
        vm.warp(uint256(DAY + 1) * 1 days);
        uint256[2] memory a = lf.pack(_flat(1000));
        vm.prank(oracle);
        g = gasleft();
        lf.postActuals(REGION, DAY, a);
        console.log("gas: postActuals scoring 2 forecasters", g - gasleft());
        (uint16 acc,) = lf.accuracyOf(fc2);
        assertEq(acc, 9500);
    }

    // ---------------------------------------------------------------- governance

    function test_governanceSetters() public {
        vm.startPrank(timelock);
        lf.setThresholds(REGION, 10, 10);
        lf.setAccuracyAlpha(10_000);
        lf.setCommitLead(0);
        vm.stopPrank();
        (uint32 s, uint32 e) = lf.thresholdsOf(REGION);
        assertEq(s, 10);
        assertEq(e, 10);
        assertEq(lf.accuracyAlphaBps(), 10_000);
        assertEq(lf.commitLeadSeconds(), 0);
    }

    function test_governanceSetterRevertsOnBadValues() public {
        vm.startPrank(timelock);
        vm.expectRevert(abi.encodeWithSelector(LoadForecast.InvalidThresholds.selector, uint32(0), uint32(5)));
        lf.setThresholds(REGION, 0, 5);
        vm.expectRevert(abi.encodeWithSelector(LoadForecast.InvalidThresholds.selector, uint32(6), uint32(5)));
        lf.setThresholds(REGION, 6, 5);
        uint32 big = uint32(lf.MAX_VALUE() + 1);
        vm.expectRevert(abi.encodeWithSelector(LoadForecast.InvalidThresholds.selector, uint32(6), big));
        lf.setThresholds(REGION, 6, big);
        vm.expectRevert(abi.encodeWithSelector(LoadForecast.InvalidAlpha.selector, uint16(0)));
        lf.setAccuracyAlpha(0);
        vm.expectRevert(abi.encodeWithSelector(LoadForecast.InvalidAlpha.selector, uint16(10_001)));
        lf.setAccuracyAlpha(10_001);
        vm.expectRevert(abi.encodeWithSelector(LoadForecast.LeadTooLong.selector, uint32(7 days + 1), uint32(7 days)));
        lf.setCommitLead(7 days + 1);
        vm.stopPrank();
    }

    function test_governanceSettersRevertForOthers() public {
        bytes32 role = lf.GOVERNANCE_ROLE();
        vm.startPrank(stranger);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, role)
        );
        lf.setThresholds(REGION, 1, 1);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, role)
        );
        lf.setAccuracyAlpha(1);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, role)
        );
        lf.setCommitLead(1);
        vm.stopPrank();
    }

    function test_initializeLockedAndValidated() public {
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        lf.initialize(timelock, guardian, 1, 0);
        LoadForecast impl = new LoadForecast();
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        impl.initialize(timelock, guardian, 1, 0);
        vm.expectRevert(abi.encodeWithSelector(PeaklabUpgradeable.ZeroAddress.selector, "timelock"));
        new ERC1967Proxy(address(impl), abi.encodeCall(LoadForecast.initialize, (address(0), guardian, 1, 0)));
        vm.expectRevert(abi.encodeWithSelector(LoadForecast.InvalidAlpha.selector, uint16(0)));
        new ERC1967Proxy(address(impl), abi.encodeCall(LoadForecast.initialize, (timelock, guardian, 0, 0)));
    }
}
