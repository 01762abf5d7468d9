// A user's page: lemniscaat from npm, bundled by Vite. Replays the vectors copied next to it
// (tests/install/npm/run) in the browser and leaves the results on window for install.test.js.
import { init, entitlement, ledger, LemniscaatError } from "lemniscaat";
import entitlementCases from "./entitlement.json";
import ledgerCases from "./ledger.json";

function run(op, c) {
  try {
    return { name: c.name, output: op(c.input) };
  } catch (e) {
    return { name: c.name, error: { code: e.code, path: e.path, typed: e instanceof LemniscaatError, message: String(e?.message ?? e) } };
  }
}

await init();
window.lemniscaatResults = {
  "entitlement.json": entitlementCases.map((c) => run(entitlement, c)),
  "ledger.json": ledgerCases.map((c) => run(ledger, c)),
};
document.querySelector("#out").textContent = JSON.stringify(window.lemniscaatResults["entitlement.json"][0].output, null, 2);
document.body.dataset.ready = "true";
