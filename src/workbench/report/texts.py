"""Every fixed sentence and label the reports show, in one place (Dutch, for reviewers).

Sentences that depend on figures are written by the sections' render functions from these pieces; nothing here
computes anything.
"""

from __future__ import annotations

import pandas as pd

from workbench.contracts import BLOCKED, BUILT, FAILED, UNCHANGED
from workbench.disclosure.rule import ROUND_TO, SECRET_MAX
from workbench.stats import extrapolation, year_view
from workbench.stats.rates import HIGHER, LOWER, NOT_DIFFERENT, UNKNOWN
from workbench.stats.region_rule import (
    METHOD_DERIVED,
    METHOD_DERIVED_MOBW,
    METHOD_OWN,
    METHOD_RULE,
    METHOD_RULE_OUTSIDE_VT,
    METHOD_SOURCE,
)

# --- sources and demonstration data -----------------------------------------------------------------------------

BRON_CBS = "Bron: CBS"
DEMO_TEXT = (
    "de cijfers over Veilig Thuis (meldingen en adviezen) en over het budget in dit rapport zijn "
    "demonstratiecijfers. Ze zijn met een vastgelegde rekenregel gemaakt en komen landelijk overeen met de "
    "gepubliceerde totalen, maar het zijn niet de echte cijfers van deze gemeenten of deze regio. "
    "De bevolkingscijfers en prevalenties zijn wel echt."
)
DEMO_PARTS = {
    "veilig_thuis": "de cijfers over Veilig Thuis (meldingen en adviezen)",
    "veilig_thuis_elders": "de Veilig Thuis-cijfers van Nederland, de VT-regio en andere regio's",
    "begroting": "de cijfers over het budget",
}
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def date_in_words(iso: str) -> str:
    """'2025-03-01' as '1 maart 2025'; an empty date stays empty."""
    if not iso:
        return ""
    year, month, day = (int(x) for x in str(iso)[:10].split("-"))
    return f"{day} {MONTHS[month - 1]} {year}"


def demo_text(parts: list[str]) -> str:
    """The demonstration banner, naming which parts (keys of :data:`DEMO_PARTS`) are demonstration figures."""
    if set(parts) == {"veilig_thuis", "begroting"}:
        return DEMO_TEXT
    named = " en ".join(DEMO_PARTS[p] for p in parts)
    return (
        f"{named} in dit rapport zijn demonstratiecijfers: met een vastgelegde rekenregel gemaakt, niet de echte "
        "cijfers. De andere cijfers zijn echt; waar ze vandaan komen staat bij elke figuur en in de Verantwoording."
    )


def own_label(entries, table_id: str) -> str:
    """The region's own registrations for a table in words: 'eigen registratie van de regio (bestand, datum)'."""
    files = "; ".join(f"{e.bestand}, {date_in_words(e.datum)}" for e in entries if e.tabel == table_id)
    return f"eigen registratie van de regio ({files})" if files else ""


PARTS_IN_WORDS = {"veilig_thuis": "Veilig Thuis", "begroting": "Begroting"}


def provenance_line(entry) -> str:
    """One entry of the provenance register (a row of the Verantwoording's ``herkomst`` table) in words."""
    part = PARTS_IN_WORDS.get(entry.onderdeel, entry.onderdeel)
    if entry.soort == "CBS":
        details = [
            f"CBS-tabel {entry.tabel}" + (f" ({entry.titel})" if entry.titel else ""),
            f"opgehaald op {date_in_words(entry.datum)}" + (f" via de open-data-API {entry.api}" if entry.api else ""),
        ]
        if entry.gewijzigd:
            details.append(f"door CBS bijgewerkt op {date_in_words(entry.gewijzigd)}")
        if entry.perioden:
            details.append(f"perioden {entry.perioden}")
    elif entry.soort == "demonstratie":
        shape = f" in de vorm van CBS-tabel {entry.tabel}" if entry.tabel else ""
        details = [f"demonstratiecijfers{shape}, gemaakt door {entry.bron}"]
    elif entry.soort == "eigen":
        details = [f"{entry.bron}, bestand van {date_in_words(entry.datum)}"]
    else:
        details = [entry.bron]
    return f"{part}: " + "; ".join(details) + f". Licentie: {entry.licentie}. Bestand: {entry.bestand}."


