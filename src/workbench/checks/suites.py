"""Validate every input with the Great Expectations suites in ``expectations/``.

Suites are JSON files, run through an ephemeral context: nothing is written (no ``gx/`` folder), no usage
statistics are sent and no progress bars are shown. Known codes (gemeenten, VT-regions, centrumgemeenten) are
passed to the suites as parameters taken from the reference data itself.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import TypeVar

import pandas as pd

from workbench.checks import views
from workbench.errors import InputError, located_lines
from workbench.files import prune, write_atomic
from workbench.fingerprint import code_fingerprint
from workbench.io import budget, geo, herindelingen, kwb, own_registrations, reference, statline
from workbench.io.csv_input import LINE
from workbench.io.gemeenten import read_indeling
from workbench.paths import EXPECTATIONS_DIR, data_dir
from workbench.stats import year_view
from workbench.stats.indeling import Indeling

MAX_ROWS_SHOWN = 5
AREA = "regio_code"
"""Column that ties a row to an area (gemeente, VT-region, Nederland or region), where a dataset has one."""


@dataclass(frozen=True)
class Failure:
    """One expectation that did not hold."""

    dataset: str
    path: Path
    expectation: str
    description: str
    """The rule, in Dutch (the suite's ``meta.description``)."""
    column: str | None
    rows: list[int]
    values: list[object]
    count: int
    areas: list[str] | None = None
    """Region codes (``regio_code``) of the offending rows, where the dataset has them; ``None``: all areas."""
    hint: str = ""
    """What to write instead, in Dutch (the suite's ``meta.oplossing``)."""
    unchecked: str = ""
    """Why the rule could not be checked at all (for example a reference file it needs is unreadable)."""

    def lines(self) -> list[str]:
        """One Dutch line per offending row: file, line, column, the rule broken, the value, what to write."""
        if self.unchecked:
            problem = f"de regel '{self.description}' kon niet worden gecontroleerd ({self.unchecked})"
            return located_lines(self.path, problem, self.column)
        problem = f"voldoet niet aan de regel '{self.description}'"
        return located_lines(self.path, problem, self.column, self.rows, self.values, self.hint, self.count)

    def message(self) -> str:
        """All lines of :meth:`lines`."""
        return "\n".join(self.lines())


@dataclass
class DatasetResult:
    """The outcome for one dataset: read error, or the suite's failures."""

    name: str
    path: Path
    rows: int = 0
    expectations: int = 0
    failures: list[Failure] = field(default_factory=list)
    error: InputError | None = None
    region: str = ""
    """For a region's own file: the region (its problems stop that region only)."""

    @property
    def ok(self) -> bool:
        """True when the file was read and every expectation held."""
        return self.error is None and not self.failures


@dataclass(frozen=True)
class Dataset:
    """A dataset: its file, how to turn the data folder into its validation frame, and its suite."""

    name: str
    relative: Path | Callable[[Path], Path]
    """The file, relative to the data folder (or how to find it there)."""
    view: Callable[[Path, dict[str, object]], pd.DataFrame]
    suite: str = ""
    """The suite that checks it (default: the dataset's name)."""
    region: str = ""
    """For a region's own file: the region."""

    def path(self, root: Path) -> Path:
        """The file in the data folder ``root``."""
        return root / (self.relative(root) if callable(self.relative) else self.relative)


def _quiet_gx() -> None:
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    for name in ("great_expectations", "great_expectations.core", "great_expectations.data_context"):
        logging.getLogger(name).setLevel(logging.ERROR)


def load_suite(name: str, directory: Path = EXPECTATIONS_DIR) -> dict:
    """Read a suite file (``expectations/NAME.json``)."""
    return json.loads((directory / f"{name}.json").read_text(encoding="utf-8"))


def _context():
    _quiet_gx()
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
    )
    return gx, gx.get_context(mode="ephemeral", project_config=config)


SUITE_CACHE_KEEP = 400
"""How many suite results the build folder keeps (the newest): a few input versions of every dataset."""


