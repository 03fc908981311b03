"""Regiovisie workbench: regio-analyses on huiselijk geweld and kindermishandeling for the 35 regions."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("workbench")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0+unknown"
