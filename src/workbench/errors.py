"""The workbench's errors: one base class, caught by class at the edge (the command line, the batch).

- :class:`InputError`: a data file that cannot be used; names the file, the column and the rows.
- :class:`RegiovisieError`: an invalid region input file; every problem with its line and field.
- :class:`UnknownRegionError`: a region that is not one of the 35; lists the valid ones.
- :class:`BuildError`: a report that could not be built; says why and where the details are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


class WorkbenchError(Exception):
    """Any failure the workbench explains to its user (as opposed to a bug)."""


class InputError(WorkbenchError, ValueError):
    """A data file that cannot be used as it is.

    Parameters
    ----------
    path
        The file that is wrong.
    problem
        What is wrong, in one sentence.
    column
        The column concerned, when there is one.
    rows
        File line numbers (1 = the header line) of the first offending rows.
    values
        The offending values, in the same order as ``rows``.
    """

    def __init__(
        self,
        path: str | Path,
        problem: str,
        column: str | None = None,
        rows: Sequence[int] = (),
        values: Sequence[object] = (),
    ) -> None:
        self.path = Path(path)
        self.problem = problem
        self.column = column
        self.rows = list(rows)
        self.values = list(values)
        super().__init__(self.describe())

    def describe(self, max_rows: int = 5) -> str:
        """Return the message: file, column, problem and the first offending rows."""
        text = self.path.name
        if self.column is not None:
            text += f", column {self.column!r}"
        text += f": {self.problem}"
        if self.rows:
            shown = []
            for i, row in enumerate(self.rows[:max_rows]):
                shown.append(f"line {row}" + (f" ({self.values[i]!r})" if i < len(self.values) else ""))
            more = len(self.rows) - len(shown)
            text += "; " + ", ".join(shown) + (f" and {more} more" if more > 0 else "")
        return f"{text} [{self.path}]"


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


VALIDATION_FAILED = "de invoer is bij de controle afgekeurd"
"""Why a region is blocked when a validation failure concerns it."""
REGION_FILE_INVALID = "het invoerbestand van de regio (regiovisie.yaml) klopt niet"
"""Why a region is blocked when its own input file is invalid."""


class BuildError(WorkbenchError, RuntimeError):
    """A report that could not be built.

    ``reason`` says why in one line, ``problems`` lists every problem behind it (each a line of its own), ``log``
    is where the details are.
    """

    def __init__(
        self, region: str, reason: str, log: Path | None = None, problems: Sequence[str] = ()
    ) -> None:
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
