// The named operations of the package, each one call of the module's `call` (a single export
// for all of them keeps the WebAssembly module small). `call` is passed in by the entry point:
// the `web` or the `nodejs` build.
export function operations(call) {
  return {
    /** The basisrecht of one employee in one school year, with explanation and receipt. */
    entitlement: (input) => call("entitlement", input),
    /** Ledger statements of one employee over school years: granted, used, lapsed, carried. */
    ledger: (input) => call("ledger", input),
    /** EVC and startkwalificatie eligibility. */
    eligibility: (input) => call("eligibility", input),
    /** The 10% rule for a year. */
    lumpsum: (input) => call("lumpsum", input),
    /** Validates a dataset (an object or JSON text): findings with their articles, counts and alignment. */
    validateDataset: (dataset) => call("validate", dataset),
    /** Classifies an activity into the 70:20:10 model. */
    classify: (input) => call("classify", input),
    /** The 70:20:10 mix of activities (advice). */
    mix: (input) => call("mix", input),
    /** The lemniscate over a window. */
    cycleStatus: (input) => call("cycle", input),
    /** The rule sets, oldest first, every value with its provenance. */
    ruleSets: () => call("rule_sets"),
  };
}
