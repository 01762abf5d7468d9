//! Employees: their appointments, personal plans ([`super::personal`]), the conversation cycle
//! (a yearly conversation; accounting afterwards for the use of the basisrecht, 17.4 lid 4), the
//! ledger (17.4-17.7) and the taakbeleid (17.8).

use super::personal::{self, Above};
use super::Ctx;
use crate::dataset::Employee;
use crate::entitlement::{self, EntitlementInput};
use crate::error::{ErrorCode, Result};
use crate::finding::{Finding, FindingCode, FindingSource};
use crate::ledger::{ledger_with, LedgerEvent, LedgerInput};
use crate::message::Msg;
use crate::people::first_overlap_above_full_time;
use crate::time::{add_months, SchoolYear};
use chrono::NaiveDate;

/// An employee as the rules read them: index, the name a person reads, first day in service.
/// Paths are written only for a finding (most employees have none).
pub(super) struct Person<'a> {
    pub i: usize,
    pub e: &'a Employee,
    pub who: &'a str,
    pub since: NaiveDate,
}

impl Person<'_> {
    /// The employee's path.
    pub fn at(&self) -> String {
        format!("/employees/{}", self.i)
    }

    /// The path of the employee's personal plan `j`.
    pub fn plan(&self, j: usize) -> String {
        format!("/employees/{}/personal_plans/{j}", self.i)
    }
}

/// Every rule of every employee. Appointments that are not well-formed are an error of the input.
pub(super) fn check(cx: &mut Ctx) -> Result<()> {
    let ds = cx.ds;
    let above = Above::of(ds);
    for (i, e) in ds.employees.iter().enumerate() {
        for (k, a) in e.appointments.iter().enumerate() {
            a.check().map_err(|er| er.within(&format!("/employees/{i}/appointments/{k}")))?;
        }
        let p = Person { i, e, who: e.name.as_deref().unwrap_or(&e.id), since: e.in_service_since().unwrap_or(cx.as_of) };
        above_full_time(cx, &p);
        if !e.employed_on(cx.as_of) {
            continue;
        }
        personal::check(cx, &p, &above);
        yearly_conversation(cx, &p);
        accounted_for(cx, &p);
        ledger(cx, &p)?;
        taakbeleid(cx, &p)?;
    }
    Ok(())
}

/// `WTF_ABOVE_FULL_TIME`: appointments that together exceed a full-time wtf on some day.
fn above_full_time(cx: &mut Ctx, p: &Person) {
    if let Some((day, sum)) = first_overlap_above_full_time(&p.e.appointments) {
        let f = entitlement::wtf_above_full_time(cx.rs, format!("{}/appointments", p.at()), Some(p.who), day, sum);
        cx.push(f.with("employee", p.e.id.clone()));
    }
}

/// `NO_YEARLY_CONVERSATION`: in service for the whole window without a conversation in it.
fn yearly_conversation(cx: &mut Ctx, p: &Person) {
    let months = cx.settings.conversation_months;
    let start = add_months(cx.as_of, -(months as i32)).unwrap_or(cx.as_of);
    if p.since > start || p.e.conversations.iter().any(|c| c.date > start && c.date <= cx.as_of) {
        return;
    }
    cx.push(
        Finding::of(
            FindingCode::NoYearlyConversation,
            FindingSource::handreiking(super::settings::CONVERSATION_MONTHS.source),
            format!("{}/conversations", p.at()),
            Msg::NoYearlyConversation { employee: p.who.to_string(), months, as_of: cx.as_of },
        )
        .with("employee", p.e.id.clone()),
    );
}

/// The school year whose use of the basisrecht is to be accounted for by `as_of`: the latest one
/// that ended a whole conversation window (`months`) before it.
pub(super) fn year_to_account(as_of: NaiveDate, months: u32) -> Option<SchoolYear> {
    let sy = SchoolYear::containing(as_of);
    [sy.previous()?, sy.previous()?.previous()?]
        .into_iter()
        .find(|y| y.range().end().and_then(|end| add_months(end, months as i32)).is_some_and(|due| due <= as_of))
}

