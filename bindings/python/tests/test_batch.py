"""The columnar batch: pandas, polars and pyarrow in, the same kind out, a bad row per employee."""

from decimal import Decimal

import pytest

import lemniscaat

ROWS = {
    "employee_id": ["E1", "E2", "E3", "E1"],
    "category": ["teacher", "support", "teacher", "support"],
    "wtf": ["0.6", "1.5", "1", "0.4"],
    "start": ["2010-08-01", "2010-08-01", "2015-02-01", "2010-08-01"],
    "end": [None, None, None, None],
}


def imported(capsules):
    """A result column of ``_native.entitlements_columns`` as a pyarrow array."""
    pa = pytest.importorskip("pyarrow")

    class Exported:
        def __arrow_c_array__(self, requested_schema=None):
            return capsules

    return pa.array(Exported())


def check_rows(rows):
    by = {r["employee_id"]: r for r in rows}
    assert list(by) == ["E1", "E2", "E3"]
    assert by["E1"]["hours"] == Decimal("65.80") and by["E1"]["money"] == Decimal("560.00")
    assert by["E2"]["error_code"] == "INVALID_WTF" and by["E2"]["error_row"] == 1 and by["E2"]["hours"] is None
    assert by["E3"]["hours"] == Decimal("41.16")
    assert {r["rule_set"] for r in rows} == {"cao-vo-2014-2015"}


def test_pyarrow():
    pa = pytest.importorskip("pyarrow")
    out = lemniscaat.entitlements(pa.table(ROWS), "2014-2015")
    assert isinstance(out, pa.Table)
    assert out.schema.field("hours").type == pa.decimal128(28, 2)
    check_rows(out.to_pylist())


def test_pandas_with_real_dates_and_float_wtf():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(ROWS)
    df["start"] = pd.to_datetime(df["start"])
    df["wtf"] = df["wtf"].astype(float)
    out = lemniscaat.entitlements(df, "2014-2015")
    assert isinstance(out, pd.DataFrame)
    rows = out.to_dict("records")
    rows = [{k: (None if (v is pd.NA) else v) for k, v in r.items()} for r in rows]
    check_rows(rows)


def test_polars():
    pl = pytest.importorskip("polars")
    out = lemniscaat.entitlements(pl.DataFrame(ROWS), "2014-2015")
    assert isinstance(out, pl.DataFrame)
    check_rows(out.to_dicts())


def test_batch_agrees_with_one_by_one():
    pa = pytest.importorskip("pyarrow")
    import random

    random.seed(3)
    rows = {k: [] for k in ROWS}
    for i in range(300):
        rows["employee_id"].append(f"E{i % 120}")
        rows["category"].append(random.choice(["teacher", "support", "management"]))
        rows["wtf"].append(random.choice(["1", "0.8", "0.255", "0.5"]))
        rows["start"].append(f"20{random.randint(10, 16)}-{random.randint(1, 12):02d}-01")
        rows["end"].append(random.choice([None, "2016-06-30"]))
    out = lemniscaat.entitlements(pa.table(rows), "2015-2016").to_pylist()
    for r in out[:40]:
        apps = [
            lemniscaat.Appointment(c, w, s, e)
            for (emp, c, w, s, e) in zip(rows["employee_id"], rows["category"], rows["wtf"], rows["start"], rows["end"])
            if emp == r["employee_id"]
        ]
        try:
            one = lemniscaat.entitlement(apps, "2015-2016", explain=False)
        except lemniscaat.LemniscaatError as e:
            assert r["error_code"] == e.code
            continue
        assert (one.hours, one.money) == (r["hours"], r["money"])


def test_missing_column():
    pa = pytest.importorskip("pyarrow")
    with pytest.raises(lemniscaat.InputError) as e:
        lemniscaat.entitlements(pa.table({"employee_id": ["E1"]}), "2014-2015")
    assert e.value.code == "MISSING_FIELD"


def test_sliced_large_and_dictionary_columns():
    pa = pytest.importorskip("pyarrow")
    t = pa.table(
        {
            "employee_id": pa.array(["X", "X"] + ROWS["employee_id"], pa.large_string()),
            "category": pa.array(["teacher", "teacher"] + ROWS["category"]).dictionary_encode(),
            "wtf": pa.array(["1", "1"] + ROWS["wtf"]),
            "start": pa.array(["2010-08-01", "2010-08-01"] + ROWS["start"]),
            "end": pa.array([None, None] + ROWS["end"], pa.string()),
        }
    ).slice(2)
    check_rows(lemniscaat.entitlements(t, "2014-2015").to_pylist())


