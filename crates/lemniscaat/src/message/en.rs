//! The English texts of the message catalogue: one `match`, one text per message.

use super::{rule_set_name, Msg};
use crate::explain::Source;
use crate::locale::{
    article, category, date, hours, level, list, list_of, money, number, percent, plan_status, reading, rounding_mode, section, share,
    stage, Lang,
};
use crate::num::RoundingMode;
use crate::rules::{Confidence, ProRataReading};

const L: Lang = Lang::En;

fn decimals(n: u32) -> String {
    match n {
        0 => "to a whole number".into(),
        1 => "to 1 decimal".into(),
        n => format!("to {n} decimals"),
    }
}

/// A citation as a person reads it: `CAO VO 2014-2015, art. 17.4 lid 1`, with
/// `(article number inferred)` when the number is the project's own reading.
pub(super) fn rule(
    rule_set: &str,
    article: Option<&str>,
    lid: Option<&str>,
    value: Option<Confidence>,
    number: Option<Confidence>,
) -> String {
    let mut s = rule_set_name(rule_set);
    if let Some(a) = article {
        s.push_str(&format!(", art. {a}"));
        if let Some(l) = lid {
            s.push_str(&format!(" lid {l}"));
        }
        if number == Some(Confidence::Inferred) {
            s.push_str(" (article number inferred)");
        }
    }
    if article.is_some() && value == Some(Confidence::Inferred) && number != Some(Confidence::Inferred) {
        s.push_str(" (inferred: a reading of lemniscaat)");
    }
    s
}

fn policy(option: &str, value: &str) -> String {
    match option {
        "rounding" => match value.split_once(':') {
            Some((d, m)) => match (d.parse(), super::parse_id::<RoundingMode>(m)) {
                (Ok(d), Some(m)) => format!("rounding {}, {}", decimals(d), rounding_mode(m, L)),
                _ => format!("rounding {value}"),
            },
            None => format!("rounding {value}"),
        },
        "temporal_pro_rata" => match value {
            "calendar-days" => "part of the year by calendar days".into(),
            "whole-months" => "part of the year by whole months (the first of the month)".into(),
            "none" => "no reduction for days without an appointment".into(),
            v => format!("part of the year: {v}"),
        },
        "time_valuation" => match value {
            "line-hourly-cost" => "time valued at the line's hourly cost".into(),
            _ => "time valued at the default hourly cost".into(),
        },
        "management_base" => format!("base for management {}", management_base(value)),
        o => format!("{o}: {value}"),
    }
}

fn management_base(value: &str) -> String {
    let parts = value.strip_suffix("eur").and_then(|v| v.split_once("h/"));
    match parts.map(|(h, m)| (h.parse(), m.parse())) {
        Some((Ok(h), Ok(m))) => format!("{} and {}", hours(h, L), money(m, L)),
        _ => value.to_string(),
    }
}

/// A receipt's option in words (`rounding.hours` = `2:half-up`: `hours: rounding to 2 decimals, ...`).
pub(super) fn option(key: &str, value: &str) -> String {
    match (key, value) {
        ("mode", "lenient") => "lenient mode (after the last known CAO its values apply)".into(),
        ("mode", "strict") => "strict mode (no calculation after the last known CAO)".into(),
        ("pro_rata", v) => super::parse_id::<ProRataReading>(v).map_or_else(|| v.to_string(), |r| reading(r, L).to_string()),
        ("saving_units", "both") => "saving covers hours and money".into(),
        ("saving_units", "money-only") => "saving covers money only".into(),
        ("rounding.hours", v) => format!("hours: {}", policy("rounding", v)),
        ("rounding.money", v) => format!("money: {}", policy("rounding", v)),
        (k, v) => policy(k, v),
    }
}

