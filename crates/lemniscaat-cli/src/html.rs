//! The self-contained HTML report: inline CSS and SVG, no network, printable.

use crate::render::{severity_label, yes};
use crate::texts::{cap, fill, tr, trf};
use lemniscaat::cycle::cycle_svg;
use lemniscaat::finding::{Finding, Severity};
use lemniscaat::locale;
use lemniscaat::report::Report;
use lemniscaat::svg::{escape, mix_svg, Lang};
use lemniscaat::validate::ValidationReport;
use rust_decimal::Decimal;

const CSS: &str = r#"
:root { --ink:#1a1a1a; --muted:#55606b; --line:#d5dbe1; --err:#b71c1c; --warn:#8a5a00; --info:#1f4e79; --ok:#1b5e20; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0; background: #f5f7f9; }
main { max-width: 1100px; margin: 0 auto; padding: 24px; background: #fff; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
.sub { color: var(--muted); margin: 0 0 16px; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 12px 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; min-width: 150px; }
.card b { display: block; font-size: 22px; }
.card.err b { color: var(--err); } .card.warn b { color: var(--warn); } .card.info b { color: var(--info); }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 13px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #eef2f5; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.sev { font-weight: 700; text-transform: uppercase; font-size: 11px; letter-spacing: .04em; }
.sev.error { color: var(--err); } .sev.warning { color: var(--warn); } .sev.info { color: var(--info); }
code { font-size: 12px; background: #f1f3f5; padding: 1px 4px; border-radius: 3px; }
.note { color: var(--muted); font-size: 12px; }
.pics { display: flex; flex-wrap: wrap; gap: 16px; }
svg { max-width: 100%; height: auto; }
@media print { body { background: #fff; } main { padding: 0; } h2 { break-after: avoid; } table, svg { break-inside: avoid; } }
"#;

fn pct(d: Decimal, l: Lang) -> String {
    locale::percent(d, 1, l)
}

fn msg(f: &Finding, l: Lang) -> String {
    f.text(l)
}

/// A text of the catalogue as HTML, with its first letter a capital: a column heading.
fn th(l: Lang, key: &'static str) -> String {
    escape(&cap(tr(l, key)))
}

/// A text of the catalogue as HTML.
fn text(l: Lang, key: &'static str) -> String {
    escape(tr(l, key))
}

fn findings(fs: &[Finding], l: Lang) -> String {
    if fs.is_empty() {
        return format!("<p>{}</p>", text(l, "findings.none"));
    }
    let mut o = format!(
        "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        th(l, "col.severity"),
        th(l, "col.finding"),
        th(l, "col.source"),
        th(l, "col.where")
    );
    for f in fs {
        let sev = severity_label(f.severity, l);
        o.push_str(&format!(
            // The place in words; the pointer and the code (for whoever edits the data) on hover.
            "<tr><td><span class=\"sev {}\">{}</span></td><td><b>{}</b><br>{}</td><td>{}</td><td title=\"{} ({})\">{}</td></tr>",
            f.severity.as_str(),
            escape(sev),
            escape(&lemniscaat::message::title(f.code.as_str(), l)),
            escape(&msg(f, l)),
            escape(&f.source.text(l)),
            escape(&f.path),
            f.code.as_str(),
            escape(&crate::render::place(&f.path, l))
        ));
    }
    o.push_str("</tbody></table>");
    o
}

fn page(title: &str, body: &str, l: Lang) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{CSS}</style></head><body><main>{body}</main></body></html>\n",
        if l == Lang::Nl { "nl" } else { "en" },
        escape(title)
    )
}

pub fn findings_page(r: &ValidationReport, l: Lang) -> String {
    let sub = fill(
        &text(l, "html.validation_sub"),
        &[("date", &escape(&locale::date(r.as_of, l))), ("rule_set", &escape(&lemniscaat::message::rule_set_name(&r.rule_set)))],
    );
    let body = format!("<h1>{}</h1><p class=\"sub\">{sub}</p>{}", text(l, "html.validation"), findings(&r.findings, l));
    page(tr(l, "html.validation"), &body, l)
}

pub fn report(r: &Report, l: Lang) -> String {
    let mut b = String::new();
    let sub = fill(
        &text(l, "html.report_sub"),
        &[
            ("date", &escape(&locale::date(r.as_of, l))),
            ("school_year", &r.school_year.to_string()),
            ("rule_set", &format!("<code>{}</code>", escape(&r.rule_set.name))),
        ],
    );
    b.push_str(&format!("<h1>{}</h1><p class=\"sub\">{sub}</p>", escape(&r.board.name)));
    // A card's label in the singular for one.
    let card = |n: usize, one: &'static str, other: &'static str| escape(if n == 1 { one } else { other });
    b.push_str(&format!(
        "<div class=\"cards\"><div class=\"card err\"><b>{}</b>{}</div><div class=\"card warn\"><b>{}</b>{}</div><div class=\"card info\"><b>{}</b>{}</div><div class=\"card\"><b>{}</b>{}</div><div class=\"card\"><b>{}</b>{}</div></div>",
        r.counts.error,
        card(r.counts.error, tr(l, "html.card.error.one"), tr(l, "html.card.error.other")),
        r.counts.warning,
        card(r.counts.warning, tr(l, "html.card.warning.one"), tr(l, "html.card.warning.other")),
        r.counts.info,
        card(r.counts.info, tr(l, "html.card.advice.one"), tr(l, "html.card.advice.other")),
        r.staff.len(),
        card(r.staff.len(), tr(l, "html.card.staff.one"), tr(l, "html.card.staff.other")),
        pct(r.alignment.coverage, l),
        text(l, "html.card.linked")
    ));

    // 1. Rule set.
    let rs = &r.rule_set;
    b.push_str(&format!(
        "<h2>1. {}</h2><p><b>{}</b> — {}</p>",
        text(l, "heading.rule_set"),
        escape(&rs.name),
        escape(&rs.selection.message.render(l))
    ));
    b.push_str(&format!(
        "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        th(l, "col.parameter"),
        th(l, "col.value"),
        th(l, "col.article"),
        th(l, "col.confidence"),
        th(l, "col.source")
    ));
    for p in &rs.parameters {
        b.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(locale::pick(&p.label, l)),
            escape(locale::pick(&p.shown, l)),
            escape(&p.article),
            escape(&locale::certainty(p.confidence, p.article_confidence, l)),
            escape(&p.source)
        ));
    }
    b.push_str("</tbody></table>");
    for i in &rs.information {
        b.push_str(&format!("<p class=\"note\">ℹ {}</p>", escape(if l == Lang::Nl { &i.nl } else { &i.en })));
    }

    // 2. Staff.
    b.push_str(&format!(
        "<h2>2. {}</h2><table><thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th>{}</th></tr></thead><tbody>",
        text(l, "heading.staff"),
        th(l, "col.employee"),
        th(l, "col.school"),
        th(l, "col.granted"),
        th(l, "col.saved_in"),
        th(l, "col.used"),
        th(l, "col.available"),
        th(l, "html.col.expiring"),
        th(l, "html.col.notes")
    ));
    let hm = |h: Decimal, m: Decimal| format!("{}<br>{}", locale::hours(h, l), locale::money(m, l));
    for s in &r.staff {
        let mut notes: Vec<String> = s
            .extra
            .iter()
            .map(|x| format!("+{} {}", locale::hours(x.hours, l), escape(locale::pick(&locale::parameter(&x.bucket), l))))
            .collect();
        if let Some(e) = &s.error {
            notes.push(format!(
                "<span class=\"sev error\">{}</span> {} ({})",
                escape(severity_label(Severity::Error, l)),
                escape(if l == Lang::Nl { &e.message_nl } else { &e.message_en }),
                escape(&e.code)
            ));
        }
        if !s.facility_hours.is_zero() {
            notes.push(escape(&trf(l, "report.employer_pays", &[("hours", &locale::hours(s.facility_hours, l))])));
        }
        b.push_str(&format!(
            "<tr><td>{}<br><span class=\"note\">{} · {}</span></td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            escape(&s.name),
            escape(&s.employee),
            escape(&locale::list(&s.categories.iter().map(|c| locale::category_id(c, l)).collect::<Vec<_>>(), l)),
            escape(s.school.as_deref().unwrap_or("")),
            hm(s.granted_hours, s.granted_money),
            if s.opening_hours.is_zero() && s.opening_money.is_zero() { String::new() } else { hm(s.opening_hours, s.opening_money) },
            hm(s.used_hours, s.used_money),
            hm(s.available_hours, s.available_money),
            if s.expiring_hours.is_zero() && s.expiring_money.is_zero() { String::new() } else { hm(s.expiring_hours, s.expiring_money) },
            notes.join("<br>")
        ));
    }
    b.push_str("</tbody></table>");

    // 3. Findings.
    b.push_str(&format!("<h2>3. {}</h2>", text(l, "heading.findings")));
    b.push_str(&findings(&r.findings, l));

    // 4. Alignment.
    let a = &r.alignment;
    let linked = fill(
        &text(l, "alignment.linked"),
        &[("linked", &format!("<b>{}</b>", a.linked)), ("goals", &a.goals.to_string()), ("share", &pct(a.coverage, l))],
    );
    b.push_str(&format!("<h2>4. {}</h2><p>{linked}</p>", text(l, "heading.alignment")));
    b.push_str(&format!(
        "<table><thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        th(l, "col.theme"),
        th(l, "col.team_goals"),
        th(l, "col.personal_goals"),
        th(l, "col.in_kaders"),
        th(l, "col.in_collective_plan")
    ));
    let yes = |x: bool| escape(yes(x, l));
    for th in &a.themes {
        b.push_str(&format!(
            "<tr><td><code>{}</code> {}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
            escape(&th.theme),
            escape(th.name.as_deref().unwrap_or("")),
            th.team_goals,
            th.personal_goals,
            yes(th.in_kaders),
            yes(th.in_collective_plan)
        ));
    }
    b.push_str("</tbody></table>");
    if !a.bottom_up.is_empty() {
        b.push_str(&format!(
            "<p><b>{}</b>: {}</p>",
            text(l, "alignment.bottom_up"),
            a.bottom_up.iter().map(|x| escape(&x.theme)).collect::<Vec<_>>().join(", ")
        ));
    }

    // 5. Mix.
    b.push_str(&format!("<h2>5. {}</h2><p class=\"note\">{}</p><div class=\"pics\">", text(l, "heading.mix"), text(l, "html.mix_note")));
    for m in &r.mix {
        b.push_str(&format!(
            "<figure><figcaption><b>{}</b></figcaption>{}</figure>",
            escape(&m.name),
            mix_svg(&m.mix.shares, &m.mix.target, l)
        ));
    }
    b.push_str("</div>");

    // 6. Cycle.
    b.push_str(&format!(
        "<h2>6. {}</h2><p>{}. {}: <b>{}</b>.{}</p>",
        text(l, "heading.cycle"),
        escape(&crate::render::period(r, l)),
        text(l, "cycle.complete"),
        yes(r.cycle.complete),
        if r.cycle.next.is_empty() {
            String::new()
        } else {
            format!(" {}: {}.", escape(&cap(tr(l, "cycle.next"))), escape(&crate::render::next_stages(r, l)))
        }
    ));
    b.push_str(&cycle_svg(&r.cycle.stages, l));

    // 7. 10%.
    b.push_str(&format!("<h2>7. {}</h2>", escape(&crate::render::ten_percent_rule(r, l))));
    if r.lumpsum.is_empty() {
        b.push_str(&format!("<p>{}</p>", text(l, "report.no_lumpsum")));
    } else {
        b.push_str(&format!(
            "<table><thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th>{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
            th(l, "col.school"),
            th(l, "html.col.spent"),
            th(l, "col.share"),
            th(l, "col.compliant"),
            th(l, "html.col.shortfall")
        ));
        for x in &r.lumpsum {
            b.push_str(&format!(
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
                escape(&x.name),
                locale::money(x.result.total, l),
                locale::percent(x.result.share, 2, l),
                yes(x.result.compliant),
                locale::money(x.result.shortfall, l)
            ));
        }
        b.push_str(&format!("</tbody></table><p class=\"note\">{}</p>", text(l, "report.time_valuation")));
    }
    b.push_str(&format!("<p class=\"note\">lemniscaat {} · {}</p>", lemniscaat::VERSION, text(l, "html.sources_note")));
    page(&format!("{} — {}", r.board.name, locale::date(r.as_of, l)), &b, l)
}