def test_columns_the_core_cannot_read_are_an_error_not_a_crash():
    pa = pytest.importorskip("pyarrow")
    from lemniscaat import _native

    def col(values, type=None):
        return pa.array(values, type).__arrow_c_array__()

    good = col(["E1"])
    cases = {
        "a column of integers": [col([1]), good, good, good, good],
        "schema and array swapped": [tuple(reversed(good)), good, good, good, good],
        "four columns": [good] * 4,
        "columns of different lengths": [good, good, good, good, col(["a", "b"])],
    }
    for name, cols in cases.items():
        with pytest.raises(lemniscaat.InputError) as e:
            _native.entitlements_columns(cols, "2014-2015")
        assert e.value.code == "INVALID_VALUE", name
        assert e.value.message_en and e.value.message_nl and e.value.message_nl != e.value.message_en, name
    with pytest.raises(lemniscaat.InputError) as e:
        _native.entitlements_columns([col([1])] + [good] * 4, "2014-2015")
    assert "geen kolom van tekst, datums of tijdstippen zonder tijdzone" in e.value.message_nl
    with pytest.raises(TypeError):
        _native.entitlements_columns([(b"not", b"capsules")] * 5, "2014-2015")


def test_dates_as_date32_and_as_text_agree_and_nulls_are_open_ends():
    pa = pytest.importorskip("pyarrow")
    import datetime as dt

    text = pa.table(ROWS)
    days = text.set_column(3, "start", pa.array([dt.date.fromisoformat(x) for x in ROWS["start"]], pa.date32()))
    days = days.set_column(4, "end", pa.array([None] * 4, pa.date32()))
    check_rows(lemniscaat.entitlements(days, "2014-2015").to_pylist())
    assert lemniscaat.entitlements(days, "2014-2015").equals(lemniscaat.entitlements(text, "2014-2015"))


def test_a_date_out_of_range_is_a_row_error():
    pa = pytest.importorskip("pyarrow")
    t = pa.table({"employee_id": ["E1"], "category": ["teacher"], "wtf": ["1"], "start": pa.array([-800_000], pa.date32()), "end": pa.array([None], pa.date32())})
    row = lemniscaat.entitlements(t, "2014-2015").to_pylist()[0]
    assert row["error_code"] == "INVALID_DATE" and row["hours"] is None


def test_pandas_object_columns_read_in_place_agree_with_arrow():
    """A pandas ``object`` column goes to the core as its Python objects: strings as they are,
    missing values as empty cells, anything else as its ``str()`` -- the same answer as the
    Arrow path gives for the same values."""
    pd = pytest.importorskip("pandas")
    pa = pytest.importorskip("pyarrow")

    class Id(str):
        pass

    objects = pd.DataFrame(
        {
            "employee_id": pd.Series([Id("E1"), 7, "E3", Id("E1"), None], dtype=object),
            "category": pd.Series(["teacher", "support", " teacher ", "support", "teacher"], dtype=object),
            "wtf": pd.Series([Decimal("0.6"), 1.0, float("nan"), "0.4", pd.NA], dtype=object),
            "start": ["2010-08-01"] * 5,
            "end": [None] * 5,
        }
    )
    assert all(objects[c].dtype == object for c in ("employee_id", "category", "wtf"))
    texts = pa.table(
        {
            "employee_id": ["E1", "7", "E3", "E1", None],
            "category": ["teacher", "support", " teacher ", "support", "teacher"],
            "wtf": ["0.6", "1.0", None, "0.4", None],
            "start": ["2010-08-01"] * 5,
            "end": pa.array([None] * 5, pa.string()),
        }
    )
    got = lemniscaat.entitlements(objects, "2014-2015")
    want = lemniscaat.entitlements(texts, "2014-2015").to_pandas(types_mapper=pd.ArrowDtype)
    pd.testing.assert_frame_equal(got, want)
    by = {r["employee_id"]: r for r in want.to_dict("records")}
    assert by["E1"]["hours"] == Decimal("65.80") and by["7"]["hours"] == Decimal("40.00")
    # A missing wtf is a missing field, in every path (NaN and pd.NA are missing values).
    assert (by["E3"]["error_code"], by["E3"]["error_row"]) == ("MISSING_FIELD", 2)
    assert (by[""]["error_code"], by[""]["error_row"]) == ("MISSING_FIELD", 4)


def test_object_columns_the_core_cannot_read_are_an_error_not_a_crash():
    from lemniscaat import _native

    good = ["E1"]
    dates = ["2010-08-01"]

    class Bad:
        def __str__(self):
            raise RuntimeError("no text")

    with pytest.raises(lemniscaat.InputError) as e:
        _native.entitlements_columns([["\ud800"], ["teacher"], ["1"], dates, [None]], "2014-2015")
    assert (e.value.code, e.value.path) == ("INVALID_VALUE", "/employee_id")
    assert "lone surrogate" in e.value.message_en and "los surrogaat" in e.value.message_nl
    with pytest.raises(RuntimeError):
        _native.entitlements_columns([[Bad()], ["teacher"], ["1"], dates, [None]], "2014-2015")
    with pytest.raises(lemniscaat.InputError) as e:
        _native.entitlements_columns([good, ["teacher", "support"], ["1"], dates, [None]], "2014-2015")
    assert e.value.code == "INVALID_VALUE"
    out = _native.entitlements_columns([good, ["teacher"], ["1"], dates, [None]], "2014-2015")
    assert out["length"] == 1


