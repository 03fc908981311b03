"""The six-step learning and improvement cycle (leer- en verbetercyclus) and which indicators serve each step.

The steps and their questions are those of the policy-cycle text (NJi and Movisie, 'Over beleid'; the third
step's question repeats the fourth's there, and is kept as written). A step without an agreed indicator of the
region is flagged: the region does not yet measure it.
"""

from __future__ import annotations

import pandas as pd

from workbench.io.regiovisie_plan import CYCLE_STEP_NAMES

QUESTIONS = (
    "Hoe gaat het met onze inwoners en wat zijn onze ambities?",
    "Hoe maken we onze ambities meetbaar?",
    "Hoe zorgen voorzieningen voor kwaliteit?",
    "Hoe zorgen voorzieningen voor kwaliteit?",
    "Welke directe outcome leveren de voorzieningen?",
    "Hoe kunnen gemeenten en voorzieningen de outcome verbeteren?",
)
STEPS = tuple(
    (n, name.capitalize(), question)
    for n, (name, question) in enumerate(zip(CYCLE_STEP_NAMES, QUESTIONS, strict=True), 1)
)
"""(number, name, question) of every step."""
NO_INDICATOR = "geen indicator afgesproken"

MISSING_OUTCOME = (
    "of het geweld stopt of terugkomt na een melding (herhaald slachtofferschap)",
    "hoe veilig een gezin is en zich voelt, bijvoorbeeld anderhalf jaar na de melding",
    "wat cliënten van de hulp vinden en of die aansloot bij wat zij nodig hadden",
    "hoe lang het duurt voordat passende hulp begint",
)
"""Outcome data the workbench has no source for: a region adds them as its own indicators (step 5)."""


def cycle(agreed: pd.DataFrame, computed: pd.DataFrame) -> pd.DataFrame:
    """Per step of the cycle: the region's agreed indicators, the workbench's kengetallen, and a flag.

    Parameters
    ----------
    agreed
        The region's monitoring indicators: ``naam`` and ``stap``.
    computed
        The kengetallen: ``kengetal`` and ``stap``.

    Returns
    -------
    pandas.DataFrame
        ``stap`` (number), ``naam``, ``vraag``, ``indicatoren van de regio`` and ``kengetallen`` (lists of names),
        ``zonder indicator`` (True where the region agreed none).
    """
    rows = []
    for number, name, question in STEPS:
        own = agreed.loc[agreed["stap"] == number, "naam"].tolist() if not agreed.empty else []
        figures = computed.loc[computed["stap"] == number, "kengetal"].tolist() if not computed.empty else []
        rows.append(
            {
                "stap": number,
                "naam": name,
                "vraag": question,
                "indicatoren van de regio": own,
                "kengetallen": figures,
                "zonder indicator": not own,
            }
        )
    return pd.DataFrame(rows)