def vt_source(demonstration: bool, table_id: str = "84851NED", eigen: tuple = ()) -> str:
    """The source line of a Veilig Thuis figure: 'Bron: CBS' only for real CBS figures.

    With the region's own registrations for the table (``eigen``: provenance entries) the line says which
    figures are its own and where the others come from.
    """
    table = f"Demonstratiecijfers in de vorm van CBS-tabel {table_id}" if demonstration else f"{BRON_CBS} ({table_id})"
    own = own_label(eigen, table_id)
    if not own:
        return table
    others = table[0].lower() + table[1:] if demonstration else table.removeprefix("Bron: ")
    return f"Bron voor de gemeenten van de regio: {own}; voor andere gebieden: {others}"


def budget_source(demonstration: bool) -> str:
    """The source line of a budget figure."""
    if demonstration:
        return "Demonstratiecijfers in de vorm van het begrotingssjabloon"
    return "Bron: begrotingsoverzicht van de regio"


# --- units, marks and labels ------------------------------------------------------------------------------------

RATE_UNIT = "per 1.000 inwoners op 1 januari 2020"
RATE_AXIS = "meldingen per 1.000 inwoners (1 januari 2020)"
NOT_APPLICABLE = "n.v.t."
UNKNOWN_SAID = "een onbekend aantal (alle gemeentecijfers geheim)"
APPROXIMATION_NOTE = "benadering: berekend uit sommen met geheime gemeentecijfers"
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
PEER_FEATURE_LABELS = {
    "stedelijkheid": "stedelijkheid (1–5)",
    "dichtheid": "inwoners per km²",
    "bijstand_per_1000": "bijstand per 1.000",
    "pct_eenpersoons": "% eenpersoons",
    "pct_0_14": "% 0–14",
    "pct_65_plus": "% 65+",
}
"""Column headers of the peer table (short, so the table fits a page)."""

# --- 1. Samenvatting and 3. Meldingen -----------------------------------------------------------------------------

LEVEL_TEXT = {
    HIGHER: "hoger dan het landelijk gemiddelde; het verschil is groter dan toeval verklaart",
    LOWER: "lager dan het landelijk gemiddelde; het verschil is groter dan toeval verklaart",
    NOT_DIFFERENT: "niet duidelijk anders dan het landelijk gemiddelde",
    UNKNOWN: "niet te vergelijken met het landelijk gemiddelde, omdat de cijfers geheim zijn",
}
BEREIK_CAVEAT = (
    "Een melding is geen slachtoffer: één kind kan vaker gemeld worden, een melding kan over meer kinderen "
    "gaan, en een melding over kindermishandeling kan ook gaan over een kind dat getuige is van geweld tussen "
    "de ouders. De schatting is bovendien landelijk."
)
REGISTRATION_CAVEAT = (
    "Cijfers van Veilig Thuis verschillen tussen regio's ook door verschillen in registratie; vergelijk ze daarom "
    "met voorzichtigheid."
)
FUNNEL_EXPLANATION = (
    "Een gemeente buiten de grenzen van de trechter wijkt meer af van het landelijk gemiddelde dan bij "
    "haar omvang door toeval te verwachten is. Binnen de grenzen is een verschil niet zeker. De grenzen "
    "gebruiken dezelfde toets als de tabel (exacte Poisson-intervallen), dus beide zeggen hetzelfde."
)

# --- 2. De regio ------------------------------------------------------------------------------------------------

