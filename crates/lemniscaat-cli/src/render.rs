//! Plain-text tables and CSV.

use crate::texts::{heads, tr, trf};
use crate::Format;
use lemniscaat::finding::{Finding, Severity};
use lemniscaat::learning::Bucket;
use lemniscaat::locale;
use lemniscaat::report::Report;
use lemniscaat::svg::Lang;
use lemniscaat::{Error, RuleBook};
use rust_decimal::Decimal;

/// A table of text cells, rendered aligned or as CSV.
pub struct Table {
    head: Vec<String>,
    rows: Vec<Vec<String>>,
    right: Vec<bool>,
}

impl Table {
    pub fn new(head: Vec<String>) -> Table {
        let right = vec![false; head.len()];
        Table { head, rows: vec![], right }
    }

    /// Right-aligns the columns whose index is given (numbers).
    pub fn numeric(mut self, cols: &[usize]) -> Table {
        for &c in cols {
            if c < self.right.len() {
                self.right[c] = true;
            }
        }
        self
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn render(&self) -> String {
        let n = self.head.len();
        let mut w = vec![0usize; n];
        for r in std::iter::once(&self.head).chain(self.rows.iter()) {
            for (i, c) in r.iter().enumerate().take(n) {
                w[i] = w[i].max(c.chars().count());
            }
        }
        let line = |r: &Vec<String>| {
            let mut s = String::new();
            for (i, width) in w.iter().enumerate() {
                let c = r.get(i).map(String::as_str).unwrap_or("");
                let pad = width.saturating_sub(c.chars().count());
                if i > 0 {
                    s.push_str("  ");
                }
                if self.right[i] {
                    s.push_str(&" ".repeat(pad));
                    s.push_str(c);
                } else {
                    s.push_str(c);
                    if i + 1 < n {
                        s.push_str(&" ".repeat(pad));
                    }
                }
            }
            s.trim_end().to_string()
        };
        let mut out = line(&self.head);
        out.push('\n');
        out.push_str(&w.iter().map(|x| "-".repeat(*x)).collect::<Vec<_>>().join("  "));
        out.push('\n');
        for r in &self.rows {
            out.push_str(&line(r));
            out.push('\n');
        }
        out
    }

    pub fn csv(&self) -> String {
        let mut out = String::new();
        for r in std::iter::once(&self.head).chain(self.rows.iter()) {
            out.push_str(&r.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(","));
            out.push('\n');
        }
        out
    }
}

pub fn csv_cell(c: &str) -> String {
    if c.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", c.replace('"', "\"\""))
    } else {
        c.to_string()
    }
}

pub fn bucket_label(b: Bucket, l: Lang) -> String {
    let x = b.label();
    if l == Lang::Nl {
        x.nl
    } else {
        x.en
    }
}

pub fn severity_label(s: Severity, l: Lang) -> &'static str {
    match s {
        Severity::Error => tr(l, "severity.error"),
        Severity::Warning => tr(l, "severity.warning"),
        Severity::Info => tr(l, "severity.info"),
    }
}

fn msg(f: &Finding, l: Lang) -> String {
    f.text(l)
}

/// What a JSON Pointer of the dataset concerns, in words: `/employees/3/personal_plans/0/agreed_on`
/// is "medewerker 4 › persoonlijk plan 1 › vastgesteld op" (the pointer itself stays in JSON and
/// CSV, for a program).
pub fn place(path: &str, l: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    for seg in path.split('/').skip(1) {
        let seg = seg.replace("~1", "/").replace("~0", "~");
        match (seg.parse::<usize>(), parts.last_mut()) {
            (Ok(n), Some(last)) => *last = format!("{last} {}", n + 1),
            _ => parts.push(crate::texts::field(l, &seg)),
        }
    }
    if parts.is_empty() {
        return tr(l, "findings.whole").to_string();
    }
    parts.join(" › ")
}

