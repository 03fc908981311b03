"""Render a page in headless Chromium (Debian's package) with the network blocked; collect what it did."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from workbench.paths import build_dir

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
BROWSER_OWN_HOSTS = ("google.com", "googleapis.com", "gstatic.com", "gvt1.com", "googleusercontent.com")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # block the network: every host resolves to nothing and any proxy use goes to a closed local port
    "--proxy-server=127.0.0.1:9",
    "--host-resolver-rules=MAP * ~NOTFOUND",
]


@dataclass
class Rendered:
    dom: str
    console: list[str]
    requests: list[str]
    screenshot: Path


def render(page: Path, workdir: Path) -> Rendered:
    """Load ``page`` twice: once dumping the DOM with console and network logs, once for a screenshot."""
    workdir.mkdir(parents=True, exist_ok=True)
    net = workdir / "net.json"
    run = subprocess.run(
        [
            CHROMIUM,
            *FLAGS,
            f"--user-data-dir={workdir / 'profile'}",
            "--enable-logging=stderr",
            "--v=0",
            f"--log-net-log={net}",
            "--dump-dom",
            page.resolve().as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
    urls = set(re.findall(r'"url":"([^"]+)"', net.read_text(encoding="utf-8"))) if net.exists() else set()
    requests = sorted(
        u
        for u in urls
        if u.startswith(("http:", "https:", "ws:", "wss:", "ftp:"))
        and not any(h in u.split("/")[2] for h in BROWSER_OWN_HOSTS)
    )
    shots = build_dir() / "screenshots"  # the private build folder (a temporary one in the tests)
    shots.mkdir(parents=True, exist_ok=True)
    shot = shots / f"{page.parent.name if page.stem != 'index' else 'index'}-{page.stem}.png"
    subprocess.run(
        [
            CHROMIUM,
            *FLAGS,
            f"--user-data-dir={workdir / 'profile2'}",
            "--hide-scrollbars",
            "--window-size=1200,2400",
            f"--screenshot={shot}",
            page.resolve().as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return Rendered(run.stdout, console, requests, shot)


def net_log_is_readable(path: Path) -> bool:
    try:
        json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return True
