"""Hypothesis properties through the binding: monotone in wtf, and no panic on any input."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

import lemniscaat
from lemniscaat import Appointment

wtfs = st.integers(min_value=1, max_value=1000).map(lambda n: Decimal(n) / 1000)


@settings(max_examples=300, deadline=None)
@given(a=wtfs, b=wtfs, cat=st.sampled_from(["teacher", "support", "management"]), day=st.integers(0, 364))
def test_monotone_in_wtf(a, b, cat, day):
    lo, hi = sorted([a, b])
    start = f"2014-{8 + day // 31 if day < 150 else 12:02d}-01"
    x = lemniscaat.entitlement([Appointment(cat, lo, start)], "2014-2015", explain=False)
    y = lemniscaat.entitlement([Appointment(cat, hi, start)], "2014-2015", explain=False)
    assert x.hours <= y.hours and x.money <= y.money


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200))
def test_classifier_never_panics(text):
    c = lemniscaat.classify(text)
    s = c.scores
    assert abs(s.experience + s.social + s.formal + s.unknown - 1) <= Decimal("0.0003")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(value=json_values, op=st.sampled_from(list(lemniscaat._native.OPERATIONS)))
def test_no_panic_on_any_json(value, op):
    try:
        lemniscaat.call(op, value if isinstance(value, dict) else {"x": value})
    except lemniscaat.LemniscaatError:
        pass


# Cells of the string columns as an analyst's DataFrame holds them: ids, categories and wtfs that
# may be valid or not, unicode, blank, or missing in each of the ways pandas spells it.
def _cells(valid):
    return st.one_of(
        st.sampled_from(valid),
        st.text(max_size=8),
        st.sampled_from([None, float("nan"), "", " ", "\u00e9\u00e9n", "\U0001f600"]),
    )


rows = st.lists(
    st.tuples(
        _cells(["E1", "E2", "E3"]),
        _cells(["teacher", "support", "management"]),
        _cells(["1", "0.5", "0.25", "1.5", "x"]),
        st.sampled_from(["2010-08-01", "2014-03-01", "2014-13-01", None]),
        st.sampled_from([None, "2015-01-31", "2013-01-01"]),
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(rows=rows)
def test_object_columns_read_in_place_give_what_arrow_columns_give(rows):
    """The pandas object path (the binding reads each Python object through the buffer protocol)
    and the Arrow path (pyarrow converts the same values) agree on every table, error rows
    included, and neither ever panics."""
    import pandas as pd
    import pyarrow as pa

    cols = list(zip(*rows)) if rows else [[]] * 5
    names = ["employee_id", "category", "wtf", "start", "end"]
    objects = pd.DataFrame({n: pd.Series(list(c), dtype=object) for n, c in zip(names, cols)})

    def text(values):
        return pa.array([None if v is None or (isinstance(v, float) and v != v) else v for v in values], pa.string())

    arrow = pa.table({n: text(c) for n, c in zip(names, cols)})
    got = lemniscaat.entitlements(objects, "2014-2015")
    want = lemniscaat.entitlements(arrow, "2014-2015").to_pandas(types_mapper=pd.ArrowDtype)
    pd.testing.assert_frame_equal(got, want)