/// The findings by severity, each with its title, message, source and what it concerns; with
/// `codes` (the `validate` command, which a program may read) also its code and JSON Pointer.
pub fn findings_table(findings: &[Finding], l: Lang, codes: bool) -> String {
    let mut out = String::new();
    for sev in [Severity::Error, Severity::Warning, Severity::Info] {
        let of: Vec<&Finding> = findings.iter().filter(|f| f.severity == sev).collect();
        if of.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{} ({})\n", severity_label(sev, l).to_uppercase(), of.len()));
        for f in of {
            let args = [("source", f.source.text(l)), ("place", place(&f.path, l))];
            let technical = if codes { format!("   [{} {}]", f.code.as_str(), f.path) } else { String::new() };
            out.push_str(&format!(
                "  {}: {}\n      {}{technical}\n",
                lemniscaat::message::title(f.code.as_str(), l),
                msg(f, l),
                trf(l, "findings.where", &args.each_ref().map(|(k, v)| (*k, v.as_str())))
            ));
        }
    }
    if out.is_empty() {
        out.push_str(tr(l, "findings.none"));
        out.push('\n');
    }
    out
}

pub fn findings_csv(findings: &[Finding]) -> String {
    let mut tb = Table::new(["code", "severity", "source", "path", "message_nl", "message_en", "data"].map(String::from).to_vec());
    for f in findings {
        tb.row(vec![
            f.code.as_str().into(),
            f.severity.as_str().into(),
            f.source.citation(),
            f.path.clone(),
            f.message_nl(),
            f.message_en(),
            lemniscaat::json::to_string(&f.data),
        ]);
    }
    tb.csv()
}

fn heading(s: &str) -> String {
    format!("\n{}\n{}\n", s, "=".repeat(s.chars().count()))
}

/// The staff table of the report.
pub fn staff_table(r: &Report, l: Lang) -> Table {
    let mut tb = Table::new(heads(
        l,
        &[
            "col.employee",
            "col.school",
            "col.category",
            "col.granted_hours",
            "col.granted_money",
            "col.saved_in",
            "col.used_hours",
            "col.used_money",
            "col.available_hours",
            "col.available_money",
            "col.expiring",
            "col.note",
        ],
    ))
    .numeric(&[3, 4, 6, 7, 8, 9]);
    // Amounts with two decimals in every row (used hours come as given: 22, 450).
    let n = |d: Decimal| locale::amount(d, l);
    for s in &r.staff {
        let mut note: Vec<String> =
            s.extra.iter().map(|b| format!("+{} {}", locale::hours(b.hours, l), locale::pick(&locale::parameter(&b.bucket), l))).collect();
        if let Some(e) = &s.error {
            note.push(format!("{} ({})", if l == Lang::Nl { &e.message_nl } else { &e.message_en }, e.code));
        }
        if !s.facility_hours.is_zero() {
            note.push(trf(l, "report.employer_pays", &[("hours", &locale::hours(s.facility_hours, l))]));
        }
        let both = |h: Decimal, m: Decimal| {
            if h.is_zero() && m.is_zero() {
                String::new()
            } else {
                format!("{} / {}", locale::hours(h, l), locale::money(m, l))
            }
        };
        let (saved, expiring) = (both(s.opening_hours, s.opening_money), both(s.expiring_hours, s.expiring_money));
        tb.row(vec![
            format!("{} {}", s.employee, s.name),
            s.school.clone().unwrap_or_default(),
            locale::list(&s.categories.iter().map(|c| locale::category_id(c, l)).collect::<Vec<_>>(), l),
            n(s.granted_hours),
            n(s.granted_money),
            saved,
            n(s.used_hours),
            n(s.used_money),
            n(s.available_hours),
            n(s.available_money),
            expiring,
            note.join("; "),
        ]);
    }
    tb
}

