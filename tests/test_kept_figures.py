"""A published analysis's key figures are kept, and next year's analysis says what it published otherwise."""

from __future__ import annotations

import pytest

from pages import Tables
from workbench.build.report import build_report
from workbench.contracts import kept_figures
from workbench.io import kerncijfers
from workbench.io.inputs import load_region
from workbench.report.formatting import fmt_bounded
from workbench.stats import kengetallen, veranderd

REGION = "GM0014"  # Groningen


@pytest.mark.e2e
def test_next_years_analysis_says_what_the_kept_analysis_of_the_year_before_published_otherwise(tmp_path):
    build = tmp_path / "build"
    first = build_report(REGION, out=tmp_path / "2023", periode=2023, build=build)
    path = kept_figures(build, REGION, 2023)
    kept = kerncijfers.from_json(path.read_text(encoding="utf-8"))
    shown = Tables(first.html.read_text(encoding="utf-8")).by_caption("De kengetallen van de regio Groningen")
    assert shown.cell("Meldingen (aantal)", "2023") == fmt_bounded(kept.cijfers["meldingen"][0])
    # with the same inputs, next year's analysis computes the year before exactly as it was published
    data = load_region(REGION, periode=2024, build=build)
    assert veranderd.restated(kept.cijfers, veranderd.figures(kengetallen.region_counts(data), 2023)).empty

    # the analysis of 2023 had one gemeente fewer and said so in its figures: the next one tells the reader
    name = next(n for b, n in kept.gemeenten.items() if not b.startswith(REGION))
    smaller = kerncijfers.Kerncijfers(
        REGION,
        2023,
        {b: n for b, n in kept.gemeenten.items() if n != name},
        {**kept.cijfers, "meldingen": (kept.cijfers["meldingen"][0].scaled(0.9),) * 2},
    )
    kerncijfers.write(path, smaller)
    html = build_report(REGION, out=tmp_path / "2024", periode=2024, build=build).html.read_text(encoding="utf-8")
    assert f"nieuw in de regio: {name}" in html
    restated = Tables(html).by_caption("Cijfers over 2023 van de regio Groningen")
    assert restated.cell("Meldingen (aantal)", "regio-analyse 2023") == fmt_bounded(smaller.cijfers["meldingen"][0])
    assert [r[0] for r in restated.rows[1:]] == ["Meldingen (aantal)"]
