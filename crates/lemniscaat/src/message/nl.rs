//! De Nederlandse teksten van de berichtencatalogus: één `match`, één tekst per bericht.

use super::{rule_set_name, Msg};
use crate::explain::Source;
use crate::locale::{
    article, category, date, hours, level, list, list_of, money, number, percent, plan_status, reading, rounding_mode, section, share,
    stage, Lang,
};
use crate::num::RoundingMode;
use crate::rules::{Confidence, ProRataReading};

const L: Lang = Lang::Nl;

fn decimals(n: u32) -> String {
    match n {
        0 => "op een heel getal".into(),
        1 => "op 1 decimaal".into(),
        n => format!("op {n} decimalen"),
    }
}

/// A citation as a person reads it: `CAO VO 2014-2015, art. 17.4 lid 1`, with
/// `(artikelnummer afgeleid)` when the number is the project's own reading.
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
            s.push_str(" (artikelnummer afgeleid)");
        }
    }
    if article.is_some() && value == Some(Confidence::Inferred) && number != Some(Confidence::Inferred) {
        s.push_str(" (afgeleid: eigen lezing van lemniscaat)");
    }
    s
}

fn policy(option: &str, value: &str) -> String {
    match option {
        "rounding" => match value.split_once(':') {
            Some((d, m)) => match (d.parse(), super::parse_id::<RoundingMode>(m)) {
                (Ok(d), Some(m)) => format!("afronding {}, {}", decimals(d), rounding_mode(m, L)),
                _ => format!("afronding {value}"),
            },
            None => format!("afronding {value}"),
        },
        "temporal_pro_rata" => match value {
            "calendar-days" => "deel van het jaar naar kalenderdagen".into(),
            "whole-months" => "deel van het jaar naar hele maanden (de eerste van de maand)".into(),
            "none" => "geen korting voor dagen zonder benoeming".into(),
            v => format!("deel van het jaar: {v}"),
        },
        "time_valuation" => match value {
            "line-hourly-cost" => "tijd gewaardeerd tegen de uurkosten van de regel".into(),
            _ => "tijd gewaardeerd tegen de standaard uurkosten".into(),
        },
        "management_base" => format!("basis voor directie {}", management_base(value)),
        o => format!("{o}: {value}"),
    }
}

fn management_base(value: &str) -> String {
    let parts = value.strip_suffix("eur").and_then(|v| v.split_once("h/"));
    match parts.map(|(h, m)| (h.parse(), m.parse())) {
        Some((Ok(h), Ok(m))) => format!("{} en {}", hours(h, L), money(m, L)),
        _ => value.to_string(),
    }
}

/// A receipt's option in words (`rounding.hours` = `2:half-up`: `uren: afronding op 2 decimalen, ...`).
pub(super) fn option(key: &str, value: &str) -> String {
    match (key, value) {
        ("mode", "lenient") => "soepele modus (na de laatst bekende cao gelden diens waarden)".into(),
        ("mode", "strict") => "strikte modus (na de laatst bekende cao geen berekening)".into(),
        ("pro_rata", v) => super::parse_id::<ProRataReading>(v).map_or_else(|| v.to_string(), |r| reading(r, L).to_string()),
        ("saving_units", "both") => "sparen geldt voor uren en geld".into(),
        ("saving_units", "money-only") => "sparen geldt alleen voor geld".into(),
        ("rounding.hours", v) => format!("uren: {}", policy("rounding", v)),
        ("rounding.money", v) => format!("geld: {}", policy("rounding", v)),
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
            format!("keuze van lemniscaat: {}{}", policy(option, value), if *default { " (standaard)" } else { "" })
        }
        Source::Interpretation { id, rule_set, article, lid, .. } => {
            let r = super::parse_id::<ProRataReading>(id).map_or_else(|| id.clone(), |r| reading(r, L).to_string());
            format!("lezing {r}, {}", rule(rule_set, article.as_deref(), lid.as_deref(), None, None))
        }
        Source::Input { path } => format!("invoer ({path})"),
        Source::Computation => "berekening".into(),
    }
}

fn thing(kind: &str) -> &str {
    match kind {
        "school" => "school",
        "team" => "team",
        other => other,
    }
}

