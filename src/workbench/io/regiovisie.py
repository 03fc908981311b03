"""The region's own input for the regiovisie chapters: ``data/regios/CODE/regiovisie.yaml``.

The file is validated against the schema below; every problem is reported at once, each with its line in the
file and the path to the field (``spelers[2].rol``). The commented template is
``src/workbench/templates/regiovisie.yaml``; ``workbench init-region REGION`` writes it for a region.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from workbench.errors import Problem, RegiovisieError
from workbench.io.budget import SPENDING_TASKS
from workbench.io.csv_input import isolate_bidi
from workbench.paths import REGIOS_DIR, data_dir

FILE_NAME = "regiovisie.yaml"
TEMPLATE = Path(__file__).parent / "templates" / "regiovisie.yaml"

ROLES = ("meedenken", "meebeslissen", "meeweten")
PHASES = ("voorbereiding", "analyse", "besluitvorming", "uitvoering", "evaluatie")
LEVELS = ("regionaal", "lokaal")
SHARING = ("inwoners", "sleutel")
DIRECTIONS = ("hoger", "lager")
COMPUTED_INDICATORS = {
    "meldingen_per_1000": "ontvangen meldingen per 1.000 inwoners (CBS, tabelvorm 84851NED)",
    "adviezen_per_1000": "gestarte adviezen per 1.000 inwoners (CBS, tabelvorm 84851NED)",
    "aandeel_politie": "aandeel meldingen van politie en justitie, % (CBS, tabelvorm 84849NED)",
}
OWN_INDICATOR = "eigen"
SECTIONS = (
    "samenvatting",
    "de_regio",
    "meldingen",
    "omvang",
    "vergelijkbare_regios",
    "problematiek",
    "aanbieders",
    "spelers",
    "taken_en_budget",
    "planning",
    "financien",
    "monitoring",
)
TOP_LEVEL = (
    "regio",
    "voorbeeld",
    "spelers",
    "aanbieders",
    "problematiek",
    "planning",
    "taken",
    "financien",
    "monitoring",
    "commentaar",
)


def path_for(region: str, data: str | Path | None = None) -> Path:
    """Where a region's input file lives."""
    return data_dir(data) / REGIOS_DIR / region / FILE_NAME


_SCALARS = yaml.SafeLoader("")
"""Turns scalar nodes into typed values (text, numbers, dates, booleans, null) as ``yaml.safe_load`` would."""


def _plain(node: yaml.Node, path: str, lines: dict[str, int]) -> object:
    """Turn a composed YAML node into plain Python, recording the line of every field path (1-based)."""
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            out[key] = _plain(value_node, f"{path}.{key}" if path else key, lines)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, f"{path}[{i + 1}]", lines) for i, item in enumerate(node.value)]
    value = _SCALARS.construct_object(node, deep=True)
    return isolate_bidi(value) if isinstance(value, str) else value


class _Checker:
    def __init__(self, lines: dict[str, int], gemeenten: list[str]) -> None:
        self.lines, self.gemeenten, self.problems = lines, gemeenten, []

    def add(self, path: str, message: str) -> None:
        probe = path
        while probe and probe not in self.lines:
            probe = probe.rsplit(".", 1)[0] if "." in probe else probe.split("[")[0] if "[" in probe else ""
        self.problems.append(Problem(self.lines.get(probe, 1), path, message))

    def mapping(self, value: object, path: str, allowed: tuple[str, ...], required: tuple[str, ...] = ()) -> dict:
        if not isinstance(value, dict):
            self.add(path, "expected a block of fields (key: value)")
            return {}
        for key in value:
            if key not in allowed:
                self.add(f"{path}.{key}" if path else key, f"unknown field; allowed: {', '.join(allowed)}")
        for key in required:
            if key not in value or value[key] in (None, ""):
                self.add(f"{path}.{key}" if path else key, "is required")
        return value

    def items(self, value: object, path: str) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            self.add(path, "expected a list (lines starting with '- ')")
            return []
        return value

    def text(self, value: object, path: str) -> None:
        if value is not None and not isinstance(value, str):
            self.add(path, f"expected text, got {value!r}")

    def choice(self, value: object, path: str, options: tuple[str, ...]) -> None:
        if value is not None and value not in options:
            self.add(path, f"{value!r} is not one of {', '.join(options)}")

    def day(self, value: object, path: str) -> None:
        if value is not None and not isinstance(value, dt.date):
            self.add(path, f"{value!r} is not a date (write YYYY-MM-DD)")

    def number(self, value: object, path: str, positive: bool = False) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.add(path, f"{value!r} is not a number")
        elif positive and value <= 0:
            self.add(path, f"{value!r} must be above 0")

    def gemeente(self, value: object, path: str, allow_all: bool = True) -> None:
        if value == "alle" and allow_all:
            return
        if value not in self.gemeenten:
            self.add(
                path,
                f"{value!r} is not a gemeente of this region ({', '.join(self.gemeenten)}"
                + (", or 'alle'" if allow_all else "")
                + ")",
            )


