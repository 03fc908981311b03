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

from workbench import __version__, report_sections
from workbench.indicators import Indicators, compute
from workbench.region_data import RegionData, load_region

VALIDATION_WAIT_SECONDS = 120


class RegioAnalyse:
    """The regio-analyse of one region.

    Parameters
    ----------
    data
        The loaded inputs.
    validation
        The validation summary (see :func:`workbench.report_build.validation_summary`), or ``None``.
    """

    def __init__(self, data: RegionData, validation: str | Path | None = None) -> None:
        self.data = data
        self.validation_path = Path(validation) if validation else None
        self.indicators: Indicators = compute(data)

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
        return HTML(report_sections.title(self.data))

    def samenvatting(self) -> HTML:
        """1. Samenvatting."""
        return HTML(report_sections.samenvatting(self.data, self.indicators))

    def de_regio(self) -> HTML:
        """2. De regio."""
        return HTML(report_sections.de_regio(self.data))

    def meldingen(self) -> HTML:
        """3. Meldingen en adviezen bij Veilig Thuis."""
        return HTML(report_sections.meldingen(self.data, self.indicators))

    def omvang(self) -> HTML:
        """4. Omvang: extrapolatie van landelijke prevalentie."""
        return HTML(report_sections.omvang(self.data))

    def vergelijkbare_regios(self) -> HTML:
        """5. Vergelijkbare regio's."""
        return HTML(report_sections.vergelijkbare_regios(self.data, self.indicators))

    def taken_en_budget(self) -> HTML:
        """6. Taken en budget."""
        return HTML(report_sections.taken_en_budget(self.data))

    def verantwoording(self) -> HTML:
        """7. Verantwoording."""
        return HTML(report_sections.verantwoording(self.data, self._validation(), __version__))

    def einde(self) -> HTML:
        """The closing element that marks the report as complete."""
        return HTML(report_sections.einde(self.data))
