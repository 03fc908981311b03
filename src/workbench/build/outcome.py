"""What a batch reports: per region (and the index) what happened, and the end summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from workbench.contracts import BLOCKED, BUILT, FAILED, UNCHANGED


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

    def line(self) -> str:
        """One status line for the console."""
        mark = {BUILT: "built    ", UNCHANGED: "unchanged", FAILED: "FAILED   ", BLOCKED: "BLOCKED  "}[self.status]
        text = f"{mark} {self.code} {self.name}"
        if self.status == BUILT:
            text += f" ({self.seconds:.1f} s)"
        if self.reason:
            text += f": {self.reason}"
        return text


@dataclass
class BatchResult:
    """All outcomes of a batch, regions first, then the index (when built or skipped)."""

    regions: list[Outcome] = field(default_factory=list)
    index: Outcome | None = None

    @property
    def failures(self) -> list[Outcome]:
        """Regions (and the index) that failed or were blocked."""
        items = [*self.regions, *([self.index] if self.index else [])]
        return [o for o in items if o.status in (FAILED, BLOCKED)]

    def summary(self) -> str:
        """The end summary: counts, then every failure with its reason and where its log and notebook are."""
        counts = {s: sum(o.status == s for o in self.regions) for s in (BUILT, UNCHANGED, FAILED, BLOCKED)}
        lines = [
            f"{len(self.regions)} regions: {counts[BUILT]} built, {counts[UNCHANGED]} unchanged, "
            f"{counts[FAILED]} failed, {counts[BLOCKED]} blocked by validation"
        ]
        if self.index is not None:
            lines.append(f"index: {self.index.status}" + (f" ({self.index.reason})" if self.index.reason else ""))
        for o in self.failures:
            lines.append(f"- {o.code} {o.name}: {o.reason}")
            if o.log:
                lines.append(f"    log: {o.log}")
            if o.executed and o.executed.exists():
                lines.append(f"    executed notebook: {o.executed}")
        return "\n".join(lines)
