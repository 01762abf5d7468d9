// The TypeScript types are generated from the core's schema and hold what the core produces:
// every vector's input and result is written out as an object literal with `satisfies` its
// operation's type, and `tsc` checks them (excess fields included), beside cases that must fail.
import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, mkdirSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as lem from "../index.node.js";
import { VECTORS, ROOT, load, OPERATION_OF_FILE as OPERATION } from "./support.js";
import { generate } from "../tools/gen-types.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const PACKAGE = path.resolve(here, "..");

test("the generated types are those of the checked-in schema", () => {
  const schema = JSON.parse(readFileSync(path.join(ROOT, "docs/operations.schema.json"), "utf8"));
  const current = readFileSync(path.join(PACKAGE, "src/types.generated.d.ts"), "utf8");
  assert.ok(current === generate(schema), "src/types.generated.d.ts is out of date: run node tools/gen-types.mjs");
  // And the built package carries these very declarations (tsc below checks against the build).
  const built = readFileSync(path.join(PACKAGE, "pkg/web/lemniscaat_wasm.d.ts"), "utf8");
  const body = current.split("\n").filter((l) => l && !l.startsWith("//"));
  assert.ok(body.every((l) => built.includes(l)), "pkg/web/lemniscaat_wasm.d.ts is not built from src/types.generated.d.ts: run scripts/build-wasm");
});

/** The TypeScript source: one `satisfies` per vector input and result, and the must-fail cases. */
function source() {
  const lines = [
    `import type { Operations, ErrorCode, Message } from ${JSON.stringify(path.join(PACKAGE, "index.js"))};`,
    `type In<K extends keyof Operations> = Operations[K]["input"];`,
    `type Out<K extends keyof Operations> = Operations[K]["output"];`,
  ];
  let n = 0;
  const files = readdirSync(VECTORS).filter((f) => f.endsWith(".json")).sort();
  assert.deepEqual(files, Object.keys(OPERATION).sort(), "a vector file without an operation");
  for (const file of files) {
    const op = OPERATION[file];
    for (const c of load(file)) {
      const name = JSON.stringify(`${file}: ${c.name}`);
      try {
        const out = lem.call(op, c.input);
        lines.push(`// ${name}`);
        lines.push(`export const in${n} = ${JSON.stringify(c.input)} satisfies In<${JSON.stringify(op)}>;`);
        lines.push(`export const out${n} = ${JSON.stringify(out)} satisfies Out<${JSON.stringify(op)}>;`);
      } catch (e) {
        assert.equal(e.name, "LemniscaatError", `${name}: ${e}`);
        lines.push(`// ${name}: refused`);
        lines.push(`export const code${n} = ${JSON.stringify(e.code)} satisfies ErrorCode;`);
        lines.push(`export const typed${n} = ${JSON.stringify(e.typed)} satisfies Message;`);
      }
      n += 1;
    }
  }
  // The sample board, validated (the browser build has no report).
  const board = JSON.parse(readFileSync(path.join(ROOT, "examples/voorbeeldstichting.json"), "utf8"));
  lines.push(`export const board = ${JSON.stringify(board)} satisfies In<"validate">;`);
  lines.push(`export const boardOut = ${JSON.stringify(lem.validateDataset(board))} satisfies Out<"validate">;`);
  lines.push(`export const ruleSets = ${JSON.stringify(lem.ruleSets())} satisfies Out<"rule_sets">;`);
  // What the types refuse: if they were `any`, these expectations would be unused, and tsc fails.
  const e = lem.entitlement({ school_year: "2015-2016", appointments: [{ category: "teacher", wtf: "0.8", start: "2010-08-01", end: null }] });
  const bad = (label, value, type) => lines.push(`// @ts-expect-error ${label}`, `export const bad${lines.length} = ${JSON.stringify(value)} satisfies ${type};`);
  bad("a field the core does not write", { ...e, bonus: "1" }, `Out<"entitlement">`);
  bad("a decimal as a JS number", { ...e, hours: 66.4 }, `Out<"entitlement">`);
  const { money, ...withoutMoney } = e;
  bad("a field the core always writes, missing", withoutMoney, `Out<"entitlement">`);
  bad("an unknown category", { school_year: "2015-2016", appointments: [{ category: "boss", wtf: "1", start: "2010-08-01" }] }, `In<"entitlement">`);
  bad("an unknown error code", "NOT_A_CODE", "ErrorCode");
  return { text: lines.join("\n") + "\n", cases: n, money };
}

test("every vector's input and result, and the sample board, satisfy the generated types (tsc)", () => {
  const { text, cases, money } = source();
  assert.ok(cases >= 80, `only ${cases} cases`);
  assert.match(money, /^\d+\.\d{2}$/);
  const dir = path.join(ROOT, "target/ts-vectors");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "vectors.ts"), text);
  writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: "ES2022", lib: ["ES2022", "DOM", "ESNext.Disposable"], module: "NodeNext", moduleResolution: "NodeNext", skipLibCheck: false, types: [] },
      files: ["vectors.ts"],
    }),
  );
  const tsc = spawnSync(process.execPath, [path.join(PACKAGE, "node_modules/typescript/bin/tsc"), "-p", path.join(dir, "tsconfig.json")], { encoding: "utf8" });
  assert.equal(tsc.status, 0, `tsc found errors:\n${(tsc.stdout + tsc.stderr).slice(0, 4000)}`);
});
