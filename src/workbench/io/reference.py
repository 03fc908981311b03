"""Readers for the small reference tables in ``data/reference`` and the region composition in ``data/regions``."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from workbench.errors import gather
from workbench.io.cells import parse_numbers
from workbench.io.csv_input import read_checked_csv
from workbench.io.own_composition import apply_own_lists
from workbench.paths import data_dir
from workbench.stats.region_rule import COMPOSITION_COLUMNS

CENTRUMGEMEENTEN_FILE = Path("reference") / "centrumgemeenten_vrouwenopvang.csv"
PREVALENTIE_FILE = Path("reference") / "prevalentie.csv"
KNOWN_COMPOSITION_FILE = Path("reference") / "regio_samenstelling_bekend.csv"
SOURCED_COMPOSITION_FILE = Path("reference") / "regio_samenstelling_bronnen.csv"
VT_NATIONAL_FILE = Path("reference") / "veilig_thuis_landelijk.csv"
VT_SPLITS_FILE = Path("reference") / "veilig_thuis_verdelingen.csv"
COMPOSITION_FILE = Path("regions") / "regio_indeling_2020.csv"


def read_centrumgemeenten(data: str | Path | None = None) -> pd.DataFrame:
    """Read the 35 centrumgemeenten (code and name in the 2020 indeling)."""
    path = data_dir(data) / CENTRUMGEMEENTEN_FILE
    return read_checked_csv(
        path,
        required=["gemeentecode_2020", "gemeentenaam_2020"],
        key=["gemeentecode_2020"],
        code_columns={"gemeentecode_2020"},
    ).rename(columns={"gemeentecode_2020": "gemeentecode", "gemeentenaam_2020": "gemeentenaam"})


def read_known_composition(data: str | Path | None = None) -> pd.DataFrame:
    """Read the region compositions known from a public source (they take precedence over the rule)."""
    path = data_dir(data) / KNOWN_COMPOSITION_FILE
    return read_checked_csv(
        path,
        required=["centrumgemeente_code_2020", "gemeentecode_2020", "bron"],
        key=["gemeentecode_2020"],
        code_columns={"centrumgemeente_code_2020", "gemeentecode_2020"},
    ).rename(columns={"centrumgemeente_code_2020": "centrumgemeente_code", "gemeentecode_2020": "gemeentecode"})


def read_sourced_composition(data: str | Path | None = None) -> pd.DataFrame:
    """Read the sourced composition: every gemeente of 2020 with its region, ``zekerheid`` and source.

    Returns
    -------
    pandas.DataFrame
        ``gemeentecode``, ``gemeentenaam``, ``centrumgemeente_code``, ``zekerheid``, ``bron``, ``toelichting``.
    """
    path = data_dir(data) / SOURCED_COMPOSITION_FILE
    frame = read_checked_csv(
        path,
        required=[
            "gemeentecode_2020",
            "gemeentenaam_2020",
            "centrumgemeente_code_2020",
            "zekerheid",
            "bron",
            "toelichting",
        ],
        key=["gemeentecode_2020"],
        code_columns={"gemeentecode_2020", "centrumgemeente_code_2020"},
    )
    return frame.rename(
        columns={
            "gemeentecode_2020": "gemeentecode",
            "gemeentenaam_2020": "gemeentenaam",
            "centrumgemeente_code_2020": "centrumgemeente_code",
        }
    )


def read_prevalentie(data: str | Path | None = None) -> pd.DataFrame:
    """Read the national prevalence figures (per study, with range and unit)."""
    path = data_dir(data) / PREVALENTIE_FILE
    frame = read_checked_csv(
        path,
        required=[
            "vorm",
            "doelgroep",
            "leeftijd_min",
            "leeftijd_max",
            "referentiejaar",
            "laag",
            "punt",
            "hoog",
            "eenheid",
            "studie",
        ],
        key=["vorm", "referentiejaar", "studie"],
    )
    columns = {"laag": False, "punt": False, "hoog": False, "leeftijd_min": True, "leeftijd_max": True}
    columns["referentiejaar"] = True
    parsed = gather(*[lambda c=c, w=w: parse_numbers(frame, c, path, whole=w) for c, w in columns.items()])
    for col, values in zip(columns, parsed, strict=True):
        frame[col] = values
    return frame


def read_derived_composition(data: str | Path | None = None) -> pd.DataFrame:
    """Read the derived composition (``regions/regio_indeling_2020.csv``) as written by the derivation script."""
    path = data_dir(data) / COMPOSITION_FILE
    frame = read_checked_csv(
        path,
        required=[c for c in COMPOSITION_COLUMNS if c not in ("bron", "toelichting")],
        key=["gemeentecode"],
        code_columns={"gemeentecode", "centrumgemeente_code", "vt_code"},
    )
    for optional in ("bron", "toelichting"):
        if optional not in frame.columns:
            frame[optional] = ""
    return frame


def read_composition(data: str | Path | None = None) -> pd.DataFrame:
    """Read the region composition: which gemeente belongs to which centrumgemeente region and VT-region.

    The derived composition with the regions' own lists applied (see :mod:`workbench.io.own_composition`);
    ``methode``, ``bron`` and ``toelichting`` say per gemeente how it was assigned.
    """
    root = data_dir(data)
    return apply_own_lists(read_derived_composition(root), root)


def regions_summary(composition: pd.DataFrame, kwb: pd.DataFrame) -> pd.DataFrame:
    """Summarise the regions: code, name, number of gemeenten and population.

    Parameters
    ----------
    composition
        From :func:`read_composition`.
    kwb
        From :func:`workbench.io.kwb.read_kwb`.

    Returns
    -------
    pandas.DataFrame
        ``code``, ``naam``, ``gemeenten``, ``inwoners``, one row per region, sorted by name.
    """
    population = kwb.set_index("code")["inwoners"]
    joined = composition.assign(inwoners=composition["gemeentecode"].map(population))
    summary = joined.groupby(["centrumgemeente_code", "centrumgemeente_naam"], as_index=False).agg(
        gemeenten=("gemeentecode", "size"), inwoners=("inwoners", "sum")
    )
    summary.columns = ["code", "naam", "gemeenten", "inwoners"]
    return summary.sort_values("naam", ignore_index=True)
