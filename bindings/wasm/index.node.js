// Node.js entry: the `nodejs` build of the WebAssembly module (loaded synchronously).
import native from "./pkg/node/lemniscaat_wasm.js";
import { operations } from "./js/api.js";

export { LemniscaatError } from "./js/error.js";
export const { call, text, taxonomy, RuleBook, cycleSvg, mixSvg, version } = native;
export const { entitlement, ledger, eligibility, lumpsum, validateDataset, classify, mix, cycleStatus, ruleSets } = operations(native.call);
