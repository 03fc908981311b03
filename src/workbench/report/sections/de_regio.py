"""De regio: the gemeenten with how each was assigned, their population and risk factors, and two charts."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from workbench.io.inputs import RegionData
from workbench.io.kwb import NATIONAL_CODE
from workbench.report import chapters, charts
from workbench.report import formatting as f
from workbench.report import html_parts as h
from workbench.report.sections.base import Section, count_gemeenten, data_figure, name_list
from workbench.report.texts import (
    AGE_LABELS,
    ASSIGNMENT_MEANING,
    BRON_CBS,
    CHANGES_FIGURES,
    MERGED_BOUNDARIES,
    RATE_UNIT,
    RISK_FACTORS,
    URBANITY,
    WEAK_ASSIGNMENT,
    change_sentence,
    changes_intro,
    split_figures,
    vt_source,
)
from workbench.stats import composition, vt_figures, year_view
from workbench.stats.indicators import year_code
from workbench.stats.rates import PER
from workbench.stats.region_rule import METHOD_OWN

PROFILE_COUNTS = ["inwoners", "leeftijd_0_14", "leeftijd_65_plus", "bijstand", "eenpersoonshuishoudens", "huishoudens"]


@dataclass(kw_only=True, repr=False)
class DeRegio(Section):
    """The region's gemeenten: profile, assignment, age structure and meldingen per gemeente."""

    code: str
    naam: str
    periode: int
    inwoners: int
    bijstand_regio: float
    bijstand_nl: float
    bijstand_hoger: bool
    """Whether the region has more bijstand per 1,000 than Nederland."""
    demonstratie: bool
    eigen: tuple = ()
    """The region's own Veilig Thuis registrations (provenance entries; empty: none)."""
    grenzen: pd.DataFrame
    """The gemeente boundaries the map draws (code, naam, geometry)."""
    lokale_analyses: dict[str, str] = field(default_factory=dict)
    """The gemeenten's own pages (code → relative link); empty when they are not built."""

    def body(self) -> str:
        """See :func:`render`."""
        return render(self)


def profile(kwb: pd.DataFrame) -> pd.DataFrame:
    """Per area: inhabitants and the risk factors as shares or per 1,000 (index kept)."""
    n = kwb["inwoners"].astype("float64")
    return pd.DataFrame(
        {
            "inwoners": kwb["inwoners"],
            "% 0–14 jaar": kwb["leeftijd_0_14"] / n * 100,
            "% 65+": kwb["leeftijd_65_plus"] / n * 100,
            "bijstand per 1.000": kwb["bijstand"] / n * 1000,
            "% eenpersoons­huishoudens": kwb["eenpersoonshuishoudens"] / kwb["huishoudens"] * 100,
            "gescheiden per 1.000": kwb["gescheiden"] / n * 1000,
        },
        index=kwb.index,
    )


def compute(data: RegionData, links: dict[str, str] | None = None) -> DeRegio:
    """De regio for ``data``'s region; ``links`` are the gemeenten's lokale analyses (code → relative page)."""
    k = data.kwb.set_index("code")
    members = data.member_codes
    sub = k.loc[members]
    totals = sub[[*PROFILE_COUNTS, "gescheiden"]].sum().to_frame().T
    totals.index = ["Regio " + data.naam]
    nl = k.loc[[NATIONAL_CODE]].rename(index={NATIONAL_CODE: "Nederland"})
    rows = pd.concat([profile(sub), profile(totals), profile(nl)])
    rows.insert(0, "gemeente", [k.loc[c, "naam"] if c in k.index else c for c in rows.index])
    assigned = composition.region_assignment(data.members, members)
    rows.insert(1, "indeling", [*assigned["marker"], "", ""])
    urbanity = [int(k.loc[c, "stedelijkheid"]) if c in members else None for c in rows.index]
    rows.insert(2, "stedelijkheid", pd.array(urbanity, dtype="Int64"))
    bands = list(AGE_LABELS)
    ages = pd.DataFrame(
        {
            "regio": (sub[bands].sum() / sub["inwoners"].sum() * 100).to_numpy(),
            "Nederland": (
                k.loc[NATIONAL_CODE, bands].astype(float) / float(k.loc[NATIONAL_CODE, "inwoners"]) * 100
            ).to_numpy(),
        },
        index=bands,
    )
    counts = vt_figures.area_counts(data.aard, year_code(data.periode), "T001", vt_figures.MELDINGEN, members)
    rates = pd.DataFrame(
        {"naam": sub["naam"], "meldingen": counts, "per_1000": counts.astype("float64") / sub["inwoners"] * PER}
    )
    bijstand_regio = float(sub["bijstand"].sum() / sub["inwoners"].sum() * 1000)
    bijstand_nl = float(k.loc[NATIONAL_CODE, "bijstand"]) / float(k.loc[NATIONAL_CODE, "inwoners"]) * 1000
    return DeRegio(
        code=data.code,
        naam=data.naam,
        periode=data.periode,
        inwoners=int(sub["inwoners"].sum()),
        bijstand_regio=bijstand_regio,
        bijstand_nl=bijstand_nl,
        bijstand_hoger=bijstand_regio > bijstand_nl,
        demonstratie=data.vt_demonstratie,
        eigen=data.vt_eigen,
        grenzen=data.gemeente_grenzen,
        lokale_analyses=dict(links or {}),
        tabellen={
            "gemeenten": rows,
            "indeling": assigned,
            "leeftijd": ages,
            "meldingen_per_gemeente": rates,
            "herindelingen": changes(data),
        },
    )


