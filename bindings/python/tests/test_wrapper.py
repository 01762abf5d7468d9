"""The wrapper converts and delegates: results hold what the core answered and nothing else, and
school years, citations and finding codes are the core's."""

import datetime
import json
import typing

import pytest

import lemniscaat
from lemniscaat import SchoolYear, types

ACTIVITIES = [{"kind": "course", "hours": "40"}, {"text": "intervisie met collega's", "hours": "10"}]
EVENTS = [{"stage": "frameworks", "date": "2014-10-01", "kind": "completed", "roles": ["pgmr"]}]


@pytest.mark.parametrize(
    "result,cls",
    [
        (lambda: lemniscaat.mix(ACTIVITIES, tolerance="0.05"), types.Mix),
        (lambda: lemniscaat.cycle_status(EVENTS, "2015-03-01", window_months=12), types.CycleStatus),
    ],
    ids=["mix", "cycle_status"],
)
def test_a_result_carries_the_cores_answer_and_no_input(result, cls):
    r = result()
    fields = set(typing.get_type_hints(cls))
    assert set(r) == fields  # iteration
    assert set(r.to_dict()) == fields
    assert set(json.loads(r.to_json())) == fields
    assert not any(k.startswith("_") for k in r)
    # The picture comes from the result itself.
    assert r.svg("en").startswith("<svg") and r._repr_svg_() == r.svg("en")


def test_the_pictures_of_a_result_are_those_of_its_input():
    assert lemniscaat.mix(ACTIVITIES).svg("en") == lemniscaat.mix_svg(ACTIVITIES, lang="en")
    assert lemniscaat.cycle_status(EVENTS, "2015-03-01").svg() == lemniscaat.cycle_svg(EVENTS, "2015-03-01")
    # A nested mix draws itself too.
    school = lemniscaat.report(as_of="2026-11-30").mix[0]
    assert school.mix.svg("nl").startswith("<svg")
    with pytest.raises(lemniscaat.InputError) as e:
        lemniscaat.mix(ACTIVITIES).svg("fr")
    assert (e.value.code, e.value.path) == ("INVALID_VALUE", "/lang")


# (date, the start year of its school year)
CONTAINING = [
    ("2014-08-01", 2014),
    ("2015-07-31", 2014),
    ("2015-08-01", 2015),
    ("2016-02-29", 2015),
    ("2024-12-31", 2024),
    ("2025-01-01", 2024),
]


@pytest.mark.parametrize("day,start", CONTAINING)
def test_the_school_year_of_a_date_is_the_cores(day, start, sample):
    d = datetime.date.fromisoformat(day)
    assert SchoolYear.containing(d) == SchoolYear(start)
    # The core's own answer, through an operation: the school year of a validation's as_of.
    assert lemniscaat.validate(dict(sample, as_of=day)).school_year == str(SchoolYear.containing(d))


# (start year, name, first day, last day, days)
SPANS = [
    (2014, "2014-2015", "2014-08-01", "2015-07-31", 365),
    (2015, "2015-2016", "2015-08-01", "2016-07-31", 366),
    (2099, "2099-2100", "2099-08-01", "2100-07-31", 365),
    (2099 - 100, "1999-2000", "1999-08-01", "2000-07-31", 366),
]


@pytest.mark.parametrize("start,name,first,last,days", SPANS)
def test_a_school_years_name_and_days_are_the_cores(start, name, first, last, days):
    sy = SchoolYear(start)
    assert (str(sy), sy.first_day.isoformat(), sy.last_day.isoformat(), sy.days) == (name, first, last, days)
    assert SchoolYear.parse(name) == sy


def test_a_school_year_the_core_does_not_know_is_its_error_when_it_is_made():
    for make in (lambda: SchoolYear(1066), lambda: SchoolYear.containing(datetime.date(1850, 1, 1))):
        with pytest.raises(lemniscaat.InputError) as e:
            make()
        assert e.value.code == "INVALID_SCHOOL_YEAR"


# (source, citation)
CITATIONS = [
    ({"rule_set": "cao-vo-2014-2015", "article": "17.3", "lid": "1"}, "cao-vo-2014-2015 art. 17.3 lid 1"),
    ({"rule_set": "cao-vo-2024-2025", "article": "16.8"}, "cao-vo-2024-2025 art. 16.8"),
    ({"rule_set": "cao-vo-2024-2025"}, "cao-vo-2024-2025"),
    ({"handreiking": "3.2"}, "handreiking: 3.2"),
    ({"rule_set": "cao-vo-2014-2015", "article": "17.2", "lid": "2", "handreiking": "2.1"}, "cao-vo-2014-2015 art. 17.2 lid 2; handreiking: 2.1"),
    ({"rule_set": "cao-vo-2020-2021", "article": "16.4", "lid": "1", "confidence": "inferred"}, "cao-vo-2020-2021 art. 16.4 lid 1"),
    ({}, ""),
]


@pytest.mark.parametrize("source,citation", CITATIONS)
def test_the_citation_of_a_source_is_the_cores(source, citation):
    assert types.FindingSource(source).citation() == citation


def test_findings_rows_cite_by_the_core_and_codes_are_the_cores(sample):
    report = lemniscaat.validate(sample)
    rows = report.findings_records()
    assert [r["source"] for r in rows] == [f.source.citation() for f in report.findings]
    assert any(r["source"].startswith("cao-vo-") and " art. " in r["source"] for r in rows)
    seen = list(dict.fromkeys(f.code for f in report.findings))
    assert report.codes == seen and len(seen) < len(report.findings)
