"""Everything one regio-analyse needs, loaded once: the region, its gemeenten and the data around them."""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, fields, replace
from pathlib import Path

import pandas as pd

from workbench.errors import InputError, UnknownRegionError
from workbench.files import write_atomic
from workbench.fingerprint import code_fingerprint
from workbench.io import budget as budget_io
from workbench.io import geo, kwb, reference, statline
from workbench.io.own_composition import own_list_files
from workbench.paths import build_dir, data_dir


def resolve_region(text: str, composition: pd.DataFrame) -> str:
    """Turn a centrumgemeente code (``GM0344``) or name (``utrecht``, any case) into the region code.

    Parameters
    ----------
    text
        What the user typed.
    composition
        The region composition.

    Returns
    -------
    str
        The centrumgemeente code.
    """
    regions = composition[["centrumgemeente_code", "centrumgemeente_naam"]].drop_duplicates()
    wanted = str(text).strip().casefold()
    for code, name in regions.itertuples(index=False):
        if wanted in (code.casefold(), name.casefold()):
            return code
    valid = ", ".join(f"{c} ({n})" for c, n in sorted(regions.itertuples(index=False), key=lambda r: r[1]))
    raise UnknownRegionError(f"{text!r} is not one of the 35 regions. Valid: {valid}")


def input_files(root: Path) -> list[Path]:
    """The data files a regio-analyse reads (for the input hash in the report and for rebuild decisions)."""
    return [
        root / kwb.KWB_FILE,
        root / geo.GEMEENTE_FILE,
        root / geo.VT_FILE,
        root / reference.CENTRUMGEMEENTEN_FILE,
        root / reference.PREVALENTIE_FILE,
        root / reference.COMPOSITION_FILE,
        *(root / p for p in statline.VT_FILES.values()),
        root / budget_io.BUDGET_FILE,
        *own_list_files(root),
    ]


def inputs_hash(root: Path) -> str:
    """SHA-256 over the paths (relative to ``root``) and contents of :func:`input_files`, first 16 hex digits."""
    digest = hashlib.sha256()
    for path in input_files(root):
        digest.update(path.relative_to(root).as_posix().encode())
        try:
            digest.update(path.read_bytes())
        except OSError as exc:
            raise InputError(path, "the file cannot be read") from exc
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Inputs:
    """All parsed input tables of a data folder (shared by every region)."""

    data_root: Path
    composition: pd.DataFrame
    kwb: pd.DataFrame
    aard: pd.DataFrame
    melder: pd.DataFrame
    budget: pd.DataFrame
    prevalentie: pd.DataFrame
    gemeente_grenzen: pd.DataFrame
    inputs_hash: str


@dataclass(frozen=True)
class RegionData(Inputs):
    """The inputs of one regio-analyse: all inputs (complete, all gemeenten) plus the region itself."""

    code: str
    naam: str
    periode: int
    members: pd.DataFrame

    @property
    def member_codes(self) -> list[str]:
        """The region's gemeente codes, centrumgemeente first, then by name."""
        m = self.members.assign(_c=self.members["gemeentecode"] != self.code).sort_values(["_c", "gemeentenaam"])
        return m["gemeentecode"].tolist()

    @property
    def vt_codes(self) -> list[str]:
        """The VT-regions the region's gemeenten lie in."""
        return sorted(self.members["vt_code"].unique())

    @property
    def is_demonstration(self) -> bool:
        """True when the Veilig Thuis or budget figures are the shipped demonstration files."""
        return any("demo" in p.name for p in (*statline.VT_FILES.values(), budget_io.BUDGET_FILE))


def read_inputs(root: Path) -> Inputs:
    """Read and parse every input file of a data folder."""
    return Inputs(
        data_root=root,
        composition=reference.read_composition(root),
        kwb=kwb.read_kwb(root),
        aard=statline.read_vt_aard(root),
        melder=statline.read_vt_melder(root),
        budget=budget_io.read_budget(root),
        prevalentie=reference.read_prevalentie(root),
        gemeente_grenzen=geo.read_gemeente_boundaries(root),
        inputs_hash=inputs_hash(root),
    )


def load_inputs(data: str | Path | None = None, build: str | Path | None = None) -> Inputs:
    """Read the inputs, or take them from the build cache made for the same file contents and code.

    The cache (a pickle in the private build folder, keyed by the SHA-256 of the input files and of the
    workbench's code) lets a batch parse the inputs once instead of once per region.
    """
    root = data_dir(data)
    cached = build_dir(build) / "cache" / f"inputs-{inputs_hash(root)}-{code_fingerprint()[:12]}.pkl"
    if cached.is_file():
        try:
            with cached.open("rb") as handle:
                inputs = pickle.load(handle)  # our own private build cache, keyed by content hash
            if isinstance(inputs, Inputs):
                return replace(inputs, data_root=root)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass
    inputs = read_inputs(root)
    write_atomic(cached, pickle.dumps(inputs, protocol=pickle.HIGHEST_PROTOCOL))
    return inputs


def region_view(inputs: Inputs, region: str, periode: int = 2024) -> RegionData:
    """The inputs as one region's regio-analyse sees them."""
    code = resolve_region(region, inputs.composition)
    members = inputs.composition[inputs.composition["centrumgemeente_code"] == code].reset_index(drop=True)
    return RegionData(
        **{f.name: getattr(inputs, f.name) for f in fields(Inputs)},
        code=code,
        naam=str(members["centrumgemeente_naam"].iloc[0]),
        periode=int(periode),
        members=members,
    )


def load_region(
    region: str, data: str | Path | None = None, periode: int = 2024, build: str | Path | None = None
) -> RegionData:
    """Load all inputs of one region's regio-analyse.

    Parameters
    ----------
    region
        Centrumgemeente code or name.
    data
        The data folder; ``None`` for the project's ``data/``.
    periode
        The reporting year.
    build
        The private build folder (input cache); ``None`` for the default (see :func:`workbench.paths.build_dir`).

    Returns
    -------
    RegionData
        The loaded inputs.
    """
    return region_view(load_inputs(data, build), region, periode)
