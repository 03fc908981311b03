"""CBS Kerncijfers wijken en buurten 2020 (table 84799NED): the gemeente figures the regio-analyse uses."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from workbench.errors import gather
from workbench.io.cells import parse_numbers
from workbench.io.csv_input import LINE, read_checked_csv
from workbench.paths import data_dir

KWB_FILE = Path("cbs") / "84799NED_kwb2020_gemeenten.csv"
SPLIT_WIJKEN_FILE = Path("cbs") / "84799NED_kwb2020_wijken_gesplitste_gemeenten.csv"
"""The wijken of the gemeenten split since 2020 (Haaren's four villages), same columns plus ``Wijknaam``."""

KWB_COLUMNS: dict[str, str] = {
    "WijkenEnBuurten": "code",
    "Gemeentenaam_1": "naam",
    "SoortRegio_2": "soort_regio",
    "AantalInwoners_5": "inwoners",
    "Mannen_6": "mannen",
    "Vrouwen_7": "vrouwen",
    "k_0Tot15Jaar_8": "leeftijd_0_14",
    "k_15Tot25Jaar_9": "leeftijd_15_24",
    "k_25Tot45Jaar_10": "leeftijd_25_44",
    "k_45Tot65Jaar_11": "leeftijd_45_64",
    "k_65JaarOfOuder_12": "leeftijd_65_plus",
    "Gescheiden_15": "gescheiden",
    "NietWestersTotaal_18": "niet_westerse_migratieachtergrond",
    "HuishoudensTotaal_28": "huishoudens",
    "Eenpersoonshuishoudens_29": "eenpersoonshuishoudens",
    "HuishoudensMetKinderen_31": "huishoudens_met_kinderen",
    "GemiddeldeHuishoudensgrootte_32": "gemiddelde_huishoudensgrootte",
    "Bevolkingsdichtheid_33": "bevolkingsdichtheid",
    "HuishoudensMetEenLaagInkomen_78": "pct_huishoudens_laag_inkomen",
    "PersonenPerSoortUitkeringBijstand_83": "bijstand",
    "JongerenMetJeugdzorgInNatura_87": "jongeren_met_jeugdzorg",
    "PercentageJongerenMetJeugdzorg_88": "pct_jongeren_met_jeugdzorg",
    "OppervlakteLand_111": "oppervlakte_land_ha",
    "MateVanStedelijkheid_115": "stedelijkheid",
    "Omgevingsadressendichtheid_116": "omgevingsadressendichtheid",
}
"""CBS column key -> tidy name. The keys are the column names in the data file, as CBS publishes them."""

AGE_BANDS = ["leeftijd_0_14", "leeftijd_15_24", "leeftijd_25_44", "leeftijd_45_64", "leeftijd_65_plus"]
COUNT_COLUMNS = [
    "inwoners",
    "mannen",
    "vrouwen",
    *AGE_BANDS,
    "gescheiden",
    "niet_westerse_migratieachtergrond",
    "huishoudens",
    "eenpersoonshuishoudens",
    "huishoudens_met_kinderen",
    "bijstand",
    "jongeren_met_jeugdzorg",
    "oppervlakte_land_ha",
]
NATIONAL_CODE = "NL00"
POPULATION_YEAR = 2020
"""The population figures are those of 1 January of this year (Kerncijfers wijken en buurten 2020)."""


def read_kwb(data: str | Path | None = None) -> pd.DataFrame:
    """Read the gemeente and Nederland rows of 84799NED as a tidy frame.

    Parameters
    ----------
    data
        The data folder; ``None`` for the project's ``data/``.

    Returns
    -------
    pandas.DataFrame
        One row per area (``code`` GMxxxx or NL00) with the tidy column names of :data:`KWB_COLUMNS`.
        Counts are nullable integers; a column CBS left empty is all missing, never 0.
    """
    return _typed(data_dir(data) / KWB_FILE)


def read_split_wijken(data: str | Path | None = None) -> pd.DataFrame:
    """Read the wijken of the gemeenten split since 2020 (:data:`SPLIT_WIJKEN_FILE`).

    Returns
    -------
    pandas.DataFrame
        As :func:`read_kwb`, one row per wijk (``code`` WKxxxxxx), plus ``wijknaam`` (the village's name) and
        ``gemeentecode`` (the gemeente of 2020 the wijk lay in).
    """
    frame = _typed(data_dir(data) / SPLIT_WIJKEN_FILE, extra=["Wijknaam"])
    return frame.assign(gemeentecode="GM" + frame["code"].str[2:6])


def _typed(path: Path, extra: list[str] | None = None) -> pd.DataFrame:
    """Read a file with the columns of :data:`KWB_COLUMNS` (and ``extra``) into typed, tidy-named columns."""
    required = [*KWB_COLUMNS, *(extra or [])]
    raw = read_checked_csv(path, required=required, key=["WijkenEnBuurten"], code_columns={"WijkenEnBuurten"})
    frame = raw[required].rename(columns={**KWB_COLUMNS, **{c: c.lower() for c in extra or []}})
    frame[LINE] = raw[LINE]
    whole = [*COUNT_COLUMNS, "stedelijkheid"]
    decimal = [
        "gemiddelde_huishoudensgrootte",
        "bevolkingsdichtheid",
        "pct_huishoudens_laag_inkomen",
        "pct_jongeren_met_jeugdzorg",
        "omgevingsadressendichtheid",
    ]
    parsed = gather(*[lambda c=c: parse_numbers(frame, c, path, whole=c in whole) for c in [*whole, *decimal]])
    for col, values in zip([*whole, *decimal], parsed, strict=True):
        frame[col] = values
    return frame.drop(columns=[LINE])


def gemeenten(kwb: pd.DataFrame) -> pd.DataFrame:
    """Return the gemeente rows of a :func:`read_kwb` frame (without Nederland)."""
    return kwb[kwb["soort_regio"] == "Gemeente"].reset_index(drop=True)
