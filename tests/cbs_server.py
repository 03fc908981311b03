"""A stand-in for CBS's open data service on 127.0.0.1, answering in the layouts of both APIs.

The answers are recorded from the shipped tables (the demonstration figures in CBS's StatLine shape), laid out
as CBS's API documentation describes them:

- OData v3 (``/v3/ODataFeed/odata/T/...``): ``TableInfos``, ``DataProperties``, one code list per dimension
  (``RegioS`` with CBS's padded keys, ``Perioden`` with ``Status``), ``TypedDataSet`` (numbers, ``null``) and
  ``UntypedDataSet`` (text with CBS's markers), paged with ``odata.nextLink``;
- OData v4 (``/v4/CBS/T/...``): ``Properties``, ``Dimensions``, ``MeasureCodes``, ``RegioSCodes``,
  ``PeriodenCodes`` (with ``Status``), the other code lists and ``Observations`` (one cell per record, with
  ``ValueAttribute``; some empty cells left out, as CBS does), paged with ``@odata.nextLink``.

Faults can be planted per path: ``"503"`` (a server error once), ``"cut"`` (a body cut off halfway once) and
``"down"`` (a server error every time), so that tests see retries, resumption and failures. Every request is
logged. Nothing here touches the internet.
"""

from __future__ import annotations

import json
import threading
import zlib
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pandas as pd

from workbench.io.statline import VT_AARD, VT_FILES, VT_SPECS
from workbench.paths import DEFAULT_DATA_DIR

PAGE = 10_000
MODIFIED = "2025-06-26T02:00:00"
TOPIC_TITLES = {
    "GestarteAdviezen_1": "Gestarte adviezen",
    "OntvangenMeldingen_2": "Ontvangen meldingen",
    "OntvangenMeldingen_1": "Ontvangen meldingen",
    "AfgeslotenMeldingen_1": "Afgesloten meldingen",
}
MEASURE_IDS = {
    "GestarteAdviezen_1": "M004201",
    "OntvangenMeldingen_2": "M004202",
    "OntvangenMeldingen_1": "M004202",
    "AfgeslotenMeldingen_1": "M004203",
}
EXTRA = {"85361NED": "Afloop"}
"""One more Veilig Thuis table the command fetches for a later chapter (a small recording of our own)."""
MARKED = {("GM0096", "2019HJ01", "AG03"): "x", ("GM0096", "2019HJ01", "AG04"): "-"}
"""Cells of 84851NED served with CBS's other markers (both secret cells in the shipped table)."""


@dataclass
class Recording:
    """One table: title, dimensions with their codes and titles, topics, and rows of StatLine text."""

    table_id: str
    title: str
    dimensions: list[str]
    codes: dict[str, dict[str, str]]
    provisional: set[str]
    topics: list[str]
    rows: list[dict[str, str]] = field(default_factory=list)


def _shipped(spec) -> Recording:
    frame = pd.read_csv(DEFAULT_DATA_DIR / VT_FILES[spec.table_id], sep=";", dtype=str, keep_default_na=False)
    frame["RegioS"] = frame["RegioS"].str.strip()
    provisional = {p.rstrip("*") for p in frame["Perioden"] if p.endswith("*")}
    frame["Perioden"] = frame["Perioden"].str.rstrip("*")
    names = pd.read_csv(DEFAULT_DATA_DIR / "cbs/84799NED_kwb2020_gemeenten.csv", dtype=str)
    region_titles = dict(zip(names["WijkenEnBuurten"], names["Gemeentenaam_1"], strict=True))
    codes = {
        "RegioS": {c: region_titles.get(c, c) for c in frame["RegioS"].unique()},
        "Perioden": {p: _period_title(p) for p in sorted(frame["Perioden"].unique())},
        spec.dimension: spec.labels,
    }
    rows = frame.drop(columns=["ID"]).to_dict("records")
    for row in rows:
        marker = MARKED.get((row["RegioS"], row["Perioden"], row[spec.dimension]))
        if marker and spec is VT_AARD:
            row["GestarteAdviezen_1"] = marker
    return Recording(
        spec.table_id, spec.title, ["RegioS", "Perioden", spec.dimension], codes, provisional, list(spec.topics), rows
    )


