import pandas as pd
import pytest

from workbench.demo.data import generate, write
from workbench.demo.vt import VERVOLG_SHARES_INVENTED
from workbench.io.csv_input import read_checked_csv
from workbench.io.kwb import gemeenten, read_kwb
from workbench.io.reference import VT_NATIONAL_FILE, VT_SPLITS_FILE
from workbench.io.statline import VT_AARD, VT_BEOORDELING, VT_FILES, VT_MELDER, VT_VERVOLG, read_statline_file
from workbench.paths import DEFAULT_DATA_DIR

pytestmark = pytest.mark.data


@pytest.fixture(scope="module")
def aard():
    return read_statline_file(DEFAULT_DATA_DIR / VT_FILES["84851NED"], VT_AARD)


@pytest.fixture(scope="module")
def melder():
    return read_statline_file(DEFAULT_DATA_DIR / VT_FILES["84849NED"], VT_MELDER)


@pytest.fixture(scope="module")
def beoordeling():
    return read_statline_file(DEFAULT_DATA_DIR / VT_FILES["84852NED"], VT_BEOORDELING)


@pytest.fixture(scope="module")
def vervolg():
    return read_statline_file(DEFAULT_DATA_DIR / VT_FILES["84854NED"], VT_VERVOLG)


def cell(table, regio, periode, categorie, maat):
    row = table[
        (table["regio_code"] == regio)
        & (table["periode"] == periode)
        & (table["categorie_code"] == categorie)
        & (table["maat"] == maat)
    ]
    assert len(row) == 1
    return row["aantal"].iloc[0]


def test_rerunning_the_generator_gives_the_committed_files(tmp_path):
    import shutil

    from workbench.demo import regiovisie as demo_regiovisie
    from workbench.demo.data import write_texts
    from workbench.io.inputs import read_inputs

    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data, ignore=shutil.ignore_patterns("veilig_thuis", "budget", "regios"))
    written = write(generate(data), data)
    assert len(written) == 10  # five tables and their manifests
    texts = write_texts(demo_regiovisie.generate(read_inputs(data)), data)
    assert len(texts) == 35
    generated = [p.relative_to(data) for p in [*written, *texts]]
    for relative in generated:
        assert (data / relative).read_bytes() == (DEFAULT_DATA_DIR / relative).read_bytes(), relative


def test_national_totals_equal_every_published_figure(aard, melder):
    facts = read_checked_csv(DEFAULT_DATA_DIR / VT_NATIONAL_FILE, required=["cbs_periodecode"])
    checked = 0
    for row in facts.itertuples():
        if not 2019 <= int(row.cbs_periodecode[:4]) <= 2024:
            continue
        for measure in ("ontvangen_meldingen", "gestarte_adviezen"):
            published = getattr(row, measure)
            if published:
                assert cell(aard, "NL01", row.cbs_periodecode, "T001", measure) == int(published)
                assert cell(melder, "NL01", row.cbs_periodecode, "T001", measure) == int(published)
                checked += 1
    assert checked >= 12
    # 2020: the year total is rounded on its own, as CBS publishes it (halves sum to 127,415).
    assert cell(aard, "NL01", "2020JJ00", "T001", "ontvangen_meldingen") == 127_410


def test_2023_split_by_melder_equals_the_published_split(melder):
    splits = read_checked_csv(DEFAULT_DATA_DIR / VT_SPLITS_FILE, required=["periode", "regio", "kenmerk"])
    rows = splits[(splits["regio"] == "Nederland") & (splits["kenmerk"] == "melder")]
    labels = {c.label: c.code for c in VT_MELDER.categories} | {"Totaal": "T001"}
    for row in rows.itertuples():
        for measure in ("ontvangen_meldingen", "gestarte_adviezen"):
            assert cell(melder, "NL01", "2023JJ00", labels[row.categorie], measure) == int(getattr(row, measure))


def test_split_by_aard_follows_the_published_shares(aard):
    total = cell(aard, "NL01", "2024HJ01", "T001", "ontvangen_meldingen")
    share = {c: cell(aard, "NL01", "2024HJ01", c, "ontvangen_meldingen") / total for c in ("AG01", "AG02", "AG03")}
    assert share["AG01"] == pytest.approx(0.50, abs=0.03)
    assert share["AG02"] == pytest.approx(0.38, abs=0.03)
    assert share["AG03"] == pytest.approx(0.02, abs=0.01)