/// `USE_NOT_ACCOUNTED_FOR` (17.4 lid 4): the employee used the basisrecht in a school year and no
/// conversation of the cycle since records that the use was accounted for (`accounted_for`
/// naming the school year). Judged once a whole conversation window has passed after that year.
fn accounted_for(cx: &mut Ctx, p: &Person) {
    let Some(year) = year_to_account(cx.as_of, cx.settings.conversation_months) else { return };
    if cx.book.choose(year, None, crate::rules::Mode::Lenient).is_err() {
        // Before the first cao with a basisrecht there is nothing to account for.
        return;
    }
    let used = p.e.ledger.iter().any(|ev| matches!(ev, LedgerEvent::Usage { date, .. } if year.contains(*date)));
    let ended = year.range().end().unwrap_or(cx.as_of);
    let accounted = p.e.conversations.iter().any(|c| c.date > ended && c.date <= cx.as_of && c.accounted_for.contains(&year));
    if !used || accounted {
        return;
    }
    cx.push(
        Finding::of(
            FindingCode::UseNotAccountedFor,
            FindingSource::article(cx.rs, "accounting_afterwards"),
            format!("{}/conversations", p.at()),
            Msg::UseNotAccountedFor { employee: p.who.to_string(), school_year: year },
        )
        .with("employee", p.e.id.clone())
        .with("school_year", year.to_string()),
    );
}

/// The ledger (17.4-17.7) of the school year: a refused event is a finding
/// (`INSUFFICIENT_BALANCE`, `ASSIGNED_WITHOUT_CONSENT`, `SAVING_NOT_ALLOWED`), any other refusal
/// an error of the input.
fn ledger(cx: &mut Ctx, p: &Person) -> Result<()> {
    let ds = cx.ds;
    if p.e.ledger.is_empty() {
        return Ok(());
    }
    let input = LedgerInput {
        appointments: p.e.appointments.clone(),
        events: p.e.ledger.clone(),
        school_years: vec![cx.sy],
        rule_set: ds.rule_set.clone(),
        options: ds.options,
        support_extension_plan: p.e.asks_support_extension(),
        as_of: Some(cx.as_of),
        expiring_within_days: None,
        explain: false,
    };
    let Err(err) = ledger_with(cx.book, &input) else { return Ok(()) };
    let path = Employee::ledger_error_path(p.i, err.path());
    let code = match err.code() {
        ErrorCode::InsufficientBalance => FindingCode::InsufficientBalance,
        ErrorCode::AssignedWithoutConsent => FindingCode::AssignedWithoutConsent,
        ErrorCode::SavingNotAllowed => FindingCode::SavingNotAllowed,
        _ => return Err(err.at(path)),
    };
    let src = err.cites().cloned().unwrap_or_else(|| FindingSource::article(cx.rs, "lapse"));
    cx.push(Finding::of(code, src, path, Msg::Of { name: p.who.to_string(), message: err.into_msg() }).with("employee", p.e.id.clone()));
    Ok(())
}

/// `TAAKBELEID_BELOW_BASISRECHT` (17.8): the jaartaak leaves fewer free hours than the basisrecht.
fn taakbeleid(cx: &mut Ctx, p: &Person) -> Result<()> {
    let (ds, sy) = (cx.ds, cx.sy);
    for (k, t) in p.e.taakbeleid.iter().enumerate().filter(|(_, t)| t.school_year == sy) {
        let mut input = EntitlementInput::new(cx.sy, p.e.appointments.clone());
        input.rule_set = ds.rule_set.clone();
        input.options = ds.options;
        input.explain = false;
        input.support_extension_plan = p.e.asks_support_extension();
        let ent = entitlement::entitlement_with(cx.book, &input).map_err(|er| er.within(&p.at()))?;
        let free = t.component_d_hours + t.other_free_hours.unwrap_or_default();
        if free >= ent.hours {
            continue;
        }
        cx.push(
            Finding::of(
                FindingCode::TaakbeleidBelowBasisrecht,
                FindingSource::article(cx.rs, "taakbeleid"),
                format!("{}/taakbeleid/{k}", p.at()),
                Msg::TaakbeleidBelowBasisrecht { employee: p.who.to_string(), free, basisrecht: ent.hours },
            )
            .with("employee", p.e.id.clone())
            .with("free_hours", free.to_string())
            .with("basisrecht_hours", ent.hours.to_string()),
        );
    }
    Ok(())
}
