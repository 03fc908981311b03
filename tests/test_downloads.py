"""Downloads: a CSV per table and one workbook per page, numbers as numbers, unknowns as '.', no formulas."""

from __future__ import annotations

import csv
import io
import re
import time
import zipfile

import pandas as pd
import pytest
from openpyxl import load_workbook

from workbench.contracts import DOWNLOAD_DIR, workbook_file
from workbench.disclosure.bounds import Bounded
from workbench.report import downloads
from workbench.report import formatting as f
from workbench.report import html_parts as h
from workbench.report.charts.marks import Line, Scale
from workbench.report.charts.plot import Plot

FORMULA_STARTS = ["=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1", " =1", '=HYPERLINK("http://x","y")']
CONTEXT = downloads.Context("GM0344", "Utrecht", 2024)
FORMULA_STARTS_TEXT = ("=", "+", "-", "@", "\t", "\r")


def hostile_table() -> h.ShownTable:
    frame = pd.DataFrame(
        {
            "gemeente": [*FORMULA_STARTS, "Zeist"],
            "meldingen": [Bounded.unknown(), Bounded(45.0, 45.0, 52.0, 1, 2), *[10.0] * 6, 1234.0],
            "aandeel": [0.285] * 9,
            "schatting": [(1200.0, 1500.0)] * 8 + ["n.v.t."],
        }
    )
    return h.ShownTable(
        "meldingen-1",
        "Een tabel",
        frame,
        {"meldingen": f.INT, "aandeel": f.PCT1, "schatting": f.INT_RANGE},
        {"Nederland per 1.000": (7.44, f.DEC)},
    )


@pytest.mark.unit
@pytest.mark.parametrize("text", FORMULA_STARTS)
def test_text_that_starts_as_a_formula_is_neutralised(text):
    assert downloads.neutralised(text) == "'" + text
    assert downloads.neutralised("Houten") == "Houten" and downloads.neutralised("1e halfjaar") == "1e halfjaar"


@pytest.mark.unit
def test_number_formats_write_the_page_the_csv_and_the_workbook_alike():
    lower = Bounded(45.0, 45.0, 52.0, 1, 2)
    assert (f.INT(1234.4), f.INT.csv_text(1234.4), f.INT.cell(1234.4)) == ("1.234", "1234", (1234, "#,##0"))
    assert (f.DEC(8.46), f.DEC.csv_text(8.46), f.DEC.cell(8.46)) == ("8,5", "8,5", (8.5, "#,##0.0"))
    assert (f.PCT1(0.2854), f.PCT1.csv_text(0.2854), f.PCT1.cell(0.2854)) == ("28,5%", "28,5%", (0.285, "0.0%"))
    assert f.EURO.cell(12.4) == (12, '"€ "#,##0') and f.DEC(-3.0) == "\u22123,0" and f.DEC.csv_text(-3.0) == "-3,0"
    assert (f.INT(lower), f.INT.csv_text(lower), f.INT.cell(lower)) == ("≥\u00a045", "≥\u00a045", (45, '"≥ "#,##0'))
    for fmt in (f.INT, f.DEC, f.PCT, f.EURO):  # an unknown is '.', never 0 or empty
        assert fmt(Bounded.unknown()) == fmt.csv_text(None) == fmt.cell(float("nan"))[0] == "."
    assert f.half_year_label("2019HJ01") == "1e halfjaar 2019"


@pytest.mark.unit
def test_chart_axes_use_dutch_numbers():
    def ticks(values: list[float], scale: Scale | None = None) -> list[str]:
        plot = Plot(7.5, 3.6, "T", y=scale or Scale(zero=True)).add(Line(range(len(values)), values, "#000000"))
        return re.findall(r'text-anchor="end">([^<]+)</text>', plot.svg().decode("utf-8"))

    assert ticks([0.0, 0.75]) == ["0,0", "0,2", "0,4", "0,6"]  # one number of decimals for the whole axis
    assert ticks([0.0, 10000.0]) == ["0", "2.000", "4.000", "6.000", "8.000", "10.000"]
    assert ticks([2019.0, 2024.0], Scale(whole=True)) == ["2019", "2020", "2021", "2022", "2023", "2024"]  # years


