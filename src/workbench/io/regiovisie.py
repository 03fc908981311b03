"""The region's own input for the regiovisie chapters: ``data/regios/CODE/regiovisie.yaml``.

The file is validated against the schema below; every problem is reported at once, each with its line in the
file and the path to the field (``spelers[2].rol``). The commented template is
``src/workbench/templates/regiovisie.yaml``; ``workbench init-region REGION`` writes it for a region.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path

import yaml

from workbench.errors import Problem, RegiovisieError, did_you_mean
from workbench.io import regiovisie_plan
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
    "meldingen_per_1000": "ontvangen meldingen per 1.000 inwoners (CBS, tabel 84851NED)",
    "adviezen_per_1000": "gestarte adviezen per 1.000 inwoners (CBS, tabel 84851NED)",
    "aandeel_politie": "aandeel meldingen van politie en justitie, % (CBS, tabel 84849NED)",
    "aandeel_niet_politie": "aandeel meldingen van andere melders dan politie en justitie, % (CBS, tabel 84849NED)",
    "adviezen_per_melding": "gestarte adviezen per ontvangen melding (CBS, tabel 84851NED)",
    "kindermishandeling_per_1000_kinderen": "meldingen kindermishandeling per 1.000 kinderen van 0 tot en met 17 "
    "jaar (CBS, tabellen 84851NED en 84799NED)",
    "ouderenmishandeling_per_1000_65_plus": "meldingen ouderenmishandeling per 1.000 inwoners van 65 jaar en ouder "
    "(CBS, tabellen 84851NED en 84799NED)",
    "aandeel_beoordeeld": "aandeel meldingen waarvan de veiligheid is beoordeeld, % (CBS, tabel 84852NED)",
    "aandeel_overdracht": "aandeel meldingen overgedragen na de veiligheidsbeoordeling, % (CBS, tabel 84852NED)",
    "aandeel_lokaal_veld": "aandeel afgesloten meldingen overgedragen aan het lokale veld, % (CBS, tabel 84854NED)",
}
"""The indicators the workbench computes per year, which a region may follow in its monitoring."""
KENGETALLEN = (*COMPUTED_INDICATORS, "bereik_kindermishandeling")
"""Every figure the workbench computes for the learning cycle (the bereik is a range, so not a monitoring kind)."""
OWN_INDICATOR = "eigen"
SECTIONS = (
    "samenvatting",
    "de_regio",
    "meldingen",
    "veranderd",
    "verwachting",
    "veiligheidsbeoordeling",
    "vervolg",
    "omvang",
    "vergelijkbare_regios",
    "problematiek",
    "aanbieders",
    "spelers",
    "taken_en_budget",
    "planning",
    "financien",
    "monitoring",
    "uitgangspunten",
    "besluitvorming",
    "werkwijze",
    "doelen",
    "regie",
    "preventie",
    "beantwoord",
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
    *regiovisie_plan.TOP_LEVEL,
    "commentaar",
)


def path_for(region: str, data: str | Path | None = None) -> Path:
    """Where a region's input file lives."""
    return data_dir(data) / REGIOS_DIR / region / FILE_NAME


_SCALARS = yaml.SafeLoader("")
"""Turns scalar nodes into typed values (text, numbers, dates, booleans, null) as ``yaml.safe_load`` would."""
PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
"""The only YAML types a region's file may hold; a tag such as ``!!python/object`` is refused, never run."""
MAX_TEXT = 5_000
"""The longest text a field may hold (characters)."""
YEARS = (2000, 2100)
"""The years an indicator, a baseline or a target may name."""
_DUTCH_DATE = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")
_DUTCH_NUMBER = re.compile(r"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?%?$")


