"""The sections of the regio-analyse. Each function takes the loaded region and returns escaped HTML (Dutch).

Every count shown comes from published (rounded, non-secret) cells; rates are computed from those counts.
"""

from __future__ import annotations

from functools import reduce
from operator import add

import pandas as pd

from workbench.disclosure import differencing
from workbench.disclosure.bounds import EXACT, LOWER_BOUND, Bounded
from workbench.disclosure.rule import ROUND_TO, SECRET_MAX
from workbench.io.inputs import RegionData
from workbench.io.kwb import gemeenten as kwb_gemeenten
from workbench.io.statline import NATIONAL_REGION, VT_AARD, VT_MELDER
from workbench.report import charts
from workbench.report import html_parts as h
from workbench.report.provenance import BRON_CBS, DEMO_TEXT, budget_source, data_figure, vt_source
from workbench.stats import budget_figures, composition, extrapolation, peers, vt_figures
from workbench.stats.indicators import Indicators, region_population, regions_rate, year_code
from workbench.stats.rates import HIGHER, LOWER, NOT_DIFFERENT, PER, UNKNOWN, compare, rate_table
from workbench.stats.region_rule import METHOD_OWN

POPULATION_YEAR = 2020
"""The year of the population figures (CBS Kerncijfers wijken en buurten 2020, 1 January)."""
AGE_LABELS = {
    "leeftijd_0_14": "0–14 jaar",
    "leeftijd_15_24": "15–24 jaar",
    "leeftijd_25_44": "25–44 jaar",
    "leeftijd_45_64": "45–64 jaar",
    "leeftijd_65_plus": "65 jaar en ouder",
}
URBANITY = {
    1: "zeer sterk stedelijk",
    2: "sterk stedelijk",
    3: "matig stedelijk",
    4: "weinig stedelijk",
    5: "niet stedelijk",
}
NOT_APPLICABLE = "n.v.t."
FORM_TO_AARD = {
    "kindermishandeling": ["AG01"],
    "huiselijk geweld (alle vormen)": ["AG02", "AG03", "AG04", "AG05"],
    "ouderenmishandeling": ["AG03"],
}


RATE_UNIT = "per 1.000 inwoners op 1 januari 2020"
RATE_AXIS = "meldingen per 1.000 inwoners (1 januari 2020)"


def data_status(data: RegionData) -> str:
    """The data date of the report: the latest Veilig Thuis period and its status, population and budget years."""
    halves = data.aard.loc[data.aard["halfjaar"] > 0, ["periode", "voorlopig"]].drop_duplicates()
    last = str(halves["periode"].max())
    provisional = sorted({p[:4] for p, v in zip(halves["periode"], halves["voorlopig"], strict=True) if v})
    status = f" ({' en '.join(provisional)} voorlopig)" if provisional else " (definitief)"
    lines = budget_figures.region_lines(data.budget, data.code)
    budget = f"; begroting {lines['jaar'].min()}–{lines['jaar'].max()}" if not lines.empty else ""
    return (
        f"Stand van de gegevens: Veilig Thuis tot en met het {last[-1]}e halfjaar {last[:4]}{status}; "
        f"bevolking op 1 januari 2020{budget}."
    )


def title(data: RegionData, version: str) -> str:
    """The report's heading, its data date and version and, with demonstration data, the banner."""
    parts = [
        h.heading(1, f"Regio-analyse huiselijk geweld en kindermishandeling: regio {data.naam}"),
        h.para(
            f"Regiovisie, hoofdstuk 1. Verslagjaar {data.periode}. Centrumgemeente {data.naam} "
            f"({data.code}) met {count_gemeenten(len(data.member_codes))}.",
            "lead",
        ),
        h.para(f"{data_status(data)} Gemaakt met regiovisie-workbench versie {version}.", "small"),
    ]
    if data.is_demonstration:
        parts.append(h.banner(DEMO_TEXT))
    return "".join(parts)


def _names(data: RegionData) -> pd.Series:
    return data.kwb.set_index("code")["naam"]


LEVEL_TEXT = {
    HIGHER: "hoger dan het landelijk gemiddelde; het verschil is groter dan toeval verklaart",
    LOWER: "lager dan het landelijk gemiddelde; het verschil is groter dan toeval verklaart",
    NOT_DIFFERENT: "niet duidelijk anders dan het landelijk gemiddelde",
    UNKNOWN: "niet te vergelijken met het landelijk gemiddelde, omdat de cijfers geheim zijn",
}


def bereik_message(low_end: Bounded, high_end: Bounded, victims: str) -> str:
    """What the bereik means, following its value: below, around or above 100% of the estimated victims."""
    level = extrapolation.bereik_level(low_end, high_end)
    value = h.fmt_range(low_end, high_end).replace(h.LOWER_MARK, "ten minste ")
    caveat = (
        "Een melding is geen slachtoffer: één kind kan vaker gemeld worden, een melding kan over meer kinderen "
        "gaan, en een melding over kindermishandeling kan ook gaan over een kind dat getuige is van geweld tussen "
        "de ouders. De schatting is bovendien landelijk."
    )
    if level == extrapolation.BELOW:
        share = "een groot deel" if high_end.high < 0.5 else "een deel"
        return (
            f"Het aantal meldingen over kindermishandeling is {value} van het geschatte aantal {victims}. "
            f"{share.capitalize()} van het probleem komt dus niet bij Veilig Thuis in beeld."
        )
    if level == extrapolation.ABOVE:
        return (
            f"Er zijn meer meldingen over kindermishandeling dan het geschatte aantal {victims} ({value}). Dat wil "
            f"niet zeggen dat al het geweld in beeld is. {caveat}"
        )
    if level == extrapolation.AROUND:
        return (
            f"Het aantal meldingen over kindermishandeling ligt rond het geschatte aantal {victims} ({value}). "
            f"Dat wil niet zeggen dat al het geweld in beeld is. {caveat}"
        )
    return (
        f"Hoe de meldingen over kindermishandeling zich verhouden tot het geschatte aantal {victims} is niet "
        f"zeker te zeggen ({value}), omdat gemeentecijfers geheim zijn."
    )