def test_pandas_string_dtypes_give_the_same_frame():
    """``string[python]`` (Python objects, read in place) and ``string[pyarrow]`` (Arrow, read
    through the C data interface) give the frame ``object`` columns give."""
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    base = pd.DataFrame(ROWS)
    want = lemniscaat.entitlements(base, "2014-2015")
    for dtype in ("string[python]", "string[pyarrow]"):
        df = base.astype({"employee_id": dtype, "category": dtype, "wtf": dtype})
        df.loc[1, "wtf"] = pd.NA
        got = lemniscaat.entitlements(df, "2014-2015")
        by = {r["employee_id"]: r for r in got.to_dict("records")}
        assert by["E2"]["error_code"] == "MISSING_FIELD", dtype
        pd.testing.assert_frame_equal(got[got.employee_id != "E2"], want[want.employee_id != "E2"])


def test_object_arrays_are_read_through_the_buffer_protocol_with_any_stride():
    """A pandas column of objects goes as its NumPy ``object`` array (no copy): a column of a
    DataFrame made from a 2-D array is strided, a reversed view has a negative stride, and both
    give what the same values as a list give."""
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    from lemniscaat import _native

    names = lemniscaat.frames.COLUMNS
    grid = np.array([[ROWS[c][i] for c in names] for i in range(4)], dtype=object)
    df = pd.DataFrame(grid, columns=list(names), dtype=object, copy=False)
    assert not np.asarray(df["employee_id"].array, dtype=object).flags.c_contiguous
    check_rows(lemniscaat.entitlements(df, "2014-2015").to_dict("records"))

    def run(cols):
        out = _native.entitlements_columns(cols, "2014-2015")
        return [out["length"]] + [imported(out[k]).to_pylist() for k in ("employee_id", "hours", "error_code")]

    lists = [ROWS[c][::-1] for c in lemniscaat.frames.COLUMNS]
    arrays = [np.array(ROWS[c], dtype=object)[::-1] for c in lemniscaat.frames.COLUMNS]
    assert arrays[0].strides[0] < 0
    assert run(arrays) == run(lists)
    assert run(lists)[0] == 3


def test_buffers_that_are_not_one_dimensional_object_arrays_are_refused():
    np = pytest.importorskip("numpy")
    from lemniscaat import _native

    good = [np.array(["E1"], dtype=object), ["teacher"], ["1"], ["2010-08-01"], [None]]
    assert _native.entitlements_columns(good, "2014-2015")["length"] == 1
    for bad in (np.array([[b"E1"]], dtype=object), np.array([1], dtype=np.int64), np.array(["E1"]), b"E1", memoryview(b"E1")):
        with pytest.raises(TypeError):
            _native.entitlements_columns([bad] + good[1:], "2014-2015")


def test_a_str_that_changes_the_array_it_is_read_from_is_harmless():
    """Only a cell that is not a ``str`` runs Python code (its ``str()``); whatever that code
    does to the array, the cells read after it are read from the array anew."""
    np = pytest.importorskip("numpy")
    from lemniscaat import _native

    ids = np.array([None, "E1", "E2"], dtype=object)

    class Sneaky:
        def __str__(self):
            ids[1] = "E9" + "".join(["x"] * 3)  # a new object replaces (and frees) the old one
            ids[2] = None
            return "E0"

    ids[0] = Sneaky()
    out = _native.entitlements_columns([ids, ["teacher"] * 3, ["1"] * 3, ["2010-08-01"] * 3, [None] * 3], "2014-2015")
    assert out["length"] == 3
    assert imported(out["employee_id"]).to_pylist() == ["E0", "E9xxx", ""]