@pytest.mark.unit
def test_a_csv_opens_in_dutch_excel_with_the_region_in_every_row_and_no_formula():
    data = downloads.csv_bytes(hostile_table(), CONTEXT)
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    head, body = rows[0], rows[1:]
    assert head[:4] == ["regiocode", "regio", "verslagjaar", "gemeente"]
    assert "schatting, van" in head and "schatting, tot" in head and head[-1] == "Nederland per 1.000"
    assert all(r[0] == "GM0344" and r[1] == "Utrecht" and r[2] == "2024" for r in body)
    cells = [c for r in body for c in r]
    assert not [c for c in cells if c.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r"))]
    col = head.index("meldingen")
    assert [r[col] for r in body[:3]] == [".", "≥\u00a045", "10"] and body[-1][col] == "1234"
    assert body[0][head.index("aandeel")] == "28,5%" and body[0][-1] == "7,4"
    assert body[-1][head.index("schatting, van")] == "n.v.t."
    frame = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    assert frame["Nederland per 1.000"].iloc[0] == 7.4 and frame["schatting, van"].iloc[0] == "1200"


@pytest.mark.unit
def test_a_workbook_holds_numbers_with_dutch_formats_text_as_text_and_the_same_bytes_each_time():
    table = hostile_table()
    explanation = [("Bron", "=evil()"), ("Verslagjaar", "2024")]
    data = downloads.workbook_bytes([table], CONTEXT, explanation)
    time.sleep(1.1)  # a second later: same inputs, same bytes
    assert downloads.workbook_bytes([table], CONTEXT, explanation) == data
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert len({i.date_time for i in z.infolist()}) == 1  # one fixed timestamp, never the time of writing
        properties = z.read("docProps/core.xml").decode("utf-8")
    assert properties.count("2020-01-01T00:00:00Z") == 2  # created and modified
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Toelichting", "meldingen-1"]
    sheet = wb["meldingen-1"]
    head = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2))
    assert all(r[0].value == "GM0344" for r in rows) and len(rows) == 9
    names = [r[head.index("gemeente")] for r in rows]
    # a carriage return is kept as OOXML's escape (Excel shows it; openpyxl reads the escape as it is)
    assert [c.value for c in names[:8]] == [t.replace("\r", "_x000D_") for t in FORMULA_STARTS]
    assert all(c.data_type == "s" and c.quotePrefix for c in names[:8])
    count = [r[head.index("meldingen")] for r in rows]
    assert count[0].value == "." and (count[1].value, count[1].number_format) == (45, '"≥ "#,##0')
    assert isinstance(count[-1].value, int) and count[-1].number_format == "#,##0"
    share = rows[0][head.index("aandeel")]
    assert (share.value, share.number_format) == (0.285, "0.0%")
    assert [c.value for c in wb["Toelichting"]["B"]][:3] == ["Toelichting", "=evil()", "2024"]
    assert wb["Toelichting"]["B2"].data_type == "s"
    assert not any(c.data_type == "f" for ws in wb for row in ws.iter_rows() for c in row)


@pytest.mark.unit
def test_a_page_keeps_every_table_it_shows_with_a_relative_link_and_a_chart_its_figures():
    from workbench.report import charts

    with h.collecting("meldingen") as shown:
        table_html = h.table(pd.DataFrame({"a": ["x"], "b": [1.0]}), "T", {"b": f.DEC})
        chart = charts.bars(pd.Series({"X": 7.2, "Y": float("nan")}), "X", ("Nederland", 7.4), "T", "per 1.000")
        figure_html = h.figure(chart, "Figuur")
        h.table(pd.DataFrame({"a": ["y"]}), "Tweede weergave", download=False)
    assert [t.name for t in shown] == ["meldingen-1", "meldingen-2"]
    assert f'href="{DOWNLOAD_DIR}/meldingen-1.csv"' in table_html
    details = re.search(r"<details[^>]*><summary>[^<]+</summary>(.*)</details>", figure_html).group(1)
    assert "<td" in details and "7,2" in details and f'href="{DOWNLOAD_DIR}/meldingen-2.csv"' in details
    assert h.table(pd.DataFrame({"a": ["z"]}), "buiten een pagina").count("<a ") == 0


