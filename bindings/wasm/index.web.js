// Browser entry: the `web` build. Call `await init()` once before any other function.
import { call } from "./pkg/web/lemniscaat_wasm.js";
import { operations } from "./js/api.js";

export { default as init, initSync } from "./pkg/web/lemniscaat_wasm.js";
export * from "./pkg/web/lemniscaat_wasm.js";
export { LemniscaatError } from "./js/error.js";
export const { entitlement, ledger, eligibility, lumpsum, validateDataset, classify, mix, cycleStatus, ruleSets } = operations(call);
