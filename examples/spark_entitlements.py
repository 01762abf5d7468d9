"""Entitlements of a whole HR export on Spark: the same Arrow batch as in one process, run by
PySpark's ``mapInArrow`` in every partition of a DataFrame of appointments.

    pip install lemniscaat 'pyspark==4.3.0'       # and Java 17 or later on PATH (or JAVA_HOME)
    python examples/spark_entitlements.py                        # local[2], 100,000 rows
    python examples/spark_entitlements.py --master 'local[*]' --rows 1000000 --partitions 16
    LEMNISCAAT_SPARK_MASTER=spark://host:7077 python examples/spark_entitlements.py

How it works:

* **One partition per employee.** An employee's entitlement in a school year depends on all of
  that employee's appointments (their wtfs add up, a bad row marks the employee's line), and
  ``lemniscaat.entitlements`` computes one table at a time. So the DataFrame is
  ``repartition(n, "employee_id")``: every row of one employee lands in the same partition,
  and each partition is a self-contained table whose answer is exactly that employee's part of
  the answer for the whole export. (A partition holds many employees; that is fine.)
  ``sortWithinPartitions("row")`` then puts a partition's rows back in export order, which a
  shuffle does not keep, so each line comes out exactly as in one process (the reported bad row
  of an employee is the first one in the table).
* **All batches of a partition in one table.** Spark hands a partition to ``mapInArrow`` as an
  iterator of Arrow record batches of at most ``spark.sql.execution.arrow.maxRecordsPerBatch``
  rows (10,000 by default), cut without regard to employees: one employee's rows can be split
  over two batches. Computing batch by batch would give such an employee two half lines, so the
  function reads every batch of its partition and concatenates them into one ``pyarrow.Table``
  (Arrow concatenates without copying the columns) before calling the library.
* **Rows numbered before the shuffle.** ``error_row`` is the 0-based row within the table the
  library was given, here the partition. The appointments therefore carry a ``row`` column
  with their row number in the export, and ``error_row`` is mapped back through it.
* **One thread per task.** Spark already runs one task per core, so the library is asked for
  ``threads=1``; it releases the GIL while it computes.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, Iterator, List, Optional, Sequence

import pyarrow as pa
import pyarrow.compute as pc
from pyspark import cloudpickle
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql.types import DecimalType, LongType, StringType, StructField, StructType

import lemniscaat

#: The appointments as Spark reads them: the export's columns as strings, and the row number.
APPOINTMENTS = StructType(
    [StructField(name, StringType()) for name in ("employee_id", "school_year", "category", "wtf", "start", "end")]
    + [StructField("row", LongType(), nullable=False)]
)

#: One line per employee and school year, as ``lemniscaat.entitlements`` answers, with
#: ``error_row`` as the row number in the export.
ENTITLEMENTS = StructType(
    [
        StructField("employee_id", StringType()),
        StructField("school_year", StringType()),
        StructField("rule_set", StringType()),
        StructField("hours", DecimalType(28, 2)),
        StructField("money", DecimalType(28, 2)),
        StructField("extra_hours", DecimalType(28, 2)),
        StructField("error_code", StringType()),
        StructField("error_row", LongType()),
    ]
)

#: The same schema in Arrow, to which every batch the function yields is cast (the library
#: answers with large strings; Spark wants the types it was promised).
ENTITLEMENTS_ARROW = pa.schema(
    [
        pa.field("employee_id", pa.string()),
        pa.field("school_year", pa.string()),
        pa.field("rule_set", pa.string()),
        pa.field("hours", pa.decimal128(28, 2)),
        pa.field("money", pa.decimal128(28, 2)),
        pa.field("extra_hours", pa.decimal128(28, 2)),
        pa.field("error_code", pa.string()),
        pa.field("error_row", pa.int64()),
    ]
)


def entitlements_of_partition(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """The ``mapInArrow`` function: every batch of one partition (all rows of the employees in
    it) in, their entitlements out, with ``error_row`` as the export's row number."""
    received: List[pa.RecordBatch] = list(batches)
    if not any(b.num_rows for b in received):
        return  # an empty partition: nothing to compute
    table = pa.Table.from_batches(received)  # one table: an employee may span two batches
    result = lemniscaat.entitlements(table, threads=1)
    # error_row counts rows of this partition's table; the row column says where they came from.
    rows = table.column("row").combine_chunks()
    in_export = pc.take(rows, result.column("error_row"))  # a null index stays null
    result = result.set_column(result.schema.get_field_index("error_row"), "error_row", in_export)
    yield from result.cast(ENTITLEMENTS_ARROW).to_batches()


