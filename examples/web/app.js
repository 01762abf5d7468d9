// The plan page. Everything is computed in the browser by the WebAssembly core: the entitlement
// and its explanation, the balance after the planned activities, the findings, the 70:20:10
// bar, the lemniscate, and every amount, date and label as a person reads it (`text`). This file
// only moves values between the form and the core's JSON, and places what the core says next to
// the field its JSON Pointer path names.
import { init, call, text, taxonomy, mixSvg, cycleSvg, RuleBook, LemniscaatError } from "../../bindings/wasm/index.web.js";
import { T } from "./i18n.js";

const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
};

const state = {
  lang: "nl",
  book: null, // a RuleBook with overrides, or null for the built-in rule sets
  rulesFile: null,
  board: null, // the dataset the plan is validated in (the sample board until another is opened)
  emp: 0, // index of the employee whose plan is on the form
  plan: 0, // index of the plan on the form in that employee's personal_plans
  kinds: [],
  shownBoard: null,
};
const t = () => T[state.lang];

/** One core operation with the loaded rule set (or the built-in ones). */
const run = (op, input) => (state.book ? state.book.call(op, input) : call(op, input));
/** A text for people from the core, in the page's language. */
const say = (what, value) => text(what, value, state.lang);
const pick = (bilingual) => (bilingual ? bilingual[state.lang] : "");
const errText = (e) => (e instanceof LemniscaatError ? (state.lang === "nl" ? e.messageNl : e.messageEn) : String(e));
const findingText = (f) => (state.lang === "nl" ? f.message_nl : f.message_en);

/** A decimal as typed: Dutch "12,5" is read as the decimal string "12.5" (never a float). */
function decimal(raw) {
  const s = raw.trim();
  if (s === "") return null;
  return /^[+-]?\d*,\d*$/.test(s) ? s.replace(",", ".") : s;
}

// ---------------------------------------------------------------------------------------------
// The form: rows for appointments, activities and goals.

let uid = 0;
const nextId = (prefix) => `${prefix}-${++uid}`;

/** A labelled control in a `.field`; `path` is its JSON Pointer inside the employee. */
function field(labelKey, control, path, hintKey) {
  const id = control.id || (control.id = nextId("f"));
  control.dataset.path = path;
  const label = el("label", { for: id, "data-t": labelKey, text: t()[labelKey] });
  const wrap = el("div", { class: "field" }, label, control);
  if (hintKey) {
    const hint = el("p", { class: "hint", id: `${id}-hint`, "data-t": hintKey, text: t()[hintKey] });
    wrap.append(hint);
    control.dataset.describedby = hint.id;
    control.setAttribute("aria-describedby", hint.id);
  }
  return wrap;
}

function check(labelKey, checked, path) {
  const box = el("input", { type: "checkbox", id: nextId("c") });
  box.checked = !!checked;
  box.dataset.path = path;
  return el("label", { class: "check" }, box, " ", el("span", { "data-t": labelKey, text: t()[labelKey] }));
}

function rowShell(kindKey, i, path, onRemove) {
  const headingId = nextId("h");
  const heading = el("h4", { id: headingId, class: "row-title" }, el("span", { "data-t": kindKey, text: t()[kindKey] }), ` ${i + 1}`);
  const remove = el("button", { type: "button", class: "remove", "data-t-remove": kindKey, "aria-label": t().removeWhat(`${t()[kindKey]} ${i + 1}`), onclick: onRemove }, "×");
  const row = el("div", { class: "row", role: "group", "aria-labelledby": headingId }, el("div", { class: "row-head" }, heading, remove));
  row.dataset.path = path;
  row.dataset.index = String(i);
  return row;
}

const CATEGORIES = ["teacher", "support", "management"];
const STATUSES = ["draft", "submitted", "returned", "agreed", "active", "completed", "superseded"];

function appointmentRow(a, i) {
  const p = `/appointments/${i}`;
  const row = rowShell("appointment", i, p, () => removeRow("appointments", i));
  const cat = el("select", { "data-key": "category" }, ...CATEGORIES.map((c) => el("option", { value: c, "data-label": `category:${c}`, text: say("category", c) })));
  cat.value = a.category || "teacher";
  const wtf = el("input", { "data-key": "wtf", inputmode: "decimal", autocomplete: "off", value: a.wtf ?? "" });
  const start = el("input", { type: "date", "data-key": "start", value: a.start ?? "" });
  const end = el("input", { type: "date", "data-key": "end", value: a.end ?? "" });
  row.append(
    el("div", { class: "grid4" }, field("category", cat, `${p}/category`), field("wtf", wtf, `${p}/wtf`, "wtfHint"), field("start", start, `${p}/start`), field("end", end, `${p}/end`, "endHint")),
  );
  return row;
}

