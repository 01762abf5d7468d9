#!/usr/bin/env python3
"""Writes the committed seed corpora (fuzz/corpus/<target>/) from the conformance vectors
(tests/vectors/*.json: each case's `input` seeds the target that reads it) and fuzz/json.dict
from the JSON Schema of the dataset and the vectors' keys and values. Re-run after the vectors
or the format change: python3 fuzz/tools/seeds.py"""

import hashlib
import json
import pathlib
import random

ROOT = pathlib.Path(__file__).resolve().parents[2]
FUZZ = ROOT / "fuzz"
VECTORS = ROOT / "tests" / "vectors"
# The first byte of an `api` input chooses the operation (lemniscaat_fuzz::OPERATIONS).
OPERATIONS = ["entitlement", "ledger", "eligibility", "lumpsum", "classify", "mix", "cycle", "validate", "report", "rule_sets", "cycle_svg", "mix_svg"]
# The operation of every vector file: the table every runner reads.
FILE_OP = dict(
    line.split("\t")
    for line in (VECTORS / "operations.tsv").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)
PER_FILE = 4  # cases per vector file for `api`, spread over the file


def write(target, data):
    d = FUZZ / "corpus" / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()).write_bytes(data)


def compact(v):
    return json.dumps(v, ensure_ascii=False, separators=(",", ":")).encode()


def spread(cases, n):
    if len(cases) <= n:
        return cases
    step = len(cases) / n
    return [cases[int(i * step)] for i in range(n)]


