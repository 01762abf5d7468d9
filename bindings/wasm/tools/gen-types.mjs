#!/usr/bin/env node
// Generates the package's TypeScript types from the core's JSON Schema of every operation
// (`docs/operations.schema.json`, itself generated from the Rust types): one declaration per
// definition, with its description as a doc comment, and `Operations`, the input and output type
// of every operation by name.
//
//   node tools/gen-types.mjs           writes src/types.generated.d.ts
//   node tools/gen-types.mjs --check   fails when the file differs from what it would write
//
// Decimals (`format: decimal`) become `Decimal`, dates (`format: date`) `IsoDate`: aliases of
// `string` that say what the text holds. No float anywhere: any other JSON number in the schema
// is a count (`number`). The core also reads a whole JSON number as a decimal (the schema's
// inputs say so); the types ask for the string, which is exact at any size. Inputs are read with
// defaults (a field that may be left out is optional); outputs are written whole (every field
// present, closed objects).
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const SCHEMA = join(here, "../../../docs/operations.schema.json");
const OUT = join(here, "../src/types.generated.d.ts");

/** Definitions whose schema name is taken by JavaScript or TypeScript itself (`Error`, `Parameters<T>`). */
const RENAMED = { Error: "ErrorData", Parameters: "RuleSetParameters" };

const typeName = (def) => RENAMED[def] ?? def;
const refName = (ref) => {
  const m = /^#\/\$defs\/(.+)$/.exec(ref);
  if (!m) throw new Error(`unsupported $ref ${ref}`);
  return typeName(m[1]);
};
const key = (k) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : JSON.stringify(k));

/** A doc comment of a description (none when there is none), indented. */
function doc(description, indent = "") {
  if (!description) return "";
  const lines = description.replace(/\*\//g, "*\\/").split("\n");
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} *${l ? " " + l : ""}`).join("\n")}\n${indent} */\n`;
}

/** The TypeScript type of a schema. */
function ts(s, indent = "") {
  if (s === true || s === undefined || (typeof s === "object" && Object.keys(s).filter((k) => k !== "description" && k !== "default").length === 0)) {
    return "unknown";
  }
  if (s.$ref) return refName(s.$ref);
  if (s.format === "decimal") return [s.type].flat().includes("null") ? "Decimal | null" : "Decimal";
  if ("const" in s) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  for (const k of ["oneOf", "anyOf"]) {
    if (s[k]) return union(s[k].map((x) => ts(x, indent)));
  }
  if (Array.isArray(s.type)) {
    return union(s.type.map((t) => ts({ ...s, type: t }, indent)));
  }
  switch (s.type) {
    case "null":
      return "null";
    case "boolean":
      return "boolean";
    case "integer":
    case "number":
      return "number";
    case "string":
      if (s.format === "date") return "IsoDate";
      if (/\\d|\[0-9\]/.test(s.pattern ?? "") && /\\\./.test(s.pattern ?? "")) {
        // A number-shaped pattern without `format: decimal`: the schema changed; say so.
        throw new Error(`a decimal-looking string without format decimal: ${JSON.stringify(s)}`);
      }
      return "string";
    case "array":
      if (s.prefixItems) return `[${s.prefixItems.map((x) => ts(x, indent)).join(", ")}]`;
      return `${wrap(ts(s.items, indent))}[]`;
    case "object":
      return object(s, indent);
    default:
      throw new Error(`unsupported schema ${JSON.stringify(s).slice(0, 200)}`);
  }
}

function union(parts) {
  const unique = [...new Set(parts)];
  return unique.length === 1 ? unique[0] : unique.map((p) => (p.includes("=>") ? `(${p})` : p)).join(" | ");
}

