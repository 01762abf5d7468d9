"""Errors are LemniscaatError (a ValueError) with code, path and messages; garbage never panics."""

import pickle

import pytest

import lemniscaat
from lemniscaat import Appointment


def test_error_fields_and_family():
    with pytest.raises(lemniscaat.InputError) as e:
        lemniscaat.entitlement([Appointment("teacher", "1.5", "2010-08-01")], "2014-2015")
    err = e.value
    assert isinstance(err, ValueError) and isinstance(err, lemniscaat.LemniscaatError)
    assert err.code == "INVALID_WTF"
    assert err.path == "/appointments/0/wtf"
    assert "werktijdfactor" in err.message_nl and "wtf" in err.message_en
    assert pickle.loads(pickle.dumps(err)).code == "INVALID_WTF"


@pytest.mark.parametrize(
    "call,family,code",
    [
        (lambda: lemniscaat.entitlement([], "2013-2014"), lemniscaat.RulesError, "RULES_NOT_IN_FORCE"),
        (lambda: lemniscaat.entitlement([], "2014-2015", rule_set="nope"), lemniscaat.RulesError, "UNKNOWN_RULE_SET"),
        (
            lambda: lemniscaat.ledger([Appointment("teacher", "1", "2010-08-01")], [{"type": "usage", "date": "2015-01-01", "hours": "99", "money": "0", "activity": "A"}], ["2014-2015"]),
            lemniscaat.LedgerError,
            "INSUFFICIENT_BALANCE",
        ),
        (lambda: lemniscaat.validate({"as_of": "2015-01-01"}), lemniscaat.InputError, "MISSING_FIELD"),
        (lambda: lemniscaat.call("classify", "{"), lemniscaat.InputError, "INVALID_JSON"),
    ],
)
def test_families(call, family, code):
    with pytest.raises(family) as e:
        call()
    assert e.value.code == code


def test_floats_are_refused():
    with pytest.raises(lemniscaat.InputError) as e:
        lemniscaat.entitlement([{"category": "teacher", "wtf": 0.6, "start": "2010-08-01"}], "2014-2015")
    assert e.value.code == "INVALID_DECIMAL"


GARBAGE = ["", "null", "[]", "{}", '{"x":1}', "\x00", '{"school_year":"9999-10000"}', "[" * 5000, '{"as_of":"2015-02-30"}', '{"appointments":[{"wtf":"1e999999"}]}']


@pytest.mark.parametrize("op", list(lemniscaat._native.OPERATIONS))
@pytest.mark.parametrize("text", GARBAGE)
def test_garbage_never_panics(op, text):
    try:
        lemniscaat.call(op, text)
    except lemniscaat.LemniscaatError:
        pass
    # A Rust panic would raise pyo3's PanicException (a BaseException) and fail this test.
