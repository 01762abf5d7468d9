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