RISK_FACTORS = (
    "Bijstand, scheidingen en alleenwonen hangen samen met een hoger risico op huiselijk geweld; de cijfers over "
    "lage inkomens en jeugdzorg ontbreken in deze editie van de CBS-tabel."
)
ASSIGNMENT_MEANING = {
    METHOD_OWN: "eigen lijst van de regio",
    METHOD_SOURCE: "een bron noemt de gemeente in deze regio",
    METHOD_DERIVED: "afgeleid: een bron noemt de regio als geheel (bijvoorbeeld een provincie)",
    METHOD_DERIVED_MOBW: "afgeleid uit de regio voor maatschappelijke opvang en beschermd wonen van dezelfde "
    "centrumgemeente (een zwakkere aanwijzing)",
    METHOD_RULE: "geen bron gevonden: ingedeeld met de rekenregel van de workbench",
    METHOD_RULE_OUTSIDE_VT: "geen bron gevonden: ingedeeld met de rekenregel van de workbench (buiten de eigen "
    "VT-regio)",
}
"""What each level of a gemeente's assignment to its region means (the legend under De regio)."""
WEAK_ASSIGNMENT = {
    "A": "afgeleid uit een bron over de regio als geheel",
    "M": "afgeleid uit de regio voor maatschappelijke opvang en beschermd wonen",
    "R": "alleen ingedeeld met de rekenregel, omdat er geen bron is gevonden",
}

# --- 4. Omvang --------------------------------------------------------------------------------------------------

OMVANG_INTRO = (
    "Hoeveel inwoners zijn naar verwachting jaarlijks slachtoffer, als de landelijke "
    "prevalentie ook hier geldt? De tabel zet de schatting naast de meldingen bij Veilig Thuis."
)
AGE_GROUP_ASSUMPTION = (
    "Leeftijdsgroepen die CBS niet als band geeft, zijn afgeleid uit de banden 0–14, 15–24, 25–44, 45–64 en 65+ "
    "met de aanname dat leeftijden binnen een band gelijk verdeeld zijn: 0–17 jaar = 0–14 + 3/10 × 15–24; "
    "12–17 jaar = 3/15 × 0–14 + 3/10 × 15–24; 16 jaar en ouder = totaal − 0–14 − 1/10 × 15–24."
)
"""The assumption behind :func:`workbench.stats.extrapolation.age_groups`, for reviewers."""
OMVANG_CAVEATS = [
    "Een schatting is landelijke prevalentie maal het aantal inwoners in de leeftijdsgroep; ze veronderstelt "
    "dat het risico in de regio gelijk is aan het landelijke. Het is een schatting, geen telling.",
    "Het bereik is het aantal meldingen gedeeld door het geschatte aantal slachtoffers. Een melding kan over "
    "meer personen gaan en één persoon kan vaker gemeld worden; het bereik is dus een grove indicatie.",
    "De prevalentiestudies komen uit verschillende jaren dan de meldingen, en gebruiken eigen definities.",
    AGE_GROUP_ASSUMPTION,
]

# --- 5. Vergelijkbare regio's -----------------------------------------------------------------------------------

PEERS_METHOD = (
    "Vergelijkbare regio's zijn de vijf regio's die het meest lijken op deze regio op zeven kenmerken uit CBS "
    "Kerncijfers wijken en buurten 2020: omvang (logaritme van het aantal inwoners), stedelijkheid (naar inwoners "
    "gewogen), bevolkingsdichtheid, bijstand per 1.000 inwoners, aandeel eenpersoonshuishoudens, aandeel 0–14 jaar "
    "en aandeel 65-plussers. Elk kenmerk is gestandaardiseerd over de 35 regio's; de afstand is de gewone "
    "(euclidische) afstand, met gelijke gewichten."
)

# --- 6–12. The regiovisie chapters ------------------------------------------------------------------------------

