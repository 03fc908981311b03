"""Accessibility checks in Debian's Chromium, driven by Playwright's Python client (no browser download).

axe-core comes from npm (``tests/a11y``, installed by ``./wb test``); the network is blocked, so a page can only
load what it holds itself. :func:`skip_reason` says why the checks cannot run here, if they cannot.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path

from browser import CHROMIUM

AXE = Path(__file__).parent / "a11y" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
"""The rules run: WCAG 2.0 and 2.1, levels A and AA, and axe's best practices."""


def skip_reason() -> str | None:
    """Why the browser checks cannot run on this machine, or ``None`` when they can."""
    if CHROMIUM is None:
        return "Chromium is not installed (Debian package 'chromium'; .ci/run installs it)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright's Python client is not installed (pip install -e '.[dev]'; ./wb does it)"
    if not AXE.is_file():
        return "axe-core is not installed (npm ci in tests/a11y; ./wb test does it where npm is available)"
    return None


@contextmanager
def chromium():
    """A headless Chromium (the system's), closed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            yield browser
        finally:
            browser.close()


def open_page(browser, page: Path, width: int = 1280, height: int = 900, scale: float = 1.0):
    """Open a built page at ``width`` CSS pixels with the network blocked (``scale``: device pixels per CSS pixel).

    The page's Content-Security-Policy forbids every script; the checks run their own script past it.
    """
    context = browser.new_context(
        viewport={"width": width, "height": height}, device_scale_factor=scale, bypass_csp=True
    )
    tab = context.new_page()
    tab.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    tab.goto(page.resolve().as_uri())
    return tab


def axe_violations(tab) -> list[dict]:
    """Run axe-core on the open page: its violations (rule, impact, help and up to three elements each)."""
    tab.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    options = json.dumps({"runOnly": {"type": "tag", "values": AXE_TAGS}})
    result = tab.evaluate(f"async () => await axe.run(document, {options})")
    return [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [(n["target"], n["failureSummary"]) for n in v["nodes"][:3]],
        }
        for v in result["violations"]
    ]


def horizontal_overflow(tab) -> int:
    """How many CSS pixels the page is wider than the window (0: no horizontal scrolling)."""
    return tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def scrolling_boxes(tab) -> list[dict]:
    """Every element that scrolls sideways: whether it takes keyboard focus and the name it is announced with."""
    return tab.evaluate(
        """() => [...document.querySelectorAll('main *')]
        .filter(e => e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
        .map(e => ({
            focusable: e.tabIndex >= 0,
            name: (e.getAttribute('aria-labelledby') || '').split(' ')
                .map(id => (document.getElementById(id) || {}).textContent || '').join(' ').trim(),
        }))"""
    )


FOCUS_INFO = """() => {
    const e = document.activeElement;
    const all = [...document.querySelectorAll('*')];
    const s = getComputedStyle(e);
    const r = e.getBoundingClientRect();
    return {
        index: all.indexOf(e), tag: e.tagName.toLowerCase(), id: e.id,
        outline: s.outlineStyle, outline_width: parseFloat(s.outlineWidth),
        inside: r.width > 0 && r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight + 1,
    };
}"""

FOCUSABLE = """() => {
    const all = [...document.querySelectorAll('*')];
    return [...document.querySelectorAll('a[href], summary, button, input, select, textarea, [tabindex]')]
        .filter(e => e.tabIndex >= 0 && e.getClientRects().length > 0)
        .filter(e => !e.closest('details:not([open]) > :not(summary)'))  // folded away until opened
        .map(e => all.indexOf(e));
}"""


def tab_stops(tab, limit: int = 3000) -> list[dict]:
    """Press Tab until focus leaves the page's last element: where it stopped each time (see :data:`FOCUS_INFO`)."""
    stops: list[dict] = []
    for _ in range(limit):
        tab.keyboard.press("Tab")
        info = tab.evaluate(FOCUS_INFO)
        if info["tag"] == "body" or (stops and info["index"] <= stops[-1]["index"]):
            break
        stops.append(info)
    return stops


def focusable(tab) -> list[int]:
    """The document positions of every element a keyboard user should reach, in document order."""
    return tab.evaluate(FOCUSABLE)
