/**
 * The error every function of lemniscaat throws: a JS `Error` named "LemniscaatError" with a
 * stable `code`, the JSON Pointer `path` of the offending value, and `messageNl` / `messageEn`.
 * `instanceof LemniscaatError` recognises them (they are made inside the WebAssembly module).
 */
export class LemniscaatError extends Error {
  static [Symbol.hasInstance](value) {
    return value instanceof Error && value.name === "LemniscaatError" && typeof value.code === "string";
  }
}