def samenvatting(data: RegionData, ind: Indicators) -> str:
    """Section 1: key figures and key messages computed from the data."""
    bereik_low, bereik_high = ind.bereik_km
    status = " (voorlopig)" if ind.voorlopig else ""
    mel_note = "; ".join(x for x in [f"ontvangen meldingen{status}", h.secret_note(ind.meldingen)] if x)
    interval = f"; 95%-interval {h.fmt_dec(ind.ci_laag)}–{h.fmt_dec(ind.ci_hoog)}" if ind.ci_laag is not None else ""
    figures = [
        ("Inwoners", h.fmt_int(ind.inwoners), f"{count_gemeenten(ind.gemeenten)}, 1 januari 2020"),
        (f"Meldingen bij Veilig Thuis {data.periode}", h.fmt_int(ind.meldingen), mel_note),
        (
            "Meldingen per 1.000 inwoners",
            h.fmt_dec(ind.per_1000),
            f"inwoners op 1 januari 2020; Nederland {h.fmt_dec(ind.nl_per_1000)}{interval}",
        ),
        (
            "Bereik kindermishandeling",
            h.fmt_range(bereik_low, bereik_high),
            "meldingen gedeeld door het geschatte aantal mishandelde kinderen",
        ),
    ]
    if ind.uitgaven_per_inwoner is not None:
        figures.append(
            (
                "Uitgaven per inwoner",
                h.fmt_euro(ind.uitgaven_per_inwoner),
                f"{ind.budget_status} {ind.budget_jaar}; inwoners op 1 januari 2020",
            )
        )
    victims = (
        f"mishandelde kinderen ({h.fmt_int(extrapolation.round_estimate(ind.km_schatting_laag))} tot "
        f"{h.fmt_int(extrapolation.round_estimate(ind.km_schatting_hoog))} per jaar)"
    )
    messages = [
        f"In {data.periode} ontving Veilig Thuis {h.say_bounded(ind.meldingen)} meldingen over inwoners van de "
        f"regio: {h.say_bounded(ind.per_1000, h.fmt_dec)} {RATE_UNIT}. Dat is {LEVEL_TEXT[ind.vergeleken]} "
        f"({h.fmt_dec(ind.nl_per_1000)}).",
        bereik_message(bereik_low, bereik_high, victims),
    ]
    if ind.nl_politie_aandeel is not None and ind.politie_aandeel.known:
        messages.append(
            f"{h.say_bounded(ind.politie_aandeel, h.fmt_pct).capitalize()} van de meldingen komt van politie of "
            f"justitie (Nederland {h.fmt_pct(ind.nl_politie_aandeel)})."
        )
    if ind.meldingen.secret:
        messages.append(
            f"Bij {ind.meldingen.secret} van de {count_gemeenten(ind.meldingen.cells)} is het aantal meldingen te "
            "klein om te publiceren ('.'). Regiototalen zijn daarom ondergrenzen, in tabellen aangeduid met ≥ "
            "('ten minste')."
        )
    if data.periode != POPULATION_YEAR:
        messages.append(
            f"Cijfers per 1.000 inwoners delen de meldingen van {data.periode} door het aantal inwoners op "
            f"1 januari {POPULATION_YEAR}, de bevolkingscijfers waarmee de workbench werkt. De bevolking is "
            "sindsdien gegroeid, dus deze cijfers zijn iets te hoog; vergelijkingen tussen gemeenten en met "
            "Nederland hebben daar weinig last van, omdat overal dezelfde peildatum geldt."
        )
    return h.section(
        "samenvatting", "1. Samenvatting", h.key_figures(figures), h.heading(3, "Kernboodschappen"), h.bullets(messages)
    )


def _profile(kwb: pd.DataFrame) -> pd.DataFrame:
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


