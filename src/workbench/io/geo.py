"""The 2020 boundaries (CBS/PDOK, generalised, WGS84) as shapely geometries in a flat kilometre grid."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import shapely
import shapely.errors
from shapely.geometry import shape

from workbench.errors import InputError
from workbench.io.csv_input import isolate_bidi
from workbench.paths import data_dir

GEMEENTE_FILE = Path("geo") / "gemeente_2020.geojson"
VT_FILE = Path("geo") / "veiligthuisregio_2020.geojson"
PROVINCIE_FILE = Path("geo") / "provincie_2020.geojson"

_LAT0 = 52.15
KM_PER_DEGREE_LON = 111.32 * math.cos(math.radians(_LAT0))
KM_PER_DEGREE_LAT = 110.57
"""An equirectangular projection around the Netherlands' mean latitude: distances within ~0.5% of true."""


def to_km(geometry: shapely.Geometry) -> shapely.Geometry:
    """Project a WGS84 geometry to kilometres (x east, y north)."""
    return shapely.transform(geometry, lambda xy: xy * np.array([KM_PER_DEGREE_LON, KM_PER_DEGREE_LAT]))


def read_gemeente_boundaries(data: str | Path | None = None) -> pd.DataFrame:
    """The gemeente boundaries of a data folder (see :func:`read_boundaries_file`)."""
    return read_boundaries_file(data_dir(data) / GEMEENTE_FILE)


def read_vt_boundaries(data: str | Path | None = None) -> pd.DataFrame:
    """The Veilig Thuis-region boundaries of a data folder (see :func:`read_boundaries_file`)."""
    return read_boundaries_file(data_dir(data) / VT_FILE)


def read_boundaries_file(path: Path) -> pd.DataFrame:
    """Read a boundary file into a frame of ``code``, ``naam`` and ``geometry`` (WGS84).

    Returns
    -------
    pandas.DataFrame
        One row per feature, sorted by code. Geometries are repaired with ``shapely.make_valid``: the
        generalised CBS boundaries hold a few self-intersections that generalisation introduced.
    """
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        where = f" (regel {exc.lineno}, teken {exc.colno})" if isinstance(exc, json.JSONDecodeError) else ""
        raise InputError(
            path,
            f"dit is geen leesbaar GeoJSON-bestand{where}; is het afgebroken of beschadigd?",
            hint="haal het bestand opnieuw op bij de bron (CBS/PDOK)",
        ) from exc
    features = doc.get("features") if isinstance(doc, dict) else None
    if not isinstance(features, list) or not features:
        raise InputError(path, "het GeoJSON-bestand heeft geen lijst 'features' met grenzen")
    rows = [_feature(f, i, path) for i, f in enumerate(features, start=1)]
    return pd.DataFrame(rows).sort_values("code", ignore_index=True)


def _feature(feature: object, number: int, path: Path) -> dict:
    """One boundary as a row; a feature without code, name or a readable geometry is named in the error."""
    try:
        props = feature["properties"]
        code = str(props["statcode"]).strip()
        name = isolate_bidi(str(props["statnaam"]).strip())
    except (KeyError, TypeError) as exc:
        raise InputError(
            path, f"grens nummer {number} mist statcode of statnaam", hint="elke grens heeft statcode en statnaam"
        ) from exc
    try:
        geometry = shapely.make_valid(shape(feature["geometry"]))
    except (KeyError, TypeError, ValueError, AttributeError, IndexError, shapely.errors.ShapelyError) as exc:
        raise InputError(
            path,
            f"de grens van {code} ({name}, nummer {number}) is geen leesbare vorm",
            hint="haal het bestand opnieuw op bij de bron (CBS/PDOK)",
        ) from exc
    return {"code": code, "naam": name, "geometry": geometry}