function wrap(t) {
  return /[|&\s]/.test(t) && !/^[{[]/.test(t) ? `(${t})` : t;
}

/** An object type: its properties (optional unless required), or a record of its values. */
function object(s, indent) {
  const props = s.properties ?? {};
  const names = Object.keys(props);
  const extra = s.additionalProperties;
  if (names.length === 0) {
    if (extra && extra !== true) return `Record<string, ${ts(extra, indent)}>`;
    return "Record<string, unknown>";
  }
  const required = new Set(s.required ?? []);
  const inner = indent + "  ";
  const lines = names.map((n) => `${doc(props[n].description, inner)}${inner}${key(n)}${required.has(n) ? "" : "?"}: ${ts(props[n], inner)};`);
  if (extra && extra !== false && extra !== true) lines.push(`${inner}[key: string]: ${ts(extra, inner)};`);
  return `{\n${lines.join("\n")}\n${indent}}`;
}

/** The discriminating field's value of a variant of a tagged union (the property with a `const`). */
function tagOf(variant) {
  const tagged = Object.values(variant?.properties ?? {}).find((p) => p && typeof p === "object" && "const" in p);
  return tagged?.const;
}

/** `adjustment` -> `Adjustment`, `in-force` -> `InForce` (as the Python types name variants). */
const camel = (text) => String(text).split(/[-_]/).map((p) => p.slice(0, 1).toUpperCase() + p.slice(1)).join("");

/** One definition: an interface for an object with properties; for a tagged union an interface
 * per variant (`LedgerEventUsage`, with the variant's description) and the union of them; a type
 * alias otherwise. */
function declaration(name, s, taken) {
  const head = doc(s.description);
  const members = s.oneOf ?? s.anyOf;
  if (members && members.every((m) => m?.type === "object" && m.properties && tagOf(m) !== undefined)) {
    const names = members.map((m) => `${typeName(name)}${camel(tagOf(m))}`);
    const clash = names.find((n, i) => taken.has(n) || names.indexOf(n) !== i);
    if (clash) throw new Error(`variant type ${clash} of ${name} clashes with another declaration`);
    const variants = members.map((m, i) => {
      const text = [m.description, `A variant of \`${typeName(name)}\`.`].filter(Boolean).join("\n\n");
      return `${doc(text)}export interface ${names[i]} ${object(m, "")}\n`;
    });
    return `${variants.join("\n")}\n${head}export type ${typeName(name)} = ${names.join(" | ")};\n`;
  }
  const t = ts(s, "");
  if (s.type === "object" && s.properties && !s.oneOf && !s.anyOf) return `${head}export interface ${typeName(name)} ${t}\n`;
  return `${head}export type ${typeName(name)} = ${t};\n`;
}

export function generate(schema) {
  const out = [
    "// Generated by tools/gen-types.mjs from docs/operations.schema.json (the core's types): do not edit.",
    "// Regenerate with `node tools/gen-types.mjs`; the tests fail when this file is out of date.",
    "",
    "/** A decimal number written as a string, e.g. \"49.80\" (never a JS number: no floats). */",
    "export type Decimal = string;",
    "/** An ISO date \"YYYY-MM-DD\"; date ranges are inclusive on both ends. */",
    "export type IsoDate = string;",
    "",
  ];
  const taken = new Set(Object.keys(schema.$defs).map(typeName));
  for (const [name, s] of Object.entries(schema.$defs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out.push(declaration(name, s, taken));
  }
  out.push(doc("The error an operation answers instead of its output (`LemniscaatError` carries the same)."));
  out.push(`export type OperationError = ${ts(schema.error)};\n`);
  const ops = Object.entries(schema.operations)
    .map(([op, io]) => `  ${key(op)}: { input: ${ts(io.input)}; output: ${ts(io.output)} };`)
    .join("\n");
  out.push(doc("Every operation of `call` by name, with the type of its input and of its output."));
  out.push(`export interface Operations {\n${ops}\n}\n`);
  return out.join("\n");
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const text = generate(JSON.parse(readFileSync(SCHEMA, "utf8")));
  if (process.argv.includes("--check")) {
    const current = readFileSync(OUT, "utf8");
    if (current !== text) {
      console.error("src/types.generated.d.ts is out of date: run node tools/gen-types.mjs");
      process.exit(1);
    }
  } else {
    writeFileSync(OUT, text);
  }
}