def _extra(table_id: str, dimension: str) -> Recording:
    rows = []
    for region in ("NL01", "VT01", "GM0344"):
        for period in ("2023JJ00", "2024JJ00"):
            for i, cat in enumerate(("T001", "C001", "C002")):
                rows.append(
                    {
                        "RegioS": region,
                        "Perioden": period,
                        dimension: cat,
                        "GestarteAdviezen_1": str(100 * (3 - i)),
                        "OntvangenMeldingen_2": "." if i == 2 else "55",
                    }
                )
    codes = {
        "RegioS": {"NL01": "Nederland", "VT01": "Amsterdam-Amstelland", "GM0344": "Utrecht"},
        "Perioden": {"2023JJ00": "2023", "2024JJ00": "2024*"},
        dimension: {"T001": "Totaal", "C001": "Deel 1", "C002": "Deel 2"},
    }
    return Recording(
        table_id,
        f"Veilig Thuis; testopname van tabel {table_id}",
        ["RegioS", "Perioden", dimension],
        codes,
        {"2024JJ00"},
        ["GestarteAdviezen_1", "OntvangenMeldingen_2"],
        rows,
    )


def _period_title(code: str) -> str:
    return code[:4] if code.endswith("JJ00") else f"{code[:4]} {code[-1]}e halfjaar"


def recordings() -> dict[str, Recording]:
    """Every table the stand-in serves, by id."""
    out = {spec.table_id: _shipped(spec) for spec in VT_SPECS}
    out.update({t: _extra(t, d) for t, d in EXTRA.items()})
    return out


def _number(text: str) -> int | None:
    return int(text) if text.strip().lstrip("-").isdigit() and text.strip() != "-" else None


# --- OData v3 -------------------------------------------------------------------------------------------------


def v3_entity(rec: Recording, name: str, base: str) -> list[dict] | None:
    """The records of one v3 entity set (``None``: no such set)."""
    if name == "TableInfos":
        return [
            {
                "ID": 0,
                "Title": rec.title,
                "ShortTitle": rec.title,
                "Identifier": rec.table_id,
                "Summary": rec.title,
                "Modified": MODIFIED,
                "MetaDataModified": MODIFIED,
                "ReasonDelivery": "Actualisering",
                "Frequency": "Perhalfjaar",
                "Period": "2019-2024",
                "OutputStatus": "Regulier",
                "Source": "CBS.",
                "Language": "nl",
                "Catalog": "CBS",
                "ApiUrl": f"{base}/ODataApi/OData/{rec.table_id}",
                "FeedUrl": f"{base}/ODataFeed/OData/{rec.table_id}",
            }
        ]
    if name == "DataProperties":
        kinds = {"RegioS": "GeoDimension", "Perioden": "TimeDimension"}
        props = [
            {
                "odata.type": "Cbs.OData.Dimension",
                "ID": i,
                "Position": i,
                "ParentID": None,
                "Type": kinds.get(d, "Dimension"),
                "Key": d,
                "Title": d,
                "Description": None,
            }
            for i, d in enumerate(rec.dimensions)
        ]
        props += [
            {
                "odata.type": "Cbs.OData.Topic",
                "ID": len(props) + i,
                "Position": len(props) + i,
                "ParentID": None,
                "Type": "Topic",
                "Key": t,
                "Title": TOPIC_TITLES[t],
                "Datatype": "Long",
                "Unit": "aantal",
                "Decimals": 0,
                "Default": "Impossible",
            }
            for i, t in enumerate(rec.topics)
        ]
        return props
    if name in rec.codes:
        rows = []
        for key, title in rec.codes[name].items():
            row = {"Key": key.ljust(10) if name == "RegioS" else key, "Title": title, "Description": None}
            if name == "Perioden":
                row["Status"] = "Voorlopig" if key in rec.provisional else "Definitief"
                row["Title"] = title + ("*" if key in rec.provisional else "")
            rows.append(row)
        return rows
    if name in ("TypedDataSet", "UntypedDataSet"):
        out = []
        for i, row in enumerate(rec.rows):
            cell = {"ID": i, **{d: (row[d].ljust(10) if d == "RegioS" else row[d]) for d in rec.dimensions}}
            for t in rec.topics:
                cell[t] = _number(row[t]) if name == "TypedDataSet" else row[t].rjust(8)
            out.append(cell)
        return out
    if name == "CategoryGroups":
        return []
    return None


