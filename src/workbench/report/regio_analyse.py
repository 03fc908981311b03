"""What the regio-analyse notebook calls: one object per region, one method per section.

Each method returns an ``IPython.display.HTML`` object, so that in JupyterLab the section shows as it will in
the report, and nbconvert exports exactly that HTML.
"""

from __future__ import annotations

import json
import time
import warnings
from pathlib import Path

from IPython.display import HTML

from workbench import __version__
from workbench.io import regiovisie
from workbench.io.inputs import RegionData, load_region
from workbench.report import html_parts, sections_core, sections_regiovisie
from workbench.stats.indicators import Indicators, compute

VALIDATION_WAIT_SECONDS = 120


class RegioAnalyse:
    """The regio-analyse of one region.

    Parameters
    ----------
    data
        The loaded inputs.
    validation
        The validation summary (see :func:`workbench.build.report.validation_summary`), or ``None``.
    """

    def __init__(self, data: RegionData, validation: str | Path | None = None) -> None:
        self.data = data
        self.validation_path = Path(validation) if validation else None
        self.indicators: Indicators = compute(data)
        self.invoer: dict | None = regiovisie.load_for_region(data.code, data.member_codes, data.data_root)

    @classmethod
    def load(cls, regio: str, data_dir: str = "", periode: int = 2024, validatie: str = "") -> RegioAnalyse:
        """Load a region (code or name); ``data_dir`` empty for the project's ``data/``.

        ``validatie`` is the path where the builder puts the validation summary; it is read only by
        :meth:`verantwoording`, which waits for it (validation may still be running when the notebook starts).
        """
        warnings.filterwarnings("ignore")
        return cls(load_region(regio, data_dir or None, periode), validatie or None)

    def _validation(self) -> dict | None:
        if self.validation_path is None:
            return None
        deadline = time.monotonic() + VALIDATION_WAIT_SECONDS
        while not self.validation_path.is_file():
            if time.monotonic() > deadline:
                raise TimeoutError(f"no validation summary after {VALIDATION_WAIT_SECONDS} s")
            time.sleep(0.05)
        return json.loads(self.validation_path.read_text(encoding="utf-8"))

    def titel(self) -> HTML:
        """Heading and, with demonstration data, the banner."""
        return HTML(sections_core.title(self.data, __version__))

    def samenvatting(self) -> HTML:
        """1. Samenvatting."""
        return self._with_commentary(sections_core.samenvatting(self.data, self.indicators), "samenvatting")

    def de_regio(self) -> HTML:
        """2. De regio."""
        return self._with_commentary(sections_core.de_regio(self.data), "de_regio")

    def meldingen(self) -> HTML:
        """3. Meldingen en adviezen bij Veilig Thuis."""
        return self._with_commentary(sections_core.meldingen(self.data, self.indicators), "meldingen")

    def omvang(self) -> HTML:
        """4. Omvang: extrapolatie van landelijke prevalentie."""
        return self._with_commentary(sections_core.omvang(self.data), "omvang")

    def vergelijkbare_regios(self) -> HTML:
        """5. Vergelijkbare regio's."""
        return self._with_commentary(
            sections_core.vergelijkbare_regios(self.data, self.indicators), "vergelijkbare_regios"
        )

    def problematiek(self) -> HTML:
        """6. Specifieke problematiek (from the region's input file)."""
        return self._with_commentary(sections_regiovisie.problematiek(self.data, self.invoer), "problematiek")

    def aanbieders(self) -> HTML:
        """7. Huidige aanbieders."""
        return self._with_commentary(sections_regiovisie.aanbieders(self.data, self.invoer), "aanbieders")

    def spelers(self) -> HTML:
        """8. Spelers en krachtenveld."""
        return self._with_commentary(sections_regiovisie.spelers(self.data, self.invoer), "spelers")

    def taken_en_budget(self) -> HTML:
        """9. Taken en budget, with the agreed tasks."""
        section = sections_core.taken_en_budget(self.data)
        section = html_parts.extend_section(section, sections_regiovisie.taken(self.data, self.invoer))
        return self._with_commentary(section, "taken_en_budget")

    def procesplanning(self) -> HTML:
        """10. Procesplanning."""
        return self._with_commentary(sections_regiovisie.procesplanning(self.data, self.invoer), "planning")

    def financiele_paragraaf(self) -> HTML:
        """11. Financiële paragraaf."""
        return self._with_commentary(sections_regiovisie.financiele_paragraaf(self.data, self.invoer), "financien")

    def monitoring(self) -> HTML:
        """12. Monitoring."""
        return self._with_commentary(sections_regiovisie.monitoring_hoofdstuk(self.data, self.invoer), "monitoring")

    def _with_commentary(self, section_html: str, section: str) -> HTML:
        return HTML(sections_regiovisie.with_commentary(section_html, self.invoer, section))

    def verantwoording(self) -> HTML:
        """13. Verantwoording."""
        if self.invoer is None:
            source = "Hoofdstukken 6 tot en met 12: de regio heeft nog geen eigen invoer aangeleverd."
        else:
            source = f"Hoofdstukken 6 tot en met 12: invoer van de regio (regios/{self.data.code}/regiovisie.yaml)" + (
                ", hier voorbeeldinvoer (demonstratie)." if self.invoer.get("voorbeeld") else "."
            )
        return HTML(sections_core.verantwoording(self.data, self._validation(), __version__, source))

    def einde(self) -> HTML:
        """The closing element that marks the report as complete."""
        return HTML(sections_core.einde(self.data))
