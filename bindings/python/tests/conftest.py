import json
import pathlib
from decimal import Decimal, InvalidOperation
from typing import Any, List

import pytest

VECTORS = pathlib.Path(__file__).resolve().parents[3] / "tests" / "vectors"



def _operation_of_file() -> dict:
    """The operation of every vector file: tests/vectors/operations.tsv, the table every runner reads."""
    lines = (VECTORS / "operations.tsv").read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in lines if line.strip() and not line.startswith("#"))


OPERATION_OF = _operation_of_file()
# The files of one operation each; the validation files (whole datasets, compared by codes) apart.
OPERATIONS = {f: op for f, op in OPERATION_OF.items() if op != "validate"}
VALIDATION_FILES = tuple(f for f, op in OPERATION_OF.items() if op == "validate")


def load(name: str) -> List[Any]:
    return json.loads((VECTORS / name).read_text(encoding="utf-8"))


def same(expected: Any, actual: Any, path: str = "") -> List[str]:
    """Differences of `expected` against `actual`: decimals numerically, dates by ISO text,
    objects by the expected keys only, `codes` as must-be-present."""
    import datetime

    out: List[str] = []
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected an object, got {actual!r}"]
        for k, v in expected.items():
            if k == "codes":
                got = [f["code"] for f in actual.get("findings", [])]
                out += [f"{path}/codes: {c} missing in {got}" for c in v if c not in got]
                continue
            if k not in actual:
                out.append(f"{path}/{k}: missing")
            else:
                out += same(v, actual[k], f"{path}/{k}")
        return out
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{path}: expected {expected!r}, got {actual!r}"]
        for i, (e, a) in enumerate(zip(expected, actual)):
            out += same(e, a, f"{path}/{i}")
        return out
    if isinstance(expected, str):
        if isinstance(actual, Decimal):
            try:
                return [] if Decimal(expected) == actual else [f"{path}: expected {expected}, got {actual}"]
            except InvalidOperation:
                return [f"{path}: expected {expected!r}, got {actual!r}"]
        if isinstance(actual, datetime.date):
            return [] if expected == actual.isoformat() else [f"{path}: expected {expected}, got {actual}"]
    return [] if expected == actual else [f"{path}: expected {expected!r}, got {actual!r}"]


@pytest.fixture
def sample() -> Any:
    import lemniscaat

    return lemniscaat.sample_dataset()