def appointments_frame(spark: SparkSession, export: Any) -> DataFrame:
    """A Spark DataFrame of the appointments of a pandas export (strings, an empty ``end`` for
    an open one), with each row's number in the export in a ``row`` column.

    An export too big for one machine is read by Spark itself instead (``spark.read.parquet``
    or ``.csv``), its ``row`` column then a number that says where a row came from, for
    instance ``monotonically_increasing_id()`` taken before the shuffle."""
    columns = [name for name in APPOINTMENTS.names if name != "row"]
    table = pa.Table.from_pandas(export[columns], preserve_index=False)
    table = table.append_column("row", pa.array(range(table.num_rows), pa.int64()))
    # Through Arrow rather than spark.createDataFrame(pandas): exact types, and no pandas
    # version that pyspark would first have to know.
    arrow_schema = pa.schema([pa.field(n, pa.int64() if n == "row" else pa.string(), nullable=n != "row") for n in APPOINTMENTS.names])
    return spark.createDataFrame(table.cast(arrow_schema), schema=APPOINTMENTS)


def spark_entitlements(spark: SparkSession, pandas_df: Any, partitions: int = 8) -> DataFrame:
    """The entitlements of every employee and school year of an export (a pandas DataFrame with
    the columns of ``lemniscaat.sample_export``) as a Spark DataFrame of schema
    ``ENTITLEMENTS``: the same lines as ``lemniscaat.entitlements(pandas_df)``, in Spark's
    order, with ``error_row`` the 0-based row of ``pandas_df``."""
    # The Python workers cannot import this file (it is not an installed module): send its
    # functions along by value. Only lemniscaat and pyarrow must be installed where they run.
    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # type: ignore[no-untyped-call]
    appointments = appointments_frame(spark, pandas_df)
    by_employee = appointments.repartition(partitions, "employee_id").sortWithinPartitions("row")
    return by_employee.mapInArrow(entitlements_of_partition, ENTITLEMENTS)


def session(master: Optional[str] = None, app_name: str = "lemniscaat entitlements") -> SparkSession:
    """A SparkSession with Arrow on (``master``: the argument, else ``LEMNISCAAT_SPARK_MASTER``,
    else ``local[2]``; a local one listens on 127.0.0.1 only). Python workers run the
    interpreter this script runs in, unless ``PYSPARK_PYTHON`` says otherwise."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    master = master or os.environ.get("LEMNISCAAT_SPARK_MASTER") or "local[2]"
    builder = (
        SparkSession.builder.master(master)
        .appName(app_name)
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.ui.enabled", "false")
    )
    if master.startswith("local"):
        # Everything runs in this machine: keep the driver on the loopback interface.
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        builder = builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
    return builder.getOrCreate()


def main(argv: Optional[Sequence[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--master", help="Spark master (default: $LEMNISCAAT_SPARK_MASTER or local[2])")
    parser.add_argument("--rows", type=int, default=100_000, help="rows of the generated export (default 100000)")
    parser.add_argument("--partitions", type=int, default=8, help="partitions to spread the employees over (default 8)")
    args = parser.parse_args(argv)

    spark = session(args.master)
    spark.sparkContext.setLogLevel("WARN")
    try:
        export = lemniscaat.sample_export(args.rows)
        result = spark_entitlements(spark, export, partitions=args.partitions).cache()
        result.orderBy("employee_id", "school_year").show(5, truncate=False)
        result.where("error_code IS NOT NULL").orderBy("error_row").show(5, truncate=False)
        print(f"{result.count()} lines (employee, school year) from {len(export)} appointments, "
              f"{result.where('error_code IS NOT NULL').count()} with an error")
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
