// Rule-set overrides in the WebAssembly build (RuleBook.withOverrides), operations by name
// (call), and the core's texts for people (text, taxonomy).
import test from "node:test";
import assert from "node:assert/strict";
import * as lem from "../index.node.js";

// The next CAO as a file: support staff get 50 hours instead of 40 in 2014-2015 (the example
// of lemniscaat::api::call_with).
const OVERRIDE = {
  rule_sets: [
    {
      id: "cao-vo-2014-2015",
      name: "CAO VO 2014-2015 (50 h support)",
      in_force_from: { value: "2014-08-01", provenance: { confidence: "seed", source: "seed" } },
      parameters: { support_hours: { value: "50", article: "17.4", lid: "3", provenance: { confidence: "inferred", source: "lemniscaat" } } },
    },
  ],
};
const SUPPORT_HALF = { school_year: "2014-2015", appointments: [{ category: "support", wtf: "0.5", start: "2010-08-01", end: null }] };

function throwsLemniscaat(fn, check) {
  let err;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  assert.ok(err, "no error thrown");
  assert.ok(err instanceof lem.LemniscaatError, `not a LemniscaatError: ${err}`);
  assert.equal(typeof err.code, "string");
  assert.equal(typeof err.path, "string");
  assert.ok(err.messageNl.length > 0 && err.messageEn.length > 0);
  assert.notEqual(err.messageNl, err.messageEn, "Dutch and English messages are two texts");
  assert.equal(typeof err.typed?.id, "string", "the typed message: its catalogue id");
  check(err);
  return err;
}

test("a rule book with overrides changes the entitlement; the built-in one is untouched", () => {
  const builtin = lem.entitlement(SUPPORT_HALF);
  const book = lem.RuleBook.withOverrides(OVERRIDE);
  const overridden = book.call("entitlement", SUPPORT_HALF);
  // 40 h and 50 h for a full-time support employee, pro rata for a wtf of 0.5.
  assert.equal(builtin.hours, "20.00");
  assert.equal(overridden.hours, "25.00");
  assert.equal(lem.call("entitlement", SUPPORT_HALF).hours, "20.00");
  // The override names its rule set, and the receipt hashes a different rule set.
  assert.notEqual(overridden.receipt.rule_set_hash, builtin.receipt.rule_set_hash);
  const names = book.ruleSets().map((r) => r.name);
  assert.ok(names.includes("CAO VO 2014-2015 (50 h support)"));
  assert.ok(!lem.ruleSets().some((r) => r.name === "CAO VO 2014-2015 (50 h support)"));
});

test("an override is read from JSON text as well as from an object", () => {
  const book = lem.RuleBook.withOverrides(JSON.stringify(OVERRIDE));
  assert.equal(book.call("entitlement", JSON.stringify(SUPPORT_HALF)).hours, "25.00");
});

test("a new rule set is added and used from its start date", () => {
  const next = {
    rule_sets: [
      {
        id: "cao-vo-2030",
        name: "CAO VO 2030",
        in_force_from: { value: "2030-08-01", provenance: { confidence: "inferred", source: "lemniscaat" } },
        parameters: { teacher_money: { value: "700", article: "16.5", lid: "1", provenance: { confidence: "inferred", source: "lemniscaat" } } },
      },
    ],
  };
  const book = lem.RuleBook.withOverrides(next);
  const e = book.call("entitlement", { school_year: "2030-2031", appointments: [{ category: "teacher", wtf: "1", start: "2010-08-01", end: null }] });
  assert.equal(e.rule_set, "cao-vo-2030");
  assert.equal(e.money, "700.00");
  // Validation with the book uses it too.
  assert.equal(book.ruleSets().length, lem.ruleSets().length + 1);
});

test("a bad override is a typed error with code, path and both messages", () => {
  // Each: how the override is broken, the code and the path it is refused at.
  const broken = [
    [(o) => (o.rule_sets[0].bogus = 1), "UNKNOWN_FIELD", "/rule_sets/0/bogus"],
    [(o) => (o.rule_sets[0].parameters.support_hours.value = "veel"), "INVALID_DECIMAL", "/rule_sets/0/parameters/support_hours/value"],
    [(o) => (o.rule_sets[0].parameters.support_hours.provenance.source = "nergens"), "INVALID_VALUE", "/rule_sets/0/parameters/support_hours/provenance/source"],
  ];
  for (const [breakIt, code, path] of broken) {
    const override = structuredClone(OVERRIDE);
    breakIt(override);
    throwsLemniscaat(
      () => lem.RuleBook.withOverrides(override),
      (e) => {
        assert.equal(e.code, code);
        assert.equal(e.path, path);
        if (code === "INVALID_VALUE") assert.match(e.messageEn, /nergens/);
      },
    );
  }
  throwsLemniscaat(
    () => lem.RuleBook.withOverrides("{"),
    (e) => assert.equal(e.code, "INVALID_JSON"),
  );
});

test("an unknown operation is an error naming the known ones, not the rule sets", () => {
  for (const run of [(op) => lem.call(op, {}), (op) => lem.RuleBook.withOverrides(OVERRIDE).call(op, {})]) {
    throwsLemniscaat(
      () => run("report"),
      (e) => {
        assert.equal(e.code, "INVALID_VALUE");
        // No path, as in every host: the operation's name is not a part of the input.
        assert.equal(e.path, "");
        assert.match(e.messageEn, /entitlement/);
      },
    );
    throwsLemniscaat(
      () => run("nope"),
      (e) => assert.equal(e.code, "INVALID_VALUE"),
    );
  }
  assert.ok(Array.isArray(lem.call("rule_sets")));
});

