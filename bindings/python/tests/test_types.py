"""lemniscaat.types: generated from docs/operations.schema.json (the check-in is what the generator
writes), and true: every vector's input is of its operation's input type, and every result, the
sample board's validation and report and the rule sets read as their declared types, field by
field."""

import datetime
import importlib.util
import inspect
import json
import pathlib
import typing
from decimal import Decimal

import pytest

import lemniscaat
from lemniscaat import types
from lemniscaat._record import Record
from conftest import OPERATION_OF, load

ROOT = pathlib.Path(__file__).resolve().parents[3]
SCHEMA = ROOT / "docs" / "operations.schema.json"
CHECKED_IN = ROOT / "bindings" / "python" / "python" / "lemniscaat" / "types.py"


def generator():
    spec = importlib.util.spec_from_file_location("gen_types", ROOT / "bindings" / "python" / "tools" / "gen_types.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_checked_in_module_is_what_the_generator_writes_from_the_schema():
    written = generator().generate(SCHEMA.read_text(encoding="utf-8"))
    assert CHECKED_IN.read_text(encoding="utf-8") == written, "types.py is out of date: run python bindings/python/tools/gen_types.py"
    # The installed wheel carries the same module.
    assert inspect.getsource(types) == written


def test_a_changed_schema_gives_another_module():
    """The check above catches drift: a field more, a field less, another enum value."""
    gen = generator()
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    same = gen.generate(json.dumps(schema))
    defs = schema["$defs"]
    defs["Entitlement"]["properties"]["bonus"] = {"type": "string", "description": "More."}
    defs["Entitlement"]["required"].append("bonus")
    assert '    bonus: "str"\n' in gen.generate(json.dumps(schema)) and "bonus" not in same
    del defs["Entitlement"]["properties"]["bonus"]
    defs["Category"]["oneOf"].append({"const": "intern", "type": "string"})
    assert "    Literal['intern'],\n" in gen.generate(json.dumps(schema))


def conforms(value, hint, path="$"):
    """Where ``value`` is not of type ``hint`` (as the package hands it out or takes it in)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is typing.Any:
        return []
    if origin is typing.Union:
        if value is None and type(None) in args:
            return []
        tries = [conforms(value, a, path) for a in args if a is not type(None)]
        return [] if any(not t for t in tries) else min(tries, key=len)
    if origin is typing.Literal:
        return [] if value in args else [f"{path}: {value!r} not in {args}"]
    if origin is list:
        if not isinstance(value, list):
            return [f"{path}: {type(value).__name__}, not a list"]
        return [e for i, v in enumerate(value) for e in conforms(v, args[0], f"{path}/{i}")]
    if origin is typing.Sequence or origin is __import__("collections").abc.Sequence:
        if not isinstance(value, (list, tuple)):
            return [f"{path}: {type(value).__name__}, not a sequence"]
        return [e for i, v in enumerate(value) for e in conforms(v, args[0], f"{path}/{i}")]
    if origin is tuple:
        if not isinstance(value, tuple) or len(value) != len(args):
            return [f"{path}: {value!r}, not a tuple of {len(args)}"]
        return [e for i, (v, a) in enumerate(zip(value, args)) for e in conforms(v, a, f"{path}/{i}")]
    if origin in (dict, __import__("collections").abc.Mapping):
        if not isinstance(value, dict):
            return [f"{path}: {type(value).__name__}, not a dict"]
        return [e for k, v in value.items() for e in conforms(v, args[1], f"{path}/{k}")]
    if typing.is_typeddict(hint):
        if not isinstance(value, dict):
            return [f"{path}: {type(value).__name__}, not a dict"]
        fields = typing.get_type_hints(hint)
        out = [f"{path}/{k}: not a field of {hint.__name__}" for k in value if k not in fields]
        out += [f"{path}/{k}: missing" for k in hint.__required_keys__ if k not in value]
        return out + [e for k, v in value.items() if k in fields for e in conforms(v, strip(fields[k]), f"{path}/{k}")]
    if isinstance(hint, type) and issubclass(hint, Record):
        if not isinstance(value, hint):
            return [f"{path}: {type(value).__name__}, not {hint.__name__}"]
        fields = typing.get_type_hints(hint)
        out = [f"{path}/{k}: not a field of {hint.__name__}" for k in value if k not in fields]
        return out + [e for k, h in fields.items() if not k.startswith("_") for e in conforms(getattr(value, k), h, f"{path}/{k}")]
    if hint is datetime.date:
        return [] if type(value) is datetime.date else [f"{path}: {value!r}, not a date"]
    if hint is int:
        return [] if type(value) is int else [f"{path}: {value!r}, not an int"]
    return [] if isinstance(value, hint) else [f"{path}: {value!r}, not {getattr(hint, '__name__', hint)}"]


def strip(hint):
    """A TypedDict field's type without ``NotRequired``."""
    return typing.get_args(hint)[0] if typing.get_origin(hint) is typing.NotRequired else hint


CASES = [(f, c) for f in OPERATION_OF for c in load(f)]


@pytest.mark.parametrize("file,case", CASES, ids=[f"{f}:{c['name']}" for f, c in CASES])
def test_every_vector_input_and_result_is_of_its_declared_type(file, case):
    op = OPERATION_OF[file]
    if "error" in case:
        return
    assert conforms(case["input"], types.INPUTS[op]) == []
    result = types.OUTPUTS[op](lemniscaat.call(op, case["input"]))
    assert conforms(result, types.OUTPUTS[op]) == []


def test_the_sample_boards_validation_and_report_and_the_rule_sets_are_of_their_declared_types(sample):
    assert conforms(sample, types.Dataset) == []
    checks = {
        "validate": lemniscaat.validate(sample),
        "report": lemniscaat.report(sample, as_of="2026-11-30"),
    }
    for op, result in checks.items():
        assert isinstance(result, types.OUTPUTS[op])
        assert conforms(result, types.OUTPUTS[op]) == [], op
    assert conforms(lemniscaat.rule_sets(), types.OUTPUTS["rule_sets"]) == []


def test_results_read_as_their_classes_decimals_and_dates():
    e = lemniscaat.entitlement([lemniscaat.Appointment("teacher", "0.6", "2010-08-01")], "2014-2015")
    step = e.explanation.steps[0]
    assert isinstance(e.explanation, types.Explanation) and isinstance(step, types.Step)
    kinds = {type(s.source).__name__: s.source.kind for s in e.explanation.steps}
    assert kinds["SourceRule"] == "rule" and kinds["SourcePolicy"] == "policy"
    assert isinstance(e.hours, Decimal) and isinstance(e.receipt, types.Receipt)
    # A decimal the core writes as a plain string reads as a Decimal too.
    assert lemniscaat.rule_sets()[0].parameters.teacher_hours.value == Decimal("83")
    cs = lemniscaat.cycle_status([], "2015-03-01")
    assert all(isinstance(s, tuple) and len(s) == 2 for s in cs.stages)
    # Completion in a notebook lists the fields.
    assert {"hours", "money", "explanation", "to_dict"} <= set(dir(e))