/// Where a step's value comes from, as a person reads it.
pub(super) fn source(s: &Source) -> String {
    match s {
        Source::Rule { rule_set, article, lid, confidence, article_confidence, .. } => {
            rule(rule_set, article.as_deref(), lid.as_deref(), Some(*confidence), *article_confidence)
        }
        Source::Policy { option, value, default } => {
            format!("a choice of lemniscaat: {}{}", policy(option, value), if *default { " (default)" } else { "" })
        }
        Source::Interpretation { id, rule_set, article, lid, .. } => {
            let r = super::parse_id::<ProRataReading>(id).map_or_else(|| id.clone(), |r| reading(r, L).to_string());
            format!("reading {r}, {}", rule(rule_set, article.as_deref(), lid.as_deref(), None, None))
        }
        Source::Input { path } => format!("input ({path})"),
        Source::Computation => "computation".into(),
    }
}

/// `element b` / `elements a and c`.
fn elements_named(elements: &[String]) -> String {
    match elements {
        [one] => format!("element {one}"),
        more => format!("elements {}", list(more, L)),
    }
}

fn smart_part(p: &str) -> &str {
    match p {
        "description" => "a description",
        "measure" => "a measurable result",
        "deadline" => "a deadline",
        other => other,
    }
}

pub(super) fn text(m: &Msg) -> String {
    match m {
        Msg::Text { en, .. } => en.clone(),
        Msg::Of { name, message } => format!("{name}: {}", text(message)),

        Msg::SelectionPinned { rule_set, school_year } => {
            format!("{}, chosen by the user for school year {school_year}", rule_set_name(rule_set))
        }
        Msg::SelectionInForce { school_year, first_day, in_force_from } => format!(
            "the latest CAO in force on {}, the first day of school year {school_year} (in force from {})",
            date(*first_day, L),
            date(*in_force_from, L)
        ),
        Msg::SelectionOutOfRange { rule_set, school_year, known_until } => format!(
            "school year {school_year} starts after the last known CAO ({}{}): its values are used (lenient mode)",
            rule_set_name(rule_set),
            known_until.map(|d| format!(", known until {}", date(d, L))).unwrap_or_default()
        ),

        Msg::RuleSetChosen { rule_set, selection } => format!("{}: {}", rule_set_name(rule_set), text(selection)),
        Msg::ReadingNotApplicable { rule_set, reading: r } => format!(
            "the choice between the readings of the part-time rule does not apply to {}; it has one reading: {}",
            rule_set_name(rule_set),
            reading(*r, L)
        ),
        Msg::Base { category: c, no_basisrecht } => format!(
            "base for {} (full-time, whole school year){}",
            category(*c, L),
            if *no_basisrecht { " (the CAO grants management no basisrecht)" } else { "" }
        ),
        Msg::WtfApplied { appointment, wtf } => format!("appointment {}: pro rata by wtf {}", appointment + 1, number(*wtf, L)),
        Msg::WtfNotApplied { appointment, wtf } => format!(
            "appointment {}: wtf {} not applied (full base for part-timers; each day counts once per category)",
            appointment + 1,
            number(*wtf, L)
        ),
        Msg::TimeDays { appointment, days, year_days, school_year } => format!(
            "appointment {}: {days} of the {year_days} days of school year {school_year} (first and last day included)",
            appointment + 1
        ),
        Msg::TimeMonths { appointment, months, school_year } => format!(
            "appointment {}: covers the first day of {months} of the 12 months of school year {school_year}",
            appointment + 1
        ),
        Msg::TimeEmployed { appointment, days } => format!(
            "appointment {}: {days} days employed; no reduction for days without an appointment (wtf averaged over the days employed)",
            appointment + 1
        ),
        Msg::ExactSum { numerator, denominator } => {
            format!("exact sum {} / {} (not rounded on the way)", number(*numerator, L), number(*denominator, L))
        }
        Msg::RoundedOnce { decimals: d, mode } => format!("rounded once {}, {}", decimals(*d), rounding_mode(*mode, L)),

        Msg::LedgerOpening {} => "saved balance brought in from earlier school years".into(),
        Msg::LedgerGranted { school_year } => format!("granted for school year {school_year} (see the entitlement's explanation)"),
        Msg::LedgerUsed {} => "used for activities the employee chose (or consented to)".into(),
        Msg::LedgerAdjusted {} => "manual corrections with a reason".into(),
        Msg::LedgerLapsed { school_year, last_day } => {
            format!("not used and not saved at the end of school year {school_year} ({}): lapsed", date(*last_day, L))
        }
        Msg::LedgerLapsesProjected { school_year, last_day } => format!(
            "not used or saved so far: lapses on {} at the end of school year {school_year} unless it is still used or saved (projection)",
            date(*last_day, L)
        ),
        Msg::LedgerCarriedUntil { until } => format!("kept by a saving agreement until the end of school year {until}"),
        Msg::LedgerCarried {} => "kept by saving agreements of earlier school years".into(),

        Msg::EvcLevel { max_level, level: l } => format!(
            "EVC is offered to employees with an education up to and including {}; the employee's level is {}",
            level(*max_level, L),
            level(*l, L)
        ),
        Msg::EvcRepeat { last, years, from } => {
            format!("last EVC on {}: it may be repeated after {years} years, from {}", date(*last, L), date(*from, L))
        }
        Msg::StartkwalificatieLevel { below, level: l } => format!(
            "an employee with an education below {} gets the opportunity to obtain a startkwalificatie at the employer's cost; the employee's level is {}",
            level(*below, L),
            level(*l, L)
        ),

        Msg::TimeValued { hours: h, hourly_cost, cost } => format!(
            "{} valued at {} an hour: {} (a choice of lemniscaat; the CAO does not define how time is valued)",
            hours(*h, L),
            money(*hourly_cost, L),
            money(*cost, L)
        ),
        Msg::LumpsumShare { spent, lumpsum, minimum } => format!(
            "spent {} of a personele lumpsum of {}; the minimum is {}",
            money(*spent, L),
            money(*lumpsum, L),
            share(*minimum, L)
        ),
        Msg::UnknownReference { kind, id } => format!("{kind} '{id}' does not exist in the dataset"),
        Msg::KadersMissing { school, as_of } => format!("school {school} has no agreed kaders in force on {}", date(*as_of, L)),
        Msg::KadersExpired { kaders, school, agreed_on, years, as_of } => format!(
            "the kaders {kaders} in force for {school} were agreed on {}, more than {years} years before {}",
            date(*agreed_on, L),
            date(*as_of, L)
        ),
        Msg::KadersElementMissing { kaders, elements, article: a, lid } => {
            format!("the kaders {kaders} lack {} of {}", elements_named(elements), article(a.as_deref(), lid.as_deref(), L))
        }
        Msg::KadersNoPgmrConsultation { kaders } => {
            format!("the kaders {kaders} were agreed without a recorded consultation of the P(G)MR")
        }
        Msg::KadersSectionRecommended { kaders, sections } => format!(
            "the kaders {kaders} lack what the handreiking recommends: {}",
            list_of(&mut sections.iter().map(|s| section(*s, L)), L)
        ),
        Msg::CollectivePlanMissing { school, school_year } => {
            format!("school {school} has no collective professionalisation plan for school year {school_year}")
        }
        Msg::CollectivePlanNoPmrConsultation { plan } => {
            format!("the collective plan {plan} was agreed without a recorded consultation of the PMR")
        }
        Msg::CollectivePlanNoActivities { theme, plan } => format!("theme '{theme}' of the collective plan {plan} names no concrete activity"),
        Msg::ThemeNotInKaders { theme, plan } => {
            format!("theme '{theme}' of the collective plan {plan} does not appear in the kaders in force")
        }
        Msg::ThemeNoTargetGroup { theme } => format!("theme '{theme}' names no target group"),
        Msg::ThemeNoFacilities { theme } => format!("theme '{theme}' names no facilities"),
        Msg::ThemeNoEvaluation { theme } => format!("theme '{theme}' says nothing on evaluation or accountability"),
        Msg::TeamGoalNotSmart { goal, team, missing } => format!(
            "team goal {goal} of {team} is not SMART: {} {} missing",
            list_of(&mut missing.iter().map(|p| smart_part(p)), L),
            if missing.len() == 1 { "is" } else { "are" }
        ),
        Msg::PersonalPlanNotApproved { employee, plan, status } => {
            format!("{employee}: personal plan {plan} is {} but not approved by the manager", plan_status(*status, L))
        }
        Msg::PersonalPlanMissing { employee, since, years } => format!(
            "{employee} has been in service since {}, over {years} years, without an agreed personal professionalisation plan",
            date(*since, L)
        ),
        Msg::PersonalPlanExpired { employee, plan, agreed_on, years } => format!(
            "{employee}: the latest agreed personal plan {plan} dates from {}, more than {years} years ago",
            date(*agreed_on, L)
        ),
        Msg::PersonalPlanDueSoon { employee, plan, expires } => {
            format!("{employee}: personal plan {plan} must be renewed by {}", date(*expires, L))
        }
        Msg::PersonalPlanElementMissing { employee, plan, elements, article: a, lid } => format!(
            "{employee}: personal plan {plan} lacks {} of {}",
            elements_named(elements),
            article(a.as_deref(), lid.as_deref(), L)
        ),
        Msg::GoalNotAligned { employee, goal } => format!("{employee}: goal {goal} is linked to no team goal or school theme"),
        Msg::EvcOfferMissing { employee, level: l, plan } => {
            format!("{employee} ({}) may follow an EVC-traject, but personal plan {plan} does not mention it", level(*l, L))
        }
        Msg::StartkwalificatieOfferMissing { employee, level: l, plan } => format!(
            "{employee} ({}) is to be given the opportunity to obtain a startkwalificatie at the employer's cost, but personal plan {plan} does not mention it",
            level(*l, L)
        ),
        Msg::NoYearlyConversation { employee, months, as_of } => {
            format!("{employee} had no conversation-cycle meeting in the {months} months before {}", date(*as_of, L))
        }
        Msg::TaakbeleidBelowBasisrecht { employee, free, basisrecht } => format!(
            "{employee}: part d of the taakbeleid and the other hours the employee may use as they choose give {} together, less than the basisrecht of {}",
            hours(*free, L),
            hours(*basisrecht, L)
        ),
        Msg::WtfAboveFullTime { employee, wtf, day } => match employee {
            Some(who) => format!("{who}: concurrent appointments sum to wtf {} on {}", number(*wtf, L), date(*day, L)),
            None => format!("concurrent appointments sum to wtf {} on {}: computed as given", number(*wtf, L), date(*day, L)),
        },
        Msg::LumpsumBelowMinimum { year, share: s, minimum, shortfall } => format!(
            "in {year} the school spent {} of the personele lumpsum on professionalisation, below the minimum of {}: {} short",
            percent(*s, 2, L),
            share(*minimum, L),
            money(*shortfall, L)
        ),
        Msg::CycleStageNotAttended { stage: st, from, to } => format!(
            "'{}' saw no activity between {} and {}: wherever one starts, every part asks for attention",
            stage(st, L),
            date(*from, L),
            date(*to, L)
        ),
        Msg::MixFormalHeavy { formal, target } => format!(
            "formal learning is {} of the mix, far above the {} of the 70:20:10 guideline (advice, not a rule)",
            percent(*formal, 0, L),
            percent(*target, 0, L)
        ),
        Msg::MixNoWorkplaceLearning {} => {
            "no learning on the job (the 70 of 70:20:10) in this plan: consider projects, challenging assignments or practising in class (advice)".into()
        }
    }
}
