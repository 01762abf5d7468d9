"""Entitlements of a whole table at once: pandas, polars or pyarrow in, the same kind out.

The columns are read as text by Arrow's compute kernels (dates as ISO strings, decimals and
floats in their shortest exact form) and handed to the core in one call; the answer comes back
as Arrow ``decimal128`` columns, exact. pyarrow is needed for DataFrame input and output."""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

from . import _native

COLUMNS = ("employee_id", "category", "wtf", "start", "end")


def _arrow_columns(table: Any) -> Dict[str, List[Optional[str]]]:
    import pyarrow as pa
    import pyarrow.compute as pc

    names = [n.lower() for n in table.column_names]
    out: Dict[str, List[Optional[str]]] = {}
    for col in COLUMNS:
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
        if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
            arr = pc.cast(arr, pa.string())
        values = arr.to_pylist()
        if col != "end":
            values = ["" if v is None else v for v in values]
        out[col] = values
    return out


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


def entitlements(table: Any, school_year: Union[str, Any], *, decimals: int = 2, **options: Any) -> Any:
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
    cols = _arrow_columns(arrow)
    res = _native.entitlements_columns(
        cols["employee_id"], cols["category"], cols["wtf"], cols["start"], cols["end"], str(school_year), json.dumps(options) if options else None  # type: ignore[arg-type]
    )
    dec = pa.decimal128(28, decimals)
    n = len(res["employee"])
    out = pa.table(
        {
            "employee_id": pa.array(res["employee"], pa.string()),
            "school_year": pa.array([res["school_year"]] * n, pa.string()),
            "rule_set": pa.array([res["rule_set"]] * n, pa.string()),
            "hours": pa.array(res["hours"], pa.string()).cast(dec),
            "money": pa.array(res["money"], pa.string()).cast(dec),
            "extra_hours": pa.array(res["extra_hours"], pa.string()).cast(dec),
            "error_code": pa.array(res["error_code"], pa.string()),
            "error_row": pa.array(res["error_row"], pa.int64()),
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
