"""A published 0 and CBS's nil marker '-' are counts in 0–7: secret on every page and in every download, never 0."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from pages import Figures, Tables
from workbench.contracts import DOWNLOAD_DIR
from workbench.io.statline import VT_AARD, read_statline_file, secret_small_counts

ZERO = re.compile(r"(?:≥\s?)?[0\u2212-]?0(?:[,.]0+)?\s?%?")
"""A cell that says zero (0, 0,0, 0%, ≥ 0)."""


@pytest.mark.unit
def test_a_published_zero_and_the_nil_marker_are_read_as_secret(tmp_path: Path):
    path = tmp_path / "84851NED.csv"
    rows = [
        '"ID";"RegioS";"Perioden";"AardVanHetGeweld";"GestarteAdviezen_1";"OntvangenMeldingen_2"',
        '"0";"GM0344";"2024JJ00";"T001";"0";"-"',
        '"1";"GM0589";"2024JJ00";"T001";"15";"."',
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    tidy = read_statline_file(path, VT_AARD).set_index(["regio_code", "maat"])
    for maat in ("gestarte_adviezen", "ontvangen_meldingen"):
        assert tidy.loc[("GM0344", maat), "status"] == "geheim" and pd.isna(tidy.loc[("GM0344", maat), "aantal"])
    assert tidy.loc[("GM0589", "gestarte_adviezen"), "aantal"] == 15


@pytest.mark.unit
def test_only_zero_and_nil_become_secret():
    counts = pd.Series([0, 15, pd.NA, pd.NA], dtype="Int64")
    states = pd.Series(["waarde", "waarde", "nihil", "geheim"], dtype="string")
    got_counts, got_states = secret_small_counts(counts, states)
    assert got_states.tolist() == ["geheim", "waarde", "geheim", "geheim"]
    assert got_counts.isna().tolist() == [True, False, True, True] and counts.tolist()[0] == 0  # input untouched


def _zero_cells(rows: list[list[str]], name: str) -> list[list[str]]:
    return [row for row in rows if row and any(name in c for c in row[:3]) and any(ZERO.fullmatch(c) for c in row)]


@pytest.mark.e2e
def test_a_gemeente_published_as_zero_is_never_shown_as_zero_on_any_page_or_in_any_download(hostile_site):
    from sites import ZERO_GEMEENTE, local_pages

    _, out, _ = hostile_site
    name = ZERO_GEMEENTE[1]
    own_page = out / "GM0344" / "gemeenten" / ZERO_GEMEENTE[0] / "lokale-analyse.html"
    pages = [*sorted(out.glob("GM*/regio-analyse.html")), out / "index.html", *local_pages(out)]
    assert own_page in pages  # the gemeente's own page is checked too
    seen = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for table in Tables(html).tables:
            seen += sum(1 for row in table if row and row[0] == name)
            assert not _zero_cells(table, name), (page, _zero_cells(table, name))
        for alt in (f["alt"] for f in Figures(html).figures):
            assert not re.search(rf"{name}[^.;]*?\b0(?:,0)?\b", alt), (page, alt)
        for csv_file in sorted((page.parent / DOWNLOAD_DIR).glob("*.csv")):
            frame = pd.read_csv(csv_file, sep=";", dtype=str, keep_default_na=False, encoding="utf-8-sig")
            rows = frame.to_numpy().tolist()
            assert not _zero_cells([r[3:] for r in rows], name), csv_file
    assert seen >= 2  # its own region's tables list it (per gemeente, De regio)
