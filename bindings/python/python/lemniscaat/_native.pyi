"""The native module of lemniscaat (Rust). Use the ``lemniscaat`` package instead; this module's
surface is small on purpose: every operation of the core, JSON in, Python objects out."""

import datetime
from typing import Any, Dict, List, Optional, Tuple, final

__all__ = [
    "OPERATIONS",
    "RuleBook",
    "call",
    "call_json",
    "citation",
    "cycle_svg",
    "entitlements_columns",
    "mix_svg",
    "sample",
    "sample_export_csv",
    "school_year",
    "school_year_containing",
    "school_year_span",
    "shares_svg",
    "stages_svg",
    "validation_codes",
    "version",
]

OPERATIONS: List[str]
"""The operations ``call`` knows: entitlement, ledger, eligibility, lumpsum, classify, mix, cycle,
validate, report, rule_sets."""

@final
class RuleBook:
    """The built-in rule sets with rule sets added or overridden from JSON (the format of
    ``lemniscaat rules --format json``)."""

    def __new__(cls, overrides_json: str) -> RuleBook: ...
    def with_overrides(self, overrides_json: str) -> RuleBook:
        """This book with further overrides applied (the book itself is unchanged)."""

def call(operation: str, input: str, rules: Optional[RuleBook] = None) -> Any:
    """Runs an operation on a JSON input (with the built-in rule book, or ``rules``). Decimals
    come back as ``decimal.Decimal``, dates as ``datetime.date``. Raises a
    ``lemniscaat.LemniscaatError`` subclass."""

def call_json(operation: str, input: str, rules: Optional[RuleBook] = None) -> str:
    """Runs an operation on a JSON input and returns its JSON output (decimals as strings)."""

def entitlements_columns(
    columns: List[Any],
    school_year: Optional[str] = None,
    options_json: Optional[str] = None,
    rules: Optional[RuleBook] = None,
    rule_set: Optional[str] = None,
    threads: int = 0,
) -> Dict[str, Any]:
    """Entitlements from five columns (employee_id, category, wtf, start, end) or six (and
    school_year), each the ``(schema, array)`` capsule pair of an Arrow array
    (``array.__arrow_c_array__()``: strings; for the dates ``date32``, ``date64``, a timestamp
    without a time zone or strings) read in place, or a one-dimensional NumPy ``object`` array
    (any stride) or a list of Python objects (strings, missing values, anything else as its
    ``str()``) whose text is read in place. ``school_year``: the year of a table without a
    school-year column, or the only year read from one (``None``: every year of the column).
    ``threads``: 0 for every core. The GIL is released while the core computes. Returns
    ``length``, ``warnings`` and the result columns (one row per employee and school year:
    ``employee_id``, ``school_year``, ``rule_set``, ``hours``, ``money``, ``extra_hours``,
    ``error_code``, ``error_row``), each the ``(arrow_schema, arrow_array)`` capsule pair of an
    Arrow array, which a consumer such as ``pyarrow.array`` takes over without a copy."""

def sample_export_csv(rows: int, seed: int = 7, order: str = "employee") -> str:
    """A synthetic HR export of ``rows`` appointment rows over eleven school years as CSV text
    (``order``: ``employee``, ``year`` or ``shuffled``); the same seed gives the same table."""

def cycle_svg(input: str, lang: str = "nl") -> str:
    """The SVG of the lemniscate for a cycle input (JSON)."""

def mix_svg(input: str, lang: str = "nl") -> str:
    """The SVG bar of a 70:20:10 mix for a mix input (JSON)."""

def school_year(text: str) -> int:
    """Parses a school year (``2014-2015``, ``2014/2015``, ``2014/15``, ``2014-15``); returns its start year."""

def school_year_containing(day: datetime.date) -> int:
    """The school year that contains ``day``: its start year (``SchoolYear::containing``)."""

def school_year_span(start_year: int) -> Tuple[str, datetime.date, datetime.date, int]:
    """The school year that starts in ``start_year``: its name, first day, last day and number of
    days. Raises ``InputError`` (``INVALID_SCHOOL_YEAR``) outside the years the core knows."""

def citation(source_json: str) -> str:
    """The citation of a finding's source (JSON of a ``FindingSource``): ``FindingSource::citation``."""

def validation_codes(report_json: str) -> List[str]:
    """The codes of a validation report's findings (JSON of the report), in order, without repeats."""

def stages_svg(stages_json: str, lang: str = "nl") -> str:
    """The SVG of the lemniscate from a cycle status's ``stages`` (JSON)."""

def shares_svg(shares_json: str, target_json: str, lang: str = "nl") -> str:
    """The SVG bar of a mix from its ``shares`` and ``target`` (JSON)."""

def sample() -> str:
    """The built-in sample board (JSON)."""

def version() -> str:
    """The library version."""
