//! Dutch and English formats for the text a person reads: amounts with a decimal comma and
//! thousands dots in Dutch (`66,40 uur`, `€ 60.500,00`, `8,52%`), dates in prose (`1 december
//! 2026`), lists (`a, b en c`) and the labels of the library's own ids (categories, confidence,
//! parameters, extra buckets). Machine formats (JSON, CSV, the typed results) keep decimal strings
//! and ISO dates; only texts for people go through here.
//!
//! ```
//! use lemniscaat::locale::{hours, money, percent, date, Lang};
//! let d = |s: &str| s.parse::<rust_decimal::Decimal>().unwrap();
//! assert_eq!(hours(d("66.40"), Lang::Nl), "66,40 uur");
//! assert_eq!(money(d("60500"), Lang::Nl), "€ 60.500,00");
//! assert_eq!(money(d("60500"), Lang::En), "EUR 60,500.00");
//! assert_eq!(percent(d("0.0852"), 2, Lang::Nl), "8,52%");
//! assert_eq!(date(chrono::NaiveDate::from_ymd_opt(2014, 8, 1).unwrap(), Lang::Nl), "1 augustus 2014");
//! ```

use crate::people::Category;
use crate::rules::{Bilingual, Confidence};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

pub use crate::svg::Lang;

/// A decimal as written in `l`, with its own decimals: `1234.5` is `1.234,5` in Dutch and
/// `1,234.5` in English.
pub fn number(d: Decimal, l: Lang) -> String {
    let text = d.to_string();
    let (sign, rest) = text.strip_prefix('-').map_or(("", text.as_str()), |r| ("-", r));
    let (int, frac) = rest.split_once('.').unwrap_or((rest, ""));
    let (group, point) = match l {
        Lang::Nl => ('.', ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::with_capacity(text.len() + 4);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// A decimal with at least two decimals, as a table of amounts shows it: `22` is `22,00`,
/// `0.0852` stays `0,0852`.
pub fn amount(d: Decimal, l: Lang) -> String {
    let mut d = d;
    if d.scale() < 2 {
        d.rescale(2);
    }
    number(d, l)
}

/// Hours: `66,40 uur` / `66.40 h`.
pub fn hours(d: Decimal, l: Lang) -> String {
    let mut s = number(d, l);
    s.push_str(match l {
        Lang::Nl => " uur",
        Lang::En => " h",
    });
    s
}

/// Money with two decimals: `€ 60.500,00` / `EUR 60,500.00`.
pub fn money(d: Decimal, l: Lang) -> String {
    let mut d = d;
    d.rescale(2);
    let mut s = String::from(match l {
        Lang::Nl => "€ ",
        Lang::En => "EUR ",
    });
    s.push_str(&number(d, l));
    s
}

/// A fraction as a percentage with `places` decimals: `0.0852` is `8,52%` / `8.52%`.
pub fn percent(fraction: Decimal, places: u32, l: Lang) -> String {
    let mut p = (fraction * Decimal::ONE_HUNDRED).round_dp_with_strategy(places, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    p.rescale(places);
    format!("{}%", number(p, l))
}

const MONTHS_NL: [&str; 12] =
    ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
const MONTHS_EN: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// A fraction as a percentage with the decimals it needs: `0.1` is `10%`, `0.075` is `7,5%`.
pub fn share(fraction: Decimal, l: Lang) -> String {
    let p = (fraction * Decimal::ONE_HUNDRED).normalize();
    format!("{}%", number(p, l))
}

/// A rounding mode in words: `half naar boven` / `half up`, ...
pub fn rounding_mode(m: crate::num::RoundingMode, l: Lang) -> &'static str {
    use crate::num::RoundingMode as R;
    match (m, l) {
        (R::HalfUp, Lang::Nl) => "half naar boven (rekenkundig)",
        (R::HalfEven, Lang::Nl) => "half naar even (bankiersafronding)",
        (R::Up, Lang::Nl) => "van nul af",
        (R::Down, Lang::Nl) => "naar nul toe",
        (R::HalfUp, Lang::En) => "half up",
        (R::HalfEven, Lang::En) => "half to even (banker's rounding)",
        (R::Up, Lang::En) => "away from zero",
        (R::Down, Lang::En) => "toward zero",
    }
}

/// How a part of a school year counts: `naar kalenderdagen`, ...
pub fn temporal(t: crate::options::TemporalProRata, l: Lang) -> &'static str {
    use crate::options::TemporalProRata as T;
    match (t, l) {
        (T::CalendarDays, Lang::Nl) => "naar kalenderdagen",
        (T::WholeMonths, Lang::Nl) => "naar hele maanden (de eerste van de maand telt)",
        (T::None, Lang::Nl) => "geen korting voor dagen zonder benoeming",
        (T::CalendarDays, Lang::En) => "by calendar days",
        (T::WholeMonths, Lang::En) => "by whole months (the first of the month counts)",
        (T::None, Lang::En) => "no reduction for days without an appointment",
    }
}

/// A reading of pro rata by wtf for part-timers (art. 6.1 lid 2 of the 2014-2015 CAO) in words.
pub fn reading(r: crate::rules::ProRataReading, l: Lang) -> &'static str {
    use crate::rules::ProRataReading as R;
    match (r, l) {
        (R::PartiesIntent, Lang::Nl) => "naar rato van de wtf (verklaring van cao-partijen van 29 maart 2016)",
        (R::Bezwarencommissie2016, Lang::Nl) => "volle basis voor deeltijders (uitspraak van de Bezwarencommissie CAO-VO, 2016)",
        (R::PartiesIntent, Lang::En) => "pro rata by wtf (statement of the CAO parties of 29 March 2016)",
        (R::Bezwarencommissie2016, Lang::En) => "full base for part-timers (ruling of the Bezwarencommissie CAO-VO, 2016)",
    }
}

/// A date in prose: `1 augustus 2014` / `1 August 2014`.
pub fn date(d: NaiveDate, l: Lang) -> String {
    let months = match l {
        Lang::Nl => &MONTHS_NL,
        Lang::En => &MONTHS_EN,
    };
    format!("{} {} {}", d.day(), months[d.month0() as usize % 12], d.year())
}

/// Items as a list in prose: `a, b en c` / `a, b and c`.
pub fn list<S: AsRef<str>>(items: &[S], l: Lang) -> String {
    list_of(&mut items.iter().map(AsRef::as_ref), l)
}

/// [`list`] over an iterator (one copy of the code for every kind of item).
pub fn list_of(items: &mut dyn ExactSizeIterator<Item = &str>, l: Lang) -> String {
    let n = items.len();
    let mut out = String::new();
    for (i, item) in items.enumerate() {
        if i + 1 == n && i > 0 {
            out.push_str(match l {
                Lang::Nl => " en ",
                Lang::En => " and ",
            });
        } else if i > 0 {
            out.push_str(", ");
        }
        out.push_str(item);
    }
    out
}

/// The text of `l` in a pair.
pub fn pick(text: &Bilingual, l: Lang) -> &str {
    match l {
        Lang::Nl => &text.nl,
        Lang::En => &text.en,
    }
}

fn pair(en: &str, nl: &str) -> Bilingual {
    Bilingual { en: en.into(), nl: nl.into() }
}

/// A category as a table shows it: `leraar`, `OOP`, `directie` / `teacher`, `support staff`,
/// `management`.
pub fn category(c: Category, l: Lang) -> &'static str {
    match (c, l) {
        (Category::Teacher, Lang::Nl) => "leraar",
        (Category::Support, Lang::Nl) => "OOP",
        (Category::Management, Lang::Nl) => "directie",
        (Category::Teacher, Lang::En) => "teacher",
        (Category::Support, Lang::En) => "support staff",
        (Category::Management, Lang::En) => "management",
    }
}

