"""What a batch reports: per region (and the index) what happened, and the end summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from workbench.contracts import BLOCKED, BUILT, FAILED, UNCHANGED
from workbench.report.formatting import fmt_dec

KEPT_REPORTS = "Van wat niet gebouwd is, staat het vorige rapport (als dat er was) ongewijzigd op zijn plaats."


def problem_count(n: int) -> str:
    """'1 probleem', '3 problemen'."""
    return f"{n} probleem" if n == 1 else f"{n} problemen"


@dataclass
class Outcome:
    """What happened to one region (or the index) in a batch."""

    code: str
    name: str
    status: str
    reason: str = ""
    seconds: float = 0.0
    log: Path | None = None
    executed: Path | None = None
    problems: list[str] = field(default_factory=list)
    """Every problem behind ``reason`` (for a blocked region: each failed rule of its input), one line each."""

    def line(self) -> str:
        """One status line for the console (the problems follow in the end summary)."""
        mark = {BUILT: "gebouwd    ", UNCHANGED: "ongewijzigd", FAILED: "MISLUKT    ", BLOCKED: "GEBLOKKEERD"}
        text = f"{mark[self.status]} {self.code} {self.name}"
        if self.status == BUILT:
            text += f" ({fmt_dec(self.seconds, 1)} s)"
        if self.reason:
            text += f": {self.reason}"
        if self.problems:
            text += f" ({problem_count(len(self.problems))}, zie hieronder)"
        return text


@dataclass
class BatchResult:
    """All outcomes of a batch, regions first, then the index (when built or skipped)."""

    regions: list[Outcome] = field(default_factory=list)
    index: Outcome | None = None
    interrupted: bool = False
    """Whether the user stopped the batch (Ctrl-C) before it was done."""

    @property
    def failures(self) -> list[Outcome]:
        """Regions (and the index) that failed or were blocked, and regions built with gemeente pages that failed."""
        items = [*self.regions, *([self.index] if self.index else [])]
        return [o for o in items if o.status in (FAILED, BLOCKED) or (o.status == BUILT and o.problems)]

    def counts(self) -> str:
        """The end summary's first lines: how many regions were built, unchanged, failed or blocked."""
        counts = {s: sum(o.status == s for o in self.regions) for s in (BUILT, UNCHANGED, FAILED, BLOCKED)}
        lines = [
            f"{len(self.regions)} regio's: {counts[BUILT]} gebouwd, {counts[UNCHANGED]} ongewijzigd, "
            f"{counts[FAILED]} mislukt, {counts[BLOCKED]} geblokkeerd"
        ]
        if self.index is not None:
            lines.append(
                f"landelijk overzicht: {self.index.status}" + (f" ({self.index.reason})" if self.index.reason else "")
            )
        return "\n".join(lines)

    def summary(self) -> str:
        """The end summary: the counts, then every failure with all its problems (see :meth:`failure_report`)."""
        return "\n".join(part for part in (self.counts(), self.failure_report()) if part)

    def failure_report(self) -> str:
        """Every failure with its reason, each problem on a line of its own, and where its log and notebook are."""
        lines = []
        for o in self.failures:
            lines.append(f"- {o.code} {o.name}: {o.reason}")
            lines += [f"    {p}" for p in o.problems]
            if o.log:
                lines.append(f"    logboek: {o.log}")
            if o.executed and o.executed.exists():
                lines.append(f"    uitgevoerd notebook: {o.executed}")
        if self.failures:
            lines.append(KEPT_REPORTS)
        return "\n".join(lines)
