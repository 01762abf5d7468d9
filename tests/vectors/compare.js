// The comparison of the conformance vectors in JavaScript (README.md beside this file): objects by
// the expected keys, decimal strings numerically, `codes` as must-be-present finding codes. Used
// by the WebAssembly binding's tests and by the install test of the npm tarball; no imports, so
// that it runs in Node.js and in a browser bundle alike.
const DEC = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function norm(s) {
  let [i, f = ""] = s.replace(/^\+/, "").split(".");
  const neg = i.startsWith("-");
  i = i.replace("-", "").replace(/^0+(?=\d)/, "");
  f = f.replace(/0+$/, "");
  return `${neg && !(i === "0" && f === "") ? "-" : ""}${i}.${f}`;
}

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
    return norm(expected) === norm(actual) ? [] : [`${at}: expected ${expected}, got ${actual}`];
  }
  return expected === actual ? [] : [`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

/** The differences of one vector case against a result `{output}` or `{error}`. */
export function check(c, result) {
  if (c.error) {
    if (!result.error) return [`expected error ${c.error.code}, got ${JSON.stringify(result.output)}`];
    const out = [];
    if (!result.error.typed) out.push("the error is no LemniscaatError");
    if (result.error.code !== c.error.code) out.push(`code ${result.error.code}, expected ${c.error.code}`);
    if (result.error.path !== c.error.path) out.push(`path ${result.error.path}, expected ${c.error.path}`);
    return out;
  }
  if (result.error) return [`unexpected error ${JSON.stringify(result.error)}`];
  return diff(c.expected, result.output);
}