pub fn report_table(r: &Report, l: Lang) -> String {
    let mut o = String::new();
    let title = trf(l, "report.title", &[("date", &locale::date(r.as_of, l)), ("school_year", &r.school_year.to_string())]);
    o.push_str(&format!("{} — {title}\n", r.board.name));
    o.push_str(&format!("{}: {}\n", tr(l, "heading.findings"), crate::counts(&r.counts, l)));

    o.push_str(&heading(&format!("1. {}", tr(l, "heading.rule_set"))));
    let rs = &r.rule_set;
    o.push_str(&format!("{} — {}\n", rs.name, rs.selection.message.render(l)));
    let mut tb = Table::new(heads(l, &["col.parameter", "col.value", "col.article", "col.confidence", "col.source"]));
    for p in &rs.parameters {
        tb.row(vec![
            locale::pick(&p.label, l).into(),
            locale::pick(&p.shown, l).into(),
            p.article.clone(),
            locale::certainty(p.confidence, p.article_confidence, l),
            p.source.clone(),
        ]);
    }
    o.push_str(&tb.render());
    for i in &rs.information {
        o.push_str(&format!("  i  {}\n", if l == Lang::Nl { &i.nl } else { &i.en }));
    }

    o.push_str(&heading(&format!("2. {}", tr(l, "heading.staff"))));
    o.push_str(&staff_table(r, l).render());

    o.push_str(&heading(&format!("3. {}", tr(l, "heading.findings"))));
    o.push_str(&findings_table(&r.findings, l, false));

    o.push_str(&heading(&format!("4. {}", tr(l, "heading.alignment"))));
    let a = &r.alignment;
    o.push_str(&linked(r, &a.linked.to_string(), l));
    o.push('\n');
    let mut tb = Table::new(heads(l, &["col.theme", "col.team_goals", "col.personal_goals", "col.in_kaders", "col.in_collective_plan"]))
        .numeric(&[1, 2]);
    for th in &a.themes {
        tb.row(vec![
            format!("{} {}", th.theme, th.name.clone().unwrap_or_default()),
            th.team_goals.to_string(),
            th.personal_goals.to_string(),
            yes(th.in_kaders, l).into(),
            yes(th.in_collective_plan, l).into(),
        ]);
    }
    o.push_str(&tb.render());
    if !a.bottom_up.is_empty() {
        o.push_str(&format!(
            "{}: {}\n",
            tr(l, "alignment.bottom_up"),
            a.bottom_up.iter().map(|b| b.theme.clone()).collect::<Vec<_>>().join(", ")
        ));
    }
    for orphan in &a.orphans {
        let at = place(&orphan.path, l);
        let args = [("goal", orphan.goal.as_str()), ("owner", orphan.owner.as_str()), ("place", at.as_str())];
        o.push_str(&format!("  {}\n", trf(l, "alignment.orphan", &args)));
    }

    o.push_str(&heading(&format!("5. {}", tr(l, "heading.mix_advice"))));
    let mut tb = Table::new(vec![
        tr(l, "col.school").into(),
        bucket_label(Bucket::Experience, l),
        bucket_label(Bucket::Social, l),
        bucket_label(Bucket::Formal, l),
        bucket_label(Bucket::Unknown, l),
        tr(l, "col.hours").into(),
    ])
    .numeric(&[1, 2, 3, 4, 5]);
    for m in &r.mix {
        let s = &m.mix.shares;
        let pct = |d: Decimal| locale::percent(d, 1, l);
        tb.row(vec![m.name.clone(), pct(s.experience), pct(s.social), pct(s.formal), pct(s.unknown), locale::number(m.mix.total, l)]);
    }
    o.push_str(&tb.render());

    o.push_str(&heading(&format!("6. {}", tr(l, "heading.cycle"))));
    o.push_str(&period(r, l));
    o.push('\n');
    // The preparation is off the ring: listed when attended, never as missing (domain.md 8).
    let shown = r
        .cycle
        .stages
        .iter()
        .filter(|(s, st)| *s != lemniscaat::cycle::Stage::Preparation || *st != lemniscaat::cycle::StageStatus::Missing);
    for (stage, status) in shown {
        o.push_str(&format!("  {:<55} {}\n", locale::stage(stage.as_str(), l), stage_status(*status, l)));
    }
    o.push_str(&format!("{}: {}", tr(l, "cycle.complete"), yes(r.cycle.complete, l)));
    if !r.cycle.next.is_empty() {
        o.push_str(&format!("; {}: {}", tr(l, "cycle.next"), next_stages(r, l)));
    }
    o.push('\n');
    for p in &r.cycle.participation {
        let with = trf(l, "cycle.participation", &[("stage", &locale::stage(p.stage.as_str(), l)), ("body", &locale::body(&p.required))]);
        o.push_str(&format!("  {with}: {}\n", yes(p.present, l)));
    }

    o.push_str(&heading(&format!("7. {}", ten_percent_rule(r, l))));
    let mut tb =
        Table::new(heads(l, &["col.school", "col.cao", "col.spent", "col.share", "col.compliant", "col.shortfall"])).numeric(&[2, 3, 5]);
    for x in &r.lumpsum {
        tb.row(vec![
            x.name.clone(),
            lemniscaat::message::rule_set_name(&x.result.rule_set),
            locale::amount(x.result.total, l),
            locale::percent(x.result.share, 2, l),
            yes(x.result.compliant, l).into(),
            locale::amount(x.result.shortfall, l),
        ]);
    }
    if tb.is_empty() {
        o.push_str(tr(l, "report.no_lumpsum"));
    } else {
        o.push_str(&tb.render());
        o.push_str(tr(l, "report.time_valuation"));
    }
    o.push('\n');
    o
}