@pytest.mark.e2e
def test_utrechts_report_links_a_csv_per_table_and_one_workbook_and_all_open(hostile_site):
    from sites import EVIL_FORMULA, FORMULA_TEXTS

    _, out, _ = hostile_site
    page = out / "GM0344" / "regio-analyse.html"
    html = page.read_text(encoding="utf-8")
    folder = page.parent / DOWNLOAD_DIR
    assert "<title>Regiovisie Utrecht 2024</title>" in html
    toc = re.search(r'<nav [^>]*class="toc"[^>]*>(.*?)</nav>', html, re.S).group(1)
    assert '<a href="../index.html">' in toc
    anchors = set(re.findall(r'<section [^>]*id="([^"]+)"', html))
    targets = re.findall(r'href="#([^"]+)"', toc)
    assert len(targets) == len(anchors) and set(targets) == anchors  # every section, and only sections
    linked = set(re.findall(rf'href="{DOWNLOAD_DIR}/([^"]+)"', html))
    assert workbook_file("GM0344") in linked
    assert linked == {p.name for p in folder.iterdir()}  # every link has its file, every file a link
    assert html.count("<table") == len([n for n in linked if n.endswith(".csv")]) + 0  # one CSV per table
    assert html.count("<img") == html.count('<details class="chart-data">')  # every chart has its figures
    texts = []
    for csv_file in sorted(folder.glob("*.csv")):
        frame = pd.read_csv(csv_file, sep=";", decimal=",", encoding="utf-8-sig", dtype=str, keep_default_na=False)
        assert (frame["regiocode"] == "GM0344").all() and (frame["verslagjaar"] == "2024").all(), csv_file.name
        texts += [v for col in frame.columns for v in frame[col]]
    numbers = re.compile(r"-?\d+(,\d+)?%?")  # a negative amount is a number, not a formula
    formulas = [t for t in texts if t.lstrip(" ").startswith(FORMULA_STARTS_TEXT) and not numbers.fullmatch(t)]
    assert not formulas
    assert "'" + EVIL_FORMULA in texts and "'" + FORMULA_TEXTS["provider"] in texts
    wb = load_workbook(folder / workbook_file("GM0344"))
    assert wb.sheetnames[0] == "Toelichting" and len(wb.sheetnames) == len(linked)
    values = [c for ws in wb for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c for c in values if c.data_type == "f"]
    for text in (EVIL_FORMULA, FORMULA_TEXTS["provider"], FORMULA_TEXTS["help"], FORMULA_TEXTS["commentary"]):
        assert any(c.value == text and c.data_type == "s" for c in values), text
    for ws in wb.worksheets[1:]:
        assert all(r[0].value == "GM0344" for r in ws.iter_rows(min_row=2)), ws.title
    assert sum(p.stat().st_size for p in folder.iterdir()) + page.stat().st_size < 1.5 * 1024 * 1024


@pytest.mark.e2e
def test_the_index_links_every_workbook_and_offers_the_national_one_in_every_order(hostile_site):
    _, out, _ = hostile_site
    html = (out / "index.html").read_text(encoding="utf-8")
    national = out / DOWNLOAD_DIR / workbook_file("NL01")
    assert national.is_file() and f'href="{DOWNLOAD_DIR}/{workbook_file("NL01")}"' in html
    for code in re.findall(r'href="(GM\d{4})/regio-analyse.html"', html):
        assert f'href="{code}/{DOWNLOAD_DIR}/{workbook_file(code)}"' in html
        assert (out / code / DOWNLOAD_DIR / workbook_file(code)).is_file()
    sheet = pd.read_excel(national, sheet_name=None)
    key_figures = next(v for k, v in sheet.items() if "code" in v.columns)
    assert len(key_figures) == 35 and key_figures["code"].str.fullmatch(r"GM\d{4}").all()
    for key in ("meldingen", "bereik", "uitgaven"):
        assert f'href="#regios-op-{key}"' in html and f'id="regios-op-{key}"' in html
    assert "<script" not in html


def _links(html: str) -> list[str]:
    return re.findall(r'href="([^"#]+)"', html)


@pytest.mark.e2e
def test_all_links_are_relative_and_resolve(hostile_site):
    _, out, _ = hostile_site
    from sites import local_pages

    assert local_pages(out)
    for page in [out / "index.html", *out.glob("GM*/regio-analyse.html"), *local_pages(out)]:
        for link in _links(page.read_text(encoding="utf-8")):
            assert "//" not in link and not link.startswith("/"), link
            target = (page.parent / link).resolve()
            assert target.is_relative_to(out.resolve()) and target.is_file(), (page, link)
