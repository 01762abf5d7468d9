//! Property tests of the invariants (proptest; `PROPTEST_CASES` sets the number of cases, CI runs
//! 10,000 for the ledger).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test stops at its first surprise

use chrono::NaiveDate;
use lemniscaat::entitlement::entitlement_exact;
use lemniscaat::learning::{classify, mix, ClassifyInput, MixActivity, MixInput};
use lemniscaat::ledger::{ledger, LedgerEvent, LedgerInput};
use lemniscaat::options::TemporalProRata;
use lemniscaat::{entitlement, Appointment, Category, EntitlementInput, SchoolYear, Wtf};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn day(offset: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2014, 8, 1).unwrap() + chrono::Days::new(offset as u64)
}

fn wtf_strategy() -> impl Strategy<Value = Decimal> {
    (1u32..=1000).prop_map(|n| Decimal::new(n as i64, 3))
}

fn category() -> impl Strategy<Value = Category> {
    prop_oneof![Just(Category::Teacher), Just(Category::Support), Just(Category::Management)]
}

fn temporal() -> impl Strategy<Value = TemporalProRata> {
    prop_oneof![Just(TemporalProRata::CalendarDays), Just(TemporalProRata::WholeMonths), Just(TemporalProRata::None)]
}

fn input(apps: Vec<Appointment>, t: TemporalProRata) -> EntitlementInput {
    let mut i = EntitlementInput::new("2014-2015".parse().unwrap(), apps);
    i.options.temporal_pro_rata = t;
    i.explain = false;
    i
}

fn app(c: Category, w: Decimal, start: u32, end: Option<u32>) -> Appointment {
    Appointment::new(c, Wtf::new(w).unwrap(), day(start), end.map(day), None).unwrap()
}

