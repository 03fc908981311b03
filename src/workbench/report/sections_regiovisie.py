"""The regiovisie's own chapters, built from the region's input file (see :mod:`workbench.io.regiovisie`).

Each function takes the region and its validated input (``None`` when the region has no file yet) and returns
escaped HTML (Dutch). Without input a chapter says what is missing and how to add it.
"""

from __future__ import annotations

import pandas as pd

from workbench.disclosure.bounds import Bounded
from workbench.io import regiovisie
from workbench.io.inputs import RegionData
from workbench.report import charts
from workbench.report import html_parts as h
from workbench.report.provenance import budget_source, data_figure, vt_source
from workbench.stats import budget_figures, indicator_values, monitoring, planning, sharing

EXAMPLE = "Dit hoofdstuk is gevuld met voorbeeldinvoer (demonstratie), niet met afspraken van de regio zelf."


def missing(data: RegionData, what: str) -> str:
    """The text a chapter shows when the region has not given this part of its input."""
    return h.para(
        f"Voor dit hoofdstuk ontbreekt nog invoer van de regio: {what}. Een analist van de centrumgemeente vult "
        f"dit in in het bestand regios/{data.code}/regiovisie.yaml in de datamap; het commando "
        f"‘workbench init-region {data.code}’ maakt een sjabloon met uitleg. Daarna wordt het rapport opnieuw "
        "gebouwd.",
        "missing",
    )


def commentary(invoer: dict | None, section: str) -> str:
    """The region's own commentary for a section, as a marked box ('' when there is none)."""
    text = ((invoer or {}).get("commentaar") or {}).get(section)
    if not text:
        return ""
    return f'<aside class="commentaar"><h3>Toelichting van de regio</h3>{h.para(text)}</aside>'


def with_commentary(section_html: str, invoer: dict | None, section: str) -> str:
    """Put the region's commentary at the end of a section."""
    box = commentary(invoer, section)
    return h.extend_section(section_html, box)


def _example(invoer: dict | None) -> str:
    return h.para(EXAMPLE, "small") if invoer and invoer.get("voorbeeld") else ""


def problematiek(data: RegionData, invoer: dict | None) -> str:
    """6. Specifieke problematiek."""
    items = (invoer or {}).get("problematiek")
    body = (
        h.definition_list((p["onderwerp"], p.get("toelichting") or "") for p in items)
        if items
        else missing(
            data,
            "de specifieke problematiek in de regio (zoals loverboys, eerwraak, "
            "ouderenmishandeling), met een toelichting",
        )
    )
    return h.section("problematiek", "6. Specifieke problematiek", _example(invoer), body)


def _served(data: RegionData, codes: list[str]) -> str:
    names = data.kwb.set_index("code")["naam"]
    if "alle" in codes:
        return "alle gemeenten"
    return ", ".join(str(names.get(c, c)) for c in codes)


def aanbieders(data: RegionData, invoer: dict | None) -> str:
    """7. Huidige aanbieders."""
    items = (invoer or {}).get("aanbieders")
    if not items:
        return h.section(
            "aanbieders",
            "7. Huidige aanbieders",
            missing(
                data,
                "de huidige aanbieders van zorg en hulpverlening, met de soort hulp en de gemeenten die zij bedienen",
            ),
        )
    rows = pd.DataFrame(
        [
            {
                "aanbieder": a["naam"],
                "soort hulp": a["hulp"],
                "gemeenten": _served(data, a["gemeenten"] if isinstance(a["gemeenten"], list) else [a["gemeenten"]]),
            }
            for a in items
        ]
    )
    return h.section(
        "aanbieders",
        "7. Huidige aanbieders",
        _example(invoer),
        h.table(rows, f"Aanbieders van zorg en hulpverlening in de regio {data.naam}."),
    )


def spelers(data: RegionData, invoer: dict | None) -> str:
    """8. Spelers en krachtenveld: who is involved, in which phase, and how."""
    items = (invoer or {}).get("spelers")
    if not items:
        return h.section(
            "spelers",
            "8. Spelers en krachtenveld",
            missing(
                data,
                "de betrokken partijen, met hun rol (meedenken, meebeslissen, meeweten) en de "
                "fase waarin zij betrokken zijn",
            ),
        )
    matrix = pd.DataFrame("", index=list(regiovisie.PHASES), columns=list(regiovisie.ROLES))
    for s in items:
        cell = matrix.at[s["fase"], s["rol"]]
        matrix.at[s["fase"], s["rol"]] = f"{cell}; {s['naam']}" if cell else s["naam"]
    matrix = matrix.reset_index().rename(columns={"index": "fase"})
    listing = pd.DataFrame(
        [{"partij": s["naam"], "soort": s.get("soort") or "", "rol": s["rol"], "fase": s["fase"]} for s in items]
    )
    return h.section(
        "spelers",
        "8. Spelers en krachtenveld",
        _example(invoer),
        h.para("Wie moet in welke fase betrokken worden, en hoe: meebeslissen, meedenken of meeweten."),
        h.table(matrix, f"Krachtenveld van de regio {data.naam}: partijen naar fase en rol."),
        h.table(listing, "Alle betrokken partijen."),
    )


