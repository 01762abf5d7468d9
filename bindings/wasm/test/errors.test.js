// Errors are LemniscaatError (a JS Error) with code, path and both messages; garbage never traps.
import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as lem from "../index.node.js";

test("an error carries code, path and messages", () => {
  try {
    lem.entitlement({ school_year: "2014-2015", appointments: [{ category: "teacher", wtf: "1.5", start: "2010-08-01" }] });
    assert.fail("no error");
  } catch (e) {
    assert.ok(e instanceof Error && e instanceof lem.LemniscaatError);
    assert.equal(e.name, "LemniscaatError");
    assert.equal(e.code, "INVALID_WTF");
    assert.equal(e.path, "/appointments/0/wtf");
    assert.match(e.messageNl, /werktijdfactor/);
    assert.match(e.messageEn, /wtf/);
  }
});

test("other errors are not LemniscaatError", () => {
  assert.ok(!(new Error("x") instanceof lem.LemniscaatError));
  assert.ok(!(new TypeError("x") instanceof lem.LemniscaatError));
});

test("numbers with a fraction are refused: decimals are strings", () => {
  assert.throws(() => lem.entitlement({ school_year: "2014-2015", appointments: [{ category: "teacher", wtf: 0.6, start: "2010-08-01" }] }), (e) => e.code === "INVALID_DECIMAL");
});

const GARBAGE = [undefined, null, 0, "", "{", "[]", {}, [], { x: 1 }, "x".repeat(10000), "[".repeat(5000), { school_year: "9999-10000", appointments: [] }, { as_of: "2015-02-30" }, { appointments: [{ wtf: "1e999999" }] }, { events: [{ type: "nope" }] }];
const FNS = ["entitlement", "ledger", "eligibility", "lumpsum", "validateDataset", "classify", "mix", "cycleStatus", "cycleSvg", "mixSvg"];

test("garbage on every function throws LemniscaatError, never a RuntimeError", () => {
  for (const fn of FNS) {
    for (const g of GARBAGE) {
      try {
        lem[fn](g);
      } catch (e) {
        assert.ok(!(e instanceof WebAssembly.RuntimeError), `${fn}(${JSON.stringify(g)?.slice(0, 40)}) trapped: ${e}`);
        assert.ok(e instanceof lem.LemniscaatError, `${fn}: ${e}`);
      }
    }
  }
  // The module still works afterwards.
  assert.equal(lem.classify({ kind: "course" }).bucket, "formal");
});

test("explanation, receipt, pictures, rule sets, sample", () => {
  const e = lem.entitlement({ school_year: "2014-2015", appointments: [{ category: "teacher", wtf: "0.6", start: "2010-08-01", end: null }] });
  assert.equal(e.hours, "49.80");
  assert.ok(e.explanation.steps.some((s) => s.source.article === "17.4" && s.source.lid === "1"));
  assert.equal(e.receipt.library, `lemniscaat ${lem.version()}`);
  const svg = lem.cycleSvg({ as_of: "2015-03-01", events: [] }, "en");
  assert.match(svg, /^<svg/);
  assert.match(lem.mixSvg({ activities: [{ kind: "course", hours: "4" }] }, "nl"), /formeel/);
  assert.equal(lem.ruleSets().length, 8);
  const board = JSON.parse(readFileSync(new URL("../../../examples/voorbeeldstichting.json", import.meta.url), "utf8"));
  assert.equal(lem.validateDataset(board).counts.error, 3);
  assert.equal(lem.validateDataset(JSON.stringify(board)).counts.error, 3);
});
