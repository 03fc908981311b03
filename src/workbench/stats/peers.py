"""Peer groups: the regions most like a region on size, urbanity and socio-economic profile.

Method: per region, seven features computed from CBS 84799NED for its gemeenten together: log10 of the
population, population-weighted urbanity class, population density, bijstand recipients per 1,000, share of
one-person households, share aged 0–14 and share aged 65+. Each feature is standardised over the 35 regions
(z-score); the peers are the regions at the smallest Euclidean distance, all features weighing equally.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

PEER_COUNT = 5


def region_features(kwb_gemeenten: pd.DataFrame, composition: pd.DataFrame) -> pd.DataFrame:
    """Compute the peer features per region (index: centrumgemeente code)."""
    g = kwb_gemeenten.set_index("code")
    region = composition.set_index("gemeentecode")["centrumgemeente_code"].reindex(g.index)
    num = lambda col: g[col].astype("float64")  # noqa: E731 - a local shorthand
    sums = (
        pd.DataFrame(
            {
                "inwoners": num("inwoners"),
                "stedelijk_x_inw": num("stedelijkheid") * num("inwoners"),
                "ha": num("oppervlakte_land_ha"),
                "bijstand": num("bijstand"),
                "eenpersoons": num("eenpersoonshuishoudens"),
                "huishoudens": num("huishoudens"),
                "0_14": num("leeftijd_0_14"),
                "65_plus": num("leeftijd_65_plus"),
            }
        )
        .groupby(region)
        .sum()
    )
    return pd.DataFrame(
        {
            "log_inwoners": np.log10(sums["inwoners"]),
            "stedelijkheid": sums["stedelijk_x_inw"] / sums["inwoners"],
            "dichtheid": sums["inwoners"] / (sums["ha"] / 100),
            "bijstand_per_1000": sums["bijstand"] / sums["inwoners"] * 1000,
            "pct_eenpersoons": sums["eenpersoons"] / sums["huishoudens"] * 100,
            "pct_0_14": sums["0_14"] / sums["inwoners"] * 100,
            "pct_65_plus": sums["65_plus"] / sums["inwoners"] * 100,
        }
    )


def peer_group(features: pd.DataFrame, region: str, count: int = PEER_COUNT) -> pd.Series:
    """Return the ``count`` regions nearest to ``region`` (codes as index, distance as value, nearest first)."""
    z = (features - features.mean()) / features.std(ddof=0)
    distance = np.sqrt(((z - z.loc[region]) ** 2).sum(axis=1)).drop(region)
    return distance.sort_values(kind="stable").head(count)