EXAMPLE = "Dit hoofdstuk is gevuld met voorbeeldinvoer (demonstratie), niet met afspraken van de regio zelf."
MISSING = {
    "problematiek": "de specifieke problematiek in de regio (zoals loverboys, eerwraak, ouderenmishandeling), met "
    "een toelichting",
    "aanbieders": "de huidige aanbieders van zorg en hulpverlening, met de soort hulp en de gemeenten die zij bedienen",
    "spelers": "de betrokken partijen, met hun rol (meedenken, meebeslissen, meeweten) en de fase waarin zij "
    "betrokken zijn",
    "taken": "de afgesproken taken, regionaal of lokaal, en welke gemeente ze uitvoert",
    "planning": "de deadline, de datum van de stand van zaken en de mijlpalen met hun datum",
    "financien": "wat het regionale budget betaalt, wat er met een overschot gebeurt en hoe een tekort wordt "
    "verdeeld (naar inwoners of met een afgesproken sleutel)",
    "monitoring": "de indicatoren waarmee de regio elk jaar volgt of het beleid werkt, met definitie, basislijn, "
    "doel, jaar en bron",
    "uitgangspunten": "de procesdoelen, de vormen van geweld en de doelgroepen die de regiovisie omvat, de "
    "reikwijdte van de afspraken en de andere regio-indelingen (jeugdregio, Wmo-regio, arbeidsmarktregio, "
    "veiligheidsregio, politie-eenheid) onder 'uitgangspunten'",
    "besluitvorming": "aan welke tafel de regiovisie wordt besproken, wie haar vaststelt (portefeuillehouders, "
    "colleges of gemeenteraden), de trekker, de schrijvers en wanneer elke gemeenteraad besluit, onder "
    "'besluitvorming'",
    "raden": "wanneer elke gemeenteraad besluit (gepland en besloten) onder 'besluitvorming: raden'",
    "werkwijze": "per fase (signaleren, melden, hulp, nazorg) wat werkt en behouden blijft en wat beter moet, en de "
    "nieuwe ontwikkelingen die de aanpak raken, onder 'werkwijze'",
    "werkwijze_fasen": "per fase (signaleren, melden, hulp, nazorg) wat behouden blijft en wat beter moet, onder "
    "'werkwijze: fasen'",
    "ontwikkelingen": "de nieuwe ontwikkelingen en wat zij voor de regio betekenen, onder 'werkwijze: ontwikkelingen'",
    "doelen": "de doelen, elk met niveau (regionaal of lokaal), of het om preventie gaat, de termijn en de "
    "indicatoren die het doel volgen, onder 'doelen'",
    "ambities_preventie": "hoeveel accent de regio legt op preventie en vroegsignalering, onder 'ambities: preventie'",
    "ambities_integraliteit": "hoe de aanpak samenhangt met veiligheid en jeugd, onder 'ambities: integraliteit'",
    "regie": "wie de beleidsregie, procesregie en casusregie voert, hoe de centrumgemeente wordt aangestuurd en "
    "verantwoording aflegt, en wanneer de evaluatie terugkomt, onder 'regie'",
    "evaluaties": "wanneer en aan welke tafel de evaluatie terugkomt, onder 'regie: evaluaties'",
    "preventie": "de lokale en regionale preventieve activiteiten met hun doelgroep en begrotingspost, onder "
    "'preventie'",
}
"""Per chapter: what the region has not given yet (completes 'Voor dit hoofdstuk ontbreekt nog invoer …')."""
SPELERS_INTRO = "Wie moet in welke fase betrokken worden, en hoe: meebeslissen, meedenken of meeweten."
MONITORING_INTRO = (
    "Elk jaar zien of het beleid werkt: per indicator de laatste waarde tegen de basislijn "
    "en het doel. 'Op koers' betekent: minstens zo ver als een rechte lijn van basislijn "
    "naar doel voor dat jaar verwacht."
)
CYCLE_INTRO = (
    "De leer- en verbetercyclus helpt de regio in zes stappen de gewenste resultaten te bereiken. Elke indicator "
    "hoort bij een stap; een stap zonder afgesproken indicator wordt nog niet gemeten."
)
KENGETALLEN_INTRO = (
    "Deze kengetallen berekent de workbench zelf uit de gepubliceerde cijfers. Meldingen en adviezen tellen wat "
    "Veilig Thuis doet (output). Het bereik en het aandeel meldingen van andere melders dan politie en justitie "
    "komen dichter bij wat de aanpak bereikt (outcome): hoeveel van het geschatte geweld in beeld komt, en of "
    "professionals het eerder zien."
)
OUTCOME_MISSING = "Wat de workbench niet kan meten, omdat er geen openbare bron voor is:"
BEANTWOORD_INTRO = (
    "Het spoorboekje voor een regiovisie (RegioAanpak Veilig Thuis) noemt de vragen die een regio moet "
    "beantwoorden. Hieronder staat elke vraag van de hoofdstukken 1 tot en met 3, met waar dit rapport haar "
    "beantwoordt: uit de meegeleverde gegevens, uit de invoer van de regio, of nog niet."
)


