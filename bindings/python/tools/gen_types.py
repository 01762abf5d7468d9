#!/usr/bin/env python3
"""Generates ``lemniscaat/types.py`` from the core's JSON Schema of every operation
(``docs/operations.schema.json``, itself generated from the Rust types).

    python bindings/python/tools/gen_types.py          writes python/lemniscaat/types.py
    python bindings/python/tools/gen_types.py --check  exits 1 when the file differs

What it writes, per definition of the schema:

- an output object: a result class (a read-only ``Record`` with typed attributes); a tagged union
  (``Source``, by ``kind``) a class per variant and the union of them;
- an input object: a ``TypedDict`` (a field with a default is ``NotRequired``); a definition read
  and written alike (``Board``) is both, the ``TypedDict`` named ``<Name>Input``;
- an enumeration: a ``Literal`` union; any other value: an alias.

Outputs carry the values the package hands out: decimals as ``decimal.Decimal``, dates as
``datetime.date`` (exact, never a float); inputs take what the package sends: a decimal as
``Decimal``, ``str`` or ``int`` and a date as ``date`` or ``str``. Descriptions become docstrings
and comments. A result class gets the methods of ``_results.<Name>Methods`` where that exists.
Standard library only; the output depends on the schema (and those class names) alone.
"""

from __future__ import annotations

import ast
import json
import keyword
import pathlib
import sys
from typing import Any, Dict, List, Optional, Set, Tuple

HERE = pathlib.Path(__file__).resolve().parent
SCHEMA = HERE.parents[2] / "docs" / "operations.schema.json"
PACKAGE = HERE.parent / "python" / "lemniscaat"
OUT = PACKAGE / "types.py"
RESULTS = PACKAGE / "_results.py"

# Decimals are marked `"format": "decimal"` in the schema (as read: a string or a whole number;
# as written: a string), whatever their pattern.
DECIMAL = "decimal"

Schema = Any


class Unsupported(Exception):
    """A schema construct this generator does not translate (it fails rather than guess)."""


def ref_name(ref: str) -> str:
    prefix = "#/$defs/"
    if not ref.startswith(prefix):
        raise Unsupported(f"$ref {ref}")
    return ref[len(prefix) :]


def refs(node: Schema, defs: Dict[str, Schema], seen: Set[str]) -> Set[str]:
    """The definitions reachable from ``node``."""
    if isinstance(node, dict):
        if "$ref" in node:
            name = ref_name(node["$ref"])
            if name not in seen:
                seen.add(name)
                refs(defs[name], defs, seen)
        for v in node.values():
            refs(v, defs, seen)
    elif isinstance(node, list):
        for v in node:
            refs(v, defs, seen)
    return seen


def tag_of(variant: Schema) -> Optional[Tuple[str, str]]:
    """The discriminating field and its value of a variant of a tagged union."""
    for k, p in variant.get("properties", {}).items():
        if isinstance(p, dict) and "const" in p:
            return k, p["const"]
    return None


def camel(text: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in text.replace("-", "_").split("_"))


def is_object(s: Schema) -> bool:
    return isinstance(s, dict) and "properties" in s


def is_tagged_union(s: Schema) -> bool:
    members = s.get("oneOf") or s.get("anyOf") or [] if isinstance(s, dict) else []
    return bool(members) and all(is_object(m) and tag_of(m) for m in members)


def is_enum(s: Schema) -> bool:
    members = s.get("oneOf") if isinstance(s, dict) else None
    return bool(members) and all(isinstance(m, dict) and "const" in m and "properties" not in m for m in members)