/// A category by its id (`teacher`, `support`, `management`); an unknown id as it is.
pub fn category_id(id: &str, l: Lang) -> String {
    match id {
        "teacher" => category(Category::Teacher, l).into(),
        "support" => category(Category::Support, l).into(),
        "management" => category(Category::Management, l).into(),
        other => other.into(),
    }
}

/// How sure a citation is: `brontekst`, `met bron`, `afgeleid` / `seed text`, `sourced`,
/// `inferred`.
pub fn confidence(c: Confidence, l: Lang) -> &'static str {
    match (c, l) {
        (Confidence::Seed, Lang::Nl) => "brontekst",
        (Confidence::Sourced, Lang::Nl) => "met bron",
        (Confidence::Inferred, Lang::Nl) => "afgeleid",
        (Confidence::Seed, Lang::En) => "seed text",
        (Confidence::Sourced, Lang::En) => "sourced",
        (Confidence::Inferred, Lang::En) => "inferred",
    }
}

/// How sure a value and its article number are: `met bron` or, when only the number is the
/// project's reading, `met bron; artikelnummer afgeleid`.
pub fn certainty(value: Confidence, number: Confidence, l: Lang) -> String {
    let mut s = confidence(value, l).to_string();
    if number == Confidence::Inferred && value != Confidence::Inferred {
        s.push_str(match l {
            Lang::Nl => "; artikelnummer afgeleid",
            Lang::En => "; article number inferred",
        });
    }
    s
}