def changes(data: RegionData) -> pd.DataFrame:
    """The reorganisations since 2020 that concern the region (see :func:`workbench.stats.year_view.region_changes`)."""
    if data.composition_2020 is None:
        return year_view.region_changes(data.indeling, data.composition, data.composition, 2020, data.code)
    return year_view.region_changes(data.indeling, data.composition_2020, data.composition, data.periode, data.code)


def changes_html(s: DeRegio) -> str:
    """The paragraph on the reorganisations that concern the region; empty when there are none."""
    rows = s.tabellen["herindelingen"]
    if rows.empty:
        return ""
    split = sorted({g for names in rows["gesplitst"] for g in names})
    return (
        h.para(changes_intro(s.periode))
        + h.bullets([change_sentence(r, f.fmt_date_long(r["datum"])) for _, r in rows.iterrows()])
        + h.para(CHANGES_FIGURES + (split_figures(split) if split else ""))
    )


def assignment_text(code: str, assigned: pd.DataFrame) -> str:
    """Say plainly on what the region's composition rests, and which gemeenten rest on an inference or the rule."""
    n = len(assigned)
    weak = assigned[assigned["zwak"]]
    methods = set(assigned["methode"])
    if weak.empty:
        if methods == {METHOD_OWN}:
            basis = "de eigen lijst van de regio"
        elif METHOD_OWN in methods:
            basis = "een bron die de gemeente in deze regio noemt, of op de eigen lijst van de regio"
        else:
            basis = "een bron die de gemeente in deze regio noemt"
        return f"De indeling van {'de' if n == 1 else 'alle'} {count_gemeenten(n)} steunt op {basis}."
    parts = []
    for marker, label in WEAK_ASSIGNMENT.items():
        names = weak.loc[weak["marker"] == marker, "gemeentenaam"].tolist()
        if names:
            parts.append(f"{count_gemeenten(len(names))} {label} ({name_list(names)})")
    return (
        f"Niet elke gemeente is met zekerheid bij deze regio ingedeeld. Van de {count_gemeenten(n)} zijn er "
        + "; ".join(parts)
        + f". Controleer deze indeling; de regio kan haar eigen lijst opgeven in het bestand "
        f"regios/{code}/samenstelling.csv in de datamap."
    )


def legend(assigned: pd.DataFrame) -> list[tuple[str, str]]:
    """(marker, meaning) of the assignment levels that occur in the region, strongest first."""
    return [(marker, ASSIGNMENT_MEANING[methode]) for marker, methode in composition.markers_in(assigned)]


def render(s: DeRegio) -> str:
    """The text, the gemeente table with its legend, the age chart and the map."""
    t = s.tabellen
    urbanity = ["" if pd.isna(v) else URBANITY.get(int(v), "") for v in t["gemeenten"]["stedelijkheid"]]
    rows = t["gemeenten"].assign(stedelijkheid=urbanity)
    if s.lokale_analyses:
        rows["gemeente"] = [
            h.Link(name, s.lokale_analyses[code]) if code in s.lokale_analyses else name
            for code, name in zip(rows.index, rows["gemeente"], strict=True)
        ]
    fmt = {
        "inwoners": f.INT,
        "% 0–14 jaar": f.DEC,
        "% 65+": f.DEC,
        "bijstand per 1.000": f.DEC,
        "% eenpersoons­huishoudens": f.DEC,
        "gescheiden per 1.000": f.DEC,
    }
    table = h.table(
        rows,
        f"Gemeenten van de regio {s.naam} in {s.periode}: bevolking en kenmerken op 1 januari 2020. {BRON_CBS} "
        "(Kerncijfers wijken en buurten 2020). Indeling: zie de verklaring onder de tabel."
        + (" Elke gemeentenaam leidt naar de lokale analyse van die gemeente." if s.lokale_analyses else ""),
        fmt,
    )
    ages = t["leeftijd"].rename(index=AGE_LABELS)
    chart = charts.age_structure(ages["regio"], ages["Nederland"], f"regio {s.naam}")
    rates = t["meldingen_per_gemeente"]
    map_chart = charts.region_map(
        s.grenzen,
        list(rates.index),
        rates["per_1000"],
        rates["naam"],
        f"meldingen {s.periode} per 1.000 inwoners (1-1-2020)",
        f"de regio {s.naam}",
    )
    compare_text = "meer" if s.bijstand_hoger else "minder"
    text = (
        f"De regio {s.naam} telt {count_gemeenten(len(rates))} en {f.fmt_int(s.inwoners)} inwoners. "
        f"Per 1.000 inwoners ontvangen {f.fmt_dec(s.bijstand_regio)} mensen bijstand, {compare_text} dan in "
        f"Nederland ({f.fmt_dec(s.bijstand_nl)}). {RISK_FACTORS}"
    )
    return h.section(
        "de-regio",
        chapters.title("de_regio"),
        h.para(text),
        h.para(assignment_text(s.code, t["indeling"])),
        changes_html(s),
        table,
        h.definition_list(legend(t["indeling"]), "legend"),
        h.figure(chart, f"Leeftijdsopbouw van de regio en Nederland. {BRON_CBS}."),
        data_figure(
            s.demonstratie,
            map_chart,
            f"Kaart: meldingen {s.periode} {RATE_UNIT}, per gemeente. {vt_source(s.demonstratie, eigen=s.eigen)}. "
            f"Grenzen: CBS/PDOK 2020{MERGED_BOUNDARIES if len(t['herindelingen']) else ''}. "
            "Grijs: geen gepubliceerd cijfer (geheim).",
        ),
    )
