//! The `lemniscaat` command: reports, validation, entitlements and ledgers for the
//! professionalisation of staff in Dutch secondary education (CAO VO article 17).
//!
//! Exit codes: 0 success; 1 validation found findings of severity error; 2 unusable input (a
//! file that cannot be read, broken JSON, an unknown field, a wtf out of range, ...).

mod batch;
mod csv;
mod html;
mod render;
mod texts;

use clap::{Parser, Subcommand, ValueEnum};
use lemniscaat::dataset::Dataset;
use lemniscaat::svg::Lang;
use lemniscaat::{Error, ErrorCode, SchoolYear};
use render::Table;
use std::io::{Read, Write};
use std::process::ExitCode;
use texts::{count, tr, trf};

#[derive(Parser)]
#[command(
    name = "lemniscaat",
    version,
    about = "Professionalisation of staff in Dutch secondary education: CAO VO article 17 and the Voion handreiking",
    long_about = "Computes the basisrecht (hours and euros) per employee and school year under every CAO VO since 2014, keeps the ledger of use, lapse and saving, validates kaders, collective, team and personal plans, gives 70:20:10 advice and tracks the lemniscate cycle.\n\nWithout a subcommand it prints the report of the built-in sample board as of today.",
    after_help = "Examples:\n  lemniscaat                                  report on the built-in sample board\n  lemniscaat report board.json --format html -o report.html\n  lemniscaat validate board.json --lang en\n  lemniscaat entitlements appointments.csv --school-year 2024-2025 --format csv\n  lemniscaat explain --employee E03 --school-year 2026-2027\n\nExit codes: 0 ok, 1 findings of severity error (validate), 2 unusable input."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// A JSON file of rule sets to add to or override the built-in ones (the format of
    /// `lemniscaat rules --format json`, `{"sources": [...], "rule_sets": [...]}`): the next CAO
    /// without a new release.
    #[arg(long, global = true, value_name = "FILE")]
    rules: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Table,
    Json,
    Csv,
    Html,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LangArg {
    Nl,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Nl => Lang::Nl,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(clap::Args, Clone)]
