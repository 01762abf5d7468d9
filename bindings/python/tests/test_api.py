"""The typed Python surface: native types in and out, explanations, receipts, reports."""

import datetime
from decimal import Decimal

import pytest

import lemniscaat
from lemniscaat import Appointment, SchoolYear


def test_entitlement_with_native_types_and_explanation():
    e = lemniscaat.entitlement([Appointment("teacher", Decimal("0.6"), datetime.date(2010, 8, 1))], SchoolYear(2014))
    assert e.hours == Decimal("49.80") and isinstance(e.hours, Decimal)
    assert e.money == Decimal("360.00")
    assert e.rule_set == "cao-vo-2014-2015"
    cites = [s.source for s in e.explanation.steps]
    assert any(c.get("article") == "17.4" and c.get("lid") == "1" for c in cites)
    assert any(c.get("kind") == "interpretation" and c.get("id") == "parties-intent" for c in cites)
    assert e.receipt.rule_set_hash and e.receipt.input_hash
    d = e.to_dict()
    assert d["hours"] == Decimal("49.80")
    assert '"hours": "49.80"' in e.to_json()


def test_bezwarencommissie_reading():
    e = lemniscaat.entitlement([Appointment("teacher", "0.6", "2010-08-01")], "2014-2015", options={"pro_rata_2014": "bezwarencommissie-2016"})
    assert e.hours == Decimal("83.00")


def test_school_year():
    sy = SchoolYear.parse("2015/16")
    assert sy == SchoolYear(2015) and sy.days == 366 and str(sy) == "2015-2016"
    assert SchoolYear.containing(datetime.date(2016, 3, 1)) == sy
    try:
        SchoolYear.parse("2015-2017")
    except lemniscaat.InputError as e:
        assert e.code == "INVALID_SCHOOL_YEAR"
    else:
        raise AssertionError("expected an error")


def test_ledger_eligibility_lumpsum():
    led = lemniscaat.ledger(
        [Appointment("teacher", "1", "2010-08-01")],
        [{"type": "usage", "date": "2015-03-02", "hours": "50", "money": "400", "activity": "A1"}],
        ["2014-2015"],
    )
    st = led.statements[0]
    assert st.hours.lapsed == Decimal("33.00") and st.school_year == "2014-2015"
    assert "<table>" in led._repr_html_()
    el = lemniscaat.eligibility("mbo3", "2015-01-01", school_year="2014-2015", last_evc=datetime.date(2011, 3, 1))
    assert el.evc is False and el.evc_next_date == datetime.date(2016, 3, 1)
    ls = lemniscaat.lumpsum(2015, "1000000", [{"category": "fees", "money": "100000"}])
    assert ls.compliant and ls.share == Decimal("0.1000")
    assert ls.per_category == {"fees": Decimal("100000.00")}


def test_classify_mix_cycle_and_pictures():
    assert lemniscaat.classify("Lesbezoeken bij collega's").bucket == "social"
    m = lemniscaat.mix([{"kind": "course", "hours": "40"}])
    assert [f.code for f in m.findings] == ["MIX_FORMAL_HEAVY", "MIX_NO_WORKPLACE_LEARNING"]
    assert m._repr_svg_().startswith("<svg")
    cs = lemniscaat.cycle_status([{"stage": "frameworks", "date": "2014-10-01", "kind": "completed", "roles": ["pgmr"]}], "2015-03-01")
    assert cs.complete is False and "frameworks" in cs.attended
    svg = cs._repr_svg_()
    assert "<title" in svg and "✓ done" in svg


def test_validate_report_alignment_on_the_sample(sample):
    r = lemniscaat.validate(sample)
    assert r.counts.error == 3
    f = r.findings[0]
    assert {"code", "severity", "source", "path", "message_nl", "message_en", "data"} <= set(f)
    rows = r.findings_records()
    assert rows[0]["source"].startswith("cao-vo-")
    assert "<table>" in r._repr_html_()
    a = lemniscaat.alignment(sample)
    assert a.bottom_up[0].theme == "T6"
    rep = lemniscaat.report(sample, as_of="2026-11-30")
    assert len(rep.staff) == 29
    assert rep.rule_set.id == "cao-vo-2024-2025"


def test_validate_accepts_a_path_and_a_json_string(tmp_path, sample):
    import json

    p = tmp_path / "board.json"
    p.write_text(json.dumps(sample), encoding="utf-8")
    assert lemniscaat.validate(p).counts.error == lemniscaat.validate(str(p)).counts.error == lemniscaat.validate(json.dumps(sample)).counts.error


def test_rule_sets():
    rs = lemniscaat.rule_sets()
    assert [r.id for r in rs][:2] == ["cao-vo-2014-2015", "cao-vo-2016-2017"]
    assert rs[2].parameters.support_money.value == Decimal("600")


def test_parity_with_the_core():
    """Every operation of the core has a public Python function; a new one fails this test."""
    public = {
        "entitlement": lemniscaat.entitlement,
        "ledger": lemniscaat.ledger,
        "eligibility": lemniscaat.eligibility,
        "lumpsum": lemniscaat.lumpsum,
        "classify": lemniscaat.classify,
        "mix": lemniscaat.mix,
        "cycle": lemniscaat.cycle_status,
        "validate": lemniscaat.validate,
        "report": lemniscaat.report,
        "rule_sets": lemniscaat.rule_sets,
    }
    assert sorted(public) == sorted(lemniscaat._native.OPERATIONS)
    assert lemniscaat.__version__ == lemniscaat._native.version()


LESSON_STUDY = {
    "id": "lesson-study",
    "label": {"en": "Lesson study", "nl": "Lesson study"},
    "bucket": "social",
    "cao_17_1": None,
    "cedefop": "non_formal",
    "keywords": {"nl": ["lesson study"], "en": ["lesson study"]},
    "source": "school policy",
}


def test_a_schools_own_activity_kinds_classify_and_weigh():
    text = "Twee weken lesson study met de sectie"
    assert lemniscaat.classify(text)["kind"] != "lesson-study"
    c = lemniscaat.classify(text, taxonomy=[LESSON_STUDY])
    assert (c["kind"], c["bucket"], c["source"]) == ("lesson-study", "social", "school policy")
    activities = [{"kind": "lesson-study", "hours": "10"}, {"kind": "course", "hours": "10"}]
    m = lemniscaat.mix(activities, taxonomy=[LESSON_STUDY])
    assert m["shares"]["social"] == Decimal("0.5000")
    assert "<svg" in lemniscaat.mix_svg(activities, taxonomy=[LESSON_STUDY])
    # A kind with a built-in id replaces the built-in one.
    assert lemniscaat.classify(kind="course")["bucket"] == "formal"
    assert lemniscaat.classify(kind="course", taxonomy=[dict(LESSON_STUDY, id="course", bucket="experience")])["bucket"] == "experience"
    with pytest.raises(lemniscaat.InputError) as e:
        lemniscaat.classify(kind="x", taxonomy=[dict(LESSON_STUDY, id="x", colour="red")])
    assert (e.value.code, e.value.path) == ("UNKNOWN_FIELD", "/taxonomy/0/colour")
    with pytest.raises(lemniscaat.InputError):
        lemniscaat.mix(activities)  # lesson-study is no built-in kind