def de_regio(data: RegionData) -> str:
    """Section 2: the gemeenten, their population and risk factors against the Netherlands, and a map."""
    k = data.kwb.set_index("code")
    members = data.member_codes
    sub = k.loc[members]
    prof = _profile(sub)
    totals = (
        sub[
            [
                "inwoners",
                "leeftijd_0_14",
                "leeftijd_65_plus",
                "bijstand",
                "eenpersoonshuishoudens",
                "huishoudens",
                "gescheiden",
            ]
        ]
        .sum()
        .to_frame()
        .T
    )
    totals.index = ["Regio " + data.naam]
    nl = k.loc[["NL00"]].rename(index={"NL00": "Nederland"})
    rows = pd.concat([prof, _profile(totals), _profile(nl)])
    rows.insert(0, "gemeente", [k.loc[c, "naam"] if c in k.index else c for c in rows.index])
    assigned = composition.region_assignment(data.members, members)
    rows.insert(1, "indeling", [*assigned["marker"], "", ""])
    rows.insert(
        2,
        "stedelijkheid",
        [URBANITY.get(int(k.loc[c, "stedelijkheid"]), "") if c in members else "" for c in rows.index],
    )
    fmt = {
        "inwoners": h.fmt_int,
        "% 0–14 jaar": h.fmt_dec,
        "% 65+": h.fmt_dec,
        "bijstand per 1.000": h.fmt_dec,
        "% eenpersoons­huishoudens": h.fmt_dec,
        "gescheiden per 1.000": h.fmt_dec,
    }
    table = h.table(
        rows,
        f"Gemeenten van de regio {data.naam}: bevolking en kenmerken op 1 januari 2020. {BRON_CBS} "
        "(Kerncijfers wijken en buurten 2020). Indeling: zie de verklaring onder de tabel.",
        fmt,
    )
    key = h.definition_list(composition.legend(assigned), "legend")
    bands = list(AGE_LABELS)
    region_pct = pd.Series((sub[bands].sum() / sub["inwoners"].sum() * 100).to_numpy(), index=AGE_LABELS.values())
    nl_pct = pd.Series(
        (k.loc["NL00", bands].astype(float) / float(k.loc["NL00", "inwoners"]) * 100).to_numpy(),
        index=AGE_LABELS.values(),
    )
    fig, alt = charts.age_structure(region_pct, nl_pct, f"regio {data.naam}")
    period = year_code(data.periode)
    counts = vt_figures.area_counts(data.aard, period, "T001", vt_figures.MELDINGEN, members)
    rates = counts.astype("float64") / sub["inwoners"].astype("float64") * PER
    map_fig, map_alt = charts.region_map(
        data.gemeente_grenzen,
        members,
        rates,
        _names(data),
        f"meldingen {data.periode} per 1.000 inwoners (1-1-2020)",
        f"de regio {data.naam}",
    )
    bijstand_region = sub["bijstand"].sum() / sub["inwoners"].sum() * 1000
    bijstand_nl = float(k.loc["NL00", "bijstand"]) / float(k.loc["NL00", "inwoners"]) * 1000
    compare_text = "meer" if bijstand_region > bijstand_nl else "minder"
    text = (
        f"De regio {data.naam} telt {count_gemeenten(len(members))} en {h.fmt_int(sub['inwoners'].sum())} inwoners. "
        f"Per 1.000 inwoners ontvangen {h.fmt_dec(bijstand_region)} mensen bijstand, {compare_text} dan in "
        f"Nederland ({h.fmt_dec(bijstand_nl)}). Bijstand, scheidingen en alleenwonen hangen samen met een "
        "hoger risico op huiselijk geweld; de cijfers over lage inkomens en jeugdzorg ontbreken in deze editie "
        "van de CBS-tabel."
    )
    return h.section(
        "de-regio",
        "2. De regio",
        h.para(text),
        h.para(assignment_text(data, assigned)),
        table,
        key,
        h.figure(fig, alt, f"Leeftijdsopbouw van de regio en Nederland. {BRON_CBS}."),
        data_figure(
            data.is_demonstration,
            map_fig,
            map_alt,
            f"Kaart: meldingen {data.periode} {RATE_UNIT}, per gemeente. {vt_source(data.is_demonstration)}. "
            "Grenzen: CBS/PDOK 2020. Grijs: geen gepubliceerd cijfer (geheim).",
        ),
    )


def count_gemeenten(n: int) -> str:
    """'1 gemeente', '16 gemeenten'."""
    return f"{n} gemeente" if n == 1 else f"{n} gemeenten"


