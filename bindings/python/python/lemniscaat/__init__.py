"""lemniscaat: professionalisation of staff in Dutch secondary education, from Python.

Article 17 of the CAO VO in every version since 2014 and the Voion *Handreiking
professionaliseren*: entitlements (basisrecht) in hours and euros, the ledger of use, lapse and
saving, validation of kaders and plans, 70:20:10 advice and the lemniscate cycle.

All rules live in the Rust core; this package converts Python values (``decimal.Decimal``,
``datetime.date``, dicts) to the core's JSON and back, and raises ``LemniscaatError``
(a ``ValueError``) with a stable ``code``, a ``path`` and Dutch and English messages.

>>> import lemniscaat
>>> e = lemniscaat.entitlement([lemniscaat.Appointment("teacher", "0.6", "2010-08-01")], "2014-2015")
>>> e.hours, e.money
(Decimal('49.80'), Decimal('360.00'))
"""

from __future__ import annotations

import datetime as _dt
import json as _json
import math as _math
import numbers as _numbers
import os as _os
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

from . import _native
from .errors import InputError, LedgerError, LemniscaatError, LimitError, PlanError, RulesError

__version__: str = _native.version()

__all__ = [
    "Appointment",
    "SchoolYear",
    "Record",
    "LemniscaatError",
    "InputError",
    "RulesError",
    "LedgerError",
    "PlanError",
    "LimitError",
    "entitlement",
    "entitlements",
    "ledger",
    "eligibility",
    "lumpsum",
    "classify",
    "mix",
    "cycle_status",
    "cycle_svg",
    "mix_svg",
    "validate",
    "report",
    "alignment",
    "rule_sets",
    "RuleBook",
    "call",
    "sample_dataset",
    "sample_export",
]

DateLike = Union[_dt.date, str]
DecimalLike = Union[Decimal, str, int]


def _float_like(value: Any) -> bool:
    """A binary floating-point number (``float``, NumPy's floats) or another inexact real: never a
    decimal of the library, which reads exact decimals only."""
    return isinstance(value, _numbers.Real) and not isinstance(value, _numbers.Integral)


def _float_error(value: Any, path: str) -> InputError:
    return InputError(
        "INVALID_DECIMAL",
        path,
        f"{value!r} is a float: pass decimal.Decimal or a string so that nothing is rounded",
        f"{value!r} is een float: geef decimal.Decimal of een tekst zodat niets wordt afgerond",
    )


def _decimal(value: Any) -> Any:
    """A decimal argument for the core's JSON: its text (``Decimal``, ``str``, ``int``). A float
    stays a float, so that the core refuses it with ``INVALID_DECIMAL`` at its path (a JSON number
    with a fraction never becomes a decimal) instead of reading ``str(0.1 + 0.2)``; one that JSON
    cannot carry (NaN, infinity, NumPy's ``float32``) is refused by ``_dumps``."""
    return value if _float_like(value) else str(value)