def _plain(node: yaml.Node, path: str, lines: dict[str, int], seen: set[int], problems: list[Problem]) -> object:
    """Turn a composed YAML node into plain Python, recording the line of every field path (1-based).

    A node met twice (an anchor ``&`` used again by ``*``) is refused rather than expanded, so a file of a few
    lines cannot grow into millions of values; so is a type tag other than the plain ones.
    """
    line = node.start_mark.line + 1
    lines[path] = line
    if id(node) in seen:
        problems.append(Problem(line, path, "een verwijzing naar een anker (*naam) kan niet; schrijf de waarde uit"))
        return None
    seen.add(id(node))
    if node.tag not in PLAIN_TAGS:
        problems.append(Problem(line, path, f"het type {node.tag!r} kan niet; schrijf tekst, getallen of datums"))
        return None
    if isinstance(node, yaml.MappingNode):
        out = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            out[key] = _plain(value_node, f"{path}.{key}" if path else key, lines, seen, problems)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, f"{path}[{i + 1}]", lines, seen, problems) for i, item in enumerate(node.value)]
    try:
        value = _SCALARS.construct_object(node, deep=True)
    except ValueError:  # 2026-02-31: a date that does not exist
        problems.append(Problem(line, path, f"{node.value!r} is geen bestaande datum"))
        return None
    return isolate_bidi(value) if isinstance(value, str) else value