/// `het onderdeel b` / `de onderdelen a en c`.
fn elements_named(elements: &[String]) -> String {
    match elements {
        [one] => format!("het onderdeel {one}"),
        more => format!("de onderdelen {}", list(more, L)),
    }
}

fn smart_part(p: &str) -> &str {
    match p {
        "description" => "een beschrijving",
        "measure" => "een meetbaar resultaat",
        "deadline" => "een termijn",
        other => other,
    }
}

pub(super) fn text(m: &Msg) -> String {
    match m {
        Msg::Text { nl, .. } => nl.clone(),
        Msg::Of { name, message } => format!("{name}: {}", text(message)),

        Msg::SelectionPinned { rule_set, school_year } => {
            format!("{}, door de gebruiker gekozen voor schooljaar {school_year}", rule_set_name(rule_set))
        }
        Msg::SelectionInForce { school_year, first_day, in_force_from } => format!(
            "de laatste cao die geldt op {}, de eerste dag van schooljaar {school_year} (geldt vanaf {})",
            date(*first_day, L),
            date(*in_force_from, L)
        ),
        Msg::SelectionOutOfRange { rule_set, school_year, known_until } => format!(
            "schooljaar {school_year} begint na de laatst bekende cao ({}{}): die waarden worden gebruikt (soepele modus)",
            rule_set_name(rule_set),
            known_until.map(|d| format!(", bekend tot {}", date(d, L))).unwrap_or_default()
        ),

        Msg::RuleSetChosen { rule_set, selection } => format!("{}: {}", rule_set_name(rule_set), text(selection)),
        Msg::ReadingNotApplicable { rule_set, reading: r } => format!(
            "de keuze tussen de lezingen van de deeltijdregeling geldt niet voor {}; die kent één lezing: {}",
            rule_set_name(rule_set),
            reading(*r, L)
        ),
        Msg::Base { category: c, no_basisrecht } => format!(
            "basis voor {} (voltijd, heel schooljaar){}",
            category(*c, L),
            if *no_basisrecht { " (de cao kent directie geen basisrecht toe)" } else { "" }
        ),
        Msg::WtfApplied { appointment, wtf } => format!("benoeming {}: naar rato van de wtf {}", appointment + 1, number(*wtf, L)),
        Msg::WtfNotApplied { appointment, wtf } => format!(
            "benoeming {}: wtf {} niet toegepast (volle basis voor deeltijders; elke dag telt eenmaal per categorie)",
            appointment + 1,
            number(*wtf, L)
        ),
        Msg::TimeDays { appointment, days, year_days, school_year } => format!(
            "benoeming {}: {days} van de {year_days} dagen van schooljaar {school_year} (begin- en einddatum tellen mee)",
            appointment + 1
        ),
        Msg::TimeMonths { appointment, months, school_year } => format!(
            "benoeming {}: omvat de eerste dag van {months} van de 12 maanden van schooljaar {school_year}",
            appointment + 1
        ),
        Msg::TimeEmployed { appointment, days } => format!(
            "benoeming {}: {days} dagen in dienst; geen korting voor dagen zonder benoeming (wtf gemiddeld over de dagen in dienst)",
            appointment + 1
        ),
        Msg::ExactSum { numerator, denominator } => {
            format!("exacte som {} / {} (onderweg niet afgerond)", number(*numerator, L), number(*denominator, L))
        }
        Msg::RoundedOnce { decimals: d, mode } => format!("eenmaal afgerond {}, {}", decimals(*d), rounding_mode(*mode, L)),

        Msg::LedgerOpening {} => "gespaard saldo uit eerdere schooljaren".into(),
        Msg::LedgerGranted { school_year } => format!("toegekend voor schooljaar {school_year} (zie de uitleg van het basisrecht)"),
        Msg::LedgerUsed {} => "ingezet voor activiteiten naar keuze van de werknemer (of met diens instemming)".into(),
        Msg::LedgerAdjusted {} => "handmatige correcties met reden".into(),
        Msg::LedgerLapsed { school_year, last_day } => {
            format!("niet gebruikt en niet gespaard aan het eind van schooljaar {school_year} ({}): vervallen", date(*last_day, L))
        }
        Msg::LedgerLapsesProjected { school_year, last_day } => format!(
            "nog niet gebruikt of gespaard: vervalt op {} aan het eind van schooljaar {school_year}, tenzij het alsnog wordt gebruikt of gespaard (verwachting)",
            date(*last_day, L)
        ),
        Msg::LedgerCarriedUntil { until } => format!("bewaard door een spaarafspraak tot het eind van schooljaar {until}"),
        Msg::LedgerCarried {} => "bewaard door spaarafspraken van eerdere schooljaren".into(),

        Msg::EvcLevel { max_level, level: l } => format!(
            "EVC wordt aangeboden aan werknemers met een opleiding tot en met {}; het niveau van de werknemer is {}",
            level(*max_level, L),
            level(*l, L)
        ),
        Msg::EvcRepeat { last, years, from } => {
            format!("laatste EVC-traject op {}: herhalen kan na {years} jaar, vanaf {}", date(*last, L), date(*from, L))
        }
        Msg::StartkwalificatieLevel { below, level: l } => format!(
            "een werknemer met een opleiding lager dan {} krijgt de gelegenheid om op kosten van de werkgever een startkwalificatie te behalen; het niveau van de werknemer is {}",
            level(*below, L),
            level(*l, L)
        ),

        Msg::TimeValued { hours: h, hourly_cost, cost } => format!(
            "{} gewaardeerd tegen {} per uur: {} (een keuze van lemniscaat; de cao bepaalt niet hoe tijd wordt gewaardeerd)",
            hours(*h, L),
            money(*hourly_cost, L),
            money(*cost, L)
        ),
        Msg::LumpsumShare { spent, lumpsum, minimum } => format!(
            "besteed {} van een personele lumpsum van {}; het minimum is {}",
            money(*spent, L),
            money(*lumpsum, L),
            share(*minimum, L)
        ),
        Msg::UnknownReference { kind, id } => format!("{} '{id}' bestaat niet in de dataset", thing(kind)),
        Msg::KadersMissing { school, as_of } => {
            format!("school {school} heeft op {} geen vastgestelde professionaliseringskaders die gelden", date(*as_of, L))
        }
        Msg::KadersExpired { kaders, school, agreed_on, years, as_of } => format!(
            "de professionaliseringskaders {kaders} voor {school} zijn vastgesteld op {}, meer dan {years} jaar voor {}",
            date(*agreed_on, L),
            date(*as_of, L)
        ),
        Msg::KadersElementMissing { kaders, elements, article: a, lid } => format!(
            "de professionaliseringskaders {kaders} missen {} van {}",
            elements_named(elements),
            article(a.as_deref(), lid.as_deref(), L)
        ),
        Msg::KadersNoPgmrConsultation { kaders } => {
            format!("de professionaliseringskaders {kaders} zijn vastgesteld zonder vastgelegd overleg met de P(G)MR")
        }
        Msg::KadersSectionRecommended { kaders, sections } => format!(
            "in de professionaliseringskaders {kaders} ontbreekt wat de handreiking aanbeveelt: {}",
            list_of(&mut sections.iter().map(|s| section(*s, L)), L)
        ),
        Msg::CollectivePlanMissing { school, school_year } => {
            format!("school {school} heeft geen collectief professionaliseringsplan voor schooljaar {school_year}")
        }
        Msg::CollectivePlanNoPmrConsultation { plan } => {
            format!("het collectief professionaliseringsplan {plan} is vastgesteld zonder vastgelegd overleg met de PMR")
        }
        Msg::CollectivePlanNoActivities { theme, plan } => {
            format!("thema '{theme}' van het collectief professionaliseringsplan {plan} noemt geen concrete activiteit")
        }
        Msg::ThemeNotInKaders { theme, plan } => {
            format!("thema '{theme}' van het collectief professionaliseringsplan {plan} staat niet in de geldende kaders")
        }
        Msg::ThemeNoTargetGroup { theme } => format!("thema '{theme}' noemt geen doelgroep"),
        Msg::ThemeNoFacilities { theme } => format!("thema '{theme}' noemt geen faciliteiten"),
        Msg::ThemeNoEvaluation { theme } => format!("thema '{theme}' zegt niets over evaluatie of verantwoording"),
        Msg::TeamGoalNotSmart { goal, team, missing } => format!(
            "teamdoel {goal} van {team} is niet SMART: {} {}",
            list_of(&mut missing.iter().map(|p| smart_part(p)), L),
            if missing.len() == 1 { "ontbreekt" } else { "ontbreken" }
        ),
        Msg::PersonalPlanNotApproved { employee, plan, status } => format!(
            "{employee}: persoonlijk professionaliseringsplan {plan} is {} maar niet goedgekeurd door de leidinggevende",
            plan_status(*status, L)
        ),
        Msg::PersonalPlanMissing { employee, since, years } => format!(
            "{employee} is sinds {} in dienst, meer dan {years} jaar, zonder vastgesteld persoonlijk professionaliseringsplan",
            date(*since, L)
        ),
        Msg::PersonalPlanExpired { employee, plan, agreed_on, years } => format!(
            "{employee}: het laatste vastgestelde persoonlijk professionaliseringsplan {plan} is van {}, meer dan {years} jaar geleden",
            date(*agreed_on, L)
        ),
        Msg::PersonalPlanDueSoon { employee, plan, expires } => {
            format!("{employee}: persoonlijk professionaliseringsplan {plan} moet uiterlijk {} vernieuwd zijn", date(*expires, L))
        }
        Msg::PersonalPlanElementMissing { employee, plan, elements, article: a, lid } => format!(
            "{employee}: persoonlijk professionaliseringsplan {plan} mist {} van {}",
            elements_named(elements),
            article(a.as_deref(), lid.as_deref(), L)
        ),
        Msg::GoalNotAligned { employee, goal } => format!("{employee}: doel {goal} is niet gekoppeld aan een teamdoel of schoolthema"),
        Msg::EvcOfferMissing { employee, level: l, plan } => format!(
            "{employee} ({}) kan een EVC-traject volgen, maar persoonlijk professionaliseringsplan {plan} noemt het niet",
            level(*l, L)
        ),
        Msg::StartkwalificatieOfferMissing { employee, level: l, plan } => format!(
            "{employee} ({}) krijgt de gelegenheid om op kosten van de werkgever een startkwalificatie te behalen, maar persoonlijk professionaliseringsplan {plan} noemt het niet",
            level(*l, L)
        ),
        Msg::NoYearlyConversation { employee, months, as_of } => {
            format!("{employee} had in de {months} maanden voor {} geen gesprek uit de gesprekkencyclus", date(*as_of, L))
        }
        Msg::TaakbeleidBelowBasisrecht { employee, free, basisrecht } => format!(
            "{employee}: onderdeel d van het taakbeleid en de andere uren die de werknemer naar eigen keuze kan inzetten geven samen {}, minder dan het basisrecht van {}",
            hours(*free, L),
            hours(*basisrecht, L)
        ),
        Msg::WtfAboveFullTime { employee, wtf, day } => match employee {
            Some(who) => format!("{who}: gelijktijdige benoemingen tellen op {} op tot een wtf van {}", date(*day, L), number(*wtf, L)),
            None => format!(
                "gelijktijdige benoemingen tellen op {} op tot een wtf van {}: berekend zoals opgegeven",
                date(*day, L),
                number(*wtf, L)
            ),
        },
        Msg::LumpsumBelowMinimum { year, share: s, minimum, shortfall } => format!(
            "de school besteedde in {year} {} van de personele lumpsum aan professionalisering, minder dan het minimum van {}: {} tekort",
            percent(*s, 2, L),
            share(*minimum, L),
            money(*shortfall, L)
        ),
        Msg::CycleStageNotAttended { stage: st, from, to } => format!(
            "'{}' kreeg geen aandacht tussen {} en {}: waar de school ook begint, alle onderdelen vragen aandacht",
            stage(st, L),
            date(*from, L),
            date(*to, L)
        ),
        Msg::MixFormalHeavy { formal, target } => format!(
            "formeel leren is {} van de mix, ver boven de {} van de 70:20:10-richtlijn (advies, geen regel)",
            percent(*formal, 0, L),
            percent(*target, 0, L)
        ),
        Msg::MixNoWorkplaceLearning {} => {
            "geen leren in het werk (de 70 van 70:20:10) in dit plan: overweeg projecten, uitdagende opdrachten of oefenen in de klas (advies)".into()
        }
    }
}
