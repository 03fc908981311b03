"""What the national overview notebook calls: all regions' key indicators, build status, links, national charts.

Called by ``notebooks/overzicht.ipynb``; each attribute is a section (see :mod:`workbench.report.sections.base`).
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

import pandas as pd
import shapely

from workbench import __version__
from workbench.contracts import BLOCKED_KEY
from workbench.files import wait_for_json
from workbench.io.inputs import Inputs, in_year, load_inputs, region_view
from workbench.io.statline import NATIONAL_REGION, VT_AARD
from workbench.paths import build_dir
from workbench.report.downloads import Context
from workbench.report.formatting import half_year_label
from workbench.report.sections import downloads, landelijk, veranderd
from workbench.report.texts import demo_text
from workbench.stats import extrapolation, kengetallen, vt_figures
from workbench.stats.indicators import KM_FORM, Indicators, compute, year_code
from workbench.stats.indicators import withheld as without_figures


class Overzicht:
    """The national overview of all regions.

    Parameters
    ----------
    inputs
        The parsed inputs.
    periode
        The reporting year.
    status
        Per region code: ``status`` and whether a report exists (``rapport``), from the batch run; or the path of
        the JSON file the batch writes it to, read when a section first needs it (the batch may start the
        overview while its last regions are still being built: everything else is computed meanwhile).
    """

    STATUS_WAIT_SECONDS = 900
    """How long a section waits for the batch's status file."""

    def __init__(
        self, inputs: Inputs, periode: int, status: dict[str, dict] | Path, files: str | Path | None = None
    ) -> None:
        inputs = in_year(inputs, periode)
        self.files = Path(files) if files else None
        """Where :attr:`downloads` writes the overview's files (``None``: nowhere)."""
        self.inputs = inputs
        self.periode = periode
        self._status = status
        regions = inputs.composition.drop_duplicates("centrumgemeente_code")
        self.names = regions.set_index("centrumgemeente_code")["centrumgemeente_naam"].sort_values()
        views = {c: region_view(inputs, c, periode) for c in self.names.index}
        self.views = views
        self._computed: dict[str, Indicators] = {c: compute(v) for c, v in views.items()}
        self.demonstration = any(v.vt_demonstratie for v in views.values())
        """Whether the Veilig Thuis tables behind the overview are demonstration figures."""
        self.budget_demonstration = any(v.begroting_demonstratie for v in views.values())

    @cached_property
    def status(self) -> dict[str, dict]:
        """Per region its build status (waiting for the batch's status file when given as a path)."""
        if isinstance(self._status, dict):
            return self._status
        return wait_for_json(self._status, self.STATUS_WAIT_SECONDS, "build status")

    @cached_property
    def withheld(self) -> list[str]:
        """Regions whose input failed validation: the overview shows none of their figures."""
        return sorted(c for c in self.names.index if self.status.get(c, {}).get(BLOCKED_KEY))

    @cached_property
    def indicators(self) -> dict[str, Indicators]:
        """Every region's key indicators, withheld for a region whose input failed validation."""
        return {c: without_figures(i) if c in self.withheld else i for c, i in self._computed.items()}

    @classmethod
    def load(
        cls, data_dir: str = "", periode: int = 2024, status: str = "", build: str = "", bestanden: str = ""
    ) -> Overzicht:
        """Load the inputs once (from the build cache in ``build``) and compute every region's indicators.

        ``status`` is the path of the batch's status file (read when first needed); empty: unknown.
        ``bestanden`` is the folder where :attr:`downloads` writes the overview's files; empty: not written.
        """
        inputs = load_inputs(data_dir or None, build_dir(build or None), periode)
        return cls(inputs, periode, Path(status) if status else {}, bestanden or None)

    @cached_property
    def titel(self) -> landelijk.Kop:
        """Heading, introduction and, with demonstration data, the banner."""
        parts = [p for p, on in (("veilig_thuis", self.demonstration), ("begroting", self.budget_demonstration)) if on]
        return landelijk.Kop(periode=self.periode, demonstratie=parts)

    @cached_property
    def tabel(self) -> landelijk.Regios:
        """All regions with their key indicators, build status and a link to the report."""
        return landelijk.regios(
            self.indicators, self.names, self.status, self.periode, self.demonstration, self.withheld
        )

    @cached_property
    def gemeenten(self) -> landelijk.LokaleAnalyses:
        """Links to every gemeente's published lokale analyse, by region."""
        return landelijk.lokale_analyses(self.status, self.inputs.composition)

    @cached_property
    def grafieken(self) -> landelijk.LandelijkBeeld:
        """National charts: meldingen per 1,000 per region, the national trend, and a map of the regions."""
        aard = self.inputs.aard
        series = aard[
            (aard["regio_code"] == NATIONAL_REGION)
            & (aard["maat"] == vt_figures.MELDINGEN)
            & (aard["halfjaar"] > 0)
            & (aard["categorie_code"] != "T001")
        ]
        wide = series.pivot(index="periode", columns="categorie_code", values="aantal").rename(columns=VT_AARD.labels)
        wide.index = [half_year_label(p) for p in wide.index]
        return landelijk.LandelijkBeeld(
            periode=self.periode,
            demonstratie=self.demonstration,
            nl_per_1000=next(iter(self.indicators.values())).nl_per_1000,
            per_1000={c: self.indicators[c].per_1000 for c in self.names.index},
            namen=self.names,
            vormen=self._region_shapes(),
            tabellen={"trend": wide},
        )

    @cached_property
    def veranderingen(self) -> veranderd.GrootsteVeranderingen:
        """The largest changes beyond chance since last year, over the regions whose input was accepted."""
        shown = [c for c in self.names.index if c not in self.withheld]
        any_view = self.views[shown[0]] if shown else next(iter(self.views.values()))
        counts = kengetallen.areas_counts(any_view, {c: (self.views[c].member_codes,) * 2 for c in shown})
        return veranderd.largest(counts, self.names, self.periode, self.demonstration)

    def _region_shapes(self) -> pd.DataFrame:
        region_of = self.inputs.composition.set_index("gemeentecode")["centrumgemeente_code"]
        g = self.inputs.gemeente_grenzen.assign(regio=lambda d: d["code"].map(region_of))
        return pd.DataFrame(
            [
                {"code": code, "naam": self.names[code], "geometry": shapely.union_all(list(part))}
                for code, part in g.groupby("regio")["geometry"]
            ]
        )

    @cached_property
    def verantwoording(self) -> landelijk.Verantwoording:
        """Sources, definitions, the disclosure rule and the version."""
        row = extrapolation.latest_per_form(self.inputs.prevalentie).set_index("vorm").loc[KM_FORM]
        low, high = extrapolation.rate_bounds(row)
        return landelijk.Verantwoording(
            periode_code=year_code(self.periode),
            demonstratie=self.demonstration,
            begroting_demonstratie=self.budget_demonstration,
            studie=str(row["studie"]),
            km_laag=low * 1000,
            km_hoog=high * 1000,
            leeftijden=(row["leeftijd_min"], row["leeftijd_max"]),
            versie=__version__,
            kenmerk=self.inputs.inputs_hash,
        )

    @cached_property
    def downloads(self) -> downloads.Downloads:
        """The national workbook (all regions' key figures) and a CSV per table, written when a folder is given."""
        v = self.verantwoording
        context = Context(NATIONAL_REGION, "Nederland", self.periode)
        parts = self.titel.demonstratie
        explanation = downloads.toelichting(
            context, v.lines(), demo_text(parts) if parts else "", __version__, v.kenmerk
        )
        section = downloads.compute(
            context, [self.titel, self.tabel, self.veranderingen, self.grafieken, v], explanation
        )
        if self.files is not None:
            downloads.write(section, self.files)
        return section

    @cached_property
    def einde(self) -> landelijk.Einde:
        """The closing element that marks the overview as complete."""
        return landelijk.Einde()