/// `ja` or `nee`.
pub fn yes(b: bool, l: Lang) -> &'static str {
    if b {
        tr(l, "word.yes")
    } else {
        tr(l, "word.no")
    }
}

/// The goals linked to a school theme: `Doelen gekoppeld aan een schoolthema: 34 van 35 (97,1%)`,
/// with the number linked as given (bold in HTML).
pub fn linked(r: &Report, linked: &str, l: Lang) -> String {
    let a = &r.alignment;
    let args = [("linked", linked), ("goals", &a.goals.to_string()), ("share", &locale::percent(a.coverage, 1, l))];
    trf(l, "alignment.linked", &args)
}

/// The window of the cycle: `Periode 2 december 2025 tot en met 1 december 2026`.
pub fn period(r: &Report, l: Lang) -> String {
    trf(l, "cycle.period", &[("start", &locale::date(r.cycle.window_start, l)), ("end", &locale::date(r.cycle.as_of, l))])
}

/// The parts of the cycle suggested next, as a list in prose.
pub fn next_stages(r: &Report, l: Lang) -> String {
    locale::list(&r.cycle.next.iter().map(|s| locale::stage(s.as_str(), l)).collect::<Vec<_>>(), l)
}

/// How far a part of the cycle is: `afgerond`, `in uitvoering`, `ontbreekt`.
fn stage_status(s: lemniscaat::cycle::StageStatus, l: Lang) -> &'static str {
    use lemniscaat::cycle::StageStatus as S;
    match s {
        S::Attended => tr(l, "stage.done"),
        S::InProgress => tr(l, "stage.in_progress"),
        S::Missing => tr(l, "stage.missing"),
    }
}

/// The heading of the 10% rule, with the article of the rule set in force.
pub fn ten_percent_rule(r: &Report, l: Lang) -> String {
    let name = tr(l, "heading.ten_percent");
    match r.rule_set.parameters.iter().find(|p| p.name == "collective_min_share").filter(|p| !p.article.is_empty()) {
        None => name.to_string(),
        Some(p) if p.article_confidence == lemniscaat::rules::Confidence::Inferred => {
            trf(l, "ten_percent.article_inferred", &[("rule", name), ("article", &p.article)])
        }
        Some(p) => trf(l, "ten_percent.article", &[("rule", name), ("article", &p.article)]),
    }
}

pub fn report_csv(r: &Report) -> String {
    let mut tb = Table::new(
        [
            "employee",
            "name",
            "school",
            "categories",
            "granted_hours",
            "granted_money",
            "opening_hours",
            "opening_money",
            "used_hours",
            "used_money",
            "available_hours",
            "available_money",
            "expiring_hours",
            "expiring_money",
            "error_code",
        ]
        .map(String::from)
        .to_vec(),
    );
    for s in &r.staff {
        tb.row(vec![
            s.employee.clone(),
            s.name.clone(),
            s.school.clone().unwrap_or_default(),
            s.categories.join("+"),
            s.granted_hours.to_string(),
            s.granted_money.to_string(),
            s.opening_hours.to_string(),
            s.opening_money.to_string(),
            s.used_hours.to_string(),
            s.used_money.to_string(),
            s.available_hours.to_string(),
            s.available_money.to_string(),
            s.expiring_hours.to_string(),
            s.expiring_money.to_string(),
            s.error.as_ref().map(|e| e.code.clone()).unwrap_or_default(),
        ]);
    }
    tb.csv()
}

