//! De Nederlandse teksten van de berichtencatalogus: één `match`, één tekst per bericht.

use super::{rule_set_name, Msg};
use crate::explain::Source;
use crate::locale::{category, date, hours, level, money, number, reading, rounding_mode, share, Lang};
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
pub(super) fn rule(rule_set: &str, article: Option<&str>, lid: Option<&str>, confidence: Option<Confidence>) -> String {
    let mut s = rule_set_name(rule_set);
    if let Some(a) = article {
        s.push_str(&format!(", art. {a}"));
        if let Some(l) = lid {
            s.push_str(&format!(" lid {l}"));
        }
        if confidence == Some(Confidence::Inferred) {
            s.push_str(" (artikelnummer afgeleid)");
        }
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

/// Where a step's value comes from, as a person reads it.
pub(super) fn source(s: &Source) -> String {
    match s {
        Source::Rule { rule_set, article, lid, confidence, .. } => rule(rule_set, article.as_deref(), lid.as_deref(), Some(*confidence)),
        Source::Policy { option, value, default } => {
            format!("keuze van lemniscaat: {}{}", policy(option, value), if *default { " (standaard)" } else { "" })
        }
        Source::Interpretation { id, rule_set, article, lid, .. } => {
            let r = super::parse_id::<ProRataReading>(id).map_or_else(|| id.clone(), |r| reading(r, L).to_string());
            format!("lezing {r}, {}", rule(rule_set, article.as_deref(), lid.as_deref(), None))
        }
        Source::Input { path } => format!("invoer ({path})"),
        Source::Computation => "berekening".into(),
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
    }
}
