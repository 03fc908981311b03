"""Accessible by law (WCAG 2.1 AA): axe-core on every kind of page, and what a person needs beyond its rules."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from accessibility import (
    axe_violations,
    chromium,
    focusable,
    horizontal_overflow,
    open_page,
    scrolling_boxes,
    skip_reason,
    tab_stops,
)
from workbench.contracts import STATEMENT_FILE
from workbench.paths import build_dir
from workbench.report.toegankelijkheid import AXE_VERSION

PAGES = {
    "utrecht": "GM0344/regio-analyse.html",
    "vlaardingen": "GM0622/regio-analyse.html",
    "index": "index.html",
    "gemeente": "GM0344/gemeenten/GM0312/lokale-analyse.html",
    "verklaring": STATEMENT_FILE,
}
"""Every kind of page the product makes (a region's report, the overview, a gemeente's page, the statement)."""
ALLOWED: dict[str, str] = {}
"""Rules axe may report, each with the reason it is allowed: none."""
REASON = skip_reason()
needs_browser = pytest.mark.skipif(REASON is not None, reason=REASON or "")


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.mark.unit
def test_the_statement_names_the_axe_version_the_tests_run():
    lock = json.loads((Path(__file__).parent / "a11y" / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"]["node_modules/axe-core"]["version"] == AXE_VERSION


@pytest.mark.e2e
@needs_browser
@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("page", PAGES)
def test_axe_finds_no_violation_on_any_kind_of_page(hostile_site, browser, page, width):
    _, out, _ = hostile_site
    tab = open_page(browser, out / PAGES[page], width)
    violations = [v for v in axe_violations(tab) if v["rule"] not in ALLOWED]
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)


@pytest.mark.e2e
@needs_browser
@pytest.mark.parametrize("page", PAGES)
def test_at_320_pixels_the_page_reflows_and_wide_tables_scroll_in_a_named_focusable_box(hostile_site, browser, page):
    _, out, _ = hostile_site
    tab = open_page(browser, out / PAGES[page], 320, 640)
    assert horizontal_overflow(tab) <= 0  # WCAG 1.4.10: no sideways scrolling of the page
    boxes = scrolling_boxes(tab)
    assert all(b["focusable"] and b["name"] for b in boxes), boxes
    if page == "utrecht":
        assert boxes, "at 320 pixels some of Utrecht's tables are wider than the screen"
        shots = build_dir() / "screenshots"
        shots.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(shots / "utrecht-320.png"), full_page=False)


@pytest.mark.e2e
@needs_browser
@pytest.mark.parametrize("page", ["utrecht", "index", "gemeente"])
def test_text_at_200_percent_loses_nothing(hostile_site, browser, page):
    _, out, _ = hostile_site
    tab = open_page(browser, out / PAGES[page], 1280, 900)
    before = tab.evaluate("parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")
    tab.add_style_tag(content="html { font-size: 200% !important; }")  # the reader's own text size, doubled
    after = tab.evaluate("parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")
    assert after == pytest.approx(2 * before)  # text follows the reader's setting (no fixed pixel sizes)
    assert horizontal_overflow(tab) <= 0
    assert all(b["focusable"] and b["name"] for b in scrolling_boxes(tab))
    clipped = tab.evaluate(
        """() => [...document.querySelectorAll('main *')].filter(e => {
            const s = getComputedStyle(e);
            return ['hidden', 'clip'].includes(s.overflowY) && e.scrollHeight > e.clientHeight + 1;
        }).length"""
    )
    assert clipped == 0  # no text cut off by a box of fixed height
    if page == "utrecht":
        tab.screenshot(path=str(build_dir() / "screenshots" / "utrecht-tekst-200.png"), full_page=False)


@pytest.mark.e2e
@needs_browser
@pytest.mark.parametrize("page", ["utrecht", "index", "gemeente"])
def test_the_page_zoomed_to_200_percent_reflows(hostile_site, browser, page):
    _, out, _ = hostile_site
    tab = open_page(browser, out / PAGES[page], 640, 450, scale=2.0)  # a 1280-pixel window zoomed to 200%
    assert horizontal_overflow(tab) <= 0
    assert all(b["focusable"] and b["name"] for b in scrolling_boxes(tab))
    if page == "utrecht":
        tab.evaluate("document.getElementById('meldingen').scrollIntoView()")
        tab.screenshot(path=str(build_dir() / "screenshots" / "utrecht-zoom-200.png"), full_page=False)


@pytest.mark.e2e
@needs_browser
@pytest.mark.parametrize("page", ["utrecht", "index", "gemeente", "verklaring"])
def test_the_keyboard_reaches_everything_in_page_order_with_a_visible_focus(hostile_site, browser, page):
    _, out, _ = hostile_site
    tab = open_page(browser, out / PAGES[page], 1280, 900)
    stops = tab_stops(tab)
    first = stops[0]
    assert first["tag"] == "a" and first["inside"]  # the skip link comes first and shows itself
    assert [s["index"] for s in stops] == focusable(tab)  # every link, summary and scrolling table, in page order
    assert all(s["outline"] != "none" and s["outline_width"] >= 2 for s in stops), [
        s for s in stops if s["outline"] == "none" or s["outline_width"] < 2
    ][:3]
    tab.keyboard.press("Home")
    tab.evaluate("document.activeElement.blur()")
    tab.keyboard.press("Tab")
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.activeElement.id") == "inhoud"  # the skip link leads past itself to the content


@pytest.mark.unit
def test_english_words_are_marked_in_text_but_never_inside_an_attribute():
    from workbench.report import html_parts as h

    assert h.para("Dichter bij outcome, niet alleen output.") == (
        '<p>Dichter bij <span lang="en">outcome</span>, niet alleen <span lang="en">output</span>.</p>'
    )
    assert h.para("Outputgericht <b>") == "<p>Outputgericht &lt;b&gt;</p>"  # a Dutch compound stays, text escaped
    assert h.esc("output") == "output"  # what attributes (alt text) are written with: never a tag inside


@pytest.mark.unit
def test_a_table_scrolls_in_a_focusable_region_named_by_its_own_caption():
    import pandas as pd

    from workbench.report import html_parts as h

    with h.collecting("x"):
        first = h.table(pd.DataFrame({"a": [1]}), "Tabel een", download=False)
        again = h.table(pd.DataFrame({"a": [1]}), "Tabel een", download=False)  # shown twice: still unique
    ids = [re.search(r'aria-labelledby="([^"]+)"', t).group(1) for t in (first, again)]
    assert ids[0] != ids[1]
    for table, ident in zip((first, again), ids, strict=True):
        assert 'role="region" tabindex="0"' in table and f'<caption id="{ident}">' in table
