"""A region's own registrations: read with clear errors, published by CBS's rule, named in the report."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from conftest import run_cli
from pages import Figures, Tables, counts_said
from workbench.disclosure.differencing import recoverable
from workbench.disclosure.own_counts import disclose_own
from workbench.errors import InputError
from workbench.io.csv_input import LINE
from workbench.io.gemeenten import regions_in
from workbench.io.own_registrations import COLUMNS, read_own_file
from workbench.io.statline import VT_AARD

GRONINGEN = "GM0014"


def leaves(counts: dict[tuple[str, str, str], int | None]) -> pd.DataFrame:
    """Leaf counts by (gemeente, half-year, category), for meldingen."""
    rows = [(g, p, c, "ontvangen_meldingen", n, i + 2) for i, ((g, p, c), n) in enumerate(counts.items())]
    frame = pd.DataFrame(rows, columns=["regio_code", "periode", "categorie_code", "maat", "n", LINE])
    return frame.astype({"n": "Int64"})


def full_year(values: dict[str, tuple[int, int]]) -> dict[tuple[str, str, str], int]:
    """Per category the counts of both halves of 2024 for one gemeente."""
    out = {}
    for cat, (h1, h2) in values.items():
        out[("GM0001", "2024HJ01", cat)] = h1
        out[("GM0001", "2024HJ02", cat)] = h2
    return out


@pytest.mark.unit
def test_totals_and_years_are_computed_unrounded_then_every_cell_is_rounded_or_secret():
    counts = full_year({"AG01": (41, 52), "AG02": (30, 18), "AG03": (3, 2), "AG04": (12, 9), "AG05": (20, 22)})
    out = disclose_own(leaves(counts), VT_AARD).set_index(["periode", "categorie_code"])
    assert out.loc[("2024HJ01", "T001"), "aantal"] == 105  # 41+30+3+12+20 = 106, rounded on its own
    assert out.loc[("2024JJ00", "AG01"), "aantal"] == 95  # 93 rounded
    assert pd.isna(out.loc[("2024HJ01", "AG03"), "aantal"]) and out.loc[("2024HJ01", "AG03"), "status"] == "geheim"
    shown = out["aantal"].dropna()
    assert (shown % 5 == 0).all() and (shown >= 10).all()


@pytest.mark.unit
def test_a_secret_cell_that_a_total_would_give_away_takes_a_second_cell_with_it():
    # AG03 = 0 is secret; each half's T001 (150) minus its parts (4 × 40) pins it to 0: a second part goes too
    counts = full_year({"AG01": (38, 38), "AG02": (38, 38), "AG03": (0, 0), "AG04": (38, 38), "AG05": (38, 38)})
    out = disclose_own(leaves(counts), VT_AARD).set_index(["periode", "categorie_code"])["aantal"]
    parts = ["AG01", "AG02", "AG03", "AG04", "AG05"]
    for periode in ("2024HJ01", "2024HJ02"):
        assert out.loc[periode].loc[parts].isna().sum() >= 2, periode
    for periode in ("2024HJ01", "2024HJ02", "2024JJ00"):  # no relation gives a secret cell away any more
        assert recoverable(out.loc[periode].loc[parts], out.loc[(periode, "T001")]) == []
    for cat in [*parts, "T001"]:
        halves = out.loc[[("2024HJ01", cat), ("2024HJ02", cat)]].reset_index(drop=True)
        assert recoverable(halves, out.loc[("2024JJ00", cat)]) == []


@pytest.mark.unit
def test_a_year_is_summed_only_from_two_halves_and_an_unknown_part_makes_its_total_unknown():
    counts = {("GM0001", "2024HJ01", c): 20 for c in ["AG01", "AG02", "AG03", "AG04"]}
    counts[("GM0001", "2024HJ01", "AG05")] = None
    out = disclose_own(leaves(counts), VT_AARD).set_index(["periode", "categorie_code"])
    assert not any(p.endswith("JJ00") for p in out.index.get_level_values(0))
    assert out.loc[("2024HJ01", "T001"), "status"] == "onbekend"


def write(path: Path, rows: list[tuple]) -> Path:
    pd.DataFrame(rows, columns=COLUMNS).to_csv(path, sep=";", index=False)
    return path


@pytest.fixture(scope="module")
def members():
    regions = regions_in(None, 2024)
    return {c for c, r in regions.regions_of.items() if GRONINGEN in r}


@pytest.mark.data
@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        (("GM0344", "2024HJ01", "AG01", 20, 30), "gemeentecode", "dit is geen gemeente van deze regio"),
        (("GM0014", "2024JJ00", "AG01", 20, 30), "periode", "dit is een heel jaar"),
        (("GM0014", "2024HJ01", "T001", 20, 30), "categorie", "dit is geen categorie zonder onderdelen"),
        (("GM0014", "2024HJ01", "AG01", -2, 30), "gestarte_adviezen", "een aantal is niet negatief"),
        (("GM0014", "2024HJ01", "AG01", "2,5", 30), "gestarte_adviezen", "een aantal is een heel getal"),
        (("GM0014", "H1 2024", "AG01", 20, 30), "Perioden", "geen periode van CBS"),
    ],
)
def test_a_bad_row_is_named_by_file_column_and_line(tmp_path, members, row, column, words):
    good = ("GM0014", "2024HJ01", "Kindermishandeling", 20, 30)
    path = write(tmp_path / "veilig_thuis_aard.csv", [good, row])
    with pytest.raises(InputError, match=words) as caught:
        read_own_file(path, VT_AARD, members)
    assert caught.value.column == column and caught.value.rows == [3] and caught.value.path == path


@pytest.mark.data
def test_an_xlsx_file_reads_like_the_csv(tmp_path, members):
    rows = [("GM0014", "2024 1e halfjaar", "AG01", 20, 31), ("GM1979", "2024HJ01", "(Ex-)Partnergeweld", 9, 4)]
    csv = read_own_file(write(tmp_path / "veilig_thuis_aard.csv", rows), VT_AARD, members)
    xlsx_path = tmp_path / "veilig_thuis_aard.xlsx"
    pd.DataFrame(rows, columns=COLUMNS).to_excel(xlsx_path, sheet_name="registraties", index=False)
    pd.testing.assert_frame_equal(read_own_file(xlsx_path, VT_AARD, members), csv)
    assert (
        csv.loc[csv["categorie_code"].eq("AG02") & csv["maat"].eq("ontvangen_meldingen"), "status"].item() == "geheim"
    )


def own_registrations(data: Path, small_every: int = 3) -> Path:
    """Unrounded registrations for every gemeente of Groningen, 2023 and 2024, many of them 1–7."""
    regions = regions_in(data, 2024)
    rng = np.random.default_rng(7)
    rows = []
    for i, code in enumerate(regions.members(GRONINGEN)["gemeentecode"]):
        for periode in ("2023HJ01", "2023HJ02", "2024HJ01", "2024HJ02"):
            for cat in VT_AARD.leaves():
                small = (i + len(rows)) % small_every == 0
                n = int(rng.integers(1, 8)) if small else int(rng.integers(8, 400))
                rows.append((code, periode, cat, int(rng.integers(1, 60)), n))
    return write(data / "regios" / GRONINGEN / "veilig_thuis_aard.csv", rows)


@pytest.mark.e2e
def test_a_report_on_own_registrations_with_small_counts_shows_no_count_1_to_7(data_copy, tmp_path):
    from workbench.build.report import build_report

    path = own_registrations(data_copy)
    html = build_report(GRONINGEN, data=data_copy, out=tmp_path).html.read_text(encoding="utf-8")
    assert "eigen registratie van de regio (regios/GM0014/veilig_thuis_aard.csv" in html
    table = Tables(html).table_starting("gemeente", "meldingen")
    counts = [row[1] for row in table[1:]]
    assert all(c == "." or re.fullmatch(r"(≥\u00a0)?\d{1,3}(\.\d{3})*", c) for c in counts), counts
    assert all(c == "." or int(c.split("\u00a0")[-1].replace(".", "")) % 5 == 0 for c in counts), counts
    trend = Figures(html).alt_starting("Lijndiagram meldingen per halfjaar")
    said = re.findall(r"van (≥\u00a0)?(\d[\d.]*) naar (≥\u00a0)?(\d[\d.]*)", trend)
    assert said and all(int(n.replace(".", "")) >= 10 for _, a, _, b in said for n in (a, b))
    said = counts_said(html)
    assert said and all(int(c.replace(".", "")) >= 10 for c in said), said
    own = pd.read_csv(path, sep=";")
    assert (own["ontvangen_meldingen"] <= 7).sum() > 20  # the file does hold many small counts


@pytest.mark.data
def test_validation_checks_an_own_file_and_its_errors_stop_only_that_region(data_copy):
    from workbench.checks.suites import validate_all
    from workbench.checks.summary import blocked_regions, validation_summary
    from workbench.paths import build_dir

    path = own_registrations(data_copy)
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[5] = lines[5].replace(GRONINGEN, "GM0344", 1) if lines[5].startswith(GRONINGEN) else "GM0344" + lines[5][6:]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = validate_all(data_copy)
    own = next(r for r in results if r.name == "eigen_veilig_thuis_aard_GM0014")
    assert own.error is not None and "dit is geen gemeente van deze regio" in str(own.error)
    assert own.region == GRONINGEN
    regions = regions_in(data_copy, 2024)
    blocked = blocked_regions(validation_summary(data_copy, build_dir()), regions.composition, regions.regions_of)
    assert list(blocked) == [GRONINGEN]


@pytest.mark.data
def test_the_template_lists_every_gemeente_half_year_and_category_and_reads_once_filled_in(data_copy):
    from workbench.io.own_registrations import read_own_file
    from workbench.io.statline import VT_MELDER

    out = run_cli("init-registraties", "groningen", "--data-dir", str(data_copy))
    assert out.returncode == 0, out.stderr
    template = data_copy / "regios" / GRONINGEN / "veilig_thuis_melder.sjabloon.csv"
    frame = pd.read_csv(template, sep=";", dtype=str, keep_default_na=False)
    regions = regions_in(data_copy, 2024)
    assert set(frame["gemeentecode"]) == set(regions.members(GRONINGEN)["gemeentecode"])  # Eemsdelta, not Delfzijl
    assert len(frame) == 10 * 2 * len(VT_MELDER.leaves())
    frame["gestarte_adviezen"] = "12"
    frame["ontvangen_meldingen"] = "40"
    filled = template.with_name("veilig_thuis_melder.csv")
    frame.to_csv(filled, sep=";", index=False)
    members = {c for c, r in regions.regions_of.items() if GRONINGEN in r}
    table = read_own_file(filled, VT_MELDER, members)
    total = table[table["categorie_code"].eq("T001") & table["periode"].eq("2024JJ00")].set_index("maat")["aantal"]
    assert (total.loc["ontvangen_meldingen"] == 640).all()  # 40 × 8 categories × 2 halves, a multiple of 5
    assert (total.loc["gestarte_adviezen"] == 190).all()  # 12 × 8 × 2 = 192, rounded on its own


@pytest.mark.data
def test_an_own_budget_replaces_the_regions_shared_lines_and_is_labelled_real(data_copy):
    from workbench.io.budget import BUDGET_FILE, read_budget
    from workbench.io.inputs import read_inputs, region_view

    shared = pd.read_csv(data_copy / BUDGET_FILE, sep=";", dtype=str)
    own = shared[shared["regio_code"] == GRONINGEN].copy()
    own["toelichting"] = "eigen begroting"
    own.to_csv(data_copy / "regios" / GRONINGEN / "begroting.csv", sep=";", index=False)
    lines = read_budget(data_copy)
    assert set(lines.loc[lines["regio_code"] == GRONINGEN, "toelichting"]) == {"eigen begroting"}
    assert len(lines) == len(shared)
    inputs = read_inputs(data_copy)
    groningen, utrecht = region_view(inputs, GRONINGEN, 2024), region_view(inputs, "GM0344", 2024)
    assert not groningen.begroting_demonstratie and groningen.vt_demonstratie
    assert utrecht.begroting_demonstratie
    assert [e.soort for e in groningen.bronnen if e.onderdeel == "begroting"] == ["eigen"]
    bad = own.assign(regio_code="GM0344")
    bad.to_csv(data_copy / "regios" / GRONINGEN / "begroting.csv", sep=";", index=False)
    with pytest.raises(InputError, match="deze regel is van een andere regio") as caught:
        read_budget(data_copy)
    assert caught.value.column == "regio_code" and caught.value.rows[0] == 2
