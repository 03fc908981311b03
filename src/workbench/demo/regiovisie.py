"""Demonstration region input files (``data/regios/CODE/regiovisie.yaml``) for the 35 regions.

Invented, seeded and labelled as examples (``voorbeeld: true`` and a header), so that every report shows the
regiovisie chapters. Baselines of the computed indicators are the region's own published 2019 figures.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import yaml

from workbench.demo.budget import LOCAL_TASKS, REGIONAL_TASKS
from workbench.io.inputs import Inputs, RegionData, in_year, region_view
from workbench.stats import monitoring as indicator_monitoring

SEED = 20_140_101
HEADER = (
    "# VOORBEELD: demonstratie-invoer voor de regio {naam} ({code}), gemaakt door\n"
    "# scripts/generate_demo_data.py. Dit zijn geen echte afspraken van deze regio. Vervang dit bestand door\n"
    "# de eigen invoer van de regio; het sjabloon met uitleg maakt 'workbench init-region {code}'.\n"
)
PLAYERS = [
    ("Gemeente {centrum} (centrumgemeente)", "gemeente", "meebeslissen", "besluitvorming"),
    ("Colleges van de regiogemeenten", "gemeente", "meebeslissen", "besluitvorming"),
    ("Veilig Thuis {vt}", "ketenpartner", "meedenken", "analyse"),
    ("Politie, basisteams in de regio", "politie/justitie", "meedenken", "analyse"),
    ("Openbaar Ministerie", "politie/justitie", "meeweten", "uitvoering"),
    ("Vrouwenopvang in de regio", "zorgaanbieder", "meedenken", "uitvoering"),
    ("GGD, jeugdgezondheidszorg", "zorgaanbieder", "meedenken", "voorbereiding"),
    ("Raad voor de Kinderbescherming", "ketenpartner", "meeweten", "analyse"),
    ("Ervaringsdeskundigen en cliëntenraad", "cliëntvertegenwoordiging", "meedenken", "evaluatie"),
    ("Scholen en kinderopvang", "onderwijs", "meeweten", "uitvoering"),
]
PROBLEMS = [
    (
        "ouderenmishandeling",
        "Het aandeel 65-plussers groeit; meldingen over ouderenmishandeling blijven achter bij de geschatte omvang.",
    ),
    ("loverboys en mensenhandel", "Signalen van uitbuiting van jongeren via sociale media."),
    ("eerwraak en huwelijksdwang", "Weinig meldingen, maar ernstige casuïstiek; deskundigheid is schaars."),
    (
        "geweld tegen ouders",
        "Jongeren die geweld gebruiken tegen hun ouders vallen tussen jeugdhulp en volwassenenzorg.",
    ),
    ("stalking na scheiding", "Ex-partnergeweld en stalking na een scheiding vragen een gerichte aanpak."),
]
MILESTONES = [
    ("Regio-analyse vastgesteld", dt.date(2026, 2, 27)),
    ("Spelers- en krachtenveldanalyse besproken", dt.date(2026, 4, 15)),
    ("Concept-regiovisie naar de colleges", dt.date(2026, 7, 1)),
    ("Bestuurlijk overleg over de financiële paragraaf", dt.date(2026, 9, 15)),
    ("Vaststelling in de gemeenteraden", dt.date(2026, 11, 30)),
]


def _region_file(inputs: Inputs, code: str, rng: np.random.Generator) -> dict:
    data = region_view(inputs, code, 2024)
    members = data.member_codes
    vt_name = str(data.members["vt_naam"].iloc[0])
    chosen = sorted(rng.choice(len(PLAYERS), size=int(rng.integers(6, len(PLAYERS) + 1)), replace=False))
    if len(members) == 1:  # a region of one gemeente has no regiogemeenten
        chosen = [i for i in chosen if "regiogemeenten" not in PLAYERS[i][0]]
    players = [
        {
            "naam": PLAYERS[i][0].format(centrum=data.naam, vt=vt_name),
            "soort": PLAYERS[i][1],
            "rol": PLAYERS[i][2],
            "fase": PLAYERS[i][3],
        }
        for i in chosen
    ]
    half = members[: max(1, len(members) // 2)]
    providers = [
        {"naam": f"Vrouwenopvang regio {data.naam}", "hulp": "vrouwenopvang en crisisopvang", "gemeenten": ["alle"]},
        {"naam": f"Ambulante hulp huiselijk geweld {data.naam}", "hulp": "ambulante hulp", "gemeenten": half},
        {
            "naam": "Lokale teams van de gemeenten",
            "hulp": "toegang, wijkteams en jeugd- en gezinsteams",
            "gemeenten": ["alle"],
        },
        {"naam": "Slachtofferhulp Nederland", "hulp": "slachtofferhulp", "gemeenten": ["alle"]},
    ]
    problems = [
        {"onderwerp": PROBLEMS[i][0], "toelichting": PROBLEMS[i][1]}
        for i in sorted(rng.choice(len(PROBLEMS), size=int(rng.integers(2, 4)), replace=False))
    ]
    milestones = []
    for name, day in MILESTONES:
        item: dict = {"naam": name, "datum": day}
        if day < dt.date(2026, 6, 30) and rng.random() < 0.7:
            item["gereed"] = day + dt.timedelta(days=int(rng.integers(-10, 25)))
        milestones.append(item)
    pop = data.kwb.set_index("code").loc[members, "inwoners"].astype(float)
    finances: dict = {
        "regionaal_budget_betaalt": [
            "Veilig Thuis",
            "Vrouwenopvang en crisisopvang",
            "Ambulante hulpverlening",
            "Regionale coördinatie en monitoring",
        ],
        "overschot": "Een regionaal overschot blijft in een bestemmingsreserve voor de regionale aanpak.",
        "tekort_verdeling": "sleutel" if rng.random() < 0.5 else "inwoners",
        "voorbeeldbedrag": 250000,
    }
    if finances["tekort_verdeling"] == "sleutel":
        raw = (pop / pop.sum() * 100).round(1)
        raw[data.code] = round(raw[data.code] + 100 - raw.sum(), 1)
        finances["sleutel"] = {g: float(raw[g]) for g in members}
    values = indicator_monitoring.computed(data, "meldingen_per_1000")["waarde"]
    police = indicator_monitoring.computed(data, "aandeel_politie")["waarde"]
    monitoring = [
        {
            "indicator": "meldingen_per_1000",
            "naam": "Meldingen bij Veilig Thuis per 1.000 inwoners",
            "definitie": "Ontvangen meldingen per 1.000 inwoners van de regio (hoger: meer huiselijk geweld in beeld).",
            "basislijn": {"jaar": 2019, "waarde": round(float(values[2019]), 1)},
            "doel": {"jaar": 2026, "waarde": round(float(values[2019]) * 1.10, 1)},
            "richting": "hoger",
            "bron": "CBS, Veilig Thuis (84851NED)",
        },
        {
            "indicator": "aandeel_politie",
            "naam": "Aandeel meldingen van politie en justitie (%)",
            "definitie": "Meer meldingen van andere professionals betekent dat signalen eerder worden opgepakt.",
            "basislijn": {"jaar": 2019, "waarde": round(float(police[2019]), 1)},
            "doel": {"jaar": 2026, "waarde": round(float(police[2019]) - 5, 1)},
            "richting": "lager",
            "bron": "CBS, Veilig Thuis (84849NED)",
        },
        {
            "indicator": "eigen",
            "naam": "Wachttijd ambulante hulp (dagen)",
            "definitie": "Mediane wachttijd tussen aanmelding en eerste gesprek.",
            "basislijn": {"jaar": 2021, "waarde": 42},
            "doel": {"jaar": 2026, "waarde": 21},
            "richting": "lager",
            "bron": "registratie van de aanbieder (voorbeeld)",
            "stap": 4,
            "waarden": {str(y): int(42 - (y - 2021) * rng.integers(2, 7)) for y in range(2021, 2025)},
        },
    ]
    return {
        "regio": code,
        "voorbeeld": True,
        "spelers": players,
        "aanbieders": providers,
        "problematiek": problems,
        "planning": {"deadline": dt.date(2026, 12, 31), "stand_per": dt.date(2026, 6, 30), "mijlpalen": milestones},
        "taken": _tasks(code, rng),
        "financien": finances,
        "monitoring": monitoring,
        **_plan(data, np.random.default_rng([SEED, int(code[2:])])),
        "commentaar": {
            "samenvatting": f"(Voorbeeldtekst) De regio {data.naam} wil vooral meer zicht op geweld dat nu niet "
            "gemeld wordt.",
            "meldingen": "(Voorbeeldtekst) De stijging in de laatste halfjaren hangt deels samen met een campagne.",
        },
    }


def _plan(data: RegionData, rng: np.random.Generator) -> dict:
    """The visie and plan blocks, from their own random stream so that the older blocks stay as they were."""
    members = data.member_codes
    councils = []
    for i, g in enumerate(members):
        if i and rng.random() < 0.1:
            continue  # not yet planned
        planned = dt.date(2026, 10, 1) + dt.timedelta(days=int(rng.integers(0, 75)))
        if i and rng.random() < 0.15:
            planned = dt.date(2026, 6, 1) + dt.timedelta(days=int(rng.integers(0, 25)))  # late at 30 June
        councils.append({"gemeente": g, "gepland": planned})
    phases = [p for p in PHASES_DONE if p["fase"] != "nazorg" or rng.random() < 0.5]
    goals = [dict(g) for g in GOALS if g.get("indicatoren") or rng.random() < 0.8]
    return {
        "uitgangspunten": {
            "procesdoelen": PROCESS_GOALS if len(members) > 1 else PROCESS_GOALS[:2],
            "vormen": FORMS,
            "doelgroepen": TARGET_GROUPS,
            "reikwijdte": "De regiovisie legt de gezamenlijke afspraken vast, en de lokale afspraken die gevolgen "
            "hebben voor de gezamenlijke verantwoordelijkheden (zoals de lokale toegang tot de regionale opvang).",
            "indelingen": [
                {"soort": "jeugdregio", "naam": f"Jeugdregio {data.naam}", "gemeenten": ["alle"]},
                {
                    "soort": "veiligheidsregio",
                    "naam": f"Veiligheidsregio rond {data.naam}",
                    "gemeenten": members[: max(1, len(members) - int(rng.integers(0, 3)))],
                    "buiten_de_regio": ["twee gemeenten van een andere centrumregio"] if rng.random() < 0.5 else [],
                },
            ],
        },
        "besluitvorming": {
            "tafel": f"Bestuurlijk overleg zorg en veiligheid van de regio {data.naam}",
            "vaststelling": "gemeenteraden",
            "trekker": f"Wethouder zorg van {data.naam} (centrumgemeente)",
            "schrijvers": "Beleidsadviseurs van de centrumgemeente"
            + ("" if len(members) == 1 else " en twee andere gemeenten van de regio"),
            "uitvoeringsprogramma": "Een jaarlijks uitvoeringsprogramma volgt drie maanden na de vaststelling.",
            "raden": councils,
        },
        "werkwijze": {"ontwikkelingen": DEVELOPMENTS, "fasen": phases},
        "doelen": goals,
        "ambities": {
            "preventie": "De regio verschuift geld en aandacht naar de voorkant: eerder signaleren in onderwijs, "
            "kinderopvang en wijkteams, zodat minder gezinnen zware hulp nodig hebben.",
            "integraliteit": "Huiselijk geweld en kindermishandeling worden in één aanpak met jeugd en veiligheid "
            "opgepakt, met het Zorg- en Veiligheidshuis als schakel.",
        },
        "regie": {
            "beleidsregie": f"De centrumgemeente {data.naam}, namens alle gemeenten, in het bestuurlijk overleg.",
            "procesregie": "Veilig Thuis bij acute onveiligheid; daarna het lokale team.",
            "casusregie": "Het lokale team of de jeugdbeschermer, per gezin één regisseur.",
            "aansturing": "Het college stuurt de uitvoering aan"
            if len(members) == 1
            else "De gemeenten van de regio sturen via het bestuurlijk overleg; de centrumgemeente voert uit.",
            "verantwoording": "Jaarlijks een verantwoording over besteding en resultaten aan alle colleges.",
            "informatie": "Gegevens worden gedeeld volgens het regionale convenant; alleen wat nodig is voor "
            "veiligheid.",
            "evaluaties": [
                {"datum": dt.date(2027, 6, 30), "tafel": "Bestuurlijk overleg", "wat": "Eerste monitor"},
                {"datum": dt.date(2028, 12, 31), "tafel": "Gemeenteraden", "wat": "Tussenevaluatie"},
            ],
        },
        "preventie": [dict(a) for a in PREVENTION],
        "commentaar_gemeenten": {
            members[-1]: "(Voorbeeldtekst) Onze gemeente wil vooral dat scholen en sportclubs signalen eerder melden."
        },
    }


PROCESS_GOALS = [
    "Gezamenlijke inhoudelijke doelen voor de hele regio, met indicatoren.",
    "Een verdeling van de regionale middelen die alle gemeenten onderschrijven.",
    "Heldere verantwoordelijkheden tussen de centrumgemeente en de andere gemeenten van de regio.",
]
FORMS = [
    "kindermishandeling",
    "(ex-)partnergeweld",
    "ouderenmishandeling",
    "geweld tegen ouders",
    "eergerelateerd geweld",
]
TARGET_GROUPS = ["kinderen en jongeren", "volwassen slachtoffers", "plegers", "ouderen"]
DEVELOPMENTS = [
    {
        "ontwikkeling": "Wet verplichte meldcode: afwegingskader per beroepsgroep",
        "gevolg": "Meer en eerdere meldingen van professionals; terug in de doelen over vroegsignalering.",
    },
    {
        "ontwikkeling": "Toekomstscenario kind- en gezinsbescherming",
        "gevolg": "Lokale teams en Veilig Thuis werken nauwer samen; terug in het hoofdstuk regie.",
    },
]
PHASES_DONE = [
    {
        "fase": "signaleren",
        "behouden": ["Aandachtsfunctionarissen op scholen"],
        "verbeteren": ["Signalen bij ouderen worden laat opgemerkt"],
        "doel_van_verbetering": "Eerder zicht op ouderenmishandeling.",
    },
    {
        "fase": "melden",
        "behouden": ["Eén telefoonnummer van Veilig Thuis, dag en nacht"],
        "verbeteren": ["Terugkoppeling aan de melder"],
    },
    {"fase": "hulp", "behouden": ["Gezinsgerichte aanpak"], "verbeteren": ["Wachttijd ambulante hulp"]},
    {"fase": "nazorg", "behouden": [], "verbeteren": ["Zicht op veiligheid na afsluiten van de hulp"]},
]
GOALS = [
    {
        "doel": "Meer huiselijk geweld komt in beeld",
        "niveau": "regionaal",
        "preventie": True,
        "termijn": "direct",
        "indicatoren": ["Meldingen bij Veilig Thuis per 1.000 inwoners", "bereik_kindermishandeling"],
    },
    {
        "doel": "Professionals signaleren en melden eerder",
        "niveau": "regionaal",
        "preventie": True,
        "termijn": "direct",
        "indicatoren": ["Aandeel meldingen van politie en justitie (%)"],
    },
    {
        "doel": "Sneller passende hulp",
        "niveau": "lokaal",
        "preventie": False,
        "termijn": "later",
        "indicatoren": ["Wachttijd ambulante hulp (dagen)"],
    },
    {"doel": "Blijvende veiligheid na de hulp", "niveau": "lokaal", "preventie": False, "termijn": "later"},
]
PREVENTION = [
    {
        "activiteit": "Training meldcode voor professionals",
        "niveau": "regionaal",
        "doelgroep": "professionals in onderwijs, zorg en kinderopvang",
        "begrotingspost": "Preventie en deskundigheidsbevordering",
    },
    {
        "activiteit": "Voorlichting over gezonde relaties op scholen",
        "niveau": "lokaal",
        "doelgroep": "jongeren van 12 tot 18 jaar",
        "begrotingspost": "Preventie en voorlichting",
        "gemeenten": ["alle"],
    },
    {
        "activiteit": "Huisbezoeken bij ouderen met een verhoogd risico",
        "niveau": "lokaal",
        "doelgroep": "ouderen van 75 jaar en ouder",
    },
]


def _tasks(code: str, rng: np.random.Generator) -> list[dict]:
    """Agreed tasks: the core regional tasks, most of the others, the local ones, sometimes one without money."""
    regional = [t for i, t in enumerate(REGIONAL_TASKS) if i < 3 or rng.random() < 0.6]
    tasks = [{"taak": t, "niveau": "regionaal", "gemeente": code} for t in regional]
    tasks += [{"taak": t, "niveau": "lokaal", "gemeente": "alle"} for t in LOCAL_TASKS]
    if rng.random() < 0.3:
        tasks.append({"taak": "Overige taken", "niveau": "lokaal", "gemeente": "alle"})
    return tasks


def generate(inputs: Inputs) -> dict[Path, str]:
    """The demonstration input file of every region, as YAML text, by path relative to the data folder."""
    rng = np.random.default_rng(SEED)
    inputs = in_year(inputs, 2024)
    regions = inputs.composition.drop_duplicates("centrumgemeente_code").sort_values("centrumgemeente_code")
    out = {}
    for code, name in zip(regions["centrumgemeente_code"], regions["centrumgemeente_naam"], strict=True):
        body = yaml.safe_dump(_region_file(inputs, code, rng), sort_keys=False, allow_unicode=True, width=110)
        out[Path("regios") / code / "regiovisie.yaml"] = HEADER.format(naam=name, code=code) + body
    return out
