"""Samenvatting: the key figures and the key messages, all from the region's indicators."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbench.disclosure.bounds import Bounded
from workbench.io.inputs import RegionData
from workbench.io.kwb import POPULATION_YEAR
from workbench.report import chapters
from workbench.report import formatting as f
from workbench.report import html_parts as h
from workbench.report.sections.base import Section, count_gemeenten
from workbench.report.texts import BEREIK_CAVEAT, LEVEL_TEXT, RATE_UNIT
from workbench.stats import extrapolation
from workbench.stats.indicators import Indicators


@dataclass(kw_only=True, repr=False)
class Samenvatting(Section):
    """The region's key figures for the reporting year."""

    periode: int
    ind: Indicators
    km_schatting: tuple[int, int]
    """The estimated number of abused children per year, low and high, rounded as published."""
    bereik_niveau: str
    """Where the bereik lies against 100% (:func:`workbench.stats.extrapolation.bereik_level`)."""

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def key_figures_frame(ind: Indicators) -> pd.DataFrame:
    """The key figures as numbers: ``kengetal``, ``waarde`` (missing when unknown), ``soort``, ``geheim``."""
    low, high = ind.bereik_km
    rows: list[tuple[str, Bounded]] = [
        ("inwoners", Bounded.exact(ind.inwoners)),
        ("meldingen", ind.meldingen),
        ("meldingen per 1.000 inwoners", ind.per_1000),
        ("meldingen per 1.000 inwoners, Nederland", Bounded.exact(ind.nl_per_1000)),
        ("adviezen", ind.adviezen),
        ("aandeel politie en justitie", ind.politie_aandeel),
        ("bereik kindermishandeling, laag", low),
        ("bereik kindermishandeling, hoog", high),
    ]
    if ind.uitgaven_per_inwoner is not None:
        rows.append(("uitgaven per inwoner (euro)", Bounded.exact(ind.uitgaven_per_inwoner)))
    return pd.DataFrame(
        [(name, b.value, b.kind, b.secret) for name, b in rows], columns=["kengetal", "waarde", "soort", "geheim"]
    )


def compute(data: RegionData, ind: Indicators) -> Samenvatting:
    """The Samenvatting of ``data``'s region."""
    return Samenvatting(
        periode=data.periode,
        ind=ind,
        km_schatting=(
            extrapolation.round_estimate(ind.km_schatting_laag),
            extrapolation.round_estimate(ind.km_schatting_hoog),
        ),
        bereik_niveau=extrapolation.bereik_level(*ind.bereik_km),
        tabellen={"kerncijfers": key_figures_frame(ind)},
    )


def bereik_message(level: str, low_end: Bounded, high_end: Bounded, victims: str) -> str:
    """What the bereik means, following its level: below, around or above 100% of the estimated victims."""
    value = f.fmt_range(low_end, high_end).replace(f.LOWER_MARK, "ten minste ")
    if level in (extrapolation.FAR_BELOW, extrapolation.BELOW):
        share = "een groot deel" if level == extrapolation.FAR_BELOW else "een deel"
        return (
            f"Het aantal meldingen over kindermishandeling is {value} van het geschatte aantal {victims}. "
            f"{share.capitalize()} van het probleem komt dus niet bij Veilig Thuis in beeld."
        )
    if level == extrapolation.ABOVE:
        return (
            f"Er zijn meer meldingen over kindermishandeling dan het geschatte aantal {victims} ({value}). Dat wil "
            f"niet zeggen dat al het geweld in beeld is. {BEREIK_CAVEAT}"
        )
    if level == extrapolation.AROUND:
        return (
            f"Het aantal meldingen over kindermishandeling ligt rond het geschatte aantal {victims} ({value}). "
            f"Dat wil niet zeggen dat al het geweld in beeld is. {BEREIK_CAVEAT}"
        )
    return (
        f"Hoe de meldingen over kindermishandeling zich verhouden tot het geschatte aantal {victims} is niet "
        f"zeker te zeggen ({value}), omdat gemeentecijfers geheim zijn."
    )


def render(s: Samenvatting) -> str:
    """Key figures as a grid, then the key messages."""
    ind = s.ind
    bereik_low, bereik_high = ind.bereik_km
    status = " (voorlopig)" if ind.voorlopig else ""
    mel_note = "; ".join(x for x in [f"ontvangen meldingen{status}", f.secret_note(ind.meldingen)] if x)
    interval = f"; 95%-interval {f.fmt_dec(ind.ci_laag)}–{f.fmt_dec(ind.ci_hoog)}" if ind.ci_laag is not None else ""
    figures = [
        ("Inwoners", f.fmt_int(ind.inwoners), f"{count_gemeenten(ind.gemeenten)}, 1 januari 2020"),
        (f"Meldingen bij Veilig Thuis {s.periode}", f.fmt_int(ind.meldingen), mel_note),
        (
            "Meldingen per 1.000 inwoners",
            f.fmt_dec(ind.per_1000),
            f"inwoners op 1 januari 2020; Nederland {f.fmt_dec(ind.nl_per_1000)}{interval}",
        ),
        (
            "Bereik kindermishandeling",
            f.fmt_range(bereik_low, bereik_high),
            "meldingen gedeeld door het geschatte aantal mishandelde kinderen",
        ),
    ]
    if ind.uitgaven_per_inwoner is not None:
        figures.append(
            (
                "Uitgaven per inwoner",
                f.fmt_euro(ind.uitgaven_per_inwoner),
                f"{ind.budget_status} {ind.budget_jaar}; inwoners op 1 januari 2020",
            )
        )
    victims = f"mishandelde kinderen ({f.fmt_int(s.km_schatting[0])} tot {f.fmt_int(s.km_schatting[1])} per jaar)"
    messages = [
        f"In {s.periode} ontving Veilig Thuis {f.say_bounded(ind.meldingen)} meldingen over inwoners van de "
        f"regio: {f.say_bounded(ind.per_1000, f.fmt_dec)} {RATE_UNIT}. Dat is {LEVEL_TEXT[ind.vergeleken]} "
        f"({f.fmt_dec(ind.nl_per_1000)}).",
        bereik_message(s.bereik_niveau, bereik_low, bereik_high, victims),
    ]
    if ind.nl_politie_aandeel is not None and ind.politie_aandeel.known:
        messages.append(
            f"{f.say_bounded(ind.politie_aandeel, f.fmt_pct).capitalize()} van de meldingen komt van politie of "
            f"justitie (Nederland {f.fmt_pct(ind.nl_politie_aandeel)})."
        )
    if ind.meldingen.secret:
        messages.append(
            f"Bij {ind.meldingen.secret} van de {count_gemeenten(ind.meldingen.cells)} is het aantal meldingen te "
            "klein om te publiceren ('.'). Regiototalen zijn daarom ondergrenzen, in tabellen aangeduid met ≥ "
            "('ten minste')."
        )
    if s.periode != POPULATION_YEAR:
        messages.append(
            f"Cijfers per 1.000 inwoners delen de meldingen van {s.periode} door het aantal inwoners op "
            f"1 januari {POPULATION_YEAR}, de bevolkingscijfers waarmee de workbench werkt. De bevolking is "
            "sindsdien gegroeid, dus deze cijfers zijn iets te hoog; vergelijkingen tussen gemeenten en met "
            "Nederland hebben daar weinig last van, omdat overal dezelfde peildatum geldt."
        )
    return h.section(
        "samenvatting",
        chapters.title("samenvatting"),
        h.key_figures(figures),
        h.heading(3, "Kernboodschappen"),
        h.bullets(messages),
    )
