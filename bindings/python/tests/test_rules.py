"""Rule books with overrides: a CAO figure that changed, a CAO the library does not know yet."""

import doctest
import json
from decimal import Decimal

import pytest

import lemniscaat
from lemniscaat import Appointment, RuleBook

PROV = {"confidence": "inferred", "source": "lemniscaat"}
SUPPORT_50 = {
    "rule_sets": [
        {
            "id": "cao-vo-2014-2015",
            "name": "CAO VO 2014-2015, 50 h support",
            "in_force_from": {"value": "2014-08-01", "provenance": {"confidence": "seed", "source": "seed"}},
            "parameters": {"support_hours": {"value": "50", "article": "17.4", "lid": "3", "provenance": PROV}},
        }
    ]
}
NEXT_CAO = {
    "rule_sets": [
        {
            "id": "cao-vo-2030",
            "name": "CAO VO 2030",
            "in_force_from": {"value": "2030-08-01", "provenance": PROV},
            "parameters": {"teacher_money": {"value": "700", "article": "16.5", "lid": "1", "provenance": PROV}},
        }
    ]
}
SUPPORT = [Appointment("support", "0.5", "2010-08-01")]


def test_the_package_doctests_pass():
    """The examples in the package's docstrings (the module and ``RuleBook``) run as written."""
    result = doctest.testmod(lemniscaat, raise_on_error=False)
    assert result.attempted >= 4 and result.failed == 0


def test_an_override_changes_what_uses_it_and_nothing_else(tmp_path):
    book = RuleBook.builtin().with_overrides(SUPPORT_50)
    assert lemniscaat.entitlement(SUPPORT, "2014-2015", rules=book).hours == Decimal("25.00")
    assert lemniscaat.entitlement(SUPPORT, "2014-2015").hours == Decimal("20.00")
    # The override's own name is what the explanation cites.
    e = lemniscaat.entitlement(SUPPORT, "2014-2015", rules=book)
    assert e.explanation["selection"]["rule_set"] == "cao-vo-2014-2015"
    # A JSON string and a path give the same book.
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(SUPPORT_50), encoding="utf-8")
    for source in (json.dumps(SUPPORT_50), path, str(path)):
        b = RuleBook.builtin().with_overrides(source)
        assert lemniscaat.entitlement(SUPPORT, "2014-2015", rules=b).hours == Decimal("25.00")


def test_a_new_rule_set_is_found_by_every_operation():
    book = RuleBook.builtin().with_overrides(NEXT_CAO)
    ids = [r["id"] for r in book.rule_sets()]
    assert ids[-1] == "cao-vo-2030" and "cao-vo-2030" not in [r["id"] for r in lemniscaat.rule_sets()]
    assert "cao-vo-2030" in repr(book)
    teacher = [Appointment("teacher", "1", "2020-08-01")]
    e = lemniscaat.entitlement(teacher, "2030-2031", rules=book)
    assert e.money == Decimal("700.00") and e.hours == Decimal("83.00")
    assert lemniscaat.entitlement(teacher, "2030-2031").money == Decimal("600.00")
    led = lemniscaat.ledger(teacher, [], ["2030-2031"], rules=book)
    assert led.statements[0]["rule_set"] == "cao-vo-2030" and led.statements[0]["money"]["granted"] == Decimal("700.00")
    assert lemniscaat.eligibility("mbo2", "2030-09-01", rules=book)["startkwalificatie"] is not None
    assert lemniscaat.call("rule_sets", {}, rules=book)[-1]["id"] == "cao-vo-2030"
    sample = lemniscaat.sample_dataset()
    # The sample's as_of lies after the last built-in rule set: a warning the new rule set ends.
    codes = {(f.code, f.path) for f in lemniscaat.validate(sample).findings}
    with_book = {(f.code, f.path) for f in lemniscaat.validate(sample, rules=book).findings}
    assert codes - with_book == {("RULES_OUT_OF_RANGE", "/as_of")} and not with_book - codes
    assert lemniscaat.report(rules=book).to_dict().keys() == lemniscaat.report().to_dict().keys()


