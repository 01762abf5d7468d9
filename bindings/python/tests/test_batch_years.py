"""Exports over several school years, threads, and the GIL: what an HR export and a web service
feed the batch."""

import threading
import time
from decimal import Decimal

import pytest

import lemniscaat

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")


def lines(out):
    """The answer as (employee_id, school_year) -> the rest, with missing values as None."""
    rows = out.to_pylist() if isinstance(out, pa.Table) else pa.Table.from_pandas(out, preserve_index=False).to_pylist()
    return {(r["employee_id"], r["school_year"]): r for r in rows}


def test_a_school_year_column_gives_one_row_per_employee_and_year_equal_to_one_call_per_year():
    df = lemniscaat.sample_export(20_000, seed=11)
    out = lemniscaat.entitlements(df)
    assert isinstance(out, pd.DataFrame)
    got = lines(out)
    assert len(got) == len(out)  # one row per employee-year
    years = sorted({y for (_, y) in got if y is not None})
    assert years == [f"{y}-{y + 1}" for y in range(2014, 2025)]
    # The same frame cut per school year (what users did before) gives the same lines; a row
    # number there is one of the part, so it is mapped back to the whole frame's.
    for year, part in df.groupby("school_year"):
        one = lines(lemniscaat.entitlements(part.reset_index(drop=True), year))
        for key, r in one.items():
            mine = got[key]
            assert (mine["hours"], mine["money"], mine["extra_hours"], mine["rule_set"], mine["error_code"]) == (
                r["hours"], r["money"], r["extra_hours"], r["rule_set"], r["error_code"]
            )
            if r["error_row"] is not None:
                assert mine["error_row"] == part.index[r["error_row"]]
    # The 2024-2025 rule set and the bad cells of a real export are there.
    assert {r["rule_set"] for k, r in got.items() if k[1] == "2024-2025"} == {"cao-vo-2023-2024"}
    codes = {r["error_code"] for r in got.values()} - {None}
    assert len(codes) >= 2 and codes <= {"INVALID_DECIMAL", "MISSING_FIELD", "INVALID_VALUE", "INVALID_DATE_RANGE"}


def test_a_year_given_with_a_school_year_column_reads_only_that_years_rows_and_every_unreadable_one():
    df = pd.DataFrame(
        {
            "employee_id": ["E1", "E1", "E2", "E3"],
            "school_year": ["2014-2015", "2024/25", "2024-2025", "2O24-2025"],
            "category": ["teacher"] * 4,
            "wtf": ["0.6", "0.5", "1", "1"],
            "start": ["2010-08-01"] * 4,
            "end": [None] * 4,
        }
    )
    out = lemniscaat.entitlements(df, "2024-2025").to_dict("records")
    assert [(r["employee_id"], r["school_year"] if r["school_year"] is not pd.NA else None) for r in out] == [
        ("E1", "2024-2025"),
        ("E2", "2024-2025"),
        ("E3", None),
    ]
    assert out[0]["hours"] == Decimal("41.50")
    assert (out[2]["error_code"], out[2]["error_row"]) == ("INVALID_SCHOOL_YEAR", 3)
    # Without a year and without a column there is nothing to compute.
    with pytest.raises(lemniscaat.InputError) as e:
        lemniscaat.entitlements(df.drop(columns=["school_year"]))
    assert e.value.code == "MISSING_FIELD"


@pytest.mark.parametrize("order", ["employee", "shuffled"])
def test_any_number_of_threads_gives_the_answer_of_one_in_the_same_order(order):
    table = pa.Table.from_pandas(lemniscaat.sample_export(60_000, seed=5, order=order), preserve_index=False)
    one = lemniscaat.entitlements(table, threads=1)
    assert one.num_rows > 40_000
    for n in (2, 3, 8):
        assert lemniscaat.entitlements(table, threads=n).equals(one)
    for bad in (-1, 1.5, "2", True):
        with pytest.raises(lemniscaat.InputError):
            lemniscaat.entitlements(table, threads=bad)


def test_the_same_seed_gives_the_same_export_and_rows_are_strings():
    a = lemniscaat.sample_export(2_000, seed=3)
    assert a.equals(lemniscaat.sample_export(2_000, seed=3))
    assert not a.equals(lemniscaat.sample_export(2_000, seed=4))
    assert list(a.columns) == ["employee_id", "school_year", "category", "wtf", "start", "end"]
    assert len(a) == 2_000 and a["employee_id"].iloc[0] == "E0000001"
    with pytest.raises(lemniscaat.InputError):
        lemniscaat.sample_export(10, order="random")


def test_other_python_threads_run_while_the_core_computes():
    """Two threads at once: one runs batches, the other validations and reports. The core holds
    the GIL for none of its work, so the second thread finishes calls while a batch runs."""
    table = pa.Table.from_pandas(lemniscaat.sample_export(400_000, seed=2), preserve_index=False)
    board = lemniscaat.sample_dataset()
    inside = []
    batch_windows = []
    stop = threading.Event()

    def batches():
        for _ in range(3):
            t0 = time.perf_counter()
            lemniscaat.entitlements(table, threads=1)
            batch_windows.append((t0, time.perf_counter()))
        stop.set()

    def others():
        while not stop.is_set():
            lemniscaat.validate(board)
            lemniscaat.report(board, as_of="2026-11-30")
            inside.append(time.perf_counter())

    a, b = threading.Thread(target=batches), threading.Thread(target=others)
    b.start()
    a.start()
    a.join(timeout=300)
    b.join(timeout=300)
    assert len(batch_windows) == 3, "the batches did not finish"
    during = sum(any(s < t < e for s, e in batch_windows) for t in inside)
    # Holding the GIL, the other thread could finish at most one call per batch (between two).
    assert during >= 6, f"{during} validations and reports finished while a batch ran; windows {batch_windows}"