def taken(data: RegionData, invoer: dict | None) -> str:
    """The agreed tasks, regional or local (part of 9. Taken en budget)."""
    items = (invoer or {}).get("taken")
    if not items:
        return h.heading(3, "Afgesproken taken") + missing(
            data, "de afgesproken taken, regionaal of lokaal, en welke gemeente ze uitvoert"
        )
    names = data.kwb.set_index("code")["naam"]
    rows = pd.DataFrame(
        [
            {
                "taak": t["taak"],
                "niveau": t["niveau"],
                "gemeente": "alle gemeenten" if t["gemeente"] == "alle" else names.get(t["gemeente"]),
            }
            for t in items
        ]
    )
    who = "de centrumgemeente" if len(data.member_codes) == 1 else "de centrumgemeente en de regiogemeenten"
    return h.heading(3, "Afgesproken taken") + h.table(rows, f"Taken van {who}.") + _tasks_and_money(data, rows)


def _tasks_and_money(data: RegionData, agreed: pd.DataFrame) -> str:
    """The agreed tasks beside the budget: tasks without money and money without an agreed task."""
    lines = budget_figures.region_lines(data.budget, data.code)
    year, status = budget_figures.reporting_year(lines, data.periode)
    if year is None:
        return ""
    check = budget_figures.tasks_against_money(lines, year, status, agreed)
    no_money = check[check["afgesproken"] & (check["bedrag_euro"] == 0)]
    no_task = check[~check["afgesproken"]]
    verdict = [
        "geen geld in de begroting" if a and m == 0 else "geld, geen afgesproken taak" if not a else "in orde"
        for a, m in zip(check["afgesproken"], check["bedrag_euro"], strict=True)
    ]
    shown = pd.DataFrame(
        {
            "taak": check["taak"],
            "niveau": check["niveau"],
            "afgesproken": check["afgesproken"].map({True: "ja", False: "nee"}),
            f"uitgaven {status} {year} (€)": check["bedrag_euro"],
            "oordeel": verdict,
        }
    )

    def listing(frame: pd.DataFrame) -> str:
        return "; ".join(f"{t} ({n})" for t, n in zip(frame["taak"], frame["niveau"], strict=True))

    findings = []
    if not no_money.empty:
        findings.append(f"Afgesproken taken zonder geld in de begroting: {listing(no_money)}.")
    if not no_task.empty:
        findings.append(f"Geld zonder afgesproken taak: {listing(no_task)}.")
    summary = (
        " ".join(findings)
        if findings
        else "Elke afgesproken taak heeft geld in de begroting, en al het geld gaat naar een afgesproken taak."
    )
    return (
        h.heading(3, "Taken en geld")
        + h.para(f"De afgesproken taken naast de uitgaven {status} {year} per taak en niveau. {summary}")
        + h.table(
            shown,
            f"Afgesproken taken en uitgaven {status} {year}, per taak en niveau. "
            f"{budget_source(data.is_demonstration)}.",
            {f"uitgaven {status} {year} (€)": h.fmt_int},
        )
    )


def procesplanning(data: RegionData, invoer: dict | None) -> str:
    """10. Procesplanning, counting back from the deadline."""
    plan = (invoer or {}).get("planning")
    if not plan or not plan.get("mijlpalen"):
        return h.section(
            "planning",
            "10. Procesplanning",
            missing(data, "de deadline, de datum van de stand van zaken en de mijlpalen met hun datum"),
        )
    frame = planning.count_back(plan["mijlpalen"], plan["deadline"], plan["stand_per"])
    fig, alt = charts.timeline(frame, plan["deadline"], plan["stand_per"], data.naam)
    late = frame[frame["status"].isin([planning.LATE, planning.DONE_LATE, planning.AFTER_DEADLINE])]
    text = (
        f"De regiovisie moet op {plan['deadline']:%d-%m-%Y} in werking zijn. Stand van zaken op "
        f"{plan['stand_per']:%d-%m-%Y}: {len(frame)} mijlpalen, waarvan "
        f"{int((frame['status'] == planning.DONE).sum())} op tijd gereed en {len(late)} te laat."
    )
    shown = frame.assign(
        datum=frame["datum"].map(lambda d: f"{d:%d-%m-%Y}"),
        gereed=frame["gereed"].map(lambda d: "" if d is None or pd.isna(d) else f"{d:%d-%m-%Y}"),
    )
    shown = shown[["naam", "datum", "weken_voor_deadline", "gereed", "status"]].rename(
        columns={"naam": "mijlpaal", "weken_voor_deadline": "weken voor de deadline"}
    )
    return h.section(
        "planning",
        "10. Procesplanning",
        _example(invoer),
        h.para(text),
        h.figure(fig, alt, "Tijdlijn van de mijlpalen, terugtellend vanaf de deadline."),
        h.table(
            shown,
            "Mijlpalen, met het aantal weken voor de deadline en de status.",
            {"weken voor de deadline": h.fmt_int},
        ),
    )


