"""A region's own list of its gemeenten (``data/regios/CODE/samenstelling.csv``): it overrides everything else.

The file has one row per gemeente of the region, the centrumgemeente included: ``gemeentecode`` and, optionally,
``bron`` (where the list comes from, e.g. the council decision). Gemeenten it adds move to the region; a gemeente
that the derived composition puts in the region but the list leaves out must be named in another region's own
list, so that every gemeente keeps exactly one region and none is moved by guesswork.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from workbench.errors import InputError
from workbench.io.csv_input import LINE, read_checked_csv
from workbench.paths import REGIOS_DIR
from workbench.stats.region_rule import METHOD_OWN

OWN_FILE_NAME = "samenstelling.csv"


def own_list_files(root: Path) -> list[Path]:
    """The regions' own lists in a data folder, by region code."""
    return sorted((root / REGIOS_DIR).glob(f"*/{OWN_FILE_NAME}"))


def default_source(region: str) -> str:
    """The source recorded for a gemeente of an own list that names none."""
    return f"eigen lijst van de regio ({REGIOS_DIR.as_posix()}/{region}/{OWN_FILE_NAME})"


def read_own_list(path: Path, composition: pd.DataFrame) -> pd.DataFrame:
    """Read one region's own list and check it against the composition.

    Parameters
    ----------
    path
        ``regios/CODE/samenstelling.csv``.
    composition
        The derived composition (all gemeenten of 2020 and the 35 centrumgemeenten).

    Returns
    -------
    pandas.DataFrame
        ``gemeentecode``, ``bron`` and the file's line numbers.
    """
    region = path.parent.name
    centra = set(composition["centrumgemeente_code"])
    if region not in centra:
        raise InputError(
            path,
            f"de map {region!r} is niet de code van een centrumgemeente",
            hint="noem de map naar de code, bijvoorbeeld GM0344",
        )
    frame = read_checked_csv(path, required=["gemeentecode"], key=["gemeentecode"], code_columns={"gemeentecode"})
    if "bron" not in frame.columns:
        frame["bron"] = ""
    frame["gemeentecode"] = frame["gemeentecode"].str.upper()
    unknown = frame[~frame["gemeentecode"].isin(set(composition["gemeentecode"]))]
    if not unknown.empty:
        raise InputError(
            path,
            "dit is geen gemeentecode van 2020",
            "gemeentecode",
            unknown[LINE].tolist(),
            unknown["gemeentecode"].tolist(),
            hint="gebruik de codes van 2020 (zie data/regions/regio_indeling_2020.csv)",
        )
    if region not in set(frame["gemeentecode"]):
        raise InputError(
            path, f"de lijst mist de centrumgemeente {region} zelf", "gemeentecode", [1], hint="voeg haar toe"
        )
    others = frame[frame["gemeentecode"].isin(centra - {region})]
    if not others.empty:
        raise InputError(
            path,
            "een centrumgemeente leidt haar eigen regio en kan niet in deze staan",
            "gemeentecode",
            others[LINE].tolist(),
            others["gemeentecode"].tolist(),
            hint="haal deze regel weg",
        )
    frame["bron"] = frame["bron"].where(frame["bron"] != "", default_source(region))
    return frame[["gemeentecode", "bron", LINE]]


def apply_own_lists(composition: pd.DataFrame, root: Path) -> pd.DataFrame:
    """The composition with every region's own list applied (a new frame; methode ``eigen lijst``).

    Raises :class:`~workbench.errors.InputError` naming the file when two lists claim one gemeente, or when a
    list leaves out a gemeente that no other list takes.
    """
    files = own_list_files(root)
    if not files:
        return composition
    out = composition.set_index("gemeentecode")
    names = out["gemeentenaam"]
    claimed: dict[str, Path] = {}
    lists: dict[str, pd.DataFrame] = {}
    for path in files:
        own = read_own_list(path, composition)
        twice = own[own["gemeentecode"].isin(claimed)]
        if not twice.empty:
            other = claimed[twice["gemeentecode"].iloc[0]]
            raise InputError(
                path,
                f"deze gemeente staat ook in de eigen lijst van regio {other.parent.name}",
                "gemeentecode",
                twice[LINE].tolist(),
                twice["gemeentecode"].tolist(),
                hint="een gemeente hoort bij één regio; haal haar uit een van beide lijsten",
            )
        claimed.update(dict.fromkeys(own["gemeentecode"], path))
        lists[path.parent.name] = own
    for region, own in lists.items():
        left_out = sorted(set(out.index[out["centrumgemeente_code"] == region]) - set(claimed))
        if left_out:
            listing = ", ".join(f"{c} {names[c]}" for c in left_out)
            raise InputError(
                files[[p.parent.name for p in files].index(region)],
                f"de lijst laat {listing} weg, die volgens de afgeleide indeling in deze regio liggen",
                "gemeentecode",
                hint="voeg ze toe, of zet ze in de eigen lijst (samenstelling.csv) van de regio waar ze wel bij horen",
            )
        region_name = out.at[region, "gemeentenaam"]
        codes = own["gemeentecode"].tolist()
        out.loc[codes, "centrumgemeente_code"] = region
        out.loc[codes, "centrumgemeente_naam"] = region_name
        out.loc[codes, "methode"] = METHOD_OWN
        out.loc[codes, "bron"] = own["bron"].tolist()
        out.loc[codes, "toelichting"] = "eigen opgave van de regio"
    return out.reset_index().sort_values(["centrumgemeente_code", "gemeentecode"], ignore_index=True)
