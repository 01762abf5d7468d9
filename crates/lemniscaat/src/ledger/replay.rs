//! The replay behind [`super::ledger_with`]: the events in their deterministic order, year by
//! year, each step a small function over the [`Replay`] state.
//!
//! Buckets are numbered as they are met (0 is the free basisrecht), so that grants, draws and
//! statements compare and key by number instead of copying and comparing their ids.

use super::explain::explain_statement;
use super::{
    Amounts, Balance, BalanceUnit, Cap, Expiring, Facilities, LedgerEvent, LedgerInput, LedgerResult, SavingBasis, Statement,
    UnitStatement, BASISRECHT, MAX_EVENTS,
};
use crate::entitlement::{self, compute};
use crate::error::{Error, ErrorCode, Result};
use crate::explain::Receipt;
use crate::finding::{Finding, FindingCode, FindingSource};
use crate::message::Msg;
use crate::options::Options;
use crate::people::{Appointment, Category};
use crate::rules::{RuleBook, RuleSet, SavingUnits};
use crate::time::SchoolYear;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

const UNITS: [BalanceUnit; 2] = [BalanceUnit::Hours, BalanceUnit::Money];

/// A bucket by number: its place in [`Buckets`].
type BucketNo = usize;

/// The bucket ids met in one replay, numbered in order of appearance; 0 is the free basisrecht.
struct Buckets<'a>(Vec<&'a str>);

impl<'a> Buckets<'a> {
    fn new() -> Self {
        Buckets(vec![BASISRECHT])
    }
    /// The number of a bucket, numbering it when new.
    fn number(&mut self, id: &'a str) -> BucketNo {
        self.find(id).unwrap_or_else(|| {
            self.0.push(id);
            self.0.len() - 1
        })
    }
    fn find(&self, id: &str) -> Option<BucketNo> {
        self.0.iter().position(|b| *b == id)
    }
    fn id(&self, b: BucketNo) -> &'a str {
        self.0.get(b).copied().unwrap_or(BASISRECHT)
    }
}

/// A grant of one bucket and unit in one school year, and what is left of it.
#[derive(Debug, Clone)]
struct Lot {
    bucket: BucketNo,
    unit: BalanceUnit,
    granted_in: SchoolYear,
    /// The last school year it may be used in (its own, or a saving's `until`).
    expires: SchoolYear,
    /// The cap of a saving covering it, applied when its year ends.
    saving_cap: Option<Option<Decimal>>,
    remaining: Decimal,
}

impl Lot {
    fn usable(&self, b: BucketNo, u: BalanceUnit, y: SchoolYear) -> bool {
        self.bucket == b && self.unit == u && self.granted_in <= y && self.expires >= y
    }
}

/// Planned use of a bucket, released by a usage of the same activity or at the end of its year.
#[derive(Debug, Clone)]
struct Reservation<'a> {
    bucket: BucketNo,
    year: SchoolYear,
    activity: &'a str,
    hours: Decimal,
    money: Decimal,
}

/// A saving agreement of one bucket and unit: the last year it keeps the grant and its cap.
type Savings = BTreeMap<(SchoolYear, BucketNo, BalanceUnit), (SchoolYear, Option<Decimal>)>;

/// The state of a replay.
struct Replay<'a> {
    input: &'a LedgerInput,
    buckets: Buckets<'a>,
    savings: Savings,
    lots: Vec<Lot>,
    reservations: Vec<Reservation<'a>>,
    /// The current school year's statement lines per bucket and unit.
    year: BTreeMap<(BucketNo, BalanceUnit), UnitStatement>,
    facility: Facilities,
    statements: Vec<Statement>,
    bucket_statements: Vec<Statement>,
    facilities: Vec<Facilities>,
    balances: Option<(Vec<Balance>, Vec<Expiring>)>,
    as_of: NaiveDate,
}

