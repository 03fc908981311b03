"""The opening of a part of the report ('Deel 1. Regio-analyse'): its heading and what it holds."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.report import chapters
from workbench.report import html_parts as h
from workbench.report.sections.base import Section


@dataclass(kw_only=True, repr=False)
class Deel(Section):
    """A part's opening; it has no tables."""

    deel: chapters.Part

    @property
    def slug(self) -> str:
        """'deel-1'."""
        return self.deel.key.replace("_", "-")

    def body(self) -> str:
        """The part's heading and introduction."""
        return h.section(self.slug, chapters.part_title(self.deel), h.para(self.deel.intro, "lead"))


def compute(key: str) -> Deel:
    """The opening of the part ``key`` (``deel_1``, ``deel_2``)."""
    return Deel(deel=next(p for p in chapters.PARTS if p.key == key))
