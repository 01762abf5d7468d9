//! Plain-text tables and CSV.

use crate::{t, Format};
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

pub fn severity_label(s: Severity, l: Lang) -> String {
    match s {
        Severity::Error => t(l, "error", "fout"),
        Severity::Warning => t(l, "warning", "waarschuwing"),
        Severity::Info => t(l, "advice", "advies"),
    }
}

fn msg(f: &Finding, l: Lang) -> String {
    f.text(l)
}

pub fn findings_table(findings: &[Finding], l: Lang) -> String {
    let mut out = String::new();
    for sev in [Severity::Error, Severity::Warning, Severity::Info] {
        let of: Vec<&Finding> = findings.iter().filter(|f| f.severity == sev).collect();
        if of.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{} ({})\n", severity_label(sev, l).to_uppercase(), of.len()));
        for f in of {
            out.push_str(&format!(
                "  {}: {}\n      {}: {}   {}: {} ({})\n",
                lemniscaat::message::title(f.code.as_str(), l),
                msg(f, l),
                t(l, "source", "bron"),
                f.source.text(l),
                t(l, "reference", "verwijzing"),
                f.path,
                f.code.as_str()
            ));
        }
    }
    if out.is_empty() {
        out.push_str(&t(l, "No findings.\n", "Geen bevindingen.\n"));
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
    let mut tb = Table::new(vec![
        t(l, "employee", "medewerker"),
        t(l, "school", "school"),
        t(l, "category", "categorie"),
        t(l, "granted h", "toegekend u"),
        t(l, "granted EUR", "toegekend EUR"),
        t(l, "saved in", "gespaard"),
        t(l, "used h", "gebruikt u"),
        t(l, "used EUR", "gebruikt EUR"),
        t(l, "available h", "beschikbaar u"),
        t(l, "available EUR", "beschikbaar EUR"),
        t(l, "lapses <90d", "vervalt <90d"),
        t(l, "note", "opmerking"),
    ])
    .numeric(&[3, 4, 6, 7, 8, 9]);
    // Amounts with two decimals in every row (used hours come as given: 22, 450).
    let n = |d: Decimal| locale::amount(d, l);
    for s in &r.staff {
        let mut note: Vec<String> =
            s.extra.iter().map(|b| format!("+{} {}", locale::hours(b.hours, l), locale::pick(&locale::parameter(&b.bucket), l))).collect();
        if let Some(e) = &s.error {
            note.push(format!("{}: {}", e.code, if l == Lang::Nl { &e.message_nl } else { &e.message_en }));
        }
        if !s.facility_hours.is_zero() {
            note.push(format!("{} {}", t(l, "employer pays", "werkgever betaalt"), locale::hours(s.facility_hours, l)));
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
            s.categories.iter().map(|c| locale::category_id(c, l)).collect::<Vec<_>>().join(t(l, " and ", " en ").as_str()),
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
    o.push_str(&format!(
        "{} — {} {} ({} {})\n",
        r.board.name,
        t(l, "professionalisation report as of", "professionaliseringsrapport per"),
        locale::date(r.as_of, l),
        t(l, "school year", "schooljaar"),
        r.school_year
    ));
    o.push_str(&format!(
        "{}: {} {}, {} {}, {} {}\n",
        t(l, "Findings", "Bevindingen"),
        r.counts.error,
        t(l, "errors", "fouten"),
        r.counts.warning,
        t(l, "warnings", "waarschuwingen"),
        r.counts.info,
        t(l, "advice", "adviezen")
    ));

    o.push_str(&heading(&t(l, "1. The CAO in force", "1. Geldende cao")));
    let rs = &r.rule_set;
    o.push_str(&format!("{} — {}\n", rs.name, rs.selection.message.render(l)));
    let mut tb = Table::new(vec![
        t(l, "parameter", "parameter"),
        t(l, "value", "waarde"),
        t(l, "article", "artikel"),
        t(l, "confidence", "zekerheid"),
        t(l, "source", "bron"),
    ]);
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

    o.push_str(&heading(&t(l, "2. Entitlement and balance per employee", "2. Basisrecht en saldo per medewerker")));
    o.push_str(&staff_table(r, l).render());

    o.push_str(&heading(&t(l, "3. Findings", "3. Bevindingen")));
    o.push_str(&findings_table(&r.findings, l));

    o.push_str(&heading(&t(l, "4. Alignment and rode draden", "4. Samenhang en rode draden")));
    let a = &r.alignment;
    o.push_str(&format!(
        "{}: {} {} {} ({})\n",
        t(l, "Goals linked to a school theme", "Doelen gekoppeld aan een schoolthema"),
        a.linked,
        t(l, "of", "van"),
        a.goals,
        locale::percent(a.coverage, 1, l)
    ));
    let mut tb = Table::new(vec![
        t(l, "theme", "thema"),
        t(l, "team goals", "teamdoelen"),
        t(l, "personal goals", "persoonlijke doelen"),
        t(l, "in kaders", "in kaders"),
        t(l, "in collective plan", "in collectief plan"),
    ])
    .numeric(&[1, 2]);
    let yes = |b: bool| if b { t(l, "yes", "ja") } else { t(l, "no", "nee") };
    for th in &a.themes {
        tb.row(vec![
            format!("{} {}", th.theme, th.name.clone().unwrap_or_default()),
            th.team_goals.to_string(),
            th.personal_goals.to_string(),
            yes(th.in_kaders),
            yes(th.in_collective_plan),
        ]);
    }
    o.push_str(&tb.render());
    if !a.bottom_up.is_empty() {
        o.push_str(&format!(
            "{}: {}\n",
            t(l, "Bottom-up themes for the next cycle", "Thema's van onderop voor de volgende cyclus"),
            a.bottom_up.iter().map(|b| b.theme.clone()).collect::<Vec<_>>().join(", ")
        ));
    }
    for orphan in &a.orphans {
        o.push_str(&format!(
            "  {}: {} ({})   {}: {}\n",
            t(l, "goal linked to nothing", "niet-gekoppeld doel"),
            orphan.goal,
            orphan.owner,
            t(l, "path", "pad"),
            orphan.path
        ));
    }

    o.push_str(&heading(&t(l, "5. 70:20:10 per school (advice, not a rule)", "5. 70:20:10 per school (advies, geen norm)")));
    let mut tb = Table::new(vec![
        t(l, "school", "school"),
        bucket_label(Bucket::Experience, l),
        bucket_label(Bucket::Social, l),
        bucket_label(Bucket::Formal, l),
        bucket_label(Bucket::Unknown, l),
        t(l, "hours", "uren"),
    ])
    .numeric(&[1, 2, 3, 4, 5]);
    for m in &r.mix {
        let s = &m.mix.shares;
        let pct = |d: Decimal| locale::percent(d, 1, l);
        tb.row(vec![m.name.clone(), pct(s.experience), pct(s.social), pct(s.formal), pct(s.unknown), locale::number(m.mix.total, l)]);
    }
    o.push_str(&tb.render());

    o.push_str(&heading(&t(l, "6. The lemniscate", "6. De lemniscaat")));
    o.push_str(&format!(
        "{} {} {} {}\n",
        t(l, "Period", "Periode"),
        locale::date(r.cycle.window_start, l),
        t(l, "to", "tot en met"),
        locale::date(r.cycle.as_of, l)
    ));
    for (stage, status) in &r.cycle.stages {
        let name = locale::stage(stage.as_str(), l);
        let st = match status {
            lemniscaat::cycle::StageStatus::Attended => t(l, "done", "afgerond"),
            lemniscaat::cycle::StageStatus::InProgress => t(l, "in progress", "in uitvoering"),
            lemniscaat::cycle::StageStatus::Missing => t(l, "MISSING", "ontbreekt"),
        };
        o.push_str(&format!("  {:<55} {}\n", name, st));
    }
    o.push_str(&format!(
        "{}: {}; {}: {}\n",
        t(l, "Cycle completed", "Cyclus volledig doorlopen"),
        yes(r.cycle.complete),
        t(l, "suggested next", "volgende stap"),
        locale::list(&r.cycle.next.iter().map(|s| locale::stage(s.as_str(), l)).collect::<Vec<_>>(), l)
    ));
    for p in &r.cycle.participation {
        o.push_str(&format!(
            "  {} {} {}: {}\n",
            locale::stage(p.stage.as_str(), l),
            t(l, "with the", "met de"),
            locale::body(&p.required),
            yes(p.present)
        ));
    }

    o.push_str(&heading(&format!("7. {}", ten_percent_rule(r, l))));
    let mut tb = Table::new(vec![
        t(l, "school", "school"),
        t(l, "CAO", "cao"),
        t(l, "spent EUR", "besteed EUR"),
        t(l, "share", "aandeel"),
        t(l, "compliant", "voldoet"),
        t(l, "shortfall EUR", "tekort EUR"),
    ])
    .numeric(&[2, 3, 5]);
    for x in &r.lumpsum {
        tb.row(vec![
            x.name.clone(),
            lemniscaat::message::rule_set_name(&x.result.rule_set),
            locale::number(x.result.total, l),
            locale::percent(x.result.share, 2, l),
            yes(x.result.compliant),
            locale::number(x.result.shortfall, l),
        ]);
    }
    if tb.is_empty() {
        o.push_str(&t(l, "No lumpsum given.\n", "Geen lumpsum opgegeven.\n"));
    } else {
        o.push_str(&tb.render());
        o.push_str(&t(
            l,
            "Time spent is valued at its hourly cost: a choice of this report; the CAO prescribes no method.\n",
            "De ingezette tijd is omgerekend tegen de uurkosten: een keuze van dit rapport; de cao schrijft geen methode voor.\n",
        ));
    }
    o
}

/// The heading of the 10% rule, with the article of the rule set in force.
pub fn ten_percent_rule(r: &Report, l: Lang) -> String {
    let name = t(l, "The 10% rule", "De 10%-regel");
    match r.rule_set.parameters.iter().find(|p| p.name == "collective_min_share").filter(|p| !p.article.is_empty()) {
        None => name,
        Some(p) if p.article_confidence == lemniscaat::rules::Confidence::Inferred => {
            format!("{name} ({} {}, {})", t(l, "article", "artikel"), p.article, t(l, "article number inferred", "artikelnummer afgeleid"))
        }
        Some(p) => format!("{name} ({} {})", t(l, "article", "artikel"), p.article),
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

pub fn rules(book: &RuleBook, id: Option<&str>, format: Format, l: Lang) -> Result<String, Error> {
    if let Some(id) = id {
        let rs = book.require(id)?;
        return Ok(match format {
            Format::Json => lemniscaat::json::to_string_pretty(rs) + "\n",
            _ => {
                let mut o = format!(
                    "{} — {}\n{}: {}\n{}\n\n",
                    rs.id,
                    rs.name,
                    t(l, "in force from", "geldt vanaf"),
                    rs.in_force_from.value,
                    if l == Lang::Nl { &rs.summary.nl } else { &rs.summary.en }
                );
                let sel = book.describe(rs, lemniscaat::SchoolYear::containing(rs.in_force_from.value), lemniscaat::rules::Choice::Pinned);
                let s = lemniscaat::report::summary_of(book, rs, sel);
                let mut tb = Table::new(vec![
                    t(l, "parameter", "parameter"),
                    t(l, "value", "waarde"),
                    t(l, "article", "artikel"),
                    t(l, "confidence", "zekerheid"),
                    t(l, "source", "bron"),
                    "url".into(),
                ]);
                for p in &s.parameters {
                    tb.row(vec![
                        p.name.clone(),
                        p.value.clone(),
                        p.article.clone(),
                        if p.article_confidence == p.confidence {
                            p.confidence.as_str().into()
                        } else {
                            format!("{}; article {}", p.confidence.as_str(), p.article_confidence.as_str())
                        },
                        p.source.clone(),
                        p.url.clone().unwrap_or_default(),
                    ]);
                }
                o.push_str(&if format == Format::Csv { tb.csv() } else { tb.render() });
                o.push_str(&format!("\nsha256: {}\n", rs.hash));
                o
            }
        });
    }
    Ok(match format {
        Format::Json => lemniscaat::json::to_string_pretty(book.rule_sets()) + "\n",
        _ => {
            let mut tb = Table::new(vec![
                t(l, "rule set", "regelset"),
                t(l, "in force from", "geldt vanaf"),
                t(l, "teacher", "leraar"),
                "OOP".into(),
                t(l, "summary", "samenvatting"),
            ]);
            for rs in book.rule_sets() {
                let p = &rs.parameters;
                tb.row(vec![
                    rs.id.clone(),
                    rs.in_force_from.value.to_string(),
                    format!("{} u / EUR {}", p.teacher_hours.value, p.teacher_money.value),
                    format!("{} u / EUR {}", p.support_hours.value, p.support_money.value),
                    if l == Lang::Nl { rs.summary.nl.clone() } else { rs.summary.en.clone() },
                ]);
            }
            if format == Format::Csv {
                tb.csv()
            } else {
                let mut o = tb.render();
                o.push_str(&t(l, "\nSources:\n", "\nBronnen:\n"));
                for s in book.sources() {
                    o.push_str(&format!(
                        "  {:<28} {} ({}, {}) {}\n",
                        s.id,
                        s.title,
                        s.publisher,
                        s.date.clone().unwrap_or_default(),
                        s.url.clone().unwrap_or_default()
                    ));
                }
                o
            }
        }
    })
}