/// Replays the events with a given rule book (see [`super::ledger_with`]).
pub(super) fn replay(book: &RuleBook, input: &LedgerInput) -> Result<LedgerResult> {
    check_input(input)?;
    let (first, last, last_asked) = years_to_replay(input)?;
    let order = replay_order(&input.events);
    let (rule_sets, warnings) = rule_sets_by_year(book, input, first, last)?;
    let mut r = Replay::new(input, last_asked);
    r.read_savings(&order, &rule_sets)?;
    let mut next = 0;
    for y in first.through(last) {
        let Some(&rs) = rule_sets.get(&y) else {
            continue;
        };
        r.open_year(rs, y)?;
        next = r.replay_year(rs, y, &order, next)?;
        r.close_year(rs, y);
    }
    Ok(r.finish(rule_sets.get(&last_asked).copied(), warnings))
}

fn check_input(input: &LedgerInput) -> Result<()> {
    input.options.check("/options")?;
    for (i, a) in input.appointments.iter().enumerate() {
        a.check().map_err(|e| e.within(&format!("/appointments/{i}")))?;
    }
    if input.events.len() > MAX_EVENTS {
        let message = Msg::TooMany { what: "events".into(), count: input.events.len(), limit: MAX_EVENTS };
        return Err(Error::of(ErrorCode::LimitExceeded, message).at("/events"));
    }
    Ok(())
}

/// The years to replay, from the earliest asked or touched through the last asked or touched,
/// and the last year asked.
fn years_to_replay(input: &LedgerInput) -> Result<(SchoolYear, SchoolYear, SchoolYear)> {
    let Some(&last_asked) = input.school_years.iter().max() else {
        return Err(Error::of(ErrorCode::MissingField, Msg::NoSchoolYears {}).at("/school_years"));
    };
    let mut first = input.school_years.iter().min().copied().unwrap_or(last_asked);
    let mut last = last_asked;
    for e in &input.events {
        let (a, b) = match e {
            LedgerEvent::Saving { from, until, .. } => (*from, *until),
            other => match other.date() {
                Some(d) => (SchoolYear::containing(d), SchoolYear::containing(d)),
                None => continue,
            },
        };
        first = first.min(a.min(b));
        last = last.max(a.max(b));
    }
    if last.start_year() - first.start_year() > 60 {
        return Err(Error::of(ErrorCode::LimitExceeded, Msg::LedgerTooLong { limit: 60 }).at("/events"));
    }
    Ok((first, last, last_asked))
}

/// Deterministic order: date, kind, then the event's own fields (never the input order); the
/// savings (without a date) first.
fn replay_order(events: &[LedgerEvent]) -> Vec<(usize, &LedgerEvent)> {
    let mut order: Vec<(usize, &LedgerEvent)> = events.iter().enumerate().collect();
    order.sort_by(|a, b| (a.1.date(), a.1.rank(), a.1).cmp(&(b.1.date(), b.1.rank(), b.1)));
    order
}

/// The rule set of every year replayed, and a `RULES_OUT_OF_RANGE` warning for each year asked
/// past the known rules.
fn rule_sets_by_year<'b>(
    book: &'b RuleBook,
    input: &LedgerInput,
    first: SchoolYear,
    last: SchoolYear,
) -> Result<(BTreeMap<SchoolYear, &'b RuleSet>, Vec<Finding>)> {
    let mut rule_sets = BTreeMap::new();
    let mut warnings = Vec::new();
    for y in first.through(last) {
        let (rs, sel) = book.select(y, input.rule_set.as_deref(), input.options.mode).map_err(|e| e.at("/school_years"))?;
        if sel.out_of_range && input.school_years.contains(&y) {
            let source = FindingSource { rule_set: Some(rs.id.clone()), ..Default::default() };
            warnings.push(Finding::of(FindingCode::RulesOutOfRange, source, "/school_years", sel.message));
        }
        rule_sets.insert(y, rs);
    }
    Ok((rule_sets, warnings))
}

fn refused(code: ErrorCode, i: usize, message: Msg) -> Error {
    Error::of(code, message).at(format!("/events/{i}"))
}

fn amount_of(unit: BalanceUnit, hours: Decimal, money: Decimal) -> Decimal {
    match unit {
        BalanceUnit::Hours => hours,
        BalanceUnit::Money => money,
    }
}

fn amount_cap(u: BalanceUnit, cap: &Cap) -> Option<Decimal> {
    match u {
        BalanceUnit::Hours => cap.hours,
        BalanceUnit::Money => cap.money,
    }
}