def test_both_tables_agree_on_totals(aard, melder):
    key = ["regio_code", "periode", "maat"]
    a = aard[aard["categorie_code"] == "T001"].set_index(key)["aantal"].sort_index()
    m = melder[melder["categorie_code"] == "T001"].set_index(key)["aantal"].sort_index()
    pd.testing.assert_series_equal(a, m)


def test_every_gemeente_of_each_year_every_period_with_plausible_variation(aard):
    """Each period holds the gemeenten of its own year, as CBS publishes them (355 in 2020, 342 from 2023)."""
    from workbench.io.gemeenten import read_indeling
    from workbench.stats.year_view import kwb_in_year

    kwb = read_kwb()
    indeling, blocks = read_indeling(DEFAULT_DATA_DIR, kwb)
    cells = aard[aard["regio_code"].str.startswith("GM") & (aard["categorie_code"] == "T001")]
    for (periode, _maat), codes in cells.groupby(["periode", "maat"])["regio_code"]:
        assert set(codes) == indeling.codes(int(periode[:4])), periode
    assert cells[cells["periode"] == "2021JJ00"]["regio_code"].isin(["GM1979"]).any()
    assert not cells[cells["periode"] == "2021JJ00"]["regio_code"].isin(["GM0003", "GM0788"]).any()
    gem = gemeenten(kwb_in_year(kwb, blocks, indeling, 2023)).set_index("code")
    year = cells[(cells["periode"] == "2023JJ00") & (cells["maat"] == "ontvangen_meldingen")].set_index("regio_code")
    big = gem.index[gem["inwoners"] > 30_000]
    rate = (year.loc[big, "aantal"] / gem.loc[big, "inwoners"] * 1000).astype(float)
    assert 4 < rate.median() < 10  # national level is about 7.3 per 1,000
    assert 0.15 < rate.std() / rate.mean() < 0.8


def test_counts_are_published_only_as_multiples_of_five_or_secret(aard, melder, beoordeling, vervolg):
    for table in (aard, melder, beoordeling, vervolg):
        shown = table["aantal"].dropna()
        assert (shown % 5 == 0).all() and (shown >= 10).all()
        assert table.loc[table["status"] == "geheim", "aantal"].isna().all()


def test_the_safety_assessment_covers_the_same_meldingen_as_the_table_by_aard(aard, beoordeling):
    key = ["regio_code", "periode"]
    meldingen = aard[(aard["categorie_code"] == "T001") & (aard["maat"] == "ontvangen_meldingen")]
    assessed = beoordeling[beoordeling["categorie_code"] == "T001"]
    pd.testing.assert_series_equal(
        meldingen.set_index(key)["aantal"].sort_index(), assessed.set_index(key)["aantal"].sort_index()
    )


def test_the_safety_assessment_follows_the_published_split(beoordeling):
    published = read_checked_csv(DEFAULT_DATA_DIR / VT_SPLITS_FILE, required=["kenmerk", "categorie"])
    rows = published[published["kenmerk"] == "veiligheidsbeoordeling"].set_index("categorie")["ontvangen_meldingen"]
    shares = rows.astype(int) / int(rows["Totaal"])
    total = cell(beoordeling, "NL01", "2023JJ00", "T001", "ontvangen_meldingen")
    for category in VT_BEOORDELING.categories[1:]:
        share = cell(beoordeling, "NL01", "2023JJ00", category.code, "ontvangen_meldingen") / total
        assert share == pytest.approx(shares[category.label], abs=0.02), category.label


def test_what_followed_covers_the_same_meldingen_split_by_the_invented_proportions(aard, vervolg):
    key = ["regio_code", "periode"]
    meldingen = aard[(aard["categorie_code"] == "T001") & (aard["maat"] == "ontvangen_meldingen")]
    closed = vervolg[vervolg["categorie_code"] == "T001"]
    pd.testing.assert_series_equal(
        meldingen.set_index(key)["aantal"].sort_index(), closed.set_index(key)["aantal"].sort_index()
    )
    total = cell(vervolg, "NL01", "2024JJ00", "T001", "afgesloten_meldingen")
    for code, share in VERVOLG_SHARES_INVENTED["afgesloten_meldingen"].items():
        got = cell(vervolg, "NL01", "2024JJ00", code, "afgesloten_meldingen") / total
        assert got == pytest.approx(share, abs=0.02), code
    local = cell(vervolg, "NL01", "2024JJ00", "VV10", "afgesloten_meldingen")
    parts = sum(cell(vervolg, "NL01", "2024JJ00", c, "afgesloten_meldingen") for c in ("VV11", "VV12"))
    assert abs(local - parts) <= 5  # each cell rounded on its own
