"""The regiovisie's structure in one place: its parts, the chapters in each, their numbers and titles.

The spoorboekje's order: first what the region answers (summary, the questions answered), then part 1, the
regio-analyse (the spoorboekje's 'voorwerk'), then part 2, the visie and plan chapters (process agreements, goals
and their elaboration, the financial paragraph, monitoring), and last the account of the sources. Chapters are
numbered through the whole report; a section asks :func:`title` for its heading, so the numbers follow this list.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    """A part of the report: its number ('' for the opening and closing chapters), title and introduction."""

    key: str
    nummer: str
    titel: str
    intro: str
    chapters: tuple[tuple[str, str], ...]
    """(section key, chapter title) in report order."""


PARTS = (
    Part(
        "begin",
        "",
        "",
        "",
        (("samenvatting", "Samenvatting"), ("beantwoord", "Wat deze regiovisie beantwoordt")),
    ),
    Part(
        "deel_1",
        "1",
        "Regio-analyse",
        "Het voorwerk van de regiovisie: welke gemeenten de regio vormen en hoe die eruitziet, hoeveel huiselijk "
        "geweld en kindermishandeling er gemeld en geschat wordt, wat sinds vorig jaar veranderde en wat volgend "
        "jaar te verwachten is, de specifieke problematiek, de aanbieders, de spelers en het krachtenveld, en het "
        "budget met de taken.",
        (
            ("de_regio", "De regio"),
            ("meldingen", "Meldingen en adviezen bij Veilig Thuis"),
            ("veranderd", "Wat is veranderd sinds vorig jaar"),
            ("verwachting", "Verwachting: meldingen volgend jaar"),
            ("veiligheidsbeoordeling", "Veiligheidsbeoordeling en overdracht"),
            ("vervolg", "Na de melding: overdracht en vervolg"),
            ("omvang", "Omvang: extrapolatie van landelijke prevalentie"),
            ("vergelijkbare_regios", "Vergelijkbare regio's"),
            ("problematiek", "Specifieke problematiek"),
            ("aanbieders", "Huidige aanbieders"),
            ("spelers", "Spelers en krachtenveld"),
            ("taken_en_budget", "Taken en budget"),
        ),
    ),
    Part(
        "deel_2",
        "2",
        "Visie en plan",
        "De procesafspraken, de inhoudelijke doelen en ambities met hun uitwerking, de financiële paragraaf en "
        "de monitoring met de leercyclus.",
        (
            ("uitgangspunten", "Uitgangspunten en reikwijdte"),
            ("procesplanning", "Procesplanning"),
            ("besluitvorming", "Besluitvorming"),
            ("werkwijze", "Huidige werkwijze"),
            ("doelen", "Doelen en ambities"),
            ("regie", "Regie, aansturing en verantwoording"),
            ("preventie", "Preventie"),
            ("financiele_paragraaf", "Financiële paragraaf"),
            ("monitoring", "Monitoring en de leercyclus"),
        ),
    ),
    Part("einde", "", "", "", (("verantwoording", "Verantwoording"),)),
)

CHAPTERS = tuple(key for part in PARTS for key, _ in part.chapters)
"""Every chapter's section key in report order."""
_NUMBERS = {key: i for i, key in enumerate(CHAPTERS, 1)}
_TITLES = {key: name for part in PARTS for key, name in part.chapters}


def number(key: str) -> int:
    """The chapter's number in the report."""
    return _NUMBERS[key]


def title(key: str) -> str:
    """The chapter's heading: '9. Spelers en krachtenveld'."""
    return f"{_NUMBERS[key]}. {_TITLES[key]}"


def part_of(key: str) -> Part:
    """The part a chapter belongs to."""
    return next(part for part in PARTS if key in dict(part.chapters))


def part_title(part: Part) -> str:
    """A part's heading: 'Deel 1. Regio-analyse'."""
    return f"Deel {part.nummer}. {part.titel}"


def order() -> tuple[str, ...]:
    """The report's sections in order, with a part's opening (``deel_1``, ``deel_2``) before its chapters."""
    keys: list[str] = []
    for part in PARTS:
        if part.nummer:
            keys.append(part.key)
        keys.extend(key for key, _ in part.chapters)
    return tuple(keys)