def test_result_columns_are_exported_through_the_c_data_interface():
    """The result columns come as capsule pairs that pyarrow takes over: the types carry the
    scales of the rounding options, the null counts are right, and capsules never taken over (or
    taken twice) are released once, without a crash."""
    pa = pytest.importorskip("pyarrow")
    from lemniscaat import _native

    cols = [ROWS[c] for c in lemniscaat.frames.COLUMNS]
    out = _native.entitlements_columns(cols, "2014-2015")
    hours, code, row = imported(out["hours"]), imported(out["error_code"]), imported(out["error_row"])
    assert (hours.type, code.type, row.type) == (pa.decimal128(28, 2), pa.large_string(), pa.int64())
    assert (hours.null_count, code.null_count, row.null_count) == (1, 2, 2)
    assert hours.to_pylist() == [Decimal("65.80"), None, Decimal("41.16")]
    assert code.to_pylist() == [None, "INVALID_WTF", None] and row.to_pylist() == [None, 1, None]
    with pytest.raises(Exception):
        imported(out["hours"])  # already taken over: the struct is released, pyarrow refuses it
    rounded = _native.entitlements_columns(cols, "2014-2015", '{"rounding": {"hours": {"decimals": 4}}}')
    assert imported(rounded["hours"]).type == pa.decimal128(28, 4)
    assert imported(rounded["money"]).type == pa.decimal128(28, 2)
    del rounded  # the other columns' capsules are dropped unconsumed and release their arrays
    empty = _native.entitlements_columns([[] for _ in cols], "2014-2015")
    assert empty["length"] == 0 and imported(empty["employee_id"]).to_pylist() == []


def test_timestamps_and_date64_are_read_in_place_and_give_the_calendar_date():
    """Dates as timestamps in every unit and as ``date64`` give what ``date32`` gives: the
    calendar date, also before 1970 and late in the day; a zoned timestamp counts by its local
    date; a day beyond every date is a row error, not a crash."""
    pa = pytest.importorskip("pyarrow")
    import datetime as dt

    def table(start, end):
        return pa.table({"employee_id": ["E1", "E2"], "category": ["teacher", "teacher"], "wtf": ["1", "1"], "start": start, "end": end})

    days = [dt.date(1969, 12, 31), dt.date(2024, 10, 1)]
    ends = [dt.date(2025, 3, 31), None]
    want = lemniscaat.entitlements(table(pa.array(days, pa.date32()), pa.array(ends, pa.date32())), "2024-2025")
    assert want.column("hours").to_pylist() == [Decimal("55.26"), Decimal("69.13")]  # 83 h x 243 and 304 days / 365
    late = [dt.datetime.combine(d, dt.time(23, 59, 59)) for d in days]
    late_end = [dt.datetime(2025, 3, 31, 0, 0, 1), None]
    for unit in ("s", "ms", "us", "ns"):
        t = table(pa.array(late, pa.timestamp(unit)), pa.array(late_end, pa.timestamp(unit)))
        assert lemniscaat.entitlements(t, "2024-2025").equals(want), unit
    t = table(pa.array(days, pa.date64()), pa.array(ends, pa.date64()))
    assert lemniscaat.entitlements(t, "2024-2025").equals(want)
    # 1969-12-31 23:30 UTC is 1970-01-01 in Amsterdam: the local date counts.
    utc = [dt.datetime(1969, 12, 31, 23, 30, tzinfo=dt.timezone.utc), dt.datetime(2024, 9, 30, 22, 30, tzinfo=dt.timezone.utc)]
    zoned = table(pa.array(utc, pa.timestamp("s", tz="Europe/Amsterdam")), pa.array(ends, pa.date32()))
    local = table(pa.array([dt.date(1970, 1, 1), dt.date(2024, 10, 1)], pa.date32()), pa.array(ends, pa.date32()))
    assert lemniscaat.entitlements(zoned, "2024-2025").equals(lemniscaat.entitlements(local, "2024-2025"))
    far = table(pa.array([10**15, 0], pa.timestamp("s")), pa.array([None, -(10**15)], pa.timestamp("s")))
    rows = lemniscaat.entitlements(far, "2024-2025").to_pylist()
    assert [(r["error_code"], r["error_row"]) for r in rows] == [("INVALID_DATE", 0), ("INVALID_DATE", 1)]


def test_lazy_frames_and_any_arrow_producer_are_taken():
    """A polars LazyFrame is collected and answered lazily; a pyarrow RecordBatch, a
    RecordBatchReader (any object with ``__arrow_c_stream__`` or ``__arrow_c_array__``) gives a
    pyarrow Table; anything else is a TypeError that names what is taken."""
    pa = pytest.importorskip("pyarrow")
    want = lemniscaat.entitlements(pa.table(ROWS), "2014-2015")
    batch = pa.record_batch(pa.table(ROWS).to_batches()[0].to_pydict())
    assert lemniscaat.entitlements(batch, "2014-2015").equals(want)
    reader = pa.RecordBatchReader.from_batches(batch.schema, [batch])
    assert lemniscaat.entitlements(reader, "2014-2015").equals(want)
    with pytest.raises(TypeError, match="LazyFrame"):
        lemniscaat.entitlements([1, 2, 3], "2014-2015")
    pl = pytest.importorskip("polars")
    lazy = lemniscaat.entitlements(pl.DataFrame(ROWS).lazy(), "2014-2015")
    assert isinstance(lazy, pl.LazyFrame)
    check_rows(lazy.collect().to_dicts())