def test_the_constructor_takes_overrides_too():
    assert [r["id"] for r in RuleBook().rule_sets()] == [r["id"] for r in lemniscaat.rule_sets()]
    book = RuleBook(SUPPORT_50)
    assert lemniscaat.entitlement(SUPPORT, "2014-2015", rules=book).hours == Decimal("25.00")
    with pytest.raises(lemniscaat.InputError):
        RuleBook({"rule_sets": [{"id": "x"}]})


def test_layered_overrides_leave_the_earlier_book_alone():
    first = RuleBook.builtin().with_overrides(NEXT_CAO)
    second = first.with_overrides(SUPPORT_50)
    assert [r["id"] for r in second.rule_sets()] == [r["id"] for r in first.rule_sets()]
    assert lemniscaat.entitlement(SUPPORT, "2014-2015", rules=second).hours == Decimal("25.00")
    assert lemniscaat.entitlement(SUPPORT, "2014-2015", rules=first).hours == Decimal("20.00")


def test_the_batch_takes_a_rule_book():
    pa = pytest.importorskip("pyarrow")
    table = pa.table({"employee_id": ["S1"], "category": ["support"], "wtf": ["0.5"], "start": ["2010-08-01"], "end": pa.array([None], pa.string())})
    book = RuleBook.builtin().with_overrides(SUPPORT_50)
    assert lemniscaat.entitlements(table, "2014-2015", rules=book).column("hours").to_pylist() == [Decimal("25.00")]
    assert lemniscaat.entitlements(table, "2014-2015").column("hours").to_pylist() == [Decimal("20.00")]


def test_bad_overrides_are_typed_errors_with_paths():
    missing_name = {"rule_sets": [{"id": "x", "in_force_from": {"value": "2030-08-01", "provenance": PROV}}]}
    with pytest.raises(lemniscaat.InputError) as e:
        RuleBook.builtin().with_overrides(missing_name)
    assert (e.value.code, e.value.path) == ("MISSING_FIELD", "/rule_sets/0/name")
    unknown = {"rule_sets": [dict(NEXT_CAO["rule_sets"][0], colour="red")]}
    with pytest.raises(lemniscaat.InputError) as e:
        RuleBook.builtin().with_overrides(unknown)
    assert (e.value.code, e.value.path) == ("UNKNOWN_FIELD", "/rule_sets/0/colour")
    with pytest.raises(lemniscaat.LemniscaatError):
        RuleBook.builtin().with_overrides("{not json")
    with pytest.raises(TypeError):
        lemniscaat.entitlement(SUPPORT, "2014-2015", rules="cao-vo-2014-2015")  # type: ignore[arg-type]


def test_the_batch_pins_a_rule_set_by_id():
    pa = pytest.importorskip("pyarrow")
    table = pa.table({"employee_id": ["T1"], "category": ["teacher"], "wtf": ["1"], "start": ["2020-08-01"], "end": pa.array([None], pa.string())})
    book = RuleBook.builtin().with_overrides(NEXT_CAO)
    pinned = lemniscaat.entitlements(table, "2030-2031", rules=book, rule_set="cao-vo-2024-2025").to_pylist()[0]
    in_force = lemniscaat.entitlements(table, "2030-2031", rules=book).to_pylist()[0]
    assert (pinned["rule_set"], pinned["money"]) == ("cao-vo-2024-2025", Decimal("600.00"))
    assert (in_force["rule_set"], in_force["money"]) == ("cao-vo-2030", Decimal("700.00"))
    with pytest.raises(lemniscaat.RulesError) as e:
        lemniscaat.entitlements(table, "2030-2031", rule_set="cao-vo-2030")
    assert e.value.code == "UNKNOWN_RULE_SET"
