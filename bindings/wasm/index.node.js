// Node.js entry: the `nodejs` build of the WebAssembly module (loaded synchronously).
import native from "./pkg/node/lemniscaat_wasm.js";

export { LemniscaatError } from "./js/error.js";
export const {
  entitlement,
  ledgerStatements,
  eligibility,
  lumpsum,
  validateDataset,
  classify,
  mix,
  cycleStatus,
  cycleSvg,
  mixSvg,
  ruleSets,
  version,
} = native;
