"""A float where the library asks a decimal is refused with the library's typed error
(``InputError``, ``INVALID_DECIMAL``, with the path of the value), in every argument and every
dict, so that ``0.1 + 0.2`` never becomes the decimal 0.30000000000000004. The one place floats
are read is the batch's float column (and a float object in an object column, read as its
``str()``), as the README says."""

from decimal import Decimal

import pytest

import lemniscaat
from lemniscaat import Appointment

np = pytest.importorskip("numpy")

FLOATS = [0.5, 1.0, 0.1 + 0.2, 1e300, float("nan"), float("inf"), -0.0, np.float64(0.5), np.float32(0.5)]
APP = Appointment("teacher", "1", "2010-08-01")
PROV = {"confidence": "inferred", "source": "lemniscaat"}


def refused(call, path):
    with pytest.raises(lemniscaat.InputError) as e:
        call()
    assert (e.value.code, e.value.path) == ("INVALID_DECIMAL", path), str(e.value)
    assert e.value.message_en and e.value.message_nl


@pytest.mark.parametrize("f", FLOATS, ids=repr)
def test_an_appointments_wtf(f):
    refused(lambda: lemniscaat.entitlement([Appointment("teacher", f, "2010-08-01")], "2014-2015"), "/appointments/0/wtf")
    refused(lambda: lemniscaat.entitlement([APP, {"category": "teacher", "wtf": f, "start": "2010-08-01"}], "2014-2015"), "/appointments/1/wtf")
    refused(lambda: lemniscaat.ledger([Appointment("support", f, "2010-08-01")], [], ["2014-2015"]), "/appointments/0/wtf")


@pytest.mark.parametrize("f", FLOATS, ids=repr)
def test_the_other_decimal_arguments(f):
    refused(lambda: lemniscaat.lumpsum(2015, f, [{"category": "fees", "money": "10"}]), "/personele_lumpsum")
    refused(lambda: lemniscaat.lumpsum(2015, "1000000", [{"category": "time", "hours": "10"}], default_hourly_cost=f), "/default_hourly_cost")
    refused(lambda: lemniscaat.lumpsum(2015, "1000000", [{"category": "fees", "money": f}]), "/lines/0/money")
    refused(lambda: lemniscaat.mix([{"kind": "course", "hours": "1"}], tolerance=f), "/tolerance")
    refused(lambda: lemniscaat.mix([{"kind": "course", "hours": f}]), "/activities/0/hours")


@pytest.mark.parametrize("f", FLOATS, ids=repr)
def test_decimals_in_dicts(f):
    usage = {"type": "usage", "date": "2015-01-05", "hours": f, "money": "0", "activity": "A1"}
    refused(lambda: lemniscaat.ledger([APP], [usage], ["2014-2015"]), "/events/0/hours")
    refused(lambda: lemniscaat.entitlement([APP], "2014-2015", options={"management_base": {"hours": f, "money": "0"}}), "/options/management_base/hours")
    refused(lambda: lemniscaat.call("entitlement", {"school_year": "2014-2015", "appointments": [{"category": "teacher", "wtf": f, "start": "2010-08-01"}]}), "/appointments/0/wtf")
    overrides = {"rule_sets": [{"id": "cao-vo-2014-2015", "name": "x", "in_force_from": {"value": "2014-08-01", "provenance": {"confidence": "seed", "source": "seed"}}, "parameters": {"support_hours": {"value": f, "article": "17.4", "lid": "3", "provenance": PROV}}}]}
    refused(lambda: lemniscaat.RuleBook.builtin().with_overrides(overrides), "/rule_sets/0/parameters/support_hours/value")


def test_0_1_plus_0_2_is_not_the_decimal_0_30000000000000004():
    refused(lambda: lemniscaat.entitlement([Appointment("teacher", 0.1 + 0.2, "2010-08-01")], "2014-2015"), "/appointments/0/wtf")
    # As a decimal it is exact.
    e = lemniscaat.entitlement([Appointment("teacher", Decimal("0.1") + Decimal("0.2"), "2010-08-01")], "2014-2015")
    assert e.hours == Decimal("24.90")


def test_exact_values_are_read():
    for wtf in (Decimal("0.5"), "0.5", 1, np.int64(1)):
        assert lemniscaat.entitlement([Appointment("teacher", wtf, "2010-08-01")], "2014-2015").hours > 0
    assert lemniscaat.lumpsum(np.int64(2015), Decimal("1000000"), [{"category": "fees", "money": 100000}]).compliant


def test_decimals_that_python_writes_with_an_exponent_are_sent_in_positional_notation():
    # str(Decimal("0.00000001")) is "1E-8", which the core refuses; the package sends the digits.
    tiny = Decimal("0.00000001")
    assert str(tiny) == "1E-8"
    e = lemniscaat.entitlement([Appointment("teacher", Decimal("8E-1"), "2010-08-01")], "2014-2015")
    assert e.hours == lemniscaat.entitlement([Appointment("teacher", "0.8", "2010-08-01")], "2014-2015").hours
    usage = {"type": "usage", "date": "2015-01-05", "hours": tiny, "money": Decimal("0E-2"), "activity": "A1"}
    ledger = lemniscaat.ledger([APP], [usage], ["2014-2015"])
    assert ledger.statements[0].hours.used == tiny
    assert lemniscaat.lumpsum(2015, Decimal("1E+6"), [{"category": "fees", "money": Decimal("1.0E+5")}]).compliant


def test_the_batchs_float_column_is_the_one_place_floats_are_read():
    pd = pytest.importorskip("pandas")
    rows = {"employee_id": ["E1", "E2"], "category": ["teacher", "teacher"], "start": ["2010-08-01"] * 2, "end": [None, None]}
    floats = lemniscaat.entitlements(pd.DataFrame(dict(rows, wtf=[0.6, 0.1 + 0.2])), "2014-2015")
    objects = lemniscaat.entitlements(pd.DataFrame(dict(rows, wtf=pd.Series([0.6, 0.1 + 0.2], dtype=object))), "2014-2015")
    texts = lemniscaat.entitlements(pd.DataFrame(dict(rows, wtf=["0.6", "0.30000000000000004"])), "2014-2015")
    # Cast to their shortest exact text (the float column) or read as str() (an object column).
    assert floats["hours"].tolist() == objects["hours"].tolist() == texts["hours"].tolist()
    assert floats["hours"].tolist()[0] == Decimal("49.80")
    # Floats in the batch's options are refused like anywhere else.
    table = pd.DataFrame(dict(rows, wtf=["1", "1"]))
    for f in (0.5, float("nan"), np.float32(0.5)):
        refused(lambda: lemniscaat.entitlements(table, "2014-2015", management_base={"hours": f, "money": "0"}), "/options/management_base/hours")
