"""The gemeenten of every year since 2020, built from blocks that never change.

A block is a gemeente of 2020, or, for a gemeente split since (Haaren), one of its villages (a wijk of the
2020 wijk/buurt figures). Every gemeente of every later year is a set of blocks, so figures of any year's
gemeenten can be carried to any other year's: a figure moves over *whole* when all its blocks land in one
gemeente of the other year, and only *in part* when they are spread over several (Haaren's figures of 2020
over Boxtel, Oisterwijk, Tilburg and Vught). A part of a count is never invented: see :mod:`workbench.stats.vt_cells`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from workbench.errors import InputError
from workbench.io.csv_input import LINE

FIRST_YEAR = 2020
"""The first indeling the workbench knows: that of the 2020 population figures. Earlier years are read in it."""


@dataclass(frozen=True)
class Indeling:
    """Every year's gemeenten as sets of blocks.

    Attributes
    ----------
    blocks
        ``blok`` (a GM or WK code), ``bloknaam``, ``gemeentecode_2020``.
    lineages
        Per first year of an indeling (2020 and every year with a change): ``blok``, ``gemeentecode``,
        ``gemeentenaam`` of that year.
    changes
        The reorganisations (see :mod:`workbench.io.herindelingen`).
    """

    blocks: pd.DataFrame
    lineages: dict[int, pd.DataFrame]
    changes: pd.DataFrame

    @property
    def years(self) -> list[int]:
        """The first years of the distinct indelingen (2020 and every year with a change)."""
        return sorted(self.lineages)

    def year(self, year: int) -> int:
        """The first year of the indeling in force in ``year`` (2020 for earlier years)."""
        return max(y for y in self.years if y <= max(int(year), FIRST_YEAR))

    def lineage(self, year: int) -> pd.DataFrame:
        """``blok``, ``gemeentecode``, ``gemeentenaam``: the gemeente of ``year`` every block lay in."""
        return self.lineages[self.year(year)]

    def gemeenten(self, year: int) -> pd.DataFrame:
        """``gemeentecode`` and ``gemeentenaam`` of the gemeenten of ``year``, by code."""
        return (
            self.lineage(year)[["gemeentecode", "gemeentenaam"]]
            .drop_duplicates("gemeentecode")
            .sort_values("gemeentecode", ignore_index=True)
        )

    def codes(self, year: int) -> set[str]:
        """The gemeente codes of ``year``."""
        return set(self.lineage(year)["gemeentecode"])

    def relation(self, from_year: int, to_year: int) -> pd.DataFrame:
        """How the gemeenten of ``from_year`` lie in those of ``to_year``.

        Returns
        -------
        pandas.DataFrame
            ``bron`` (a code of ``from_year``), ``doel`` (a code of ``to_year``) and ``deel``: False when all of
            ``bron`` lies in ``doel`` (its figures move over whole), True when ``bron`` is spread over several.
        """
        pairs = (
            self.lineage(from_year)[["blok", "gemeentecode"]]
            .merge(self.lineage(to_year)[["blok", "gemeentecode"]], on="blok", suffixes=("_bron", "_doel"))
            .rename(columns={"gemeentecode_bron": "bron", "gemeentecode_doel": "doel"})[["bron", "doel"]]
            .drop_duplicates()
        )
        spread = pairs.groupby("bron")["doel"].transform("size") > 1
        return pairs.assign(deel=spread).sort_values(["bron", "doel"], ignore_index=True)

    def fitting_year(self, codes: Iterable[str], period_year: int) -> int | None:
        """The indeling a set of gemeente codes of one period is in.

        The period's own year when all codes exist in it (CBS publishes each year in its own indeling);
        otherwise the latest year in which they all exist (a file redone in a newer indeling); ``None`` when
        no year has them all.
        """
        wanted = set(codes)
        own = self.year(period_year)
        if wanted <= self.codes(own):
            return own
        fitting = [y for y in self.years if wanted <= self.codes(y)]
        return fitting[-1] if fitting else None

    def history(self, codes: Iterable[str], year: int) -> pd.DataFrame:
        """The reorganisations up to ``year`` that made or touched the given gemeenten of ``year``.

        Returns
        -------
        pandas.DataFrame
            The lines of :attr:`changes` whose new gemeente is one of ``codes`` and that took effect by ``year``.
        """
        wanted = set(codes)
        lines = self.changes[self.changes["jaar"].le(year) & self.changes["gemeentecode_nieuw"].isin(wanted)]
        return lines.reset_index(drop=True)


def build_indeling(gemeenten_2020: pd.DataFrame, wijken: pd.DataFrame, changes: pd.DataFrame, source: Path) -> Indeling:
    """Build the indeling of every year from the 2020 gemeenten, the wijken of split gemeenten and the changes.

    Parameters
    ----------
    gemeenten_2020
        ``code`` and ``naam`` of the gemeenten of 2020.
    wijken
        ``code``, ``wijknaam`` and ``gemeentecode`` of the wijken of the gemeenten split since 2020.
    changes
        From :func:`workbench.io.herindelingen.read_changes`.
    source
        The changes file, for error messages.

    Returns
    -------
    Indeling
        The indeling of 2020 and of every year with a change.
    """
    split = set(changes.loc[changes["dorp"].notna(), "gemeentecode_oud"])
    whole = gemeenten_2020[~gemeenten_2020["code"].isin(split)]
    parts = wijken[wijken["gemeentecode"].isin(split)]
    missing = sorted(split - set(parts["gemeentecode"]))
    if missing:
        raise InputError(
            source,
            f"de dorpen van {', '.join(missing)} staan niet in de wijkcijfers, dus de splitsing is niet te volgen",
            column="gemeentecode_oud",
            rows=changes.loc[changes["gemeentecode_oud"].isin(missing), LINE].tolist(),
        )
    blocks = pd.concat(
        [
            pd.DataFrame({"blok": whole["code"], "bloknaam": whole["naam"], "gemeentecode_2020": whole["code"]}),
            pd.DataFrame(
                {"blok": parts["code"], "bloknaam": parts["wijknaam"], "gemeentecode_2020": parts["gemeentecode"]}
            ),
        ],
        ignore_index=True,
    )
    names = gemeenten_2020.set_index("code")["naam"]
    current = blocks.assign(
        gemeentecode=blocks["gemeentecode_2020"], gemeentenaam=blocks["gemeentecode_2020"].map(names)
    )
    lineages = {FIRST_YEAR: current[["blok", "gemeentecode", "gemeentenaam"]].copy()}
    for year, lines in changes.groupby("jaar", sort=True):
        if year <= FIRST_YEAR:
            raise InputError(
                source,
                f"een wijziging van voor {FIRST_YEAR + 1} past niet op de cijfers van {FIRST_YEAR}",
                column="datum",
                rows=lines[LINE].tolist(),
            )
        current = _apply(current, lines, source)
        lineages[int(year)] = current[["blok", "gemeentecode", "gemeentenaam"]].copy()
    return Indeling(blocks=blocks, lineages=lineages, changes=changes)


def _apply(current: pd.DataFrame, lines: pd.DataFrame, source: Path) -> pd.DataFrame:
    """Apply one year's changes to the blocks' gemeenten."""
    out = current.copy()
    for line in lines.itertuples(index=False):
        moving = out["gemeentecode"].eq(line.gemeentecode_oud)
        if pd.notna(line.dorp):
            moving &= out["bloknaam"].str.casefold().eq(str(line.dorp).casefold())
        if not moving.any():
            what = f"dorp {line.dorp!r} van " if pd.notna(line.dorp) else ""
            raise InputError(
                source,
                f"{what}{line.gemeentecode_oud} bestaat niet op {line.datum:%d-%m-%Y}",
                column="gemeentecode_oud" if pd.isna(line.dorp) else "deel",
                rows=[int(getattr(line, LINE))],
            )
        out.loc[moving, "gemeentecode"] = line.gemeentecode_nieuw
    renamed = lines.drop_duplicates("gemeentecode_nieuw", keep="last").set_index("gemeentecode_nieuw")
    named = out["gemeentecode"].isin(renamed.index)
    out.loc[named, "gemeentenaam"] = out.loc[named, "gemeentecode"].map(renamed["gemeentenaam_nieuw"])
    left = out["gemeentecode"].isin(set(lines["gemeentecode_oud"]) - set(lines["gemeentecode_nieuw"]))
    if left.any():
        stray = out[left]
        raise InputError(
            source,
            "een gesplitste gemeente houdt een deel van haar gebied: "
            + ", ".join(f"{b.bloknaam} ({b.gemeentecode})" for b in stray.itertuples()),
            column="deel",
            rows=lines.loc[lines["gemeentecode_oud"].isin(stray["gemeentecode"]), LINE].tolist(),
        )
    return out
