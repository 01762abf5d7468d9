"""The typed API as a user's type checker sees it: ``mypy --strict`` on a user script reads real
types from results and checks inputs built as TypedDicts (and reports the one deliberate error),
and ``mypy.stubtest`` finds the package's declarations true of the installed package."""

import re
import subprocess
import sys
import textwrap

USER_SCRIPT = textwrap.dedent(
    """
    import datetime
    from decimal import Decimal
    from typing import List, reveal_type

    import lemniscaat
    from lemniscaat import types as lt

    app: lt.Appointment = {"category": "teacher", "wtf": Decimal("0.6"), "start": datetime.date(2010, 8, 1)}
    e = lemniscaat.entitlement([app], "2014-2015")
    hours: Decimal = e.hours
    source: lt.Source = e.explanation.steps[0].source
    reveal_type(e.explanation.steps[0].source)
    reveal_type(e.explanation.steps[0].value)
    reveal_type(e.receipt.rule_set_hash)
    bare = lemniscaat.entitlement([app], "2014-2015", explain=False)
    reveal_type(bare.explanation)

    usage: lt.LedgerEventUsage = {"type": "usage", "date": "2015-03-02", "hours": "40", "money": Decimal("300"), "activity": "A1"}
    led = lemniscaat.ledger([app], [usage], ["2014-2015"])
    reveal_type(led.statements[0].hours.lapsed)
    reveal_type(led.statements[0].bucket)

    report = lemniscaat.validate(lemniscaat.sample_dataset())
    codes: List[str] = report.codes
    reveal_type(report.findings[0].severity)
    reveal_type(report.findings[0].source.citation())
    reveal_type(lemniscaat.cycle_status([], "2015-03-01").stages[0])
    reveal_type(lemniscaat.rule_sets()[0].in_force_from.value)
    m = lemniscaat.mix([{"kind": "course", "hours": "40"}], weight="hours")
    reveal_type(m.shares.formal)

    assert isinstance(hours, Decimal) and isinstance(led.statements[0].hours.lapsed, Decimal)
    assert isinstance(lemniscaat.rule_sets()[0].in_force_from.value, datetime.date)
    assert isinstance(source, (lt.SourceRule, lt.SourcePolicy, lt.SourceInterpretation, lt.SourceInput, lt.SourceComputation))
    assert codes and "_input" not in m

    float_hours: lt.LedgerEventUsage = {"type": "usage", "date": "2015-03-02", "hours": 50.5, "money": "400", "activity": "A1"}  # the error
    """
)

# What mypy reveals, line by line: the type itself, or names that must all be in it (and no Any
# anywhere).
REVEALED = [
    ("lemniscaat.types.SourceRule", "lemniscaat.types.SourcePolicy", "lemniscaat.types.SourceComputation"),
    ("decimal.Decimal", "None"),
    "str",
    ("lemniscaat.types.Explanation", "None"),
    "decimal.Decimal",
    "str",
    ("Literal['error']", "Literal['warning']", "Literal['info']"),
    "str",
    ("tuple[", "Literal['frameworks']", "Literal['attended']"),
    "datetime.date",
    "decimal.Decimal",
]


def test_mypy_strict_on_a_user_script_sees_real_types_and_reports_a_float_in_a_typed_input(tmp_path):
    script = tmp_path / "user.py"
    script.write_text(USER_SCRIPT, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--hide-error-context", "--no-error-summary", str(script)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    lines = run.stdout.splitlines()
    revealed = [line.split('Revealed type is "', 1)[1].rstrip('"').replace("builtins.", "") for line in lines if "Revealed type is" in line]
    errors = [line for line in lines if ": error:" in line]
    assert len(revealed) == len(REVEALED), run.stdout
    for want, got in zip(REVEALED, revealed):
        assert (got == want if isinstance(want, str) else all(w in got for w in want)) and "Any" not in got, (want, got)
    # Exactly the deliberate error: a float where the ledger reads a decimal.
    error_line = USER_SCRIPT.splitlines().index(next(x for x in USER_SCRIPT.splitlines() if x.endswith("# the error"))) + 1
    assert len(errors) == 1 and f"user.py:{error_line}:" in errors[0] and '"hours"' in errors[0] and "float" in errors[0], run.stdout
    assert run.returncode == 1
    # And the script runs: the types it was checked against are those of the values.
    ran = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr


def test_stubtest_finds_the_declarations_true_of_the_installed_package(tmp_path):
    """Every declared name, signature and class of ``lemniscaat`` (the native module's stub, the
    generated types, the wrapper) against the installed package, without an allowlist."""
    config = tmp_path / "mypy.ini"
    # pandas, polars and pyarrow are imported inside functions and have no types here.
    config.write_text("[mypy]\n[mypy-pandas,pandas.*,polars,polars.*,pyarrow,pyarrow.*]\nignore_missing_imports = True\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "lemniscaat", "--mypy-config-file", str(config)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert re.search(r"Success: no issues found in \d+ modules?", run.stdout), run.stdout