def check(doc: object, lines: dict[str, int], region: str, gemeenten: list[str]) -> list[Problem]:
    """Validate a parsed input file; return every problem found (empty when valid)."""
    c = _Checker(lines, gemeenten)
    top = c.mapping(doc, "", TOP_LEVEL, ("regio",))
    if top.get("regio") not in (None, region):
        c.add("regio", f"{top.get('regio')!r} is not this region ({region})")
    for i, s in enumerate(c.items(top.get("spelers"), "spelers"), 1):
        p = f"spelers[{i}]"
        s = c.mapping(s, p, ("naam", "soort", "rol", "fase"), ("naam", "rol", "fase"))
        c.text(s.get("naam"), f"{p}.naam")
        c.text(s.get("soort"), f"{p}.soort")
        c.choice(s.get("rol"), f"{p}.rol", ROLES)
        c.choice(s.get("fase"), f"{p}.fase", PHASES)
    for i, a in enumerate(c.items(top.get("aanbieders"), "aanbieders"), 1):
        p = f"aanbieders[{i}]"
        a = c.mapping(a, p, ("naam", "hulp", "gemeenten"), ("naam", "hulp", "gemeenten"))
        served = a.get("gemeenten")
        for j, g in enumerate(served if isinstance(served, list) else [served] if served is not None else [], 1):
            c.gemeente(g, f"{p}.gemeenten[{j}]" if isinstance(served, list) else f"{p}.gemeenten")
    for i, pr in enumerate(c.items(top.get("problematiek"), "problematiek"), 1):
        pr = c.mapping(pr, f"problematiek[{i}]", ("onderwerp", "toelichting"), ("onderwerp",))
        c.text(pr.get("toelichting"), f"problematiek[{i}].toelichting")
    if "planning" in top:
        plan = c.mapping(top["planning"], "planning", ("deadline", "stand_per", "mijlpalen"), ("deadline", "stand_per"))
        c.day(plan.get("deadline"), "planning.deadline")
        c.day(plan.get("stand_per"), "planning.stand_per")
        for i, m in enumerate(c.items(plan.get("mijlpalen"), "planning.mijlpalen"), 1):
            p = f"planning.mijlpalen[{i}]"
            m = c.mapping(m, p, ("naam", "datum", "gereed"), ("naam", "datum"))
            c.day(m.get("datum"), f"{p}.datum")
            c.day(m.get("gereed"), f"{p}.gereed")
    for i, t in enumerate(c.items(top.get("taken"), "taken"), 1):
        p = f"taken[{i}]"
        t = c.mapping(t, p, ("taak", "niveau", "gemeente"), ("taak", "niveau", "gemeente"))
        c.choice(t.get("taak"), f"{p}.taak", SPENDING_TASKS)
        c.choice(t.get("niveau"), f"{p}.niveau", LEVELS)
        if t.get("gemeente") is not None:
            c.gemeente(t.get("gemeente"), f"{p}.gemeente")
    if "financien" in top:
        _check_finances(c, top["financien"])
    for i, m in enumerate(c.items(top.get("monitoring"), "monitoring"), 1):
        _check_indicator(c, m, f"monitoring[{i}]")
    if "commentaar" in top:
        comments = c.mapping(top["commentaar"], "commentaar", SECTIONS)
        for key, value in comments.items():
            c.text(value, f"commentaar.{key}")
    return c.problems