def how_to_answer(code: str, source: str, missing: list[str]) -> str:
    """What a region does to answer an open question: fill these fields, or supply the missing data."""
    if source == "gegevens":
        return f"De gegevens voor deze vraag ontbreken (tabel {', '.join(missing)}); lever ze aan en bouw opnieuw."
    fields = ", ".join(f"‘{m}’" for m in missing)
    return (
        f"Vul {fields} in, in regios/{code}/regiovisie.yaml (‘workbench init-region {code}’ maakt een sjabloon "
        "met uitleg)."
    )


REPORT_PARTS = "Deel 1 is de regio-analyse, deel 2 de visie en het plan."
COMMENTARY_HEADING = "Toelichting van de regio"
NOT_GIVEN = "(nog niet ingevuld)"
COMMENTARY_GEMEENTE = "Toelichting van de gemeente"
LOCAL_INTRO = (
    "Wat betekenen de cijfers van de regio voor deze gemeente? Deze pagina zet de gemeente naast haar regio en "
    "Nederland, met dezelfde bronnen en dezelfde geheimhouding als de regio-analyse: kleine aantallen staan als "
    "'.', en waar de gemeente te klein is voor eigen cijfers, staan die van de regio ernaast."
)
"""A part of a plan chapter the region has not filled in yet."""
UITGANGSPUNTEN_INTRO = (
    "Waar de regiovisie over gaat en met wie de centrumregio samenwerkt. De gemeenten van een centrumregio werken "
    "ook samen in andere regio's; waar die niet samenvallen, vraagt de aanpak extra afstemming."
)
ADOPTION_LEVEL = {
    "portefeuillehouders": "het bestuurlijk overleg van portefeuillehouders",
    "colleges": "de afzonderlijke colleges",
    "gemeenteraden": "de gemeenteraden",
}
WERKWIJZE_INTRO = (
    "De huidige werkwijze per fase van de aanpak: wat werkt en behouden blijft, wat beter moet en waartoe de "
    "verbetering moet leiden."
)
NO_INDICATOR_FLAG = "geen indicator (nog niet te volgen)"
REGIE_PARTS = {
    "beleidsregie": "Beleidsregie",
    "procesregie": "Procesregie",
    "casusregie": "Casusregie",
    "aansturing": "Aansturing van de centrumgemeente",
    "verantwoording": "Verantwoording aan de andere gemeenten",
    "informatie": "Informatie delen in de keten",
}
"""The parts of the regie chapter, by their field in the input file."""
NO_BUDGET_POST = "geen post opgegeven"
NOT_IN_BUDGET = "geen uitgaven op deze post"

# --- 13. Verantwoording -----------------------------------------------------------------------------------------