def _saldo_text(amount: float) -> str:
    return f"een overschot van {h.fmt_euro(amount)}" if amount >= 0 else f"een tekort van {h.fmt_euro(-amount)}"


def _balances(lines: pd.DataFrame, periode: int) -> tuple[list[str], dict[str, float]]:
    """Sentences on the regional saldo of the reporting year (realised) and the next (budgeted), and the amounts."""
    realised = budget_figures.regional_balance(lines, periode, "gerealiseerd")
    planned = budget_figures.regional_balance(lines, periode + 1, "begroot")
    text, amounts = [], {}
    if realised is None:
        text.append(f"Over {periode} is nog geen realisatie van het regionale budget bekend.")
    else:
        text.append(
            f"Het regionale budget sloot {periode} (gerealiseerd) met {_saldo_text(realised)}: regionale inkomsten "
            "min regionale uitgaven."
        )
        amounts[f"saldo {periode}, gerealiseerd (€)"] = realised
    if planned is None:
        text.append(f"Voor {periode + 1} is nog geen regionaal budget begroot.")
    else:
        text.append(f"Voor {periode + 1} is {_saldo_text(planned)} begroot.")
        amounts[f"saldo {periode + 1}, begroot (€)"] = planned
    return text, amounts


def financiele_paragraaf(data: RegionData, invoer: dict | None) -> str:
    """11. Financiële paragraaf: regional against local financing, the regional saldo and how it is shared."""
    fin = (invoer or {}).get("financien")
    members = data.member_codes
    k = data.kwb.set_index("code")
    lines = budget_figures.region_lines(data.budget, data.code)
    parts = [_example(invoer)]
    year, status = budget_figures.reporting_year(lines, data.periode)
    local = pd.Series(0.0, index=members)
    if year is not None:
        spent = lines[(lines["jaar"] == year) & (lines["status"] == status) & (lines["soort"] == "uitgaven")]
        regional = float(spent.loc[spent["niveau"] == "regionaal", "bedrag_euro"].sum())
        local = (
            spent[spent["niveau"] == "lokaal"].groupby("gemeentecode")["bedrag_euro"].sum().reindex(members).fillna(0)
        )
        parts.append(
            h.para(
                f"In {year} ({status}) werd {h.fmt_euro(regional)} regionaal uitgegeven en "
                f"{h.fmt_euro(local.sum())} lokaal door de gemeenten zelf. {budget_source(data.is_demonstration)}."
            )
        )
    balance_text, amounts = _balances(lines, data.periode)
    if not lines.empty:
        parts += [h.heading(3, "Saldo van het regionale budget"), h.para(" ".join(balance_text))]
    if not fin:
        parts.append(
            missing(
                data,
                "wat het regionale budget betaalt, wat er met een overschot gebeurt en hoe een "
                "tekort wordt verdeeld (naar inwoners of met een afgesproken sleutel)",
            )
        )
        return h.section("financien", "11. Financiële paragraaf", *parts)
    if fin.get("regionaal_budget_betaalt"):
        parts += [h.heading(3, "Het regionale budget betaalt"), h.bullets(fin["regionaal_budget_betaalt"])]
    if fin.get("overschot"):
        parts += [h.heading(3, "Een overschot"), h.para(fin["overschot"])]
    if fin.get("voorbeeldbedrag"):
        scenario = float(fin["voorbeeldbedrag"])
        amounts[f"scenario: tekort van {h.fmt_euro(scenario)} (€)"] = -scenario
    population = k.loc[members, "inwoners"].astype("float64")
    if fin["tekort_verdeling"] == "sleutel":
        percent = pd.Series({g: float(fin["sleutel"].get(g, 0)) for g in members})
        share, basis = sharing.by_key, "de afgesproken verdeelsleutel"
    else:
        percent = population / population.sum() * 100
        share, basis = (lambda amount, _key: sharing.by_inhabitants(amount, population)), "het aantal inwoners"
    table = pd.DataFrame(
        {
            "gemeente": [k.loc[g, "naam"] for g in members],
            "inwoners": population.to_numpy(),
            "lokale uitgaven (€)": local.to_numpy(),
            "aandeel (%)": percent.to_numpy(),
            **{label: [float(v) for v in share(amount, percent)[members]] for label, amount in amounts.items()},
        }
    )
    surplus = (
        "wat er met een overschot gebeurt, staat hierboven"
        if fin.get("overschot")
        else "wat er met een overschot gebeurt, heeft de regio nog niet vastgelegd"
    )
    parts += [
        h.heading(3, "Verdeling over de gemeenten"),
        h.para(
            f"Een tekort wordt verdeeld naar {basis}; de tabel past die verdeling toe op het werkelijke saldo "
            "uit de begroting"
            + (" en op het scenario van de regio" if fin.get("voorbeeldbedrag") else "")
            + ". Een negatief bedrag betaalt de gemeente bij een tekort; een positief bedrag is haar deel van "
            f"een overschot naar dezelfde verdeling ({surplus}). Elke kolom telt op tot op de cent."
        ),
        h.table(
            table,
            f"Wat elke gemeente nu lokaal uitgeeft{f' ({status} {year})' if year else ''} en haar deel van het "
            "regionale saldo (euro; + ontvangt, − betaalt).",
            {
                "inwoners": h.fmt_int,
                "lokale uitgaven (€)": h.fmt_int,
                "aandeel (%)": h.fmt_dec,
                **{c: lambda v: h.fmt_dec(v, 2) for c in amounts},
            },
        ),
    ]
    return h.section("financien", "11. Financiële paragraaf", *parts)


