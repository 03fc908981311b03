"""Scan built HTML for what must never reach a reviewer: scripts, outside requests, code and local traces."""

from __future__ import annotations

import re
from html.parser import HTMLParser

FORBIDDEN_PATTERNS = {
    "a Python traceback": re.compile(r"Traceback \(most recent call last\)|File \"[^\"]+\", line \d+"),
    "a local path": re.compile(
        r"(?<![\w.:/])/(?:home|root|tmp|usr|opt|var|etc|srv|mnt|Users|private)/[\w.\-]+"
        r"|\b[A-Za-z]:\\(?:Users|Windows|Program Files)\\|site-packages[/\\]"
    ),
    "code": re.compile(
        r"\b(?:from\s+workbench(?:\.\w+)*\s+import|import\s+workbench)\b|\bworkbench(?:\.[a-z_]\w*){2,}"
    ),
    "a progress bar": re.compile(r"\d+%\|[^|]{0,80}\|\s*\d+/\d+"),
}
"""What must never be in a page's text, as patterns of the thing itself (a sentence that merely mentions a word
such as 'workbench.' or 'import' is fine)."""
LOADING_TAGS = {"script", "img", "iframe", "link", "source", "video", "audio", "embed", "object", "frame"}


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.h1 = 0
        self.lang: str | None = None
        self.levels: list[int] = []
        self.text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "script":
            self.problems.append("a <script> element")
        if tag == "style":
            self._in_style = True
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))
            self.h1 += tag == "h1"
        if tag == "img" and not a.get("alt", "").strip():
            self.problems.append("an <img> without alt text")
        for key, value in a.items():
            v = value.strip().lower()
            if key.startswith("on"):
                self.problems.append(f"event-handler attribute {key} on <{tag}>")
            if v.startswith("javascript:") or v.startswith("data:text/") or v.startswith("vbscript:"):
                self.problems.append(f"{v.split(':')[0]}: URL in {key} of <{tag}>")
            if re.match(r"^(https?:)?//", v) and (tag in LOADING_TAGS or key in {"src", "srcset", "data", "action"}):
                self.problems.append(f"<{tag} {key}> loads from another server")

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            if re.search(r"(@import|url\()\s*['\"]?(https?:)?//", data):
                self.problems.append("CSS that loads from another server")
        else:
            self.text.append(data)


def scan(html_text: str) -> list[str]:
    """Return the problems found in a built report (an empty list when it is safe to publish).

    Checks: no script, event handlers, ``javascript:``/``data:text/`` URLs or outside requests; ``lang="nl"``;
    exactly one ``h1`` and no skipped heading level; alt text on every image; no tracebacks, progress bars, code
    or local paths in the text.
    """
    s = _Scan()
    s.feed(html_text)
    problems = list(dict.fromkeys(s.problems))
    if s.lang != "nl":
        problems.append(f'<html lang="{s.lang}">, want "nl"')
    if s.h1 != 1:
        problems.append(f"{s.h1} <h1> elements, want 1")
    for before, after in zip(s.levels, s.levels[1:], strict=False):
        if after > before + 1:
            problems.append(f"heading level skips from h{before} to h{after}")
            break
    text = "\n".join(s.text)  # one element's text never runs into the next
    for what, pattern in FORBIDDEN_PATTERNS.items():
        found = pattern.search(text)
        if found:
            problems.append(f"text contains {what}: {found.group(0)[:60]!r}")
    return problems
