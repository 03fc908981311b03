"""The spoorboekje's questions (``spoorboekje.yaml`` beside this module) and which of them a region has answered.

A question is answered from the data when the table that answers it is there, from the region's input when
every field it needs is filled in the region's ``regiovisie.yaml``, and open otherwise, with what is missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path

import pandas as pd
import yaml

QUESTIONS_FILE = Path(__file__).with_name("spoorboekje.yaml")
FROM_DATA, FROM_INPUT, OPEN = "beantwoord uit de gegevens", "beantwoord uit de invoer van de regio", "nog open"
STATUSES = (FROM_DATA, FROM_INPUT, OPEN)
SOURCES = ("gegevens", "invoer")


@cache
def questions() -> tuple[dict, ...]:
    """Every question of the spoorboekje's chapters 1–3, in its order."""
    items = yaml.safe_load(QUESTIONS_FILE.read_text(encoding="utf-8"))
    for q in items:
        if q["bron"] not in SOURCES or ("tabel" if q["bron"] == "gegevens" else "velden") not in q:
            raise ValueError(f"{QUESTIONS_FILE.name}: question {q.get('id')} lacks its source")
    return tuple(items)


def filled(doc: object, path: str) -> bool:
    """Whether ``path`` ('regie.beleidsregie', 'doelen.termijn') holds a value in the input.

    A list holds it when one of its items does.
    """
    if isinstance(doc, list):
        return any(filled(item, path) for item in doc)
    if not path:
        return doc not in (None, "", [], {})
    if not isinstance(doc, dict):
        return False
    key, _, rest = path.partition(".")
    return key in doc and filled(doc[key], rest)


def coverage(
    invoer: dict | None, tables: Mapping[str, Mapping[str, pd.DataFrame]], one_gemeente: bool = False
) -> pd.DataFrame:
    """The status of every question for one region.

    Parameters
    ----------
    invoer
        The region's validated input file (``None``: none yet).
    tables
        Per report chapter (its key in :mod:`workbench.report.chapters`), the section's tables.
    one_gemeente
        Whether the region is one gemeente: a question about regiogemeenten is then asked of the gemeente.

    Returns
    -------
    pandas.DataFrame
        ``id``, ``hoofdstuk``, ``onderdeel``, ``vraag``, ``status``, ``ontbreekt`` (the fields still to fill, or
        the table that is missing) and ``hoofdstuk_rapport``.
    """
    rows = []
    for q in questions():
        if q["bron"] == "gegevens":
            frame = tables.get(q["hoofdstuk_rapport"], {}).get(q["tabel"])
            answered = frame is not None and not frame.empty
            status, missing = (FROM_DATA, []) if answered else (OPEN, [q["tabel"]])
        else:
            missing = [field for field in q["velden"] if not filled(invoer or {}, field)]
            status = OPEN if missing else FROM_INPUT
        rows.append(
            {
                "id": q["id"],
                "hoofdstuk": q["hoofdstuk"],
                "onderdeel": q["onderdeel"],
                "vraag": q.get("vraag_een_gemeente", q["vraag"]) if one_gemeente else q["vraag"],
                "status": status,
                "bron": q["bron"],
                "ontbreekt": missing,
                "hoofdstuk_rapport": q["hoofdstuk_rapport"],
            }
        )
    return pd.DataFrame(rows)