# --- OData v4 -------------------------------------------------------------------------------------------------

V4_ATTRIBUTE = {".": "Confidential", "x": "Impossible", "-": "Nil"}


def v4_entity(rec: Recording, name: str) -> list[dict] | dict | None:
    """The records (or, for ``Properties``, the object) of one v4 entity set."""
    if name == "Properties":
        return {
            "Identifier": rec.table_id,
            "Title": rec.title,
            "Language": "nl",
            "Catalog": "CBS",
            "Status": "Regulier",
            "Modified": MODIFIED + "Z",
            "ObservationsModified": MODIFIED + "Z",
            "DatasetType": "Numeric",
            "Frequency": "Perhalfjaar",
            "Source": "CBS",
            "License": "CC BY 4.0",
        }
    if name == "Dimensions":
        kinds = {"RegioS": "GeoDimension", "Perioden": "TimeDimension"}
        return [
            {
                "Identifier": d,
                "Title": d,
                "Description": "",
                "Kind": kinds.get(d, "Dimension"),
                "MapYear": "2024" if d == "RegioS" else None,
                "ReleasePolicy": d == "Perioden",
                "ContainsGroups": False,
                "ContainsCodes": True,
            }
            for d in rec.dimensions
        ]
    if name == "MeasureCodes":
        return [
            {
                "Identifier": MEASURE_IDS[t],
                "Index": i + 1,
                "Title": TOPIC_TITLES[t],
                "Description": "",
                "MeasureGroupId": None,
                "DataType": "Long",
                "Unit": "aantal",
                "Decimals": 0,
                "PresentationType": "Absolute",
            }
            for i, t in enumerate(rec.topics)
        ]
    for dim in rec.dimensions:
        if name == f"{dim}Codes":
            return [
                {
                    "Identifier": k,
                    "Index": i + 1,
                    "Title": v,
                    "Description": "",
                    "DimensionGroupId": None,
                    **({"Status": "Voorlopig" if k in rec.provisional else "Definitief"} if dim == "Perioden" else {}),
                }
                for i, (k, v) in enumerate(rec.codes[dim].items())
            ]
    if name == "Observations":
        out = []
        for row in rec.rows:
            for t in rec.topics:
                text = row[t].strip()
                if text == "." and zlib.crc32("|".join([*(row[d] for d in rec.dimensions), t]).encode()) % 7 == 0:
                    continue  # CBS leaves most empty cells out
                value = _number(text)
                out.append(
                    {
                        "Id": len(out),
                        "Measure": MEASURE_IDS[t],
                        "ValueAttribute": "None" if value is not None else V4_ATTRIBUTE.get(text, "Confidential"),
                        "Value": None if value is None else float(value),
                        **{d: row[d] for d in rec.dimensions},
                    }
                )
        return out
    return None


# --- the server -----------------------------------------------------------------------------------------------


