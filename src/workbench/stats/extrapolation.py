"""Extrapolate national prevalence to gemeenten and regions, as ranges, labelled as estimates.

Populations by age come from CBS's bands 0–14, 15–24, 25–44, 45–64 and 65+. Groups the studies use but the
bands lack are derived on the assumption that ages are spread evenly within a band:
0–17 = 0–14 + 3/10 × 15–24; 12–17 = 3/15 × 0–14 + 3/10 × 15–24; 16+ = total − 0–14 − 1/10 × 15–24.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbench.disclosure.bounds import Bounded


def age_groups(kwb: pd.DataFrame) -> pd.DataFrame:
    """Return, per area, the populations of the age groups the prevalence studies use.

    Parameters
    ----------
    kwb
        Rows with ``code``, ``inwoners`` and the five age bands (see :mod:`workbench.io.kwb`).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``code``: ``0-17``, ``12-17``, ``16+``, ``65+`` and ``totaal`` (floats: derived groups are
        not whole numbers).
    """
    k = kwb.set_index("code")
    b0, b15 = k["leeftijd_0_14"].astype("float64"), k["leeftijd_15_24"].astype("float64")
    total = k["inwoners"].astype("float64")
    return pd.DataFrame(
        {
            "0-17": b0 + 0.3 * b15,
            "12-17": 0.2 * b0 + 0.3 * b15,
            "16+": total - b0 - 0.1 * b15,
            "65+": k["leeftijd_65_plus"].astype("float64"),
            "totaal": total,
        }
    )


def age_group_of(leeftijd_min: object, leeftijd_max: object) -> str:
    """Name the age group of a prevalence row (``0-17``, ``12-17``, ``16+``, ``65+``), or raise ``ValueError``."""
    lo = None if pd.isna(leeftijd_min) else int(leeftijd_min)
    hi = None if pd.isna(leeftijd_max) else int(leeftijd_max)
    groups = {(0, 17): "0-17", (12, 17): "12-17", (16, None): "16+", (65, None): "65+"}
    if (lo, hi) not in groups:
        raise ValueError(f"no population for ages {lo}–{hi}")
    return groups[(lo, hi)]


def latest_per_form(prevalentie: pd.DataFrame) -> pd.DataFrame:
    """Keep, per form of violence (``vorm``), the study with the latest reference year."""
    ordered = prevalentie.sort_values(["vorm", "referentiejaar"], ascending=[True, False])
    return ordered.drop_duplicates("vorm").reset_index(drop=True)


def rate_bounds(row: pd.Series) -> tuple[float, float]:
    """Return the low and high rate per person of a prevalence row (the point twice where no range is given)."""
    scale = {"per 1000": 1000.0, "procent": 100.0}[row["eenheid"]]
    low = row["laag"] if not pd.isna(row["laag"]) else row["punt"]
    high = row["hoog"] if not pd.isna(row["hoog"]) else row["punt"]
    return float(low) / scale, float(high) / scale


def extrapolate(groups: pd.DataFrame, prevalence: pd.DataFrame) -> pd.DataFrame:
    """Multiply each study's rate by each area's population in the study's age group.

    Parameters
    ----------
    groups
        From :func:`age_groups` (areas as index).
    prevalence
        Prevalence rows (``vorm``, ``leeftijd_min``, ``leeftijd_max``, ``laag``, ``punt``, ``hoog``, ``eenheid``,
        ``studie``, ``referentiejaar``).

    Returns
    -------
    pandas.DataFrame
        One row per area and form: ``code``, ``vorm``, ``leeftijdsgroep``, ``populatie``, ``schatting_laag``,
        ``schatting_hoog`` (unrounded), ``studie``, ``referentiejaar``.
    """
    rows = []
    for _, study in prevalence.iterrows():
        group = age_group_of(study["leeftijd_min"], study["leeftijd_max"])
        low, high = rate_bounds(study)
        for code, pop in groups[group].items():
            rows.append(
                (code, study["vorm"], group, pop, pop * low, pop * high, study["studie"], int(study["referentiejaar"]))
            )
    return pd.DataFrame(
        rows,
        columns=[
            "code",
            "vorm",
            "leeftijdsgroep",
            "populatie",
            "schatting_laag",
            "schatting_hoog",
            "studie",
            "referentiejaar",
        ],
    )


def round_estimate(value: float) -> int:
    """Round an estimate sensibly: whole below 10, to 10 below 1,000, to 100 below 10,000, else to 1,000.

    Small gemeenten keep a small estimate (4, not 0: an estimate of none would read as no victims at all).
    """
    if np.isnan(value):
        raise ValueError("an estimate cannot be missing")
    step = 1 if value < 10 else 10 if value < 1_000 else 100 if value < 10_000 else 1_000
    return int(step * np.floor(value / step + 0.5))


def bereik(meldingen: Bounded, schatting_laag: float, schatting_hoog: float) -> tuple[Bounded, Bounded]:
    """Return the reach as a share: meldingen over the high and over the low estimate of victims.

    Where the meldingen are a lower bound (secret cells), so is the reach.
    """
    return meldingen.scaled(1 / schatting_hoog), meldingen.scaled(1 / schatting_laag)


FAR_BELOW, BELOW, AROUND, ABOVE, UNCERTAIN = "ver onder", "onder", "rond", "boven", "onzeker"


def bereik_level(low_end: Bounded, high_end: Bounded) -> str:
    """Where the reach lies against 100%: more or fewer meldingen than estimated victims.

    ``ver onder`` (even its highest value is below 50%), ``onder`` (below 100%), ``boven`` (even its lowest
    value is above 100%), ``rond`` (the range of the estimate spans 100%), ``onzeker`` (only the secret cells
    could bring it over 100%, or it is unknown).
    """
    if not high_end.known:
        return UNCERTAIN
    if high_end.high < 0.5:
        return FAR_BELOW
    if high_end.high < 1:
        return BELOW
    if low_end.low > 1:
        return ABOVE
    if high_end.value < 1:
        return UNCERTAIN
    return AROUND
