"""Hypothesis over random pandas DataFrames for ``lemniscaat.entitlements`` (the batch's share of
the fuzzing, issue 20): mixed types in a column, None/NaN/NA/NaT, unicode, huge and tiny values,
floats, ints, decimals, dates and datetimes, columns pandas infers a dtype for and object
columns. Whatever the table, the batch answers with a table or raises the library's own typed
error (``lemniscaat.LemniscaatError``), never anything else, and a bad cell costs its own line,
not the batch. Bounded to a few hundred small tables (well under a minute)."""

import datetime
import math
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lemniscaat

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")

OUT = ["employee_id", "school_year", "rule_set", "hours", "money", "extra_hours", "error_code", "error_row"]

missing = st.sampled_from([None, float("nan"), pd.NA, pd.NaT, np.nan])
numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, -0.0, 1.0, 0.6, 0.1 + 0.2, 1e-300, 5e-324, 1e308, 2.0**53 + 1, 1.5]),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, 1, -1, 2**63 - 1, 2**63, -(2**63), 10**30]),
    st.sampled_from([Decimal("0.6"), Decimal("1.0000"), Decimal("NaN"), Decimal("-Infinity"), Decimal("1E-30"), Decimal("1E+40"), Decimal("0.12345678901234567890123456789")]),
    st.booleans(),
    st.sampled_from([np.float32(0.5), np.int8(1), np.float64("nan"), np.int64(-(2**63))]),
)
times = st.one_of(
    st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)),
    st.datetimes(min_value=datetime.datetime(1800, 1, 1), max_value=datetime.datetime(2300, 1, 1)),
    st.sampled_from([pd.Timestamp("2010-08-01"), pd.Timestamp("2014-08-01", tz="Europe/Amsterdam"), datetime.date(2010, 8, 1), datetime.datetime(2015, 1, 31, 23, 59)]),
)
texts = st.one_of(st.text(max_size=12), st.text(alphabet=st.characters(min_codepoint=0x80), max_size=6), st.sampled_from(["", " ", "\x00", "\u00e9\u00e9n", "\U0001f600", "1e2", "4,5", "0x1", "null", "\ufeff"]))


anything = st.one_of(missing, numbers, texts, times)

# Values each column means (valid or nearly), drawn unless the cell is noise.
VALID = {
    "employee_id": ["E1", "E2", "E3", " E1", 7],
    "category": ["teacher", "support", "management", " teacher "],
    "wtf": ["1", "0.5", "0.6", "0.0001", "1.5", 0.6, 1, Decimal("0.25")],
    "start": ["2010-08-01", "2014-09-15", "2024-08-01", datetime.date(2014, 8, 1), pd.Timestamp("2020-02-29")],
    "end": [None, None, "2015-01-31", datetime.date(2025, 7, 31), "2013-01-01"],
    "school_year": ["2014-2015", "2024/25", "2023-2024", "2013-2014", "2024-2025"],
}


@st.composite
def tables(draw):
    n = draw(st.integers(min_value=0, max_value=12))
    # How much of the table is noise: none (every line computes), a little, much, or all of it.
    noise = draw(st.sampled_from([0, 5, 30, 100]))
    names = [c for c in VALID if c != "school_year"]
    if draw(st.booleans()):
        names.append("school_year")
    if draw(st.integers(0, 19)) == 0:
        names.remove(draw(st.sampled_from(names)))  # a required column left out
    data = {}
    for c in names:
        values = [draw(anything) if draw(st.integers(0, 99)) < noise else draw(st.sampled_from(VALID[c])) for _ in range(n)]
        name = c.upper() if draw(st.integers(0, 9)) == 0 else c
        # As pandas infers the column's dtype (float64, int64, datetime64, bool, object, ...), or
        # kept as Python objects.
        data[name] = pd.Series(values, dtype=object) if draw(st.booleans()) else pd.Series(values)
    return pd.DataFrame(data) if data else pd.DataFrame(index=range(n))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    df=tables(),
    year=st.sampled_from(["2014-2015", "2024-2025", "2013-2014", "2100-2101", None]),
    threads=st.sampled_from([0, 1, 2]),
)
def test_any_dataframe_gives_a_table_or_the_librarys_error(df, year, threads):
    try:
        out = lemniscaat.entitlements(df, year, threads=threads)
    except lemniscaat.LemniscaatError as e:
        assert e.code and e.message_en and e.message_nl
        return
    assert list(out.columns) == OUT
    assert len(out) <= len(df)
    for r in out.to_dict("records"):
        has_error = r["error_code"] is not pd.NA and r["error_code"] is not None
        assert has_error == (r["hours"] is pd.NA or r["hours"] is None)
        if has_error:
            assert 0 <= r["error_row"] < len(df)
        else:
            assert isinstance(r["hours"], Decimal) and r["hours"].is_finite() and r["hours"] >= 0
            assert not math.isnan(float(r["money"]))


def test_a_date_column_of_mixed_objects_costs_its_bad_cells_their_rows():
    """Found by the test above: pyarrow refuses a column of Python objects that mixes dates and
    numbers (``ArrowTypeError``); the batch reads such a column cell by cell instead."""
    df = pd.DataFrame(
        {
            "employee_id": ["E1", "E2", "E3", "E4", "E5"],
            "category": ["teacher"] * 5,
            "wtf": ["1"] * 5,
            "start": pd.Series(["2010-08-01", 0.0, datetime.date(2014, 8, 1), pd.Timestamp("2014-08-01 23:30", tz="Europe/Amsterdam"), None], dtype=object),
            "end": pd.Series([None, None, 5, pd.NaT, None], dtype=object),
        }
    )
    out = lemniscaat.entitlements(df, "2014-2015").to_dict("records")
    codes = [(r["employee_id"], None if r["error_code"] is pd.NA else r["error_code"]) for r in out]
    assert codes == [("E1", None), ("E2", "INVALID_DATE"), ("E3", "INVALID_DATE"), ("E4", None), ("E5", "MISSING_FIELD")]
    assert out[0]["hours"] == Decimal("83.00") and out[3]["hours"] == Decimal("83.00")