class CbsStandIn:
    """The stand-in, running in a thread: ``base`` is ``http://127.0.0.1:PORT``."""

    def __init__(self) -> None:
        self.tables = recordings()
        self.faults: dict[str, list[str]] = {}
        self.log: list[str] = []
        self._cache: dict[tuple, object] = {}
        handler = type("Handler", (_Handler,), {"stand_in": self})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def plant(self, path_part: str, *faults: str) -> None:
        """Answer the next requests whose path holds ``path_part`` with these faults, in turn."""
        self.faults.setdefault(path_part, []).extend(faults)

    def _fault(self, path: str) -> str | None:
        for part, faults in self.faults.items():
            if part in path and faults:
                return faults[0] if faults[0] == "down" else faults.pop(0)
        return None

    def answer(self, path: str, query: dict[str, list[str]]) -> tuple[int, object]:
        """Status and JSON body for a request."""
        parts = [p for p in path.split("/") if p]
        skip = int(query.get("$skip", ["0"])[0])
        if parts[:3] == ["v3", "ODataFeed", "odata"] and len(parts) >= 4:
            rec = self.tables.get(parts[3])
            if rec is None:
                return 404, {"odata.error": {"code": "", "message": {"lang": "nl", "value": "Not found"}}}
            name = parts[4] if len(parts) > 4 else ""
            base = f"{self.base}/v3/ODataFeed/odata/{rec.table_id}"
            if not name:
                names = [
                    "TableInfos",
                    "UntypedDataSet",
                    "TypedDataSet",
                    "DataProperties",
                    "CategoryGroups",
                    *rec.dimensions,
                ]
                return 200, {
                    "odata.metadata": f"{base}/$metadata",
                    "value": [{"name": n, "url": f"{base}/{n}"} for n in names],
                }
            records = self._memo(("v3", rec.table_id, name), lambda: v3_entity(rec, name, self.base))
            if records is None:
                return 404, {"odata.error": {"message": {"value": f"{name} not found"}}}
            page = records[skip : skip + PAGE]
            body = {"odata.metadata": f"{base}/$metadata#Cbs.OData.WebAPI.{name}", "value": page}
            if skip + PAGE < len(records):
                body["odata.nextLink"] = f"{base}/{name}?$format=json&$skip={skip + PAGE}"
            return 200, body
        if parts[:2] == ["v4", "CBS"] and len(parts) >= 3:
            rec = self.tables.get(parts[2])
            if rec is None:
                return 404, {"error": {"code": "404", "message": f"Dataset {parts[2]} not found"}}
            name = parts[3] if len(parts) > 3 else ""
            base = f"{self.base}/v4/CBS/{rec.table_id}"
            if not name:
                names = [
                    "Observations",
                    "Properties",
                    "Dimensions",
                    "MeasureCodes",
                    *(f"{d}Codes" for d in rec.dimensions),
                ]
                return 200, {
                    "@odata.context": f"{base}/$metadata",
                    "value": [{"name": n, "kind": "EntitySet", "url": n} for n in names],
                }
            records = self._memo(("v4", rec.table_id, name), lambda: v4_entity(rec, name))
            if records is None:
                return 404, {"error": {"code": "404", "message": f"{name} not found"}}
            if isinstance(records, dict):
                return 200, {"@odata.context": f"{base}/$metadata#Properties", **records}
            page = records[skip : skip + PAGE]
            body = {"@odata.context": f"{base}/$metadata#{name}", "value": page}
            if skip + PAGE < len(records):
                body["@odata.nextLink"] = f"{base}/{name}?$skip={skip + PAGE}"
            return 200, body
        return 404, {"error": "unknown path"}

    def _memo(self, key: tuple, make):
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]


class _Handler(BaseHTTPRequestHandler):
    stand_in: CbsStandIn

    def do_GET(self) -> None:
        split = urlsplit(self.path)
        self.stand_in.log.append(self.path)
        fault = self.stand_in._fault(split.path + "?" + split.query)
        if fault in ("503", "down"):
            self._send(503, b'{"error": "Service Unavailable"}')
            return
        status, body = self.stand_in.answer(split.path, parse_qs(split.query))
        data = json.dumps(body).encode("utf-8")
        if fault == "cut":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        self._send(status, data)

    def _send(self, status: int, data: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:  # quiet
        pass


__all__ = ["CbsStandIn"]