def _encode(value: Any) -> Any:
    """JSON encoding of Python values: decimals and dates as strings, dataclasses as dicts."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, _numbers.Integral) and not isinstance(value, bool):
        return int(value)  # NumPy's integers
    if _float_like(value):
        raise _float_error(value, "")
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    raise TypeError(f"cannot encode {type(value).__name__}")


def _float_at(value: Any, path: str = "") -> Optional[Tuple[str, Any]]:
    """The JSON Pointer and the value of the first float in ``value`` that JSON cannot carry as a
    number (NaN, infinity, NumPy's ``float32``), or ``None``."""
    if isinstance(value, Mapping):
        items: Iterable[Tuple[Any, Any]] = value.items()
    elif isinstance(value, (list, tuple)):
        items = enumerate(value)
    elif callable(getattr(value, "to_dict", None)):
        return _float_at(value.to_dict(), path)
    elif _float_like(value) and not (isinstance(value, float) and _math.isfinite(value)):
        return path, value
    else:
        return None
    for k, v in items:
        found = _float_at(v, f"{path}/{str(k).replace('~', '~0').replace('/', '~1')}")
        if found is not None:
            return found
    return None


def _dumps(value: Any) -> str:
    """JSON for the core. Floats that JSON carries go as numbers, which the core refuses wherever
    it reads a decimal (``INVALID_DECIMAL`` at their path); NaN, infinity and other inexact
    numbers are refused here, at their path."""
    try:
        return _json.dumps(value, default=_encode, ensure_ascii=False, allow_nan=False)
    except ValueError as e:  # NaN or infinity (allow_nan=False), or a float-like from _encode
        found = _float_at(value) if isinstance(e, InputError) or "float" in str(e) else None
        if found is None:
            raise
        raise _float_error(found[1], found[0]) from (None if isinstance(e, InputError) else e)


JsonSource = Union[str, "_os.PathLike[str]", Mapping[str, Any]]
"""JSON given as a dict, a JSON string, or a path to a JSON file."""


def _text(source: JsonSource) -> str:
    """JSON text from a dict, a JSON string, or a path to a JSON file."""
    if isinstance(source, Mapping):
        return _dumps(source)
    if isinstance(source, _os.PathLike):
        with open(source, encoding="utf-8") as f:
            return f.read()
    text = str(source)
    if text.lstrip().startswith("{"):
        return text
    with open(text, encoding="utf-8") as f:
        return f.read()


class RuleBook:
    """The rule sets to compute with: the built-in CAO versions with rule sets added or
    overridden, for a CAO the library does not know yet or a figure that changed.

    Overrides have the format of ``lemniscaat rules --format json`` (``{"sources": [...],
    "rule_sets": [...]}``): a rule set with a new id is added; one with a known id replaces its
    name and dates, and its parameters are merged over the known ones (state only what changes).
    Every function that uses rule sets takes ``rules=``; without it the built-in book is used.

    >>> book = RuleBook.builtin().with_overrides({"rule_sets": [{
    ...     "id": "cao-vo-2014-2015", "name": "CAO VO 2014-2015, 50 h support",
    ...     "in_force_from": {"value": "2014-08-01", "provenance": {"confidence": "seed", "source": "seed"}},
    ...     "parameters": {"support_hours": {"value": "50", "article": "17.4", "lid": "3",
    ...         "provenance": {"confidence": "inferred", "source": "lemniscaat"}}}}]})
    >>> entitlement([Appointment("support", "0.5", "2010-08-01")], "2014-2015", rules=book).hours
    Decimal('25.00')
    """

    __slots__ = ("_native",)

    def __init__(self, overrides: Optional[JsonSource] = None) -> None:
        """``RuleBook()`` is the built-in book; ``RuleBook(overrides)`` the built-in book with
        ``overrides`` applied (as ``RuleBook.builtin().with_overrides(overrides)``)."""
        self._native: Any = None if overrides is None else _native.RuleBook(_text(overrides))

    @classmethod
    def _of(cls, native: Any) -> "RuleBook":
        book = cls()
        book._native = native
        return book

    @classmethod
    def builtin(cls) -> "RuleBook":
        """The built-in rule sets (CAO VO 2014-2015 on)."""
        return cls()

    def with_overrides(self, overrides: JsonSource) -> "RuleBook":
        """This book with overrides (a dict, a JSON string or a path to a JSON file) applied;
        the book itself is unchanged. Raises ``RulesError`` or ``InputError`` for overrides that
        do not hold (a rule set without a parameter it needs, an unknown field)."""
        if self._native is None:
            return RuleBook(overrides)
        return RuleBook._of(self._native.with_overrides(_text(overrides)))

    def rule_sets(self) -> List["Record"]:
        """The rule sets of this book, oldest first."""
        return rule_sets(rules=self)

    def __repr__(self) -> str:
        ids = ", ".join(r["id"] for r in _native.call("rule_sets", "{}", self._native))
        return f"RuleBook([{ids}])"


def _book(rules: Optional[RuleBook]) -> Any:
    if rules is None:
        return None
    if not isinstance(rules, RuleBook):
        raise TypeError(f"rules must be a lemniscaat.RuleBook, not {type(rules).__name__}")
    return rules._native


def call(operation: str, input: Union[str, Mapping[str, Any]], *, rules: Optional[RuleBook] = None) -> Any:
    """Runs one operation of the core (see ``_native.OPERATIONS``) on a JSON string or a dict and
    returns plain Python objects (decimals as ``Decimal``, dates as ``date``)."""
    text = input if isinstance(input, str) else _dumps(input)
    return _native.call(operation, text, _book(rules))


class Record(Mapping[str, Any]):
    """A result of the library: a read-only mapping with attribute access.

    ``to_dict()`` gives plain Python values (``Decimal``, ``date``); ``to_json()`` the core's
    JSON (decimals as strings)."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[str, Any]) -> None:
        object.__setattr__(self, "_data", dict(data))

    def __getattr__(self, name: str) -> Any:
        try:
            return _wrap(self._data[name])
        except KeyError:
            raise AttributeError(f"{type(self).__name__} has no field {name!r}") from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("results are read-only")

    def __getitem__(self, key: str) -> Any:
        return _wrap(self._data[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in list(self._data.items())[:6])
        more = ", ..." if len(self._data) > 6 else ""
        return f"{type(self).__name__}({inner}{more})"

    def to_dict(self) -> Dict[str, Any]:
        """The result as plain Python values (a deep copy)."""
        return dict(_plain(self._data))

    def to_json(self) -> str:
        """The result as JSON (decimals and dates as strings)."""
        return _dumps(self._data)


def _plain(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_plain(x) for x in v]
    return v


def _wrap(v: Any) -> Any:
    if isinstance(v, dict):
        return Record(v)
    if isinstance(v, list):
        return [_wrap(x) for x in v]
    return v


def _date(d: Optional[DateLike]) -> Optional[str]:
    if d is None:
        return None
    return d.isoformat() if isinstance(d, _dt.date) else str(d)


@dataclass(frozen=True)
class SchoolYear:
    """A school year: 1 August of ``start_year`` up to and including 31 July of the next year.

    >>> SchoolYear.parse("2015/16")
    SchoolYear(start_year=2015)
    >>> str(SchoolYear(2015)), SchoolYear(2015).days
    ('2015-2016', 366)
    """

    start_year: int

    @classmethod
    def parse(cls, text: str) -> "SchoolYear":
        """Parses ``2014-2015``, ``2014/2015``, ``2014/15`` or ``2014-15`` (by the core)."""
        return cls(_native.school_year(text))

    @classmethod
    def containing(cls, day: _dt.date) -> "SchoolYear":
        """The school year that contains a date."""
        return cls(day.year if day.month >= 8 else day.year - 1)

    @property
    def first_day(self) -> _dt.date:
        return _dt.date(self.start_year, 8, 1)

    @property
    def last_day(self) -> _dt.date:
        return _dt.date(self.start_year + 1, 7, 31)

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1

    def __str__(self) -> str:
        return f"{self.start_year}-{self.start_year + 1}"


@dataclass(frozen=True)
class Appointment:
    """An appointment: category (``teacher``, ``support``, ``management``), wtf (a decimal above 0
    and at most 1), start and end dates, both inclusive; ``end=None`` while running."""

    category: str
    wtf: DecimalLike
    start: DateLike
    end: Optional[DateLike] = None
    school: Optional[str] = None

    def to_dict(self) -> Dict[str, Any]:
        d: Dict[str, Any] = {"category": self.category, "wtf": _decimal(self.wtf), "start": _date(self.start), "end": _date(self.end)}
        if self.school is not None:
            d["school"] = self.school
        return d


AppointmentLike = Union[Appointment, Mapping[str, Any]]


def _apps(appointments: Iterable[AppointmentLike]) -> List[Any]:
    return [a.to_dict() if isinstance(a, Appointment) else dict(a) for a in appointments]


def _sy(school_year: Union[SchoolYear, str]) -> str:
    return str(school_year)


def _drop_none(d: Dict[str, Any]) -> Dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


class Entitlement(Record):
    """The entitlement of one employee in one school year: ``hours``, ``money`` (the free
    basisrecht), ``extra`` buckets, ``warnings``, ``explanation`` (steps with their sources) and
    ``receipt``."""


class LedgerResult(Record):
    """Statements per school year (``statements``, ``bucket_statements``), ``balances``,
    ``free_to_plan``, ``expiring``, ``facilities``, ``warnings``, ``receipt``."""

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{s['school_year']}</td><td>{s['bucket']}</td>"
            + "".join(f"<td>{s[u][k]}</td>" for u in ("hours", "money") for k in ("opening", "granted", "used", "lapsed", "carried"))
            + "</tr>"
            for s in self._data["statements"] + self._data["bucket_statements"]
        )
        head = "".join(f"<th>{u} {k}</th>" for u in ("hours", "money") for k in ("opening", "granted", "used", "lapsed", "carried"))
        return f"<table><thead><tr><th>school year</th><th>bucket</th>{head}</tr></thead><tbody>{rows}</tbody></table>"


class ValidationReport(Record):
    """Findings (``findings``) with ``code``, ``severity``, ``source``, ``path``, ``message_nl``,
    ``message_en`` and ``data``; ``counts``; ``alignment``."""

    @property
    def codes(self) -> List[str]:
        """The finding codes, in order, without repeats."""
        seen: List[str] = []
        for f in self._data["findings"]:
            if f["code"] not in seen:
                seen.append(f["code"])
        return seen

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
        import html

        c = self._data["counts"]
        rows = "".join(
            f"<tr><td>{html.escape(r['severity'])}</td><td><code>{r['code']}</code></td><td>{html.escape(r['message_en'])}</td><td>{html.escape(r['source'])}</td><td><code>{html.escape(r['path'])}</code></td></tr>"
            for r in self.findings_records()
        )
        return f"<p>{c['error']} errors, {c['warning']} warnings, {c['info']} advice</p><table><thead><tr><th>severity</th><th>code</th><th>message</th><th>source</th><th>path</th></tr></thead><tbody>{rows}</tbody></table>"


def _citation(src: Mapping[str, Any]) -> str:
    parts = []
    if src.get("rule_set"):
        parts.append(str(src["rule_set"]))
    if src.get("article"):
        parts.append(f"art. {src['article']}")
    if src.get("lid"):
        parts.append(f"lid {src['lid']}")
    s = " ".join(parts)
    if src.get("handreiking"):
        s = (s + "; " if s else "") + f"handreiking: {src['handreiking']}"
    return s


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


class Report(Record):
    """The board report: ``rule_set``, ``staff``, ``findings``, ``counts``, ``alignment``, ``mix``,
    ``cycle``, ``lumpsum``, ``accountability``."""

    def staff_records(self) -> List[Dict[str, Any]]:
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
        return ValidationReport({"findings": self._data["findings"], "counts": self._data["counts"]})._repr_html_()


class CycleStatus(Record):
    """The lemniscate: ``attended``, ``missing``, ``complete``, ``next``, ``stages``,
    ``participation``, ``cycles``, ``findings``. ``svg()`` draws it."""

    _lang = "nl"

    def svg(self, lang: str = "nl") -> str:
        return str(self._data.get("_svg_" + lang) or _native.cycle_svg(_dumps(self._data["_input"]), lang))

    def _repr_svg_(self) -> str:
        return self.svg("en")


class Mix(Record):
    """A 70:20:10 mix: ``shares``, ``target``, ``tolerance``, ``total``, ``activities``, ``findings``."""

    def svg(self, lang: str = "nl") -> str:
        return _native.mix_svg(_dumps(self._data["_input"]), lang)

    def _repr_svg_(self) -> str:
        return self.svg("en")


def entitlement(
    appointments: Iterable[AppointmentLike],
    school_year: Union[SchoolYear, str],
    *,
    rule_set: Optional[str] = None,
    options: Optional[Mapping[str, Any]] = None,
    support_extension_plan: bool = False,
    explain: bool = True,
    rules: Optional[RuleBook] = None,
) -> Entitlement:
    """The basisrecht of one employee in one school year (hours and money, extra buckets),
    with its explanation and receipt."""
    inp = _drop_none(
        {"school_year": _sy(school_year), "appointments": _apps(appointments), "rule_set": rule_set, "options": dict(options) if options else None, "support_extension_plan": support_extension_plan, "explain": explain}
    )
    return Entitlement(call("entitlement", inp, rules=rules))


def ledger(
    appointments: Iterable[AppointmentLike],
    events: Iterable[Mapping[str, Any]],
    school_years: Iterable[Union[SchoolYear, str]],
    *,
    rule_set: Optional[str] = None,
    options: Optional[Mapping[str, Any]] = None,
    as_of: Optional[DateLike] = None,
    expiring_within_days: Optional[int] = None,
    support_extension_plan: bool = False,
    rules: Optional[RuleBook] = None,
) -> LedgerResult:
    """Statements of an employee over school years: granted, used, adjusted, lapsed, carried."""
    inp = _drop_none(
        {
            "appointments": _apps(appointments),
            "events": [dict(e) for e in events],
            "school_years": [_sy(s) for s in school_years],
            "rule_set": rule_set,
            "options": dict(options) if options else None,
            "as_of": _date(as_of),
            "expiring_within_days": expiring_within_days,
            "support_extension_plan": support_extension_plan,
        }
    )
    return LedgerResult(call("ledger", inp, rules=rules))


def eligibility(education_level: str, as_of: DateLike, *, school_year: Optional[Union[SchoolYear, str]] = None, rule_set: Optional[str] = None, last_evc: Optional[DateLike] = None, rules: Optional[RuleBook] = None) -> Record:
    """EVC and startkwalificatie (17.3 lid 3 and 4): ``evc``, ``evc_next_date``, ``startkwalificatie``."""
    inp = _drop_none({"education_level": education_level, "as_of": _date(as_of), "school_year": _sy(school_year) if school_year else None, "rule_set": rule_set, "last_evc": _date(last_evc)})
    return Record(call("eligibility", inp, rules=rules))


def lumpsum(year: int, personele_lumpsum: DecimalLike, lines: Iterable[Mapping[str, Any]], *, default_hourly_cost: Optional[DecimalLike] = None, period: Optional[str] = None, rules: Optional[RuleBook] = None) -> Record:
    """The 10% rule (17.2 lid 1): ``total``, ``share``, ``compliant``, ``shortfall``, ``per_category``."""
    inp = _drop_none({"year": year, "personele_lumpsum": _decimal(personele_lumpsum), "lines": [dict(x) for x in lines], "default_hourly_cost": None if default_hourly_cost is None else _decimal(default_hourly_cost), "period": period})
    return Record(call("lumpsum", inp, rules=rules))


def _kinds(taxonomy: Optional[Iterable[Mapping[str, Any]]]) -> Optional[List[Dict[str, Any]]]:
    return [dict(k) for k in taxonomy] if taxonomy is not None else None


def classify(text: Optional[str] = None, *, kind: Optional[str] = None, language: Optional[str] = None, taxonomy: Optional[Iterable[Mapping[str, Any]]] = None) -> Record:
    """Classifies an activity into the 70:20:10 model: ``bucket``, ``kind``, ``cao_17_1``, ``scores``, ``matched``.

    ``taxonomy``: the school's own activity kinds (dicts in the shape of the built-in ones: ``id``,
    ``label`` ``{"en", "nl"}``, ``bucket``, ``cao_17_1``, ``cedefop``, ``keywords`` ``{"nl": [...],
    "en": [...]}``, ``source``), added to the built-in taxonomy or replacing a kind of the same id."""
    return Record(call("classify", _drop_none({"text": text, "kind": kind, "language": language, "taxonomy": _kinds(taxonomy)})))


def mix(
    activities: Iterable[Mapping[str, Any]],
    *,
    weight: str = "hours",
    target: Optional[Mapping[str, Any]] = None,
    tolerance: Optional[DecimalLike] = None,
    taxonomy: Optional[Iterable[Mapping[str, Any]]] = None,
) -> Mix:
    """The 70:20:10 mix of activities (advice, never errors); ``taxonomy`` as for ``classify``."""
    inp = _drop_none(
        {
            "activities": [dict(a) for a in activities],
            "weight": weight,
            "target": dict(target) if target else None,
            "tolerance": None if tolerance is None else _decimal(tolerance),
            "taxonomy": _kinds(taxonomy),
        }
    )
    r = call("mix", inp)
    r["_input"] = inp
    return Mix(r)


def cycle_status(events: Iterable[Mapping[str, Any]], as_of: DateLike, *, window_months: Optional[int] = None, cycle_start: Optional[DateLike] = None) -> CycleStatus:
    """The lemniscate over a window: attended and missing parts, next parts, participation."""
    inp = _drop_none({"events": [dict(e) for e in events], "as_of": _date(as_of), "window_months": window_months, "cycle_start": _date(cycle_start)})
    r = call("cycle", inp)
    r["_input"] = _json.loads(_dumps(inp))
    return CycleStatus(r)


def cycle_svg(events: Iterable[Mapping[str, Any]], as_of: DateLike, *, lang: str = "nl", window_months: Optional[int] = None) -> str:
    """The SVG picture of the lemniscate, each part coloured and marked by its status."""
    return _native.cycle_svg(_dumps(_drop_none({"events": [dict(e) for e in events], "as_of": _date(as_of), "window_months": window_months})), lang)


def mix_svg(activities: Iterable[Mapping[str, Any]], *, lang: str = "nl", weight: str = "hours", taxonomy: Optional[Iterable[Mapping[str, Any]]] = None) -> str:
    """The SVG bar of a 70:20:10 mix against its target."""
    return _native.mix_svg(_dumps(_drop_none({"activities": [dict(a) for a in activities], "weight": weight, "taxonomy": _kinds(taxonomy)})), lang)


DatasetLike = JsonSource


def validate(dataset: DatasetLike, *, rules: Optional[RuleBook] = None) -> ValidationReport:
    """Validates a dataset (a dict, a JSON string or a path): findings with their articles."""
    return ValidationReport(_native.call("validate", _text(dataset), _book(rules)))


def alignment(dataset: DatasetLike, *, rules: Optional[RuleBook] = None) -> Record:
    """Alignment and rode draden of a dataset: coverage, orphans, theme frequency, bottom-up themes."""
    return Record(validate(dataset, rules=rules)._data["alignment"])


def report(dataset: Optional[DatasetLike] = None, *, as_of: Optional[DateLike] = None, rules: Optional[RuleBook] = None) -> Report:
    """The board report of a dataset (default: the built-in sample board)."""
    text = _text(dataset) if dataset is not None else _SAMPLE()
    if as_of is not None:
        d = _json.loads(text)
        d["as_of"] = _date(as_of)
        text = _dumps(d)
    return Report(_native.call("report", text, _book(rules)))


def rule_sets(*, rules: Optional[RuleBook] = None) -> List[Record]:
    """The rule sets the library knows (or ``rules`` has), oldest first, each parameter with its
    provenance."""
    return [Record(r) for r in _native.call("rule_sets", "{}", _book(rules))]


def _SAMPLE() -> str:
    return _native.sample()


def sample_export(rows: int = 100_000, *, seed: int = 7, order: str = "employee") -> Any:
    """A synthetic HR export of appointments over eleven school years (2014-2015 to 2024-2025)
    as a pandas DataFrame of strings, shaped like a real one: ids repeated every year, wtf
    changes during the year, four-decimal wtfs, people hired and leaving mid-year, a few bad
    cells. ``order``: ``employee`` (each employee's rows together), ``year`` or ``shuffled``. The
    same seed gives the same table. For trying and benchmarking ``entitlements``."""
    import io

    import pandas as pd

    text = _native.sample_export_csv(rows, seed, order)
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def sample_dataset() -> Dict[str, Any]:
    """The built-in sample board (a foundation with two schools and 30 staff) as a dict."""
    data: Dict[str, Any] = _json.loads(_SAMPLE())
    return data


from .frames import entitlements  # noqa: E402  (needs the names above)