proptest! {
    #[test]
    fn monotone_in_wtf(c in category(), a in wtf_strategy(), b in wtf_strategy(), s in 0u32..365, len in 0u32..400, t in temporal()) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let end = Some(s + len);
        let x = entitlement(&input(vec![app(c, lo, s, end)], t)).unwrap();
        let y = entitlement(&input(vec![app(c, hi, s, end)], t)).unwrap();
        prop_assert!(x.hours <= y.hours && x.money <= y.money);
    }

    #[test]
    fn monotone_in_days_covered(c in category(), w in wtf_strategy(), s in 0u32..365, l1 in 0u32..365, extra in 0u32..365) {
        // calendar-days and whole-months: more days never give less (`none` ignores days by design).
        for t in [TemporalProRata::CalendarDays, TemporalProRata::WholeMonths] {
            let x = entitlement(&input(vec![app(c, w, s, Some(s + l1))], t)).unwrap();
            let y = entitlement(&input(vec![app(c, w, s, Some(s + l1 + extra))], t)).unwrap();
            prop_assert!(x.hours <= y.hours && x.money <= y.money);
        }
    }

    #[test]
    fn a_split_appointment_sums_to_the_unsplit_one_before_rounding(c in category(), w in wtf_strategy(), s in 0u32..300, len in 1u32..400, cut in 0u32..400) {
        let cut = cut % len;
        let whole = entitlement_exact(&input(vec![app(c, w, s, Some(s + len))], TemporalProRata::CalendarDays)).unwrap();
        let split = entitlement_exact(&input(vec![app(c, w, s, Some(s + cut)), app(c, w, s + cut + 1, Some(s + len))], TemporalProRata::CalendarDays)).unwrap();
        prop_assert!(whole.hours.same_value(&split.hours), "{:?} {:?}", whole.hours, split.hours);
        prop_assert!(whole.money.same_value(&split.money));
    }

    #[test]
    fn never_above_full_time_for_one_appointment(c in category(), w in wtf_strategy(), s in 0u32..365, len in proptest::option::of(0u32..800), t in temporal(), y in 2014i32..2026) {
        let mut i = input(vec![app(c, w, s, len.map(|l| s + l))], t);
        i.school_year = SchoolYear::new(y).unwrap();
        i.appointments[0].start = i.school_year.first_day() + chrono::Days::new(s as u64);
        i.appointments[0].end = len.map(|l| i.appointments[0].start + chrono::Days::new(l as u64));
        let e = entitlement(&i).unwrap();
        let rs = lemniscaat::RuleBook::builtin().get(&e.rule_set).unwrap();
        prop_assert!(e.hours <= rs.parameters.base_hours(c).value);
        prop_assert!(e.money <= rs.parameters.base_money(c).value);
        prop_assert!(e.hours >= Decimal::ZERO && e.money >= Decimal::ZERO);
    }

    #[test]
    fn entitlement_input_and_result_round_trip(c in category(), w in wtf_strategy(), s in 0u32..365, len in proptest::option::of(0u32..800), t in temporal()) {
        let mut i = input(vec![app(c, w, s, len.map(|l| s + l))], t);
        i.explain = true;
        let text = serde_json::to_string(&i).unwrap();
        let back: EntitlementInput = lemniscaat::json::from_str(&text).unwrap();
        prop_assert_eq!(&back, &i);
        let e = entitlement(&i).unwrap();
        let text = serde_json::to_string(&e).unwrap();
        // Read back, a result writes the same JSON again (its messages keep their ids and arguments).
        let back: lemniscaat::Entitlement = serde_json::from_str(&text).unwrap();
        prop_assert_eq!((back.hours, back.money, &back.receipt), (e.hours, e.money, &e.receipt));
        prop_assert_eq!(serde_json::to_value(&back).unwrap(), serde_json::from_str::<serde_json::Value>(&text).unwrap());
    }

    #[test]
    fn classifier_never_panics_and_scores_sum_to_one(text in "\\PC{0,80}") {
        let c = classify(&ClassifyInput::text(&text)).unwrap();
        let s = c.scores;
        let sum = s.experience + s.social + s.formal + s.unknown;
        prop_assert!((sum - Decimal::ONE).abs() <= Decimal::new(3, 4), "{sum}");
    }

    #[test]
    fn mix_shares_sum_to_one_when_weighted(items in proptest::collection::vec(("\\PC{0,30}", 0u32..100), 1..8)) {
        let activities: Vec<MixActivity> = items.iter().map(|(t, h)| MixActivity { text: Some(t.clone()), hours: Some(Decimal::from(*h)), ..Default::default() }).collect();
        let total: u32 = items.iter().map(|x| x.1).sum();
        let m = mix(&MixInput { activities, ..Default::default() }).unwrap();
        let s = m.shares;
        let sum = s.experience + s.social + s.formal + s.unknown;
        if total > 0 {
            prop_assert!((sum - Decimal::ONE).abs() <= Decimal::new(3, 4), "{sum}");
        } else {
            prop_assert_eq!(sum, Decimal::ZERO);
        }
    }
}

fn amount() -> impl Strategy<Value = Decimal> {
    (0u32..6000).prop_map(|n| Decimal::new(n as i64, 2))
}

fn event() -> impl Strategy<Value = LedgerEvent> {
    let date = (0u32..(4 * 365)).prop_map(day);
    prop_oneof![
        4 => (date.clone(), amount(), amount(), any::<bool>(), any::<bool>(), 0u8..3).prop_map(|(date, hours, money, assigned, consent, a)| LedgerEvent::Usage {
            date, hours, money: money * Decimal::from(5), activity: format!("A{a}"), assigned, consent, bucket: None }),
        1 => (date.clone(), amount(), amount(), any::<bool>()).prop_map(|(date, h, m, neg)| {
            let s = if neg { Decimal::NEGATIVE_ONE } else { Decimal::ONE };
            LedgerEvent::Adjustment { date, hours: h * s, money: m * s, reason: "correction".into(), bucket: None }
        }),
        1 => (date.clone(), amount(), amount(), 0u8..3).prop_map(|(date, hours, money, a)| LedgerEvent::Reservation { date, hours, money, activity: format!("A{a}"), bucket: None }),
        1 => (0i32..3, 1i32..3, proptest::option::of(amount())).prop_map(|(from, span, cap)| LedgerEvent::Saving {
            from: SchoolYear::new(2014 + from).unwrap(), until: SchoolYear::new(2014 + from + span).unwrap(),
            units: vec![lemniscaat::ledger::BalanceUnit::Hours, lemniscaat::ledger::BalanceUnit::Money],
            basis: lemniscaat::ledger::SavingBasis::Agreement, plan: None,
            cap: lemniscaat::ledger::Cap { hours: cap, money: cap.map(|c| c * Decimal::from(5)) }, bucket: None }),
    ]
}

