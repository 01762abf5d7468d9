"""Entitlements of a whole table at once: pandas, polars or pyarrow in, the same kind out.

The columns reach the core through the Arrow C data interface (``__arrow_c_array__``) and are
read in place: ids, categories and wtf as strings (decimals and floats cast to their shortest
exact text by Arrow's kernels), dates as ``date32`` (timestamps are cast) or ISO strings. The
answer comes back as Arrow buffers (``decimal128`` columns, exact) that pyarrow wraps without
converting row by row. pyarrow is needed for DataFrame input and output."""

from __future__ import annotations

from typing import Any, Mapping, Union

from . import _native

COLUMNS = ("employee_id", "category", "wtf", "start", "end")


def _column(table: Any, col: str) -> Any:
    """A column of the table as one Arrow array the core reads: strings, or ``date32`` for the
    date columns (timestamps are cast to dates; strings stay ISO text)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    names = [n.lower() for n in table.column_names]
    alt = "employee" if col == "employee_id" else col
    if col in names:
        i = names.index(col)
    elif alt in names:
        i = names.index(alt)
    else:
        from .errors import InputError

        raise InputError("MISSING_FIELD", f"/{col}", f"the table has no column '{col}' (need {', '.join(COLUMNS)})", f"de tabel heeft geen kolom '{col}' (nodig: {', '.join(COLUMNS)})")
    arr = table.column(i)
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks() if arr.num_chunks != 1 else arr.chunk(0)
    if pa.types.is_dictionary(arr.type):
        arr = pc.cast(arr, arr.type.value_type)
    dates = col in ("start", "end")
    if dates and (pa.types.is_timestamp(arr.type) or pa.types.is_date64(arr.type)):
        arr = pc.cast(arr, pa.date32())
    if dates and (pa.types.is_date32(arr.type) or pa.types.is_null(arr.type)):
        return arr if pa.types.is_date32(arr.type) else pc.cast(arr, pa.date32())
    if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        arr = pc.cast(arr, pa.string())
    return arr


def _to_arrow(table: Any) -> Any:
    """A pyarrow Table from pandas, polars or pyarrow input."""
    import pyarrow as pa

    if isinstance(table, pa.Table):
        return table
    mod = type(table).__module__
    if mod.startswith("polars"):
        return table.to_arrow()
    if mod.startswith("pandas"):
        # Only the five columns are converted: a wide DataFrame's other columns cost nothing.
        wanted = set(COLUMNS) | {"employee"}
        names = [c for c in table.columns if str(c).lower() in wanted]
        return pa.table({str(c): pa.array(table[c], from_pandas=True) for c in names})
    if isinstance(table, Mapping):
        return pa.table({k: list(v) for k, v in table.items()})
    raise TypeError(f"entitlements() takes a pandas or polars DataFrame or a pyarrow Table, not {type(table).__name__}")


def entitlements(table: Any, school_year: Union[str, Any], **options: Any) -> Any:
    """Entitlements of every employee in a table of appointments (columns ``employee_id``,
    ``category``, ``wtf``, ``start``, ``end``), for one school year.

    Returns the same kind of table (pandas, polars or pyarrow) with one row per employee:
    ``employee_id``, ``school_year``, ``rule_set``, ``hours``, ``money``, ``extra_hours`` (exact
    decimals), ``error_code`` and ``error_row`` (a bad row does not fail the batch: its employee's
    row carries the code). ``options`` are the core's options (``temporal_pro_rata``, ``rounding``,
    ``pro_rata_2014``, ``mode``).
    """
    import json

    import pyarrow as pa

    arrow = _to_arrow(table)
    cols = [_column(arrow, c).__arrow_c_array__() for c in COLUMNS]
    res = _native.entitlements_arrow(cols, str(school_year), json.dumps(options) if options else None)
    n = res["length"]

    def strings(key: str) -> Any:
        v, o, d = res[key]
        return pa.Array.from_buffers(pa.string(), n, [pa.py_buffer(v), pa.py_buffer(o), pa.py_buffer(d)])

    def decimals(key: str, scale: int) -> Any:
        v, b = res[key]
        return pa.Array.from_buffers(pa.decimal128(28, scale), n, [pa.py_buffer(v), pa.py_buffer(b)])

    rows_v, rows_b = res["error_row"]
    out = pa.table(
        {
            "employee_id": strings("employee"),
            "school_year": pa.repeat(pa.scalar(res["school_year"], pa.string()), n),
            "rule_set": pa.repeat(pa.scalar(res["rule_set"], pa.string()), n),
            "hours": decimals("hours", res["hours_scale"]),
            "money": decimals("money", res["money_scale"]),
            "extra_hours": decimals("extra_hours", res["hours_scale"]),
            "error_code": strings("error_code"),
            "error_row": pa.Array.from_buffers(pa.int64(), n, [pa.py_buffer(rows_v), pa.py_buffer(rows_b)]),
        }
    )
    mod = type(table).__module__
    if mod.startswith("polars"):
        import polars as pl

        return pl.from_arrow(out)
    if mod.startswith("pandas"):
        import pandas as pd

        return out.to_pandas(types_mapper=pd.ArrowDtype)
    return out