struct Common {
    /// Language of the output.
    #[arg(long, value_enum, default_value = "nl")]
    lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// Write to this file instead of standard output.
    #[arg(short = 'o', long = "output")]
    output: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// The board report: rule set, entitlements and balances, findings, alignment, 70:20:10, the lemniscate, the 10% rule.
    #[command(
        after_help = "Examples:\n  lemniscaat report\n  lemniscaat report board.json --as-of 2026-03-01 --lang en\n  lemniscaat report board.json --format html -o report.html\n  cat board.json | lemniscaat report - --format json"
    )]
    Report {
        /// The dataset (JSON; `-` reads standard input). Default: the built-in sample board.
        dataset: Option<String>,
        /// Judge as of this date (default: today for the sample, else the dataset's as_of).
        #[arg(long)]
        as_of: Option<String>,
        #[command(flatten)]
        common: Common,
    },
    /// Validates a dataset: findings with their articles. Exit 1 when a finding has severity error.
    #[command(after_help = "Examples:\n  lemniscaat validate board.json\n  lemniscaat validate board.json --format json --lang en")]
    Validate {
        /// The dataset (JSON; `-` reads standard input).
        dataset: String,
        /// Judge as of this date instead of the dataset's as_of.
        #[arg(long)]
        as_of: Option<String>,
        #[command(flatten)]
        common: Common,
    },
    /// Entitlements per employee for a school year, from a dataset or a CSV of appointments
    /// (columns employee_id,category,wtf,start,end, and school_year for an export over several
    /// years: then one line per employee and school year).
    #[command(
        after_help = "Examples:\n  lemniscaat entitlements --school-year 2026-2027\n  lemniscaat entitlements appointments.csv --school-year 2024-2025 --format csv -o out.csv\n  lemniscaat entitlements export.csv --format csv -o out.csv      (a school_year column: every year)"
    )]
    Entitlements {
        /// A dataset (.json) or a CSV of appointments (`-` reads standard input). Default: the sample board.
        input: Option<String>,
        /// The school year (default: the one of the dataset's as_of, or today's; for a CSV with a
        /// school_year column every year in it, or only this one when given).
        #[arg(long)]
        school_year: Option<String>,
        /// Threads for a CSV of appointments (0: every core). The answer is the same for any number.
        #[arg(long, default_value_t = 0)]
        threads: usize,
        #[command(flatten)]
        common: Common,
    },
    /// The ledger of one employee: statements per school year with lapse and saving.
    #[command(
        after_help = "Examples:\n  lemniscaat ledger --employee E12\n  lemniscaat ledger board.json --employee E12 --school-year 2025-2026 --school-year 2026-2027"
    )]
    Ledger {
        /// The dataset (default: the sample board).
        dataset: Option<String>,
        /// The employee id.
        #[arg(long)]
        employee: String,
        /// School years (default: the one of as_of).
        #[arg(long = "school-year")]
        school_years: Vec<String>,
        /// The date of the balance (default: today for the sample, else the dataset's as_of).
        #[arg(long)]
        as_of: Option<String>,
        #[command(flatten)]
        common: Common,
    },
    /// Classifies an activity into the 70:20:10 model (Dutch or English text, or a kind id).
    #[command(
        after_help = "Examples:\n  lemniscaat classify \"intervisie met sectiecollega's\"\n  lemniscaat classify --kind literature_study --format json"
    )]
    Classify {
        /// The text.
        text: Option<String>,
        /// An activity kind id instead of text.
        #[arg(long)]
        kind: Option<String>,
        #[command(flatten)]
        common: Common,
    },
    /// The rule sets with their sources, or one rule set in full.
    #[command(after_help = "Examples:\n  lemniscaat rules\n  lemniscaat rules cao-vo-2018-2019 --format json")]
    Rules {
        /// A rule set id.
        id: Option<String>,
        #[command(flatten)]
        common: Common,
    },
    /// The JSON Schema of the dataset format, or of every operation's input and output.
    #[command(
        after_help = "Examples:\n  lemniscaat schema > dataset.schema.json\n  lemniscaat schema --operations > operations.schema.json"
    )]
    Schema {
        /// The schema of every operation's input and output (`lemniscaat call`) instead.
        #[arg(long)]
        operations: bool,
    },
    /// One employee's entitlement with every step and article.
    #[command(
        after_help = "Examples:\n  lemniscaat explain --employee E03\n  lemniscaat explain board.json --employee E03 --school-year 2026-2027 --lang en"
    )]
    Explain {
        /// The dataset (default: the sample board).
        dataset: Option<String>,
        /// The employee id.
        #[arg(long)]
        employee: String,
        /// The school year (default: the one of as_of).
        #[arg(long)]
        school_year: Option<String>,
        #[command(flatten)]
        common: Common,
    },
    /// Runs one operation on a JSON input and prints its JSON output (the shapes of the
    /// conformance vectors): entitlement, ledger, eligibility, lumpsum, classify, mix, cycle,
    /// validate, report, rule_sets.
    #[command(
        after_help = "Examples:\n  echo '{\"kind\":\"course\"}' | lemniscaat call classify -\n  lemniscaat call entitlement input.json"
    )]
    Call {
        /// The operation.
        operation: String,
        /// The input JSON file (`-` reads standard input).
        input: String,
    },
    /// Prints the built-in sample board as a starting point.
    #[command(after_help = "Example:\n  lemniscaat sample > board.json")]
    Sample,
    /// Prints a synthetic HR export of appointments over eleven school years as CSV, shaped like
    /// a real one (repeated ids, mid-year changes, four-decimal wtfs, a few bad cells), to try
    /// `entitlements` on. The same seed gives the same table.
    #[command(
        after_help = "Example:\n  lemniscaat sample-export --rows 1000000 > export.csv\n  lemniscaat entitlements export.csv --format csv -o out.csv"
    )]
    SampleExport {
        /// The number of rows.
        #[arg(long, default_value_t = 100_000)]
        rows: usize,
        /// The seed.
        #[arg(long, default_value_t = 7)]
        seed: u64,
        /// The order of the rows: employee (each employee's rows together), year (each school
        /// year's together) or shuffled.
        #[arg(long, default_value = "employee")]
        order: String,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output")]
        output: Option<String>,
    },
}