/// The rule sets with their sources, or one rule set in full. A table is in `l`'s words and
/// formats; CSV keeps ids, ISO dates and decimal points.
pub fn rules(book: &RuleBook, id: Option<&str>, format: Format, l: Lang) -> Result<String, Error> {
    let csv = format == Format::Csv;
    if let Some(id) = id {
        let rs = book.require(id)?;
        return Ok(match format {
            Format::Json => lemniscaat::json::to_string_pretty(rs) + "\n",
            _ => {
                let from = if csv { rs.in_force_from.value.to_string() } else { locale::date(rs.in_force_from.value, l) };
                let mut o =
                    format!("{} — {}\n{}: {from}\n{}\n\n", rs.id, rs.name, tr(l, "col.in_force_from"), locale::pick(&rs.summary, l));
                let sel = book.describe(rs, lemniscaat::SchoolYear::containing(rs.in_force_from.value), lemniscaat::rules::Choice::Pinned);
                let s = lemniscaat::report::summary_of(book, rs, sel);
                let mut tb =
                    Table::new(heads(l, &["col.parameter", "col.value", "col.article", "col.confidence", "col.source", "col.url"]));
                for p in &s.parameters {
                    let (name, value, confidence) = if csv {
                        let confidence = if p.article_confidence == p.confidence {
                            p.confidence.as_str().into()
                        } else {
                            format!("{}; article {}", p.confidence.as_str(), p.article_confidence.as_str())
                        };
                        (p.name.clone(), p.value.clone(), confidence)
                    } else {
                        (
                            locale::pick(&p.label, l).to_string(),
                            locale::pick(&p.shown, l).to_string(),
                            locale::certainty(p.confidence, p.article_confidence, l),
                        )
                    };
                    tb.row(vec![name, value, p.article.clone(), confidence, p.source.clone(), p.url.clone().unwrap_or_default()]);
                }
                o.push_str(&if csv { tb.csv() } else { tb.render() });
                o.push_str(&format!("\nsha256: {}\n", rs.hash));
                o
            }
        });
    }
    Ok(match format {
        Format::Json => lemniscaat::json::to_string_pretty(book.rule_sets()) + "\n",
        _ => {
            let mut tb = Table::new(heads(l, &["col.rule_set", "col.in_force_from", "col.teacher", "col.support", "col.summary"]));
            for rs in book.rule_sets() {
                let p = &rs.parameters;
                let both = |h: Decimal, m: Decimal| {
                    if csv {
                        format!("{h} u / EUR {m}")
                    } else {
                        format!("{} / {}", locale::hours(h, l), locale::money(m, l))
                    }
                };
                tb.row(vec![
                    rs.id.to_string(),
                    if csv { rs.in_force_from.value.to_string() } else { locale::date(rs.in_force_from.value, l) },
                    both(p.teacher_hours.value, p.teacher_money.value),
                    both(p.support_hours.value, p.support_money.value),
                    locale::pick(&rs.summary, l).to_string(),
                ]);
            }
            if csv {
                tb.csv()
            } else {
                let mut o = tb.render();
                o.push_str(&format!("\n{}:\n", tr(l, "rules.sources")));
                for s in book.sources() {
                    // The publisher and, when known, the date of publication in words.
                    let date =
                        s.date.as_deref().filter(|d| !d.is_empty()).map(|d| {
                            chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").map_or_else(|_| d.to_string(), |d| locale::date(d, l))
                        });
                    let by = date.map_or_else(|| s.publisher.clone(), |d| format!("{}, {d}", s.publisher));
                    let line = format!("  {:<28} {} ({by}) {}", s.id, s.title, s.url.clone().unwrap_or_default());
                    o.push_str(line.trim_end());
                    o.push('\n');
                }
                o
            }
        }
    })
}

#[cfg(test)]
mod place_tests {
    use super::*;

    #[test]
    fn a_pointer_reads_as_the_parts_of_the_dataset_in_words() {
        assert_eq!(place("/employees/3/personal_plans/0/agreed_on", Lang::Nl), "medewerker 4 › persoonlijk plan 1 › vastgesteld op");
        assert_eq!(place("/employees/3/personal_plans/0/agreed_on", Lang::En), "employee 4 › personal plan 1 › agreed on");
        assert_eq!(place("", Lang::Nl), "de hele dataset");
        // A name without a label stays as it is, escapes undone.
        assert_eq!(place("/teams/0/a~1b", Lang::Nl), "team 1 › a/b");
    }
}