/// The label of a rule-set parameter or extra bucket by its id; an unknown id (a bucket of an
/// override) as it is in both languages.
pub fn parameter(id: &str) -> Bilingual {
    match id {
        "teacher_hours" => pair("hours, teacher", "uren leraar"),
        "teacher_money" => pair("budget, teacher", "budget leraar"),
        "support_hours" => pair("hours, support staff", "uren OOP"),
        "support_money" => pair("budget, support staff", "budget OOP"),
        "pro_rata" => pair("pro rata by wtf", "naar rato van de wtf"),
        "saving" => pair("saving", "sparen"),
        "evc" => pair("EVC (recognition of prior learning)", "EVC (erkenning verworven competenties)"),
        "personal_plan_max_years" => pair("personal plan, at most (years)", "persoonlijk plan, hoogstens (jaren)"),
        "kaders_max_years" => pair("kaders, at most (years)", "kaders, hoogstens (jaren)"),
        "collective_min_share" => pair("collective spending, at least", "collectieve besteding, minstens"),
        "earmarked-basic-skills" => pair("earmarked: basic skills and curriculum", "geoormerkt: basisvaardigheden en curriculum"),
        "support-plan-extension" => pair("support staff with a plan: extension", "OOP met plan: uitbreiding"),
        other => pair(other, other),
    }
}

/// An education level as Dutch documents write it: `mbo 2`, `vmbo`, `havo` (the same in
/// English); no completed education is `geen afgeronde opleiding` / `no completed education`.
pub fn level(level: crate::people::EducationLevel, l: Lang) -> &'static str {
    use crate::people::EducationLevel as E;
    match (level, l) {
        (E::None, Lang::Nl) => "geen afgeronde opleiding",
        (E::None, Lang::En) => "no completed education",
        (E::Mbo1, _) => "mbo 1",
        (E::Mbo2, _) => "mbo 2",
        (E::Mbo3, _) => "mbo 3",
        (E::Mbo4, _) => "mbo 4",
        (other, _) => other.as_str(),
    }
}

