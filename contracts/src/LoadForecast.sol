// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {PeaklabUpgradeable} from "./base/PeaklabUpgradeable.sol";
import {ILoadForecast} from "./interfaces/ILoadForecast.sol";
import {ScoreMath} from "./libraries/ScoreMath.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title LoadForecast
/// @notice Day-ahead hourly load forecasts per (region, day), scored against the meter oracle's actuals.
///
///         Packing (chosen for gas): the 24 hourly values of one day (kW, whole numbers) are 21-bit unsigned
///         integers packed into two uint256 words, 12 per word: hour h lives in word h / 12 at bit offset
///         (h % 12) × 21. The top 4 bits of each word must be zero. The largest representable hourly value is
///         2^21 − 1 = 2,097,151 kW (≈ 2.1 GW per region-hour). `pack` / `unpack` are the reference codec.
///
///         Days are UTC day numbers (`unix time / 86400`); hour h of day d starts at d × 86400 + h × 3600.
///
///         MAPE (bps) of a forecast f against actuals a (every a_h > 0):
///             mapeBps = floor( Σ_h floor(|f_h − a_h| × 10^10 / a_h) / (24 × 10^6) )
///         i.e. the mean absolute percentage error in bps with six extra decimals of precision per term.
///         The accuracy sample is 10000 − min(mapeBps, 10000), folded into the forecaster's accuracy with
///         the governed EWMA weight (`ScoreMath.ewma`); a forecaster's first scored day sets it directly.
///
///         Stress: each region has governed thresholds (kW) `stressKw` ≤ `emergencyKw`. Committing a forecast
///         emits `GridStressPredicted` for every hour strictly above the stress threshold (level Stress) or
///         strictly above the emergency threshold (level Emergency). `stressBps(region, hourStart)` is the
///         latest committed forecast for that hour × 10000 / stressKw (saturating at 2^32 − 1).
contract LoadForecast is PeaklabUpgradeable, ILoadForecast {
    /// @notice Forecasts for `day` must be committed at least `leadSeconds` before the day starts.
    error ForecastTooLate(uint32 day, uint64 deadline, uint64 nowTs);
    /// @notice Actuals for `day` can only be posted once the day has ended.
    error DayNotOver(uint32 day, uint64 dayEnd, uint64 nowTs);
    /// @notice Actuals for (region, day) were already posted.
    error ActualsAlreadyPosted(uint32 region, uint32 day);
    /// @notice Every actual hourly value must be positive (MAPE divides by it).
    error ZeroActual(uint8 hour);
    /// @notice A packed word has bits set above the 12 × 21 value bits.
    error PackedHighBitsSet(uint8 word, uint256 value);
    /// @notice An hourly value does not fit in 21 bits.
    error HourValueTooLarge(uint8 hour, uint256 value, uint256 max);
    /// @notice Too many forecasters already committed for (region, day).
    error TooManyForecasters(uint32 region, uint32 day, uint256 max);
    /// @notice Thresholds must satisfy 0 < stressKw ≤ emergencyKw ≤ 2^21 − 1.
    error InvalidThresholds(uint32 stressKw, uint32 emergencyKw);
    /// @notice The EWMA weight must be in (0, 10000].
    error InvalidAlpha(uint16 alphaBps);
    /// @notice The commit lead time must be at most 7 days.
    error LeadTooLong(uint32 leadSeconds, uint32 max);
    /// @notice The model id must be non-zero (0 marks "no forecast").
    error ZeroModelId();

    /// @notice A forecaster committed (or revised) its forecast for (region, day).
    event ForecastCommitted(
        uint32 indexed region, uint32 indexed day, address indexed forecaster, uint16 modelId, uint256 w0, uint256 w1
    );
    /// @notice A committed forecast exceeds a region threshold in `hour` (level 1 = Stress, 2 = Emergency).
    event GridStressPredicted(uint32 indexed region, uint32 indexed day, uint8 hour, uint8 level, uint32 forecastKw);
    /// @notice The oracle posted the actual hourly load for (region, day).
    event ActualsPosted(uint32 indexed region, uint32 indexed day, uint256 w0, uint256 w1);
    /// @notice A forecaster's forecast for (region, day) was scored; its accuracy moved to `accuracyBps`.
    event ForecastScored(
        uint32 indexed region, uint32 indexed day, address indexed forecaster, uint64 mapeBps, uint16 accuracyBps
    );
    /// @notice Governance set a region's stress and emergency thresholds (kW).
    event ThresholdsSet(uint32 indexed region, uint32 stressKw, uint32 emergencyKw);
    /// @notice Governance set the accuracy EWMA weight.
    event AccuracyAlphaSet(uint16 alphaBps);
    /// @notice Governance set how long before the day starts forecasts must be committed.
    event CommitLeadSet(uint32 leadSeconds);

    /// @notice May commit forecasts.
    bytes32 public constant FORECASTER_ROLE = keccak256("FORECASTER_ROLE");
    /// @notice The meter oracle: posts actual loads.
    bytes32 public constant ORACLE_ROLE = keccak256("ORACLE_ROLE");
    /// @notice Forecast stress levels carried by `GridStressPredicted`.
    uint8 public constant LEVEL_STRESS = 1;
    /// @notice Forecast stress level for an hour above the emergency threshold.
    uint8 public constant LEVEL_EMERGENCY = 2;
    /// @notice Bits per packed hourly value.
    uint256 public constant VALUE_BITS = 21;
    /// @notice Largest hourly value (kW) that fits the packing.
    // forge-lint: disable-next-line(incorrect-shift)
    uint256 public constant MAX_VALUE = (1 << VALUE_BITS) - 1;
    /// @notice At most this many forecasters are scored per (region, day) (bounds `postActuals`' loop).
    uint256 public constant MAX_FORECASTERS_PER_DAY = 32;
    /// @notice Longest governed commit lead.
    uint32 public constant MAX_LEAD = 7 days;

    uint256 private constant HOURS = 24;
    uint256 private constant PER_WORD = 12;
    // forge-lint: disable-next-line(incorrect-shift)
    uint256 private constant VALUES_MASK = (1 << (PER_WORD * VALUE_BITS)) - 1;
    uint256 private constant MAPE_SCALE = 1e6;

    /// @dev One stored forecast: the two packed words, then model id and commit time sharing a third slot.
    struct Forecast {
        uint256 w0;
        uint256 w1;
        uint16 modelId;
        uint64 committedAt;
    }

    /// @dev A region's thresholds (one slot).
    struct Thresholds {
        uint32 stressKw;
        uint32 emergencyKw;
    }

    /// @dev A forecaster's score (one slot).
    struct Score {
        uint16 accuracyBps;
        uint32 scoredDays;
    }

    /// @dev region => day => forecaster => forecast.
    mapping(uint32 => mapping(uint32 => mapping(address => Forecast))) private _forecasts;
    /// @dev region => day => forecasters that committed (in first-commit order).
    mapping(uint32 => mapping(uint32 => address[])) private _forecasters;
    /// @dev region => day => forecaster whose commit was the most recent.
    mapping(uint32 => mapping(uint32 => address)) private _latest;
    /// @dev region => day => actuals (w0, w1); a zero w0 and w1 means "not posted" (actuals are all positive).
    mapping(uint32 => mapping(uint32 => uint256[2])) private _actuals;
    mapping(uint32 => Thresholds) private _thresholds;
    mapping(address => Score) private _scores;
    uint16 private _alphaBps;
    uint32 private _leadSeconds;

    uint256[50] private __gap;

    /// @notice Initialises roles and parameters (proxy only).
    /// @param timelock_ Governance timelock (admin of every role).
    /// @param guardian May pause.
    /// @param alphaBps Accuracy EWMA weight (bps, (0, 10000]).
    /// @param leadSeconds Forecasts must be committed this long before their day starts (≤ 7 days).
    function initialize(address timelock_, address guardian, uint16 alphaBps, uint32 leadSeconds) external initializer {
        __PeaklabUpgradeable_init(timelock_, guardian);
        _setAlpha(alphaBps);
        _setLead(leadSeconds);
    }

    /// @notice Commits (or revises, before the deadline) the caller's day-ahead forecast for (region, day).
    /// @param region Region id.
    /// @param day UTC day number (unix time / 86400).
    /// @param modelId Non-zero id of the forecasting model (off-chain registry).
    /// @param packed The 24 hourly values in kW, packed as documented on the contract (see `pack`).
    function commitForecast(uint32 region, uint32 day, uint16 modelId, uint256[2] calldata packed)
        external
        onlyRole(FORECASTER_ROLE)
        whenNotPaused
    {
        if (modelId == 0) revert ZeroModelId();
        uint256 w0 = packed[0];
        uint256 w1 = packed[1];
        _checkPacked(w0, w1);
        uint64 dayStart = uint64(day) * 1 days;
        uint64 deadline = dayStart > _leadSeconds ? dayStart - _leadSeconds : 0;
        if (block.timestamp > deadline) revert ForecastTooLate(day, deadline, uint64(block.timestamp));
        Forecast storage f = _forecasts[region][day][msg.sender];
        if (f.modelId == 0) {
            address[] storage list = _forecasters[region][day];
            if (list.length >= MAX_FORECASTERS_PER_DAY) {
                revert TooManyForecasters(region, day, MAX_FORECASTERS_PER_DAY);
            }
            list.push(msg.sender);
        }
        f.w0 = w0;
        f.w1 = w1;
        f.modelId = modelId;
        f.committedAt = uint64(block.timestamp);
        _latest[region][day] = msg.sender;
        emit ForecastCommitted(region, day, msg.sender, modelId, w0, w1);

        Thresholds memory t = _thresholds[region];
        if (t.stressKw != 0) _emitStress(region, day, w0, w1, t);
    }

    /// @notice Posts the actual hourly load of (region, day) once the day is over, and scores every forecast
    ///         committed for it (MAPE and accuracy EWMA).
    /// @param region Region id.
    /// @param day UTC day number.
    /// @param packed The 24 actual hourly values in kW (all > 0), packed like forecasts.
    function postActuals(uint32 region, uint32 day, uint256[2] calldata packed)
        external
        onlyRole(ORACLE_ROLE)
        whenNotPaused
    {
        uint256 a0 = packed[0];
        uint256 a1 = packed[1];
        _checkPacked(a0, a1);
        uint64 dayEnd = (uint64(day) + 1) * 1 days;
        if (block.timestamp < dayEnd) revert DayNotOver(day, dayEnd, uint64(block.timestamp));
        uint256[2] storage stored = _actuals[region][day];
        if (stored[0] != 0 || stored[1] != 0) revert ActualsAlreadyPosted(region, day);
        for (uint256 h; h < HOURS; ++h) {
            // forge-lint: disable-next-line(unsafe-typecast)
            if (_valueAt(a0, a1, h) == 0) revert ZeroActual(uint8(h)); // h < 24
        }
        stored[0] = a0;
        stored[1] = a1;
        emit ActualsPosted(region, day, a0, a1);

        address[] storage list = _forecasters[region][day];
        uint256 n = list.length;
        for (uint256 i; i < n; ++i) {
            _score(region, day, list[i], a0, a1);
        }
    }

    /// @notice Sets a region's stress and emergency thresholds (kW). Only governance.
    /// @param region Region id.
    /// @param stressKw Stress threshold (kW, > 0); `stressBps` is relative to it.
    /// @param emergencyKw Emergency threshold (kW, ≥ stressKw, ≤ 2^21 − 1).
    function setThresholds(uint32 region, uint32 stressKw, uint32 emergencyKw) external onlyRole(GOVERNANCE_ROLE) {
        if (stressKw == 0 || emergencyKw < stressKw || emergencyKw > MAX_VALUE) {
            revert InvalidThresholds(stressKw, emergencyKw);
        }
        _thresholds[region] = Thresholds(stressKw, emergencyKw);
        emit ThresholdsSet(region, stressKw, emergencyKw);
    }

    /// @notice Sets the accuracy EWMA weight. Only governance.
    /// @param alphaBps Weight of a new day's sample (bps, (0, 10000]).
    function setAccuracyAlpha(uint16 alphaBps) external onlyRole(GOVERNANCE_ROLE) {
        _setAlpha(alphaBps);
    }

    /// @notice Sets how long before its day a forecast must be committed. Only governance.
    /// @param leadSeconds Lead time in seconds (≤ 7 days).
    function setCommitLead(uint32 leadSeconds) external onlyRole(GOVERNANCE_ROLE) {
        _setLead(leadSeconds);
    }

    /// @inheritdoc ILoadForecast
    function stressBps(uint32 region, uint64 hourStart) external view returns (uint32) {
        uint32 stressKw = _thresholds[region].stressKw;
        if (stressKw == 0) return 0;
        uint32 day = SafeCast.toUint32(hourStart / 1 days);
        address who = _latest[region][day];
        if (who == address(0)) return 0;
        Forecast storage f = _forecasts[region][day][who];
        uint256 kw = _valueAt(f.w0, f.w1, (hourStart % 1 days) / 1 hours);
        uint256 bps = (kw * 10_000) / stressKw;
        // forge-lint: disable-next-line(unsafe-typecast)
        return bps > type(uint32).max ? type(uint32).max : uint32(bps); // saturated just before
    }

    /// @notice The forecast `forecaster` committed for (region, day).
    /// @param region Region id.
    /// @param day UTC day number.
    /// @param forecaster The forecaster.
    /// @return kw The 24 hourly values (kW); all zero when none was committed.
    /// @return modelId The model id (0 when none).
    /// @return committedAt Time of the last commit or revision.
    function forecastOf(uint32 region, uint32 day, address forecaster)
        external
        view
        returns (uint32[24] memory kw, uint16 modelId, uint64 committedAt)
    {
        Forecast storage f = _forecasts[region][day][forecaster];
        return (unpack([f.w0, f.w1]), f.modelId, f.committedAt);
    }

    /// @notice The most recently committed forecast for (region, day) and who committed it.
    /// @param region Region id.
    /// @param day UTC day number.
    /// @return forecaster The last committer (zero when none).
    /// @return kw Its 24 hourly values (kW).
    function latestForecast(uint32 region, uint32 day)
        external
        view
        returns (address forecaster, uint32[24] memory kw)
    {
        forecaster = _latest[region][day];
        Forecast storage f = _forecasts[region][day][forecaster];
        kw = unpack([f.w0, f.w1]);
    }

    /// @notice Forecasters that committed for (region, day), in first-commit order.
    /// @param region Region id.
    /// @param day UTC day number.
    /// @return The forecaster addresses.
    function forecastersOf(uint32 region, uint32 day) external view returns (address[] memory) {
        return _forecasters[region][day];
    }

    /// @notice Actual hourly load posted for (region, day).
    /// @param region Region id.
    /// @param day UTC day number.
    /// @return posted Whether actuals were posted.
    /// @return kw The 24 hourly values (kW).
    function actualsOf(uint32 region, uint32 day) external view returns (bool posted, uint32[24] memory kw) {
        uint256[2] storage a = _actuals[region][day];
        posted = a[0] != 0 || a[1] != 0;
        kw = unpack([a[0], a[1]]);
    }

    /// @notice A forecaster's accuracy score and how many forecast days were scored.
    /// @param forecaster The forecaster.
    /// @return accuracyBps Accuracy EWMA in bps (0 before the first scored day).
    /// @return scoredDays Number of scored (region, day) forecasts.
    function accuracyOf(address forecaster) external view returns (uint16 accuracyBps, uint32 scoredDays) {
        Score memory s = _scores[forecaster];
        return (s.accuracyBps, s.scoredDays);
    }

    /// @notice A region's thresholds (kW).
    /// @param region Region id.
    /// @return stressKw Stress threshold (0 = unset).
    /// @return emergencyKw Emergency threshold.
    function thresholdsOf(uint32 region) external view returns (uint32 stressKw, uint32 emergencyKw) {
        Thresholds memory t = _thresholds[region];
        return (t.stressKw, t.emergencyKw);
    }

    /// @notice The accuracy EWMA weight (bps).
    /// @return The weight.
    function accuracyAlphaBps() external view returns (uint16) {
        return _alphaBps;
    }

    /// @notice Seconds before a day starts by which its forecasts must be committed.
    /// @return The lead time.
    function commitLeadSeconds() external view returns (uint32) {
        return _leadSeconds;
    }

    /// @notice MAPE (bps) of a packed forecast against packed actuals (formula on the contract).
    /// @param forecast Packed forecast.
    /// @param actual Packed actuals (every hour > 0).
    /// @return The MAPE in basis points.
    function mapeBps(uint256[2] calldata forecast, uint256[2] calldata actual) external pure returns (uint256) {
        _checkPacked(forecast[0], forecast[1]);
        _checkPacked(actual[0], actual[1]);
        for (uint256 h; h < HOURS; ++h) {
            // forge-lint: disable-next-line(unsafe-typecast)
            if (_valueAt(actual[0], actual[1], h) == 0) revert ZeroActual(uint8(h)); // h < 24
        }
        return _mape(forecast[0], forecast[1], actual[0], actual[1]);
    }

    /// @notice Packs 24 hourly values (kW, each ≤ 2^21 − 1) into two words.
    /// @param kw The hourly values, hour 0 first.
    /// @return packed The two words.
    function pack(uint32[24] memory kw) public pure returns (uint256[2] memory packed) {
        for (uint256 h; h < HOURS; ++h) {
            uint256 v = kw[h];
            // forge-lint: disable-next-line(unsafe-typecast)
            if (v > MAX_VALUE) revert HourValueTooLarge(uint8(h), v, MAX_VALUE); // h < 24
            packed[h / PER_WORD] |= v << ((h % PER_WORD) * VALUE_BITS);
        }
    }

    /// @notice Unpacks two words into 24 hourly values (the inverse of `pack`).
    /// @param packed The two words.
    /// @return kw The hourly values, hour 0 first.
    function unpack(uint256[2] memory packed) public pure returns (uint32[24] memory kw) {
        for (uint256 h; h < HOURS; ++h) {
            kw[h] = uint32(_valueAt(packed[0], packed[1], h));
        }
    }

    function _setAlpha(uint16 alphaBps) internal {
        if (alphaBps == 0 || alphaBps > 10_000) revert InvalidAlpha(alphaBps);
        _alphaBps = alphaBps;
        emit AccuracyAlphaSet(alphaBps);
    }

    function _setLead(uint32 leadSeconds) internal {
        if (leadSeconds > MAX_LEAD) revert LeadTooLong(leadSeconds, MAX_LEAD);
        _leadSeconds = leadSeconds;
        emit CommitLeadSet(leadSeconds);
    }

    function _score(uint32 region, uint32 day, address who, uint256 a0, uint256 a1) private {
        Forecast storage f = _forecasts[region][day][who];
        uint256 mape = _mape(f.w0, f.w1, a0, a1);
        uint256 sample = mape >= 10_000 ? 0 : 10_000 - mape;
        Score storage s = _scores[who];
        // forge-lint: disable-next-line(unsafe-typecast)
        uint16 acc = s.scoredDays == 0 ? uint16(sample) : ScoreMath.ewma(s.accuracyBps, sample, _alphaBps); // ≤ 10000
        s.accuracyBps = acc;
        s.scoredDays += 1;
        // forge-lint: disable-next-line(unsafe-typecast)
        emit ForecastScored(region, day, who, uint64(mape), acc); // mape ≤ (2^21 − 1) × 10^4 < 2^64
    }

    function _emitStress(uint32 region, uint32 day, uint256 w0, uint256 w1, Thresholds memory t) private {
        for (uint256 h; h < HOURS; ++h) {
            uint256 v = _valueAt(w0, w1, h);
            // Casts: h < 24 and v < 2^21.
            if (v > t.emergencyKw) {
                // forge-lint: disable-next-line(unsafe-typecast)
                emit GridStressPredicted(region, day, uint8(h), LEVEL_EMERGENCY, uint32(v));
            } else if (v > t.stressKw) {
                // forge-lint: disable-next-line(unsafe-typecast)
                emit GridStressPredicted(region, day, uint8(h), LEVEL_STRESS, uint32(v));
            }
        }
    }

    function _mape(uint256 f0, uint256 f1, uint256 a0, uint256 a1) private pure returns (uint256) {
        uint256 sum;
        for (uint256 h; h < HOURS; ++h) {
            uint256 f = _valueAt(f0, f1, h);
            uint256 a = _valueAt(a0, a1, h);
            uint256 err = f > a ? f - a : a - f;
            sum += (err * 10_000 * MAPE_SCALE) / a;
        }
        return sum / (HOURS * MAPE_SCALE);
    }

    function _checkPacked(uint256 w0, uint256 w1) private pure {
        if (w0 & ~VALUES_MASK != 0) revert PackedHighBitsSet(0, w0);
        if (w1 & ~VALUES_MASK != 0) revert PackedHighBitsSet(1, w1);
    }

    function _valueAt(uint256 w0, uint256 w1, uint256 h) private pure returns (uint256) {
        uint256 w = h < PER_WORD ? w0 : w1;
        return (w >> ((h % PER_WORD) * VALUE_BITS)) & MAX_VALUE;
    }
}