function kindSelect(value) {
  const sel = el("select", { "data-key": "kind" }, el("option", { value: "", "data-t": "kindNone", text: t().kindNone }));
  for (const bucket of ["experience", "social", "formal"]) {
    const group = el("optgroup", { label: say("bucket", bucket), "data-label": `bucket:${bucket}` });
    for (const k of state.kinds.filter((k) => k.bucket === bucket)) group.append(el("option", { value: k.id, "data-label": `kind:${k.id}`, text: pick(k.label) }));
    sel.append(group);
  }
  sel.value = value || "";
  return sel;
}

function activityRow(a, i) {
  const p = `/personal_plans/${state.plan}/activities/${i}`;
  const row = rowShell("activity", i, p, () => removeRow("activities", i));
  const name = el("input", { "data-key": "name", autocomplete: "off", value: a.name ?? "" });
  const kind = kindSelect(a.kind);
  kind.dataset.auto = a.kind ? "0" : "1";
  const proposal = el("p", { class: "proposal", "aria-live": "polite" });
  const hours = el("input", { "data-key": "hours", inputmode: "decimal", autocomplete: "off", value: a.hours ?? "" });
  const money = el("input", { "data-key": "money", inputmode: "decimal", autocomplete: "off", value: a.money ?? "" });
  const fac = el("input", { "data-key": "facilitation", autocomplete: "off", value: a.facilitation ?? "" });
  const nameField = field("actName", name, `${p}/name`);
  nameField.append(proposal);
  name.dataset.describedby = (proposal.id = nextId("p"));
  name.setAttribute("aria-describedby", proposal.id);
  const assigned = check("assigned", a.assigned, `${p}/assigned`);
  const consent = check("consent", a.consent, `${p}/consent`);
  row.append(
    el("div", { class: "grid2" }, nameField, field("kind", kind, `${p}/kind`)),
    el("div", { class: "grid3" }, field("hours", hours, `${p}/hours`), field("money", money, `${p}/money`), field("facilitation", fac, `${p}/facilitation`)),
    el("div", { class: "checks" }, assigned, consent),
  );
  if (a.id) row.dataset.id = a.id;
  name.addEventListener("input", () => propose(row));
  kind.addEventListener("change", () => {
    kind.dataset.auto = "0";
    propose(row);
  });
  return row;
}

/** The classifier's proposal for an activity's name, as it is typed. */
function propose(row) {
  const name = row.querySelector('[data-key="name"]');
  const kind = row.querySelector('[data-key="kind"]');
  const out = row.querySelector(".proposal");
  out.replaceChildren();
  if (!name.value.trim()) return;
  let c;
  try {
    c = run("classify", { text: name.value });
  } catch {
    return;
  }
  if (!c.kind) {
    out.textContent = t().noProposal;
    return;
  }
  if (kind.dataset.auto === "1") kind.value = c.kind;
  const label = `${say("kind", c.kind)} · ${say("bucket", c.bucket)}`;
  out.append(el("span", { "data-t": "proposal", text: t().proposal }), " ", el("strong", { text: label }));
  if (kind.value !== c.kind) {
    out.append(
      " ",
      el("button", {
        type: "button",
        class: "link",
        text: t().adopt,
        "aria-label": `${t().adopt}: ${label}`,
        onclick: () => {
          kind.value = c.kind;
          kind.dataset.auto = "0";
          propose(row);
          schedule();
          kind.focus();
        },
      }),
    );
  }
}

/** The team goals and school themes a goal can link to, from the dataset. */
function linkTargets() {
  const ds = state.board;
  const me = ds.employees[state.emp] || {};
  const sy = $("school-year").value.trim();
  const goals = [];
  for (const team of ds.teams || []) {
    if (team.id !== me.team) continue;
    for (const plan of team.plans || []) {
      if (plan.school_year && plan.school_year !== sy) continue;
      for (const g of plan.goals || []) goals.push({ id: g.id, name: g.description || g.id, key: "teamGoal" });
    }
  }
  const themes = new Map();
  for (const k of ds.kaders || []) for (const th of k.themes || []) themes.set(th.id, th.name);
  for (const cp of ds.collective_plans || []) {
    if (cp.school !== me.school) continue;
    for (const th of cp.themes || []) if (!themes.has(th.theme)) themes.set(th.theme, th.name || th.theme);
  }
  return [...goals, ...[...themes].map(([id, name]) => ({ id, name, key: "theme" }))];
}

