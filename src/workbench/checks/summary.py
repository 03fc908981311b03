"""The validation summary of a data folder, cached per input contents, and which regions its failures stop."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from workbench.contracts import BLOCKED_KEY
from workbench.files import prune, write_atomic
from workbench.fingerprint import code_fingerprint
from workbench.io.inputs import inputs_hash
from workbench.paths import EXPECTATIONS_DIR

CACHE_KEEP = 5
"""How many validation summaries the build folder keeps (the newest); older ones are removed."""


def validation_key(inputs_key: str) -> str:
    """The cache key of a validation: the inputs' hash, the suites in ``expectations/`` and the validator's code.

    A tightened suite or a changed check gives a new key, so it applies at once instead of a cached verdict.
    """
    suites = tuple(sorted(EXPECTATIONS_DIR.glob("*.json")))
    return hashlib.sha256((inputs_key + code_fingerprint(suites)).encode()).hexdigest()[:16]


def cache_file(root: Path, build: Path, key: str | None = None) -> Path:
    """Where the summary for these exact input contents (hash ``key``), suites and validator is kept."""
    return build / "validation" / f"{validation_key(key or inputs_hash(root))}.json"


def suite_cache(build: Path) -> Path:
    """Where the suites' results are kept per dataset contents, so only a changed dataset is validated again."""
    return build / "validation" / "suites"


def cached_validation(root: Path, build: Path, key: str | None = None) -> dict | None:
    """The validation summary for these exact input contents, if it was made before."""
    cached = cache_file(root, build, key)
    return json.loads(cached.read_text(encoding="utf-8")) if cached.is_file() else None


def validation_summary(root: Path, build: Path) -> dict:
    """Validate the inputs, or reuse the result for the same input contents.

    Returns
    -------
    dict
        ``inputs_hash``, ``ok`` and per dataset ``name``, ``file``, ``ok``, ``expectations``, ``problems``,
        ``areas``.
    """
    key = inputs_hash(root)
    cached = cached_validation(root, build, key)
    if cached is not None:
        return cached
    from workbench.checks.suites import result_lines, validate_all  # Great Expectations loads only when validating

    results = validate_all(root, cache=suite_cache(build))
    summary = {
        "inputs_hash": key,
        "ok": all(r.ok for r in results),
        "datasets": [
            {
                "name": r.name,
                "file": r.path.name,
                "ok": r.ok,
                "expectations": r.expectations,
                "problems": result_lines(r),
                "areas": _failure_areas(r),
            }
            for r in results
        ],
    }
    target = cache_file(root, build, key)
    write_atomic(target, json.dumps(summary, indent=1, ensure_ascii=False))
    prune(target.parent, CACHE_KEEP)
    return summary


def failed_summary(problem: str) -> dict:
    """A summary that blocks everything, for when validation itself could not run."""
    return {
        "ok": False,
        "datasets": [
            {"name": "validatie", "file": "", "ok": False, "expectations": 0, "problems": [problem], "areas": None}
        ],
    }


def _failure_areas(result) -> list[str] | None:
    """The areas a dataset's failures concern; ``None`` when they concern every region (or it was not read)."""
    if result.ok:
        return []
    if result.region:  # a region's own file concerns that region only
        return [result.region]
    if result.error is not None or any(f.areas is None for f in result.failures):
        return None
    return sorted({a for f in result.failures for a in f.areas})


def blocked_regions(
    summary: dict, composition: pd.DataFrame, regions_of: Mapping[str, list[str]] | None = None
) -> dict[str, list[str]]:
    """Which regions the validation failures stop, with the problems that concern each.

    A failure tied to a gemeente stops its region (``regions_of`` gives the regions of the reporting year for
    a code of any year, see :func:`workbench.io.gemeenten.composition_in`), one tied to a VT-region every
    region with a gemeente in it, one tied to Nederland or to no area (a file that could not be read, a
    reference table) every region.
    """
    region_of = {c: [r] for c, r in zip(composition["gemeentecode"], composition["centrumgemeente_code"], strict=True)}
    region_of.update(regions_of or {})
    regions = sorted(set(composition["centrumgemeente_code"]))
    by_vt = composition.groupby("vt_code")["centrumgemeente_code"].agg(lambda s: sorted(set(s))).to_dict()
    blocked: dict[str, list[str]] = {}
    for dataset in summary["datasets"]:
        if dataset["ok"]:
            continue
        areas = dataset.get("areas")
        if areas is None or any(a not in region_of and a not in by_vt for a in areas):
            hit = regions
        else:
            hit = sorted({r for a in areas for r in region_of.get(a, []) + by_vt.get(a, [])})
        for region in hit:
            blocked.setdefault(region, []).extend(dataset["problems"])
    return blocked


def with_blocked(summary: dict, composition: pd.DataFrame, regions_of: Mapping[str, list[str]] | None = None) -> dict:
    """The summary with :data:`BLOCKED_KEY`: the regions a failure stops (see :func:`blocked_regions`).

    A notebook reads it to withhold those regions' figures from its page (a peer in another region's report, a
    row of the national overview), so that no page shows a figure made from rejected data.
    """
    return {**summary, BLOCKED_KEY: sorted(blocked_regions(summary, composition, regions_of))}
