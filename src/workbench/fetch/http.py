"""GET a JSON document, retrying what a second try can mend: a 5xx, a dropped connection, a cut-off body."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from http.client import HTTPException
from pathlib import Path

from workbench.errors import WorkbenchError
from workbench.files import write_atomic

USER_AGENT = "regiovisie-workbench (https://github.com/; workbench fetch)"
RETRIES = 4
TIMEOUT_SECONDS = 60


class FetchError(WorkbenchError):
    """A download that failed for good (after the retries), or a table CBS does not have."""


def retrying(action: Callable[[], object], what: str, retries: int = RETRIES, backoff: float = 1.0) -> object:
    """Run ``action``; on a passing failure (:class:`TransientError`) wait and try again, up to ``retries`` times."""
    for attempt in range(retries + 1):
        try:
            return action()
        except TransientError as exc:
            if attempt == retries:
                raise FetchError(f"{what}: na {retries + 1} pogingen mislukt ({exc})") from exc
            time.sleep(backoff * 2**attempt)
    raise AssertionError("unreachable")


class TransientError(Exception):
    """A failure that may pass: a server error, a dropped connection, a body cut off halfway."""


def get_json(url: str, retries: int = RETRIES, backoff: float = 1.0) -> dict:
    """The JSON document at ``url``; a 404 is a :class:`FetchError` at once, a 5xx or a broken body is retried."""

    def once() -> dict:
        request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
                body = response.read()
        except urllib.error.HTTPError as exc:
            if exc.code >= 500 or exc.code == 429:
                raise TransientError(f"HTTP {exc.code}") from exc
            if exc.code == 404:
                raise FetchError(f"{url}: bestaat niet bij CBS (HTTP 404)") from exc
            raise FetchError(f"{url}: HTTP {exc.code}") from exc
        except (urllib.error.URLError, HTTPException, TimeoutError, ConnectionError) as exc:
            raise TransientError(str(exc)) from exc
        try:
            return json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise TransientError(f"onvolledig of onleesbaar antwoord ({exc})") from exc

    if not url.startswith(("http://", "https://")):
        raise FetchError(f"{url}: alleen http- en https-adressen")
    return retrying(once, url, retries, backoff)


def version_cache(cache: Path | None, modified: str) -> Path | None:
    """A download's cache folder for this version of a table (CBS's ``modified``), emptied of another version's."""
    if cache is None:
        return None
    marker = cache / "modified.txt"
    if not marker.is_file() or marker.read_text(encoding="utf-8") != modified:
        for old in cache.glob("*.json"):
            old.unlink()
        write_atomic(marker, modified)
    return cache
