"""The workbench's errors: one base class, caught by class at the edge (the command line, the batch).

- :class:`InputError`: a data file that cannot be used; names the file, the column and the rows.
- :class:`RegiovisieError`: an invalid region input file; every problem with its line and field.
- :class:`UnknownRegionError`: a region that is not one of the 35; lists the valid ones.
- :class:`BuildError`: a report that could not be built; says why and where the details are.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


class WorkbenchError(Exception):
    """Any failure the workbench explains to its user (as opposed to a bug)."""


MAX_LINES_SHOWN = 20
"""How many offending rows a message names, each on a line of its own (a note says how many more there are)."""


def file_label(path: Path) -> str:
    """How a message names a file: its name, or ``regios/GM0344/name`` for a region's own file."""
    return "/".join(path.parts[-3:]) if path.parent.parent.name == "regios" else path.name


def located_lines(
    path: Path,
    problem: str,
    column: str | None = None,
    rows: Sequence[int] = (),
    values: Sequence[object] = (),
    hint: str = "",
    count: int | None = None,
) -> list[str]:
    """One Dutch line per offending row: file, line, column, what is wrong (with the value found), what to write.

    ``count`` is the number of offending rows when ``rows`` lists only the first ones.
    """
    where = file_label(path)
    col = f", kolom {column!r}" if column else ""
    advice = f" {hint[0].upper()}{hint[1:]}" if hint else ""
    advice = advice if not advice or advice.endswith((".", "?", ")")) else advice + "."
    stop = "" if problem.endswith((".", "?", "!")) else "."
    if not rows:
        return [f"{where}{col}: {problem}{stop}{advice}"]
    lines = []
    for i, row in enumerate(rows[:MAX_LINES_SHOWN]):
        found = f" (gevonden: {values[i]!r})" if i < len(values) else ""
        lines.append(f"{where}, regel {row}{col}: {problem}{found}{'.' if found else stop}{advice}")
    more = (count if count is not None else len(rows)) - len(lines)
    if more > 0:
        lines.append(f"{where}{col}: en nog {more} {'regel' if more == 1 else 'regels'} met hetzelfde probleem")
    return lines


class InputError(WorkbenchError, ValueError):
    """A data file that cannot be used as it is.

    Parameters
    ----------
    path
        The file that is wrong.
    problem
        What is wrong, in one Dutch clause (no final full stop).
    column
        The column concerned, when there is one.
    rows
        File line numbers (1 = the header line) of the offending rows.
    values
        The offending values, in the same order as ``rows``.
    hint
        What to write instead, in Dutch, when the workbench can say it.
    """

    def __init__(
        self,
        path: str | Path,
        problem: str,
        column: str | None = None,
        rows: Sequence[int] = (),
        values: Sequence[object] = (),
        hint: str = "",
    ) -> None:
        self.path = Path(path)
        self.problem = problem
        self.column = column
        self.rows = list(rows)
        self.values = list(values)
        self.hint = hint
        self.more: list[InputError] = []
        """Further problems of the same file, found in the same reading (see :func:`gather`)."""
        super().__init__(self.describe())

    def lines(self) -> list[str]:
        """The message, one line per offending row (see :func:`located_lines`), then those of :attr:`more`."""
        own = located_lines(self.path, self.problem, self.column, self.rows, self.values, self.hint)
        return own + [line for other in self.more for line in other.lines()]

    def describe(self) -> str:
        """The message: a line per offending row, then where the file is."""
        return "\n".join([*self.lines(), f"(bestand: {self.path})"])


def did_you_mean(value: str, names: dict[str, str]) -> str:
    """' Bedoelt u Zeist (GM0355)?' for the code or name in ``names`` (code -> name) most like ``value``; else ''."""
    by_key = {code.casefold(): code for code in names} | {name.casefold(): code for code, name in names.items()}
    match = difflib.get_close_matches(str(value).strip().casefold(), list(by_key), n=1, cutoff=0.7)
    return f" Bedoelt u {names[by_key[match[0]]]} ({by_key[match[0]]})?" if match else ""


def gather(*checks: Callable[[], T]) -> list[T]:
    """Run every check of one file and return their results; raise all their problems at once.

    A check that raises :class:`InputError` does not stop the others, so the user sees every problem of the file
    in one run: the first error is raised with the others in its :attr:`InputError.more`.
    """
    results: list = []
    errors: list[InputError] = []
    for check in checks:
        try:
            results.append(check())
        except InputError as exc:
            errors.append(exc)
            results.append(None)
    if errors:
        first = errors[0]
        first.more = [*first.more, *errors[1:]]
        first.args = (first.describe(),)
        raise first
    return results


@dataclass(frozen=True)
class Problem:
    """One error in a region input file: where (line, field path) and what."""

    line: int
    path: str
    message: str

    def describe(self, file: str) -> str:
        """``regiovisie.yaml, regel 12, spelers[2].rol: ...``."""
        return f"{file}, regel {self.line}, {self.path or 'bovenaan'}: {self.message}"


class RegiovisieError(WorkbenchError, ValueError):
    """An invalid region input file: all its problems."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path, self.problems = path, problems
        super().__init__("\n".join(p.describe(path.name) for p in problems))


class UnknownRegionError(WorkbenchError, ValueError):
    """A region that is not one of the 35; the message lists the valid ones."""


class UserInputError(WorkbenchError, ValueError):
    """An option the user gave that the workbench cannot follow (a year without data); the message says why."""


VALIDATION_FAILED = "de invoer is bij de controle afgekeurd"
"""Why a region is blocked when a validation failure concerns it."""
REGION_FILE_INVALID = "het invoerbestand van de regio (regiovisie.yaml) klopt niet"
"""Why a region is blocked when its own input file is invalid."""


class BuildError(WorkbenchError, RuntimeError):
    """A report that could not be built.

    ``reason`` says why in one line, ``problems`` lists every problem behind it (each a line of its own), ``log``
    is where the details are.
    """

    def __init__(self, region: str, reason: str, log: Path | None = None, problems: Sequence[str] = ()) -> None:
        self.region, self.reason, self.log, self.problems = region, reason, log, list(problems)
        text = f"{region}: {reason}" + (f" (details: {log})" if log else "")
        super().__init__("\n".join([text, *(f"  - {p}" for p in self.problems)]))


def machinery_failure(exc: BaseException) -> str:
    """One Dutch line for a failure of the machinery itself (a disk that is full or read-only, a bug)."""
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if exc.filename else ""
        return f"schrijven of lezen mislukt{where}: {exc.strerror or exc}"
    return f"onverwachte fout ({type(exc).__name__}): {exc}"


class BatchInterruptedError(KeyboardInterrupt):
    """A batch stopped by the user (Ctrl-C); ``result`` holds what was built before."""

    def __init__(self, result: object) -> None:
        self.result = result
        super().__init__("afgebroken")
