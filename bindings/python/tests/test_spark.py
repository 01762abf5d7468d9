"""Spark: the example ``examples/spark_entitlements.py`` (``mapInArrow`` over a DataFrame of
appointments, one partition per employee) on Spark in local mode gives every line of the
in-process batch, row for row.

Needs pyspark and Java 17 or later. Without them the tests are skipped with the reason, unless
``LEMNISCAAT_REQUIRE_SPARK=1`` (as in CI), which makes them fail instead."""

import importlib.util
import os
import pathlib
import re
import shutil
import subprocess
import sys
from typing import Any, Dict, Iterator, List, Tuple

import pytest

import lemniscaat

EXAMPLE = pathlib.Path(__file__).resolve().parents[3] / "examples" / "spark_entitlements.py"
ROWS = 100_000
FIELDS = ("employee_id", "school_year", "rule_set", "hours", "money", "extra_hours", "error_code", "error_row")

# pyspark 4.3 warns on import of its Arrow/pandas helpers that pandas 3 is not fully supported.
# The example hands Spark Arrow tables only (createDataFrame of a pyarrow Table, mapInArrow,
# toArrow), never a pandas object, so the warning does not concern it.
pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")


def _unavailable(reason: str) -> None:
    """Skip with the reason, or fail when the environment says Spark must be there."""
    if os.environ.get("LEMNISCAAT_REQUIRE_SPARK") == "1":
        pytest.fail(f"LEMNISCAAT_REQUIRE_SPARK=1, but {reason}", pytrace=False)
    pytest.skip(f"{reason} (LEMNISCAAT_REQUIRE_SPARK=1 makes this a failure)")


def _java() -> None:
    """Java as pyspark's launcher finds it ($JAVA_HOME/bin/java, else java on PATH), 17 or later."""
    home = os.environ.get("JAVA_HOME")
    java = os.path.join(home, "bin", "java") if home else shutil.which("java")
    if not java or not os.access(java, os.X_OK):
        _unavailable(f"Java is missing ({'$JAVA_HOME/bin/java' if home else 'no java on PATH'}); Spark 4 needs Java 17 or later, e.g. apt-get install openjdk-17-jre-headless")
        return
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as err:
        _unavailable(f"{java} -version did not run: {err}")
        return
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    major = int(m.group(2) if m and m.group(1) == "1" else m.group(1)) if m else 0
    if major < 17:
        said = (out.stderr or out.stdout).strip().splitlines()
        _unavailable(f"{java} is not Java 17 or later ({said[0] if said else 'no version'}); Spark 4 needs 17")


@pytest.fixture(scope="module")
def example() -> Iterator[Any]:
    """The example module (it imports pyspark and pyarrow)."""
    try:
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError as err:
        _unavailable(f"pyspark or pyarrow cannot be imported ({err}); pip install 'pyspark==4.3.0' pyarrow")
    spec = importlib.util.spec_from_file_location("spark_entitlements", EXAMPLE)
    assert spec is not None and spec.loader is not None, EXAMPLE
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # the example ships its own functions by value from there
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(spec.name, None)


@pytest.fixture(scope="module")
def spark(example: Any) -> Iterator[Any]:
    """A local[2] session from the example, its Python workers on this interpreter, stopped at
    the end. Arrow batches of 1,000 rows, so that partitions of ~12,500 rows reach the function
    in many batches and employees straddle batch boundaries."""
    _java()
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PYSPARK_PYTHON", sys.executable)
        env.setenv("PYSPARK_DRIVER_PYTHON", sys.executable)
        env.setenv("SPARK_LOCAL_IP", "127.0.0.1")
        session = example.session("local[2]", app_name="lemniscaat test_spark")
        try:
            session.sparkContext.setLogLevel("ERROR")
            session.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", "1000")
            yield session
        finally:
            session.stop()


def _lines(table: Any) -> Dict[Tuple[Any, Any], List[Tuple[Any, ...]]]:
    """The lines of a result table by (employee_id, school_year), all fields of each."""
    out: Dict[Tuple[Any, Any], List[Tuple[Any, ...]]] = {}
    for r in table.select(list(FIELDS)).to_pylist():
        out.setdefault((r["employee_id"], r["school_year"]), []).append(tuple(r[f] for f in FIELDS))
    return {k: sorted(v, key=repr) for k, v in out.items()}


def test_spark_gives_every_line_of_the_batch(example: Any, spark: Any) -> None:
    import pyarrow as pa

    export = lemniscaat.sample_export(ROWS)
    assert len(export) == ROWS
    here = lemniscaat.entitlements(export)
    expected_table = pa.Table.from_pandas(here, preserve_index=False)
    expected = _lines(expected_table)

    frame = example.spark_entitlements(spark, export, partitions=8)
    assert frame.schema == example.ENTITLEMENTS
    assert frame.rdd.getNumPartitions() == 8
    got_table = frame.toArrow()
    got = _lines(got_table)

    # The export is big enough to say something: tens of thousands of lines, and bad rows
    # whose error_row must come back as the row of the export.
    assert expected_table.num_rows > 50_000
    errors = expected_table.filter(expected_table.column("error_row").is_valid())
    assert errors.num_rows > 10, "the sample export should hold some bad rows"

    missing = sorted(set(expected) - set(got), key=repr)
    extra = sorted(set(got) - set(expected), key=repr)
    assert not missing and not extra, f"(employee, school year) only in process: {missing[:10]} ({len(missing)}); only on Spark: {extra[:10]} ({len(extra)})"
    differ = [(k, expected[k], got[k]) for k in expected if expected[k] != got[k]]
    assert not differ, f"{len(differ)} lines differ (fields {FIELDS}), first: " + "; ".join(f"{k}: in process {e}, Spark {g}" for k, e, g in differ[:5])
    n_spark, n_here = got_table.num_rows, expected_table.num_rows
    assert n_spark == n_here


def test_an_employee_split_over_batches_is_one_line(example: Any) -> None:
    """The mapInArrow function on its own (no Spark): a partition whose batches cut employees in
    two gives the lines of the whole table, error_row as the export's row; an empty partition
    gives nothing."""
    import pyarrow as pa

    export = lemniscaat.sample_export(2_000)
    bad = lemniscaat.entitlements(export)
    first_bad = next(int(r) for r in bad["error_row"].dropna() if r >= 40)
    part = export.iloc[first_bad - 40 : first_bad + 40]  # rows 0.. of a partition are not of the export
    table = pa.Table.from_pandas(part, preserve_index=False).cast(pa.schema([(n, pa.string()) for n in part.columns]))
    table = table.append_column("row", pa.array(part.index, pa.int64()))
    batches = table.to_batches(max_chunksize=3)
    assert len(batches) > 20

    out = pa.Table.from_batches(list(example.entitlements_of_partition(iter(batches))))
    whole = lemniscaat.entitlements(table)
    n_out, n_whole = out.num_rows, whole.num_rows
    assert n_out == n_whole < len(part)
    assert out.column("employee_id").to_pylist() == whole.column("employee_id").to_pylist()
    assert out.column("hours").to_pylist() == whole.column("hours").to_pylist()
    mapped = [None if r is None else int(part.index[r]) for r in whole.column("error_row").to_pylist()]
    assert out.column("error_row").to_pylist() == mapped and first_bad in mapped

    assert list(example.entitlements_of_partition(iter([]))) == []
    assert list(example.entitlements_of_partition(iter(table.slice(0, 0).to_batches()))) == []