class SuiteRunner:
    """Runs suites on frames through one ephemeral Great Expectations context.

    With a cache folder, the failures of a suite on a frame are kept under a key of the suite, its parameters, the
    frame's contents and the workbench's code: a dataset that did not change since the last validation is not run
    again (only a changed file is), and Great Expectations is loaded only when a suite has to run.
    """

    def __init__(self, cache: Path | None = None) -> None:
        self._cache = cache
        self._gx = None

    def _ready(self) -> None:
        if self._gx is None:
            self._gx, context = _context()
            source = context.data_sources.add_pandas("workbench")
            self._batch_definition = source.add_dataframe_asset("frame").add_batch_definition_whole_dataframe("all")

    def run(self, name: str, path: Path, frame: pd.DataFrame, parameters: dict[str, object]) -> list[Failure]:
        """Validate ``frame`` with suite ``name`` and return the failed expectations."""
        spec = load_suite(name)
        key = _result_key(spec, frame, parameters) if self._cache is not None else None
        kept = self._cache / f"{key}.json" if key else None
        if kept is not None and kept.is_file():
            return [Failure(**{**f, "path": path}) for f in json.loads(kept.read_text(encoding="utf-8"))]
        self._ready()
        suite = self._gx.ExpectationSuite(name=spec["name"], expectations=spec["expectations"])
        batch = self._batch_definition.get_batch(batch_parameters={"dataframe": frame})
        index_columns = [LINE, *([AREA] if AREA in frame.columns else [])]
        result = batch.validate(
            suite,
            expectation_parameters=parameters,
            result_format={"result_format": "COMPLETE", "unexpected_index_column_names": index_columns},
        )
        failures = [_failure(name, path, r) for r in result.results if not r.success]
        if kept is not None:
            _keep(kept, failures)
        return failures


def _result_key(spec: dict, frame: pd.DataFrame, parameters: dict[str, object]) -> str | None:
    """The cache key of a suite's result on a frame, or ``None`` when the frame cannot be hashed."""
    try:
        rows = pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes()
    except TypeError:  # a cell that is a list or a mapping
        return None
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(json.dumps(spec, sort_keys=True).encode())
    digest.update(json.dumps(parameters, sort_keys=True, default=str).encode())
    digest.update(json.dumps([[str(c), str(d)] for c, d in frame.dtypes.items()]).encode())
    digest.update(rows)
    return digest.hexdigest()[:32]


