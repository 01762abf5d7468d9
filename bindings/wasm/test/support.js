// Shared by the node tests: the vectors and a comparison with decimals compared numerically.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
export const VECTORS = path.resolve(here, "../../../tests/vectors");
export const ROOT = path.resolve(here, "../../..");

/** The operation of every vector file: tests/vectors/operations.tsv, the table every runner reads. */
export const OPERATION_OF_FILE = Object.fromEntries(
  readFileSync(path.join(VECTORS, "operations.tsv"), "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l) => l.split("\t")),
);

export function load(name) {
  return JSON.parse(readFileSync(path.join(VECTORS, name), "utf8"));
}

// The vectors' comparison rules, shared with the npm install test (tests/vectors/README.md).
export { diff } from "../../../tests/vectors/compare.js";