class Generator:
    def __init__(self, schema: Schema, methods: Set[str]) -> None:
        self.schema = schema
        self.defs: Dict[str, Schema] = schema["$defs"]
        self.inputs: Set[str] = set()
        self.outputs: Set[str] = set()
        for op in schema["operations"].values():
            refs(op["input"], self.defs, self.inputs)
            refs(op["output"], self.defs, self.outputs)
        refs(schema["error"], self.defs, self.outputs)
        self.methods = methods
        self.names: Dict[str, str] = {}

    # -- names -------------------------------------------------------------------------------

    def name(self, d: str, side: str) -> str:
        """The Python name of definition ``d`` on ``side`` (``in`` or ``out``)."""
        s = self.defs[d]
        if side == "in" and d in self.outputs and (is_object(s) or is_tagged_union(s)):
            return d + "Input"
        return d

    def variant_name(self, d: str, variant: Schema, side: str) -> str:
        tag = tag_of(variant)
        assert tag is not None
        return self.name(d, side) + camel(str(tag[1]))

    def claim(self, name: str, what: str) -> str:
        if name in self.names and self.names[name] != what:
            raise Unsupported(f"{name} would name both {self.names[name]} and {what}")
        self.names[name] = what
        return name

    # -- types -------------------------------------------------------------------------------

    def ty(self, s: Schema, side: str) -> str:
        """The Python type of schema ``s`` on ``side``."""
        if s is True or (isinstance(s, dict) and not set(s) - {"description", "default"}):
            return "Any"
        if "$ref" in s:
            d = ref_name(s["$ref"])
            if self.defs[d].get("format") == DECIMAL:
                return "DecimalIn" if side == "in" else "Decimal"
            return self.name(d, side)
        if s.get("format") == DECIMAL:
            base = "DecimalIn" if side == "in" else "Decimal"
            types = s.get("type")
            return f"Optional[{base}]" if isinstance(types, list) and "null" in types else base
        if "const" in s:
            return f"Literal[{s['const']!r}]"
        for k in ("oneOf", "anyOf"):
            if k in s:
                return self.union([self.ty(m, side) for m in s[k]])
        t = s.get("type")
        if isinstance(t, list):
            return self.union([self.ty(dict(s, type=x), side) for x in t])
        if t == "null":
            return "None"
        if t == "boolean":
            return "bool"
        if t == "integer":
            return "int"
        if t == "string":
            if s.get("format") == "date":
                return "DateIn" if side == "in" else "datetime.date"
            return "str"
        if t == "array":
            if "prefixItems" in s:
                return f"Tuple[{', '.join(self.ty(x, side) for x in s['prefixItems'])}]"
            return f"{'Sequence' if side == 'in' else 'List'}[{self.ty(s['items'], side)}]"
        if t == "object" and "properties" not in s:
            value = s.get("additionalProperties", True)
            return f"{'Mapping' if side == 'in' else 'Dict'}[str, {self.ty(value, side)}]"
        raise Unsupported(json.dumps(s)[:200])

    @staticmethod
    def union(members: List[str]) -> str:
        unique: List[str] = []
        for m in members:
            if m not in unique:
                unique.append(m)
        rest = [m for m in unique if m != "None"]
        inner = rest[0] if len(rest) == 1 else f"Union[{', '.join(rest)}]"
        return f"Optional[{inner}]" if "None" in unique else inner

    # -- writing -----------------------------------------------------------------------------

    def output_class(self, name: str, s: Schema, doc: Optional[str], out: List[str]) -> None:
        self.claim(name, "a result class")
        base = f"{name}Methods" if name in self.methods else "Record"
        out += ["", "", f"class {name}({base}):"]
        out += docstring(doc, "    ")
        out += ["", "    __slots__ = ()"]
        required = set(s.get("required", []))
        for field, p in s["properties"].items():
            if not field.isidentifier() or keyword.iskeyword(field):
                raise Unsupported(f"{name}.{field} is no Python attribute")
            t = self.ty(p, "out")
            if field not in required and not t.startswith("Optional["):
                t = f"Optional[{t}]"  # a field the library may leave out reads as None
            out += ["", f"    {field}: {quoted(t)}"]
            out += docstring(p.get("description"), "    ")

    def input_dict(self, name: str, s: Schema, doc: Optional[str], out: List[str]) -> None:
        self.claim(name, "an input TypedDict")
        required = set(s.get("required", []))
        fields = []
        for field, p in s["properties"].items():
            t = self.ty(p, "in")
            fields.append((field, quoted(t) if field in required else f"NotRequired[{quoted(t)}]", p.get("description")))
        out += ["", ""]
        if all(f.isidentifier() and not keyword.iskeyword(f) for f, _, _ in fields):
            out.append(f"class {name}(TypedDict):")
            out += docstring(doc, "    ")
            for field, t, d in fields:
                out += ["", f"    {field}: {t}"]
                out += docstring(d, "    ")
            return
        # A field named by a keyword (``from``): the functional form, descriptions as comments.
        out.append(f"{name} = TypedDict(")
        out.append(f'    "{name}",')
        out.append("    {")
        for field, t, d in fields:
            out += comment(d, "        ")
            out.append(f'        "{field}": {t},')
        out.append("    },")
        out.append(")")
        out += docstring(doc, "")

    def alias(self, name: str, s: Schema, side: str, out: List[str]) -> None:
        self.claim(name, "an alias")
        out += ["", ""]
        if is_enum(s):
            # A union of one-value Literals (what mypy makes of ``Literal["a", "b"]``), so that the
            # alias is a union at run time too, as stubtest requires.
            out.append(f"{name} = Union[")
            for m in s["oneOf"]:
                out += comment(m.get("description"), "    ")
                out.append(f"    Literal[{m['const']!r}],")
            out.append("]")
        else:
            out.append(f"{name} = {self.ty({k: v for k, v in s.items() if k != 'description'}, side)}")
        out += docstring(s.get("description"), "")

    def generate(self) -> str:
        aliases: List[str] = []
        classes: List[str] = []
        dicts: List[str] = []
        unions: List[str] = []
        for d in sorted(self.defs):
            s = self.defs[d]
            for side, used in (("out", d in self.outputs), ("in", d in self.inputs)):
                if not used:
                    continue
                if is_object(s):
                    if side == "out":
                        self.output_class(self.name(d, side), s, s.get("description"), classes)
                    else:
                        self.input_dict(self.name(d, side), s, s.get("description"), dicts)
                elif is_tagged_union(s):
                    names = []
                    for v in s.get("oneOf") or s["anyOf"]:
                        vname = self.variant_name(d, v, side)
                        names.append(vname)
                        doc = "\n\n".join(x for x in (v.get("description"), f"A variant of ``{self.name(d, side)}``.") if x)
                        if side == "out":
                            self.output_class(vname, v, doc, classes)
                        else:
                            self.input_dict(vname, v, doc, dicts)
                    self.claim(self.name(d, side), "a union")
                    unions += ["", "", f"{self.name(d, side)} = Union[{', '.join(names)}]"]
                    unions += docstring(s.get("description"), "")
                elif s.get("format") == DECIMAL:
                    continue  # a decimal of a pattern of its own: DecimalIn / Decimal where it is used
                elif side == "in" and d in self.outputs:
                    body = {k: v for k, v in s.items() if k != "description"}
                    if self.ty(body, "in") != self.ty(body, "out"):
                        raise Unsupported(f"{d} reads and writes as different Python types")
                else:
                    self.alias(d, s, side, aliases)
        ops = self.schema["operations"]
        tables = ["", "", "INPUTS: Dict[str, Any] = {"]
        tables += [f'    "{op}": {self.ty(io["input"], "in")},' for op, io in ops.items()]
        tables += ["}", '"""The input type of every operation (``lemniscaat.call``), by name."""', ""]
        tables += ["OUTPUTS: Dict[str, Any] = {"]
        tables += [f'    "{op}": {self.ty(io["output"], "out")},' for op, io in ops.items()]
        tables += ["}", '"""The result type of every operation, by name."""']
        exported = sorted(self.names)
        head = [
            '"""The types of every operation\'s input and result, generated from the core\'s JSON Schema',
            "(``docs/operations.schema.json``) by ``tools/gen_types.py``: do not edit, regenerate.",
            "",
            "Results are read-only ``Record`` classes with typed attributes (decimals as ``decimal.Decimal``,",
            "dates as ``datetime.date``); inputs are ``TypedDict`` s (a decimal as ``Decimal``, ``str`` or",
            "``int``, never a float; a date as ``date`` or ISO ``str``); enumerations are ``Literal`` unions.",
            '"""',
            "",
            "import datetime",
            "from decimal import Decimal",
            "from typing import Any, Dict, List, Literal, Mapping, NotRequired, Optional, Sequence, Tuple, TypedDict, Union",
            "",
            "from ._record import Record",
        ]
        if self.methods:
            head.append(f"from ._results import {', '.join(f'{m}Methods' for m in sorted(self.methods))}")
        head += [
            "",
            "__all__ = [",
            *[f'    "{n}",' for n in ["DateIn", "DecimalIn", "INPUTS", "OUTPUTS", *exported]],
            "]",
            "",
            "DecimalIn = Union[Decimal, str, int]",
            '"""A decimal as the library reads it: ``Decimal``, a decimal string or an ``int`` (never a float)."""',
            "",
            "DateIn = Union[datetime.date, str]",
            '"""A date as the library reads it: ``datetime.date`` or an ISO string (``2015-02-01``)."""',
        ]
        return "\n".join(head + aliases + classes + dicts + unions + tables) + "\n"