DEFINITIONS = [
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
    (". (punt)", "Geheim of onbekend: alle cijfers achter deze waarde zijn geheim. Een punt is nooit nul."),
    ("n.v.t.", "Niet van toepassing: Veilig Thuis registreert deze vorm niet apart."),
]
ASSUMPTIONS = [
    AGE_GROUP_ASSUMPTION,
    "Rekenregel voor de regio-indeling (alleen waar geen bron is gevonden): een gemeente hoort bij de Veilig "
    "Thuis-regio waarin haar representatieve punt ligt; binnen een Veilig Thuis-regio met meer "
    "centrumgemeenten bij de centrumgemeente waarvan het gebied het dichtst bij dat punt ligt (bij gelijke "
    "afstand: het dichtstbijzijnde representatieve punt). De regio kan de indeling vervangen door haar "
    "eigen lijst.",
    "Ouderenmishandeling: de prevalentie onder thuiswonende 65-plussers is toegepast op alle 65-plussers.",
]
DISCLOSURE = (
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
POPULATION_SOURCE = (
    "CBS, Kerncijfers wijken en buurten 2020 (tabel 84799NED), peildatum 1 januari 2020; CC BY 4.0. "
    "Bevolking, leeftijd, huishoudens, bijstand, stedelijkheid."
)
BOUNDARY_SOURCE = "CBS/PDOK, gebiedsindelingen 2020 (gegeneraliseerd): gemeenten en Veilig Thuis-regio's; CC BY 4.0."
CHANGES_SOURCE = (
    "Gemeentelijke herindelingen sinds 2020: CBS, Gemeentelijke indeling op 1 januari 2021, 2022 en 2023; de "
    "splitsing van Haaren volgens het herindelingsadvies Haaren. Het rapport volgt de gemeenten van het "
    "verslagjaar; cijfers van eerdere jaren zijn naar die gemeenten opgeteld."
)
COMPOSITION_SOURCE = (
    "Indeling in 35 regio's: per gemeente uit openbare bronnen (regiovisies, raadsbrieven, regionale "
    "websites); waar geen bron is gevonden met de rekenregel hieronder; een eigen lijst van de regio gaat "
    "voor alles. De bronnen voor deze regio staan hieronder."
)

# --- municipal reorganisations ----------------------------------------------------------------------------------


def _names(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


def _part(name: str) -> str:
    """A part of a gemeente in a sentence: a village with its article ('het dorp Esch (gemeente Haaren)')."""
    return f"het {name}" if name.startswith("dorp ") else name


def change_sentence(row: pd.Series, when: str) -> str:
    """One reorganisation that concerns the region (a row of :func:`workbench.stats.year_view.region_changes`).

    ``when`` is the date of the change as the sentence says it.
    """
    parts = [_part(p) for p in row["delen"]]
    if row["soort"] == year_view.LEFT:
        text = (
            f"{parts[0]} hoorde in 2020 bij deze regio en hoort sinds {when} bij {row['gemeente']}, "
            f"in de regio {row['naar_regio']}."
        )
        return text[0].upper() + text[1:]
    verb = "ontstond op {when} uit" if row["soort"] == year_view.CREATED else "is op {when} uitgebreid met"
    text = f"{row['gemeente']} {verb.format(when=when)} {_names(parts)}."
    if row["elders"]:
        why = (
            f"de bronnen van de samenstelling delen {row['gemeente']} bij deze regio in"
            if row["grond"] == year_view.GROUND_OWN_CODE
            else f"{row['gemeente']} volgt de regio van haar grootste deel"
        )
        text += f" In 2020 lag {_names([_part(p) for p in row['elders']])}; {why}."
    return text


def changes_intro(periode: int) -> str:
    """What the report does with the gemeenten that changed since 2020."""
    return (
        f"Dit rapport volgt de gemeenten zoals ze in {periode} bestaan. Sinds de indeling van 2020, waarop de "
        "bevolkingscijfers rusten, veranderde de indeling van deze regio:"
    )


CHANGES_FIGURES = (
    "Bevolking en kenmerken zijn de cijfers van 1 januari 2020, opgeteld naar deze gemeenten. Veilig "
    "Thuis-cijfers van eerdere jaren staan bij CBS in de gemeenten van dat jaar en zijn hier opgeteld naar de "
    "gemeenten van nu."
)

MERGED_BOUNDARIES = ", samengevoegde gemeenten als één gebied; een opgeheven en verdeelde gemeente als 'voormalig'"


def split_trend_note(gemeenten: list[str]) -> str:
    """Why some sums in the trend are lower bounds although no cell behind them is secret."""
    names = _names(gemeenten)
    return (
        f" Meldingen uit {names} van vóór de opheffing zijn niet per dorp bekend: ze tellen niet mee in de "
        "ondergrens van deze regio."
    )


def split_figures(gemeenten: list[str]) -> str:
    """How the figures of gemeenten split over several others (Haaren) are carried."""
    names = _names(gemeenten)
    return (
        f" De dorpen van {names} hebben de bevolking uit de wijkcijfers van CBS (tabel 84799NED). Meldingen "
        f"uit {names} van vóór de opheffing zijn niet per dorp bekend: ze tellen in de ontvangende gemeenten "
        "en regio's niet mee in de ondergrens, alleen in de bovengrens."
    )


# --- the national overview --------------------------------------------------------------------------------------

BUILD_STATUS = {
    BUILT: "nieuw gebouwd",
    UNCHANGED: "ongewijzigd",
    FAILED: "mislukt",
    BLOCKED: "niet gebouwd: invoer afgekeurd",
}
BEREIK_FLAGS = {extrapolation.ABOVE: "bereik boven 100%", extrapolation.AROUND: "bereik rond 100%"}
"""The overview's flag for regions with about as many or more meldingen than estimated victims."""

POPULATION_DATE = "1 januari 2020"
"""The date of the population every rate is divided by."""
MARKS_EXPLAINED = (
    "Tekens: '.' = geheim of onbekend (nooit 0); '≥ 45' = ondergrens, omdat gemeentecijfers geheim zijn (in de "
    "werkmap is de cel het getal 45 met het teken in de weergave); 'ca.' = benadering; 'n.v.t.' = niet van "
    "toepassing. Tekst die met =, +, -, @ begint, staat als tekst in de bestanden, nooit als formule."
)
DOWNLOADS_INTRO = (
    "Elke tabel en de cijfers bij elke figuur van deze pagina zijn te downloaden: als CSV-bestand (puntkomma's en "
    "decimale komma's, zoals Excel in het Nederlands het opent) en samen in één Excel-werkmap met een blad "
    "'Toelichting' (bronnen, peildatum, geheimhouding, versie). Elke rij noemt de regio en het verslagjaar; "
    "geheime cijfers blijven '.'."
)


def page_title(region_name: str, year: int) -> str:
    """The browser title of a region's report: 'Regiovisie Utrecht 2024'."""
    return f"Regiovisie {region_name} {year}"


def local_page_title(gemeente: str, year: int) -> str:
    """The browser title of a gemeente's page: 'Lokale analyse Bunnik 2024'."""
    return f"Lokale analyse {gemeente} {year}"


def overview_title(year: int) -> str:
    """The browser title of the national overview."""
    return f"Regio-analyses huiselijk geweld en kindermishandeling: landelijk overzicht {year}"


DOWNLOADS_TITLE = "Downloads"
"""The heading of a page's list of files."""
BACK_TO_OVERVIEW = "← Landelijk overzicht van alle regio's"
"""The link from a region's report back to the national overview."""


def withheld_regions(names: list[str]) -> str:
    """The sentence for regions whose input failed validation, so that no page shows their figures."""
    which = "deze regio" if len(names) == 1 else "deze regio's"
    return (
        f"Van {_names(names)} staan hier geen cijfers: de invoer voor {which} is bij de controle afgekeurd, en "
        "cijfers uit afgekeurde invoer staan op geen enkele pagina."
    )


CHANGE_METHOD = (
    "Beide jaren zijn gerekend met dezelfde gemeenten (de indeling van het verslagjaar) en met de bevolking op "
    "1 januari 2020, dus een verandering in een cijfer per 1.000 is een verandering in het aantal. Getoetst is of "
    "de verandering groter is dan toeval: aantallen en cijfers per 1.000 (en het bereik) met de exacte "
    "voorwaardelijke Poissontoets, adviezen per melding met dezelfde toets met de meldingen als noemer, aandelen "
    "met de exacte toets van Fisher; beide tweezijdig (de kleinste staart verdubbeld), 'groter dan toeval' bij p "
    "kleiner dan 0,05. Bij tien toetsen is één uitkomst 'groter dan toeval' op zichzelf nog geen bewijs. Een "
    "verandering waarin een geheime cel meetelt, wordt niet getoond ('.'). Uitgaven zijn geen steekproef en worden "
    "niet getoetst."
)
"""How the changes of 'Wat is veranderd' are computed and tested."""


FORECAST_METHOD = (
    "Hoe de verwachting is gemaakt: een rechte lijn door het logaritme van de meldingen per halfjaar (een vaste "
    "groei per jaar) met een vast verschil tussen het eerste en het tweede halfjaar, geschat met de kleinste "
    "kwadraten (statsmodels). Het interval is het 95%-voorspellingsinterval voor een nieuw halfjaar: het wordt "
    "breder naarmate de reeks grilliger was. Alleen reeksen waarvan elk halfjaar exact bekend is (geen geheime "
    "cellen) en die minstens acht halfjaren lang zijn, krijgen een verwachting. De terugtoets schat het model "
    "opnieuw op de jaren vóór elk van de laatste twee jaren en vergelijkt de verwachting met wat er gemeld werd. "
    "Een verwachting is geen doel en geen norm: een betere signalering kan juist tot meer meldingen leiden."
)
"""How 'Verwachting' forecasts the meldingen and tests itself."""


SPLIT_SECRETS = (
    "Een regiocijfer waarin een geheime gemeentecel ontbreekt, is een ondergrens ('≥'); een aandeel waarin zo'n cel "
    "in het totaal ontbreekt, is een benadering ('ca.'); een geheim gemeentecijfer staat er als '.'."
)
"""How the tables of a split by category mark what secret cells leave out."""

ASSESSMENT_NOTE = (
    "Veilig Thuis beoordeelt bij elke melding of iemand acuut of structureel onveilig is en wat er moet gebeuren: "
    "vervolgstappen bij Veilig Thuis zelf, overdracht aan een andere partij (zoals het wijkteam), geen vervolgstappen, "
    f"of regionaal maatwerk. {SPLIT_SECRETS} Wat er na de overdracht gebeurt, staat in het volgende hoofdstuk."
)
"""How to read the chapter Veiligheidsbeoordeling."""


FOLLOW_UP_NOTE = (
    "Na een melding en de veiligheidsbeoordeling sluit Veilig Thuis de melding af: met een overdracht aan het lokale "
    "veld (het wijkteam of sociaal team van de gemeente, of andere lokale hulpverlening), met een overdracht aan een "
    "andere partij (zoals jeugdbescherming, de Raad voor de Kinderbescherming of de politie), of zonder overdracht. "
    f"'Waarvan wijkteam' is een deel van 'naar lokaal veld'. {SPLIT_SECRETS} Of de hulp daarna werkte, staat niet "
    "in deze tabel."
)
"""How to read the chapter Vervolg na de melding."""

INVENTED_PROPORTIONS = (
    "Let op: de verhoudingen in deze demonstratietabel zijn verzonnen. Er is geen gepubliceerde landelijke of "
    "regionale verdeling gevonden van wat er na een melding gebeurt; de totalen zijn die van de "
    "demonstratiemeldingen."
)
"""Said wherever the demonstration table of what followed a melding (84854NED) is shown."""

INVENTED_PROPORTIONS_SHORT = "De verhoudingen van tabel 84854NED (vervolg na de melding) zijn verzonnen."
"""The same, where a figure from that table stands among others (the kengetallen)."""