/// An error of the command: the library's, or an I/O one.
struct Failure {
    error: Error,
    json: bool,
    lang: Lang,
}

/// A read that failed: `what` names the file, or standard input in English and Dutch.
fn io_error(what: (&str, &str), e: &std::io::Error) -> Error {
    Error::new(ErrorCode::InvalidValue, format!("cannot read {}: {e}", what.0), format!("kan {} niet lezen: {e}", what.1))
}

/// Reads a file, or standard input for `-`.
fn read_input(path: &str) -> Result<String, Error> {
    if path == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).map_err(|e| io_error(("standard input", "de standaardinvoer"), &e))?;
        return Ok(s);
    }
    let meta = std::fs::metadata(path).map_err(|e| io_error((path, path), &e))?;
    if meta.is_dir() {
        return Err(Error::new(
            ErrorCode::InvalidValue,
            format!("{path} is a directory, not a file"),
            format!("{path} is een map, geen bestand"),
        ));
    }
    if meta.len() as usize > lemniscaat::json::MAX_DOCUMENT_BYTES * 4 {
        return Err(Error::new(ErrorCode::LimitExceeded, format!("{path} is too large"), format!("{path} is te groot")));
    }
    let bytes = std::fs::read(path).map_err(|e| io_error((path, path), &e))?;
    String::from_utf8(bytes)
        .map_err(|_| Error::new(ErrorCode::InvalidJson, format!("{path} is not UTF-8 text"), format!("{path} is geen UTF-8-tekst")))
}

fn load(path: Option<&str>) -> Result<(Dataset, bool), Error> {
    match path {
        None => Ok((Dataset::from_json(lemniscaat::report::SAMPLE)?, true)),
        Some(p) => {
            let text = read_input(p)?;
            if text.trim().is_empty() {
                return Err(Error::new(ErrorCode::InvalidJson, format!("{p} is empty"), format!("{p} is leeg")));
            }
            Ok((Dataset::from_json(&text)?, false))
        }
    }
}

fn parse_date(s: &Option<String>) -> Result<Option<chrono::NaiveDate>, Error> {
    s.as_deref().map(|d| lemniscaat::time::parse_date(d).map_err(|e| e.at("--as-of"))).transpose()
}

pub(crate) fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

fn emit(common: &Common, text: &str) -> Result<(), Error> {
    let mut out = Output::open(common.output.as_deref())?;
    out.write_all(text.as_bytes()).map_err(|e| out.failed(&e))?;
    out.finish()
}

/// Where an answer goes: standard output, or a file. A file is written beside its place and
/// renamed into it when complete, so that a failed run leaves no half-written answer (and an
/// existing file as it was).
pub(crate) enum Output {
    Stdout(std::io::BufWriter<std::io::StdoutLock<'static>>),
    File { path: String, part: std::path::PathBuf, w: std::io::BufWriter<std::fs::File>, done: bool },
}

impl Output {
    pub(crate) fn open(path: Option<&str>) -> Result<Output, Error> {
        let Some(path) = path else {
            return Ok(Output::Stdout(std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock())));
        };
        // Special files (`/dev/null`, `/dev/stdout`, a pipe) are written in place.
        let regular = std::fs::metadata(path).map_or(true, |m| m.is_file());
        let part = if regular {
            let p = std::path::Path::new(path);
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            p.with_file_name(format!(".{name}.{}.part", std::process::id()))
        } else {
            path.into()
        };
        let file = std::fs::File::create(&part).map_err(|e| cannot_write(path, &e))?;
        Ok(Output::File { path: path.to_string(), part, w: std::io::BufWriter::with_capacity(1 << 16, file), done: !regular })
    }