function goalRow(g, i) {
  const p = `/personal_plans/${state.plan}/goals/${i}`;
  const row = rowShell("goal", i, p, () => removeRow("goals", i));
  const desc = el("input", { "data-key": "description", autocomplete: "off", value: g.description ?? "" });
  const measure = el("input", { "data-key": "measure", autocomplete: "off", value: g.measure ?? "" });
  const deadline = el("input", { type: "date", "data-key": "deadline", value: g.deadline ?? "" });
  const legendId = nextId("l");
  const links = el("fieldset", { class: "links", "aria-labelledby": legendId }, el("legend", { id: legendId, "data-t": "links", text: t().links }));
  links.dataset.path = `${p}/links`;
  links.dataset.key = "links";
  const targets = linkTargets();
  const chosen = new Set(g.links || []);
  for (const target of [...targets, ...[...chosen].filter((id) => !targets.some((x) => x.id === id)).map((id) => ({ id, name: id, key: null }))]) {
    const box = el("input", { type: "checkbox", value: target.id, id: nextId("k") });
    box.checked = chosen.has(target.id);
    links.append(el("label", { class: "check", for: box.id }, box, " ", target.key ? el("span", { class: "tag", "data-t": target.key, text: t()[target.key] }) : "", " ", `${target.name} (${target.id})`));
  }
  row.append(field("goalDesc", desc, `${p}/description`), el("div", { class: "grid2" }, field("measure", measure, `${p}/measure`), field("deadline", deadline, `${p}/deadline`)), links);
  if (g.id) row.dataset.id = g.id;
  return row;
}

// ---------------------------------------------------------------------------------------------
// Form ⇄ dataset

const planFields = () => [...$("fs-plan").querySelectorAll("[data-key]")];

function fillForm() {
  const me = state.board.employees[state.emp];
  const plan = me.personal_plans?.[state.plan] ?? { id: `PP-${me.id}`, status: "draft", activities: [], goals: [] };
  $("fs-plan").dataset.path = `/personal_plans/${state.plan} /personal_plans`;
  $("fs-activities").dataset.path = `/personal_plans/${state.plan}/activities`;
  $("fs-goals").dataset.path = `/personal_plans/${state.plan}/goals`;
  for (const c of planFields()) {
    c.dataset.path = `/personal_plans/${state.plan}/${c.dataset.key}`;
    const v = plan[c.dataset.key];
    if (c.type === "checkbox") c.checked = !!v;
    else c.value = v ?? "";
  }
  $("appointments").replaceChildren(...(me.appointments || []).map(appointmentRow));
  $("activities").replaceChildren(...(plan.activities || []).map(activityRow));
  $("goals").replaceChildren(...(plan.goals || []).map(goalRow));
  for (const row of $("activities").children) propose(row);
}

const val = (row, key) => row.querySelector(`[data-key="${key}"]`);
const str = (c) => (c.value.trim() === "" ? null : c.value.trim());

/** The form as the dataset's employee. */
function readForm() {
  const base = state.board.employees[state.emp];
  const appointments = [...$("appointments").children].map((r) => ({
    category: val(r, "category").value,
    wtf: decimal(val(r, "wtf").value) ?? "",
    start: val(r, "start").value,
    end: str(val(r, "end")),
  }));
  const activities = [...$("activities").children].map((r) => {
    const a = { kind: str(val(r, "kind")), name: val(r, "name").value, hours: decimal(val(r, "hours").value), money: decimal(val(r, "money").value), facilitation: val(r, "facilitation").value };
    if (r.dataset.id) a.id = r.dataset.id;
    // Assigned by the employer, and the employee's consent to charging the basisrecht: written
    // only when ticked, as the format leaves them out when false.
    const [assigned, consent] = r.querySelectorAll(".checks input");
    if (assigned.checked) a.assigned = true;
    if (consent.checked) a.consent = true;
    return a;
  });
  const goals = [...$("goals").children].map((r, i) => ({
    id: r.dataset.id || `PG${i + 1}`,
    description: val(r, "description").value,
    links: [...r.querySelectorAll(".links input:checked")].map((b) => b.value),
    measure: str(val(r, "measure")),
    deadline: str(val(r, "deadline")),
  }));
  const old = base.personal_plans?.[state.plan] ?? {};
  const plan = { ...old };
  for (const c of planFields()) {
    const k = c.dataset.key;
    if (c.type === "checkbox") plan[k] = c.checked;
    else plan[k] = k === "contribution" || k === "id" || k === "status" ? c.value : str(c);
  }
  plan.activities = activities;
  plan.goals = goals;
  const personal_plans = [...(base.personal_plans || [])];
  personal_plans[state.plan] = plan;
  return { employee: { ...base, appointments, personal_plans } };
}

// ---------------------------------------------------------------------------------------------
// Live results

let pending = false;
function schedule() {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    compute();
  });
}

