import pytest

from workbench.build.safety import scan
from workbench.report.html_parts import esc, table

pytestmark = pytest.mark.unit

GOOD = (
    '<!DOCTYPE html><html lang="nl"><head><title>t</title></head><body><h1>T</h1><h2>A</h2><h3>a</h3>'
    '<img src="data:image/png;base64,AAAA" alt="grafiek"></body></html>'
)


def test_a_clean_page_passes():
    assert scan(GOOD) == []


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ('<img src=x onerror=alert(1) alt="x">', "event-handler"),
        ('<a href="javascript:alert(1)">x</a>', "javascript"),
        ('<iframe src="data:text/html,hi"></iframe>', "data"),
        ('<script src="https://cdn.example.org/x.js"></script>', "script"),
        ('<img src="https://example.org/x.png" alt="x">', "another server"),
        ('<style>@import url("https://example.org/x.css");</style>', "CSS"),
        ("<p>Traceback (most recent call last):</p>", "traceback"),
        ('<p>  File "/opt/x/cell.py", line 3, in &lt;module&gt;</p>', "traceback"),
        ("<p>/home/analist/data.csv</p>", "local path"),
        ("<p>zie /tmp/build/runs/GM0344/build.log</p>", "local path"),
        ("<p>C:\\Users\\analist\\data.csv</p>", "local path"),
        ("<p>from workbench.report import regio_analyse</p>", "code"),
        ("<p>workbench.report.regio_analyse.RegioAnalyse</p>", "code"),
        ("<p>Calculating Metrics: 100%|####| 12/12 [00:00&lt;00:00, 50.1it/s]</p>", "progress bar"),
        ('<img src="data:image/png;base64,AAAA">', "alt"),
        ("<h1>again</h1>", "h1"),
        ("<h5>deep</h5>", "skips"),
    ],
)
def test_scanner_catches(bad, words):
    problems = scan(GOOD.replace("</body>", bad + "</body>"))
    assert any(words in p for p in problems), problems


@pytest.mark.parametrize(
    "innocent",
    [
        "<p>Deze analyse is gemaakt met de workbench.</p>",
        "<p>De import van gegevens uit het registratiesysteem kost tijd; 50% | 25% van de regio's.</p>",
        "<p>Zie de map regios/GM0344/ en het rapport 2024/2025 over hulp/zorg.</p>",
        "<p>Een bestand met de naam workbench.xlsx.</p>",
    ],
)
def test_a_sentence_that_only_mentions_a_word_is_not_blocked(innocent):
    assert scan(GOOD.replace("</body>", innocent + "</body>")) == []


def test_wrong_language_is_caught():
    assert any("lang" in p for p in scan(GOOD.replace('lang="nl"', 'lang="en"')))


def test_names_are_escaped_in_tables():
    import pandas as pd

    evil = '<img src=x onerror=alert(1)> "Súdwest"'
    html = table(pd.DataFrame({"gemeente": [evil], "inwoners": [10]}), caption=evil)
    assert "<img" not in html and esc(evil) in html
    assert scan(GOOD.replace("</body>", html + "</body>")) == []


def test_a_narrative_is_escaped_and_kept_under_the_sections_headings():
    from workbench.build.publish import narrative_html

    html = narrative_html(
        "### Onze aanpak\n\nWe werken **samen**. <script>alert(1)</script>\n\n##### Dieper\n\n"
        '![logo](https://example.org/x.png) [site](https://example.org) <img src=x onerror="alert(1)">'
    )
    assert html.startswith('<div class="narrative"><h2>Onze aanpak</h2>')
    assert "<strong>samen</strong>" in html and "<h3>Dieper</h3>" in html  # never a skipped level
    assert "<script" not in html and "&lt;script&gt;" in html and "<img" not in html
    assert "logo" in html and "example.org/x.png" not in html  # an image becomes its alt text
    assert "site (https://example.org)" in html and "<a " not in html  # a link becomes text
    assert scan(f'<html lang="nl"><body><h1>T</h1><h2>S</h2>{html}</body></html>') == []
