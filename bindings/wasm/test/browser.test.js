// The plan page in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core):
// load it, make the plan invalid, see the finding appear, make it valid, see it go.
import test from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { serve } from "./server.js";
import { ROOT } from "./support.js";

const BROWSER = "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

test("the plan page validates live in the browser", { skip: !existsSync(BROWSER) && process.env.CI !== "true" ? "no chromium on this machine (.ci/run installs it)" : false }, async () => {
  const { server, base } = await serve();
  const browser = await chromium.launch({ executablePath: BROWSER, args: FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(`${base}/examples/web/index.html`);
    await page.waitForSelector("body[data-ready=true]");
    assert.match(await page.textContent("#entitlement"), /83\.00 uur/);
    assert.match(await page.innerHTML("#cycle"), /<svg/);
    const codes = async () => (await page.$$eval("#findings code", (els) => els.map((e) => e.textContent)));
    assert.ok(!(await codes()).includes("PERSONAL_PLAN_ELEMENT_MISSING"));

    // Invalid: no contribution (element b of 17.3 lid 2). Typed through the keyboard.
    const plan = JSON.parse(await page.inputValue("#plan"));
    const original = JSON.stringify(plan, null, 2);
    plan.contribution = "";
    await page.fill("#plan", JSON.stringify(plan, null, 2));
    await page.focus("#plan");
    await page.keyboard.press("End");
    await page.waitForFunction(() => document.querySelector("#findings").textContent.includes("PERSONAL_PLAN_ELEMENT_MISSING"));
    mkdirSync(path.join(ROOT, "target"), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, "target", "web-invalid.png"), fullPage: true });

    // Valid again: the finding goes.
    await page.fill("#plan", original);
    await page.waitForFunction(() => !document.querySelector("#findings").textContent.includes("PERSONAL_PLAN_ELEMENT_MISSING"));

    // English, by keyboard.
    await page.focus("#lang-en");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector("#entitlement").textContent.includes("hours"));
    await page.screenshot({ path: path.join(ROOT, "target", "web-page.png"), fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.close();
  }
});
