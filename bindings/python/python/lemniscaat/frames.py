"""Entitlements of a whole table at once: pandas, polars or pyarrow in, the same kind out.

The columns reach the core through the Arrow C data interface (``__arrow_c_array__``) and are
read in place: ids, categories and wtf as strings (decimals and floats cast to their shortest
exact text by Arrow's kernels), dates as ``date32``, ``date64``, timestamps or ISO strings. A
pandas column of Python objects (``object`` or ``string[python]``: strings) goes as its NumPy
``object`` array, not copied, whose text the core reads in place through the buffer protocol;
missing values (``None``, NaN, ``pd.NA``) are empty cells, other objects count as their
``str()``. The answer comes back as Arrow arrays (``decimal128`` columns, exact) through the
C data interface, which pyarrow takes over without a copy. pyarrow (14 or later) is needed for
DataFrame input and output."""

from __future__ import annotations

from typing import Any, List, Mapping, Optional, Union

from . import _native

COLUMNS = ("employee_id", "category", "wtf", "start", "end")


def _find(names: Any, col: str, required: bool = True) -> Any:
    """The name of column ``col`` (or ``employee`` for ``employee_id``) among ``names``, in any
    case; ``None`` for a column that is not required and not there."""
    lower = {str(n).lower(): n for n in reversed(list(names))}
    for want in (col, "employee") if col == "employee_id" else (col,):
        if want in lower:
            return lower[want]
    if not required:
        return None
    from .errors import InputError

    raise InputError("MISSING_FIELD", f"/{col}", f"the table has no column '{col}' (need {', '.join(COLUMNS)})", f"de tabel heeft geen kolom '{col}' (nodig: {', '.join(COLUMNS)})")


def _arrow_column(arr: Any, col: str) -> Any:
    """An Arrow array as the core reads it: strings, or for the date columns ``date32``,
    ``date64`` or a timestamp without a time zone, read in place (a timestamp with a zone is cast
    to its local date; strings stay ISO text)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks() if arr.num_chunks != 1 else arr.chunk(0)
    if pa.types.is_dictionary(arr.type):
        arr = pc.cast(arr, arr.type.value_type)
    dates = col in ("start", "end")
    if dates and pa.types.is_timestamp(arr.type) and arr.type.tz is not None:
        arr = pc.cast(arr, pa.date32())
    if dates and (pa.types.is_timestamp(arr.type) or pa.types.is_date(arr.type)):
        return arr
    if dates and pa.types.is_null(arr.type):
        return pc.cast(arr, pa.date32())
    if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        arr = pc.cast(arr, pa.string())
    return arr


def _python_objects(dtype: Any) -> bool:
    """Whether a pandas column holds Python objects: ``object``, or the ``string`` dtype stored
    as Python strings (``string[python]``)."""
    return dtype == object or getattr(dtype, "storage", None) == "python"


def _unreadable(column: str, e: Exception) -> Exception:
    """The library's error for a column that cannot be made into one the core reads (pyarrow
    refuses its values or its type): ``INVALID_VALUE`` at ``/<column>``."""
    from .errors import InputError

    if not column:
        return InputError("INVALID_VALUE", "", f"the table cannot be read: {e}", f"de tabel is niet te lezen: {e}")
    return InputError("INVALID_VALUE", f"/{column}", f"the column '{column}' cannot be read: {e}", f"de kolom '{column}' is niet te lezen: {e}")


def _read(column: str, make: Any) -> Any:
    """``make()``, with what pyarrow raises for a column it cannot convert turned into the
    library's error."""
    import pyarrow as pa

    from .errors import LemniscaatError

    try:
        return make()
    except LemniscaatError:
        raise
    except (pa.ArrowException, TypeError, ValueError, OverflowError) as e:
        raise _unreadable(column, e) from e


def _date_text(value: Any) -> Optional[str]:
    """A cell of a date column of Python objects as the core reads it: a date, datetime or
    timestamp (one with a zone at its local date) as its ISO date, a missing value (``None``,
    NaN, ``pd.NA``, ``NaT``) as missing, any other object as its ``str()`` (which the core reads as
    ISO text, or refuses in that row)."""
    import datetime

    import numpy as np
    import pandas as pd

    try:
        isna = pd.isna(value)
    except (TypeError, ValueError):
        isna = False
    if isinstance(isna, (bool, np.bool_)) and isna:
        return None
    if isinstance(value, np.datetime64):
        try:
            value = pd.Timestamp(value)
        except (ValueError, OverflowError):
            return str(value)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _date_objects(series: Any) -> Any:
    """A date column of Python objects as Arrow: as pyarrow converts it (strings, or dates and
    timestamps), or, when its objects are of mixed kinds that pyarrow refuses together (a date
    and a float), cell by cell as text (``_date_text``), so that each bad cell costs its own row
    and not the batch."""
    import pyarrow as pa

    try:
        return pa.array(series, from_pandas=True)
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        return pa.array([_date_text(v) for v in series], pa.string())