def quoted(t: str) -> str:
    """An annotation as a string, read when asked for (``typing.get_type_hints``): the classes refer
    to each other in any order. ``NotRequired`` stays outside, where ``TypedDict`` sees it."""
    return f'"{t}"'


def docstring(text: Optional[str], indent: str) -> List[str]:
    if not text:
        return []
    if '"""' in text or "\\" in text or text.endswith('"'):
        raise Unsupported(f"a description that is no plain docstring: {text[:60]}")
    lines = text.split("\n")
    if len(lines) == 1:
        return [f'{indent}"""{text}"""']
    return [f'{indent}"""{lines[0]}', *[f"{indent}{x}" if x else "" for x in lines[1:]], f'{indent}"""']


def comment(text: Optional[str], indent: str) -> List[str]:
    return [f"{indent}# {x}".rstrip() for x in text.split("\n")] if text else []


def methods(results_text: str) -> Set[str]:
    """The definitions with methods of their own: ``class <Name>Methods`` in ``_results.py``."""
    tree = ast.parse(results_text)
    return {n.name[: -len("Methods")] for n in tree.body if isinstance(n, ast.ClassDef) and n.name.endswith("Methods")}


def generate(schema_text: str, results_text: Optional[str] = None) -> str:
    text = results_text if results_text is not None else RESULTS.read_text(encoding="utf-8")
    return Generator(json.loads(schema_text), methods(text)).generate()


def main(argv: List[str]) -> int:
    text = generate(SCHEMA.read_text(encoding="utf-8"))
    if "--check" in argv:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is out of date: run python {pathlib.Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
