"""Validation in a process of its own, so that it runs beside the notebooks on another core.

A batch on new inputs starts it first: every report waits for its result before it is published, and in one
process it would share one interpreter lock with the batch's exporting and publishing. Run as
``python -m workbench.checks.apart ROOT BUILD OUTPUT``: it validates
(:func:`workbench.checks.summary.validation_summary`, which also keeps the result in the build folder's cache)
and writes the summary to ``OUTPUT``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path

from workbench.checks.summary import failed_summary
from workbench.files import write_atomic

UNUSED_SLOW_IMPORTS = ("rfc3987_syntax",)
"""Modules this process never needs that cost seconds to import: jsonschema (loaded by Great Expectations) builds a
grammar for IRI formats at import when ``rfc3987-syntax`` is installed (it comes with JupyterLab), 2.5 s of CPU;
no suite checks an IRI. Only this process leaves them out, never an analyst's kernel."""


class ValidationProcess:
    """A running validation: :meth:`start` it, then wait for its :meth:`result` or :meth:`stop` it."""

    def __init__(self, process: subprocess.Popen, output: Path) -> None:
        self.process, self.output = process, output

    @classmethod
    def start(cls, root: Path, build: Path) -> ValidationProcess:
        """Start validating the inputs in ``root`` (caching in ``build``) in a new process."""
        output = build / "runs" / f"validatie-{uuid.uuid4().hex}.json"
        output.parent.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-m", "workbench.checks.apart", str(root), str(build), str(output)]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        return cls(process, output)

    def result(self) -> dict:
        """The summary (waiting for it); a summary that blocks everything when validation could not run."""
        _, errors = self.process.communicate()
        try:
            if self.process.returncode == 0 and self.output.is_file():
                return json.loads(self.output.read_text(encoding="utf-8"))
            lines = [line for line in (errors or "").splitlines() if line.strip()]
            return failed_summary(f"validation could not run: {lines[-1] if lines else self.process.returncode}")
        finally:
            self.output.unlink(missing_ok=True)

    def stop(self) -> None:
        """Stop it if it still runs (a batch interrupted or done without it)."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.communicate()
        self.output.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    """Validate ``ROOT`` (cache in ``BUILD``) and write the summary to ``OUTPUT``."""
    root, build, output = (Path(a) for a in (argv if argv is not None else sys.argv[1:]))
    for name in UNUSED_SLOW_IMPORTS:
        sys.modules.setdefault(name, None)  # an import of it fails at once, and jsonschema goes without it
    from workbench.checks.summary import validation_summary

    write_atomic(output, json.dumps(validation_summary(root, build), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
