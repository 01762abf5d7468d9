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
import os as _os
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Dict, Iterable, List, Literal, Mapping, Optional, Union, overload

from . import _native, types
from ._record import Record, _decimal, _dumps
from .errors import InputError, LedgerError, LemniscaatError, LimitError, PlanError, RulesError
from .types import Alignment, Classification, CycleStatus, Eligibility, Entitlement, LedgerResult, LumpsumResult, Mix, Report, RuleSet, ValidationReport

__version__: str = _native.version()

__all__ = [
    "Appointment",
    "SchoolYear",
    "Record",
    "types",
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

    def rule_sets(self) -> List[RuleSet]:
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


def _date(d: Optional[DateLike]) -> Optional[str]:
    if d is None:
        return None
    return d.isoformat() if isinstance(d, _dt.date) else str(d)


@dataclass(frozen=True)
class SchoolYear:
    """A school year: 1 August of ``start_year`` up to and including 31 July of the next year
    (the core's school year: its name, days and the year of a date come from the core).

    >>> SchoolYear.parse("2015/16")
    SchoolYear(start_year=2015)
    >>> str(SchoolYear(2015)), SchoolYear(2015).days
    ('2015-2016', 366)
    """

    start_year: int

    def __post_init__(self) -> None:
        # A school year the core cannot name is refused when it is made (``INVALID_SCHOOL_YEAR``),
        # so that its name, days and first and last day never fail afterwards.
        _native.school_year_span(self.start_year)

    @classmethod
    def parse(cls, text: str) -> "SchoolYear":
        """Parses ``2014-2015``, ``2014/2015``, ``2014/15`` or ``2014-15`` (by the core)."""
        return cls(_native.school_year(text))

    @classmethod
    def containing(cls, day: _dt.date) -> "SchoolYear":
        """The school year that contains a date."""
        return cls(_native.school_year_containing(day))

    @property
    def first_day(self) -> _dt.date:
        """1 August of ``start_year``."""
        return _native.school_year_span(self.start_year)[1]

    @property
    def last_day(self) -> _dt.date:
        """31 July of the next year."""
        return _native.school_year_span(self.start_year)[2]

    @property
    def days(self) -> int:
        """365, or 366 when it contains 29 February."""
        return _native.school_year_span(self.start_year)[3]

    def __str__(self) -> str:
        return _native.school_year_span(self.start_year)[0]


@dataclass(frozen=True)
class Appointment:
    """An appointment: category (``teacher``, ``support``, ``management``), wtf (a decimal above 0
    and at most 1), start and end dates, both inclusive; ``end=None`` while running."""

    category: types.Category
    wtf: DecimalLike
    start: DateLike
    end: Optional[DateLike] = None
    school: Optional[str] = None

    def to_dict(self) -> Dict[str, Any]:
        d: Dict[str, Any] = {"category": self.category, "wtf": _decimal(self.wtf), "start": _date(self.start), "end": _date(self.end)}
        if self.school is not None:
            d["school"] = self.school
        return d


AppointmentLike = Union[Appointment, types.Appointment]
"""An appointment: an ``Appointment`` or a dict of its fields."""


def _apps(appointments: Iterable[AppointmentLike]) -> List[Any]:
    return [a.to_dict() if isinstance(a, Appointment) else dict(a) for a in appointments]


def _sy(school_year: Union[SchoolYear, str]) -> str:
    return str(school_year)


def _drop_none(d: Dict[str, Any]) -> Dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


class ExplainedEntitlement(Entitlement):
    """An entitlement computed with ``explain=True`` (the default): its ``explanation`` and
    ``receipt`` are there."""

    __slots__ = ()

    explanation: types.Explanation
    receipt: types.Receipt


@overload
def entitlement(
    appointments: Iterable[AppointmentLike],
    school_year: Union[SchoolYear, str],
    *,
    rule_set: Optional[str] = None,
    options: Optional[types.Options] = None,
    support_extension_plan: bool = False,
    explain: Literal[True] = True,
    rules: Optional[RuleBook] = None,
) -> ExplainedEntitlement: ...
@overload
def entitlement(
    appointments: Iterable[AppointmentLike],
    school_year: Union[SchoolYear, str],
    *,
    rule_set: Optional[str] = None,
    options: Optional[types.Options] = None,
    support_extension_plan: bool = False,
    explain: bool,
    rules: Optional[RuleBook] = None,
) -> Entitlement: ...
def entitlement(
    appointments: Iterable[AppointmentLike],
    school_year: Union[SchoolYear, str],
    *,
    rule_set: Optional[str] = None,
    options: Optional[types.Options] = None,
    support_extension_plan: bool = False,
    explain: bool = True,
    rules: Optional[RuleBook] = None,
) -> Entitlement:
    """The basisrecht of one employee in one school year (hours and money, extra buckets),
    with its explanation and receipt (``explain=False``: without them)."""
    inp = _drop_none(
        {"school_year": _sy(school_year), "appointments": _apps(appointments), "rule_set": rule_set, "options": dict(options) if options else None, "support_extension_plan": support_extension_plan, "explain": explain}
    )
    return (ExplainedEntitlement if explain else Entitlement)(call("entitlement", inp, rules=rules))


def ledger(
    appointments: Iterable[AppointmentLike],
    events: Iterable[types.LedgerEvent],
    school_years: Iterable[Union[SchoolYear, str]],
    *,
    rule_set: Optional[str] = None,
    options: Optional[types.Options] = None,
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


def eligibility(education_level: types.EducationLevel, as_of: DateLike, *, school_year: Optional[Union[SchoolYear, str]] = None, rule_set: Optional[str] = None, last_evc: Optional[DateLike] = None, rules: Optional[RuleBook] = None) -> Eligibility:
    """EVC and startkwalificatie (17.3 lid 3 and 4): ``evc``, ``evc_next_date``, ``startkwalificatie``."""
    inp = _drop_none({"education_level": education_level, "as_of": _date(as_of), "school_year": _sy(school_year) if school_year else None, "rule_set": rule_set, "last_evc": _date(last_evc)})
    return Eligibility(call("eligibility", inp, rules=rules))


def lumpsum(year: int, personele_lumpsum: DecimalLike, lines: Iterable[types.SpendingLine], *, default_hourly_cost: Optional[DecimalLike] = None, period: Optional[types.Period] = None, rules: Optional[RuleBook] = None) -> LumpsumResult:
    """The 10% rule (17.2 lid 1): ``total``, ``share``, ``compliant``, ``shortfall``, ``per_category``."""
    inp = _drop_none({"year": year, "personele_lumpsum": _decimal(personele_lumpsum), "lines": [dict(x) for x in lines], "default_hourly_cost": None if default_hourly_cost is None else _decimal(default_hourly_cost), "period": period})
    return LumpsumResult(call("lumpsum", inp, rules=rules))


def _kinds(taxonomy: Optional[Iterable[types.ActivityKind]]) -> Optional[List[Dict[str, Any]]]:
    return [dict(k) for k in taxonomy] if taxonomy is not None else None


def classify(text: Optional[str] = None, *, kind: Optional[str] = None, language: Optional[str] = None, taxonomy: Optional[Iterable[types.ActivityKind]] = None) -> Classification:
    """Classifies an activity into the 70:20:10 model: ``bucket``, ``kind``, ``cao_17_1``, ``scores``, ``matched``.

    ``taxonomy``: the school's own activity kinds (dicts in the shape of the built-in ones: ``id``,
    ``label`` ``{"en", "nl"}``, ``bucket``, ``cao_17_1``, ``cedefop``, ``keywords`` ``{"nl": [...],
    "en": [...]}``, ``source``), added to the built-in taxonomy or replacing a kind of the same id."""
    return Classification(call("classify", _drop_none({"text": text, "kind": kind, "language": language, "taxonomy": _kinds(taxonomy)})))


def mix(
    activities: Iterable[types.MixActivity],
    *,
    weight: types.Weight = "hours",
    target: Optional[types.TargetInput] = None,
    tolerance: Optional[DecimalLike] = None,
    taxonomy: Optional[Iterable[types.ActivityKind]] = None,
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
    return Mix(call("mix", inp))


def cycle_status(events: Iterable[types.CycleEvent], as_of: DateLike, *, window_months: Optional[int] = None, cycle_start: Optional[DateLike] = None) -> CycleStatus:
    """The lemniscate over a window: attended and missing parts, next parts, participation.
    ``svg()`` draws it."""
    inp = _drop_none({"events": [dict(e) for e in events], "as_of": _date(as_of), "window_months": window_months, "cycle_start": _date(cycle_start)})
    return CycleStatus(call("cycle", inp))


def cycle_svg(events: Iterable[types.CycleEvent], as_of: DateLike, *, lang: str = "nl", window_months: Optional[int] = None) -> str:
    """The SVG picture of the lemniscate, each part coloured and marked by its status."""
    return _native.cycle_svg(_dumps(_drop_none({"events": [dict(e) for e in events], "as_of": _date(as_of), "window_months": window_months})), lang)


def mix_svg(activities: Iterable[types.MixActivity], *, lang: str = "nl", weight: types.Weight = "hours", taxonomy: Optional[Iterable[types.ActivityKind]] = None) -> str:
    """The SVG bar of a 70:20:10 mix against its target."""
    return _native.mix_svg(_dumps(_drop_none({"activities": [dict(a) for a in activities], "weight": weight, "taxonomy": _kinds(taxonomy)})), lang)


DatasetLike = Union[types.Dataset, JsonSource]
"""A dataset: a dict (``types.Dataset``), a JSON string or a path to a JSON file."""


def validate(dataset: DatasetLike, *, rules: Optional[RuleBook] = None) -> ValidationReport:
    """Validates a dataset (a dict, a JSON string or a path): findings with their articles."""
    return ValidationReport(_native.call("validate", _text(dataset), _book(rules)))


def alignment(dataset: DatasetLike, *, rules: Optional[RuleBook] = None) -> Alignment:
    """Alignment and rode draden of a dataset: coverage, orphans, theme frequency, bottom-up themes."""
    return validate(dataset, rules=rules).alignment


def report(dataset: Optional[DatasetLike] = None, *, as_of: Optional[DateLike] = None, rules: Optional[RuleBook] = None) -> Report:
    """The board report of a dataset (default: the built-in sample board)."""
    text = _text(dataset) if dataset is not None else _native.sample()
    if as_of is not None:
        d = _json.loads(text)
        d["as_of"] = _date(as_of)
        text = _dumps(d)
    return Report(_native.call("report", text, _book(rules)))


def rule_sets(*, rules: Optional[RuleBook] = None) -> List[RuleSet]:
    """The rule sets the library knows (or ``rules`` has), oldest first, each parameter with its
    provenance."""
    return [RuleSet(r) for r in _native.call("rule_sets", "{}", _book(rules))]


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


def sample_dataset() -> types.Dataset:
    """The built-in sample board (a foundation with two schools and 30 staff) as a dict."""
    data: types.Dataset = _json.loads(_native.sample())
    return data


from .frames import entitlements  # noqa: E402  (needs the names above)
