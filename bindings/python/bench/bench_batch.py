"""The columnar batch on a realistic HR export against a straightforward pandas implementation of
the same rule, side by side in one run.

Usage: python bindings/python/bench/bench_batch.py [ROWS]   (default 1,000,000)

The table is ``lemniscaat.sample_export(ROWS)``: appointments over eleven school years
(2014-2015 to 2024-2025) as a pandas frame of strings, the way ``pd.read_csv(..., dtype=str)``
gives an export: ids repeated every year, wtf changes during the year, four-decimal wtfs, hires
and leavers during the year, a few bad cells (``lemniscaat::synthetic`` documents the shares).

Both compute the basisrecht (hours and money) per employee and school year with calendar-day pro
rata under the rule set in force on 1 August of each year. The pandas version uses floats, as a
straightforward implementation would (parameters from ``lemniscaat.rule_sets()``, bad cells made
NaN and dropped); the script reports how many employee-years it rounds differently from the exact
library. lemniscaat is timed in one call on the whole frame (``school_year`` column), on one
thread and on every core, from pandas with Python strings (pandas 2's ``object``) and from Arrow
strings; every figure is the best of three runs. Favourable shapes (one school year, few distinct
shapes) are the extra rows at the end.
"""

import sys
import time
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd

import lemniscaat


def best(f, n=3):
    times = []
    r = None
    for _ in range(n):
        t = time.perf_counter()
        r = f()
        times.append(time.perf_counter() - t)
    return min(times), r


def line(label: str, t: float, rows: int) -> None:
    print(f"{label:<66} {t:6.3f} s  ({rows / t / 1e6:5.2f} million rows/s)")


def parameters() -> pd.DataFrame:
    """Per school year: the hours and money of a full-time teacher and support employee."""
    sets = sorted(lemniscaat.rule_sets(), key=lambda r: r["in_force_from"]["value"])
    out = []
    for y in range(2014, 2025):
        first = f"{y}-08-01"
        rs = [r for r in sets if str(r["in_force_from"]["value"]) <= first][-1]
        p = rs["parameters"]
        days = (pd.Timestamp(f"{y + 1}-07-31") - pd.Timestamp(first)).days + 1
        out.append(
            {
                "school_year": f"{y}-{y + 1}",
                "first": pd.Timestamp(first),
                "last": pd.Timestamp(f"{y + 1}-07-31"),
                "days": days,
                "teacher_hours": float(p["teacher_hours"]["value"]),
                "support_hours": float(p["support_hours"]["value"]),
                "teacher_money": float(p["teacher_money"]["value"]),
                "support_money": float(p["support_money"]["value"]),
            }
        )
    return pd.DataFrame(out)


def pandas_version(df: pd.DataFrame, params: pd.DataFrame) -> pd.DataFrame:
    d = df.merge(params, on="school_year", how="left")
    start = pd.to_datetime(d["start"], errors="coerce", format="%Y-%m-%d")
    end = pd.to_datetime(d["end"].replace("", None), errors="coerce", format="%Y-%m-%d")
    s = start.where(start > d["first"], d["first"])
    e = end.fillna(d["last"])
    e = e.where(e < d["last"], d["last"])
    days = ((e - s).dt.days + 1).clip(lower=0)
    w = pd.to_numeric(d["wtf"], errors="coerce")
    cat = d["category"]
    hours = np.select([cat == "teacher", cat == "support"], [d["teacher_hours"], d["support_hours"]], 0.0)
    money = np.select([cat == "teacher", cat == "support"], [d["teacher_money"], d["support_money"]], 0.0)
    share = w * days / d["days"]
    part = pd.DataFrame({"employee_id": d["employee_id"], "school_year": d["school_year"], "hours": hours * share, "money": money * share})
    return part.groupby(["employee_id", "school_year"], sort=False).sum().round(2).reset_index()


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    df = lemniscaat.sample_export(rows).astype(object)
    params = parameters()
    print(f"rows: {rows:,} over 11 school years   pandas {pd.__version__}   best of 3 runs each")
    arrowed = df.astype("string[pyarrow]")
    t_one, lib = best(lambda: lemniscaat.entitlements(df, threads=1))
    t_all, _ = best(lambda: lemniscaat.entitlements(df))
    t_arr, _ = best(lambda: lemniscaat.entitlements(arrowed))
    t_pd, ref = best(lambda: pandas_version(df, params))
    print(f"employee-years: {len(lib):,}")
    line("lemniscaat.entitlements, object strings, 1 thread", t_one, rows)
    line("lemniscaat.entitlements, object strings, every core", t_all, rows)
    line("lemniscaat.entitlements, Arrow strings, every core", t_arr, rows)
    line("pandas version (floats), object strings", t_pd, rows)
    print(f"rows/s ratio lemniscaat / pandas (object strings): {t_pd / t_one:.2f} on 1 thread, {t_pd / t_all:.2f} on every core")
    ok = lib[lib["error_code"].isna()]
    merged = ok.merge(ref, on=["employee_id", "school_year"], suffixes=("", "_pd"))
    cent = Decimal("0.01")
    differ = sum(Decimal(str(a)) != Decimal(repr(float(b))).quantize(cent, ROUND_HALF_UP) for a, b in zip(merged["hours"], merged["hours_pd"]))
    print(f"employee-years whose hours the float version gives differently: {differ:,} of {len(merged):,}")
    # Favourable shapes: one school year of the same export, few distinct shapes.
    one_year = df[df["school_year"] == "2020-2021"].reset_index(drop=True)
    t_fav, _ = best(lambda: lemniscaat.entitlements(one_year, "2020-2021", threads=1))
    line(f"favourable: one school year ({len(one_year):,} rows), 1 thread", t_fav, len(one_year))


if __name__ == "__main__":
    main()
