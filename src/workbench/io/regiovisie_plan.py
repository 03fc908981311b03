"""The visie and plan blocks of a region's input file: their choices and their checks.

``uitgangspunten``, ``besluitvorming``, ``werkwijze``, ``doelen``, ``ambities``, ``regie`` and ``preventie``
(the spoorboekje's process agreements, goals and their elaboration). :func:`check` is called by
:func:`workbench.io.regiovisie.check` with its checker, so every problem is located and reported at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.errors import did_you_mean
from workbench.io.budget import SPENDING_TASKS

if TYPE_CHECKING:
    from workbench.io.regiovisie import _Checker

OTHER_REGIONS = {
    "jeugdregio": "jeugdregio",
    "wmo_beschermd_wonen": "Wmo-regio en beschermd wonen",
    "arbeidsmarktregio": "arbeidsmarktregio",
    "veiligheidsregio": "veiligheidsregio",
    "politie_eenheid": "politie-eenheid",
}
"""The other regions a centrumregio relates to (the Veilig Thuis region is computed from the shipped data)."""
WORK_PHASES = ("signaleren", "melden", "hulp", "nazorg")
"""The phases of the current way of working."""
ADOPTION_LEVELS = ("portefeuillehouders", "colleges", "gemeenteraden")
"""Where the regiovisie is adopted: the administrative meeting of portefeuillehouders, the colleges, the councils."""
TERMS = ("direct", "later")
"""When a goal is to be settled: right away or at a later stage."""
CYCLE_STEP_NAMES = (
    "monitoring en ambities",
    "maatschappelijk resultaat",
    "activiteiten",
    "input kwaliteit",
    "outcome",
    "verbetercyclus",
)
"""The steps of the six-step learning cycle in order (see :mod:`workbench.stats.leercyclus`)."""
CYCLE_STEPS = tuple(range(1, len(CYCLE_STEP_NAMES) + 1))
"""The step numbers a monitoring indicator may name."""
TOP_LEVEL = (
    "uitgangspunten",
    "besluitvorming",
    "werkwijze",
    "doelen",
    "ambities",
    "regie",
    "preventie",
    "commentaar_gemeenten",
)


def _uitgangspunten(c: _Checker, value: object) -> None:
    u = c.mapping(value, "uitgangspunten", ("procesdoelen", "vormen", "doelgroepen", "reikwijdte", "indelingen"))
    for key in ("procesdoelen", "vormen", "doelgroepen"):
        c.text_list(u, "uitgangspunten", key)
    c.texts(u, "uitgangspunten", ("reikwijdte",))
    for i, r in enumerate(c.items(u.get("indelingen"), "uitgangspunten.indelingen"), 1):
        p = f"uitgangspunten.indelingen[{i}]"
        r = c.mapping(r, p, ("soort", "naam", "gemeenten", "buiten_de_regio"), ("soort", "naam", "gemeenten"))
        c.choice(r.get("soort"), f"{p}.soort", tuple(OTHER_REGIONS))
        c.texts(r, p, ("naam",))
        c.served(r, p)
        c.text_list(r, p, "buiten_de_regio")


def _besluitvorming(c: _Checker, value: object, has_planning_date: bool) -> None:
    b = c.mapping(
        value,
        "besluitvorming",
        ("tafel", "vaststelling", "trekker", "schrijvers", "uitvoeringsprogramma", "stand_per", "raden"),
        ("tafel", "vaststelling"),
    )
    c.texts(b, "besluitvorming", ("tafel", "trekker", "schrijvers", "uitvoeringsprogramma"))
    c.choice(b.get("vaststelling"), "besluitvorming.vaststelling", ADOPTION_LEVELS)
    if "stand_per" in b:
        b["stand_per"] = c.day(b["stand_per"], "besluitvorming.stand_per")
    councils = c.items(b.get("raden"), "besluitvorming.raden")
    if councils and not b.get("stand_per") and not has_planning_date:
        c.add("besluitvorming.stand_per", "is nodig om te zien welk raadsbesluit te laat is (of vul planning in)")
    for i, r in enumerate(councils, 1):
        p = f"besluitvorming.raden[{i}]"
        r = c.mapping(r, p, ("gemeente", "gepland", "besloten"), ("gemeente", "gepland"))
        if r.get("gemeente") is not None:
            r["gemeente"] = c.gemeente(r["gemeente"], f"{p}.gemeente")
        for key in ("gepland", "besloten"):
            if key in r:
                r[key] = c.day(r[key], f"{p}.{key}")


def _werkwijze(c: _Checker, value: object) -> None:
    w = c.mapping(value, "werkwijze", ("fasen", "ontwikkelingen"))
    seen: set[str] = set()
    for i, ph in enumerate(c.items(w.get("fasen"), "werkwijze.fasen"), 1):
        p = f"werkwijze.fasen[{i}]"
        ph = c.mapping(ph, p, ("fase", "behouden", "verbeteren", "doel_van_verbetering"), ("fase",))
        c.choice(ph.get("fase"), f"{p}.fase", WORK_PHASES)
        if ph.get("fase") in seen:
            c.add(f"{p}.fase", f"de fase {ph['fase']!r} staat er al; zet alles van één fase bij elkaar")
        seen.add(ph.get("fase"))
        c.text_list(ph, p, "behouden")
        c.text_list(ph, p, "verbeteren")
        c.texts(ph, p, ("doel_van_verbetering",))
    for i, d in enumerate(c.items(w.get("ontwikkelingen"), "werkwijze.ontwikkelingen"), 1):
        p = f"werkwijze.ontwikkelingen[{i}]"
        d = c.mapping(d, p, ("ontwikkeling", "gevolg"), ("ontwikkeling",))
        c.texts(d, p, ("ontwikkeling", "gevolg"))


def _doelen(c: _Checker, value: object, indicators: dict[str, str], computed: tuple[str, ...]) -> None:
    for i, d in enumerate(c.items(value, "doelen"), 1):
        p = f"doelen[{i}]"
        d = c.mapping(d, p, ("doel", "niveau", "preventie", "termijn", "indicatoren"), ("doel", "niveau"))
        c.texts(d, p, ("doel",))
        c.choice(d.get("niveau"), f"{p}.niveau", ("regionaal", "lokaal"))
        c.choice(d.get("termijn"), f"{p}.termijn", TERMS)
        if "preventie" in d and not isinstance(d["preventie"], bool):
            c.add(f"{p}.preventie", f"{d['preventie']!r} kan hier niet; schrijf true (ja) of false (nee)")
        names = c.items(d.get("indicatoren"), f"{p}.indicatoren")
        for j, name in enumerate(names, 1):
            key = str(name).strip().lower() if name is not None else ""
            if key in indicators:
                names[j - 1] = indicators[key]
                continue
            c.add(
                f"{p}.indicatoren[{j}]",
                f"{name!r} is geen indicator van dit bestand."
                + did_you_mean(str(name), {v: v for v in indicators.values()})
                + " Schrijf de naam van een indicator onder 'monitoring' of een kengetal van de workbench: "
                + ", ".join(computed),
            )


def _regie(c: _Checker, value: object) -> None:
    keys = ("beleidsregie", "procesregie", "casusregie", "aansturing", "verantwoording", "informatie")
    r = c.mapping(value, "regie", (*keys, "evaluaties"))
    c.texts(r, "regie", keys)
    for i, e in enumerate(c.items(r.get("evaluaties"), "regie.evaluaties"), 1):
        p = f"regie.evaluaties[{i}]"
        e = c.mapping(e, p, ("datum", "tafel", "wat"), ("datum", "tafel"))
        if "datum" in e:
            e["datum"] = c.day(e["datum"], f"{p}.datum")
        c.texts(e, p, ("tafel", "wat"))


def _preventie(c: _Checker, value: object) -> None:
    for i, a in enumerate(c.items(value, "preventie"), 1):
        p = f"preventie[{i}]"
        a = c.mapping(
            a, p, ("activiteit", "niveau", "doelgroep", "begrotingspost", "gemeenten"), ("activiteit", "niveau")
        )
        c.texts(a, p, ("activiteit", "doelgroep"))
        c.choice(a.get("niveau"), f"{p}.niveau", ("regionaal", "lokaal"))
        c.choice(a.get("begrotingspost"), f"{p}.begrotingspost", SPENDING_TASKS)
        c.served(a, p)


def check(c: _Checker, top: dict, computed: tuple[str, ...]) -> None:
    """Check the visie and plan blocks of a parsed file (``top``); ``computed`` are the workbench's kengetallen.

    A goal's indicators are matched, in any case, to the names of the file's monitoring indicators or to the keys
    of the kengetallen; each is replaced by that name or key.
    """
    if "uitgangspunten" in top:
        _uitgangspunten(c, top["uitgangspunten"])
    if "besluitvorming" in top:
        planning = top.get("planning")
        _besluitvorming(c, top["besluitvorming"], isinstance(planning, dict) and bool(planning.get("stand_per")))
    if "werkwijze" in top:
        _werkwijze(c, top["werkwijze"])
    if "doelen" in top:
        indicators = {key: key for key in computed}
        for m in top.get("monitoring") or []:
            if isinstance(m, dict) and isinstance(m.get("naam"), str):
                indicators[m["naam"].strip().lower()] = m["naam"]
        _doelen(c, top["doelen"], indicators, computed)
    if "ambities" in top:
        a = c.mapping(top["ambities"], "ambities", ("preventie", "integraliteit"))
        c.texts(a, "ambities", ("preventie", "integraliteit"))
    if "regie" in top:
        _regie(c, top["regie"])
    if "preventie" in top:
        _preventie(c, top["preventie"])
    if "commentaar_gemeenten" in top:
        _gemeente_notes(c, top)


def _gemeente_notes(c: _Checker, top: dict) -> None:
    """The gemeenten's own commentary for their lokale analyse: gemeente (code or name) → text, keyed by code."""
    notes = top["commentaar_gemeenten"]
    if not isinstance(notes, dict):
        c.add("commentaar_gemeenten", "hier hoort per gemeente een tekst (gemeente: tekst)")
        return
    top["commentaar_gemeenten"] = {
        c.gemeente(key, f"commentaar_gemeenten.{key}", allow_all=False): c.text(text, f"commentaar_gemeenten.{key}")
        for key, text in notes.items()
    }
