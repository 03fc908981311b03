"""Where a figure comes from, said where it is shown: source lines, and the demonstration warning.

Real CBS figures say "Bron: CBS"; figures built on the shipped demonstration data never do: their source line says
"demonstratiecijfers in de vorm van CBS-tabel …", and a chart drawn from them carries the word inside the image,
so that a chart pasted into a council note keeps the warning.
"""

from __future__ import annotations

from matplotlib.figure import Figure

from workbench.report import charts
from workbench.report import html_parts as h

BRON_CBS = "Bron: CBS"
DEMO_TEXT = (
    "de cijfers over Veilig Thuis (meldingen en adviezen) en over het budget in dit rapport zijn "
    "demonstratiecijfers. Ze zijn met een vastgelegde rekenregel gemaakt en komen landelijk overeen met de "
    "gepubliceerde totalen, maar het zijn niet de echte cijfers van deze gemeenten of deze regio. "
    "De bevolkingscijfers en prevalenties zijn wel echt."
)


def vt_source(demonstration: bool, table_id: str = "84851NED") -> str:
    """The source line of a Veilig Thuis figure: 'Bron: CBS' only for real CBS figures."""
    if demonstration:
        return f"Demonstratiecijfers in de vorm van CBS-tabel {table_id}"
    return f"{BRON_CBS} ({table_id})"


def budget_source(demonstration: bool) -> str:
    """The source line of a budget figure."""
    if demonstration:
        return "Demonstratiecijfers in de vorm van het begrotingssjabloon"
    return "Bron: begrotingsoverzicht van de regio"


def data_figure(demonstration: bool, fig: Figure, alt: str, caption: str) -> str:
    """A figure drawn from Veilig Thuis or budget figures: on demonstration data the image itself says so."""
    if demonstration:
        charts.mark_demonstration(fig)
        alt = f"{alt} Demonstratiecijfers."
    return h.figure(fig, alt, caption)