def main():
    for t in ("api", "dataset", "dataset_structured", "batch", "rules", "svg"):
        d = FUZZ / "corpus" / t
        if d.exists():
            for f in d.iterdir():
                f.unlink()
    keys, values = set(), set()

    def walk(v):
        if isinstance(v, dict):
            for k, x in v.items():
                keys.add(k)
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, str) and len(v) <= 24:
            values.add(v)

    for f in sorted(VECTORS.glob("*.json")):
        cases = json.loads(f.read_text(encoding="utf-8"))
        for c in cases:
            walk(c["input"])
        op = FILE_OP.get(f.name)
        if op is None:
            continue
        for c in spread(cases, PER_FILE):
            write("api", bytes([OPERATIONS.index(op)]) + compact(c["input"]))
        if op == "validate":
            for c in spread(cases, 3):
                write("dataset", compact(c["input"]))
            write("api", bytes([OPERATIONS.index("report")]) + compact(cases[0]["input"]))
        if op == "cycle":
            write("api", bytes([OPERATIONS.index("cycle_svg") + 12]) + compact(cases[0]["input"]))
        if op == "mix":
            write("api", bytes([OPERATIONS.index("mix_svg")]) + compact(cases[0]["input"]))
    write("api", bytes([OPERATIONS.index("rule_sets")]) + b"{}")

    # Rule-book overrides: the examples of the documentation and tests, and each built-in rule
    # set as an override of itself (the first two bytes choose year, category and wtf).
    prov = {"confidence": "inferred", "source": "lemniscaat"}
    overrides = [
        {"rule_sets": [{"id": "cao-vo-2014-2015", "name": "CAO VO 2014-2015 (50 h support)",
                        "in_force_from": {"value": "2014-08-01", "provenance": {"confidence": "seed", "source": "seed"}},
                        "parameters": {"support_hours": {"value": "50", "article": "17.4", "lid": "3", "provenance": prov}}}]},
        {"rule_sets": [{"id": "cao-vo-2030-2031", "name": "next CAO", "in_force_from": {"value": "2030-08-01", "provenance": prov},
                        "parameters": {"teacher_money": {"value": "700", "article": "16.5", "lid": "1", "provenance": prov}}}]},
        {"rule_sets": [{"id": "x", "name": "x", "in_force_from": {"value": "2030-08-01", "provenance": {"confidence": "inferred", "source": "nowhere"}}}]},
        {"rule_sets": []},
    ]
    for i, o in enumerate(overrides):
        write("rules", bytes([i * 7, i * 3]) + compact(o))
    builtin = ROOT / "crates" / "lemniscaat" / "data" / "rulesets.json"
    if builtin.exists():
        book = json.loads(builtin.read_text(encoding="utf-8"))
        for i, rs in enumerate(book["rule_sets"]):
            write("rules", bytes([i, i * 5]) + compact({"rule_sets": [rs]}))
        write("rules", bytes([0, 8]) + compact(book))

    # Batch rows: mode bytes (lemniscaat-fuzz batch.rs) followed by choices, and CSV files.
    rng = random.Random(20)
    for mode in range(4):
        for k in range(3):
            write("batch", bytes([mode + 5 * k]) + bytes(rng.randrange(256) for _ in range(64 + 64 * k)))
    csvs = [
        "employee_id,category,wtf,start,end\nE1,teacher,0.6,2010-08-01,\nE2,support,1.5,2010-08-01,\nE1,support,0.4,2014-09-01,2015-01-31\n",
        "\ufeffEmployee,Category,WTF,Start,End,School_Year\r\nE1,teacher,1,2010-08-01,,2014-2015\r\nE1,teacher,0.5,2010-08-01,,2024/25\r\n\r\nE2,\"sup\"\"port\",\"0,5\",2014-08-01,2014-07-31,2014-2015\r\n",
        "end,start,wtf,category,employee_id\n,2020-02-29,.5,management,\"E,1\"\n2021-07-31,2020-08-01,1.0000,teacher,E1\n",
    ]
    for i, c in enumerate(csvs):
        write("batch", bytes([4 + 5 * i]) + c.encode())

    # Structure-aware targets start from a few random choices.
    for k in range(4):
        write("dataset_structured", bytes(rng.randrange(256) for _ in range(256 * (k + 1))))
        write("svg", bytes(rng.randrange(256) for _ in range(48 * (k + 1))))

    # The dictionary: every key of the format and the vectors, enum values, and JSON tokens.
    schema = json.loads((ROOT / "docs" / "dataset.schema.json").read_text(encoding="utf-8"))

    def schema_walk(v):
        if isinstance(v, dict):
            for k, x in v.items():
                if k == "properties" and isinstance(x, dict):
                    keys.update(x.keys())
                if k in ("enum",) and isinstance(x, list):
                    values.update(e for e in x if isinstance(e, str))
                if k == "const" and isinstance(x, str):
                    values.add(x)
                schema_walk(x)
        elif isinstance(v, list):
            for x in v:
                schema_walk(x)

    schema_walk(schema)
    tokens = set()
    for k in keys:
        tokens.add(json.dumps(k, ensure_ascii=True) + ":")
    for v in values:
        tokens.add(json.dumps(v, ensure_ascii=True))
    tokens.update(["{", "}", "[", "]", ",", ":", "null", "true", "false", "\"\"", "-", ".", "0", "1", "\"0.5\"", "\"-1\"",
                   "\"2014-2015\"", "\"2015-02-30\"", "\"1e2\"", "\"79228162514264337593543950335\"", "\\u0000", "\\\"", "~0", "~1"])

    def esc(t):
        return "".join(c if 0x20 <= ord(c) < 0x7F and c not in "\\\"" else ("\\" + c if c in "\\\"" else f"\\x{ord(c):02X}") for c in t)

    lines = ["# JSON tokens of lemniscaat's formats for libFuzzer (-dict=fuzz/json.dict); written by fuzz/tools/seeds.py"]
    lines += [f'"{esc(t)}"' for t in sorted(tokens)]
    (FUZZ / "json.dict").write_text("\n".join(lines) + "\n", encoding="utf-8")
    n = {t: len(list((FUZZ / "corpus" / t).iterdir())) for t in sorted(p.name for p in (FUZZ / "corpus").iterdir())}
    print(n, len(tokens), "dictionary entries")


main()