    /// The error of a failed write (to a file; standard output closed by the reader, as in
    /// `| head`, is not an error of ours and is never reported).
    pub(crate) fn failed(&self, e: &std::io::Error) -> Error {
        match self {
            Output::File { path, .. } => cannot_write(path, e),
            Output::Stdout(_) => Error::new(ErrorCode::InvalidValue, format!("cannot write: {e}"), format!("kan niet schrijven: {e}")),
        }
    }

    /// Flushes the answer and moves a file into its place.
    pub(crate) fn finish(mut self) -> Result<(), Error> {
        match &mut self {
            Output::Stdout(w) => {
                let _ = w.flush();
                Ok(())
            }
            Output::File { path, part, w, done } => {
                w.flush().map_err(|e| cannot_write(path, &e))?;
                if !*done {
                    std::fs::rename(&*part, &*path).map_err(|e| cannot_write(path, &e))?;
                    *done = true;
                }
                Ok(())
            }
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            // A closed pipe swallows the rest of the answer.
            Output::Stdout(w) => Ok(w.write(buf).unwrap_or(buf.len())),
            Output::File { w, .. } => w.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Output::Stdout(w) => {
                let _ = w.flush();
                Ok(())
            }
            Output::File { w, .. } => w.flush(),
        }
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        // An answer that was not finished leaves nothing behind.
        if let Output::File { part, done: false, .. } = self {
            let _ = std::fs::remove_file(part);
        }
    }
}

fn cannot_write(path: &str, e: &std::io::Error) -> Error {
    Error::new(ErrorCode::InvalidValue, format!("cannot write {path}: {e}"), format!("kan {path} niet schrijven: {e}"))
}

