import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.disclosure.bounds import Bounded
from workbench.io.kwb import gemeenten, read_kwb
from workbench.io.reference import read_composition, read_prevalentie
from workbench.stats.extrapolation import age_groups, bereik, extrapolate, latest_per_form, round_estimate
from workbench.stats.peers import peer_group, region_features
from workbench.stats.rates import compare, funnel_limits, poisson_interval, rate_table


@pytest.mark.unit
# Exact Poisson limits as tabulated (e.g. in public-health methods notes): 0 -> (0, 3.689), 1 -> (0.0253, 5.572),
# 10 -> (4.795, 18.390), 100 -> (81.36, 121.63).
@pytest.mark.parametrize(
    ("count", "low", "high"),
    [(0, 0.0, 3.6889), (1, 0.0253, 5.5716), (10, 4.7954, 18.3904), (100, 81.3639, 121.6269)],
)
def test_poisson_interval_known_values(count, low, high):
    lo, hi = poisson_interval(count)
    assert lo == pytest.approx(low, abs=1e-3)
    assert hi == pytest.approx(high, abs=1e-3)


@pytest.mark.unit
def test_rate_table_and_comparison():
    table = rate_table(
        pd.Series([10, pd.NA, 100], dtype="Int64", index=["a", "b", "c"]),
        pd.Series([2000.0, 500.0, 10000.0], index=["a", "b", "c"]),
    )
    assert table.loc["a", "per_1000"] == pytest.approx(5.0)
    assert table.loc["a", "ci_laag"] == pytest.approx(4.7954 / 2, abs=1e-3)
    assert math.isnan(table.loc["b", "per_1000"])  # a secret count gives no rate
    labels = compare(table, reference_rate=3.0)
    assert labels.tolist() == ["niet verschillend", "onbekend", "hoger"]
    assert compare(table, reference_rate=13.0)["c"] == "lager"


@pytest.mark.unit
def test_funnel_limits_narrow_with_population_and_approach_the_normal_limits():
    low, high = funnel_limits(7.0, np.array([1_000, 100_000, 10_000_000]), level=0.95)
    assert high[0] - low[0] > high[1] - low[1] > high[2] - low[2]
    assert (low >= 0).all()
    assert high[2] == pytest.approx(7.0 + 1.96 * math.sqrt(0.007 / 10_000_000) * 1000, rel=1e-3)


@pytest.mark.unit
def test_a_point_the_normal_approximation_would_call_high_is_inside_the_exact_funnel():
    # 22 meldingen among 2,000 inhabitants against 7 per 1,000 (14 expected): the normal upper limit
    # (14 + 1.96·√14 = 21.3) calls it high, but its exact interval (13.8–33.3) still holds 14.
    table = rate_table(pd.Series([22], dtype="Int64"), pd.Series([2000.0]))
    assert compare(table, 7.0).iloc[0] == "niet verschillend"
    low, high = funnel_limits(7.0, np.array([2000.0]), level=0.95)
    assert low[0] <= 11.0 <= high[0]


@pytest.mark.unit
@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1, max_value=5000),
    st.floats(min_value=500, max_value=2_000_000),
    st.floats(min_value=0.5, max_value=20),
    st.sampled_from([0.95, 0.998]),
)
def test_table_verdict_and_funnel_position_always_agree(count, population, reference, level):
    table = rate_table(pd.Series([count], dtype="Int64"), pd.Series([population]), level=level)
    verdict = compare(table, reference).iloc[0]
    low, high = funnel_limits(reference, np.array([population]), level=level)
    rate = count / population * 1000
    position = "hoger" if rate > high[0] else "lager" if rate < low[0] else "niet verschillend"
    margin = 1e-6 * max(rate, 1e-9)  # only a point exactly on a limit may fall either way
    if abs(rate - high[0]) > margin and abs(rate - low[0]) > margin:
        assert verdict == position


@pytest.mark.unit
def test_age_groups_from_bands_by_hand():
    kwb = pd.DataFrame(
        {
            "code": ["GM0001"],
            "inwoners": [3000],
            "leeftijd_0_14": [1000],
            "leeftijd_15_24": [500],
            "leeftijd_65_plus": [300],
        }
    )
    g = age_groups(kwb).loc["GM0001"]
    assert g["0-17"] == pytest.approx(1150)  # 1000 + 3/10 * 500
    assert g["12-17"] == pytest.approx(350)  # 3/15 * 1000 + 3/10 * 500
    assert g["16+"] == pytest.approx(1950)  # 3000 - 1000 - 1/10 * 500
    assert g["65+"] == 300


@pytest.mark.unit
def test_extrapolation_arithmetic_by_hand():
    groups = pd.DataFrame({"0-17": [1150.0], "16+": [1950.0]}, index=["GM0001"])
    prevalence = pd.DataFrame(
        [
            {
                "vorm": "kindermishandeling",
                "leeftijd_min": 0,
                "leeftijd_max": 17,
                "laag": 26.0,
                "punt": np.nan,
                "hoog": 37.0,
                "eenheid": "per 1000",
                "studie": "NPM",
                "referentiejaar": 2017,
            },
            {
                "vorm": "huiselijk geweld",
                "leeftijd_min": 16,
                "leeftijd_max": pd.NA,
                "laag": np.nan,
                "punt": 8.0,
                "hoog": np.nan,
                "eenheid": "procent",
                "studie": "PM",
                "referentiejaar": 2020,
            },
        ]
    )
    est = extrapolate(groups, prevalence).set_index("vorm")
    assert est.loc["kindermishandeling", "schatting_laag"] == pytest.approx(29.9)  # 1150 * 26 / 1000
    assert est.loc["kindermishandeling", "schatting_hoog"] == pytest.approx(42.55)  # 1150 * 37 / 1000
    assert est.loc["huiselijk geweld", "schatting_laag"] == pytest.approx(156.0)  # 1950 * 8 %
    assert est.loc["huiselijk geweld", "schatting_hoog"] == pytest.approx(156.0)
    low_end, high_end = bereik(Bounded.exact(20), 29.9, 42.55)
    assert (low_end.value, high_end.value) == pytest.approx((20 / 42.55, 20 / 29.9))
    partial_low, _ = bereik(Bounded.count(pd.Series([20, None], dtype="Int64")), 29.9, 42.55)
    assert partial_low.kind == "ondergrens" and partial_low.high == pytest.approx(27 / 42.55)


@pytest.mark.unit
@pytest.mark.parametrize(
    ("value", "rounded"),
    [(42.55, 40), (45.0, 50), (995.0, 1000), (1234.0, 1200), (12_345.0, 12_000), (4.0, 4), (9.6, 10)],
)
def test_estimates_round_sensibly(value, rounded):
    assert round_estimate(value) == rounded


@pytest.mark.data
def test_latest_study_per_form_is_used():
    latest = latest_per_form(read_prevalentie()).set_index("vorm")
    assert latest.loc["kindermishandeling", "referentiejaar"] == 2017
    assert latest.loc["huiselijk geweld (alle vormen)", "referentiejaar"] == 2022


@pytest.mark.data
def test_peer_group_is_five_other_regions_nearest_first():
    features = region_features(gemeenten(read_kwb()), read_composition())
    assert len(features) == 35 and not features.isna().any().any()
    group = peer_group(features, "GM0344")
    assert len(group) == 5 and "GM0344" not in group.index
    assert group.is_monotonic_increasing
    # Symmetry of the distance: Utrecht's nearest peer has Utrecht at the same distance.
    nearest = group.index[0]
    assert peer_group(features, nearest, count=34)["GM0344"] == pytest.approx(group.iloc[0])
