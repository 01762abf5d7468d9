// Runs in a fresh folder outside the clone where `npm install dist/lemniscaat-<v>.tgz` put the
// package (tests/install/npm/run). Node.js imports it by name; Vite bundles the same folder for
// the browser and headless Chromium runs the bundle. Both replay vectors.
import test from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:http";
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import * as lem from "lemniscaat";
import { check } from "./diff.js";

const here = process.cwd();
const VECTORS = process.env.LEMNISCAAT_VECTORS;
const TOOLS = process.env.LEMNISCAAT_NPM_TOOLS;
const load = (name) => JSON.parse(readFileSync(path.join(VECTORS, name), "utf8"));
const call = (op, input) => {
  try {
    return { output: op(input) };
  } catch (e) {
    return { error: { code: e.code, path: e.path, typed: e instanceof lem.LemniscaatError, message: String(e?.message ?? e) } };
  }
};

test("the package is the installed tarball, not the source folder", () => {
  const pkg = realpathSync(path.join(here, "node_modules", "lemniscaat"));
  assert.ok(pkg.startsWith(realpathSync(here)), pkg);
  const version = JSON.parse(readFileSync(path.join(pkg, "package.json"), "utf8")).version;
  assert.equal(version, process.env.LEMNISCAAT_VERSION);
  assert.equal(lem.version(), version);
});

const NODE = { "entitlement.json": lem.entitlement, "ledger.json": lem.ledger, "lumpsum.json": lem.lumpsum, "mix.json": lem.mix };
for (const [file, op] of Object.entries(NODE)) {
  test(`Node.js: ${file}`, () => {
    const cases = load(file);
    assert.ok(cases.length > 0);
    for (const c of cases) assert.deepEqual(check(c, call(op, c.input)), [], c.name);
  });
}

test("Node.js: a wtf out of range is a LemniscaatError with code and path", () => {
  const r = call(lem.entitlement, { school_year: "2015-2016", appointments: [{ category: "teacher", wtf: "1.4", start: "2012-08-01", end: null }] });
  const { code, path: at, typed } = r.error ?? {};
  assert.deepEqual({ code, path: at, typed }, { code: "INVALID_WTF", path: "/appointments/0/wtf", typed: true });
});

const BROWSER = "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json", ".css": "text/css" };

test("the browser: bundled by Vite, run in Chromium", { skip: !existsSync(BROWSER) && process.env.CI !== "true" ? "no chromium on this machine (.ci/run installs it)" : false }, async () => {
  execFileSync(process.execPath, [path.join(TOOLS, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"], { cwd: here, stdio: "inherit" });
  const dist = path.join(here, "dist");
  const assets = readdirSync(path.join(dist, "assets"));
  assert.ok(assets.some((f) => f.endsWith(".wasm")), `no .wasm among ${assets}`);
  const server = createServer((req, res) => {
    const file = path.join(dist, req.url === "/" ? "index.html" : decodeURIComponent(req.url.split("?")[0]));
    if (!file.startsWith(dist) || !existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { chromium } = createRequire(path.join(TOOLS, "package.json"))("playwright-core");
  const browser = await chromium.launch({ executablePath: BROWSER, args: FLAGS });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("response", (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForSelector("body[data-ready=true]", { timeout: 30000 });
    const results = await page.evaluate(() => window.lemniscaatResults);
    for (const file of ["entitlement.json", "ledger.json"]) {
      const cases = load(file);
      assert.equal(results[file].length, cases.length, file);
      cases.forEach((c, i) => assert.deepEqual(check(c, results[file][i]), [], `${file}: ${c.name}`));
    }
    assert.match(await page.textContent("#out"), /"hours"/);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.close();
  }
});
