"""Everything one regio-analyse needs, loaded once: the region, its gemeenten and the data around them."""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from functools import cached_property
from pathlib import Path

import pandas as pd

from workbench.errors import InputError, UnknownRegionError, did_you_mean
from workbench.files import prune, write_atomic
from workbench.fingerprint import code_fingerprint
from workbench.io import budget as budget_io
from workbench.io import geo, herindelingen, kwb, own_registrations, reference, register, statline
from workbench.io.gemeenten import Regions, latest_year, read_indeling, regions_in
from workbench.io.own_composition import own_list_files
from workbench.io.provenance import PART_BUDGET, PART_VT, Herkomst
from workbench.paths import build_dir, data_dir
from workbench.stats import vt_cells, year_view
from workbench.stats.indeling import Indeling


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
    pairs = sorted(regions.itertuples(index=False), key=lambda r: r[1])
    valid = ", ".join(f"{c} ({n})" for c, n in pairs)
    suggestion = did_you_mean(wanted, dict(pairs))
    raise UnknownRegionError(f"{text!r} is geen van de {len(pairs)} regio's.{suggestion} Geldig zijn: {valid}")


def input_files(root: Path) -> list[Path]:
    """The data files a regio-analyse reads (for the input hash in the report and for rebuild decisions)."""
    return [
        root / kwb.KWB_FILE,
        root / kwb.SPLIT_WIJKEN_FILE,
        root / herindelingen.CHANGES_FILE,
        root / geo.GEMEENTE_FILE,
        root / geo.VT_FILE,
        root / reference.CENTRUMGEMEENTEN_FILE,
        root / reference.PREVALENTIE_FILE,
        root / reference.COMPOSITION_FILE,
        *register.files(root),
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
            raise InputError(path, f"het bestand is niet te lezen ({exc.strerror or exc})") from exc
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Inputs:
    """All parsed input tables of a data folder (shared by every region).

    As read (``jaar`` is ``None``) the composition, population and boundaries are those of 2020 and every
    Veilig Thuis period is in the indeling of its own year; :func:`in_year` carries them all into the
    gemeenten of one reporting year (``jaar``), which is what every section reads.
    """

    data_root: Path
    composition: pd.DataFrame
    kwb: pd.DataFrame
    aard: pd.DataFrame
    melder: pd.DataFrame
    beoordeling: pd.DataFrame
    """The safety assessment of the meldingen (CBS 84852NED, see :data:`workbench.io.statline.VT_BEOORDELING`)."""
    vervolg: pd.DataFrame
    """What followed the meldingen Veilig Thuis closed (CBS 84854NED, see :data:`workbench.io.statline.VT_VERVOLG`)."""
    budget: pd.DataFrame
    prevalentie: pd.DataFrame
    gemeente_grenzen: pd.DataFrame
    inputs_hash: str
    herkomst: tuple[Herkomst, ...]
    """The provenance register of the data folder (see :mod:`workbench.io.register`)."""
    indeling: Indeling
    blokken: pd.DataFrame
    jaar: int | None = None
    composition_2020: pd.DataFrame | None = None
    """In a carried view: the composition of the 2020 gemeenten it was carried from."""


@dataclass(frozen=True, kw_only=True)
class RegionData(Inputs):
    """The inputs of one regio-analyse: all inputs (complete, all gemeenten) plus the region itself."""

    code: str
    naam: str
    periode: int
    members: pd.DataFrame

    @property
    def member_codes(self) -> list[str]:
        """The region's gemeente codes, centrumgemeente first, then by name (a new list each time)."""
        return list(self._member_order)

    @cached_property
    def _member_order(self) -> tuple[str, ...]:
        m = self.members.assign(_c=self.members["gemeentecode"] != self.code).sort_values(["_c", "gemeentenaam"])
        return tuple(m["gemeentecode"].tolist())

    @property
    def vt_codes(self) -> list[str]:
        """The VT-regions the region's gemeenten lie in."""
        return sorted(self.members["vt_code"].unique())

    @property
    def bronnen(self) -> tuple[Herkomst, ...]:
        """The provenance entries behind this region's report (see :mod:`workbench.io.register`)."""
        return register.for_region(self.herkomst, self.code)

    @property
    def vt_demonstratie(self) -> bool:
        """Whether the Veilig Thuis tables of meldingen and adviezen (the shared ones) are demonstration figures.

        The later tables have their own flag, :meth:`demonstratie_tabel`.
        """
        return any(
            e.demonstratie
            for e in self.bronnen
            if e.onderdeel == PART_VT and not e.regio and e.tabel in statline.MELDINGEN_TABLES
        )

    def demonstratie_tabel(self, table_id: str) -> bool:
        """Whether one Veilig Thuis table (such as the safety assessment's, 84852NED) holds demonstration figures."""
        return any(e.demonstratie for e in self.bronnen if e.tabel == table_id)

    @property
    def vt_eigen(self) -> tuple[Herkomst, ...]:
        """The region's own Veilig Thuis registrations, if any."""
        return tuple(e for e in self.bronnen if e.onderdeel == PART_VT and e.regio)

    @property
    def begroting_demonstratie(self) -> bool:
        """Whether the region's budget lines are demonstration figures."""
        return any(e.demonstratie for e in self.bronnen if e.onderdeel == PART_BUDGET)

    @property
    def is_demonstration(self) -> bool:
        """Whether any figures of the report are demonstration figures (the Veilig Thuis tables or the budget)."""
        return self.vt_demonstratie or self.begroting_demonstratie


def read_inputs(root: Path) -> Inputs:
    """Read and parse every input file of a data folder (with the regions' own registrations applied)."""
    population = kwb.read_kwb(root)
    indeling, blokken = read_indeling(root, population)
    composition = reference.read_composition(root)
    latest = indeling.years[-1]
    regions_of = year_view.regions_of_codes(
        year_view.composition_in_year(composition, blokken, indeling, latest), indeling, latest
    )
    return Inputs(
        data_root=root,
        composition=composition,
        kwb=population,
        aard=own_registrations.with_own(statline.read_vt_aard(root), statline.VT_AARD, root, regions_of, indeling),
        melder=own_registrations.with_own(
            statline.read_vt_melder(root), statline.VT_MELDER, root, regions_of, indeling
        ),
        beoordeling=statline.read_vt_table(statline.VT_BEOORDELING, root),
        vervolg=statline.read_vt_table(statline.VT_VERVOLG, root),
        budget=budget_io.read_budget(root),
        prevalentie=reference.read_prevalentie(root),
        gemeente_grenzen=geo.read_gemeente_boundaries(root),
        inputs_hash=inputs_hash(root),
        herkomst=register.register(root),
        indeling=indeling,
        blokken=blokken,
    )


def in_year(inputs: Inputs, year: int) -> Inputs:
    """The inputs carried into the gemeenten of ``year`` (see :mod:`workbench.stats.year_view`)."""
    if inputs.jaar is not None:
        if inputs.jaar != year:
            raise ValueError(f"these inputs are already in the gemeenten of {inputs.jaar}, not of {year}")
        return inputs
    ind, blocks, root = inputs.indeling, inputs.blokken, inputs.data_root
    return replace(
        inputs,
        composition=year_view.composition_in_year(inputs.composition, blocks, ind, year),
        kwb=year_view.kwb_in_year(inputs.kwb, blocks, ind, year),
        aard=vt_cells.in_year(inputs.aard, ind, year, root / statline.vt_file(root, statline.VT_AARD.table_id)),
        melder=vt_cells.in_year(inputs.melder, ind, year, root / statline.vt_file(root, statline.VT_MELDER.table_id)),
        beoordeling=vt_cells.in_year(
            inputs.beoordeling, ind, year, root / statline.vt_file(root, statline.VT_BEOORDELING.table_id)
        ),
        vervolg=vt_cells.in_year(
            inputs.vervolg, ind, year, root / statline.vt_file(root, statline.VT_VERVOLG.table_id)
        ),
        budget=year_view.budget_in_year(inputs.budget, ind, year),
        gemeente_grenzen=year_view.boundaries_in_year(inputs.gemeente_grenzen, ind, year),
        jaar=int(year),
        composition_2020=inputs.composition,
    )


CACHE_KEEP = 4
"""How many parsed-input pickles the build folder keeps (the newest: about 35 MB each, two per input version)."""


def _cached(path: Path, kind: type, make: Callable[[], object]) -> object:
    """The object pickled at ``path``, else ``make()``, kept there (the folder keeps its newest few files).

    Our own private build cache, keyed by content hash: a pickle of another kind or a broken one is made again.
    """
    if path.is_file():
        try:
            kept = pickle.loads(path.read_bytes())
            if isinstance(kept, kind):
                return kept
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass
    made = make()
    write_atomic(path, pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))
    prune(path.parent, CACHE_KEEP)
    return made


