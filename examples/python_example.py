"""The README's Python example; `mypy --strict` checks it in the tests."""

from decimal import Decimal

import lemniscaat
from lemniscaat import Appointment

teacher = Appointment("teacher", Decimal("0.6"), "2010-08-01")
e = lemniscaat.entitlement([teacher], "2014-2015")
hours: Decimal = e.hours
print(hours, e.money, e.rule_set)
for step in e.explanation.steps:
    print(f"{step.step:<10} {step.value!s:>8}  {step.en}")

try:
    lemniscaat.entitlement([Appointment("teacher", "1.5", "2010-08-01")], "2014-2015")
except lemniscaat.LemniscaatError as err:
    print(err.code, err.path, err.message_nl)

report = lemniscaat.validate(lemniscaat.sample_dataset())
print(report.counts, report.codes[:3])