def _name_list(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def assignment_text(data: RegionData, assigned: pd.DataFrame) -> str:
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
    for marker, label in [
        ("A", "afgeleid uit een bron over de regio als geheel"),
        ("M", "afgeleid uit de regio voor maatschappelijke opvang en beschermd wonen"),
        ("R", "alleen ingedeeld met de rekenregel, omdat er geen bron is gevonden"),
    ]:
        names = weak.loc[weak["marker"] == marker, "gemeentenaam"].tolist()
        if names:
            parts.append(f"{count_gemeenten(len(names))} {label} ({_name_list(names)})")
    return (
        f"Niet elke gemeente is met zekerheid bij deze regio ingedeeld. Van de {count_gemeenten(n)} zijn er "
        + "; ".join(parts)
        + f". Controleer deze indeling; de regio kan haar eigen lijst opgeven in het bestand "
        f"regios/{data.code}/samenstelling.csv in de datamap."
    )


def _half_year_label(code: str) -> str:
    return f"{code[:4]}-{code[-1]}"


MELDER_CODES = ["M110", "M120", "M130", "M140", "M150", "M190", "M200", "M900"]


def _series_wide(series: pd.DataFrame, labels: dict[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Half-year sums by category as two wide tables: the values (missing: all secret) and the lower-bound flags."""
    flagged = series.assign(ondergrens=(series["geheim"] > 0) & series["aantal"].notna())
    wide = flagged.pivot(index="periode", columns="categorie_code", values="aantal").rename(columns=labels)
    lower = flagged.pivot(index="periode", columns="categorie_code", values="ondergrens").rename(columns=labels)
    wide.index = lower.index = [_half_year_label(p) for p in wide.index]
    return wide, lower.astype(bool)


def _vt_rate(data: RegionData, vt: str, period: str) -> Bounded:
    """A VT-region's rate per 1,000 from its own CBS cell (unknown when that cell is secret)."""
    k = data.kwb.set_index("code")
    in_vt = data.composition["vt_code"] == vt
    population = float(k.loc[data.composition.loc[in_vt, "gemeentecode"], "inwoners"].sum())
    count = vt_figures.region_count(data.aard, period, "T001", vt_figures.MELDINGEN, [vt])
    return count.scaled(PER / population)


def meldingen(data: RegionData, ind: Indicators) -> str:
    """Section 3: trend by aard, rates per gemeente with intervals, who reports, and a funnel plot."""
    source, demo = vt_source(data.is_demonstration), data.is_demonstration
    members = data.member_codes
    k = data.kwb.set_index("code")
    names = _names(data)
    period = year_code(data.periode)
    series = vt_figures.region_series(data.aard, members, vt_figures.MELDINGEN)
    wide, lower = _series_wide(series[series["categorie_code"] != "T001"], VT_AARD.labels)
    trend_fig, trend_alt = charts.trend(
        wide, f"Meldingen per halfjaar naar aard van het geweld, regio {data.naam}", "aantal meldingen", lower
    )
    # The region total is the sum of the published cells; the guard hides a second cell should a hidden one
    # ever become recoverable from a total published next to it.
    counts = differencing.secondary_suppression(
        vt_figures.area_counts(data.aard, period, "T001", vt_figures.MELDINGEN, members), ind.meldingen.value
    )
    table = rate_table(counts, k.loc[members, "inwoners"].astype("float64"))
    table["vergeleken met Nederland"] = compare(table, ind.nl_per_1000)
    table.index = [names[c] for c in members]
    region_row = pd.DataFrame(
        {
            "aantal": [ind.meldingen],
            "populatie": [ind.inwoners],
            "per_1000": [ind.per_1000],
            "ci_laag": [ind.ci_laag],
            "ci_hoog": [ind.ci_hoog],
            "vergeleken met Nederland": [ind.vergeleken],
        },
        index=[f"Regio {data.naam}"],
    )
    vt_names = data.composition.drop_duplicates("vt_code").set_index("vt_code")["vt_naam"]
    vt_rates = {f"VT-regio {vt_names[vt]}": _vt_rate(data, vt, period) for vt in data.vt_codes}
    refs = {f"regio {data.naam}": ind.per_1000, **vt_rates, "Nederland": Bounded.exact(ind.nl_per_1000)}
    rate_fig, rate_alt = charts.rates_with_intervals(
        table, refs, f"Meldingen per 1.000 inwoners per gemeente, {data.periode}", RATE_AXIS
    )
    shown = (
        pd.concat([table.astype({"aantal": "object", "per_1000": "object"}), region_row])
        .reset_index()
        .rename(
            columns={
                "index": "gemeente",
                "aantal": "meldingen",
                "populatie": "inwoners",
                "per_1000": "per 1.000",
                "ci_laag": "95%-interval van",
                "ci_hoog": "95%-interval tot",
            }
        )
    )
    partial = (
        f" ≥ = ondergrens: de som van de gepubliceerde gemeentecijfers ({h.secret_note(ind.meldingen)})."
        if ind.meldingen.secret
        else ""
    )
    rate_html = h.table(
        shown,
        f"Ontvangen meldingen {data.periode} per gemeente, {RATE_UNIT}, met 95%-betrouwbaarheidsinterval "
        f"(exact Poisson) en het oordeel tegenover Nederland. {source}. '.' = geheim (0–7).{partial}",
        {
            "meldingen": h.fmt_int,
            "inwoners": h.fmt_int,
            "per 1.000": h.fmt_dec,
            "95%-interval van": h.fmt_dec,
            "95%-interval tot": h.fmt_dec,
        },
    )
    shares, kinds = {}, {}
    for label, areas in [(f"regio {data.naam}", members), ("Nederland", [NATIONAL_REGION])]:
        total = vt_figures.region_count(data.melder, period, "T001", vt_figures.MELDINGEN, areas)
        parts = {
            VT_MELDER.labels[code]: vt_figures.region_count(
                data.melder, period, code, vt_figures.MELDINGEN, areas
            ).share_of(total)
            for code in MELDER_CODES
        }
        shares[label] = {c: b.value for c, b in parts.items()}
        kinds[label] = {c: b.kind for c, b in parts.items()}
    kinds_frame = pd.DataFrame(kinds).T
    melder_fig, melder_alt = charts.stacked_shares(
        pd.DataFrame(shares).T.astype("float64"), f"Wie meldt, {data.periode}", kinds_frame
    )
    melder_note = (
        " Gearceerde delen zijn ondergrenzen of benaderingen: sommige gemeentecijfers zijn geheim. "
        if (kinds_frame != EXACT).to_numpy().any()
        else " "
    ) + "De delen zijn elk apart afgerond en tellen daarom niet precies op tot 100%."
    pop = k.loc[members, "inwoners"].astype("float64")
    points = pd.DataFrame(
        {
            "populatie": pop.to_numpy(),
            "per_1000": (counts.astype("float64") / pop * PER).to_numpy(),
            "oordeel": table["vergeleken met Nederland"].to_numpy(),
        },
        index=table.index,
    ).dropna(subset=["per_1000"])
    funnel_fig, funnel_alt = charts.funnel(
        points,
        ind.nl_per_1000,
        names[data.code],
        f"Meldingen per 1.000 inwoners tegen omvang, {data.periode}",
        RATE_AXIS,
    )
    status = (
        "De cijfers over dit jaar zijn voorlopig." if ind.voorlopig else "De cijfers over dit jaar zijn definitief."
    )
    intro = (
        f"Veilig Thuis ontving in {data.periode} {h.say_bounded(ind.meldingen)} meldingen en startte "
        f"{h.say_bounded(ind.adviezen)} adviezen over inwoners van de regio. {status} Cijfers van Veilig Thuis "
        "verschillen tussen regio's ook door verschillen in registratie; vergelijk ze daarom met voorzichtigheid."
    )
    police = ""
    if ind.nl_politie_aandeel is not None and ind.politie_aandeel.known:
        police = h.para(
            f"Het aandeel meldingen van politie of justitie is {h.say_bounded(ind.politie_aandeel, h.fmt_pct)} "
            f"(Nederland {h.fmt_pct(ind.nl_politie_aandeel)})."
        )
    return h.section(
        "meldingen",
        "3. Meldingen en adviezen bij Veilig Thuis",
        h.para(intro),
        data_figure(
            demo,
            trend_fig,
            trend_alt,
            f"Ontvangen meldingen per halfjaar naar aard van het geweld. {source}; regiototalen zijn "
            "sommen van gepubliceerde gemeentecijfers (open punt: ondergrens; geen punt: alle cijfers geheim).",
        ),
        rate_html,
        data_figure(
            demo,
            rate_fig,
            rate_alt,
            f"Meldingen {RATE_UNIT} met 95%-intervallen (exact Poisson). {source}.",
        ),
        h.heading(3, "Wie meldt"),
        police,
        data_figure(
            demo,
            melder_fig,
            melder_alt,
            f"Aandeel van de meldingen naar melder, {data.periode}. {vt_source(demo, '84849NED')}.{melder_note}",
        ),
        h.heading(3, "Trechterdiagram"),
        h.para(
            "Een gemeente buiten de grenzen van de trechter wijkt meer af van het landelijk gemiddelde dan bij "
            "haar omvang door toeval te verwachten is. Binnen de grenzen is een verschil niet zeker. De grenzen "
            "gebruiken dezelfde toets als de tabel (exacte Poisson-intervallen), dus beide zeggen hetzelfde."
        ),
        data_figure(
            demo,
            funnel_fig,
            funnel_alt,
            f"Trechterdiagram met 95%- en 99,8%-grenzen rond het landelijk gemiddelde. {source}.",
        ),
    )


def omvang(data: RegionData) -> str:
    """Section 4: national prevalence extrapolated to the gemeenten and the region, next to the meldingen."""
    members = data.member_codes
    names = _names(data)
    period = year_code(data.periode)
    prevalence = extrapolation.latest_per_form(data.prevalentie)
    groups = extrapolation.age_groups(data.kwb[data.kwb["code"].isin(members)])
    est = extrapolation.extrapolate(groups, prevalence)
    region = est.groupby(["vorm", "leeftijdsgroep", "studie", "referentiejaar"], as_index=False)[
        ["populatie", "schatting_laag", "schatting_hoog"]
    ].sum()
    rows, chart_rows = [], {}
    for r in region.itertuples():
        codes = FORM_TO_AARD.get(r.vorm)
        mel = None
        if codes:
            mel = reduce(
                add, (vt_figures.region_count(data.aard, period, c, vt_figures.MELDINGEN, members) for c in codes)
            )
        low, high = extrapolation.round_estimate(r.schatting_laag), extrapolation.round_estimate(r.schatting_hoog)
        reach = NOT_APPLICABLE
        if mel is not None:
            reach = h.fmt_range(*extrapolation.bereik(mel, r.schatting_laag, r.schatting_hoog))
        est_text = h.fmt_int(low) if low == high else f"{h.fmt_int(low)}–{h.fmt_int(high)}"
        rows.append(
            (
                r.vorm,
                r.leeftijdsgroep,
                est_text,
                h.fmt_int(mel) if mel is not None else NOT_APPLICABLE,
                reach,
                f"{r.studie} ({r.referentiejaar})",
            )
        )
        chart_rows[r.vorm] = {
            "laag": low,
            "hoog": high,
            "meldingen": mel.value if mel is not None else None,
            "ondergrens": mel is not None and mel.kind == LOWER_BOUND,
            "heeft_meldingen": mel is not None,
        }
    table = h.table(
        pd.DataFrame(
            rows,
            columns=[
                "vorm",
                "leeftijdsgroep",
                "geschat aantal slachtoffers per jaar",
                f"meldingen {data.periode}",
                "bereik",
                "bron",
            ],
        ),
        f"Schatting van het aantal slachtoffers in de regio {data.naam} (landelijke prevalentie × "
        "inwoners van de leeftijdsgroep op 1 januari 2020), met meldingen en bereik. Schattingen zijn afgerond. "
        f"Meldingen: {vt_source(data.is_demonstration)}. n.v.t.: Veilig Thuis registreert deze vorm niet apart. "
        "≥: ondergrens, omdat gemeentecijfers geheim zijn; '.': alle gemeentecijfers geheim.",
    )
    fig, alt = charts.ranges_against_counts(
        pd.DataFrame(chart_rows).T, f"Geschat aantal slachtoffers en meldingen, regio {data.naam}"
    )
    per_gem = est[est["vorm"].isin(["kindermishandeling", "huiselijk geweld (alle vormen)"])].copy()
    per_gem["gemeente"] = per_gem["code"].map(names)
    per_gem["schatting"] = [
        f"{h.fmt_int(extrapolation.round_estimate(lo))}–{h.fmt_int(extrapolation.round_estimate(hi))}"
        if extrapolation.round_estimate(lo) != extrapolation.round_estimate(hi)
        else h.fmt_int(extrapolation.round_estimate(lo))
        for lo, hi in zip(per_gem["schatting_laag"], per_gem["schatting_hoog"], strict=True)
    ]
    wide = (
        per_gem.pivot(index="gemeente", columns="vorm", values="schatting")
        .reindex([names[c] for c in members])
        .reset_index()
    )
    wide.columns = ["gemeente", *[f"{c} (schatting)" for c in wide.columns[1:]]]
    gem_table = h.table(wide, "Geschat aantal slachtoffers per jaar per gemeente (afgerond). Schatting, geen telling.")
    caveats = [
        "Een schatting is landelijke prevalentie maal het aantal inwoners in de leeftijdsgroep; ze veronderstelt "
        "dat het risico in de regio gelijk is aan het landelijke. Het is een schatting, geen telling.",
        "Het bereik is het aantal meldingen gedeeld door het geschatte aantal slachtoffers. Een melding kan over "
        "meer personen gaan en één persoon kan vaker gemeld worden; het bereik is dus een grove indicatie.",
        "De prevalentiestudies komen uit verschillende jaren dan de meldingen, en gebruiken eigen definities.",
        extrapolation.AGE_GROUP_ASSUMPTION,
    ]
    return h.section(
        "omvang",
        "4. Omvang: extrapolatie van landelijke prevalentie",
        h.para(
            "Hoeveel inwoners zijn naar verwachting jaarlijks slachtoffer, als de landelijke "
            "prevalentie ook hier geldt? De tabel zet de schatting naast de meldingen bij Veilig Thuis."
        ),
        table,
        data_figure(
            data.is_demonstration,
            fig,
            alt,
            f"Schatting (bandbreedte) en meldingen per vorm. Meldingen: {vt_source(data.is_demonstration)}; "
            "prevalentie: zie Verantwoording.",
        ),
        gem_table,
        h.heading(3, "Kanttekeningen"),
        h.bullets(caveats),
    )


def vergelijkbare_regios(data: RegionData, ind: Indicators) -> str:
    """Section 5: the region against its peer group on the key indicators."""
    gem = kwb_gemeenten(data.kwb)
    features = peers.region_features(gem, data.composition)
    group = peers.peer_group(features, data.code)
    region_names = data.composition.drop_duplicates("centrumgemeente_code").set_index("centrumgemeente_code")[
        "centrumgemeente_naam"
    ]
    rates = regions_rate(data.aard, data.composition, data.kwb, data.periode)
    codes = [data.code, *group.index]
    feat = features.loc[codes].copy()
    feat.insert(0, "regio", [region_names[c] for c in codes])
    feat["meldingen per 1.000"] = rates.reindex(codes).to_numpy()
    feat["log_inwoners"] = 10 ** feat["log_inwoners"]
    feat = feat.rename(columns={"log_inwoners": "inwoners", **peers.SHORT_LABELS})
    fmt = {c: h.fmt_dec for c in feat.columns if c != "regio"}
    fmt["inwoners"] = h.fmt_int
    shown = rates.reindex(codes)
    partial = any(b.kind == LOWER_BOUND for b in shown)
    table = h.table(
        feat.reset_index(drop=True),
        f"De regio {data.naam} en de vijf meest vergelijkbare regio's. Kenmerken: {BRON_CBS} (84799NED, "
        f"1 januari 2020). Meldingen {RATE_UNIT}: {vt_source(data.is_demonstration)}."
        + (" ≥: ondergrens, omdat gemeentecijfers geheim zijn." if partial else ""),
        fmt,
    )
    values = pd.Series([b.value for b in shown], index=[region_names[c] for c in codes], dtype="float64")
    lower = pd.Series([b.kind == LOWER_BOUND for b in shown], index=values.index)
    fig, alt = charts.bars(
        values,
        data.naam,
        ("Nederland", ind.nl_per_1000),
        f"Meldingen per 1.000 inwoners, {data.periode}: regio en vergelijkbare regio's",
        RATE_AXIS,
        lower,
    )
    peer_rates = [rates[c] for c in group.index if rates[c].known]
    mean = reduce(add, peer_rates).scaled(1 / len(peer_rates)) if peer_rates else Bounded.unknown()
    left_out = len(group) - len(peer_rates)
    text = (
        f"De meest vergelijkbare regio's zijn {', '.join(region_names[c] for c in group.index)}. Gemiddeld "
        f"ontvangen zij {h.say_bounded(mean, h.fmt_dec)} meldingen {RATE_UNIT}"
        + (f" ({left_out} regio zonder gepubliceerd cijfer niet meegeteld)" if left_out else "")
        + f", de regio {data.naam} {h.say_bounded(ind.per_1000, h.fmt_dec)}."
    )
    return h.section(
        "vergelijkbare-regios",
        "5. Vergelijkbare regio's",
        h.para(text),
        table,
        data_figure(
            data.is_demonstration,
            fig,
            alt,
            f"Meldingen {RATE_UNIT} in vergelijkbare regio's. {vt_source(data.is_demonstration)}.",
        ),
        h.heading(3, "Methode"),
        h.para(peers.METHOD_TEXT),
    )


def taken_en_budget(data: RegionData) -> str:
    """Section 6: income against spending, by task, regional against local, per inhabitant."""
    lines = budget_figures.region_lines(data.budget, data.code)
    if lines.empty:
        return h.section("budget", "9. Taken en budget", h.para("Voor deze regio is geen budget aangeleverd."))
    pop = region_population(data)
    balance = budget_figures.income_against_spending(lines)
    balance_html = h.table(
        balance.rename(
            columns={"jaar": "jaar", "inkomsten": "inkomsten (€)", "uitgaven": "uitgaven (€)", "saldo": "saldo (€)"}
        ),
        "Inkomsten en uitgaven per jaar, begroot en gerealiseerd (euro).",
        {"inkomsten (€)": h.fmt_int, "uitgaven (€)": h.fmt_int, "saldo (€)": h.fmt_int},
    )
    year, status = budget_figures.reporting_year(lines, data.periode)
    by_task = budget_figures.spending_by_task(lines, year, status, pop)
    income = budget_figures.income_by_source(lines, year, status)
    income_html = h.table(
        income.assign(per_inwoner=income["bedrag_euro"] / pop).rename(
            columns={"post": "bron", "niveau": "niveau", "bedrag_euro": "bedrag (€)", "per_inwoner": "per inwoner (€)"}
        ),
        f"Inkomsten {status} {year} naar bron, regionaal en lokaal, en per inwoner van de regio (1 januari 2020). "
        f"{budget_source(data.is_demonstration)}.",
        {"bedrag (€)": h.fmt_int, "per inwoner (€)": lambda v: h.fmt_dec(v, 2)},
    )
    task_html = h.table(
        by_task.rename(
            columns={
                "post": "taak",
                "regionaal": "regionaal (€)",
                "lokaal": "lokaal (€)",
                "totaal": "totaal (€)",
                "per_inwoner": "per inwoner (€)",
            }
        ),
        f"Uitgaven {status} {year} per taak, regionaal en lokaal, en per inwoner van de regio (1 januari 2020). "
        f"{budget_source(data.is_demonstration)}.",
        {
            "regionaal (€)": h.fmt_int,
            "lokaal (€)": h.fmt_int,
            "totaal (€)": h.fmt_int,
            "per inwoner (€)": lambda v: h.fmt_dec(v, 2),
        },
    )
    spent = lines[(lines["soort"] == "uitgaven") & (lines["status"] == "begroot")]
    per_year = spent.pivot_table(index="jaar", columns="post", values="bedrag_euro", aggfunc="sum") / pop
    fig, alt = charts.stacked_columns(
        per_year, f"Begrote uitgaven per inwoner naar taak, regio {data.naam}", "euro per inwoner"
    )
    regional = by_task["regionaal"].sum()
    total = by_task["totaal"].sum()
    text = (
        f"In {year} ({status}) gaf de regio {h.fmt_euro(total)} uit, {h.fmt_euro(total / pop)} per inwoner. "
        f"{h.fmt_pct(regional / total if total else None)} daarvan is regionaal besteed (uit de "
        "decentralisatie-uitkering Vrouwenopvang en bijdragen van gemeenten), de rest lokaal door de gemeenten."
    )
    return h.section(
        "budget",
        "9. Taken en budget",
        h.para(text),
        balance_html,
        income_html,
        task_html,
        data_figure(
            data.is_demonstration,
            fig,
            alt,
            f"Begrote uitgaven per inwoner (1 januari 2020) naar taak. {budget_source(data.is_demonstration)}.",
        ),
    )


def verantwoording(data: RegionData, validation: dict | None, version: str, input_source: str = "") -> str:
    """Section 7: sources, definitions, assumptions, disclosure rule, validation, status, version and input hash."""
    prevalence = extrapolation.latest_per_form(data.prevalentie)
    sources = [
        "CBS, Kerncijfers wijken en buurten 2020 (tabel 84799NED), peildatum 1 januari 2020; CC BY 4.0. "
        "Bevolking, leeftijd, huishoudens, bijstand, stedelijkheid.",
        "CBS/PDOK, gebiedsindelingen 2020 (gegeneraliseerd): gemeenten en Veilig Thuis-regio's; CC BY 4.0.",
        "CBS, Veilig Thuis: adviezen en meldingen naar aard van het geweld (84851NED) en naar melder (84849NED), "
        "halfjaren en jaren 2019–2024"
        + (" — in dit rapport demonstratiecijfers in die vorm." if data.is_demonstration else "."),
        "Begrotingsoverzicht van de regio (sjabloon van de workbench)"
        + (" — demonstratiecijfers." if data.is_demonstration else "."),
        *[f"Prevalentie {r.vorm}: {r.studie}." for r in prevalence.itertuples()],
        "Indeling in 35 regio's: per gemeente uit openbare bronnen (regiovisies, raadsbrieven, regionale "
        "websites); waar geen bron is gevonden met de rekenregel hieronder; een eigen lijst van de regio gaat "
        "voor alles. De bronnen voor deze regio staan hieronder.",
        *([input_source] if input_source else []),
    ]
    assigned = composition.region_assignment(data.members, data.member_codes)
    composition_sources = [
        f"{composition.display_source(r.bron)} ({r.marker}): {_name_list(r.gemeenten)}"
        for r in composition.sources(assigned).itertuples()
    ]
    definitions = [
        (
            "Melding",
            "Een melding van (een vermoeden van) huiselijk geweld of kindermishandeling die Veilig Thuis ontvangt.",
        ),
        ("Advies", "Een adviesvraag aan Veilig Thuis (gestart advies)."),
        (
            "Per 1.000 inwoners",
            "Aantal gedeeld door het aantal inwoners op 1 januari 2020, maal 1.000; ook voor latere jaren, "
            "omdat de workbench met de bevolkingscijfers van 2020 werkt.",
        ),
        (
            "95%-interval",
            "Exact Poisson-betrouwbaarheidsinterval van het aantal, gedeeld door de bevolking. Bij een ondergrens "
            "loopt het van de ondergrens tot de hoogste waarde die de geheime cellen toelaten.",
        ),
        (
            "Hoger of lager dan Nederland",
            "Het 95%-interval ligt helemaal boven of onder het landelijke cijfer. Het trechterdiagram gebruikt "
            "dezelfde toets (exacte Poisson-grenzen), dus tabel en trechter zeggen hetzelfde.",
        ),
        (
            "Bereik",
            "Meldingen gedeeld door het geschatte aantal slachtoffers. Boven 100% betekent: meer meldingen dan "
            "geschatte slachtoffers; een melding is geen slachtoffer.",
        ),
        ("Regiototaal", "Som van de gepubliceerde gemeentecijfers; geheime cellen tellen niet mee."),
        (
            "≥ (ten minste)",
            f"Ondergrens: een som waarin gemeentecijfers geheim zijn. De werkelijke waarde is minstens zo hoog, "
            f"en hoogstens {SECRET_MAX} per geheime cel hoger. Cijfers die daaruit volgen (per 1.000, bereik) "
            "zijn ook ondergrenzen.",
        ),
        ("ca. (ongeveer)", "Benadering: een aandeel berekend uit sommen waarin gemeentecijfers geheim zijn."),
        (
            ". (punt)",
            "Geheim of onbekend: alle cijfers achter deze waarde zijn geheim. Een punt is nooit nul.",
        ),
        ("n.v.t.", "Niet van toepassing: Veilig Thuis registreert deze vorm niet apart."),
    ]
    assumptions = [
        extrapolation.AGE_GROUP_ASSUMPTION,
        "Rekenregel voor de regio-indeling (alleen waar geen bron is gevonden): een gemeente hoort bij de Veilig "
        "Thuis-regio waarin haar representatieve punt ligt; binnen een Veilig Thuis-regio met meer "
        "centrumgemeenten bij de centrumgemeente waarvan het gebied het dichtst bij dat punt ligt (bij gelijke "
        "afstand: het dichtstbijzijnde representatieve punt). De regio kan de indeling vervangen door haar "
        "eigen lijst.",
        "Ouderenmishandeling: de prevalentie onder thuiswonende 65-plussers is toegepast op alle 65-plussers.",
    ]
    disclosure = (
        f"Kleine aantallen worden niet gepubliceerd: aantallen van 0 tot en met {SECRET_MAX} staan als '.', "
        f"andere aantallen zijn afgerond op veelvouden van {ROUND_TO}. Totalen zijn apart afgerond en kunnen "
        "afwijken van de som van de delen. Cijfers per 1.000 zijn berekend uit afgeronde aantallen en "
        "vervallen met het aantal. Dit geldt voor tabellen, grafieken, tekst en alternatieve teksten. "
        "Regiocijfers zijn sommen van cijfers die CBS zelf per gemeente publiceert (halfjaren en jaren elk "
        "apart afgerond en geheimgehouden); het rapport rekent nooit met niet-gepubliceerde waarden. Wat uit "
        "de combinatie van halfjaar- en jaarcijfers of uit een totaal en zijn delen af te leiden is, is daarom "
        "ook uit de publicatie van CBS zelf af te leiden: het rapport maakt niets zichtbaar wat CBS niet "
        "publiceert."
    )
    parts = [
        h.heading(3, "Bronnen"),
        h.bullets(sources),
        h.heading(3, "Bronnen van de indeling van de regio"),
        h.para("Per bron de gemeenten die zij bij deze regio indeelt; de letter is het niveau (zie De regio)."),
        h.definition_list(composition.legend(assigned), "legend"),
        h.bullets(composition_sources, "sources"),
        h.heading(3, "Begrippen"),
        h.definition_list(definitions),
        h.heading(3, "Aannames"),
        h.bullets(assumptions),
        h.heading(3, "Geheimhouding"),
        h.para(disclosure),
        h.heading(3, "Status van de cijfers"),
    ]
    provisional = sorted({p for p, v in zip(data.aard["periode"], data.aard["voorlopig"], strict=True) if v})
    parts.append(
        h.para(
            "Voorlopige perioden: "
            + (", ".join(provisional) if provisional else "geen")
            + ". Alle andere perioden zijn definitief."
        )
    )
    parts.append(h.heading(3, "Controle van de invoer"))
    if validation is None:
        parts.append(h.para("De invoer is voor dit rapport niet gecontroleerd."))
    else:
        rows = pd.DataFrame(
            [
                (r["name"], r["file"], "in orde" if r["ok"] else "fout", r["expectations"])
                for r in validation["datasets"]
            ],
            columns=["dataset", "bestand", "uitkomst", "regels"],
        )
        parts.append(
            h.table(rows, "Uitkomst van de controle (Great Expectations) per invoerbestand.", {"regels": h.fmt_int})
        )
    if data.is_demonstration:
        parts.append(h.banner(DEMO_TEXT))
    parts.append(
        h.para(
            f"Gemaakt met regiovisie-workbench versie {version}. Kenmerk van de invoer (SHA-256, "
            f"eerste 16 tekens): {data.inputs_hash}.",
            "small",
        )
    )
    return h.section("verantwoording", "13. Verantwoording", *parts)


def einde(data: RegionData) -> str:
    """The report's last element; the builder publishes a report only when it is present."""
    return (
        f'<footer><p class="small">Einde van de regio-analyse {h.esc(data.naam)}.</p></footer>'
        f'<div hidden data-report-complete="{h.esc(data.code)}"></div>'
    )
