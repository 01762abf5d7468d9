//! End-to-end tests of the built `lemniscaat` binary: every subcommand, every vector file through
//! `call`, snapshots of the table and JSON outputs, and bad input that must exit 2 without a panic.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test stops at its first surprise

#[path = "../../lemniscaat/tests/support.rs"]
mod support;

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_lemniscaat"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn run_stdin(args: &[&str], input: &str) -> Output {
    let mut child = bin().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn tmp(name: &str, content: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lemniscaat-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p
}

/// Compares with a snapshot in tests/snapshots (`UPDATE_SNAPSHOTS=1` rewrites them).
fn snapshot(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots").join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing snapshot {name}: run with UPDATE_SNAPSHOTS=1"));
    assert!(expected == actual, "snapshot {name} differs; run with UPDATE_SNAPSHOTS=1 and review the diff");
}

#[test]
fn main_job_without_arguments_reports_on_the_sample_board() {
    let o = run(&[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Stichting Voorbeeld Onderwijs"));
    assert!(out.contains("1. Geldende cao"));
    assert!(out.contains("7. De 10%-regel"));
}

#[test]
fn report_snapshots_in_table_and_json() {
    let o = run(&["report", "--as-of", "2026-11-30", "--lang", "en"]);
    assert!(o.status.success());
    snapshot("report-2026-11-30-en.txt", &stdout(&o));
    let o = run(&["report", "--as-of", "2026-11-30", "--format", "json"]);
    assert!(o.status.success());
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["counts"]["error"], 3);
    snapshot("report-2026-11-30.json", &stdout(&o));
    let o = run(&["report", "--as-of", "2026-11-30", "--format", "csv"]);
    let csv = stdout(&o);
    assert!(csv.starts_with("employee,name,school,"));
    assert_eq!(csv.lines().count(), 30);
}

#[test]
fn html_report_is_one_self_contained_file() {
    let out = tmp("report.html", "");
    let o = run(&["report", "--as-of", "2026-11-30", "--format", "html", "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<svg") && html.contains("<style>"));
    assert!(!html.contains("http://") || html.matches("http://").all(|_| html.contains("xmlns=\"http://www.w3.org/2000/svg\"")));
    assert!(!html.contains("<script src") && !html.contains("<link "));
}

#[test]
fn validate_exit_codes() {
    let sample = root().join("examples/voorbeeldstichting.json");
    let o = run(&["validate", sample.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "the sample has errors");
    assert!(stdout(&o).contains("TAAKBELEID_BELOW_BASISRECHT"));
    let compliant = support::cases("validation.json")[0]["input"].to_string();
    let o = run_stdin(&["validate", "-", "--format", "json"], &compliant);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["counts"]["error"], 0);
}

#[test]
fn every_vector_file_through_call() {
    support::assert_table_lists_every_file();
    for (file, op) in support::files() {
        let (file, op) = (file.as_str(), op.as_str());
        if op == "validate" {
            for case in support::cases(file) {
                let o = run_stdin(&["call", "validate", "-"], &case["input"].to_string());
                if let Some(err) = case.get("error") {
                    let e: Value = serde_json::from_str(stderr(&o).trim()).unwrap();
                    assert_eq!(
                        (o.status.code(), &e["error"]["code"], &e["error"]["path"]),
                        (Some(2), &err["code"], &err["path"]),
                        "{}",
                        case["name"]
                    );
                    continue;
                }
                assert!(o.status.success(), "{}: {}", case["name"], stderr(&o));
                let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
                let codes: Vec<&str> = v["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
                for c in case["expected"]["includes"].as_array().unwrap() {
                    assert!(codes.contains(&c.as_str().unwrap()), "{}: {c} missing", case["name"]);
                }
                for c in case["expected"]["excludes"].as_array().unwrap() {
                    assert!(!codes.contains(&c.as_str().unwrap()), "{}: {c} present", case["name"]);
                }
            }
            continue;
        }
        support::replay(file, |input| {
            let o = run_stdin(&["call", op, "-"], &input.to_string());
            if o.status.success() {
                Ok(support::with_codes(serde_json::from_str(&stdout(&o)).unwrap()))
            } else {
                assert_eq!(o.status.code(), Some(2));
                let e: Value = serde_json::from_str(stderr(&o).trim()).unwrap();
                let text = |k: &str| e["error"][k].as_str().unwrap_or_default().to_string();
                Err(support::Refusal { code: text("code"), path: text("path") })
            }
        });
    }
}

#[test]
fn entitlements_from_dataset_and_csv() {
    let o = run(&["entitlements", "--school-year", "2026-2027", "--lang", "en"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("E02 Bram Jansen"));
    let csv = "employee_id,category,wtf,start,end\nE1,teacher,0.6,2010-08-01,\nE2,support,1.5,2010-08-01,\nE3,teacher,1,2015-02-01,\nE1,support,0.4,2010-08-01,\n";
    let p = tmp("apps.csv", csv);
    let o = run(&["entitlements", p.to_str().unwrap(), "--school-year", "2014-2015", "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "employee_id,school_year,rule_set,hours,money,extra_hours,error_code,error_column,error_line");
    assert_eq!(lines[1], "E1,2014-2015,cao-vo-2014-2015,65.80,560.00,0.00,,,");
    assert_eq!(lines[2], "E2,2014-2015,cao-vo-2014-2015,,,,INVALID_WTF,wtf,3");
    assert_eq!(lines[3], "E3,2014-2015,cao-vo-2014-2015,41.16,297.53,0.00,,,");
    let o = run_stdin(&["entitlements", "-", "--school-year", "2014-2015", "--format", "json"], csv);
    assert!(o.status.success());
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["lines"].as_array().unwrap().len(), 3);
}

/// The table of a CSV of appointments is for people: Dutch headings and amounts by default, the
/// CAO by its name, a refused row by its line and message; English with `--lang en`.
#[test]
fn entitlements_table_of_a_csv_in_dutch_and_in_english() {
    let csv = "employee_id,school_year,category,wtf,start,end\n\
               E1,2024-2025,teacher,0.5,2010-08-01,\n\
               E2,2024-2025,support,1.5,2010-08-01,\n";
    let p = tmp("table.csv", csv);
    let o = run(&["entitlements", p.to_str().unwrap(), "--format", "table"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let head = out.lines().next().unwrap();
    for word in ["medewerker", "schooljaar", "cao", "uren", "bedrag (€)", "extra uren", "fout"] {
        assert!(head.contains(word), "{word}: {out}");
    }
    assert!(out.contains("41,50") && out.contains("300,00") && out.contains("8,00") && out.contains("CAO VO 2023-2024"), "{out}");
    assert!(out.contains("regel 3, kolom wtf: werktijdfactor 1,5"), "{out}");
    for english in ["employee", "school year", "hours", "money", "error", "line", "41.50", "INVALID_WTF"] {
        assert!(!out.contains(english), "'{english}' in the Dutch table:\n{out}");
    }
    let o = run(&["entitlements", p.to_str().unwrap(), "--format", "table", "--lang", "en"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let head = out.lines().next().unwrap();
    for word in ["employee", "school year", "CAO", "hours", "money EUR", "extra hours", "error"] {
        assert!(head.contains(word), "{word}: {out}");
    }
    assert!(out.contains("41.50") && out.contains("line 3, column wtf: wtf 1.5"), "{out}");
    assert!(!out.contains("medewerker") && !out.contains("41,50"), "{out}");
}

/// Every command's table in Dutch, read as a Dutch reader reads it: none of the English labels
/// of the command (headings, columns, units, notes) and no amount with a decimal point.
#[test]
fn the_dutch_tables_of_every_command_have_no_english_labels() {
    let csv = tmp("labels.csv", "employee_id,category,wtf,start,end\nE1,teacher,0.6,2010-08-01,\nE2,support,2,2010-08-01,\n");
    let sample = root().join("examples/voorbeeldstichting.json");
    let runs: [&[&str]; 9] = [
        &["entitlements", "--school-year", "2026-2027"],
        &["entitlements", csv.to_str().unwrap(), "--school-year", "2024-2025"],
        &["ledger", "--employee", "E12", "--school-year", "2025-2026", "--school-year", "2026-2027", "--as-of", "2026-11-30"],
        &["explain", "--employee", "E09", "--school-year", "2014-2015"],
        &["explain", "--employee", "E01", "--school-year", "2026-2027"],
        &["classify", "intervisie met sectiecollega's"],
        &["rules"],
        &["rules", "cao-vo-2018-2019"],
        &["validate", sample.to_str().unwrap()],
    ];
    let english = [
        "employee",
        "hours",
        "money",
        "error",
        "errors",
        "line",
        "column",
        "rule",
        "findings",
        "source",
        "value",
        "amount",
        "step",
        "balance",
        "granted",
        "used",
        "lapsed",
        "saved",
        "unit",
        "warning",
        "warnings",
        "summary",
        "field",
        "matched",
        "terms",
        "and",
        "the",
        "see",
        "input",
        "choices",
        "days",
        "months",
        "teacher",
        "support",
        "sourced",
        "inferred",
        "agreement",
        "article",
        "Summary",
        "Sources",
        "Choices",
        "Free",
        "Lapse",
        "Entitlements",
    ];
    for args in runs {
        let o = run(args);
        assert!(o.status.code().is_some_and(|c| c < 2), "{args:?}: {}", stderr(&o));
        let text = stdout(&o);
        let prose: Vec<&str> = text.lines().collect();
        let words: Vec<&str> = prose
            .iter()
            .flat_map(|l| l.split_whitespace().filter(|t| !t.starts_with('/') && !t.starts_with("http")))
            .flat_map(|t| t.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_')))
            .collect();
        for w in english {
            assert!(!words.contains(&w), "{args:?}: '{w}' in the Dutch output:\n{text}");
        }
        for line in &prose {
            let b = line.as_bytes();
            for i in 1..b.len().saturating_sub(2) {
                let two = b[i + 1].is_ascii_digit() && b[i + 2].is_ascii_digit() && !b.get(i + 3).is_some_and(u8::is_ascii_digit);
                assert!(!(b[i] == b'.' && b[i - 1].is_ascii_digit() && two), "{args:?}: an amount with a decimal point: {line}");
            }
        }
    }
}

#[test]
fn entitlements_of_an_export_over_several_school_years_on_any_number_of_threads() {
    let csv = "employee_id,school_year,category,wtf,start,end\n\
               E1,2014-2015,teacher,0.6,2010-08-01,\n\
               E1,2024-2025,teacher,0.5,2010-08-01,\n\
               E2,2024-2025,support,1,2010-08-01,\n\
               \n\
               E2,2012-2013,support,1,2010-08-01,\n\
               E3,2O24-2025,teacher,1,2010-08-01,\n";
    let p = tmp("export.csv", csv);
    let o = run(&["entitlements", p.to_str().unwrap(), "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().skip(1).collect();
    assert_eq!(
        lines,
        [
            "E1,2014-2015,cao-vo-2014-2015,49.80,360.00,0.00,,,",
            "E1,2024-2025,cao-vo-2023-2024,41.50,300.00,8.00,,,",
            "E2,2024-2025,cao-vo-2023-2024,40.00,600.00,0.00,,,",
            "E2,2012-2013,,,,,RULES_NOT_IN_FORCE,school_year,6",
            "E3,,,,,,INVALID_SCHOOL_YEAR,school_year,7",
        ]
    );
    // One year of the export; the unreadable year still gets its line.
    let o = run(&["entitlements", p.to_str().unwrap(), "--school-year", "2024-2025", "--format", "csv", "--threads", "3"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let ids: Vec<String> = stdout(&o).lines().skip(1).map(|l| l.split(',').take(2).collect::<Vec<_>>().join(",")).collect();
    assert_eq!(ids, ["E1,2024-2025", "E2,2024-2025", "E3,"]);
    // A synthetic export gives the same lines on one thread and on four, in the same order.
    let export = run(&["sample-export", "--rows", "40000", "--order", "shuffled"]);
    assert!(export.status.success());
    let p = tmp("synthetic.csv", &stdout(&export));
    let one = run(&["entitlements", p.to_str().unwrap(), "--format", "csv", "--threads", "1"]);
    let four = run(&["entitlements", p.to_str().unwrap(), "--format", "csv", "--threads", "4"]);
    assert!(one.status.success() && four.status.success());
    assert_eq!(stdout(&one), stdout(&four));
    assert!(stdout(&one).lines().count() > 30_000);
    assert!(stdout(&one).contains(",INVALID_DECIMAL,wtf,"));
    // Written to a file, the streamed answer is the same; a run that fails leaves the file as it
    // was and nothing beside it.
    let out = tmp("answer.csv", "earlier answer\n");
    let o = run(&["entitlements", p.to_str().unwrap(), "--format", "csv", "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), stdout(&one));
    std::fs::write(&out, "earlier answer\n").unwrap();
    let headless = tmp("headless.csv", "employee_id,category,wtf,start\nE1,teacher,1,2010-08-01\n");
    let o = run(&["entitlements", headless.to_str().unwrap(), "--format", "csv", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "earlier answer\n");
    let beside: Vec<_> = std::fs::read_dir(out.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.ends_with(".part"))
        .collect();
    assert!(beside.is_empty(), "{beside:?}");
    // A bad order or too many rows: exit 2 with the core's code and the argument.
    let bad = run(&["sample-export", "--order", "random"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("INVALID_VALUE") && stderr(&bad).contains("--order"), "{}", stderr(&bad));
    let big = run(&["sample-export", "--rows", "50000001"]);
    assert_eq!(big.status.code(), Some(2));
    assert!(stderr(&big).contains("LIMIT_EXCEEDED") && stderr(&big).contains("--rows"), "{}", stderr(&big));
}

#[test]
fn ledger_explain_classify_rules_schema_sample() {
    let o = run(&[
        "ledger",
        "--employee",
        "E12",
        "--school-year",
        "2025-2026",
        "--school-year",
        "2026-2027",
        "--as-of",
        "2026-11-30",
        "--lang",
        "en",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    snapshot("ledger-E12-en.txt", &stdout(&o));
    let o = run(&["ledger", "--employee", "E12", "--school-year", "2025-2026", "--school-year", "2026-2027", "--as-of", "2026-11-30"]);
    assert!(o.status.success(), "{}", stderr(&o));
    snapshot("ledger-E12-nl.txt", &stdout(&o));
    let o = run(&["explain", "--employee", "E09", "--school-year", "2014-2015", "--lang", "en"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("CAO VO 2014-2015, art. 17.4 lid 1") && out.contains("reading pro rata by wtf (statement of the CAO parties"),
        "{out}"
    );
    assert!(out.contains("49.80 h and EUR 360.00"), "{out}");
    let o = run(&["explain", "--employee", "E09", "--school-year", "2014-2015", "--format", "csv"]);
    let csv = stdout(&o);
    assert!(csv.contains("hours,wtf,0.6,factor,\"benoeming 1: naar rato van de wtf 0,6\",interpretation:parties-intent"), "{csv}");
    let o = run(&["classify", "Intervisie met sectiecollega's", "--lang", "en"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("social (20)"));
    let o = run(&["rules"]);
    assert!(o.status.success());
    for id in [
        "cao-vo-2014-2015",
        "cao-vo-2016-2017",
        "cao-vo-2018-2019",
        "cao-vo-2020",
        "cao-vo-2021",
        "cao-vo-2022",
        "cao-vo-2023-2024",
        "cao-vo-2024-2025",
    ] {
        assert!(stdout(&o).contains(id), "{id}");
    }
    let o = run(&["rules", "cao-vo-2018-2019", "--format", "json"]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["parameters"]["support_money"]["value"], "600");
    let o = run(&["rules", "cao-vo-1999"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("UNKNOWN_RULE_SET"));
    let o = run(&["schema"]);
    assert_eq!(stdout(&o), std::fs::read_to_string(root().join("docs/dataset.schema.json")).unwrap());
    let o = run(&["sample"]);
    assert_eq!(stdout(&o), std::fs::read_to_string(root().join("examples/voorbeeldstichting.json")).unwrap());
}

#[test]
fn help_has_examples_for_every_subcommand() {
    for sub in ["report", "validate", "entitlements", "ledger", "classify", "rules", "schema", "explain", "sample", "call"] {
        let o = run(&[sub, "--help"]);
        assert!(o.status.success(), "{sub}");
        assert!(stdout(&o).contains("Example"), "{sub} --help has no example");
    }
    assert!(stdout(&run(&["--help"])).contains("Exit codes"));
}

#[test]
fn bad_input_exits_2_with_a_clear_line_and_no_panic() {
    let mut base = support::cases("validation.json")[0]["input"].clone();
    let broken = tmp("broken.json", "{\"as_of\": ");
    base["employees"][0]["appointments"][0]["wtf"] = Value::from("1.5");
    let wtf = tmp("wtf.json", &base.to_string());
    let mut unknown = support::cases("validation.json")[0]["input"].clone();
    unknown["board"]["nmae"] = Value::from("x");
    let unknown = tmp("unknown.json", &unknown.to_string());
    let empty = tmp("empty.json", "");
    let dir = std::env::temp_dir();
    let cases: [(&str, &str); 5] = [
        (broken.to_str().unwrap(), "INVALID_JSON"),
        (unknown.to_str().unwrap(), "UNKNOWN_FIELD"),
        (wtf.to_str().unwrap(), "INVALID_WTF"),
        (dir.to_str().unwrap(), "INVALID_VALUE"),
        (empty.to_str().unwrap(), "INVALID_JSON"),
    ];
    for (path, code) in cases {
        let o = run(&["validate", path]);
        assert_eq!(o.status.code(), Some(2), "{path}");
        let err = stderr(&o);
        assert!(err.contains(code), "{path}: {err}");
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(!err.contains("panicked"));
    }
    let o = run(&["validate", wtf.to_str().unwrap(), "--format", "json"]);
    let e: Value = serde_json::from_str(stderr(&o).trim()).unwrap();
    assert_eq!(e["error"]["path"], "/employees/0/appointments/0/wtf");
    // Garbage on every reader.
    for op in ["entitlement", "ledger", "eligibility", "lumpsum", "classify", "mix", "cycle", "validate", "report"] {
        for garbage in
            ["", "null", "[]", "{}", "{\"x\":1}", "\u{0}\u{1}", "{\"school_year\":\"9999-10000\"}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["]
        {
            let o = run_stdin(&["call", op, "-"], garbage);
            assert_eq!(o.status.code(), Some(2), "{op} {garbage:?}: {}", stdout(&o));
            assert!(!stderr(&o).contains("panicked"), "{op} {garbage:?}");
        }
    }
    let o = run(&["report", "--as-of", "2026-02-30"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("INVALID_DATE"));
}

/// The Chromium binary, when installed (`.ci/run` installs Debian's chromium; on a developer
/// machine without it the test says so and passes, unless CI=true, where it must run).
fn chromium() -> Option<&'static str> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"].into_iter().find(|p| std::path::Path::new(p).exists())
}

#[test]
fn html_report_renders_in_headless_chromium() {
    let Some(browser) = chromium() else {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI must have chromium (.ci/run installs it)");
        eprintln!("SKIPPED: no chromium on this machine; .ci/run installs it and runs this test");
        return;
    };
    let dir = std::env::temp_dir().join(format!("lemniscaat-chromium-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let html = dir.join("report.html");
    let png = dir.join("report.png");
    let o = run(&["report", "--as-of", "2026-11-30", "--format", "html", "--lang", "en", "-o", html.to_str().unwrap()]);
    assert!(o.status.success());
    let flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];
    let profile = format!("--user-data-dir={}", dir.join("profile").display());
    let url = format!("file://{}", html.display());
    let dom = Command::new(browser).args(flags).arg(&profile).args(["--dump-dom", &url]).output().unwrap();
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert!(dom.contains("7. The 10% rule") && dom.contains("<svg"), "the page did not load: {}", &dom[..dom.len().min(300)]);
    let shot = Command::new(browser)
        .args(flags)
        .arg(&profile)
        .args(["--window-size=1200,2400", &format!("--screenshot={}", png.display()), &url])
        .output()
        .unwrap();
    assert!(shot.status.success(), "{}", String::from_utf8_lossy(&shot.stderr));
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    assert!(bytes.len() > 50_000, "a near-empty screenshot: {} bytes", bytes.len());
    // Keep the picture as a test artefact for a person to look at.
    let artefact = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("report.png");
    std::fs::copy(&png, &artefact).unwrap();
    eprintln!("screenshot: {}", artefact.display());
}

#[test]
fn rules_file_adds_the_next_cao_without_a_release() {
    let next = r#"{"rule_sets":[{"id":"cao-vo-2026","name":"CAO VO 2026 (example)",
      "in_force_from":{"value":"2026-08-01","provenance":{"confidence":"inferred","source":"lemniscaat"}},
      "parameters":{"teacher_money":{"value":"700","article":"16.5","lid":"1","provenance":{"confidence":"inferred","source":"lemniscaat"}}}}]}"#;
    let p = tmp("next-cao.json", next);
    let o = run(&["explain", "--employee", "E01", "--school-year", "2026-2027", "--lang", "en", "--rules", p.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("EUR 700.00") && out.contains("cao-vo-2026, art. 16.5 lid 1"), "{out}");
    assert!(!out.contains("RULES_OUT_OF_RANGE"));
    let o = run(&["rules", "--rules", p.to_str().unwrap()]);
    assert!(stdout(&o).contains("cao-vo-2026"));
    let bad = tmp("bad-cao.json", r#"{"rule_sets":[{"id":"x"}]}"#);
    let o = run(&["report", "--rules", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("MISSING_FIELD"), "{}", stderr(&o));
}

/// The Dutch report of the sample board read as a Dutch reader reads it: no id or English label
/// of the library in its prose (JSON Pointer paths after `pad:` are data and may hold ids), and
/// no amount with two decimals after a point (Dutch writes 66,40 and 60.500,00; article numbers
/// such as 16.4 are not amounts).
#[test]
fn the_dutch_report_has_no_english_ids_and_dutch_amounts() {
    for format in ["table", "html"] {
        let o = run(&["report", "--as-of", "2026-12-01", "--format", format]);
        assert!(o.status.success(), "{}", stderr(&o));
        let text = stdout(&o);
        let text = if format == "html" {
            // The text between tags, without the inline SVG pictures' attributes and the style sheet.
            let body = text.split("</style>").nth(1).unwrap_or("");
            let mut out = String::new();
            let mut inside = false;
            for c in body.chars() {
                match c {
                    '<' => inside = true,
                    '>' => {
                        inside = false;
                        out.push(' ');
                    }
                    c if !inside => out.push(c),
                    _ => {}
                }
            }
            out
        } else {
            text
        };
        let prose: Vec<&str> = text.lines().map(|l| l.split("pad: ").next().unwrap_or("")).collect();
        // JSON Pointer paths (the HTML's "Waar" column) are data too.
        let words: Vec<&str> = prose
            .iter()
            .flat_map(|l| l.split_whitespace().filter(|t| !t.starts_with('/')))
            .flat_map(|t| t.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_')))
            .collect();
        let english = [
            "teacher",
            "support",
            "management",
            "sourced",
            "inferred",
            "seed",
            "measure",
            "deadline",
            "description",
            "earmarked-basic-skills",
            "support-plan-extension",
            "development_culture",
            "strategic_exploration",
            "parties-intent",
            "agreement",
            "none",
            "frameworks",
            "collective_plan",
            "pgmr",
            "pmr",
            "teacher_hours",
            "collective_min_share",
        ];
        for w in english {
            assert!(
                !words.contains(&w),
                "{format}: '{w}' in the Dutch report:\n{}",
                prose.iter().filter(|l| l.contains(w)).cloned().collect::<Vec<_>>().join("\n")
            );
        }
        for line in &prose {
            let b = line.as_bytes();
            // Two decimals after a point (66.40, 8.52%): a thousands dot has three digits after it.
            for i in 1..b.len().saturating_sub(2) {
                let two = b[i + 1].is_ascii_digit() && b[i + 2].is_ascii_digit() && !b.get(i + 3).is_some_and(u8::is_ascii_digit);
                let amount = b[i] == b'.' && b[i - 1].is_ascii_digit() && two;
                assert!(!amount, "{format}: an amount with a decimal point in the Dutch report: {line}");
            }
        }
    }
}
