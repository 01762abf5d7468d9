export * from "./pkg/web/lemniscaat_wasm.js";
export { default as init } from "./pkg/web/lemniscaat_wasm.js";
import type { ErrorCode } from "./pkg/web/lemniscaat_wasm.js";

/** The error every function throws: a JS Error with a stable code, a JSON Pointer path and messages. */
export declare class LemniscaatError extends Error {
  readonly code: ErrorCode;
  readonly path: string;
  readonly messageNl: string;
  readonly messageEn: string;
}
