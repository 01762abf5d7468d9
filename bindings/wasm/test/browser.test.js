// The plan page in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core): the
// form, findings at the field they concern, the classifier, the balance, keyboard-only use, the
// language switch, a whole board opened from a file (picker and drag and drop) and a rule-set
// file. A screenshot of each state is kept in target/web-*.png.
import test from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, writeFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { serve } from "./server.js";
import { ROOT } from "./support.js";

const BROWSER = "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const SKIP = !existsSync(BROWSER) && process.env.CI !== "true" ? "no chromium on this machine (.ci/run installs it)" : false;
const SAMPLE = path.join(ROOT, "examples", "voorbeeldstichting.json");
const OUT = path.join(ROOT, "target");

let browser;
let server;
let base;
const errors = [];

async function open() {
  const page = await browser.newPage({ viewport: { width: 1360, height: 1000 }, locale: "nl-NL" });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(`${base}/examples/web/index.html`);
  await page.waitForSelector("body[data-ready=true]");
  return page;
}
const shot = (page, name) => page.screenshot({ path: path.join(OUT, `web-${name}.png`), fullPage: true });

/** The message of a finding at the control `selector`: its element, and the control's ARIA state. */
async function messageAt(page, selector, code) {
  return page.evaluate(
    ([sel, c]) => {
      const control = document.querySelector(sel);
      const holder = control.closest(".field") || control.closest(".checks") || control;
      const msg = holder.querySelector(`.msg[data-code="${c}"]`);
      const described = (control.getAttribute("aria-describedby") || "").split(" ");
      return msg ? { text: msg.textContent, describedBy: described.includes(msg.id), invalid: control.getAttribute("aria-invalid") } : null;
    },
    [selector, code],
  );
}
const waitMessage = (page, selector, code) =>
  page.waitForFunction(
    ([sel, c]) => {
      const control = document.querySelector(sel);
      const holder = control && (control.closest(".field") || control.closest(".checks") || control);
      return !!holder?.querySelector(`.msg[data-code="${c}"]`);
    },
    [selector, code],
  );
const waitNoMessage = (page, code) => page.waitForFunction((c) => !document.querySelector(`#plan-form .msg[data-code="${c}"]`), code);