class _Checker:
    """Checks the parsed file field by field and collects every problem.

    Each check returns the value as the report reads it (a Dutch date or decimal comma as a date or number, a
    gemeente's name as its code).
    """

    def __init__(self, lines: dict[str, int], gemeenten: dict[str, str], refused: set[str] = frozenset()) -> None:
        self.lines, self.gemeenten, self.problems = lines, gemeenten, []
        self.refused = refused
        """Fields whose value was refused while reading (a tag, a reference, an impossible date)."""

    def add(self, path: str, message: str) -> None:
        probe = path
        while probe and probe not in self.lines:
            probe = probe.rsplit(".", 1)[0] if "." in probe else probe.split("[")[0] if "[" in probe else ""
        self.problems.append(Problem(self.lines.get(probe, 1), path, message))

    def mapping(self, value: object, path: str, allowed: tuple[str, ...], required: tuple[str, ...] = ()) -> dict:
        if not isinstance(value, dict):
            self.add(path, "hier hoort een blok velden (naam: waarde)")
            return {}
        for key in value:
            if key not in allowed:
                self.add(f"{path}.{key}" if path else key, f"onbekend veld; toegestaan zijn: {', '.join(allowed)}")
        for key in required:
            field = f"{path}.{key}" if path else key
            if (key not in value or value[key] in (None, "")) and field not in self.refused:
                self.add(field, "ontbreekt (dit veld is verplicht)")
        return value

    def items(self, value: object, path: str) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            self.add(path, "hier hoort een lijst (regels die beginnen met '- ')")
            return []
        return value

    def text(self, value: object, path: str) -> object:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.add(path, f"hier hoort tekst, niet {value!r}")
            return value
        text = value if isinstance(value, str) else str(value)
        if len(text) > MAX_TEXT:
            self.add(path, f"de tekst is {len(text)} tekens lang; schrijf hoogstens {MAX_TEXT} tekens")
        return text

    def texts(self, block: dict, path: str, keys: tuple[str, ...]) -> None:
        """Check the text fields ``keys`` of ``block`` (those present)."""
        for key in keys:
            if key in block:
                block[key] = self.text(block[key], f"{path}.{key}")

    def text_list(self, block: dict, path: str, key: str) -> None:
        """Check the list of texts ``block[key]`` (when present), item by item."""
        items = self.items(block.get(key), f"{path}.{key}" if path else key)
        for i, item in enumerate(items, 1):
            items[i - 1] = self.text(item, f"{path}.{key}[{i}]" if path else f"{key}[{i}]")

    def served(self, block: dict, path: str, key: str = "gemeenten") -> None:
        """Check ``block[key]``: a gemeente of the region, 'alle', or a list of them; names become codes."""
        served = block.get(key)
        if isinstance(served, list):
            block[key] = [self.gemeente(g, f"{path}.{key}[{j}]") for j, g in enumerate(served, 1)]
        elif served is not None:
            block[key] = self.gemeente(served, f"{path}.{key}")

    def choice(self, value: object, path: str, options: tuple) -> None:
        if value is not None and (isinstance(value, bool) or value not in options):
            self.add(path, f"{value!r} kan hier niet; kies uit: {', '.join(map(str, options))}")

    def day(self, value: object, path: str) -> object:
        """A date: YYYY-MM-DD as YAML reads it, or DD-MM-YYYY as the report writes it."""
        if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
            return value
        found = _DUTCH_DATE.match(value) if isinstance(value, str) else None
        if found:
            day, month, year = (int(x) for x in found.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                self.add(path, f"{value!r} is geen bestaande datum")
                return value
        self.add(path, f"{value!r} is geen datum; schrijf DD-MM-JJJJ (31-12-2026) of JJJJ-MM-DD (2026-12-31)")
        return value

    def number(self, value: object, path: str, positive: bool = False, years: bool = False) -> object:
        """A finite number; '8,5', '1.250.000' and '12,5%' (a decimal comma, thousands dots) are read as numbers."""
        if value is None:
            return None
        if isinstance(value, str) and _DUTCH_NUMBER.match(value.strip()):
            value = float(value.strip().rstrip("%").replace(".", "").replace(",", "."))
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.add(path, f"{value!r} is geen getal; schrijf bijvoorbeeld 250000 of 8,5")
        elif not math.isfinite(value) or abs(value) > 1e15:
            self.add(path, f"{value!r} is geen bruikbaar getal (oneindig, leeg of te groot)")
        elif years and not (YEARS[0] <= value <= YEARS[1] and float(value).is_integer()):
            self.add(path, f"{value!r} is geen jaar tussen {YEARS[0]} en {YEARS[1]}")
        elif positive and value <= 0:
            self.add(path, f"{value!r} moet groter zijn dan 0")
        return int(value) if years and isinstance(value, float) and value.is_integer() else value

    def gemeente(self, value: object, path: str, allow_all: bool = True) -> object:
        """A gemeente of the region by its code or its name (any case); returns the code."""
        if value == "alle" and allow_all:
            return value
        if value in self.gemeenten:
            return value
        by_name = {name.lower(): code for code, name in self.gemeenten.items()}
        if isinstance(value, str) and value.strip().lower() in by_name:
            return by_name[value.strip().lower()]
        listing = ", ".join(f"{code} ({name})" if name != code else code for code, name in self.gemeenten.items())
        self.add(
            path,
            f"{value!r} is geen gemeente van deze regio."
            + (did_you_mean(str(value), self.gemeenten) if value else "")
            + f" Schrijf een code of naam: {listing}"
            + (", of 'alle'" if allow_all else ""),
        )
        return value


def check(
    doc: object, lines: dict[str, int], region: str, gemeenten: dict[str, str], refused: set[str] = frozenset()
) -> list[Problem]:
    """Validate a parsed input file; return every problem found (empty when valid).

    Values are converted in place to what the report reads: a Dutch date or number, a gemeente's name as its code.
    ``refused`` are fields already reported while reading the file (not reported again as missing).
    """
    c = _Checker(lines, gemeenten, refused)
    top = c.mapping(doc, "", TOP_LEVEL, ("regio",))
    if top.get("regio") not in (None, region):
        c.add("regio", f"{top.get('regio')!r} is niet deze regio; schrijf {region}")
    for i, s in enumerate(c.items(top.get("spelers"), "spelers"), 1):
        p = f"spelers[{i}]"
        s = c.mapping(s, p, ("naam", "soort", "rol", "fase"), ("naam", "rol", "fase"))
        c.texts(s, p, ("naam", "soort"))
        c.choice(s.get("rol"), f"{p}.rol", ROLES)
        c.choice(s.get("fase"), f"{p}.fase", PHASES)
    for i, a in enumerate(c.items(top.get("aanbieders"), "aanbieders"), 1):
        p = f"aanbieders[{i}]"
        a = c.mapping(a, p, ("naam", "hulp", "gemeenten"), ("naam", "hulp", "gemeenten"))
        c.texts(a, p, ("naam", "hulp"))
        c.served(a, p)
    for i, pr in enumerate(c.items(top.get("problematiek"), "problematiek"), 1):
        pr = c.mapping(pr, f"problematiek[{i}]", ("onderwerp", "toelichting"), ("onderwerp",))
        c.texts(pr, f"problematiek[{i}]", ("onderwerp", "toelichting"))
    if "planning" in top:
        plan = c.mapping(top["planning"], "planning", ("deadline", "stand_per", "mijlpalen"), ("deadline", "stand_per"))
        _days(c, plan, "planning", ("deadline", "stand_per"))
        for i, m in enumerate(c.items(plan.get("mijlpalen"), "planning.mijlpalen"), 1):
            p = f"planning.mijlpalen[{i}]"
            m = c.mapping(m, p, ("naam", "datum", "gereed"), ("naam", "datum"))
            c.texts(m, p, ("naam",))
            _days(c, m, p, ("datum", "gereed"))
    for i, t in enumerate(c.items(top.get("taken"), "taken"), 1):
        p = f"taken[{i}]"
        t = c.mapping(t, p, ("taak", "niveau", "gemeente"), ("taak", "niveau", "gemeente"))
        c.choice(t.get("taak"), f"{p}.taak", SPENDING_TASKS)
        c.choice(t.get("niveau"), f"{p}.niveau", LEVELS)
        if t.get("gemeente") is not None:
            t["gemeente"] = c.gemeente(t.get("gemeente"), f"{p}.gemeente")
    if "financien" in top:
        _check_finances(c, top["financien"])
    for i, m in enumerate(c.items(top.get("monitoring"), "monitoring"), 1):
        _check_indicator(c, m, f"monitoring[{i}]")
    regiovisie_plan.check(c, top, KENGETALLEN)
    if "commentaar" in top:
        comments = c.mapping(top["commentaar"], "commentaar", SECTIONS)
        c.texts(comments, "commentaar", tuple(comments))
    return c.problems


def _days(c: _Checker, block: dict, path: str, keys: tuple[str, ...]) -> None:
    for key in keys:
        if key in block:
            block[key] = c.day(block[key], f"{path}.{key}")


def _check_finances(c: _Checker, value: object) -> None:
    f = c.mapping(
        value,
        "financien",
        ("regionaal_budget_betaalt", "overschot", "tekort_verdeling", "sleutel", "voorbeeldbedrag"),
        ("tekort_verdeling",),
    )
    c.text_list(f, "financien", "regionaal_budget_betaalt")
    c.texts(f, "financien", ("overschot",))
    c.choice(f.get("tekort_verdeling"), "financien.tekort_verdeling", SHARING)
    if "voorbeeldbedrag" in f:
        f["voorbeeldbedrag"] = c.number(f["voorbeeldbedrag"], "financien.voorbeeldbedrag", positive=True)
    key = f.get("sleutel")
    if f.get("tekort_verdeling") == "sleutel" and not key:
        c.add("financien.sleutel", "is verplicht als tekort_verdeling 'sleutel' is (een percentage per gemeente)")
    if key is not None:
        key = c.mapping(key, "financien.sleutel", tuple(c.gemeenten))
        for g in list(key):
            key[g] = c.number(key[g], f"financien.sleutel.{g}")
        numbers = [v for v in key.values() if isinstance(v, (int, float)) and not isinstance(v, bool)]
        if numbers and len(numbers) == len(key) and abs(sum(numbers) - 100) > 0.01:
            c.add("financien.sleutel", f"de percentages tellen op tot {sum(numbers):g}, niet tot 100")


def _check_indicator(c: _Checker, value: object, p: str) -> None:
    m = c.mapping(
        value,
        p,
        ("indicator", "naam", "definitie", "basislijn", "doel", "richting", "bron", "waarden", "stap"),
        ("indicator", "naam", "basislijn", "doel", "richting"),
    )
    if "stap" in m:
        c.choice(m["stap"], f"{p}.stap", regiovisie_plan.CYCLE_STEPS)
    elif m.get("indicator") == OWN_INDICATOR:
        c.add(f"{p}.stap", "een eigen indicator heeft een stap van de leercyclus nodig (1 tot en met 6)")
    kind = m.get("indicator")
    if kind is not None and kind != OWN_INDICATOR and kind not in COMPUTED_INDICATORS:
        c.add(f"{p}.indicator", f"{kind!r} kan hier niet; kies uit: {', '.join([*COMPUTED_INDICATORS, OWN_INDICATOR])}")
    c.texts(m, p, ("naam", "definitie", "bron"))
    c.choice(m.get("richting"), f"{p}.richting", DIRECTIONS)
    for part in ("basislijn", "doel"):
        if part in m:
            point = c.mapping(m[part], f"{p}.{part}", ("jaar", "waarde"), ("jaar", "waarde"))
            if "jaar" in point:
                point["jaar"] = c.number(point["jaar"], f"{p}.{part}.jaar", years=True)
            if "waarde" in point:
                point["waarde"] = c.number(point["waarde"], f"{p}.{part}.waarde")
    if kind == OWN_INDICATOR and not m.get("waarden"):
        c.add(f"{p}.waarden", "een eigen indicator heeft waarden per jaar nodig (jaar: waarde)")
    if m.get("waarden") is not None:
        values = c.mapping(m["waarden"], f"{p}.waarden", tuple(str(y) for y in range(YEARS[0], YEARS[1] + 1)))
        for year in list(values):
            values[year] = c.number(values[year], f"{p}.waarden.{year}")


def load(path: Path, region: str, gemeenten: Sequence[str] | Mapping[str, str]) -> dict:
    """Read and validate a region's input file.

    Parameters
    ----------
    path
        The file.
    region
        The region's centrumgemeente code.
    gemeenten
        The region's gemeenten: codes, or code → name (then a gemeente may also be named by its name).

    Returns
    -------
    dict
        The validated content; raises :class:`RegiovisieError` with every problem otherwise.
    """
    members = dict(gemeenten) if isinstance(gemeenten, Mapping) else {g: g for g in gemeenten}
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problem = "het bestand is geen UTF-8-tekst; sla het op als UTF-8 (in Kladblok: Opslaan als, codering UTF-8)"
        raise RegiovisieError(path, [Problem(1, "", problem)]) from exc
    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        what = getattr(exc, "problem", None) or str(exc)
        problem = f"geen geldige YAML ({what}); controleer de inspringing, dubbele punten en aanhalingstekens"
        raise RegiovisieError(path, [Problem(line, "", problem)]) from exc
    lines: dict[str, int] = {}
    problems: list[Problem] = []
    doc = _plain(node, "", lines, set(), problems) if node is not None else None
    problems += check(doc, lines, region, members, {p.path for p in problems})
    if problems:
        raise RegiovisieError(path, sorted(problems, key=lambda p: p.line))
    return doc


def load_for_region(
    region: str, gemeenten: Sequence[str] | Mapping[str, str], data: str | Path | None = None
) -> dict | None:
    """The region's validated input, or ``None`` when the region has no file yet."""
    path = path_for(region, data)
    return load(path, region, gemeenten) if path.is_file() else None


def problems_by_region(composition, data: str | Path | None = None) -> dict[str, list[str]]:
    """Check every region's input file; return the problems per region (regions without a file are fine)."""
    out: dict[str, list[str]] = {}
    for region, members in composition.groupby("centrumgemeente_code"):
        try:
            load_for_region(region, dict(zip(members["gemeentecode"], members["gemeentenaam"], strict=True)), data)
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
    figures = "\n".join(f"#                {key}: {what}" for key, what in COMPUTED_INDICATORS.items())
    steps = "\n".join(f"#                {n}. {step}" for n, step in enumerate(regiovisie_plan.CYCLE_STEP_NAMES, 1))
    comments = textwrap.fill(", ".join(SECTIONS), 106, initial_indent="#   ", subsequent_indent="#   ")
    text = Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        code=region, naam=name, gemeenten=listing, taken=tasks, kengetallen=figures, stappen=steps, commentaar=comments
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
