// Every conformance vector, replayed against the built package in Node.js.
import test from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import * as lem from "../index.node.js";
import { VECTORS, load, diff } from "./support.js";

const OPS = {
  "entitlement.json": lem.entitlement,
  "ledger.json": lem.ledger,
  "eligibility.json": lem.eligibility,
  "lumpsum.json": lem.lumpsum,
  "classification.json": lem.classify,
  "mix.json": lem.mix,
  "cycle.json": lem.cycleStatus,
};

const VALIDATION = ["validation.json", "validation-obligations.json"];

test("every vector file is replayed", () => {
  const files = readdirSync(VECTORS).filter((f) => f.endsWith(".json")).sort();
  assert.deepEqual(files, [...Object.keys(OPS), ...VALIDATION].sort());
});

for (const [file, op] of Object.entries(OPS)) {
  for (const c of load(file)) {
    test(`${file}: ${c.name}`, () => {
      if (c.error) {
        // The code and the JSON Pointer of the offending value (tests/vectors/README.md).
        assert.throws(
          () => op(c.input),
          (e) => e instanceof lem.LemniscaatError && e.code === c.error.code && e.path === c.error.path,
        );
      } else {
        assert.deepEqual(diff(c.expected, op(c.input)), []);
      }
    });
  }
}

for (const file of VALIDATION) {
  for (const c of load(file)) {
    test(`${file}: ${c.name}`, () => {
      if (c.error) {
        assert.throws(
          () => lem.validateDataset(c.input),
          (e) => e instanceof lem.LemniscaatError && e.code === c.error.code && e.path === c.error.path,
        );
        return;
      }
      const findings = lem.validateDataset(c.input).findings;
      const codes = findings.map((f) => f.code);
      for (const code of c.expected.includes) assert.ok(codes.includes(code), `${code} missing`);
      for (const code of c.expected.excludes) assert.ok(!codes.includes(code), `${code} present`);
      for (const p of c.expected.findings ?? []) {
        assert.ok(findings.some((f) => f.code === p.code && f.path === p.path), `no ${p.code} at ${p.path}`);
      }
    });
  }
}
