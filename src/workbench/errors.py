"""The one error type for bad input: it names the file, the column and the rows."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


class InputError(ValueError):
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
