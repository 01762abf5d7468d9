// Shared by the node tests: the vectors and a comparison with decimals compared numerically.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
export const VECTORS = path.resolve(here, "../../../tests/vectors");
export const ROOT = path.resolve(here, "../../..");

export function load(name) {
  return JSON.parse(readFileSync(path.join(VECTORS, name), "utf8"));
}

const DEC = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Exact comparison of two decimal strings (no floats): normalise and compare the digits. */
export function sameDecimal(a, b) {
  const norm = (s) => {
    let [i, f = ""] = s.replace(/^\+/, "").split(".");
    const neg = i.startsWith("-");
    i = i.replace("-", "").replace(/^0+(?=\d)/, "");
    f = f.replace(/0+$/, "");
    const z = i === "0" && f === "";
    return `${neg && !z ? "-" : ""}${i}.${f}`;
  };
  return norm(a) === norm(b);
}

/** The differences of `expected` against `actual` (objects by expected keys; `codes` must be present). */
export function diff(expected, actual, at = "") {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return [`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
    return expected.flatMap((e, i) => diff(e, actual[i], `${at}/${i}`));
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object") return [`${at}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(expected).flatMap(([k, v]) => {
      if (k === "codes") {
        const got = (actual.findings || []).map((f) => f.code);
        return v.filter((c) => !got.includes(c)).map((c) => `${at}/codes: ${c} missing in ${got}`);
      }
      if (!(k in actual)) return [`${at}/${k}: missing`];
      return diff(v, actual[k], `${at}/${k}`);
    });
  }
  if (typeof expected === "string" && typeof actual === "string" && DEC.test(expected) && DEC.test(actual)) {
    return sameDecimal(expected, actual) ? [] : [`${at}: expected ${expected}, got ${actual}`];
  }
  return expected === actual ? [] : [`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}