test("the plan page in Chromium", { skip: SKIP }, async (t) => {
  mkdirSync(OUT, { recursive: true });
  ({ server, base } = await serve());
  browser = await chromium.launch({ executablePath: BROWSER, args: FLAGS });
  t.after(async () => {
    await browser.close();
    server.close();
  });

  await t.test("opens with the entitlement in Dutch formats and no JSON to type", async () => {
    const page = await open();
    assert.equal(await page.textContent("#ent-hours"), "83,00 uur");
    assert.equal(await page.textContent("#ent-money"), "€ 600,00");
    // The balance after the plan's activities (12 h and 16 h with € 450 of 83 h and € 600).
    assert.equal(await page.textContent("#left-hours"), "55,00 uur");
    assert.equal(await page.textContent("#left-money"), "€ 150,00");
    assert.equal(await page.locator("textarea#plan, textarea#appointments").count(), 0);
    assert.match(await page.innerHTML("#mix"), /<svg/);
    assert.match(await page.textContent("#privacy"), /verlaten uw computer niet/);
    // The explanation in words, with the rule it follows; no internal ids.
    const steps = await page.textContent("#explanation");
    assert.match(steps, /CAO VO 2024-2025/);
    assert.doesNotMatch(steps, /policy:|earmarked-basic-skills\//);
    // Every control has a label.
    const unlabelled = await page.evaluate(() => [...document.querySelectorAll("#plan-form input, #plan-form select, #plan-form textarea")].filter((c) => !c.labels?.length && !c.getAttribute("aria-label")).map((c) => c.outerHTML));
    assert.deepEqual(unlabelled, []);
    await shot(page, "plan");
    await page.close();
  });

  await t.test("a finding appears at the field it concerns and goes when fixed", async () => {
    const page = await open();
    const contribution = "#plan-contribution";
    const before = await page.inputValue(contribution);
    assert.equal(await messageAt(page, contribution, "PERSONAL_PLAN_ELEMENT_MISSING"), null);
    await page.fill(contribution, "");
    await waitMessage(page, contribution, "PERSONAL_PLAN_ELEMENT_MISSING");
    const m = await messageAt(page, contribution, "PERSONAL_PLAN_ELEMENT_MISSING");
    assert.ok(m.describedBy, "the control is described by the message");
    assert.equal(m.invalid, "true");
    assert.match(m.text, /Fout/);
    // ... and in the summary, with a way to the field.
    const item = page.locator('#findings li[data-code="PERSONAL_PLAN_ELEMENT_MISSING"]');
    assert.equal(await item.count(), 1);
    await item.locator("button").click();
    assert.equal(await page.evaluate(() => document.activeElement.id), "plan-contribution");
    // A goal without a measure: a warning at the goal's measure.
    const measure = '#goals .row:first-child [data-key="measure"]';
    await page.fill(measure, "");
    await waitMessage(page, measure, "PERSONAL_GOAL_NOT_SMART");
    await shot(page, "finding");
    // Fixed: the messages go, the control is valid again.
    await page.fill(contribution, before);
    await waitNoMessage(page, "PERSONAL_PLAN_ELEMENT_MISSING");
    assert.equal(await page.getAttribute(contribution, "aria-invalid"), null);
    await page.fill(measure, "Zichtbaar bij twee lesbezoeken");
    await waitNoMessage(page, "PERSONAL_GOAL_NOT_SMART");
    // An impossible wtf is refused at the wtf field (the entitlement and the validation agree).
    const wtf = '#appointments .row:first-child [data-key="wtf"]';
    await page.fill(wtf, "1,5");
    await waitMessage(page, wtf, "INVALID_WTF");
    assert.equal(await page.textContent("#ent-hours").catch(() => null), null);
    await page.fill(wtf, "0,8");
    await waitNoMessage(page, "INVALID_WTF");
    await page.waitForFunction(() => document.querySelector("#ent-hours")?.textContent === "66,40 uur");
    await page.close();
  });

  await t.test("keyboard only: add an activity, the classifier proposes its kind, the balance follows", async () => {
    const page = await open();
    // From the top of the page, Tab to the "add activity" button.
    await page.focus("body");
    let reached = false;
    for (let i = 0; i < 200 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => document.activeElement?.id === "add-activity");
    }
    assert.ok(reached, "the add button is reachable with Tab");
    await page.keyboard.press("Enter");
    const row = "#activities .row:last-child";
    assert.equal(await page.evaluate(() => document.activeElement.dataset.key), "name");
    await page.keyboard.type("Intervisie met sectiecollega's");
    await page.waitForFunction((r) => document.querySelector(`${r} [data-key="kind"]`).value !== "", row);
    assert.equal(await page.inputValue(`${row} [data-key="kind"]`), "intervision");
    assert.match(await page.textContent(`${row} .proposal`), /Voorstel/);
    // Tab on to the hours and type far more than the entitlement: refused at this activity's hours.
    await page.keyboard.press("Tab"); // kind
    await page.keyboard.press("Tab"); // hours
    assert.equal(await page.evaluate(() => document.activeElement.dataset.key), "hours");
    await page.keyboard.type("200");
    await waitMessage(page, `${row} [data-key="hours"]`, "INSUFFICIENT_BALANCE");
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Backspace");
    await waitNoMessage(page, "INSUFFICIENT_BALANCE");
    await page.waitForFunction(() => document.querySelector("#left-hours")?.textContent === "53,00 uur");
    // Assigned by the employer without consent: the validation's consent rule is said at the
    // consent box, and the activity is the employer's facility, not a use of the basisrecht.
    await page.keyboard.press("Tab"); // money
    await page.keyboard.press("Tab"); // facilitation
    await page.keyboard.press("Tab"); // assigned
    await page.keyboard.press("Space");
    const consent = `${row} .checks label:nth-child(2) input`;
    const code = "PERSONAL_ACTIVITY_ASSIGNED_WITHOUT_CONSENT";
    await waitMessage(page, consent, code);
    const said = await messageAt(page, consent, code);
    assert.match(said.text, /is opgedragen door de werkgever, maar de werknemer heeft niet ingestemd met de inzet van het basisrecht daarvoor/);
    assert.equal(said.describedBy, true);
    assert.equal(said.invalid, "true");
    assert.equal(await page.locator("#plan-form .msg[data-code=ASSIGNED_WITHOUT_CONSENT]").count(), 0);
    await page.waitForFunction(() => document.querySelector("#left-hours")?.textContent === "55,00 uur");
    await shot(page, "keyboard");
    await page.keyboard.press("Tab"); // consent
    await page.keyboard.press("Space");
    await waitNoMessage(page, code);
    await page.waitForFunction(() => document.querySelector("#left-hours")?.textContent === "53,00 uur");
    // Remove the row with the keyboard: focus stays in the form.
    await page.keyboard.press("Shift+Tab");
    for (let i = 0; i < 8 && !(await page.evaluate(() => document.activeElement.classList.contains("remove"))); i++) await page.keyboard.press("Shift+Tab");
    const rows = await page.locator("#activities .row").count();
    await page.keyboard.press("Enter");
    assert.equal(await page.locator("#activities .row").count(), rows - 1);
    assert.ok(await page.evaluate(() => document.getElementById("plan-form").contains(document.activeElement)));
    await page.close();
  });

  await t.test("English: the page and the core's texts switch together", async () => {
    const page = await open();
    await page.fill("#plan-contribution", "");
    await waitMessage(page, "#plan-contribution", "PERSONAL_PLAN_ELEMENT_MISSING");
    const nl = await page.textContent('#plan-form .msg[data-code="PERSONAL_PLAN_ELEMENT_MISSING"]');
    await page.focus("#lang-en");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector("#ent-hours")?.textContent === "83.00 h");
    assert.equal(await page.textContent("#ent-money"), "EUR 600.00");
    assert.equal(await page.getAttribute("html", "lang"), "en");
    assert.equal(await page.textContent("#tab-board"), "Whole board");
    const en = await page.textContent('#plan-form .msg[data-code="PERSONAL_PLAN_ELEMENT_MISSING"]');
    assert.notEqual(en, nl);
    assert.match(en, /Error/);
    assert.equal(await page.textContent('#appointments .row:first-child [data-key="category"] option[value="teacher"]'), "teacher");
    await shot(page, "english");
    await page.close();
  });

  await t.test("a whole board from a file: findings per school, balances per employee, the lemniscate", async () => {
    const page = await open();
    await page.click("#tab-board");
    assert.equal(await page.isVisible("#view-board"), true);
    await page.setInputFiles("#board-file", SAMPLE);
    await page.waitForSelector("body[data-board=shown]");
    const board = JSON.parse(readFileSync(SAMPLE, "utf8"));
    assert.equal(await page.textContent("#board-title"), board.board.name);
    for (const s of board.schools) assert.ok((await page.textContent("#board")).includes(s.name), s.name);
    assert.equal(await page.locator("#staff tbody tr").count(), board.employees.length);
    // Every figure in Dutch formats: hours with "uur", money with "€" and a decimal comma.
    const first = await page.$$eval("#staff tbody tr:first-child td.num", (tds) => tds.map((td) => td.textContent));
    assert.equal(first[0], "83,00 uur");
    assert.equal(first[1], "€ 600,00");
    assert.match(await page.innerHTML("#board-cycle"), /<svg/);
    assert.ok((await page.locator("#board .findings li.error").count()) > 0);
    await shot(page, "board");
    // Drag and drop of the same file.
    await page.evaluate(() => (document.getElementById("board").innerHTML = "", delete document.body.dataset.board));
    const text = readFileSync(SAMPLE, "utf8");
    await page.evaluate((content) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], "stichting.json", { type: "application/json" }));
      document.getElementById("drop").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, text);
    await page.waitForSelector("body[data-board=shown]");
    assert.equal(await page.locator("#staff tbody tr").count(), board.employees.length);
    // A file that is not a dataset: said on the page, nothing thrown.
    await page.setInputFiles("#board-file", { name: "kapot.json", mimeType: "application/json", buffer: Buffer.from('{"as_of": "2026-13-01"}') });
    await page.waitForFunction(() => document.getElementById("board-error").textContent.length > 0);
    await page.close();
  });

  await t.test("a rule-set file changes the figures; a bad one is refused with its code and path", async () => {
    const page = await open();
    await page.click("#tab-rules");
    const good = path.join(OUT, "web-rules-override.json");
    writeFileSync(
      good,
      JSON.stringify({
        rule_sets: [{ id: "cao-vo-2024-2025", name: "CAO VO 2024-2025 (90 uur)", in_force_from: { value: "2024-10-01", provenance: { confidence: "inferred", source: "lemniscaat" } }, parameters: { teacher_hours: { value: "90", article: "16.4", lid: "1", provenance: { confidence: "inferred", source: "lemniscaat" } } } }],
      }),
    );
    await page.setInputFiles("#rules-file", good);
    await page.waitForFunction(() => document.getElementById("rules-status").textContent.includes("web-rules-override.json"));
    assert.ok((await page.textContent("#rule-sets")).includes("CAO VO 2024-2025 (90 uur)"));
    await page.click("#tab-plan");
    await page.waitForFunction(() => document.querySelector("#ent-hours")?.textContent === "90,00 uur");
    await page.click("#tab-rules");
    await page.setInputFiles("#rules-file", { name: "kapot.json", mimeType: "application/json", buffer: Buffer.from('{"rule_sets":[{"id":"x","bogus":1}]}') });
    await page.waitForFunction(() => document.getElementById("rules-error").textContent.includes("UNKNOWN_FIELD"));
    assert.match(await page.textContent("#rules-error"), /\/rule_sets\/0\/bogus/);
    await shot(page, "rules");
    await page.close();
  });

  await t.test("the plan is saved in the dataset format and opened again", async () => {
    const page = await open();
    await page.fill("#plan-contribution", "Sluit aan bij het schoolthema differentiëren");
    await page.fill('#activities .row:first-child [data-key="hours"]', "14,5");
    await page.check("#activities .row:first-child .checks label:nth-child(1) input");
    await page.check("#activities .row:first-child .checks label:nth-child(2) input");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-plan")]);
    const file = path.join(OUT, "web-export.json");
    await download.saveAs(file);
    const employee = JSON.parse(readFileSync(file, "utf8"));
    // Decimals as strings with a point, whatever was typed; the core reads the employee back.
    assert.equal(employee.personal_plans[0].activities[0].hours, "14.5");
    // Assigned with consent is kept in the plan; the format leaves out what is not ticked.
    assert.equal(employee.personal_plans[0].activities[0].assigned, true);
    assert.equal(employee.personal_plans[0].activities[0].consent, true);
    for (const a of employee.personal_plans[0].activities.slice(1)) assert.ok(!("assigned" in a) && !("consent" in a), JSON.stringify(a));
    const lem = await import("../index.node.js");
    const board = JSON.parse(readFileSync(SAMPLE, "utf8"));
    board.employees[0] = employee;
    const report = lem.validateDataset(board);
    assert.ok(!report.findings.some((f) => f.path.startsWith("/employees/0/personal_plans/0/contribution")));
    assert.ok(!report.findings.some((f) => f.code === "PERSONAL_ACTIVITY_ASSIGNED_WITHOUT_CONSENT"));
    // Without the consent the core finds the assigned activity at its consent.
    delete board.employees[0].personal_plans[0].activities[0].consent;
    const without = lem.validateDataset(board).findings.filter((f) => f.code === "PERSONAL_ACTIVITY_ASSIGNED_WITHOUT_CONSENT");
    assert.deepEqual(without.map((f) => f.path), ["/employees/0/personal_plans/0/activities/0/consent"]);
    // Opened in a fresh page, the form shows it.
    const fresh = await open();
    await fresh.setInputFiles("#import-plan", file);
    await fresh.waitForFunction(() => document.getElementById("plan-contribution").value.startsWith("Sluit aan"));
    assert.equal(await fresh.inputValue('#activities .row:first-child [data-key="hours"]'), "14.5");
    assert.equal(await fresh.isChecked("#activities .row:first-child .checks label:nth-child(1) input"), true);
    assert.equal(await fresh.isChecked("#activities .row:first-child .checks label:nth-child(2) input"), true);
    await page.close();
    await fresh.close();
  });

  await t.test("no errors in the console", () => {
    assert.deepEqual(errors, []);
  });
});