test("every operation by name gives what its named function gives", () => {
  assert.deepEqual(lem.call("classify", { text: "intervisie" }), lem.classify({ text: "intervisie" }));
  assert.deepEqual(lem.call("rule_sets"), lem.ruleSets());
  assert.deepEqual(lem.call("entitlement", SUPPORT_HALF).hours, lem.entitlement(SUPPORT_HALF).hours);
});

test("text: amounts, dates and labels as a person reads them, in Dutch and English", () => {
  assert.equal(lem.text("hours", "83.00", "nl"), "83,00 uur");
  assert.equal(lem.text("money", "600", "nl"), "€ 600,00");
  assert.equal(lem.text("money", "1234.5", "nl"), "€ 1.234,50");
  assert.equal(lem.text("money", "1234.5", "en"), "EUR 1,234.50");
  assert.equal(lem.text("percent", "0.085", "nl"), "8,5%");
  assert.equal(lem.text("date", "2026-08-01", "nl"), "1 augustus 2026");
  assert.equal(lem.text("date", "2026-08-01", "en"), "1 August 2026");
  assert.equal(lem.text("hours", "12.5"), "12,5 uur", "Dutch is the default");
  assert.equal(lem.text("category", "teacher", "nl"), "leraar");
  assert.equal(lem.text("status", "agreed", "nl"), "vastgesteld");
  assert.equal(lem.text("kind", "intervision", "nl"), lem.taxonomy().find((k) => k.id === "intervision").label.nl);
  assert.notEqual(lem.text("bucket", "social", "nl"), lem.text("bucket", "social", "en"));
  const src = lem.text("source", { rule_set: "cao-vo-2024-2025", article: "16.4", lid: "1" }, "nl");
  assert.match(src, /CAO VO 2024-2025/);
  assert.match(src, /16\.4/);
  throwsLemniscaat(
    () => lem.text("hours", "12,5", "nl"),
    (e) => assert.equal(e.code, "INVALID_DECIMAL"),
  );
  throwsLemniscaat(
    () => lem.text("colour", "x", "nl"),
    (e) => assert.equal(e.code, "INVALID_VALUE"),
  );
  throwsLemniscaat(
    () => lem.text("hours", "1", "de"),
    (e) => assert.equal(e.code, "INVALID_VALUE"),
  );
});

test("the steps of an explanation and the findings cite their rule through text", () => {
  const e = lem.entitlement({ school_year: "2024-2025", appointments: [{ category: "teacher", wtf: "1", start: "2010-08-01", end: null }] });
  const rules = e.explanation.steps.filter((s) => s.source.kind === "rule" && s.source.article);
  assert.ok(rules.length > 0);
  for (const s of rules) {
    // The rule set that states the value (an earlier CAO's, when the value carried over), by name.
    const name = lem.ruleSets().find((r) => r.id === s.source.rule_set).name;
    const cited = lem.text("source", s.source, "nl");
    assert.ok(cited.includes(name), `${cited} names ${name}`);
    assert.ok(cited.includes(s.source.article), `${cited} cites ${s.source.article}`);
  }
  const report = lem.validateDataset({ as_of: "2026-11-30", board: { id: "B", name: "B" } });
  for (const f of report.findings) assert.ok(lem.text("source", f.source, "en").length > 0, f.code);
});

test("the taxonomy: every kind has an id, labels in both languages and a 70:20:10 bucket", () => {
  const kinds = lem.taxonomy();
  assert.ok(kinds.length > 10);
  for (const k of kinds) {
    assert.ok(k.id && k.label.nl && k.label.en);
    assert.ok(["experience", "social", "formal"].includes(k.bucket), k.id);
  }
  // The classifier's kinds are the taxonomy's.
  const c = lem.classify({ text: "intervisie met collega's" });
  assert.ok(kinds.some((k) => k.id === c.kind));
});

test("garbage through call, text and withOverrides throws LemniscaatError, never a RuntimeError", () => {
  const GARBAGE = [undefined, null, 0, "", "{", "[]", {}, [], { x: 1 }, "x".repeat(10000), "[".repeat(5000), { rule_sets: [{}] }, { rule_sets: "x" }, { sources: [{ id: 1 }] }];
  const attempts = [
    ...GARBAGE.map((g) => () => lem.RuleBook.withOverrides(g)),
    ...GARBAGE.map((g) => () => lem.call("entitlement", g)),
    // The operation is a string (its type says so; a non-string is JS's TypeError from the glue).
    ...GARBAGE.filter((g) => typeof g === "string").map((g) => () => lem.call(g, {})),
    ...["hours", "money", "number", "amount", "percent", "date", "source", "label", "category", "status", "kind", "bucket", "stage"].flatMap((what) => GARBAGE.map((g) => () => lem.text(what, g, "nl"))),
  ];
  for (const attempt of attempts) {
    try {
      attempt();
    } catch (e) {
      assert.ok(!(e instanceof WebAssembly.RuntimeError), `trapped: ${e}`);
      assert.ok(e instanceof lem.LemniscaatError, String(e));
    }
  }
  assert.equal(lem.text("hours", "1", "nl"), "1 uur");
});