/// A plan's status: `concept`, `vastgesteld`, ... / `draft`, `agreed`, ...
pub fn plan_status(s: crate::plans::PlanStatus, l: Lang) -> &'static str {
    use crate::plans::PlanStatus as P;
    let (en, nl) = match s {
        P::Draft => ("draft", "concept"),
        P::Submitted => ("submitted", "ingediend"),
        P::Returned => ("returned for changes", "teruggegeven voor aanpassing"),
        P::Agreed => ("agreed", "vastgesteld"),
        P::Active => ("in use", "in gebruik"),
        P::Completed => ("completed", "afgerond"),
        P::Superseded => ("superseded", "vervangen"),
    };
    match l {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// A role in a plan's lifecycle: `de leidinggevende`, `de PMR`, ... / `the manager`, ...
pub fn role(r: crate::plans::Role, l: Lang) -> &'static str {
    use crate::plans::Role as R;
    let (en, nl) = match r {
        R::Board => ("the board", "het bestuur"),
        R::SchoolLeader => ("the school leader", "de schoolleider"),
        R::Manager => ("the manager", "de leidinggevende"),
        R::Team => ("the team", "het team"),
        R::Employee => ("the employee", "de werknemer"),
        R::Hr => ("HR", "P&O"),
        R::Finance => ("finance", "financiën"),
        R::Pgmr => ("the P(G)MR", "de P(G)MR"),
        R::Pmr => ("the PMR", "de PMR"),
        R::Unions => ("the unions", "de vakbonden"),
        R::Students => ("the students", "de leerlingen"),
    };
    match l {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// A budget of the ledger by its id: `basisrecht`, or an extra bucket's label.
pub fn bucket(id: &str, l: Lang) -> String {
    if id == crate::ledger::BASISRECHT {
        "basisrecht".into()
    } else {
        pick(&parameter(id), l).to_string()
    }
}

/// Article and lid as a text names them: `artikel 17.2 lid 2` / `article 17.2 lid 2`; empty
/// without an article.
pub fn article(article: Option<&str>, lid: Option<&str>, l: Lang) -> String {
    let word = match l {
        Lang::Nl => "artikel",
        Lang::En => "article",
    };
    match (article, lid) {
        (Some(a), Some(li)) => format!("{word} {a} lid {li}"),
        (Some(a), None) => format!("{word} {a}"),
        _ => String::new(),
    }
}

/// A recommended section of the kaders, as the handreiking names it.
pub fn section(s: crate::dataset::Section, l: Lang) -> &'static str {
    use crate::dataset::Section as S;
    let (en, nl) = match s {
        S::Trends => ("trends and developments", "trends en ontwikkelingen"),
        S::MissionVisionStrategy => ("mission, vision and strategy", "missie, visie en strategie"),
        S::HrStrategy => ("HR strategy", "HR-strategie"),
        S::Themes => ("development themes", "ontwikkelthema's"),
        S::VisionOnDevelopment => ("the school's view on professionalisation", "visie van de school op professionalisering"),
        S::DevelopmentCulture => ("development culture", "ontwikkelcultuur"),
        S::Embedding => ("embedding of development", "inbedding ontwikkeling"),
        S::FacilitiesBudgets => ("facilities and budgets", "faciliteiten en budgetten"),
        S::Accountability => ("accountability", "verantwoording"),
    };
    match l {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// A part of the lemniscate by its id (`strategic_exploration`), by its name in `l`; an unknown
/// id as it is.
pub fn stage(id: &str, l: Lang) -> String {
    crate::cycle::reference().iter().find(|i| i.id.as_str() == id).map_or_else(|| id.to_string(), |i| pick(&i.name, l).to_string())
}

/// A participation body by its id (`pgmr`): `P(G)MR`, `PMR`, `GMR`, `OR` (the same in both
/// languages, as Dutch documents write them).
pub fn body(id: &str) -> String {
    match id {
        "pgmr" => "P(G)MR".into(),
        "pmr" => "PMR".into(),
        "gmr" => "GMR".into(),
        "or" => "OR".into(),
        other => other.to_uppercase(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn numbers_group_thousands_and_keep_their_decimals() {
        assert_eq!(number(d("1234567.891"), Lang::Nl), "1.234.567,891");
        assert_eq!(number(d("1234567.891"), Lang::En), "1,234,567.891");
        assert_eq!(number(d("-1000"), Lang::Nl), "-1.000");
        assert_eq!(number(d("999"), Lang::Nl), "999");
        assert_eq!(number(d("0.5"), Lang::Nl), "0,5");
        assert_eq!(money(d("0"), Lang::Nl), "€ 0,00");
        assert_eq!(money(d("600.5"), Lang::En), "EUR 600.50");
        assert_eq!(hours(d("1.2"), Lang::En), "1.2 h");
        assert_eq!(percent(d("0.38461"), 0, Lang::Nl), "38%");
        assert_eq!(percent(d("0.1"), 0, Lang::Nl), "10%");
    }

    #[test]
    fn lists_dates_and_labels() {
        assert_eq!(list(&["a", "c"], Lang::Nl), "a en c");
        assert_eq!(list(&["a", "b", "c"], Lang::En), "a, b and c");
        assert_eq!(list::<&str>(&[], Lang::Nl), "");
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
        assert_eq!(date(day, Lang::Nl), "1 december 2026");
        assert_eq!(date(day, Lang::En), "1 December 2026");
        assert_eq!(category_id("support", Lang::Nl), "OOP");
        assert_eq!(confidence(Confidence::Inferred, Lang::Nl), "afgeleid");
        assert_eq!(parameter("earmarked-basic-skills").nl, "geoormerkt: basisvaardigheden en curriculum");
        assert_eq!(parameter("my-bucket").nl, "my-bucket");
    }
}
