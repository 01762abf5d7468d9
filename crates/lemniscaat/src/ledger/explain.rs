//! The explained lines of a ledger statement: opening, granted, used, adjusted, lapsed and
//! carried, per unit, each with its article in the rule set of the year.

use super::{consent_source, UnitStatement, BASISRECHT};
use crate::explain::{Source, Step, Unit};
use crate::message::Msg;
use crate::people::Category;
use crate::rules::RuleSet;
use crate::time::SchoolYear;
use rust_decimal::Decimal;
use std::borrow::Cow;

/// The source of the ledger's "used" line: the consent rule of the unit and category.
fn used_source(rs: &RuleSet, hours: bool, category: Option<Category>) -> Source {
    let f = consent_source(rs, hours, category);
    match rs.article(if hours { "consent_hours" } else { "consent_money" }) {
        Some(a) => Source::Rule {
            rule_set: rs.id.clone(),
            article: f.article,
            lid: f.lid,
            confidence: a.provenance.confidence,
            article_confidence: f.confidence.filter(|c| *c != a.provenance.confidence),
            document: a.provenance.source.clone(),
        },
        None => Source::article(rs, "consent_hours"),
    }
}

/// The source of the "granted" line: the basisrecht article of the employee's category (17.4/17.5
/// lid 1 for teachers, lid 3 for support staff, ...), or the extra bucket's own; with several
/// categories in the year, the entitlement's own explanation has the part of each.
fn grant_source(rs: &RuleSet, bucket: &str, hours: bool, category: Option<Category>) -> Source {
    match (bucket == BASISRECHT, category) {
        (true, Some(c)) => Source::rule(rs, rs.parameters.base(c, hours)),
        (true, None) => Source::Computation,
        (false, _) => rs.parameters.extra_buckets.iter().find(|b| b.id == bucket).map_or(Source::Computation, |b| Source::bucket(rs, b)),
    }
}

/// The explained lines of one bucket's statement in school year `y`: for hours and money (each
/// with the last year a saving keeps it, if one does), six lines.
pub(super) fn explain_statement(
    rs: &RuleSet,
    y: SchoolYear,
    bucket: &str,
    units: [(&UnitStatement, Option<SchoolYear>); 2],
    category: Option<Category>,
    projected: bool,
) -> Vec<Step> {
    let mut steps = Vec::with_capacity(12);
    let lapse = Source::article(rs, "lapse");
    for ((s, saved_until), (unit, u)) in units.into_iter().zip([("hours", Unit::Hours), ("money", Unit::Eur)]) {
        let hours = unit == "hours";
        let amount: Cow<'static, str> = match (bucket, hours) {
            (BASISRECHT, true) => "basisrecht/hours".into(),
            (BASISRECHT, false) => "basisrecht/money".into(),
            _ => format!("{bucket}/{unit}").into(),
        };
        let lapsed = if projected {
            Msg::LedgerLapsesProjected { school_year: y, last_day: y.last_day() }
        } else {
            Msg::LedgerLapsed { school_year: y, last_day: y.last_day() }
        };
        let carried = match saved_until {
            Some(until) => Msg::LedgerCarriedUntil { until },
            None => Msg::LedgerCarried {},
        };
        // Each line pushed where it is made (an array of lines first moved every step twice).
        let mut line = |step: &'static str, value: Decimal, message: Msg, source: Source| {
            steps.push(Step { step: step.into(), amount: amount.clone(), value: Some(value), unit: u, message, source });
        };
        line("opening", s.opening, Msg::LedgerOpening {}, lapse.clone());
        line("granted", s.granted, Msg::LedgerGranted { school_year: y }, grant_source(rs, bucket, hours, category));
        line("used", s.used, Msg::LedgerUsed {}, used_source(rs, hours, category));
        line("adjusted", s.adjusted, Msg::LedgerAdjusted {}, Source::Input { path: "/events".into() });
        line("lapsed", s.lapsed, lapsed, lapse.clone());
        line("carried", s.carried, carried, lapse.clone());
    }
    steps
}
