// Browser entry: the `web` build. Call `await init()` once before any other function.
export { default as init, initSync } from "./pkg/web/lemniscaat_wasm.js";
export * from "./pkg/web/lemniscaat_wasm.js";
export { LemniscaatError } from "./js/error.js";
