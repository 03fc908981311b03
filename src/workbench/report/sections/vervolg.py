"""Vervolg na de melding: what followed the meldingen Veilig Thuis closed, per gemeente where disclosure allows.

From CBS 84854NED: per kind of follow-up (hand-over to the local field, split into wijkteam or sociaal team and other
local help; hand-over to another party; none) the region's count and share beside its VT-region(s) and Nederland,
and per gemeente the meldingen closed with the shares handed over to the local field, to the wijkteam and to
another party ('.' where a cell is secret).
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.disclosure.bounds import Bounded
from workbench.io.inputs import RegionData
from workbench.io.statline import VT_VERVOLG
from workbench.report import chapters, split_tables
from workbench.report import formatting as f
from workbench.report import html_parts as h
from workbench.report.sections.base import Section
from workbench.report.texts import FOLLOW_UP_NOTE, INVENTED_PROPORTIONS, vt_source
from workbench.stats import kengetallen, splits
from workbench.stats.vt_figures import AFGESLOTEN

WIJKTEAM, OTHER_PARTY = "VV11", "VV20"
"""The categories of 84854NED shown per gemeente beside the local field: the wijkteam, another party."""


@dataclass(kw_only=True, repr=False)
class Vervolg(Section):
    """What followed the region's closed meldingen.

    Tables ``vervolg`` (see :func:`workbench.stats.splits.by_category`) and ``per_gemeente`` (``gemeente``,
    ``afgesloten``, ``lokaal_veld``, ``wijkteam``, ``andere_partij``: :class:`Bounded`, shares in percent).
    """

    naam: str
    jaar: int
    demonstratie: bool
    afgesloten: Bounded
    """The meldingen of the region Veilig Thuis closed in the year."""
    lokaal_veld: Bounded
    """The share of them handed over to the local field (percent)."""
    lokaal_veld_nederland: Bounded

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def compute(data: RegionData, counts: kengetallen.AreaCounts) -> Vervolg:
    """What followed ``data``'s closed meldingen in the reporting year; ``counts`` the region's counts."""
    period = f"{data.periode}JJ00"
    others = splits.comparison_areas(data.composition, data.vt_codes)
    split = splits.by_category(data.vervolg, VT_VERVOLG, AFGESLOTEN, period, data.member_codes, others)
    shares = {"lokaal_veld": kengetallen.LOCAL_FIELD, "wijkteam": WIJKTEAM, "andere_partij": OTHER_PARTY}
    per_gemeente = splits.per_gemeente(data.vervolg, AFGESLOTEN, period, data.members, shares)
    return Vervolg(
        naam=data.naam,
        jaar=data.periode,
        demonstratie=data.demonstratie_tabel(VT_VERVOLG.table_id),
        afgesloten=counts.vervolg_totaal.get(data.periode, Bounded.unknown()),
        lokaal_veld=kengetallen.value(counts, "aandeel_lokaal_veld", data.periode)[0],
        lokaal_veld_nederland=splits.share(split, VT_VERVOLG.labels[kengetallen.LOCAL_FIELD], "Nederland"),
        tabellen={"vervolg": split, "per_gemeente": per_gemeente.rename(columns={"totaal": "afgesloten"})},
    )


def render(s: Vervolg) -> str:
    """What followed in a sentence, the table beside the VT-region and Nederland, and the table per gemeente."""
    source = vt_source(s.demonstratie, VT_VERVOLG.table_id)
    invented = f" {INVENTED_PROPORTIONS}" if s.demonstratie else ""
    if s.afgesloten.known:
        said = (
            f"Veilig Thuis sloot in {s.jaar} {f.say_bounded(s.afgesloten)} meldingen uit de regio {s.naam} af. "
            f"Van die meldingen werd {f.say_bounded(s.lokaal_veld, f.fmt_dec)}% overgedragen aan het lokale veld "
            f"(een wijkteam of sociaal team, of andere lokale hulpverlening); in Nederland was dat "
            f"{f.say_bounded(s.lokaal_veld_nederland, f.fmt_dec)}%."
        )
    else:
        said = (
            f"Voor de regio {s.naam} zijn over {s.jaar} geen cijfers gepubliceerd over wat er na de melding "
            "gebeurde: alle cellen zijn geheim. De tabel toont de VT-regio en Nederland."
        )
    return h.section(
        "vervolg",
        chapters.title("vervolg"),
        h.para(said + invented),
        split_tables.by_category(
            s.tabellen["vervolg"],
            "vervolg",
            "afgesloten meldingen",
            f"Vervolg na de afgesloten meldingen in {s.jaar}, regio {s.naam} naast de VT-regio en Nederland. {source}.",
        ),
        split_tables.per_gemeente(
            s.tabellen["per_gemeente"],
            {
                "afgesloten": "afgesloten meldingen",
                "lokaal_veld": "naar lokaal veld",
                "wijkteam": "waarvan wijkteam",
                "andere_partij": "naar andere partij",
            },
            f"Per gemeente: afgesloten meldingen in {s.jaar} en het aandeel overgedragen aan het lokale veld, aan "
            f"een wijkteam of sociaal team en aan een andere partij ('.' waar een cijfer geheim is). {source}.",
        ),
        h.para(FOLLOW_UP_NOTE, "small"),
    )