def _check_finances(c: _Checker, value: object) -> None:
    f = c.mapping(
        value,
        "financien",
        ("regionaal_budget_betaalt", "overschot", "tekort_verdeling", "sleutel", "voorbeeldbedrag"),
        ("tekort_verdeling",),
    )
    for i, item in enumerate(c.items(f.get("regionaal_budget_betaalt"), "financien.regionaal_budget_betaalt"), 1):
        c.text(item, f"financien.regionaal_budget_betaalt[{i}]")
    c.text(f.get("overschot"), "financien.overschot")
    c.choice(f.get("tekort_verdeling"), "financien.tekort_verdeling", SHARING)
    c.number(f.get("voorbeeldbedrag"), "financien.voorbeeldbedrag", positive=True)
    key = f.get("sleutel")
    if f.get("tekort_verdeling") == "sleutel" and not key:
        c.add("financien.sleutel", "is required when tekort_verdeling is 'sleutel' (percent per gemeente)")
    if key is not None:
        key = c.mapping(key, "financien.sleutel", tuple(c.gemeenten))
        for g, pct in key.items():
            c.number(pct, f"financien.sleutel.{g}")
        numbers = [v for v in key.values() if isinstance(v, (int, float)) and not isinstance(v, bool)]
        if numbers and len(numbers) == len(key) and abs(sum(numbers) - 100) > 0.01:
            c.add("financien.sleutel", f"the percentages add up to {sum(numbers):g}, not 100")


def _check_indicator(c: _Checker, value: object, p: str) -> None:
    m = c.mapping(
        value,
        p,
        ("indicator", "naam", "definitie", "basislijn", "doel", "richting", "bron", "waarden"),
        ("indicator", "naam", "basislijn", "doel", "richting"),
    )
    kind = m.get("indicator")
    if kind is not None and kind != OWN_INDICATOR and kind not in COMPUTED_INDICATORS:
        c.add(f"{p}.indicator", f"{kind!r} is not one of {', '.join([*COMPUTED_INDICATORS, OWN_INDICATOR])}")
    c.choice(m.get("richting"), f"{p}.richting", DIRECTIONS)
    for part in ("basislijn", "doel"):
        if part in m:
            point = c.mapping(m[part], f"{p}.{part}", ("jaar", "waarde"), ("jaar", "waarde"))
            c.number(point.get("jaar"), f"{p}.{part}.jaar")
            c.number(point.get("waarde"), f"{p}.{part}.waarde")
    if kind == OWN_INDICATOR and not m.get("waarden"):
        c.add(f"{p}.waarden", "an own indicator needs its values per year (jaar: waarde)")
    if m.get("waarden") is not None:
        values = c.mapping(m["waarden"], f"{p}.waarden", tuple(str(y) for y in range(2000, 2101)))
        for year, v in values.items():
            c.number(v, f"{p}.waarden.{year}")


def load(path: Path, region: str, gemeenten: list[str]) -> dict:
    """Read and validate a region's input file.

    Parameters
    ----------
    path
        The YAML file.
    region
        The region's centrumgemeente code.
    gemeenten
        The region's gemeente codes.

    Returns
    -------
    dict
        The validated content; raises :class:`RegiovisieError` with every problem otherwise.
    """
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise RegiovisieError(path, [Problem(line, "", f"not valid YAML: {getattr(exc, 'problem', exc)}")]) from exc
    lines: dict[str, int] = {}
    doc = _plain(node, "", lines) if node is not None else None
    problems = check(doc, lines, region, gemeenten)
    if problems:
        raise RegiovisieError(path, sorted(problems, key=lambda p: p.line))
    return doc


def load_for_region(region: str, gemeenten: list[str], data: str | Path | None = None) -> dict | None:
    """The region's validated input, or ``None`` when the region has no file yet."""
    path = path_for(region, data)
    return load(path, region, gemeenten) if path.is_file() else None


def problems_by_region(composition, data: str | Path | None = None) -> dict[str, list[str]]:
    """Check every region's input file; return the problems per region (regions without a file are fine)."""
    out: dict[str, list[str]] = {}
    for region, members in composition.groupby("centrumgemeente_code"):
        try:
            load_for_region(region, members["gemeentecode"].tolist(), data)
        except RegiovisieError as exc:
            out[region] = [p.describe(f"regios/{region}/{FILE_NAME}") for p in exc.problems]
    return out


def file_fingerprint(region: str, data: str | Path | None = None) -> str:
    """The input file's content (or 'none'), for the batch's decision to rebuild a region."""
    path = path_for(region, data)
    return path.read_text(encoding="utf-8") if path.is_file() else "none"


def write_template(
    region: str, name: str, gemeenten: dict[str, str], data: str | Path | None = None, force: bool = False
) -> Path:
    """Write the commented template for a region; refuse to overwrite an existing file unless ``force``."""
    from string import Template

    path = path_for(region, data)
    if path.exists() and not force:
        raise FileExistsError(f"{path} exists; use --force to overwrite it")
    listing = "\n".join(f"#   {code}  {gem}" for code, gem in gemeenten.items())
    tasks = "\n".join(f"#   {task}" for task in SPENDING_TASKS)
    text = Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        code=region, naam=name, gemeenten=listing, taken=tasks
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
