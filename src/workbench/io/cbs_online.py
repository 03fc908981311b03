"""Optional: fetch a Veilig Thuis table from CBS's OData service with ``cbsodata`` (``pip install .[online]``).

Nothing in the workbench needs this at run time: the shipped data works offline. An analyst who is online can
fetch the real figures for a table and save them in the StatLine CSV form the readers take.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pandas as pd

from workbench.io.statline import TableSpec, read_cbsodata_records


def fetch_table(spec: TableSpec, filters: str | None = None, client: object | None = None) -> pd.DataFrame:
    """Fetch a table through ``cbsodata`` and return it in the tidy form of :mod:`workbench.io.statline`.

    Parameters
    ----------
    spec
        The table (e.g. :data:`workbench.io.statline.VT_AARD`).
    filters
        An OData filter, e.g. ``"startswith(RegioS,'GM0344')"``.
    client
        The ``cbsodata`` module or a stand-in with ``get_data`` and ``get_meta``; imported when ``None``.

    Returns
    -------
    pandas.DataFrame
        The tidy long frame.
    """
    if client is None:
        try:
            client = importlib.import_module("cbsodata")
        except ImportError as exc:
            raise RuntimeError("fetching from CBS needs the optional package: pip install -e '.[online]'") from exc
    records = client.get_data(spec.table_id, filters=filters)
    codelists = {dim: client.get_meta(spec.table_id, dim) for dim in ("RegioS", "Perioden", spec.dimension)}
    return read_cbsodata_records(records, spec, codelists, source=f"CBS {spec.table_id}")


def save_as_statline_csv(tidy: pd.DataFrame, spec: TableSpec, path: Path) -> None:
    """Write a tidy table in the StatLine CSV form (``;``, quoted, ``.`` for secret) the readers take."""
    # unstack, not pivot_table: a row whose cells are all secret must survive
    wide = tidy.set_index(["regio_code", "periode", "voorlopig", "categorie_code", "maat"])["aantal"]
    wide = wide.unstack("maat").reset_index()
    topic_of = {measure: topic for topic, measure in spec.topics.items()}
    out = pd.DataFrame(
        {
            "RegioS": wide["regio_code"],
            "Perioden": wide["periode"] + wide["voorlopig"].map({True: "*", False: ""}),
            spec.dimension: wide["categorie_code"],
        }
    )
    for measure, topic in topic_of.items():
        out[topic] = wide[measure].map(lambda v: "." if pd.isna(v) else str(int(v))) if measure in wide else "."
    out.to_csv(path, sep=";", index=False, quoting=1, lineterminator="\n")