def _marked(values: pd.DataFrame, year: int) -> str:
    """An indicator's value of one year with its mark (≥ for a lower bound, ca. for an approximation)."""
    row = values.loc[year]
    return h.fmt_bounded(Bounded(row["waarde"], row["laag"], row["hoog"]), h.fmt_dec)


def monitoring_hoofdstuk(data: RegionData, invoer: dict | None) -> str:
    """12. Monitoring: each indicator against its baseline and target over the years."""
    items = (invoer or {}).get("monitoring")
    if not items:
        return h.section(
            "monitoring",
            "12. Monitoring",
            missing(
                data,
                "de indicatoren waarmee de regio elk jaar volgt of het beleid werkt, met "
                "definitie, basislijn, doel, jaar en bron",
            ),
        )
    rows, figures = [], []
    for m in items:
        if m["indicator"] == regiovisie.OWN_INDICATOR:
            values = indicator_values.own_values(m["waarden"])
            origin = "opgegeven door de regio"
        else:
            values = indicator_values.computed(data, m["indicator"])
            origin = "berekend uit de gegevens"
        base, target = m["basislijn"], m["doel"]
        status, year, _ = monitoring.assess_bounded(
            values,
            int(base["jaar"]),
            float(base["waarde"]),
            int(target["jaar"]),
            float(target["waarde"]),
            m["richting"] == "hoger",
        )
        rows.append(
            {
                "indicator": m["naam"],
                "basislijn": f"{h.fmt_dec(base['waarde'])} ({base['jaar']})",
                "laatste waarde": f"{_marked(values, year)} ({year})" if year else "geen gegevens",
                "doel": f"{h.fmt_dec(target['waarde'])} ({target['jaar']})",
                "beter is": m["richting"],
                "oordeel": status,
                "bron": f"{m.get('bron') or ''} ({origin})",
            }
        )
        fig, alt = charts.indicator(values, base, target, m["naam"], status)
        own = m["indicator"] == regiovisie.OWN_INDICATOR
        source = (
            "Waarden opgegeven door de regio"
            if own
            else f"Waarden: {vt_source(data.is_demonstration, indicator_values.TABLES[m['indicator']])}"
            + (", per 1.000 inwoners op 1 januari 2020" if m["indicator"] in indicator_values.RATES else "")
        )
        figures.append(
            data_figure(
                bool(invoer.get("voorbeeld")) if own else data.is_demonstration,
                fig,
                alt,
                f"{m['naam']}: waarden per jaar met basislijn en doel. {m.get('definitie') or ''} {source}.",
            )
        )
    return h.section(
        "monitoring",
        "12. Monitoring",
        _example(invoer),
        h.para(
            "Elk jaar zien of het beleid werkt: per indicator de laatste waarde tegen de basislijn "
            "en het doel. 'Op koers' betekent: minstens zo ver als een rechte lijn van basislijn "
            "naar doel voor dat jaar verwacht."
        ),
        h.table(
            pd.DataFrame(rows),
            "Indicatoren tegen basislijn en doel; cijfers per 1.000 inwoners gebruiken de inwoners op 1 januari "
            "2020. ≥: ondergrens en ca.: benadering, omdat gemeentecijfers geheim zijn; "
            f"'{monitoring.UNCERTAIN}': de geheime cijfers bepalen het oordeel.",
        ),
        *figures,
    )
