"""Trust: hostile names, disclosure across reports, safe and reproducible HTML, a real browser, interrupted runs."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pandas as pd
import pytest

from browser import CHROMIUM, render
from pages import Tables
from sites import EVIL_CENTRUM, EVIL_GEMEENTE
from workbench.build.batch import run_batch
from workbench.build.report import build_report
from workbench.build.safety import scan
from workbench.contracts import BUILT, REPORT_FILE
from workbench.io.statline import VT_AARD, read_statline_file
from workbench.report.charts import PALETTE


@pytest.fixture(scope="module")
def hostile(hostile_site):
    """All 35 reports and the index, built once per test session from data with hostile names."""
    return hostile_site


def built_pages(out: Path) -> list[Path]:
    return [*sorted(out.glob("GM*/" + REPORT_FILE)), out / "index.html"]


@pytest.mark.e2e
def test_all_regions_and_the_index_build(hostile):
    _, out, result = hostile
    assert [o.status for o in result.regions] == [BUILT] * 35 and result.index.status == BUILT
    assert not result.failures
    assert len(built_pages(out)) == 36


@pytest.mark.e2e
def test_every_page_passes_the_scanner(hostile):
    from sites import local_pages

    _, out, _ = hostile
    for page in [*built_pages(out), *local_pages(out)]:
        html = page.read_text(encoding="utf-8")
        assert scan(html) == [], page
        # no address elsewhere in an attribute or a stylesheet (a name that merely mentions one is escaped text)
        assert not re.search(r"""=\s*["']?https?://|url\(\s*["']?https?://""", html, re.I), page
        assert "data:text/" not in html and "javascript:" not in html.lower()


class Parsed(HTMLParser):
    """Text, attribute values and tags of a page, as a browser would parse them."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.text, self.attributes, self.tags = [], [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.attributes += [v for _k, v in attrs if v]

    def handle_data(self, data):
        self.text.append(data)


@pytest.mark.e2e
def test_hostile_names_are_escaped_everywhere(hostile):
    _, out, _ = hostile
    pages = {
        "utrecht": out / "GM0344" / REPORT_FILE,
        "delft": out / "GM0503" / REPORT_FILE,
        "index": out / "index.html",
    }  # Bunnik lies in Utrecht's region
    parsed = {k: Parsed(p.read_text(encoding="utf-8")) for k, p in pages.items()}
    for page in parsed.values():
        assert not any(tag == "script" for tag, _ in page.tags)
        assert not any(tag == "img" and attrs.get("src") == "x" for tag, attrs in page.tags)
        assert not any(k.startswith("on") for _, attrs in page.tags for k in attrs)
    text = {k: "".join(p.text) for k, p in parsed.items()}
    assert EVIL_GEMEENTE in text["utrecht"]  # in tables, headings and prose: shown as text
    assert any(EVIL_GEMEENTE in a for a in parsed["utrecht"].attributes)  # and inside alt text
    assert EVIL_CENTRUM in text["delft"] and EVIL_CENTRUM in text["index"]


@pytest.mark.e2e
def test_no_secret_cell_is_published_or_recoverable_across_reports(hostile):
    data, out, _ = hostile
    aard = read_statline_file(data / "veilig_thuis/84851NED_demo.csv", VT_AARD)
    year = aard[
        (aard["periode"] == "2024JJ00")
        & (aard["categorie_code"] == "T001")
        & (aard["maat"] == "ontvangen_meldingen")
        & aard["regio_code"].str.startswith("GM")
    ]
    secret = set(year.loc[year["status"] == "geheim", "regio_code"])
    assert secret, "the test needs gemeenten with a secret cell"
    names = pd.read_csv(data / "cbs/84799NED_kwb2020_gemeenten.csv", dtype=str).set_index("WijkenEnBuurten")[
        "Gemeentenaam_1"
    ]
    secret_names = {names[c] for c in secret}
    seen = 0
    for page in sorted(out.glob("GM*/" + REPORT_FILE)):
        table = Tables(page.read_text(encoding="utf-8")).table_starting("gemeente", "meldingen")
        rows = {r[0]: r[1] for r in table[1:]}
        total_label = next(k for k in rows if k.startswith("Regio "))
        visible = [int(v.replace(".", "")) for k, v in rows.items() if k != total_label and v != "."]
        # the region total is the sum of the visible cells (a lower bound, marked, when cells are hidden), so
        # subtracting reveals nothing hidden
        total = rows[total_label]
        assert total.startswith("≥\u00a0") == ("." in [v for k, v in rows.items() if k != total_label]), page
        assert int(total.removeprefix("≥\u00a0").replace(".", "")) == sum(visible), page
        for name in secret_names & set(rows):
            assert rows[name] == ".", (page, name)
            seen += 1
    assert seen == len(secret)


def _number(text: str) -> float:
    return float(text.removeprefix("≥\u00a0").removesuffix("%").replace(".", "").replace(",", "."))


SPLITS = [  # (caption of the split, its row, its count column, caption per gemeente, total column, share column)
    (
        "Uitkomst van de veiligheidsbeoordeling",
        "Overdracht",
        "meldingen regio",
        "Per gemeente: meldingen",
        "meldingen",
        "overgedragen",
    ),
    (
        "Vervolg na de afgesloten meldingen",
        "Overdracht aan het lokale veld",
        "afgesloten meldingen regio",
        "Per gemeente: afgesloten meldingen",
        "afgesloten meldingen",
        "naar lokaal veld",
    ),
]


@pytest.mark.e2e
@pytest.mark.parametrize("split", SPLITS, ids=["veiligheidsbeoordeling", "vervolg"])
def test_a_region_count_of_a_split_is_its_visible_gemeenten_and_marked_where_one_is_secret(hostile, split):
    # the region's count is the sum of the gemeenten's published cells: subtracting the gemeenten one can read
    # (total × share) from it reveals nothing hidden, and it is a marked lower bound exactly where one is hidden
    caption, row, column, per_caption, total_column, share_column = split
    _, out, _ = hostile
    hidden_somewhere = 0
    for page in sorted(out.glob("GM*/" + REPORT_FILE)):
        tables = Tables(page.read_text(encoding="utf-8"))
        region = tables.by_caption(caption).cell(row, column)
        per = tables.by_caption(per_caption)
        header = per.rows[0]
        cells = [(r[header.index(total_column)], r[header.index(share_column)]) for r in per.rows[1:]]
        hidden = any("." in (total, share) for total, share in cells)
        hidden_somewhere += hidden
        if region == ".":
            assert all(share == "." for _, share in cells), page
            continue
        assert region.startswith("≥\u00a0") == hidden, (page, region)
        visible = [(_number(t), _number(sh)) for t, sh in cells if "." not in (t, sh)]
        recovered = sum(t * sh / 100 for t, sh in visible)
        assert abs(_number(region) - recovered) <= 0.0005 * sum(t for t, _ in visible) + 0.5, (page, region)
    assert hidden_somewhere, "the test needs regions with a secret gemeente cell"


@pytest.mark.e2e
def test_building_twice_gives_identical_html(hostile, tmp_path):
    data, out, _ = hostile
    # a fresh kernel, not the batch's warm one (Groningen: built without its gemeente pages in the site, as here)
    again = build_report("GM0014", data=data, out=tmp_path)
    assert again.html.read_bytes() == (out / "GM0014" / REPORT_FILE).read_bytes()


@pytest.mark.e2e
@pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (Debian package 'chromium'; .ci/run installs it)"
)
@pytest.mark.parametrize(
    "page", ["GM0344/regio-analyse.html", "index.html", "GM0344/gemeenten/GM0312/lokale-analyse.html"]
)
def test_real_browser_renders_without_requests_or_errors(hostile, tmp_path, page):
    _, out, _ = hostile
    rendered = render(out / page, tmp_path / "browser")
    assert rendered.requests == []
    assert rendered.console == []
    assert rendered.screenshot.stat().st_size > 10_000
    dom = rendered.dom
    assert '<html lang="nl">' in dom
    levels = [int(h) for h in re.findall(r"<h([1-6])[\s>]", dom)]
    assert levels[0] == 1 and levels.count(1) == 1 and all(b <= a + 1 for a, b in pairwise(levels))
    assert all(re.search(r'alt="[^"]+', img) for img in re.findall(r"<img[^>]*>", dom))
    assert dom.count("<table") == dom.count("<thead>") and 'scope="col"' in dom
    assert "<img src=x" not in dom  # the hostile name stayed text in the live DOM


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


@pytest.mark.unit
def test_chart_colours_have_enough_contrast_on_white():
    for colour in PALETTE:
        assert (1.05) / (_luminance(colour) + 0.05) >= 3.0, colour  # WCAG 1.4.11, graphical objects


@pytest.mark.e2e
def test_killing_a_batch_leaves_each_report_old_or_new_and_complete(hostile, tmp_path):
    data, site, _ = hostile
    out = tmp_path / "reports"  # a copy: the shared site stays as it was built
    shutil.copytree(site, out)
    codes = ["GM0344", "GM0503", "GM0014", "GM0363"]
    previous = {c: (out / c / REPORT_FILE).read_bytes() for c in codes}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "workbench.cli",
            "run",
            *codes,
            "--force",
            "--jobs",
            "2",
            "--data-dir",
            str(data),
            "--out",
            str(out),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    time.sleep(4.5)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    for code in codes:
        html = (out / code / REPORT_FILE).read_bytes()
        assert html == previous[code]  # old, or new from the same inputs, which is the same to the byte
    # the next run finishes the work and leaves no temporary files behind
    result = run_batch(codes, data=data, out=out, echo=lambda _line: None)
    assert not result.failures
    assert not list(out.rglob("*.tmp"))
