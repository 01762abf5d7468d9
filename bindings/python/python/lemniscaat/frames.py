"""Entitlements of a whole table at once: pandas, polars or pyarrow in, the same kind out.

The columns are cast to text by Arrow's compute kernels (dates as ISO strings, decimals and
floats in their shortest exact form) and their Arrow buffers are handed to the core in one call;
the answer comes back as Arrow buffers (``decimal128`` columns, exact) that pyarrow wraps without
converting row by row. pyarrow is needed for DataFrame input and output."""

from __future__ import annotations

from typing import Any, Mapping, Optional, Tuple, Union

from . import _native

COLUMNS = ("employee_id", "category", "wtf", "start", "end")


def _string_column(table: Any, col: str) -> Any:
    """A column of the table as one Arrow string array (dates as ISO text, numbers as text)."""
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
    if pa.types.is_timestamp(arr.type):
        arr = pc.cast(arr, pa.date32())
    if pa.types.is_dictionary(arr.type):
        arr = pc.cast(arr, arr.type.value_type)
    if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        arr = pc.cast(arr, pa.string())
    return arr.combine_chunks() if isinstance(arr, pa.ChunkedArray) else arr


def _buffers(arr: Any) -> Tuple[Optional[bytes], bytes, bytes, int, int, bool]:
    """The Arrow buffers of a string array, as the native module reads them."""
    import pyarrow as pa

    validity, offsets, data = arr.buffers()
    return (
        None if validity is None else validity.to_pybytes(),
        offsets.to_pybytes(),
        b"" if data is None else data.to_pybytes(),
        arr.offset,
        len(arr),
        pa.types.is_large_string(arr.type),
    )


def _to_arrow(table: Any) -> Any:
    """A pyarrow Table from pandas, polars or pyarrow input."""
    import pyarrow as pa

    if isinstance(table, pa.Table):
        return table
    mod = type(table).__module__
    if mod.startswith("polars"):
        return table.to_arrow()
    if mod.startswith("pandas"):
        return pa.Table.from_pandas(table, preserve_index=False)
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
    cols = [_buffers(_string_column(arrow, c)) for c in COLUMNS]
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
            "school_year": pa.array([res["school_year"]] * n, pa.string()),
            "rule_set": pa.array([res["rule_set"]] * n, pa.string()),
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
