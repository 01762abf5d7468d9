"""Every conformance vector of tests/vectors, replayed through the Python binding."""

import pytest

import lemniscaat
from conftest import OPERATIONS, VALIDATION_FILES, load, same

CASES = [(f, c) for f in OPERATIONS for c in load(f)]


@pytest.mark.parametrize("file,case", CASES, ids=[f"{f}:{c['name']}" for f, c in CASES])
def test_vector(file, case):
    op = OPERATIONS[file]
    if "error" in case:
        with pytest.raises(lemniscaat.LemniscaatError) as err:
            lemniscaat.call(op, case["input"])
        # The code and the JSON Pointer of the offending value (tests/vectors/README.md).
        assert (err.value.code, err.value.path) == (case["error"]["code"], case["error"]["path"])
        assert isinstance(err.value, ValueError)
    else:
        diffs = same(case["expected"], lemniscaat.call(op, case["input"]))
        assert not diffs, diffs


VALIDATION = [(f, c) for f in VALIDATION_FILES for c in load(f)]


@pytest.mark.parametrize("file,case", VALIDATION, ids=[f"{f}:{c['name']}" for f, c in VALIDATION])
def test_validation_vector(file, case):
    if "error" in case:
        with pytest.raises(lemniscaat.LemniscaatError) as err:
            lemniscaat.validate(case["input"])
        assert (err.value.code, err.value.path) == (case["error"]["code"], case["error"]["path"])
        return
    report = lemniscaat.validate(case["input"])
    codes = report.codes
    for c in case["expected"]["includes"]:
        assert c in codes
    for c in case["expected"]["excludes"]:
        assert c not in codes
    for pair in case["expected"].get("findings", []):
        assert any(f.code == pair["code"] and f.path == pair["path"] for f in report.findings)


def test_every_vector_file_is_replayed():
    import pathlib

    from conftest import VECTORS

    files = {p.name for p in VECTORS.glob("*.json")}
    assert files == set(OPERATIONS) | set(VALIDATION_FILES)