/// The counts of findings in words: `3 fouten, 9 waarschuwingen en 1 advies`.
pub(crate) fn counts(c: &lemniscaat::validate::Counts, l: Lang) -> String {
    trf(
        l,
        "findings.counts",
        &[
            ("errors", &count(l, c.error, "count.error.one", "count.error.other")),
            ("warnings", &count(l, c.warning, "count.warning.one", "count.warning.other")),
            ("advice", &count(l, c.info, "count.advice.one", "count.advice.other")),
        ],
    )
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let rules_file = cli.rules.clone();
    let command = cli.command.unwrap_or(Command::Report {
        dataset: None,
        as_of: None,
        common: Common { lang: LangArg::Nl, format: Format::Table, output: None },
    });
    let (json, lang) = match &command {
        Command::Report { common, .. }
        | Command::Validate { common, .. }
        | Command::Entitlements { common, .. }
        | Command::Ledger { common, .. }
        | Command::Classify { common, .. }
        | Command::Rules { common, .. }
        | Command::Explain { common, .. } => (common.format == Format::Json, common.lang.into()),
        Command::Schema { .. } | Command::Sample | Command::SampleExport { .. } => (false, Lang::Nl),
        Command::Call { .. } => (true, Lang::En),
    };
    let fail = |error: Error| Failure { error, json, lang };
    let book: lemniscaat::RuleBook = match &rules_file {
        None => lemniscaat::RuleBook::builtin().clone(),
        Some(p) => lemniscaat::RuleBook::builtin().with_overrides(&read_input(p).map_err(fail)?).map_err(|e| fail(e.within("--rules")))?,
    };
    let book = &book;
    match command {
        Command::Report { dataset, as_of, common } => {
            let (ds, sample) = load(dataset.as_deref()).map_err(fail)?;
            let as_of = parse_date(&as_of).map_err(fail)?.or(if sample { Some(today()) } else { None });
            let r = lemniscaat::report::report_with(book, &ds, as_of).map_err(fail)?;
            let l: Lang = common.lang.into();
            let text = match common.format {
                Format::Json => lemniscaat::json::to_string_pretty(&r) + "\n",
                Format::Html => html::report(&r, l),
                Format::Csv => render::report_csv(&r),
                Format::Table => render::report_table(&r, l),
            };
            emit(&common, &text).map_err(fail)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Validate { dataset, as_of, common } => {
            let (mut ds, _) = load(Some(&dataset)).map_err(fail)?;
            if let Some(d) = parse_date(&as_of).map_err(fail)? {
                ds.as_of = d;
            }
            let r = lemniscaat::validate::validate_with(book, &ds).map_err(fail)?;
            let l: Lang = common.lang.into();
            let text = match common.format {
                Format::Json => lemniscaat::json::to_string_pretty(&r) + "\n",
                Format::Csv => render::findings_csv(&r.findings),
                Format::Html => html::findings_page(&r, l),
                Format::Table => {
                    let mut s = render::findings_table(&r.findings, l, true);
                    s.push('\n');
                    s.push_str(&trf(l, "validate.summary", &[("counts", &counts(&r.counts, l))]));
                    s.push('\n');
                    s
                }
            };
            emit(&common, &text).map_err(fail)?;
            Ok(if r.has_errors() { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Entitlements { input, school_year, threads, common } => {
            let sy =
                school_year.as_deref().map(|s| s.parse::<SchoolYear>().map_err(|e| e.at("--school-year"))).transpose().map_err(fail)?;
            // A CSV of appointments (by extension, or stdin that does not start with '{'), else a dataset.
            let data = input.as_deref().map(read_input).transpose().map_err(fail)?;
            let is_csv = input.as_deref().is_some_and(|p| p.to_lowercase().ends_with(".csv"))
                || data.as_deref().is_some_and(|d| !d.trim_start().starts_with('{'));
            let text = if is_csv {
                // The CSV answer is written as it is computed (a million lines are never held).
                let mut out = Output::open(common.output.as_deref()).map_err(fail)?;
                batch::entitlements_csv(book, data.as_deref().unwrap_or(""), sy, threads, common.format, common.lang.into(), &mut out)
                    .map_err(fail)?;
                out.finish().map_err(fail)?;
                return Ok(ExitCode::SUCCESS);
            } else {
                let (ds, sample) = match data {
                    Some(d) if d.trim().is_empty() => {
                        return Err(fail(Error::new(ErrorCode::InvalidJson, "the input is empty", "de invoer is leeg")))
                    }
                    Some(d) => (Dataset::from_json(&d).map_err(fail)?, false),
                    None => load(None).map_err(fail)?,
                };
                let sy = sy.unwrap_or_else(|| SchoolYear::containing(if sample { today() } else { ds.as_of }));
                batch::entitlements_dataset(book, &ds, sy, common.format, common.lang.into()).map_err(fail)?
            };
            emit(&common, &text).map_err(fail)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Ledger { dataset, employee, school_years, as_of, common } => {
            let (ds, sample) = load(dataset.as_deref()).map_err(fail)?;
            let as_of = parse_date(&as_of).map_err(fail)?.unwrap_or(if sample { today() } else { ds.as_of });
            let text = batch::ledger(book, &ds, &employee, &school_years, as_of, common.format, common.lang.into()).map_err(fail)?;
            emit(&common, &text).map_err(fail)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Classify { text, kind, common } => {
            let input = lemniscaat::learning::ClassifyInput { kind, text, language: None, taxonomy: vec![] };
            let c = lemniscaat::learning::classify(&input).map_err(fail)?;
            let l: Lang = common.lang.into();
            let out = match common.format {
                Format::Json => lemniscaat::json::to_string_pretty(&c) + "\n",
                _ => {
                    let mut tb = Table::new(vec![tr(l, "col.field").into(), tr(l, "col.value").into()]);
                    tb.row(vec![tr(l, "classify.bucket").into(), render::bucket_label(c.bucket, l)]);
                    let kind_name = |id: &str| {
                        lemniscaat::learning::Taxonomy::builtin()
                            .get(id)
                            .map_or_else(|| id.to_string(), |k| lemniscaat::locale::pick(&k.label, l).to_string())
                    };
                    tb.row(vec![tr(l, "classify.kind").into(), c.kind.as_deref().map_or_else(|| "-".into(), kind_name)]);
                    tb.row(vec![
                        tr(l, "classify.cao_17_1").into(),
                        c.cao_17_1.as_deref().map_or_else(|| "-".into(), |x| trf(l, "classify.cao_item", &[("item", x)])),
                    ]);
                    let pct = |d| lemniscaat::locale::percent(d, 0, l);
                    tb.row(vec![
                        tr(l, "classify.scores").into(),
                        format!(
                            "{} / {} / {} / {}",
                            pct(c.scores.experience),
                            pct(c.scores.social),
                            pct(c.scores.formal),
                            pct(c.scores.unknown)
                        ),
                    ]);
                    tb.row(vec![
                        tr(l, "classify.matched").into(),
                        c.matched.iter().map(|m| format!("{} ({})", m.term, kind_name(&m.kind))).collect::<Vec<_>>().join(", "),
                    ]);
                    tb.row(vec![tr(l, "col.source").into(), c.source.clone().unwrap_or_else(|| "-".into())]);
                    if common.format == Format::Csv {
                        tb.csv()
                    } else {
                        tb.render()
                    }
                }
            };
            emit(&common, &out).map_err(fail)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules { id, common } => {
            let text = render::rules(book, id.as_deref(), common.format, common.lang.into()).map_err(fail)?;
            emit(&common, &text).map_err(fail)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema { operations } => {
            let schema = if operations { lemniscaat::schema::OPERATIONS_SCHEMA } else { lemniscaat::schema::DATASET_SCHEMA };
            let _ = emit(&Common { lang: LangArg::En, format: Format::Json, output: None }, schema);
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { dataset, employee, school_year, common } => {
            let (ds, sample) = load(dataset.as_deref()).map_err(fail)?;
            let sy =
                school_year.as_deref().map(|s| s.parse::<SchoolYear>().map_err(|e| e.at("--school-year"))).transpose().map_err(fail)?;
            let sy = sy.unwrap_or_else(|| SchoolYear::containing(if sample { today() } else { ds.as_of }));
            let text = batch::explain(book, &ds, &employee, sy, common.format, common.lang.into()).map_err(fail)?;
            emit(&common, &text).map_err(fail)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Call { operation, input } => {
            let text = read_input(&input).map_err(fail)?;
            let out = lemniscaat::api::call(&operation, &text).map_err(fail)?;
            let _ = emit(&Common { lang: LangArg::En, format: Format::Json, output: None }, &(out + "\n"));
            Ok(ExitCode::SUCCESS)
        }
        Command::Sample => {
            let _ = emit(&Common { lang: LangArg::Nl, format: Format::Json, output: None }, lemniscaat::report::SAMPLE);
            Ok(ExitCode::SUCCESS)
        }
        Command::SampleExport { rows, seed, order, output } => {
            use lemniscaat::synthetic::{csv, Spec};
            let order = order.parse().map_err(|e: Error| fail(e.at("--order")))?;
            // The only refusal is too many rows.
            let csv = csv(&Spec { rows, seed, order, ..Spec::default() }).map_err(|e| fail(e.at("--rows")))?;
            emit(&Common { lang: LangArg::Nl, format: Format::Csv, output }, &csv).map_err(fail)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if matches!(e.kind(), clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion) { 0 } else { 2 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(Failure { error, json, lang }) => {
            let mut err = std::io::stderr().lock();
            if json {
                let v = serde_json::json!({ "error": { "code": error.code().as_str(), "path": error.path(), "message_en": error.message_en(), "message_nl": error.message_nl() } });
                let _ = writeln!(err, "{v}");
            } else {
                let msg = error.message(if lang == Lang::Nl { "nl" } else { "en" });
                let at =
                    if error.path().is_empty() { String::new() } else { format!(" {}", trf(lang, "error.at", &[("path", error.path())])) };
                let _ = writeln!(err, "lemniscaat: {}{at}: {msg}", error.code());
            }
            ExitCode::from(2)
        }
    }
}
