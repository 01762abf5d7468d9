"""The columnar batch against a straightforward pandas implementation of the same rule.

Usage: python bindings/python/bench/bench_batch.py [ROWS]   (default 1,000,000)

Both compute, per employee, the 2024-2025 basisrecht with calendar-day pro rata (teacher 83 h /
EUR 600, support 40 h / EUR 600, management 0) from the same DataFrame. The pandas version uses
floats, as a straightforward implementation would; the script reports how many employees it
rounds differently from the exact library. The library is timed on the string columns as Python
objects (pandas 2's default) and as Arrow strings (pandas 3's), on a pyarrow Table and on a
polars DataFrame; every figure is the best of five runs.
"""

import sys
import time
from decimal import Decimal

import numpy as np
import pandas as pd

import lemniscaat


def make(rows: int) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    per = rng.choice([1, 1, 1, 2, 2, 3], size=rows)
    emp = np.repeat(np.arange(rows), per)[:rows]
    cat = rng.choice(["teacher", "support", "management"], size=rows, p=[0.6, 0.35, 0.05])
    wtf = rng.choice(["1", "0.8", "0.6", "0.5", "0.4", "0.255"], size=rows)
    start = pd.to_datetime("2010-08-01") + pd.to_timedelta(rng.integers(0, 15 * 365, size=rows), unit="D")
    end = start + pd.to_timedelta(rng.integers(30, 6 * 365, size=rows), unit="D")
    end = end.where(rng.random(rows) < 0.4, pd.NaT)
    return pd.DataFrame({"employee_id": [f"E{e}" for e in emp], "category": cat, "wtf": wtf, "start": start, "end": end})


def pandas_version(df: pd.DataFrame) -> pd.DataFrame:
    first, last = pd.Timestamp("2024-08-01"), pd.Timestamp("2025-07-31")
    s = df["start"].clip(lower=first)
    e = df["end"].fillna(last).clip(upper=last)
    days = ((e - s).dt.days + 1).clip(lower=0)
    hours_base = df["category"].map({"teacher": 83.0, "support": 40.0, "management": 0.0})
    money_base = df["category"].map({"teacher": 600.0, "support": 600.0, "management": 0.0})
    w = df["wtf"].astype(float)
    part = pd.DataFrame({"employee_id": df["employee_id"], "hours": hours_base * w * days / 365, "money": money_base * w * days / 365})
    out = part.groupby("employee_id", sort=False).sum()
    return out.round(2).reset_index()


def best(f, n=5):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        r = f()
        times.append(time.perf_counter() - t)
    return min(times), r


def line(label: str, t: float, rows: int) -> None:
    print(f"{label:<58} {t:6.3f} s  ({rows / t / 1e6:.2f} million rows/s)")


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    df = make(rows)
    print(f"rows: {rows:,}   pandas {pd.__version__}   best of 5 runs each")
    # pandas 2 keeps strings as Python objects; pandas 3 (with pyarrow) as Arrow strings.
    objects = df.astype({c: object for c in ("employee_id", "category", "wtf")})
    arrowed = df.astype({c: "string[pyarrow]" for c in ("employee_id", "category", "wtf")})
    t_lib, lib = best(lambda: lemniscaat.entitlements(objects, "2024-2025"))
    t_arr, _ = best(lambda: lemniscaat.entitlements(arrowed, "2024-2025"))
    t_pd, ref = best(lambda: pandas_version(objects))
    print(f"employees: {len(lib):,}")
    line("lemniscaat.entitlements, pandas with object strings", t_lib, rows)
    line("lemniscaat.entitlements, pandas with Arrow strings", t_arr, rows)
    line("pandas version (floats), object strings", t_pd, rows)
    print(f"ratio lemniscaat / pandas time (object strings): {t_lib / t_pd:.2f}")
    merged = lib.merge(ref, on="employee_id", suffixes=("", "_pd"))
    differ = sum(Decimal(str(a)) != Decimal(repr(b)).quantize(Decimal("0.01")) for a, b in zip(merged["hours"], merged["hours_pd"]))
    print(f"employees whose hours the float version rounds differently: {differ}")
    # The same rows already in Arrow form (a pyarrow Table, a polars DataFrame).
    import pyarrow as pa

    table = pa.Table.from_pandas(objects, preserve_index=False)
    t_pa, _ = best(lambda: lemniscaat.entitlements(table, "2024-2025"))
    line("lemniscaat.entitlements, pyarrow Table", t_pa, rows)
    try:
        import polars as pl
    except ImportError:
        return
    frame = pl.from_arrow(table)
    t_pl, _ = best(lambda: lemniscaat.entitlements(frame, "2024-2025"))
    line("lemniscaat.entitlements, polars DataFrame", t_pl, rows)


if __name__ == "__main__":
    main()