def _stamp(root: Path, key: str | None = None) -> str:
    """The cache key of a data folder: its input contents and the workbench's code."""
    return f"{key or inputs_hash(root)}-{code_fingerprint()[:12]}"


def load_inputs(data: str | Path | None = None, build: str | Path | None = None, jaar: int | None = None) -> Inputs:
    """Read the inputs (carried into the gemeenten of ``jaar`` when given), or take them from the build cache.

    The cache (pickles in the private build folder, keyed by the SHA-256 of the input files and of the
    workbench's code, and by the year) lets a batch parse the inputs once instead of once per region.
    """
    root = data_dir(data)
    cached = build_dir(build) / "cache" / f"inputs-{_stamp(root)}-{jaar or 'gelezen'}.pkl"
    inputs = _cached(
        cached, Inputs, lambda: read_inputs(root) if jaar is None else in_year(load_inputs(root, build), jaar)
    )
    return replace(inputs, data_root=root)


def regions_cached(
    data: str | Path | None = None, build: str | Path | None = None, jaar: int | None = None, key: str | None = None
) -> Regions:
    """The regions of reporting year ``jaar`` (``None``: the latest year of the data), kept in the build folder.

    Keyed like :func:`load_inputs` (input contents, code), so that a batch with nothing to build reads neither the
    Veilig Thuis table nor the indeling; ``key`` is the :func:`inputs_hash` when the caller has it already.
    A changed or broken input file misses the cache and is read (and refused) as ever.
    """
    root = data_dir(data)
    cached = build_dir(build) / "cache" / "regios" / f"regios-{_stamp(root, key)}-{jaar or 'laatste'}.pkl"
    return _cached(cached, Regions, lambda: regions_in(root, latest_year(root) if jaar is None else jaar))


def region_view(inputs: Inputs, region: str, periode: int = 2024) -> RegionData:
    """The inputs as one region's regio-analyse of reporting year ``periode`` sees them."""
    inputs = in_year(inputs, periode)
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
    return region_view(load_inputs(data, build, periode), region, periode)
