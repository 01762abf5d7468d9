//! Structure-aware inputs: a dataset, a ledger and batch rows assembled from the fuzzer's bytes
//! as choices. Mostly valid (ids that refer to each other, dates near the date judged, decimals
//! in range) so that the validation's rules, the ledger's replay and the batch's engine are
//! reached; now and then a value that is off (an unknown id, a bad date, a huge or negative
//! amount, an arbitrary string, a missing required field, an unknown field), so that the checks
//! on the way are met too.

use arbitrary::{Result, Unstructured};
use serde_json::{json, Map, Value};

/// The choices, read from the fuzzer's bytes.
pub struct Gen<'a, 'b> {
    u: &'b mut Unstructured<'a>,
}

const DATES: [&str; 16] = [
    "2010-08-01",
    "2012-01-01",
    "2013-09-15",
    "2014-04-01",
    "2014-06-01",
    "2014-08-01",
    "2014-10-01",
    "2015-01-15",
    "2015-03-01",
    "2015-07-31",
    "2016-02-29",
    "2020-08-01",
    "2023-11-30",
    "2024-08-01",
    "2025-03-01",
    "2025-07-31",
];
const BAD_DATES: [&str; 8] = ["2015-02-30", "15-03-01", "2015-3-1", "", "1899-12-31", "2201-01-01", "2015-03-01T00:00:00", "9999-99-99"];
const DECIMALS: [&str; 16] = ["0", "1", "0.5", "0.6", "0.8", "6", "8", "12", "16", "20", "40", "83", "150", "450", "600", "8000"];
const BAD_DECIMALS: [&str; 13] = [
    "-3",
    "-0.01",
    "1e2",
    "4,5",
    "",
    // The largest decimal (refused as beyond the library's range), and the largest accepted.
    "79228162514264337593543950335",
    "999999999999999.99",
    "79228162514264337593543950336",
    "0.0000000000000000000000000001",
    "0.12345678901234567890123456789012",
    "99999999999999999999.99",
    "+5",
    ".5",
];
const WTFS: [&str; 10] = ["1", "0.8", "0.6", "0.5", "0.4", "0.25", "0.1", "0.0001", "1.0000", "0.6667"];
const BAD_WTFS: [&str; 6] = ["0", "1.5", "-0.5", "1.0001", "x", ""];
const SCHOOL_YEARS: [&str; 10] =
    ["2014-2015", "2015-2016", "2013-2014", "2016-2017", "2014/15", "2018-2019", "2020-2021", "2023-2024", "2024-2025", "2025/2026"];
const BAD_SCHOOL_YEARS: [&str; 5] = ["2014-2016", "2014", "14-15", "", "1899-1900"];
const STATUSES: [&str; 7] = ["draft", "submitted", "returned", "agreed", "active", "completed", "superseded"];
const SECTIONS: [&str; 9] = [
    "trends",
    "mission_vision_strategy",
    "hr_strategy",
    "themes",
    "vision_on_development",
    "development_culture",
    "embedding",
    "facilities_budgets",
    "accountability",
];
const BODIES: [&str; 4] = ["pgmr", "pmr", "gmr", "or"];
const ROLES: [&str; 11] = ["board", "school_leader", "manager", "team", "employee", "hr", "finance", "pgmr", "pmr", "unions", "students"];
const STAGES: [&str; 7] =
    ["preparation", "strategic_exploration", "frameworks", "collective_plan", "team_goals", "personal_goals", "execution"];
const EVENT_KINDS: [&str; 3] = ["started", "completed", "revisited"];
const KINDS: [&str; 12] = [
    "course",
    "intervision",
    "lesson_visit",
    "e_learning",
    "coaching",
    "project",
    "conference",
    "training",
    "workshop",
    "peer_review",
    "study_day",
    "learning_community",
];
const CATEGORIES: [&str; 3] = ["teacher", "support", "management"];
const LEVELS: [&str; 10] = ["none", "vmbo", "mbo1", "mbo2", "mbo3", "mbo4", "havo", "vwo", "hbo", "wo"];
const TARGET_GROUPS: [&str; 4] = ["teachers", "support", "management", "all"];
const TEXTS: [&str; 8] = [
    "Omgaan met verschillen",
    "Formatief evalueren",
    "Differentiëren in drie niveaus",
    "in 80% van de lessen",
    "Sluit aan bij mijn wens en bij thema T1 van de school",
    "20 uur uit basisrecht, kosten uit basisrecht",
    "evaluatie in juni, verantwoording in jaarverslag",
    "<b>&amp; \"quotes\" 'and' / ~ \u{1F600}</b>",
];
const SPENDING: [&str; 8] = ["fees", "trainers", "travel", "location", "materials", "general", "replacement", "time"];