impl<'a> Replay<'a> {
    fn new(input: &'a LedgerInput, last_asked: SchoolYear) -> Self {
        let as_of = input.as_of.unwrap_or_else(|| last_asked.last_day());
        Replay {
            input,
            buckets: Buckets::new(),
            savings: BTreeMap::new(),
            lots: Vec::new(),
            reservations: Vec::new(),
            year: BTreeMap::new(),
            facility: Facilities { school_year: last_asked, total: Amounts::default(), activities: vec![] },
            statements: Vec::new(),
            bucket_statements: Vec::new(),
            facilities: Vec::new(),
            balances: None,
            as_of,
        }
    }

    /// The saving agreements, each checked against the rules of its `from` year; a second one
    /// for the same year, bucket and unit is refused.
    fn read_savings(&mut self, order: &[(usize, &'a LedgerEvent)], rule_sets: &BTreeMap<SchoolYear, &RuleSet>) -> Result<()> {
        for &(i, e) in order {
            let LedgerEvent::Saving { from, until, units, basis, plan, cap, bucket } = e else {
                continue;
            };
            let rs = rule_sets.get(from).copied().ok_or_else(|| refused(ErrorCode::RulesNotInForce, i, Msg::NoRuleSetForEvent {}))?;
            check_saving(rs, &self.input.options, i, *from, *until, units, *basis, plan.as_deref())?;
            let name = bucket.as_deref().unwrap_or(BASISRECHT);
            let b = self.buckets.number(name);
            for u in units {
                let c = amount_cap(*u, cap);
                if c.is_some_and(|c| c < Decimal::ZERO) {
                    return Err(refused(ErrorCode::InvalidValue, i, Msg::Negative { what: "saving_cap".into() }));
                }
                if self.savings.insert((*from, b, *u), (*until, c)).is_some() {
                    let message = Msg::SecondSaving { from: *from, bucket: name.to_string(), hours: *u == BalanceUnit::Hours };
                    return Err(refused(ErrorCode::SavingNotAllowed, i, message).citing(FindingSource::article(rs, "lapse")));
                }
            }
        }
        Ok(())
    }

    /// The start of a school year: what earlier years carried in, then this year's grants on
    /// 1 August (each a lot, kept until a saving's `until` when one covers it).
    fn open_year(&mut self, rs: &'a RuleSet, y: SchoolYear) -> Result<()> {
        let input = self.input;
        let raw = compute(rs, &input.options, y, &input.appointments, input.support_extension_plan)?;
        let r = input.options.rounding;
        self.year.clear();
        for l in &self.lots {
            self.year.entry((l.bucket, l.unit)).or_default().opening += l.remaining;
        }
        self.grant(y, 0, raw.hours.round(r.hours)?, raw.money.round(r.money)?);
        for &(b, h, m) in &raw.extra {
            let no = self.buckets.number(&b.id);
            self.grant(y, no, h.round(r.hours)?, m.round(r.money)?);
        }
        self.facility = Facilities { school_year: y, total: Amounts::default(), activities: vec![] };
        Ok(())
    }

    fn grant(&mut self, y: SchoolYear, b: BucketNo, hours: Decimal, money: Decimal) {
        for u in UNITS {
            let granted = amount_of(u, hours, money);
            self.year.entry((b, u)).or_default().granted = granted;
            let saving = self.savings.get(&(y, b, u));
            self.lots.push(Lot {
                bucket: b,
                unit: u,
                granted_in: y,
                expires: saving.map_or(y, |s| s.0),
                saving_cap: saving.map(|s| s.1),
                remaining: granted,
            });
        }
    }

    /// The dated events of school year `y` from `next` on; returns where the next year starts.
    fn replay_year(&mut self, rs: &RuleSet, y: SchoolYear, order: &[(usize, &'a LedgerEvent)], mut next: usize) -> Result<usize> {
        while let Some(&(i, e)) = order.get(next) {
            let Some(d) = e.date() else {
                next += 1;
                continue;
            };
            if SchoolYear::containing(d) != y {
                break;
            }
            if d > self.as_of {
                self.take_balances();
            }
            next += 1;
            self.apply(rs, y, i, e)?;
        }
        if self.as_of <= y.last_day() {
            self.take_balances();
        }
        Ok(next)
    }

    fn apply(&mut self, rs: &RuleSet, y: SchoolYear, i: usize, e: &'a LedgerEvent) -> Result<()> {
        match e {
            LedgerEvent::Usage { hours, money, activity, assigned, consent, bucket, .. } => {
                check_non_negative(i, *hours, *money)?;
                let b = self.bucket_of(i, bucket.as_deref())?;
                if *assigned && !*consent {
                    return Err(self.without_consent(rs, y, i, activity, !hours.is_zero() || money.is_zero()));
                }
                self.use_balance(rs, y, i, b, *hours, *money)?;
                for r in self.reservations.iter_mut().filter(|r| r.bucket == b && r.activity == activity) {
                    r.hours = (r.hours - *hours).max(Decimal::ZERO);
                    r.money = (r.money - *money).max(Decimal::ZERO);
                }
            }
            LedgerEvent::Adjustment { hours, money, bucket, .. } => {
                let b = self.bucket_of(i, bucket.as_deref())?;
                for u in UNITS {
                    self.adjust(rs, y, i, b, u, amount_of(u, *hours, *money))?;
                }
            }
            LedgerEvent::Reservation { hours, money, activity, bucket, .. } => {
                check_non_negative(i, *hours, *money)?;
                let b = self.bucket_of(i, bucket.as_deref())?;
                self.reserve(rs, y, i, b, activity, *hours, *money)?;
            }
            LedgerEvent::Facility { hours, money, activity, .. } => {
                check_non_negative(i, *hours, *money)?;
                self.facility.total.hours += *hours;
                self.facility.total.money += *money;
                self.facility.activities.push(activity.clone());
            }
            LedgerEvent::Saving { .. } => {}
        }
        Ok(())
    }

    /// The bucket an event names (default the free basisrecht): one granted or carried into this
    /// year, else `INVALID_VALUE` at the event's `bucket`.
    fn bucket_of(&self, i: usize, name: Option<&str>) -> Result<BucketNo> {
        let name = name.unwrap_or(BASISRECHT);
        if let Some(b) = self.buckets.find(name).filter(|b| self.year.contains_key(&(*b, BalanceUnit::Hours))) {
            return Ok(b);
        }
        let mut known: Vec<&str> = self.year.keys().map(|k| self.buckets.id(k.0)).collect();
        known.sort_unstable();
        known.dedup();
        let message = Msg::BucketNotGranted { bucket: name.to_string(), granted: known.iter().map(|k| k.to_string()).collect() };
        Err(Error::of(ErrorCode::InvalidValue, message).at(format!("/events/{i}/bucket")))
    }

    /// `ASSIGNED_WITHOUT_CONSENT`: an assigned activity charged to the basisrecht without the
    /// employee's consent, citing the consent rule of the unit and category.
    fn without_consent(&self, rs: &RuleSet, y: SchoolYear, i: usize, activity: &str, hours: bool) -> Error {
        let src = super::consent_source(rs, hours, only_category(&self.input.appointments, y));
        let message = Msg::AssignedWithoutConsent {
            activity: activity.to_string(),
            article: src.article.clone(),
            lid: src.lid.clone(),
            facility: rs.article("assigned_activities").map(|a| a.article.clone()),
        };
        refused(ErrorCode::AssignedWithoutConsent, i, message).citing(src)
    }

    /// A usage: drawn from the lots that expire first, refused whole when either unit falls short.
    fn use_balance(&mut self, rs: &RuleSet, y: SchoolYear, i: usize, b: BucketNo, hours: Decimal, money: Decimal) -> Result<()> {
        for u in UNITS {
            let want = amount_of(u, hours, money);
            self.draw_or_refuse(rs, y, i, b, u, want)?;
            if let Some(s) = self.year.get_mut(&(b, u)) {
                s.used += want;
            }
        }
        Ok(())
    }

    /// A signed correction: a negative one is drawn like a usage, a positive one adds to this
    /// year's grant.
    fn adjust(&mut self, rs: &RuleSet, y: SchoolYear, i: usize, b: BucketNo, u: BalanceUnit, v: Decimal) -> Result<()> {
        if v < Decimal::ZERO {
            self.draw_or_refuse(rs, y, i, b, u, -v)?;
        } else if let Some(l) = self.lots.iter_mut().find(|l| l.bucket == b && l.unit == u && l.granted_in == y) {
            l.remaining += v;
        }
        if let Some(s) = self.year.get_mut(&(b, u)) {
            s.adjusted += v;
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn reserve(
        &mut self,
        rs: &RuleSet,
        y: SchoolYear,
        i: usize,
        b: BucketNo,
        activity: &'a str,
        hours: Decimal,
        money: Decimal,
    ) -> Result<()> {
        for u in UNITS {
            let booked = available(&self.lots, b, u, y);
            let reserved: Decimal = self.reservations.iter().filter(|r| r.bucket == b).map(|r| amount_of(u, r.hours, r.money)).sum();
            let want = amount_of(u, hours, money);
            if want > booked - reserved {
                return Err(self.insufficient(rs, y, i, b, u, want, booked - reserved));
            }
        }
        self.reservations.push(Reservation { bucket: b, year: y, activity, hours, money });
        Ok(())
    }

    fn draw_or_refuse(&mut self, rs: &RuleSet, y: SchoolYear, i: usize, b: BucketNo, u: BalanceUnit, want: Decimal) -> Result<()> {
        match draw(&mut self.lots, b, u, y, want) {
            Ok(()) => Ok(()),
            Err(avail) => Err(self.insufficient(rs, y, i, b, u, want, avail)),
        }
    }

    /// `INSUFFICIENT_BALANCE`, citing the grant the balance comes from.
    #[allow(clippy::too_many_arguments)]
    fn insufficient(&self, rs: &RuleSet, y: SchoolYear, i: usize, b: BucketNo, u: BalanceUnit, want: Decimal, avail: Decimal) -> Error {
        let bucket = self.buckets.id(b).to_string();
        let message = Msg::Insufficient { bucket, hours: u == BalanceUnit::Hours, asked: want, available: avail };
        let c = only_category(&self.input.appointments, y).unwrap_or(Category::Teacher);
        let grant = FindingSource::param(rs, rs.parameters.base(c, u == BalanceUnit::Hours));
        refused(ErrorCode::InsufficientBalance, i, message).citing(grant)
    }

    /// The balances and the expiring-soon list on `as_of`, once.
    fn take_balances(&mut self) {
        if self.balances.is_none() {
            let window = self.input.expiring_within_days.unwrap_or(90);
            self.balances = Some((
                balances(&self.lots, &self.reservations, &self.buckets, self.as_of),
                expiring(&self.lots, &self.buckets, self.as_of, window),
            ));
        }
    }

    /// The end of a school year: saving caps applied, what expires lapses; the statements when
    /// the year was asked for.
    fn close_year(&mut self, rs: &RuleSet, y: SchoolYear) {
        let mut lapsed: BTreeMap<(BucketNo, BalanceUnit), Decimal> = BTreeMap::new();
        for l in self.lots.iter_mut() {
            if let (true, Some(cap)) = (l.granted_in == y, l.saving_cap) {
                let keep = cap.map_or(l.remaining, |c| l.remaining.min(c));
                *lapsed.entry((l.bucket, l.unit)).or_default() += l.remaining - keep;
                l.remaining = keep;
            }
            if l.expires == y {
                *lapsed.entry((l.bucket, l.unit)).or_default() += l.remaining;
                l.remaining = Decimal::ZERO;
            }
        }
        self.lots.retain(|l| l.expires > y);
        self.reservations.retain(|r| r.year > y);
        if self.input.school_years.contains(&y) {
            self.state_year(rs, y, &lapsed);
        }
    }

    /// The statements of every bucket of a school year asked for, in order of bucket id.
    fn state_year(&mut self, rs: &RuleSet, y: SchoolYear, lapsed: &BTreeMap<(BucketNo, BalanceUnit), Decimal>) {
        let mut per_bucket: Vec<(&'a str, BucketNo, UnitStatement, UnitStatement)> = Vec::new();
        for (&(b, u), s) in &self.year {
            let mut s = *s;
            s.lapsed = lapsed.get(&(b, u)).copied().unwrap_or_default();
            s.carried = self.lots.iter().filter(|l| l.bucket == b && l.unit == u).map(|l| l.remaining).sum();
            let k = match per_bucket.iter().position(|p| p.1 == b) {
                Some(k) => k,
                None => {
                    per_bucket.push((self.buckets.id(b), b, UnitStatement::default(), UnitStatement::default()));
                    per_bucket.len() - 1
                }
            };
            match u {
                BalanceUnit::Hours => per_bucket[k].2 = s,
                BalanceUnit::Money => per_bucket[k].3 = s,
            }
        }
        per_bucket.sort_by_key(|p| p.0);
        let category = only_category(&self.input.appointments, y);
        for (name, b, h, m) in per_bucket {
            let explanation = if self.input.explain {
                let saved = |u| self.savings.get(&(y, b, u)).map(|s| s.0);
                let units = [(&h, saved(BalanceUnit::Hours)), (&m, saved(BalanceUnit::Money))];
                explain_statement(rs, y, name, units, category, self.as_of < y.last_day())
            } else {
                Vec::new()
            };
            let statement =
                Statement { school_year: y, bucket: name.to_string(), rule_set: rs.id.clone(), hours: h, money: m, explanation };
            if b == 0 {
                self.statements.push(statement);
            } else {
                self.bucket_statements.push(statement);
            }
        }
        let fac = std::mem::replace(&mut self.facility, Facilities { school_year: y, total: Amounts::default(), activities: vec![] });
        self.facilities.push(fac);
    }

    fn finish(mut self, last_rule_set: Option<&RuleSet>, warnings: Vec<Finding>) -> LedgerResult {
        self.take_balances();
        let (balances, expiring) = self.balances.take().unwrap_or_default();
        let free_to_plan = balances.iter().find(|b| b.bucket == BASISRECHT).map(|b| b.free_to_plan).unwrap_or_default();
        let input = self.input;
        let receipt = last_rule_set.filter(|_| input.explain).map(|rs| {
            let (reading, _) = entitlement::reading(rs, &input.options);
            let units = rs.parameters.saving.value.right.as_ref().map(|r| input.options.saving_units.unwrap_or(r.default));
            Receipt::new(rs, input.options.receipt_map(reading, units), Some(self.as_of.to_string()), input)
        });
        LedgerResult {
            statements: self.statements,
            bucket_statements: self.bucket_statements,
            balances,
            free_to_plan,
            expiring,
            facilities: self.facilities,
            warnings,
            receipt,
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn check_saving(
    rs: &RuleSet,
    options: &Options,
    i: usize,
    from: SchoolYear,
    until: SchoolYear,
    units: &[BalanceUnit],
    basis: SavingBasis,
    plan: Option<&str>,
) -> Result<()> {
    let s = &rs.parameters.saving;
    let article = rs.article("lapse").map(|a| a.article.clone());
    let refuse = |message: Msg| Err(refused(ErrorCode::SavingNotAllowed, i, message).citing(FindingSource::article(rs, "lapse")));
    if until <= from {
        return refuse(Msg::SavingTooShort { from, until });
    }
    if units.is_empty() {
        return refuse(Msg::SavingNoUnits {});
    }
    match basis {
        SavingBasis::Agreement => {
            if !s.value.agreement {
                return refuse(Msg::SavingForbidden { rule_set: rs.id.clone(), article });
            }
        }
        SavingBasis::Right => {
            let Some(right) = &s.value.right else {
                return refuse(Msg::NoRightToSave { rule_set: rs.id.clone(), from, article });
            };
            if right.requires_plan && plan.is_none_or(|p| p.trim().is_empty()) {
                return refuse(Msg::SavingNeedsPlan { article });
            }
            let span = (until.start_year() - from.start_year() + 1) as u32;
            if span > right.max_years {
                return refuse(Msg::SavingTooLong { max: right.max_years, from, until, span });
            }
            let reading = options.saving_units.filter(|u| right.interpretations.contains(u)).unwrap_or(right.default);
            if reading == SavingUnits::MoneyOnly && units.contains(&BalanceUnit::Hours) {
                return refuse(Msg::SavingMoneyOnly {});
            }
        }
    }
    Ok(())
}

fn check_non_negative(i: usize, hours: Decimal, money: Decimal) -> Result<()> {
    if hours < Decimal::ZERO || money < Decimal::ZERO {
        return Err(refused(ErrorCode::InvalidValue, i, Msg::Negative { what: "event".into() }));
    }
    Ok(())
}

fn available(lots: &[Lot], b: BucketNo, u: BalanceUnit, y: SchoolYear) -> Decimal {
    lots.iter().filter(|l| l.usable(b, u, y)).map(|l| l.remaining).sum()
}

/// Draws `want` from the lots that expire first (oldest grant on ties); `Err(available)` when
/// short. The usable lots of a bucket and unit are few (this year's grant and what savings
/// keep), so the next one is found by a scan rather than a sort.
fn draw(lots: &mut [Lot], b: BucketNo, u: BalanceUnit, y: SchoolYear, want: Decimal) -> std::result::Result<(), Decimal> {
    if want.is_zero() {
        return Ok(());
    }
    let avail = available(lots, b, u, y);
    if want > avail {
        return Err(avail);
    }
    let mut left = want;
    while !left.is_zero() {
        let next =
            lots.iter_mut().filter(|l| l.usable(b, u, y) && crate::num::positive(l.remaining)).min_by_key(|l| (l.expires, l.granted_in));
        let Some(l) = next else {
            break;
        };
        let take = left.min(l.remaining);
        l.remaining -= take;
        left -= take;
    }
    Ok(())
}

/// Every bucket's balance on `date`, in order of bucket id.
fn balances(lots: &[Lot], reservations: &[Reservation], buckets: &Buckets, date: NaiveDate) -> Vec<Balance> {
    let y = SchoolYear::containing(date);
    let mut held: Vec<BucketNo> = lots.iter().map(|l| l.bucket).collect();
    held.sort_unstable_by_key(|b| buckets.id(*b));
    held.dedup();
    held.into_iter()
        .map(|b| {
            let booked = Amounts { hours: available(lots, b, BalanceUnit::Hours, y), money: available(lots, b, BalanceUnit::Money, y) };
            let mut reserved = Amounts::default();
            for r in reservations.iter().filter(|r| r.bucket == b && r.year == y) {
                reserved.hours += r.hours;
                reserved.money += r.money;
            }
            let free_to_plan = Amounts {
                hours: (booked.hours - reserved.hours).max(Decimal::ZERO),
                money: (booked.money - reserved.money).max(Decimal::ZERO),
            };
            Balance { bucket: buckets.id(b).to_string(), date, booked, reserved, free_to_plan }
        })
        .collect()
}

/// What lapses within `window` days after `date`, per bucket, grant year and last day.
fn expiring(lots: &[Lot], buckets: &Buckets, date: NaiveDate, window: u32) -> Vec<Expiring> {
    let y = SchoolYear::containing(date);
    let horizon = date.checked_add_days(chrono::Days::new(window as u64)).unwrap_or(date);
    let mut out: BTreeMap<(&str, SchoolYear, NaiveDate), Amounts> = BTreeMap::new();
    for l in lots.iter().filter(|l| l.granted_in <= y && l.expires >= y && crate::num::positive(l.remaining)) {
        // A grant still covered by a saving of its own year keeps only up to the cap; the rest
        // lapses at the end of its own year.
        let (lapse_day, amount) = match l.saving_cap {
            Some(Some(cap)) if l.granted_in == y && l.remaining > cap => (y.last_day(), l.remaining - cap),
            _ => (l.expires.last_day(), l.remaining),
        };
        if lapse_day <= horizon {
            let a = out.entry((buckets.id(l.bucket), l.granted_in, lapse_day)).or_default();
            match l.unit {
                BalanceUnit::Hours => a.hours += amount,
                BalanceUnit::Money => a.money += amount,
            }
        }
    }
    out.into_iter()
        .map(|((bucket, granted_in, lapses_after), amounts)| Expiring { bucket: bucket.to_string(), granted_in, lapses_after, amounts })
        .collect()
}

/// The one category of the appointments that run in a school year, if they share one.
pub(crate) fn only_category(apps: &[Appointment], y: SchoolYear) -> Option<Category> {
    let (first, last) = (y.first_day(), y.last_day());
    let mut held = apps.iter().filter(|a| a.start <= last && a.end.is_none_or(|e| e >= first)).map(|a| a.category);
    let c = held.next()?;
    held.all(|x| x == c).then_some(c)
}