def _columns(table: Any) -> List[Any]:
    """The five columns for the core, and ``school_year`` when the table has one: the
    ``(schema, array)`` capsules of an Arrow array, or --
    for a pandas column of Python objects (strings) -- its NumPy ``object`` array, which the core
    reads in place (converting millions of Python strings to Arrow, or even listing them, costs
    more than the batch)."""
    import numpy as np
    import pyarrow as pa

    mod = type(table).__module__
    if mod.startswith("polars"):
        table = (table.collect() if hasattr(table, "collect") else table).to_arrow()
    elif isinstance(table, Mapping) and not isinstance(table, pa.Table):
        mapping = table
        table = _read("", lambda: pa.table({k: list(v) for k, v in mapping.items()}))
    elif not mod.startswith("pandas") and (hasattr(table, "__arrow_c_stream__") or hasattr(table, "__arrow_c_array__")):
        # Any Arrow producer: a RecordBatch, a RecordBatchReader, a DuckDB relation, ...
        table = pa.table(table)
    if isinstance(table, pa.Table):
        names = [_find(table.column_names, c) for c in COLUMNS] + [_find(table.column_names, "school_year", False)]
        arrow = table
        return [_read(c, lambda: _arrow_column(arrow.column(n), c).__arrow_c_array__()) for n, c in zip(names, COLUMNS + ("school_year",)) if n is not None]
    if not mod.startswith("pandas"):
        raise TypeError(f"entitlements() takes a pandas or polars DataFrame (or LazyFrame), a pyarrow Table or any Arrow table (the PyCapsule protocol), not {type(table).__name__}")
    out = []
    for c in COLUMNS + ("school_year",):
        name = _find(table.columns, c, c != "school_year")
        if name is None:
            continue
        series = table[name]
        if c not in ("start", "end") and _python_objects(series.dtype):
            out.append(np.asarray(series.array, dtype=object))
        elif _python_objects(series.dtype):
            out.append(_read(c, lambda: _arrow_column(_date_objects(series), c).__arrow_c_array__()))
        else:
            out.append(_read(c, lambda: _arrow_column(pa.array(series, from_pandas=True), c).__arrow_c_array__()))
    return out


class _Exported:
    """A result column the native module exported (its ``(arrow_schema, arrow_array)`` capsule
    pair), for ``pyarrow.array``, which takes it over through the PyCapsule protocol."""

    def __init__(self, capsules: Any) -> None:
        self.capsules = capsules

    def __arrow_c_array__(self, requested_schema: Any = None) -> Any:
        return self.capsules


def entitlements(
    table: Any,
    school_year: Union[str, Any, None] = None,
    *,
    threads: int = 0,
    rules: Any = None,
    rule_set: Optional[str] = None,
    **options: Any,
) -> Any:
    """Entitlements of every employee in a table of appointments (columns ``employee_id``,
    ``category``, ``wtf``, ``start``, ``end``, and ``school_year`` for an export over several
    school years).

    Returns the same kind of table (pandas, polars or pyarrow) with one row per employee and
    school year, in order of first appearance: ``employee_id``, ``school_year``, ``rule_set``,
    ``hours``, ``money``, ``extra_hours`` (exact decimals), ``error_code`` and ``error_row`` (a
    bad row does not fail the batch: its line carries the code and the row, 0-based).

    ``school_year``: the year of a table without a ``school_year`` column; with one, only that
    year's rows are read (leave it out to get every year of the column; a row whose school year
    cannot be read gets its own error line). ``threads``: how many threads compute (0: every
    core); the answer is the same for any number, and the GIL is released meanwhile, so other
    Python threads run on. ``options`` are the core's options (``temporal_pro_rata``,
    ``rounding``, ``pro_rata_2014``, ``mode``); ``rules`` a ``lemniscaat.RuleBook`` with
    overrides; ``rule_set`` pins a rule set by id (``UNKNOWN_RULE_SET`` when the book has none of
    that id).
    """
    import pyarrow as pa

    from . import _book
    from ._record import _dumps
    from .errors import InputError

    if isinstance(threads, bool) or not isinstance(threads, int) or threads < 0:
        from .errors import InputError

        raise InputError("INVALID_VALUE", "/threads", f"threads must be a whole number of 0 or more, not {threads!r}", f"threads moet een geheel getal van 0 of meer zijn, niet {threads!r}")
    year = None if school_year is None else str(school_year)
    try:
        options_json = _dumps(options) if options else None
    except InputError as e:  # a float the JSON of the options cannot carry, at its place in them
        raise InputError(e.code, "/options" + e.path, e.message_en, e.message_nl) from None
    res = _native.entitlements_columns(_columns(table), year, options_json, _book(rules), rule_set, threads)

    def column(key: str) -> Any:
        return pa.array(_Exported(res[key]))

    out = pa.table({k: column(k) for k in ("employee_id", "school_year", "rule_set", "hours", "money", "extra_hours", "error_code", "error_row")})
    mod = type(table).__module__
    if mod.startswith("polars"):
        import polars as pl

        frame: Any = pl.from_arrow(out)
        return frame.lazy() if hasattr(table, "collect") else frame
    if mod.startswith("pandas"):
        import pandas as pd

        return out.to_pandas(types_mapper=pd.ArrowDtype)
    return out