/** Every message the core gave for the plan: { severity, code, path (inside the employee), text, source, title }. */
function compute() {
  const L = t();
  const { employee } = readForm();
  const sy = $("school-year").value.trim();
  const notes = [];
  const prefix = `/employees/${state.emp}`;
  const addError = (e, path) => notes.push({ severity: "error", code: e.code, path, text: errText(e), source: null });

  // The entitlement with its explanation.
  let ent = null;
  const plan = employee.personal_plans[state.plan];
  try {
    ent = run("entitlement", { school_year: sy, appointments: employee.appointments, support_extension_plan: !!plan.support_extension });
  } catch (e) {
    if (!(e instanceof LemniscaatError)) throw e;
    addError(e, e.path);
  }
  renderEntitlement(ent);

  // The balance after the planned activities: each activity with hours or money is planned use
  // of the basisrecht (a reservation). One assigned without the employee's consent is not: it is
  // the employer's facility (17.7), and the validation below says so at its consent box.
  renderBalance(ent ? balance(employee, plan, sy, notes) : null);

  // Validation of the plan inside the dataset: this employee as the form has them.
  const ds = { ...state.board, employees: state.board.employees.map((x, i) => (i === state.emp ? employee : x)) };
  try {
    const report = run("validate", ds);
    for (const f of report.findings) {
      if (f.path !== prefix && !f.path.startsWith(`${prefix}/`)) continue;
      notes.push({ severity: f.severity, code: f.code, path: f.path.slice(prefix.length), text: findingText(f), source: f.source });
    }
  } catch (e) {
    if (!(e instanceof LemniscaatError)) throw e;
    addError(e, e.path.startsWith(prefix) ? e.path.slice(prefix.length) : e.path);
  }

  // The 70:20:10 bar of the plan's activities.
  const mixActivities = plan.activities.filter((a) => a.hours).map((a) => (a.kind ? { kind: a.kind, hours: a.hours } : { text: a.name || "-", hours: a.hours }));
  try {
    $("mix").innerHTML = mixActivities.length ? mixSvg({ activities: mixActivities }, state.lang) : "";
    if (!mixActivities.length) $("mix").append(el("p", { class: "hint", text: L.mixEmpty }));
    const svg = $("mix").querySelector("svg");
    if (svg) svg.setAttribute("role", "img");
  } catch (e) {
    $("mix").replaceChildren(el("p", { class: "hint", text: errText(e) }));
  }

  // Same message twice (the entitlement and the validation both refuse a wtf): once.
  const seen = new Set();
  const unique = notes.filter((n) => {
    const k = `${n.code}|${n.path}|${n.text}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
  placeFindings(unique);
}

function balance(employee, plan, sy, notes) {
  const events = [];
  const rows = [];
  const date = `${sy.slice(0, 4)}-08-01`; // the first day of the school year
  plan.activities.forEach((a, i) => {
    if (!a.hours && !a.money) return;
    const name = a.name || `${t().activity} ${i + 1}`;
    const type = a.assigned && !a.consent ? "facility" : "reservation";
    events.push({ type, date, hours: a.hours ?? "0", money: a.money ?? "0", activity: name });
    rows.push(i);
  });
  // The core refuses the whole sequence at the first event it cannot take; say that at its
  // activity and ask again without it, so that every such activity is named and a balance shown.
  for (let tries = 0; tries <= events.length; tries++) {
    try {
      return run("ledger", { appointments: employee.appointments, events, school_years: [sy], as_of: date });
    } catch (e) {
      if (!(e instanceof LemniscaatError)) throw e;
      const m = /^\/events\/(\d+)(\/.*)?$/.exec(e.path);
      if (!m) return null;
      const k = Number(m[1]);
      const i = rows[k];
      const key = m[2] ? m[2].slice(1) : e.typed?.args?.hours === false ? "money" : "hours";
      notes.push({ severity: "error", code: e.code, path: `/personal_plans/${state.plan}/activities/${i}/${key}`, text: errText(e), source: null });
      events.splice(k, 1);
      rows.splice(k, 1);
    }
  }
  return null;
}

function renderEntitlement(e) {
  const box = $("entitlement");
  box.replaceChildren();
  const tbody = $("explanation").tBodies[0];
  tbody.replaceChildren();
  if (!e) {
    box.append(el("p", { class: "big muted", text: "—" }));
    return;
  }
  box.append(
    el("p", { class: "big" }, el("span", { class: "amount", id: "ent-hours", text: say("hours", e.hours) }), el("span", { class: "sep", "aria-hidden": "true", text: " · " }), el("span", { class: "amount", id: "ent-money", text: say("money", e.money) })),
    el("p", { class: "muted", text: say("source", { rule_set: e.rule_set }) }),
  );
  for (const b of e.extra || []) box.append(el("p", { class: "extra", text: pick(b.label) }));
  for (const w of e.warnings || []) box.append(el("p", { class: "note", text: findingText(w) }));
  // The steps grouped by the amount they compute: hours, money, then each extra bucket's.
  const L = t();
  const groupName = (amount) => {
    const [bucket, unit] = amount.includes("/") ? amount.split("/") : [null, amount];
    const what = unit === "hours" ? L.stepsHours : unit === "money" ? L.stepsMoney : "";
    if (!bucket) return what;
    return `${pick((e.extra || []).find((b) => b.bucket === bucket)?.label) || bucket} (${what.toLowerCase()})`;
  };
  let group = null;
  for (const s of e.explanation?.steps || []) {
    if (s.amount && s.amount !== group) {
      group = s.amount;
      tbody.append(el("tr", { class: "group" }, el("th", { colspan: "2", scope: "colgroup", text: groupName(group) })));
    }
    const value = s.value == null ? "" : s.unit === "hours" ? say("hours", s.value) : s.unit === "eur" ? say("money", s.value) : say("number", s.value);
    let src = "";
    try {
      src = say("source", s.source);
    } catch {
      src = "";
    }
    tbody.append(el("tr", {}, el("td", {}, el("span", { text: pick(s) }), src ? el("small", { class: "src", text: src }) : ""), el("td", { class: "num", text: value })));
  }
}

function renderBalance(ledger) {
  const box = $("balance");
  box.replaceChildren();
  if (!ledger) {
    box.append(el("p", { class: "muted", text: t().leftUnknown }));
    return;
  }
  const free = ledger.free_to_plan;
  box.append(el("p", { class: "big" }, el("span", { class: "amount", id: "left-hours", text: say("hours", free.hours) }), el("span", { class: "sep", "aria-hidden": "true", text: " · " }), el("span", { class: "amount", id: "left-money", text: say("money", free.money) })));
}

// ---------------------------------------------------------------------------------------------
// Findings at their fields

function clearMessages() {
  for (const m of document.querySelectorAll("#plan-form .msg")) m.remove();
  for (const c of document.querySelectorAll("#plan-form [aria-invalid]")) c.removeAttribute("aria-invalid");
  for (const c of document.querySelectorAll("#plan-form [data-path]")) {
    if (c.dataset.describedby) c.setAttribute("aria-describedby", c.dataset.describedby);
    else c.removeAttribute("aria-describedby");
    c.classList.remove("has-error", "has-warning", "has-info");
  }
}

/** The form control (or group) whose path is the longest prefix of `path`. */
function target(path) {
  let best = null;
  let len = -1;
  for (const c of document.querySelectorAll("#plan-form [data-path]")) {
    for (const p of c.dataset.path.split(" ")) {
      if (p === "" && path !== "") continue;
      if ((path === p || path.startsWith(`${p}/`)) && p.length > len) {
        best = c;
        len = p.length;
      }
    }
  }
  return best;
}

const RANK = { error: 0, warning: 1, info: 2 };

/** What the findings were last placed as: the same notes at the same controls are left in place. */
let placed = { key: null, targets: [] };

function placeFindings(notes) {
  const L = t();
  notes.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  // A recomputation that finds what is already shown changes nothing on the page: re-creating
  // the summary would take away a button between the press and the release of a click (a blur
  // recomputes), and a screen reader would hear the list again.
  const targets = notes.map((n) => target(n.path));
  const key = JSON.stringify([document.documentElement.lang, notes.map((n) => [n.severity, n.code, n.path, n.text, n.source])]);
  if (key === placed.key && targets.every((c, i) => c === placed.targets[i])) return;
  placed = { key, targets };
  clearMessages();
  const list = $("findings");
  list.replaceChildren();
  for (const [i, n] of notes.entries()) {
    const c = targets[i];
    const id = nextId("msg");
    const msg = el("p", { class: `msg ${n.severity}`, id, "data-code": n.code }, el("span", { class: "badge", text: L.sev[n.severity] }), " ", n.text);
    if (c) {
      const isControl = /^(INPUT|SELECT|TEXTAREA)$/.test(c.tagName);
      if (isControl) {
        const holder = c.closest(".field") || c.closest("label")?.parentElement || c.parentElement;
        holder.append(msg);
      } else {
        const head = c.querySelector(":scope > .row-head, :scope > legend");
        if (head) head.after(msg);
        else c.prepend(msg);
      }
      c.setAttribute("aria-describedby", [c.dataset.describedby, id].filter(Boolean).join(" "));
      if (n.severity !== "info") c.setAttribute("aria-invalid", "true");
      c.classList.add(`has-${n.severity}`);
    }
    const item = el(
      "li",
      { class: n.severity, "data-code": n.code, "data-path": n.path },
      el("span", { class: "badge", text: L.sev[n.severity] }),
      el("p", { text: n.text }),
    );
    if (n.source) {
      try {
        const s = say("source", n.source);
        if (s) item.append(el("small", { class: "src", text: s }));
      } catch {
        /* a source the core cannot read back: the message says enough */
      }
    }
    if (c) {
      const focusable = /^(INPUT|SELECT|TEXTAREA)$/.test(c.tagName) ? c : c.querySelector("input, select, textarea, button");
      item.append(el("button", { type: "button", class: "link", text: L.toField, onclick: () => focusable?.focus() }));
    } else {
      item.append(el("small", { class: "src", text: L.elsewhere }));
    }
    list.append(item);
  }
  if (!notes.length) list.append(el("li", { class: "ok", text: L.noFindings }));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const n of notes) counts[n.severity]++;
  $("finding-count").textContent = notes.length ? `(${L.counts(counts.error, counts.warning, counts.info)})` : "";
}

// ---------------------------------------------------------------------------------------------
// Add / remove rows, employee choice, import and export

function removeRow(kind, i) {
  const { employee } = readForm();
  const plan = employee.personal_plans[state.plan];
  if (kind === "appointments") employee.appointments.splice(i, 1);
  if (kind === "activities") plan.activities.splice(i, 1);
  if (kind === "goals") plan.goals.splice(i, 1);
  reload(employee);
  const rows = $(kind).children;
  const add = { appointments: "add-appointment", activities: "add-activity", goals: "add-goal" }[kind];
  (rows[Math.min(i, rows.length - 1)]?.querySelector("input, select") || $(add)).focus();
}

function reload(employee) {
  state.board.employees[state.emp] = employee;
  fillForm();
  schedule();
}

function addRow(kind) {
  const { employee } = readForm();
  const plan = employee.personal_plans[state.plan];
  if (kind === "appointments") employee.appointments.push({ category: "teacher", wtf: "", start: "", end: null });
  if (kind === "activities") plan.activities.push({ name: "", kind: null, hours: null, money: null, facilitation: "" });
  if (kind === "goals") plan.goals.push({ id: `PG${plan.goals.length + 1}`, description: "", links: [], measure: null, deadline: null });
  reload(employee);
  $(kind).lastElementChild.querySelector("input, select").focus();
}

function chooseEmployee() {
  const sel = $("employee");
  sel.replaceChildren(...state.board.employees.map((e, i) => el("option", { value: String(i), text: e.name ? `${e.name} (${e.id})` : e.id })));
  sel.value = String(state.emp);
}

/** The employee with the plan as the form has it, in the dataset format (an activity's
 * `assigned` and `consent` included). */
function exportPlan() {
  const { employee } = readForm();
  const plan = employee.personal_plans[state.plan];
  const blob = new Blob([`${JSON.stringify(employee, null, 2)}\n`], { type: "application/json" });
  const a = el("a", { href: URL.createObjectURL(blob), download: `${employee.id}-${plan.id || "plan"}.json` });
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(a.href);
}

async function importPlan(file) {
  const L = t();
  try {
    const data = JSON.parse(await file.text());
    const employee = data.employees ? data.employees[0] : data.personal_plans || data.appointments ? data : data.status ? { ...state.board.employees[state.emp], personal_plans: [data] } : null;
    if (!employee) throw new Error(L.notAnEmployee);
    const at = state.board.employees.findIndex((e) => e.id === employee.id);
    if (at >= 0) state.emp = at;
    else {
      state.board.employees.push(employee);
      state.emp = state.board.employees.length - 1;
    }
    state.plan = 0;
    chooseEmployee();
    reload(employee);
    $("io-status").textContent = L.imported(file.name);
  } catch (e) {
    $("io-status").textContent = e instanceof SyntaxError ? L.fileError : errText(e);
  }
}

// ---------------------------------------------------------------------------------------------
// The whole board

async function readDataset(file) {
  try {
    return JSON.parse(await file.text());
  } catch {
    throw new Error(t().fileError);
  }
}

function showBoard(ds) {
  const L = t();
  const out = $("board");
  $("board-error").textContent = "";
  out.replaceChildren();
  let report;
  try {
    report = run("validate", ds);
  } catch (e) {
    $("board-error").textContent = errText(e) + (e.path ? ` (${e.path})` : "");
    return;
  }
  state.shownBoard = ds;
  const sy = report.school_year;
  const schools = new Map((ds.schools || []).map((s) => [s.id, s.name || s.id]));
  const teams = new Map((ds.teams || []).map((x) => [x.id, x.school]));
  // Which school a finding concerns: the school of the element its path starts at.
  const schoolOf = (path) => {
    const [, coll, i] = path.split("/");
    const item = ds[coll]?.[Number(i)];
    if (!item) return null;
    return item.school ?? (item.team ? teams.get(item.team) : null) ?? (coll === "teams" ? item.school : null) ?? null;
  };
  const counts = report.counts;
  out.append(
    el("div", { class: "card board-head" }, el("h2", { id: "board-title", text: ds.board?.name || L.board }), el("p", { class: "muted", text: `${L.schoolYear} ${sy} · ${L.asOf} ${say("date", report.as_of)} · ${say("source", { rule_set: report.rule_set })}` }), el("p", { class: "counts", text: L.counts(counts.error, counts.warning, counts.info) })),
  );
  // Findings per school.
  const groups = new Map();
  for (const f of report.findings) {
    const s = schoolOf(f.path);
    const key = s ?? "";
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(f);
  }
  const sec = el("section", { class: "card", "aria-labelledby": "h-per-school" }, el("h3", { id: "h-per-school", text: L.perSchool }));
  const order = ["", ...schools.keys(), ...[...groups.keys()].filter((k) => k && !schools.has(k))];
  for (const key of order) {
    const list = groups.get(key);
    if (!list) continue;
    list.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
    const headId = nextId("s");
    const c = { error: 0, warning: 0, info: 0 };
    for (const f of list) c[f.severity]++;
    sec.append(
      el(
        "section",
        { class: "school", "aria-labelledby": headId },
        el("h4", { id: headId }, key ? schools.get(key) || key : L.board, el("span", { class: "count", text: ` (${L.counts(c.error, c.warning, c.info)})` })),
        el(
          "ul",
          { class: "findings" },
          ...list.map((f) => {
            const item = el("li", { class: f.severity, "data-code": f.code }, el("span", { class: "badge", text: L.sev[f.severity] }), el("p", { text: findingText(f) }));
            try {
              item.append(el("small", { class: "src", text: say("source", f.source) }));
            } catch {
              /* the message says enough */
            }
            return item;
          }),
        ),
      ),
    );
  }
  out.append(sec);

  // Entitlement and balance per employee.
  const findingsOf = new Map();
  for (const f of report.findings) {
    const m = /^\/employees\/(\d+)/.exec(f.path);
    if (m) findingsOf.set(Number(m[1]), (findingsOf.get(Number(m[1])) || 0) + 1);
  }
  const tbody = el("tbody");
  ds.employees.forEach((emp, i) => {
    let ent = null;
    let led = null;
    try {
      ent = run("entitlement", { school_year: sy, appointments: emp.appointments || [] });
      led = run("ledger", { appointments: emp.appointments || [], events: emp.ledger || [], school_years: [sy], as_of: report.as_of });
    } catch {
      /* shown as not computed */
    }
    const statement = led?.statements?.find((s) => s.bucket === "basisrecht");
    const cell = (v, kind) => el("td", { class: "num", text: v == null ? L.notComputed : say(kind, v) });
    tbody.append(
      el(
        "tr",
        {},
        el("th", { scope: "row", text: emp.name || emp.id }),
        el("td", { text: schools.get(emp.school) || emp.school || "" }),
        el("td", { text: [...new Set((emp.appointments || []).map((a) => say("category", a.category)))].join(", ") }),
        cell(ent?.hours, "hours"),
        cell(ent?.money, "money"),
        cell(statement?.hours.used, "hours"),
        cell(led?.free_to_plan.hours, "hours"),
        cell(led?.free_to_plan.money, "money"),
        el("td", { class: "num", text: String(findingsOf.get(i) || 0) }),
      ),
    );
  });
  const th = (k, num) => el("th", { scope: "col", class: num ? "num" : null, text: L[k] });
  out.append(
    el(
      "section",
      { class: "card", "aria-labelledby": "h-staff" },
      el("h3", { id: "h-staff", text: `${L.staff} (${ds.employees.length})` }),
      el(
        "div",
        { class: "scroll", tabindex: "0", role: "region", "aria-labelledby": "h-staff" },
        el("table", { class: "table", id: "staff" }, el("thead", {}, el("tr", {}, th("name"), th("school"), th("category"), el("th", { scope: "col", class: "num", text: `${L.basisrecht} (${L.hours.toLowerCase()})` }), el("th", { scope: "col", class: "num", text: `${L.basisrecht} (€)` }), th("used", true), el("th", { scope: "col", class: "num", text: `${L.freeToPlan} (${L.hours.toLowerCase()})` }), el("th", { scope: "col", class: "num", text: `${L.freeToPlan} (€)` }), th("nFindings", true))), tbody),
      ),
    ),
  );
  // The lemniscate.
  const pic = el("div", { class: "picture", id: "board-cycle" });
  try {
    pic.innerHTML = cycleSvg({ events: ds.cycle_events || [], as_of: report.as_of }, state.lang);
    pic.querySelector("svg")?.setAttribute("role", "img");
  } catch (e) {
    pic.textContent = errText(e);
  }
  out.append(el("section", { class: "card", "aria-labelledby": "h-cycle" }, el("h3", { id: "h-cycle", text: L.lemniscate }), pic));
  document.body.dataset.board = "shown";
}

async function openBoardFile(file) {
  try {
    const ds = await readDataset(file);
    showBoard(ds);
  } catch (e) {
    $("board-error").textContent = errText(e);
  }
}

// ---------------------------------------------------------------------------------------------
// Rule sets

function showRuleSets() {
  const L = t();
  const sets = state.book ? state.book.ruleSets() : run("rule_sets");
  const tbody = $("rule-sets").tBodies[0];
  tbody.replaceChildren(
    ...sets.map((rs) =>
      el("tr", {}, el("th", { scope: "row", text: rs.name }), el("td", { text: say("date", rs.in_force_from.value) }), el("td", { class: "num", text: say("hours", rs.parameters.teacher_hours.value) }), el("td", { class: "num", text: say("money", rs.parameters.teacher_money.value) })),
    ),
  );
  $("rules-status").textContent = state.book ? L.rulesLoaded(state.rulesFile) : L.rulesBuiltin;
}

async function loadRules(file) {
  const L = t();
  $("rules-error").replaceChildren();
  try {
    const content = await file.text();
    state.book = RuleBook.withOverrides(content);
    state.rulesFile = file.name;
  } catch (e) {
    const parts = [el("strong", { text: L.rulesRefused }), " ", errText(e)];
    if (e.code) parts.push(" ", el("code", { text: `${e.code}${e.path ? ` ${L.at} ${e.path}` : ""}` }));
    $("rules-error").replaceChildren(el("p", {}, ...parts));
  }
  showRuleSets();
  schedule();
  if (state.shownBoard) showBoard(state.shownBoard);
}

// ---------------------------------------------------------------------------------------------
// Language, tabs, start

function applyLanguage() {
  const L = t();
  document.documentElement.lang = state.lang;
  for (const e of document.querySelectorAll("[data-t]")) e.textContent = L[e.dataset.t];
  for (const e of document.querySelectorAll("[data-t-aria]")) e.setAttribute("aria-label", L[e.dataset.tAria]);
  for (const e of document.querySelectorAll("[data-label]")) {
    const [what, id] = e.dataset.label.split(":");
    const label = what === "kind" ? pick(state.kinds.find((k) => k.id === id)?.label) : say(what, id);
    if (e.tagName === "OPTGROUP") e.label = label;
    else e.textContent = label;
  }
  for (const e of document.querySelectorAll("[data-t-remove]")) {
    const row = e.closest(".row");
    e.setAttribute("aria-label", L.removeWhat(`${L[e.dataset.tRemove]} ${Number(row.dataset.index) + 1}`));
  }
  document.title = `${L.formHeading} — lemniscaat`;
  $("lang-nl").setAttribute("aria-pressed", String(state.lang === "nl"));
  $("lang-en").setAttribute("aria-pressed", String(state.lang === "en"));
  for (const row of $("activities").children) propose(row);
  showRuleSets();
  schedule();
  if (state.shownBoard) showBoard(state.shownBoard);
}

function selectTab(tab) {
  for (const b of document.querySelectorAll('[role="tab"]')) {
    const on = b === tab;
    b.setAttribute("aria-selected", String(on));
    b.tabIndex = on ? 0 : -1;
    $(b.getAttribute("aria-controls")).hidden = !on;
  }
}

function wire() {
  const form = $("plan-form");
  form.addEventListener("input", (e) => {
    if (e.target.closest(".links") || e.target.dataset.key || e.target.id === "school-year" || e.target.type === "checkbox") schedule();
  });
  form.addEventListener("change", schedule);
  form.addEventListener("submit", (e) => e.preventDefault());
  $("school-year").addEventListener("change", () => {
    // the team goals to link to are those of the school year
    const { employee } = readForm();
    reload(employee);
  });
  $("employee").addEventListener("change", () => {
    state.emp = Number($("employee").value);
    state.plan = 0;
    fillForm();
    schedule();
  });
  $("add-appointment").addEventListener("click", () => addRow("appointments"));
  $("add-activity").addEventListener("click", () => addRow("activities"));
  $("add-goal").addEventListener("click", () => addRow("goals"));
  $("export-plan").addEventListener("click", exportPlan);
  $("import-plan").addEventListener("change", (e) => e.target.files[0] && importPlan(e.target.files[0]));
  $("lang-nl").addEventListener("click", () => ((state.lang = "nl"), applyLanguage()));
  $("lang-en").addEventListener("click", () => ((state.lang = "en"), applyLanguage()));
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  for (const tab of tabs) {
    tab.addEventListener("click", () => selectTab(tab));
    tab.addEventListener("keydown", (e) => {
      const i = tabs.indexOf(tab);
      const to = e.key === "ArrowRight" ? tabs[(i + 1) % tabs.length] : e.key === "ArrowLeft" ? tabs[(i + tabs.length - 1) % tabs.length] : e.key === "Home" ? tabs[0] : e.key === "End" ? tabs[tabs.length - 1] : null;
      if (to) {
        e.preventDefault();
        selectTab(to);
        to.focus();
      }
    });
  }
  $("board-file").addEventListener("change", (e) => e.target.files[0] && openBoardFile(e.target.files[0]));
  $("board-sample").addEventListener("click", async () => showBoard(await (await fetch("../voorbeeldstichting.json")).json()));
  const drop = $("drop");
  drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    const f = e.dataTransfer?.files?.[0];
    if (f) openBoardFile(f);
  });
  $("rules-file").addEventListener("change", (e) => e.target.files[0] && loadRules(e.target.files[0]));
  $("rules-reset").addEventListener("click", () => {
    state.book = null;
    state.rulesFile = null;
    $("rules-error").replaceChildren();
    $("rules-file").value = "";
    showRuleSets();
    schedule();
    if (state.shownBoard) showBoard(state.shownBoard);
  });
}

await init();
state.kinds = taxonomy();
// The plan is validated inside the sample board (its kaders, teams and collective plans), with
// the first employee's plan on the form; the page fetches it from the same folder, nothing else.
state.board = await (await fetch("../voorbeeldstichting.json")).json();
$("school-year").value = "2026-2027";
$("school-year").dataset.path = "/school_year";
const statusSel = $("plan-status");
statusSel.replaceChildren(...STATUSES.map((s) => el("option", { value: s, "data-label": `status:${s}`, text: say("status", s) })));
chooseEmployee();
fillForm();
wire();
applyLanguage();
compute();
document.body.dataset.ready = "true";
