"""Regiovisie workbench: regio-analyses on huiselijk geweld and kindermishandeling for the 35 regions."""

import sys
from importlib.metadata import PackageNotFoundError, version

# jsonschema (under nbformat, papermill and Great Expectations) imports the optional package rfc3987_syntax when it
# is installed, which builds a grammar at import: 2 s in every command and test process. Its only use is checking
# the 'iri' string format, which nothing here asks for; marking it absent makes jsonschema skip that check.
sys.modules.setdefault("rfc3987_syntax", None)

try:
    __version__ = version("workbench")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0+unknown"
