"""Methods of result classes beyond their fields: tables for pandas and polars, notebook views and
pictures, each from the result itself and the core. ``tools/gen_types.py`` makes ``<Name>Methods``
a base of the generated class ``<Name>``, so that a nested result (``report.mix[0].mix``) has
them too."""

from __future__ import annotations

import html
from decimal import Decimal
from typing import Any, Dict, List, Mapping

from . import _native
from ._record import Record, _dumps

_UNITS = ("hours", "money")
_MOVES = ("opening", "granted", "used", "lapsed", "carried")


class LedgerResultMethods(Record):
    __slots__ = ()

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{s['school_year']}</td><td>{s['bucket']}</td>"
            + "".join(f"<td>{s[u][k]}</td>" for u in _UNITS for k in _MOVES)
            + "</tr>"
            for s in self._data["statements"] + self._data["bucket_statements"]
        )
        head = "".join(f"<th>{u} {k}</th>" for u in _UNITS for k in _MOVES)
        return f"<table><thead><tr><th>school year</th><th>bucket</th>{head}</tr></thead><tbody>{rows}</tbody></table>"


class FindingSourceMethods(Record):
    __slots__ = ()

    def citation(self) -> str:
        """The source as a citation: ``cao-vo-2014-2015 art. 17.3 lid 1`` or ``handreiking: ...``
        (the core's ``FindingSource::citation``)."""
        return _citation(self._data)


def _citation(source: Mapping[str, Any]) -> str:
    return _native.citation(_dumps(source))


def _finding_row(f: Mapping[str, Any]) -> Dict[str, Any]:
    return {
        "code": f["code"],
        "severity": f["severity"],
        "source": _citation(f["source"]),
        "path": f["path"],
        "message_nl": f["message_nl"],
        "message_en": f["message_en"],
        "data": _dumps(f["data"]),
    }


def _findings_html(findings: List[Mapping[str, Any]], counts: Mapping[str, Any]) -> str:
    rows = "".join(
        f"<tr><td>{html.escape(r['severity'])}</td><td><code>{r['code']}</code></td><td>{html.escape(r['message_en'])}</td><td>{html.escape(r['source'])}</td><td><code>{html.escape(r['path'])}</code></td></tr>"
        for r in map(_finding_row, findings)
    )
    head = "<th>severity</th><th>code</th><th>message</th><th>source</th><th>path</th>"
    summary = f"<p>{counts['error']} errors, {counts['warning']} warnings, {counts['info']} advice</p>"
    return f"{summary}<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


class ValidationReportMethods(Record):
    __slots__ = ()

    @property
    def codes(self) -> List[str]:
        """The finding codes, in order, without repeats (the core's ``ValidationReport::codes``)."""
        return _native.validation_codes(self.to_json())

    def findings_records(self) -> List[Dict[str, Any]]:
        """The findings as flat rows (source as a citation, data as JSON)."""
        return [_finding_row(f) for f in self._data["findings"]]

    def to_pandas(self) -> Any:
        """The findings as a pandas DataFrame (needs pandas)."""
        import pandas as pd

        return pd.DataFrame(self.findings_records())

    def to_polars(self) -> Any:
        """The findings as a polars DataFrame (needs polars)."""
        import polars as pl

        return pl.DataFrame(self.findings_records())

    def _repr_html_(self) -> str:
        return _findings_html(self._data["findings"], self._data["counts"])


class ReportMethods(Record):
    __slots__ = ()

    def staff_records(self) -> List[Dict[str, Any]]:
        """The staff table as flat rows (the error as its code)."""
        return [{k: v for k, v in s.items() if k not in ("extra", "error")} | {"error_code": (s["error"] or {}).get("code")} for s in self._data["staff"]]

    def to_pandas(self) -> Any:
        """The staff table as a pandas DataFrame (needs pandas)."""
        import pandas as pd

        return pd.DataFrame(self.staff_records())

    def to_polars(self) -> Any:
        """The staff table as a polars DataFrame (needs polars)."""
        import polars as pl

        return pl.DataFrame([{k: (str(v) if isinstance(v, Decimal) else v) for k, v in r.items()} for r in self.staff_records()])

    def _repr_html_(self) -> str:
        return _findings_html(self._data["findings"], self._data["counts"])


class CycleStatusMethods(Record):
    __slots__ = ()

    def svg(self, lang: str = "nl") -> str:
        """The lemniscate of this status, each part coloured and marked (the core's picture of its
        ``stages``), labels in ``lang`` (``nl`` or ``en``)."""
        return _native.stages_svg(_dumps(self._data["stages"]), lang)

    def _repr_svg_(self) -> str:
        return self.svg("en")


class MixMethods(Record):
    __slots__ = ()

    def svg(self, lang: str = "nl") -> str:
        """The bar of this mix against its target (the core's picture of its ``shares`` and
        ``target``), labels in ``lang``."""
        return _native.shares_svg(_dumps(self._data["shares"]), _dumps(self._data["target"]), lang)

    def _repr_svg_(self) -> str:
        return self.svg("en")