impl<'a, 'b> Gen<'a, 'b> {
    /// Choices read from `u`.
    pub fn new(u: &'b mut Unstructured<'a>) -> Self {
        Gen { u }
    }

    /// True about once in `n` times.
    pub fn one_in(&mut self, n: u8) -> Result<bool> {
        Ok(self.u.int_in_range(0..=n.saturating_sub(1))? == 0)
    }

    /// A number in `lo..=hi`.
    pub fn int(&mut self, lo: u32, hi: u32) -> Result<u32> {
        self.u.int_in_range(lo..=hi)
    }

    /// One of `xs`.
    pub fn pick(&mut self, xs: &[&'static str]) -> Result<&'static str> {
        Ok(*self.u.choose(xs)?)
    }

    /// A short arbitrary string (any unicode).
    pub fn any_text(&mut self) -> Result<String> {
        let n = self.u.int_in_range(0..=24)?;
        let mut s = String::new();
        for _ in 0..n {
            s.push(self.u.arbitrary::<char>()?);
        }
        Ok(s)
    }

    /// A value from `good`, or now and then from `bad` or an arbitrary string.
    fn mostly(&mut self, good: &[&'static str], bad: &[&'static str]) -> Result<Value> {
        Ok(match self.u.int_in_range(0u8..=31)? {
            0 => Value::String(self.any_text()?),
            1 | 2 if !bad.is_empty() => Value::String(self.pick(bad)?.into()),
            _ => Value::String(self.pick(good)?.into()),
        })
    }

    /// A date, mostly valid.
    pub fn date(&mut self) -> Result<Value> {
        if self.one_in(4)? {
            // Any day of the years the rules cover.
            let y = self.int(2009, 2027)?;
            let m = self.int(1, 12)?;
            let d = self.int(1, 28)?;
            return Ok(Value::String(format!("{y:04}-{m:02}-{d:02}")));
        }
        self.mostly(&DATES, &BAD_DATES)
    }

    /// A day of a ledger event: mostly within the school years the rules cover.
    fn event_date(&mut self) -> Result<Value> {
        if self.one_in(16)? {
            return self.date();
        }
        let y = self.int(2014, 2025)?;
        let m = if y == 2014 { self.int(8, 12)? } else { self.int(1, 12)? };
        let d = self.int(1, 28)?;
        Ok(Value::String(format!("{y:04}-{m:02}-{d:02}")))
    }

    /// A school year of a ledger: mostly one the rules cover.
    fn ledger_year(&mut self) -> Result<Value> {
        self.mostly(
            &["2014-2015", "2015-2016", "2016-2017", "2017-2018", "2020-2021", "2023-2024", "2024-2025", "2025/26"],
            &BAD_SCHOOL_YEARS,
        )
    }

    /// A date or null.
    fn opt_date(&mut self) -> Result<Value> {
        if self.one_in(3)? {
            Ok(Value::Null)
        } else {
            self.date()
        }
    }

    /// A decimal as a string, mostly a plausible amount.
    pub fn decimal(&mut self) -> Result<Value> {
        if self.one_in(24)? {
            // A JSON number: whole ones are exact and read, one with a fraction is refused.
            return Ok(if self.u.arbitrary::<bool>()? { json!(self.int(0, 100)?) } else { json!(0.5) });
        }
        self.mostly(&DECIMALS, &BAD_DECIMALS)
    }

    /// A wtf, mostly valid.
    pub fn wtf(&mut self) -> Result<Value> {
        self.mostly(&WTFS, &BAD_WTFS)
    }

    /// A school year, mostly valid.
    pub fn school_year(&mut self) -> Result<Value> {
        self.mostly(&SCHOOL_YEARS, &BAD_SCHOOL_YEARS)
    }

    /// An id `prefix1`..`prefixN`, now and then one that refers to nothing.
    fn id(&mut self, prefix: &str, n: u32) -> Result<Value> {
        if self.one_in(24)? {
            return Ok(Value::String(if self.u.arbitrary::<bool>()? { format!("{prefix}99") } else { self.any_text()? }));
        }
        Ok(Value::String(format!("{prefix}{}", self.int(1, n.max(1))?)))
    }

    fn text(&mut self) -> Result<Value> {
        self.mostly(&TEXTS, &[""])
    }

    fn list(&mut self, max: u32, mut item: impl FnMut(&mut Self, u32) -> Result<Value>) -> Result<Value> {
        let n = self.int(0, max)?;
        let mut v = Vec::with_capacity(n as usize);
        for i in 0..n {
            v.push(item(self, i + 1)?);
        }
        Ok(Value::Array(v))
    }

    /// A few distinct values of `xs`, in their order.
    fn subset(&mut self, xs: &[&'static str]) -> Result<Value> {
        let mut v = Vec::new();
        let all = self.one_in(2)?;
        for x in xs {
            if all || self.u.arbitrary::<bool>()? {
                v.push(Value::String((*x).into()));
            }
        }
        Ok(Value::Array(v))
    }

    /// An object of the given fields, now and then with one left out or an unknown one added.
    fn object(&mut self, fields: Vec<(&'static str, Value)>) -> Result<Value> {
        let mut m = Map::new();
        let drop = if self.one_in(40)? && !fields.is_empty() { Some(self.u.choose_index(fields.len())?) } else { None };
        for (i, (k, v)) in fields.into_iter().enumerate() {
            if Some(i) != drop {
                m.insert(k.into(), v);
            }
        }
        if self.one_in(60)? {
            m.insert("colour".into(), Value::String("red".into()));
        }
        Ok(Value::Object(m))
    }

    /// An appointment, mostly valid.
    pub fn appointment(&mut self, schools: u32) -> Result<Value> {
        let category = self.mostly(&CATEGORIES, &["Teacher", "", "student"])?;
        let wtf = self.wtf()?;
        let start = self.date()?;
        let end = self.opt_date()?;
        let mut fields = vec![("category", category), ("wtf", wtf), ("start", start), ("end", end)];
        if schools > 0 && self.one_in(4)? {
            fields.push(("school", self.id("S", schools)?));
        }
        self.object(fields)
    }

    /// A ledger event of any kind, mostly valid.
    pub fn ledger_event(&mut self) -> Result<Value> {
        let kind = self.int(0, 9)?;
        let fields = match kind {
            0..=3 => {
                let mut f = vec![
                    ("type", json!("usage")),
                    ("date", self.event_date()?),
                    ("hours", self.decimal()?),
                    ("money", self.decimal()?),
                    ("activity", self.id("A", 4)?),
                ];
                if self.one_in(3)? {
                    f.push(("assigned", json!(self.u.arbitrary::<bool>()?)));
                    f.push(("consent", json!(self.u.arbitrary::<bool>()?)));
                }
                if self.one_in(8)? {
                    f.push(("bucket", Value::String(self.pick(&["basisrecht", "startbekwaam", "x"])?.into())));
                }
                f
            }
            4 | 5 => {
                let signed = if self.one_in(2)? { Value::String(format!("-{}", self.pick(&DECIMALS)?)) } else { self.decimal()? };
                vec![
                    ("type", json!("adjustment")),
                    ("date", self.event_date()?),
                    ("hours", signed),
                    ("money", self.decimal()?),
                    ("reason", self.text()?),
                ]
            }
            6 => vec![
                ("type", json!("reservation")),
                ("date", self.event_date()?),
                ("hours", self.decimal()?),
                ("money", self.decimal()?),
                ("activity", self.id("A", 4)?),
            ],
            7 => vec![
                ("type", json!("facility")),
                ("date", self.event_date()?),
                ("hours", self.decimal()?),
                ("money", self.decimal()?),
                ("activity", self.id("A", 4)?),
            ],
            _ => {
                let mut f = vec![
                    ("type", json!("saving")),
                    ("from", self.ledger_year()?),
                    ("until", self.ledger_year()?),
                    ("units", self.subset(&["hours", "money"])?),
                    ("basis", self.mostly(&["agreement", "right"], &["none"])?),
                ];
                if self.one_in(2)? {
                    f.push(("plan", self.id("PP", 3)?));
                }
                if self.one_in(2)? {
                    let cap = {
                        let f = vec![("hours", self.decimal()?), ("money", self.decimal()?)];
                        self.object(f)
                    }?;
                    f.push(("cap", cap));
                }
                f
            }
        };
        self.object(fields)
    }

    /// A ledger input: appointments, events and the school years to state.
    pub fn ledger_input(&mut self) -> Result<Value> {
        let appointments = self.list(3, |g, _| g.appointment(0))?;
        let events = self.list(12, |g, _| g.ledger_event())?;
        let school_years = self.list(4, |g, _| g.ledger_year())?;
        let mut fields = vec![("appointments", appointments), ("events", events), ("school_years", school_years)];
        if self.one_in(3)? {
            fields.push(("as_of", self.date()?));
        }
        if self.one_in(4)? {
            fields.push(("expiring_within_days", json!(self.int(0, 400)?)));
        }
        if self.one_in(6)? {
            fields.push(("options", self.options()?));
        }
        if self.one_in(8)? {
            fields.push(("explain", json!(true)));
        }
        self.object(fields)
    }

    /// Entitlement options.
    pub fn options(&mut self) -> Result<Value> {
        let mut f = Vec::new();
        if self.one_in(2)? {
            f.push(("temporal_pro_rata", self.mostly(&["calendar-days", "none", "whole-months"], &["weeks"])?));
        }
        if self.one_in(3)? {
            f.push(("mode", self.mostly(&["lenient", "strict"], &[])?));
        }
        if self.one_in(3)? {
            f.push(("pro_rata_2014", self.mostly(&["parties-intent", "bezwarencommissie-2016"], &[])?));
        }
        if self.one_in(3)? {
            let decimals = json!(self.int(0, 30)?);
            let mode = self.mostly(&["half-up", "half-even", "up", "down"], &[])?;
            let r = {
                let f = vec![("decimals", decimals), ("mode", mode)];
                self.object(f)
            }?;
            f.push(("rounding", json!({ "hours": r.clone(), "money": r })));
        }
        if self.one_in(4)? {
            f.push(("management_base", json!({ "hours": self.decimal()?, "money": self.decimal()? })));
        }
        if self.one_in(4)? {
            f.push(("saving_units", self.mostly(&["both", "money-only"], &[])?));
        }
        self.object(f)
    }

    /// A dataset of a board, mostly valid.
    pub fn dataset(&mut self) -> Result<Value> {
        let n_schools = self.int(1, 3)?;
        let n_themes = self.int(0, 4)?;
        let n_teams = self.int(0, 3)?;
        let n_employees = self.int(0, 6)?;
        let n_goals = self.int(0, 4)?;
        let as_of = self.date()?;
        let board = {
            let f = vec![("id", json!("B1")), ("name", self.text()?)];
            self.object(f)
        }?;
        let schools = self.list(n_schools, |g, i| {
            let f = vec![("id", json!(format!("S{i}"))), ("name", json!("school"))];
            g.object(f)
        })?;
        let kaders = self.list(2, |g, i| {
            let level = g.mostly(&["board", "school"], &["team"])?;
            let school = if level == "school" { g.id("S", n_schools)? } else { Value::Null };
            let themes = g.list(n_themes, |g, t| {
                let f = vec![("id", json!(format!("T{t}"))), ("name", g.text()?)];
                g.object(f)
            })?;
            let fields = vec![
                ("id", json!(format!("K{i}"))),
                ("level", level),
                ("school", school),
                ("status", g.mostly(&STATUSES, &["signed"])?),
                ("agreed_on", g.opt_date()?),
                (
                    "consultations",
                    g.list(2, |g, _| {
                        let f = vec![("body", g.mostly(&BODIES, &["mr"])?), ("date", g.date()?)];
                        g.object(f)
                    })?,
                ),
                ("goals", g.text()?),
                ("facilities", g.text()?),
                ("demands_and_vision", g.text()?),
                ("sections", g.subset(&SECTIONS)?),
                ("themes", themes),
            ];
            g.object(fields)
        })?;
        let collective_plans = self.list(3, |g, i| {
            let themes = g.list(3, |g, _| {
                let activities = g.list(3, |g, a| {
                    let fields = vec![
                        ("id", json!(format!("A{a}"))),
                        ("kind", g.mostly(&KINDS, &["nap"])?),
                        ("name", g.text()?),
                        ("hours", g.decimal()?),
                        ("cost", g.decimal()?),
                        ("school_years", g.list(2, |g, _| g.school_year())?),
                    ];
                    g.object(fields)
                })?;
                let facilities = if g.one_in(4)? {
                    Value::Null
                } else {
                    {
                        let f = vec![
                            ("organisation", g.text()?),
                            ("guidance", g.text()?),
                            ("time", g.text()?),
                            ("money", g.text()?),
                            ("replacement", g.text()?),
                        ];
                        g.object(f)
                    }?
                };
                let fields = vec![
                    ("theme", g.id("T", n_themes)?),
                    ("target_groups", g.subset(&TARGET_GROUPS)?),
                    ("activities", activities),
                    ("facilities", facilities),
                    ("evaluation", g.text()?),
                ];
                g.object(fields)
            })?;
            let fields = vec![
                ("id", json!(format!("CP{i}"))),
                ("school", g.id("S", n_schools)?),
                ("school_year", g.school_year()?),
                ("status", g.mostly(&STATUSES, &[])?),
                ("agreed_on", g.opt_date()?),
                (
                    "consultations",
                    g.list(2, |g, _| {
                        let f = vec![("body", g.mostly(&BODIES, &[])?), ("date", g.date()?)];
                        g.object(f)
                    })?,
                ),
                ("themes", themes),
            ];
            g.object(fields)
        })?;
        let teams = self.list(n_teams, |g, i| {
            let plans = g.list(2, |g, _| {
                let goals = g.list(n_goals, |g, k| {
                    let fields = vec![
                        ("id", json!(format!("G{k}"))),
                        ("description", g.text()?),
                        ("measure", if g.one_in(4)? { Value::Null } else { g.text()? }),
                        ("deadline", g.opt_date()?),
                        ("owner", g.id("E", n_employees)?),
                        ("themes", g.list(2, |g, _| g.id("T", n_themes))?),
                    ];
                    g.object(fields)
                })?;
                let mut f = vec![("school_year", g.school_year()?), ("goals", goals)];
                if g.one_in(3)? {
                    f.push(("status", g.mostly(&STATUSES, &[])?));
                }
                g.object(f)
            })?;
            let fields = vec![("id", json!(format!("TM{i}"))), ("school", g.id("S", n_schools)?), ("name", g.text()?), ("plans", plans)];
            g.object(fields)
        })?;
        let employees = self.list(n_employees, |g, i| {
            let personal_plans = g.list(2, |g, p| {
                let activities = g.list(3, |g, _| {
                    let mut f = vec![
                        ("kind", g.mostly(&KINDS, &[])?),
                        ("name", g.text()?),
                        ("hours", g.decimal()?),
                        ("money", g.decimal()?),
                        ("facilitation", g.text()?),
                    ];
                    if g.one_in(3)? {
                        f.push(("id", g.id("A", 4)?));
                    }
                    g.object(f)
                })?;
                let goals = g.list(3, |g, k| {
                    let links = g.list(2, |g, _| if g.one_in(2)? { g.id("G", n_goals) } else { g.id("T", n_themes) })?;
                    let mut f = vec![("id", json!(format!("PG{i}{k}"))), ("description", g.text()?), ("links", links)];
                    if g.one_in(2)? {
                        f.push(("measure", g.text()?));
                        f.push(("deadline", g.opt_date()?));
                    }
                    g.object(f)
                })?;
                let mut fields = vec![
                    ("id", json!(format!("PP{i}{p}"))),
                    ("status", g.mostly(&STATUSES, &[])?),
                    ("agreed_on", g.opt_date()?),
                    ("approved_by", if g.one_in(4)? { Value::Null } else { g.mostly(&["manager", "school_leader"], &[])? }),
                    ("activities", activities),
                    ("contribution", g.text()?),
                    ("evc_offered", json!(g.u.arbitrary::<bool>()?)),
                    ("startkwalificatie_offered", json!(g.u.arbitrary::<bool>()?)),
                    ("goals", goals),
                ];
                if g.one_in(4)? {
                    let history = g.list(3, |g, _| {
                        let fields = vec![
                            ("from", g.mostly(&STATUSES, &[])?),
                            ("to", g.mostly(&STATUSES, &[])?),
                            ("role", g.mostly(&ROLES, &[])?),
                            ("date", g.date()?),
                        ];
                        g.object(fields)
                    })?;
                    fields.push(("history", history));
                }
                g.object(fields)
            })?;
            let mut fields = vec![
                ("id", json!(format!("E{i}"))),
                ("name", g.text()?),
                ("school", g.id("S", n_schools)?),
                ("team", if n_teams == 0 || g.one_in(5)? { Value::Null } else { g.id("TM", n_teams)? }),
                ("education_level", g.mostly(&LEVELS, &["phd"])?),
                ("last_evc", g.opt_date()?),
                ("appointments", g.list(3, |g, _| g.appointment(n_schools))?),
                ("personal_plans", personal_plans),
                (
                    "conversations",
                    g.list(2, |g, _| {
                        let f = vec![("date", g.date()?), ("kind", g.mostly(&["development", "performance", "appraisal"], &[])?)];
                        g.object(f)
                    })?,
                ),
                ("ledger", g.list(6, |g, _| g.ledger_event())?),
            ];
            if g.one_in(4)? {
                let tb = g.list(2, |g, _| {
                    let fields =
                        vec![("school_year", g.school_year()?), ("component_d_hours", g.decimal()?), ("other_free_hours", g.decimal()?)];
                    g.object(fields)
                })?;
                fields.push(("taakbeleid", tb));
            }
            g.object(fields)
        })?;
        let cycle_events = self.list(9, |g, _| {
            let mut f = vec![
                ("stage", g.mostly(&STAGES, &["reflection"])?),
                ("date", g.date()?),
                ("kind", g.mostly(&EVENT_KINDS, &[])?),
                ("roles", g.subset(&ROLES)?),
            ];
            if g.one_in(4)? {
                f.push(("artefact", g.text()?));
            }
            g.object(f)
        })?;
        let lumpsum = if self.one_in(2)? {
            Value::Null
        } else {
            let lines = self.list(4, |g, _| {
                let category = g.mostly(&SPENDING, &["food"])?;
                let fields = if category == "time" {
                    vec![("category", category), ("hours", g.decimal()?), ("hourly_cost", g.decimal()?)]
                } else {
                    vec![("category", category), ("money", g.decimal()?)]
                };
                g.object(fields)
            })?;
            let year = json!(self.int(2013, 2027)?);
            {
                let f = vec![("year", year), ("personele_lumpsum", self.decimal()?), ("lines", lines)];
                self.object(f)
            }?
        };
        let mut fields = vec![
            ("as_of", as_of),
            ("board", board),
            ("schools", schools),
            ("kaders", kaders),
            ("collective_plans", collective_plans),
            ("teams", teams),
            ("employees", employees),
            ("cycle_events", cycle_events),
            ("lumpsum", lumpsum),
        ];
        if self.one_in(4)? {
            let mut s = Vec::new();
            if self.one_in(2)? {
                s.push(("conversation_months", json!(self.int(0, 48)?)));
            }
            if self.one_in(2)? {
                s.push(("cycle_window_months", json!(self.int(0, 60)?)));
            }
            if self.one_in(2)? {
                s.push(("due_soon_days", json!(self.int(0, 400)?)));
            }
            if self.one_in(2)? {
                s.push(("personal_mix_advice", json!(self.u.arbitrary::<bool>()?)));
            }
            fields.push(("settings", self.object(s)?));
        }
        if self.one_in(5)? {
            fields.push(("options", self.options()?));
        }
        if self.one_in(10)? {
            fields.push(("rule_set", self.mostly(&["cao-vo-2014-2015", "cao-vo-2023-2024"], &["cao-vo-1999"])?));
        }
        self.object(fields)
    }

    /// The cells of one batch row: employee, category, wtf, start, end and school year.
    pub fn batch_row(&mut self) -> Result<[String; 6]> {
        let employee = self.cell(&["E1", "E2", "E3", "E4", "E10", " E1", ""])?;
        let category = self.cell(&["teacher", "support", "management", " teacher ", "Teacher", ""])?;
        let wtf = self.cell(&[
            "1",
            "0.5",
            "0.6",
            "0.25",
            "0.0001",
            "1.0000",
            ".5",
            " 0.5",
            "0",
            "1.5",
            "-0.5",
            "0.33333333333333333333333333333",
            "1e0",
            "",
        ])?;
        let start = self.cell(&[
            "2010-08-01",
            "2014-08-01",
            "2014-09-15",
            "2015-07-31",
            "2020-02-29",
            "2024-08-01",
            "2024-12-01",
            "1900-01-01",
            "2200-12-31",
            "2015-02-30",
            " 2014-08-01",
            "",
        ])?;
        let end = self.cell(&["", "", "", "2015-01-31", "2014-12-31", "2025-07-31", "2013-01-01", "2014-08-01", " "])?;
        let school_year = self.cell(&["2014-2015", "2015/16", "2024-2025", "2023-2024", "2013-2014", "2035-2036", " 2014-2015", ""])?;
        Ok([employee, category, wtf, start, end, school_year])
    }

    fn cell(&mut self, choices: &[&'static str]) -> Result<String> {
        if self.one_in(16)? {
            return self.any_text();
        }
        Ok(self.pick(choices)?.to_string())
    }
}
