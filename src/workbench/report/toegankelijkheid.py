"""The site's accessibility statement (``OUT/toegankelijkheid.html``), in the form Dutch government sites use.

What was tested, how, the result, the known exceptions, and contact details the region fills in. The tests it
describes are the project's own (``tests/test_accessibility.py``): axe-core in Chromium on every kind of page, and
the checks no rule set makes (keyboard, reflow at 320 CSS pixels, text at 200%, charts without colour).
"""

from __future__ import annotations

from workbench.report import html_parts as h

TITLE = "Toegankelijkheidsverklaring regio-analyses huiselijk geweld en kindermishandeling"
AXE_VERSION = "4.14.1"
"""The axe-core version the tests run (``tests/a11y/package.json``; a test keeps the two equal)."""
TESTED_ON = "7 december 2026"
"""When the pages were last tested as this statement describes (changed with the tests, so builds stay equal)."""

TESTED_PAGES = (
    "de regio-analyse van elke regio (getest: Utrecht en Vlaardingen)",
    "de lokale analyse van elke gemeente (getest: de gemeenten van de regio Utrecht)",
    "het landelijk overzicht (index.html)",
    "deze verklaring",
)
METHOD = (
    f"Automatisch: de regels van axe-core {AXE_VERSION} voor WCAG 2.0 en 2.1, niveau A en AA, en de best practices "
    "van axe, in de browser Chromium, bij een schermbreedte van 1280 en van 320 CSS-pixels.",
    "Met het toetsenbord: de link 'Direct naar de inhoud' komt als eerste; elke link, elke uitklapbare tabel onder een "
    "grafiek en elke tabel die kan scrollen is met Tab bereikbaar, in de volgorde van de pagina, met een zichtbare "
    "focusrand.",
    "Herschikken (WCAG 1.4.10): bij 320 CSS-pixels breed scrolt de pagina niet horizontaal; een brede tabel scrolt "
    "binnen haar eigen kader, dat met het toetsenbord bereikbaar is en de naam van de tabel draagt.",
    "Tekst vergroten (WCAG 1.4.4): met tekst op 200% blijft alle inhoud leesbaar, zonder horizontaal scrollen.",
    "Kleur (WCAG 1.4.1): in elke grafiek zijn reeksen ook te onderscheiden zonder kleur (lijnsoort, markering, "
    "arcering of een label); onder elke grafiek staat haar tabel, en elke grafiek heeft een tekstalternatief.",
    "Taal (WCAG 3.1.1 en 3.1.2): de pagina's zijn als Nederlands gemarkeerd; Engelse woorden zoals 'output' en "
    "'outcome' zijn als Engels gemarkeerd.",
)
STATUS = "Deze pagina's voldoen volgens de toetsen hieronder aan WCAG 2.1 niveau AA (zie de uitzonderingen)."
RESULT = (
    "Bij de laatste toets vond axe-core op de geteste pagina's geen schendingen, en de toetsen met toetsenbord, "
    "herschikken, tekstvergroting en kleur slaagden. De pagina's voldoen daarmee volgens deze toetsen aan WCAG 2.1 "
    "niveau AA. Een automatische toets vindt niet alles: een handmatige toets door een deskundige (bijvoorbeeld met "
    "een schermlezer) is nog niet gedaan."
)
EXCEPTIONS = (
    "De downloads (CSV en Excel) zijn databestanden; ze zijn niet op toegankelijkheid getoetst. Dezelfde cijfers "
    "staan als tabel op de pagina.",
    "Een eigen toelichting die een analist in het notebook schrijft, wordt niet vooraf getoetst.",
    "Bij smalle schermen kan axe-core het kleurcontrast van tabelcellen die buiten het scrollkader vallen niet "
    "automatisch bepalen; het zijn dezelfde kleuren als bij een breed scherm, waar het contrast voldoet.",
)
CONTACT = (
    "Contactgegevens: nog in te vullen door de centrumgemeente van de regio (e-mailadres en telefoonnummer voor "
    "vragen over de toegankelijkheid van deze pagina's). Wij reageren binnen vijf werkdagen."
)
PROCEDURE = (
    "Bent u niet tevreden over de reactie? Dan kunt u zich wenden tot de Nationale ombudsman of de ombudsman van uw "
    "gemeente, en voor een oordeel over gelijke behandeling tot het College voor de Rechten van de Mens."
)


def statement() -> str:
    """The statement's HTML (one page: title, scope, status, method, result, exceptions, contact, procedure)."""
    return "".join(
        [
            h.heading(1, TITLE),
            h.para(
                "De centrumgemeenten en hun regio's willen dat iedereen de regio-analyses kan gebruiken. Deze "
                "verklaring gaat over de pagina's die de workbench maakt: "
                + "; ".join(TESTED_PAGES)
                + ". De norm is de Web Content Accessibility Guidelines (WCAG) 2.1, niveau AA, zoals het Besluit "
                "digitale toegankelijkheid overheid die voorschrijft."
            ),
            h.heading(2, "Nalevingsstatus"),
            h.para(STATUS),
            h.heading(2, "Hoe is getoetst"),
            h.bullets(METHOD),
            h.para(f"Laatst getoetst: {TESTED_ON}."),
            h.heading(2, "Resultaat"),
            h.para(RESULT),
            h.heading(2, "Bekende uitzonderingen"),
            h.bullets(EXCEPTIONS),
            h.heading(2, "Contact en feedback"),
            h.para(CONTACT, "missing"),
            h.heading(2, "Handhavingsprocedure"),
            h.para(PROCEDURE),
        ]
    )
