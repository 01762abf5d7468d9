// Times validateDataset on a dataset of EMPLOYEES employees (default 200) inside headless
// Chromium (the page's own WebAssembly build), median of 50 runs after 5 warm-ups.
// Usage: node bench/validate.mjs [EMPLOYEES]
import { chromium } from "playwright-core";
import { serve } from "../test/server.js";

const employees = Number(process.argv[2] || 200);
const { server, base } = await serve();
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage();
  await page.goto(`${base}/examples/web/index.html`);
  await page.waitForSelector("body[data-ready=true]");
  const result = await page.evaluate(async (n) => {
    const lem = await import("/bindings/wasm/index.web.js");
    const board = await (await fetch("/examples/voorbeeldstichting.json")).json();
    const staff = board.employees;
    board.employees = Array.from({ length: n }, (_, k) => ({ ...structuredClone(staff[k % staff.length]), id: `E${k}` }));
    const text = JSON.stringify(board);
    for (let i = 0; i < 5; i++) lem.validateDataset(text);
    const times = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      lem.validateDataset(text);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { median: times[25], p90: times[45], bytes: text.length };
  }, employees);
  console.log(`validateDataset, ${employees} employees (${result.bytes} bytes of JSON): median ${result.median.toFixed(2)} ms, p90 ${result.p90.toFixed(2)} ms`);
} finally {
  await browser.close();
  server.close();
}
