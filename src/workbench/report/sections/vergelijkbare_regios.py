"""Vergelijkbare regio's: the region against the five regions most like it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import add

import pandas as pd

from workbench.disclosure.bounds import LOWER_BOUND, Bounded
from workbench.io.inputs import RegionData
from workbench.io.kwb import gemeenten as kwb_gemeenten
from workbench.report import chapters, charts
from workbench.report import formatting as f
from workbench.report import html_parts as h
from workbench.report.sections.base import Section, data_figure
from workbench.report.texts import (
    BRON_CBS,
    PEER_FEATURE_LABELS,
    PEERS_METHOD,
    RATE_AXIS,
    RATE_UNIT,
    vt_source,
    withheld_regions,
)
from workbench.stats import peers
from workbench.stats.indicators import Indicators, regions_rate


@dataclass(kw_only=True, repr=False)
class VergelijkbareRegios(Section):
    """The region and its peers: table ``kenmerken`` (features and meldingen per 1,000), the peers' mean."""

    naam: str
    periode: int
    demonstratie: bool
    eigen: tuple = ()
    """The region's own Veilig Thuis registrations (provenance entries; empty: none)."""
    per_1000: dict[str, Bounded]
    """Meldingen per 1,000 of the region and each peer, by name (region first)."""
    gemiddelde: Bounded
    """The peers' mean meldingen per 1,000 (over the peers with a published figure)."""
    zonder_cijfer: int
    """Peers left out of the mean because every cell of theirs is secret (or their input was rejected)."""
    geblokkeerd: tuple[str, ...] = ()
    """Peers (names) whose input failed validation: their figures are withheld from every page."""
    regio_per_1000: Bounded
    nl_per_1000: float

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def compute(data: RegionData, ind: Indicators, withheld: frozenset[str] = frozenset()) -> VergelijkbareRegios:
    """The peer comparison of ``data``'s region.

    ``withheld`` are regions whose input failed validation: a peer among them is shown without figures, so that
    no page shows a figure made from rejected data.
    """
    features = peers.region_features(kwb_gemeenten(data.kwb), data.composition)
    group = peers.peer_group(features, data.code)
    region_names = data.composition.drop_duplicates("centrumgemeente_code").set_index("centrumgemeente_code")[
        "centrumgemeente_naam"
    ]
    rates = regions_rate(data.aard, data.composition, data.kwb, data.periode)
    rates = rates.where(~rates.index.isin(list(withheld)), Bounded.unknown())
    codes = [data.code, *group.index]
    feat = features.loc[codes].copy()
    feat.insert(0, "regio", [region_names[c] for c in codes])
    feat["meldingen per 1.000"] = rates.reindex(codes).to_numpy()
    feat["log_inwoners"] = 10 ** feat["log_inwoners"]
    feat = feat.rename(columns={"log_inwoners": "inwoners", **PEER_FEATURE_LABELS})
    peer_rates = [rates[c] for c in group.index if rates[c].known]
    return VergelijkbareRegios(
        naam=data.naam,
        periode=data.periode,
        demonstratie=data.vt_demonstratie,
        eigen=data.vt_eigen,
        per_1000={region_names[c]: rates[c] for c in codes},
        gemiddelde=reduce(add, peer_rates).scaled(1 / len(peer_rates)) if peer_rates else Bounded.unknown(),
        zonder_cijfer=len(group) - len(peer_rates),
        geblokkeerd=tuple(region_names[c] for c in group.index if c in withheld),
        regio_per_1000=ind.per_1000,
        nl_per_1000=ind.nl_per_1000,
        tabellen={"kenmerken": feat.reset_index(drop=True)},
    )


def render(s: VergelijkbareRegios) -> str:
    """The text, the table of features and the bar chart."""
    feat = s.tabellen["kenmerken"]
    fmt = {c: f.DEC for c in feat.columns if c != "regio"}
    fmt["inwoners"] = f.INT
    partial = any(b.kind == LOWER_BOUND for b in s.per_1000.values())
    table = h.table(
        feat,
        f"De regio {s.naam} en de vijf meest vergelijkbare regio's. Kenmerken: {BRON_CBS} (84799NED, "
        f"1 januari 2020). Meldingen {RATE_UNIT}: {vt_source(s.demonstratie, eigen=s.eigen)}."
        + (" ≥: ondergrens, omdat gemeentecijfers geheim zijn." if partial else ""),
        fmt,
    )
    values = pd.Series([b.value for b in s.per_1000.values()], index=list(s.per_1000), dtype="float64")
    lower = pd.Series([b.kind == LOWER_BOUND for b in s.per_1000.values()], index=values.index)
    chart = charts.bars(
        values,
        s.naam,
        ("Nederland", s.nl_per_1000),
        f"Meldingen per 1.000 inwoners, {s.periode}: regio en vergelijkbare regio's",
        RATE_AXIS,
        lower,
    )
    text = (
        f"De meest vergelijkbare regio's zijn {', '.join(list(s.per_1000)[1:])}. Gemiddeld "
        f"ontvangen zij {f.say_bounded(s.gemiddelde, f.fmt_dec)} meldingen {RATE_UNIT}"
        + (f" ({s.zonder_cijfer} regio zonder gepubliceerd cijfer niet meegeteld)" if s.zonder_cijfer else "")
        + f", de regio {s.naam} {f.say_bounded(s.regio_per_1000, f.fmt_dec)}."
        + (" " + withheld_regions(list(s.geblokkeerd)) if s.geblokkeerd else "")
    )
    return h.section(
        "vergelijkbare-regios",
        chapters.title("vergelijkbare_regios"),
        h.para(text),
        table,
        data_figure(
            s.demonstratie,
            chart,
            f"Meldingen {RATE_UNIT} in vergelijkbare regio's. {vt_source(s.demonstratie, eigen=s.eigen)}.",
        ),
        h.heading(3, "Methode"),
        h.para(PEERS_METHOD),
    )
