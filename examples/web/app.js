// The plan page: everything is computed in the browser by the WebAssembly core, live as you type.
import { init, entitlement, validateDataset, mixSvg, cycleSvg, LemniscaatError } from "../../bindings/wasm/index.web.js";

const T = {
  nl: {
    title: "Persoonlijk professionaliseringsplan",
    intro: "Vul de benoemingen en het plan in of plak ze; basisrecht, bevindingen en 70:20:10 worden direct in de browser berekend (CAO VO artikel 17).",
    input: "Invoer", sy: "Schooljaar", apps: "Benoemingen (JSON)", plan: "Persoonlijk plan (JSON)",
    ent: "Basisrecht", expl: "Uitleg per stap", findings: "Bevindingen", mix: "70:20:10 van dit plan", cycle: "De lemniscaat van de voorbeeldstichting",
    hours: "uur", none: "Geen bevindingen voor dit plan.", json: "Geen geldige JSON in", sev: { error: "fout", warning: "waarschuwing", info: "advies" },
  },
  en: {
    title: "Personal professional development plan",
    intro: "Fill in or paste the appointments and the plan; entitlement, findings and 70:20:10 are computed in the browser as you type (CAO VO article 17).",
    input: "Input", sy: "School year", apps: "Appointments (JSON)", plan: "Personal plan (JSON)",
    ent: "Entitlement", expl: "Explanation, step by step", findings: "Findings", mix: "70:20:10 of this plan", cycle: "The lemniscate of the sample board",
    hours: "hours", none: "No findings for this plan.", json: "Not valid JSON in", sev: { error: "error", warning: "warning", info: "advice" },
  },
};

let lang = "nl";
let board;
const $ = (id) => document.getElementById(id);
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

function citation(src) {
  const parts = [];
  if (src.rule_set) parts.push(src.rule_set);
  if (src.article) parts.push(`art. ${src.article}`);
  if (src.lid) parts.push(`lid ${src.lid}`);
  if (src.kind === "policy") parts.push(`policy:${src.option}=${src.value}`);
  if (src.kind === "interpretation") parts.push(`interpretation:${src.id}`);
  if (src.handreiking) parts.push(`handreiking: ${src.handreiking}`);
  return parts.join(" ");
}

function parse(id) {
  try {
    return JSON.parse($(id).value);
  } catch {
    throw new Error(`${T[lang].json} "${$(`l-${id}`).textContent}"`);
  }
}

function render() {
  const t = T[lang];
  $("input-error").textContent = "";
  let apps, plan;
  try {
    apps = parse("appointments");
    plan = parse("plan");
  } catch (e) {
    $("input-error").textContent = e.message;
    return;
  }
  const schoolYear = $("school-year").value.trim();
  try {
    const e = entitlement({ school_year: schoolYear, appointments: apps, support_extension_plan: !!plan.support_extension });
    const extra = e.extra.map((b) => ` + ${b.hours} ${t.hours} (${esc(lang === "nl" ? b.label.nl : b.label.en)})`).join("");
    $("entitlement").innerHTML = `${e.hours} ${t.hours} · € ${e.money}${extra} <span class="sub">(${esc(e.rule_set)})</span>`;
    $("explanation").innerHTML = e.explanation.steps
      .map((s) => `<tr><td>${esc(s.amount)}</td><td class="num">${s.value ?? ""}</td><td>${esc(lang === "nl" ? s.nl : s.en)}</td><td><code>${esc(citation(s.source))}</code></td></tr>`)
      .join("");
  } catch (err) {
    $("entitlement").textContent = "";
    $("explanation").innerHTML = "";
    $("input-error").textContent = err instanceof LemniscaatError ? `${err.code} ${err.path}: ${lang === "nl" ? err.messageNl : err.messageEn}` : String(err);
  }
  // Validate the plan inside the sample board: this employee replaces the first one.
  try {
    const ds = structuredClone(board);
    const me = ds.employees[0];
    me.appointments = apps;
    me.personal_plans = [plan];
    me.ledger = [];
    const report = validateDataset(ds);
    const mine = report.findings.filter((f) => f.path.startsWith("/employees/0/") || f.path === "/employees/0");
    $("findings").innerHTML = mine.length
      ? mine.map((f) => `<li class="${f.severity}"><span class="sev">${t.sev[f.severity]}</span> <code>${f.code}</code><br>${esc(lang === "nl" ? f.message_nl : f.message_en)}<br><small>${esc(citation(f.source))} · <code>${esc(f.path)}</code></small></li>`).join("")
      : `<li class="info">${t.none}</li>`;
  } catch (err) {
    $("findings").innerHTML = "";
    $("input-error").textContent = err instanceof LemniscaatError ? `${err.code} ${err.path}: ${lang === "nl" ? err.messageNl : err.messageEn}` : String(err);
  }
  try {
    const activities = (plan.activities || []).map((a) => ({ kind: a.kind, text: a.kind ? undefined : a.name, hours: a.hours }));
    $("mix").innerHTML = mixSvg({ activities }, lang);
  } catch {
    $("mix").innerHTML = "";
  }
  $("cycle").innerHTML = cycleSvg({ events: board.cycle_events, as_of: board.as_of }, lang);
}

function setLang(l) {
  lang = l;
  const t = T[l];
  document.documentElement.lang = l;
  $("lang-nl").setAttribute("aria-pressed", String(l === "nl"));
  $("lang-en").setAttribute("aria-pressed", String(l === "en"));
  for (const [id, key] of [["title", "title"], ["intro", "intro"], ["h-input", "input"], ["l-school-year", "sy"], ["l-appointments", "apps"], ["l-plan", "plan"], ["h-entitlement", "ent"], ["s-explanation", "expl"], ["h-findings", "findings"], ["h-mix", "mix"], ["h-cycle", "cycle"]]) {
    $(id).textContent = t[key];
  }
  render();
}

await init();
board = await (await fetch("../voorbeeldstichting.json")).json();
const first = board.employees[0];
$("appointments").value = JSON.stringify(first.appointments, null, 2);
$("plan").value = JSON.stringify(first.personal_plans[0], null, 2);
for (const id of ["appointments", "plan", "school-year"]) $(id).addEventListener("input", render);
$("lang-nl").addEventListener("click", () => setLang("nl"));
$("lang-en").addEventListener("click", () => setLang("en"));
setLang("nl");
document.body.dataset.ready = "true";
