"""What the batch remembers of a published page: unchanged by size and time, else compared by contents."""

from __future__ import annotations

import os

import pytest

from workbench.build.state import still_good, write_state
from workbench.contracts import DOWNLOAD_DIR

pytestmark = pytest.mark.unit


def _published(tmp_path):
    page = tmp_path / "GM0344" / "regio-analyse.html"
    (page.parent / DOWNLOAD_DIR).mkdir(parents=True)
    page.write_text("<html>rapport</html>", encoding="utf-8")
    (page.parent / DOWNLOAD_DIR / "tabel.csv").write_text("a;b\n1;2\n", encoding="utf-8")
    state = tmp_path / "state.json"
    write_state(state, "sleutel", page)
    return page, state


def test_an_untouched_page_is_still_good_and_another_key_is_not(tmp_path):
    page, state = _published(tmp_path)
    assert still_good(state, "sleutel", page)
    assert not still_good(state, "andere sleutel", page)


def test_a_page_or_download_changed_to_the_same_size_is_not_still_good(tmp_path):
    page, state = _published(tmp_path)
    download = page.parent / DOWNLOAD_DIR / "tabel.csv"
    later = download.stat().st_mtime_ns + 10**9
    download.write_text("a;b\n9;9\n", encoding="utf-8")  # same size, other figures
    os.utime(download, ns=(later, later))
    assert not still_good(state, "sleutel", page)


def test_a_page_touched_but_unchanged_is_still_good(tmp_path):
    page, state = _published(tmp_path)
    later = page.stat().st_mtime_ns + 10**9
    os.utime(page, ns=(later, later))  # copied back, or touched: the contents decide
    assert still_good(state, "sleutel", page)


def test_a_removed_page_or_download_is_not_still_good(tmp_path):
    page, state = _published(tmp_path)
    (page.parent / DOWNLOAD_DIR / "tabel.csv").unlink()
    assert not still_good(state, "sleutel", page)
    page.unlink()
    assert not still_good(state, "sleutel", page)