fn ledger_input(events: Vec<LedgerEvent>, wtf: Decimal) -> LedgerInput {
    LedgerInput {
        appointments: vec![app(Category::Teacher, wtf, 0, None)],
        events,
        school_years: (2014..2018).map(|y| SchoolYear::new(y).unwrap()).collect(),
        rule_set: None,
        options: Default::default(),
        support_extension_plan: false,
        as_of: None,
        expiring_within_days: None,
        explain: true,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(512), ..ProptestConfig::default() })]

    #[test]
    fn ledger_invariants(events in proptest::collection::vec(event(), 0..12), wtf in wtf_strategy(), seed in any::<u64>()) {
        let input = ledger_input(events.clone(), wtf);
        let first = ledger(&input);
        // Any permutation of the events gives the same answer.
        let mut shuffled = events.clone();
        let mut s = seed;
        for i in (1..shuffled.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (s >> 33) as usize % (i + 1));
        }
        let second = ledger(&ledger_input(shuffled, wtf));
        match (&first, &second) {
            (Ok(a), Ok(b)) => prop_assert_eq!(&a.statements, &b.statements),
            (Err(a), Err(b)) => prop_assert_eq!(a.code(), b.code()),
            _ => prop_assert!(false, "one order refused, the other not: {:?} / {:?}", first.as_ref().err(), second.as_ref().err()),
        }
        if let Ok(r) = first {
            let mut prev: Option<(Decimal, Decimal)> = None;
            for st in &r.statements {
                for u in [&st.hours, &st.money] {
                    prop_assert_eq!(u.opening + u.granted - u.used + u.adjusted, u.lapsed + u.carried, "{:?}", st);
                    for v in [u.opening, u.granted, u.used, u.lapsed, u.carried] {
                        prop_assert!(v >= Decimal::ZERO, "{:?}", st);
                    }
                }
                if let Some((h, m)) = prev {
                    prop_assert_eq!(st.hours.opening, h);
                    prop_assert_eq!(st.money.opening, m);
                }
                prev = Some((st.hours.carried, st.money.carried));
            }
            for b in &r.balances {
                prop_assert!(b.free_to_plan.hours >= Decimal::ZERO && b.booked.hours >= Decimal::ZERO);
            }
            // Re-running gives the same statements.
            let again = ledger(&input).unwrap();
            prop_assert_eq!(again.statements, r.statements);
        }
    }
}

/// A few values each, so that employees share appointment shapes and the batch's memo is hit.
fn pool_app() -> impl Strategy<Value = (Category, &'static str, &'static str, &'static str)> {
    (
        category(),
        prop::sample::select(vec!["1", "0.8", "0.80", "0.5", "0.255"]),
        prop::sample::select(vec!["2010-08-01", "2014-08-01", "2014-11-15", "2015-03-01", "2024-08-01", "2025-03-01"]),
        prop::sample::select(vec!["", "2015-07-31", "2015-01-31", "2016-06-30", "2014-12-31", "2025-01-31", "2025-07-31"]),
    )
}