def _keep(target: Path, failures: list[Failure]) -> None:
    """Keep a suite's failures, unless JSON cannot give them back exactly (then the suite simply runs again)."""
    records = [{k: v for k, v in asdict(f).items() if k != "path"} for f in failures]
    try:
        text = json.dumps(records, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        return
    if json.loads(text) != records:
        return
    write_atomic(target, text)
    prune(target.parent, SUITE_CACHE_KEEP)


def _plain(value: object) -> object:
    """Turn numpy scalars into plain Python values for messages."""
    return value.item() if hasattr(value, "item") else value


def _failure(name: str, path: Path, r) -> Failure:
    config = r.expectation_config
    column = config.kwargs.get("column") or ",".join(config.kwargs.get("column_list", []) or []) or None
    res = r.result or {}
    index = res.get("unexpected_index_list") or []
    rows = [int(i[LINE]) for i in index if isinstance(i, dict) and LINE in i]
    values = [i.get(column) for i in index if isinstance(i, dict)] if column and "," not in column else []
    if not values:
        values = list(res.get("partial_unexpected_list") or [])
    meta = config.meta or {}
    description = meta.get("description", config.type)
    unchecked = ""
    if r.exception_info and r.exception_info.get("raised_exception"):
        unchecked = str(r.exception_info.get("exception_message"))[:200]
    if not rows and "observed_value" in res:
        values = [res["observed_value"]]
    count = int(res.get("unexpected_count") or len(rows) or 1)
    areas = sorted({str(i[AREA]) for i in index if isinstance(i, dict) and AREA in i}) or None
    if rows and len(rows) < count:
        areas = None  # not every offending row was listed: do not narrow the failure down
    values = [_plain(v) for v in values]
    hint = meta.get("oplossing", "")
    return Failure(name, path, config.type, description, column, rows, values, count, areas, hint, unchecked)


def _parameters(root: Path) -> dict[str, object]:
    """Known codes for the suites, from the boundaries and the list of centrumgemeenten."""
    today = date.today().year
    params: dict[str, object] = {"laatste_jaar": today, "volgend_jaar": today + 1, "taken": list(budget.SPENDING_TASKS)}
    # A file that cannot be read is reported by its own dataset; the suites that need its codes then say
    # that they could not be checked.
    with contextlib.suppress(InputError):
        gemeenten = _read(geo.read_gemeente_boundaries, root)["code"].tolist()
        params.update(
            gemeenten=gemeenten,
            aantal_gemeenten=len(gemeenten),
            gemeenten_en_nl=[*gemeenten, kwb.NATIONAL_CODE],
            aantal_gemeenten_plus_nl=len(gemeenten) + 1,
        )
    with contextlib.suppress(InputError):
        indeling, _blocks = _indeling(root)
        params["gemeenten_sinds_2020"] = sorted(set().union(*(indeling.codes(y) for y in indeling.years)))
    with contextlib.suppress(InputError):
        params["vt_regios"] = _read(geo.read_vt_boundaries, root)["code"].tolist()
    with contextlib.suppress(InputError):
        params["centrumgemeenten"] = _read(reference.read_centrumgemeenten, root)["gemeentecode"].tolist()
    if "gemeenten_sinds_2020" in params and "vt_regios" in params:
        params["regio_codes"] = [*params["gemeenten_sinds_2020"], *params["vt_regios"], statline.NATIONAL_REGION]
    return params


def _sourced_or_none(root: Path) -> pd.DataFrame | None:
    """The sourced composition, or ``None`` when the data folder has none (then it is not compared)."""
    if not (root / reference.SOURCED_COMPOSITION_FILE).is_file():
        return None
    return reference.read_sourced_composition(root)


def _statline(spec: statline.TableSpec) -> Callable[[Path, dict[str, object]], pd.DataFrame]:
    return lambda root, _p: views.statline_view(
        statline.read_statline_file(root / statline.vt_file(root, spec.table_id), spec), spec, _indeling(root)[0]
    )


def _vt_file(spec: statline.TableSpec) -> Callable[[Path], Path]:
    return lambda root: statline.vt_file(root, spec.table_id)


T = TypeVar("T")
_READ_ONCE: ContextVar[dict | None] = ContextVar("read_once", default=None)
"""While :func:`validate_all` runs: what several datasets read (population, indeling, boundaries), read once."""


def _read(reader: Callable[[Path], T], root: Path) -> T:
    """``reader(root)``, or what it gave before within the same :func:`validate_all` (a failure is not kept)."""
    memo = _READ_ONCE.get()
    if memo is None:
        return reader(root)
    if (reader, root) not in memo:
        memo[reader, root] = reader(root)
    return memo[reader, root]


def _indeling_of(root: Path) -> tuple[Indeling, pd.DataFrame]:
    return read_indeling(root, _read(kwb.read_kwb, root))


def _indeling(root: Path) -> tuple[Indeling, pd.DataFrame]:
    return _read(_indeling_of, root)


def _budget(root: Path, _params: dict[str, object]) -> pd.DataFrame:
    """The budget as its suite sees it: each year's gemeenten checked against that year's composition."""
    return _budget_checked(root, budget.read_budget_file(root / budget.BUDGET_FILE))


def _budget_checked(root: Path, lines: pd.DataFrame) -> pd.DataFrame:
    indeling, blocks = _indeling(root)
    composition = _read(reference.read_composition, root)
    return views.budget_view(
        lines, lambda year: year_view.composition_in_year(composition, blocks, indeling, year), indeling
    )


def own_datasets(root: Path) -> list[Dataset]:
    """The regions' own files (Veilig Thuis registrations, budgets), each checked by the suite of its kind."""
    out = []
    for spec, suite in ((statline.VT_AARD, "vt_aard_84851NED"), (statline.VT_MELDER, "vt_melder_84849NED")):
        for region, path in own_registrations.own_files(root, spec.table_id).items():
            out.append(
                Dataset(
                    f"eigen_{path.stem}_{region}",
                    path.relative_to(root),
                    lambda r, _p, path=path, spec=spec, region=region: _own_registrations(r, path, spec, region),
                    suite,
                    region,
                )
            )
    for region, path in budget.own_budget_files(root).items():
        out.append(
            Dataset(
                f"eigen_begroting_{region}",
                path.relative_to(root),
                lambda r, _p, path=path, region=region: _budget_checked(r, budget.read_own_budget(path, region)),
                "begroting",
                region,
            )
        )
    return out


def _own_registrations(root: Path, path: Path, spec: statline.TableSpec, region: str) -> pd.DataFrame:
    indeling, blocks = _indeling(root)
    latest = indeling.years[-1]
    composition = year_view.composition_in_year(_read(reference.read_composition, root), blocks, indeling, latest)
    regions_of = year_view.regions_of_codes(composition, indeling, latest)
    members = {code for code, regions in regions_of.items() if region in regions}
    return views.statline_view(own_registrations.read_own_file(path, spec, members), spec, indeling)


DATASETS: list[Dataset] = [
    Dataset("kwb_gemeenten", kwb.KWB_FILE, lambda root, _p: views.kwb_view(_read(kwb.read_kwb, root))),
    Dataset(
        "gemeentegrenzen",
        geo.GEMEENTE_FILE,
        lambda root, _p: views.boundaries_view(_read(geo.read_gemeente_boundaries, root)),
    ),
    Dataset(
        "vt_grenzen",
        geo.VT_FILE,
        lambda root, _p: views.boundaries_view(_read(geo.read_vt_boundaries, root)),
    ),
    Dataset(
        "centrumgemeenten",
        reference.CENTRUMGEMEENTEN_FILE,
        lambda root, _p: _read(reference.read_centrumgemeenten, root),
    ),
    Dataset(
        "prevalentie",
        reference.PREVALENTIE_FILE,
        lambda root, _p: views.prevalence_view(reference.read_prevalentie(root)),
    ),
    Dataset(
        "regio_indeling",
        reference.COMPOSITION_FILE,
        lambda root, p: views.composition_view(
            _read(reference.read_composition, root), list(p.get("centrumgemeenten", [])), _sourced_or_none(root)
        ),
    ),
    Dataset("vt_aard_84851NED", _vt_file(statline.VT_AARD), _statline(statline.VT_AARD)),
    Dataset("vt_melder_84849NED", _vt_file(statline.VT_MELDER), _statline(statline.VT_MELDER)),
    Dataset("vt_beoordeling_84852NED", _vt_file(statline.VT_BEOORDELING), _statline(statline.VT_BEOORDELING)),
    Dataset("vt_vervolg_84854NED", _vt_file(statline.VT_VERVOLG), _statline(statline.VT_VERVOLG)),
    Dataset(
        "herindelingen",
        herindelingen.CHANGES_FILE,
        lambda root, p: views.changes_view(herindelingen.read_changes(root), list(p.get("gemeenten", []))),
    ),
    Dataset(
        "kwb_wijken_gesplitst", kwb.SPLIT_WIJKEN_FILE, lambda root, _p: views.kwb_view(kwb.read_split_wijken(root))
    ),
    Dataset("begroting", budget.BUDGET_FILE, _budget),
]


def validate_all(
    data: str | Path | None = None, only: list[str] | None = None, cache: Path | None = None
) -> list[DatasetResult]:
    """Read and validate every dataset in the data folder.

    Parameters
    ----------
    data
        The data folder; ``None`` for the project's ``data/``.
    only
        Names of datasets to validate (default: all of :data:`DATASETS`).
    cache
        Where suite results are kept per dataset contents (see :class:`SuiteRunner`); ``None``: not kept.

    Returns
    -------
    list of DatasetResult
        One per dataset, in the order of :data:`DATASETS`, then the regions' own files (see
        :func:`own_datasets`). A file that cannot be read gives a result with ``error`` set; the other datasets
        are still validated.
    """
    token = _READ_ONCE.set({})  # what several datasets need (population, indeling, boundaries) read once
    try:
        return _validate_all(data_dir(data), only, cache)
    finally:
        _READ_ONCE.reset(token)


def _validate_all(root: Path, only: list[str] | None, cache: Path | None) -> list[DatasetResult]:
    params = _parameters(root)
    runner = SuiteRunner(cache)
    results = []
    try:
        datasets = [*DATASETS, *own_datasets(root)]
    except InputError as exc:  # a region keeps two own files of one kind: say so, check the rest
        datasets = list(DATASETS)
        results.append(DatasetResult("eigen_bestanden", exc.path, error=exc))
    for ds in datasets:
        if only and ds.name not in only:
            continue
        path = ds.path(root)
        suite = ds.suite or ds.name
        result = DatasetResult(ds.name, path, expectations=len(load_suite(suite)["expectations"]), region=ds.region)
        try:
            frame = ds.view(root, params)
        except InputError as exc:
            result.error = exc
        else:
            result.rows = len(frame)
            result.failures = runner.run(suite, path, frame, params)
        results.append(result)
    return results


def summary(results: list[DatasetResult]) -> str:
    """Write the results as readable text: one line per dataset, then every problem."""
    lines = []
    for r in results:
        state = "goed" if r.ok else "FOUT"
        detail = f"{r.rows} regels, {r.expectations} controles" if r.error is None else "niet te lezen"
        if r.failures:
            detail += f", {len(r.failures)} niet gehaald"
        lines.append(f"{state} {r.name:<24} {r.path.name:<50} {detail}")
    problems = problem_lines(results)
    if problems:
        lines.append("")
        lines.append("Problemen (één per regel):")
        lines += [f"- {p}" for p in problems]
    return "\n".join(lines)


def problem_lines(results: list[DatasetResult]) -> list[str]:
    """Every problem of every result, one line each (a file that cannot be read, then each failed rule's rows)."""
    return [line for r in results for line in result_lines(r)]


def result_lines(r: DatasetResult) -> list[str]:
    """The problems of one dataset, one line each."""
    return (r.error.lines() if r.error is not None else []) + [line for f in r.failures for line in f.lines()]