proptest! {
    /// The batch (grouped or in any order, with its memo of shapes) gives every employee exactly
    /// what the entitlement of that employee alone gives.
    #[test]
    fn the_batch_equals_one_employee_at_a_time(
        staff in prop::collection::vec(prop::collection::vec(pool_app(), 1..5), 1..40),
        order in 0..3usize,
        year in prop::sample::select(vec!["2014-2015", "2024-2025"]),
    ) {
        use lemniscaat::batch::{entitlements_batch, BatchRow};
        let ids: Vec<String> = (0..staff.len()).map(|e| format!("E{e}")).collect();
        let mut rows: Vec<BatchRow> = Vec::new();
        for (e, apps) in staff.iter().enumerate() {
            for (c, w, s, end) in apps {
                let category = match c { Category::Teacher => "teacher", Category::Support => "support", Category::Management => "management" };
                rows.push(BatchRow { employee: &ids[e], category, wtf: w, start: s, end });
            }
        }
        match order {
            // Each employee's rows together, last employee first.
            1 => rows.reverse(),
            // Round robin: every employee's first row, then every second row, and so on (ids
            // come back, so the batch groups instead of streaming).
            2 => {
                let mut k: Vec<usize> = Vec::new();
                for apps in &staff {
                    k.extend(0..apps.len());
                }
                let mut keyed: Vec<(usize, BatchRow)> = k.into_iter().zip(rows).collect();
                keyed.sort_by_key(|(k, _)| *k);
                rows = keyed.into_iter().map(|(_, r)| r).collect();
            }
            _ => {}
        }
        let sy: SchoolYear = year.parse().unwrap();
        let batch = entitlements_batch(rows.as_slice(), sy, &Default::default(), None).unwrap();
        for line in &batch.lines {
            let e: usize = line.employee[1..].parse().unwrap();
            let apps: Result<Vec<Appointment>, _> = staff[e]
                .iter()
                .map(|(c, w, s, end)| {
                    let end = (!end.is_empty()).then(|| lemniscaat::time::parse_date(end).unwrap());
                    Appointment::new(*c, w.parse().unwrap(), lemniscaat::time::parse_date(s).unwrap(), end, None)
                })
                .collect();
            let Ok(apps) = apps else {
                prop_assert_eq!(line.error.as_ref().map(|e| e.code.as_str()), Some("INVALID_DATE_RANGE"));
                continue;
            };
            let mut one = EntitlementInput::new(sy, apps);
            one.explain = false;
            match entitlement(&one) {
                Ok(r) if line.error.is_none() => {
                    prop_assert_eq!(line.hours, Some(r.hours));
                    prop_assert_eq!(line.money, Some(r.money));
                    let extra: Decimal = r.extra.iter().filter(|b| b.purpose.is_some()).map(|b| b.hours).sum();
                    prop_assert_eq!(line.extra_hours, extra, "{:?}", r.extra);
                }
                Ok(_) => prop_assert!(false, "batch refused {:?}", line.error),
                Err(e) => prop_assert!(line.error.is_some(), "{e}"),
            }
        }
    }
}

proptest! {
    /// Rows of several school years in one table (a school-year column, rows in any order) give
    /// the lines of one table per year, and any number of threads gives the lines of one thread,
    /// in the same order.
    #[test]
    fn a_multi_year_table_on_any_threads_equals_one_year_at_a_time_on_one(
        staff in prop::collection::vec(prop::collection::vec((pool_app(), 0..3usize), 1..5), 1..60),
        shuffle in any::<u64>(),
        threads in 2..9usize,
    ) {
        use lemniscaat::batch::{Batch, BatchRow, YearRow};
        let years = ["2014-2015", "2015/16", "2024-2025"];
        let ids: Vec<String> = (0..staff.len()).map(|e| format!("E{e:07}")).collect();
        let mut rows: Vec<YearRow> = Vec::new();
        for (e, apps) in staff.iter().enumerate() {
            for ((c, w, s, end), y) in apps {
                let category = match c { Category::Teacher => "teacher", Category::Support => "support", Category::Management => "management" };
                rows.push(YearRow { school_year: years[*y], row: BatchRow { employee: &ids[e], category, wtf: w, start: s, end } });
            }
        }
        // A deterministic shuffle from the seed.
        let mut state = shuffle | 1;
        for i in (1..rows.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            rows.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let all = Batch::all_years().threads(1).run(rows.as_slice()).unwrap();
        prop_assert_eq!(&Batch::all_years().threads(threads).run(rows.as_slice()).unwrap(), &all);
        for y in years {
            let sy: SchoolYear = y.parse().unwrap();
            let plain: Vec<BatchRow> = rows.iter().filter(|r| r.school_year.parse::<SchoolYear>().ok() == Some(sy)).map(|r| r.row).collect();
            let one = Batch::new(sy).threads(1).run(plain.as_slice()).unwrap();
            let mine: Vec<_> = all.lines.iter().filter(|l| l.school_year == Some(sy)).collect();
            prop_assert_eq!(mine.len(), one.lines.len());
            for (a, b) in mine.iter().zip(&one.lines) {
                prop_assert_eq!((&a.employee, a.hours, a.money, a.extra_hours), (&b.employee, b.hours, b.money, b.extra_hours));
                prop_assert_eq!(a.error.as_ref().map(|e| e.code), b.error.as_ref().map(|e| e.code));
            }
        }
    }
}
