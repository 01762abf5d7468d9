//! What the fuzz targets assert beyond "no panic", shared by all of them:
//!
//! - an accepted input's output serialises to JSON that parses back ([`output`], [`serialises`]);
//! - an error has a stable, non-empty code, messages in both languages, reads back from its own
//!   JSON, and a path that is a JSON Pointer which, when the input was valid JSON, resolves in
//!   the input document, or names a field absent from an object that does ([`error`]);
//! - a finding's path is such a pointer too ([`pointer_in`]);
//! - a ledger that was accepted keeps its invariants ([`ledger`]).
//!
//! A failed assertion panics, which libFuzzer reports as a crash with the input that caused it.

use lemniscaat::ledger::{LedgerResult, UnitStatement};
use lemniscaat::num::Dec;
use lemniscaat::{Error, ErrorCode};
use serde_json::Value;

pub mod gen;

/// A JSON number with a fraction as serde reads it, kept only to rebuild the input document.
type Float = f64; // ok: the fuzz harness's copy of the input, never an amount
/// The input as JSON, when it is JSON without a key twice in one object (the reference for error
/// and finding paths: where a key repeats, the library reads the first and `serde_json::Value`
/// keeps the last, so paths cannot be compared).
pub fn document(input: &str) -> Option<Value> {
    serde_json::from_str::<Unique>(input).ok().map(|u| u.0)
}

/// A JSON value that refuses a key given twice in one object.
struct Unique(Value);

impl<'de> serde::Deserialize<'de> for Unique {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(UniqueVisitor).map(Unique)
    }
}

struct UniqueVisitor;

impl<'de> serde::de::Visitor<'de> for UniqueVisitor {
    type Value = Value;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("JSON")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: Float) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        serde::Deserialize::deserialize(d).map(|u: Unique| u.0)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Value, A::Error> {
        let mut v = Vec::new();
        while let Some(Unique(x)) = a.next_element()? {
            v.push(x);
        }
        Ok(Value::Array(v))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut a: A) -> Result<Value, A::Error> {
        let mut m = serde_json::Map::new();
        while let Some(k) = a.next_key::<String>()? {
            let Unique(x) = a.next_value()?;
            if m.insert(k, x).is_some() {
                return Err(serde::de::Error::custom("a key twice"));
            }
        }
        Ok(Value::Object(m))
    }
}

/// An operation's JSON output parses back.
pub fn output(out: &str) -> Value {
    match serde_json::from_str::<Value>(out) {
        Ok(v) => v,
        Err(e) => panic!("the output is not JSON ({e}): {out}"), // ok: a fuzz target reports a broken promise by panicking; libFuzzer keeps the input
    }
}

/// A result serialises to JSON that parses back.
pub fn serialises<T: serde::Serialize>(value: &T) -> Value {
    let text = match serde_json::to_string(value) {
        Ok(t) => t,
        Err(e) => panic!("a result does not serialise: {e}"), // ok: a fuzz target reports a broken promise by panicking; libFuzzer keeps the input
    };
    output(&text)
}

/// An error of the library, for an input `input` (JSON text, or anything else when `json` is
/// false, e.g. CSV).
pub fn error(e: &Error, input: &str, json: bool) {
    let code = e.code();
    let s = code.as_str();
    assert!(!s.is_empty(), "an empty error code: {e:?}");
    assert_eq!(ErrorCode::parse(s), Some(code), "the code {s} does not read back");
    assert!(!e.message_en().trim().is_empty(), "no English message: {e:?}");
    assert!(!e.message_nl().trim().is_empty(), "no Dutch message: {e:?}");
    // The error as JSON (what the bindings and the command print) reads back.
    let text = match serde_json::to_string(e) {
        Ok(t) => t,
        Err(x) => panic!("the error does not serialise ({x}): {e:?}"), // ok: a fuzz target reports a broken promise by panicking; libFuzzer keeps the input
    };
    let back: Error = match serde_json::from_str(&text) {
        Ok(b) => b,
        Err(x) => panic!("the error does not read back ({x}): {text}"), // ok: a fuzz target reports a broken promise by panicking; libFuzzer keeps the input
    };
    assert_eq!((back.code(), back.path()), (code, e.path()), "the error reads back otherwise: {text}");
    assert_eq!(back.message_en(), e.message_en(), "the error's message reads back otherwise: {text}");
    if known_path_issue(e, input) {
        return;
    }
    if json {
        pointer_in(e.path(), input, &format!("the error {e}"));
    } else {
        assert_pointer_syntax(e.path(), &format!("the error {e}"));
    }
}

/// Errors whose paths are known not to point into the input (README.md, "Known findings"): their
/// paths are not checked, unless built with `--features known-issues`. Each would be recognised
/// by its own narrow signature, so that any other wrong path still fails. None is open: every
/// finding so far is fixed (README.md, "Fixed").
pub fn known_path_issue(_error: &Error, _input: &str) -> bool {
    false
}

/// A JSON Pointer (RFC 6901): empty, or `/` followed by tokens in which `~` is only `~0` or `~1`.
fn assert_pointer_syntax(path: &str, what: &str) {
    if path.is_empty() {
        return;
    }
    assert!(path.starts_with('/'), "{what}: the path {path:?} is not a JSON Pointer");
    let b = path.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c == b'~' {
            assert!(matches!(b.get(i + 1), Some(b'0' | b'1')), "{what}: the path {path:?} has a bad escape");
        }
    }
}

fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// `path` is a JSON Pointer and, when `input` is JSON, names a value in it, or a field that an
/// object in it lacks (a required field that is missing, or one with a default).
pub fn pointer_in(path: &str, input: &str, what: &str) {
    assert_pointer_syntax(path, what);
    let Some(doc) = document(input) else { return };
    pointer_in_value(path, &doc, what);
}

/// As [`pointer_in`], against an already parsed document.
pub fn pointer_in_value(path: &str, doc: &Value, what: &str) {
    assert_pointer_syntax(path, what);
    if doc.pointer(path).is_some() {
        return;
    }
    let (parent, last) = path.rsplit_once('/').unwrap_or(("", path));
    match doc.pointer(parent) {
        Some(Value::Object(m)) if !m.contains_key(&unescape(last)) => {}
        // `null` in place of an object whose field is meant (an optional object given as null).
        Some(Value::Null) => {}
        _ => panic!("{what}: the path {path:?} is not in the input {}", short(doc)), // ok: a fuzz target reports a broken promise by panicking; libFuzzer keeps the input
    }
}

fn short(doc: &Value) -> String {
    let s = doc.to_string();
    if s.len() > 2000 {
        format!("{}…", &s[..s.char_indices().nth(2000).map_or(s.len(), |(i, _)| i)])
    } else {
        s
    }
}

/// Runs one operation of `lemniscaat::api` and checks its output or its error.
pub fn operation(op: &str, input: &str) -> Option<Value> {
    match lemniscaat::api::call(op, input) {
        Ok(out) => Some(output(&out)),
        Err(e) => {
            error(&e, input, true);
            None
        }
    }
}

/// The invariants of an accepted ledger:
///
/// - per statement and unit: opening + granted - used + adjusted = lapsed + carried;
/// - nothing negative is opened, granted, used, lapsed or carried (so use never goes beyond
///   what was granted, saved and adjusted);
/// - the next school year opens with what this one carried (per bucket, when both are asked);
/// - booked balances are not negative; free to plan is booked less reserved (at least zero).
pub fn ledger(r: &LedgerResult) {
    for (kind, list) in [("statement", &r.statements), ("bucket statement", &r.bucket_statements)] {
        for s in list.iter() {
            for (unit, u) in [("hours", &s.hours), ("money", &s.money)] {
                let what = format!("{kind} {} {} {unit}", s.school_year, s.bucket);
                unit_statement(u, &what);
            }
            if let Some(next) = s.school_year.next() {
                if let Some(n) = list.iter().find(|n| n.school_year == next && n.bucket == s.bucket) {
                    assert_eq!(
                        n.hours.opening, s.hours.carried,
                        "{kind} {} {}: hours carried {} but {next} opens with {}",
                        s.school_year, s.bucket, s.hours.carried, n.hours.opening
                    );
                    assert_eq!(
                        n.money.opening, s.money.carried,
                        "{kind} {} {}: money carried {} but {next} opens with {}",
                        s.school_year, s.bucket, s.money.carried, n.money.opening
                    );
                }
            }
        }
    }
    for b in &r.balances {
        assert!(b.booked.hours >= Dec::ZERO && b.booked.money >= Dec::ZERO, "a negative booked balance: {b:?}");
        assert!(b.reserved.hours >= Dec::ZERO && b.reserved.money >= Dec::ZERO, "a negative reservation: {b:?}");
        let free = |booked: Dec, reserved: Dec| (booked - reserved).max(Dec::ZERO);
        assert_eq!(b.free_to_plan.hours, free(b.booked.hours, b.reserved.hours), "free to plan is not booked less reserved: {b:?}");
        assert_eq!(b.free_to_plan.money, free(b.booked.money, b.reserved.money), "free to plan is not booked less reserved: {b:?}");
    }
    for x in &r.expiring {
        assert!(x.amounts.hours >= Dec::ZERO && x.amounts.money >= Dec::ZERO, "a negative amount expiring: {x:?}");
    }
    for f in &r.facilities {
        assert!(f.total.hours >= Dec::ZERO && f.total.money >= Dec::ZERO, "negative facilities: {f:?}");
    }
    serialises(r);
}

fn unit_statement(u: &UnitStatement, what: &str) {
    // Checked sums: an amount near the largest decimal must not hide behind an overflow here.
    let lhs = u.opening.checked_add(u.granted).and_then(|x| x.checked_sub(u.used)).and_then(|x| x.checked_add(u.adjusted));
    let rhs = u.lapsed.checked_add(u.carried);
    assert!(
        lhs.is_some() && lhs == rhs,
        "{what}: opening {} + granted {} - used {} + adjusted {} is not lapsed {} + carried {}",
        u.opening,
        u.granted,
        u.used,
        u.adjusted,
        u.lapsed,
        u.carried
    );
    for (name, v) in [("opening", u.opening), ("granted", u.granted), ("used", u.used), ("lapsed", u.lapsed), ("carried", u.carried)] {
        assert!(v >= Dec::ZERO, "{what}: {name} is negative ({v})");
    }
}

/// A dataset read, validated and reported on: errors and findings checked, the report and the
/// board report serialised.
pub fn check_dataset(input: &str) {
    let ds = match lemniscaat::dataset::Dataset::from_json(input) {
        Ok(ds) => ds,
        Err(e) => return error(&e, input, true),
    };
    let doc = document(input);
    let findings = |fs: &[lemniscaat::Finding], what: &str| {
        for f in fs {
            let what = format!("{what}: the finding {} at {:?}", f.code.as_str(), f.path);
            match &doc {
                Some(d) => pointer_in_value(&f.path, d, &what),
                None => assert_pointer_syntax(&f.path, &what),
            }
        }
    };
    match lemniscaat::validate::validate(&ds) {
        Ok(r) => {
            findings(&r.findings, "validate");
            serialises(&r);
        }
        Err(e) => error(&e, input, true),
    }
    match lemniscaat::report::report(&ds, None) {
        Ok(r) => {
            findings(&r.findings, "report");
            serialises(&r);
        }
        Err(e) => error(&e, input, true),
    }
}

/// The operations of [`lemniscaat::api::call`] and the two SVG entry points, for the first byte
/// of an input to choose from.
pub const OPERATIONS: [&str; 12] = [
    "entitlement",
    "ledger",
    "eligibility",
    "lumpsum",
    "classify",
    "mix",
    "cycle",
    "validate",
    "report",
    "rule_sets",
    "cycle_svg",
    "mix_svg",
];

/// Runs operation `op` (one of [`OPERATIONS`]) on `input` and checks it; a ledger that is
/// accepted is also read into its Rust type and checked for its invariants.
pub fn any_operation(op: &str, input: &str, lang: &str) {
    match op {
        "cycle_svg" | "mix_svg" => {
            let r = if op == "cycle_svg" { lemniscaat::api::cycle_svg(input, lang) } else { lemniscaat::api::mix_svg(input, lang) };
            match r {
                Ok(svg) => svg_document(&svg),
                Err(e) => error(&e, input, true),
            }
        }
        "ledger" => {
            let out = operation(op, input);
            match lemniscaat::json::from_str::<lemniscaat::ledger::LedgerInput>(input) {
                Ok(li) => match lemniscaat::ledger::ledger(&li) {
                    Ok(r) => {
                        assert!(out.is_some(), "the typed ledger accepts what the JSON operation refused");
                        ledger(&r)
                    }
                    Err(e) => {
                        assert!(out.is_none(), "the typed ledger refuses what the JSON operation accepted");
                        error(&e, input, true)
                    }
                },
                Err(e) => error(&e, input, true),
            }
        }
        _ => {
            operation(op, input);
        }
    }
}

/// An SVG picture is well formed: one `<svg>` root, tags that open and close in order, no `<`
/// or bare `&` in text or attribute values.
pub fn svg_document(svg: &str) {
    assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"), "not an SVG document: {svg}");
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = svg;
    let mut roots = 0;
    while let Some(lt) = rest.find('<') {
        text_ok(&rest[..lt], svg);
        let after = &rest[lt + 1..];
        let gt = match after.find('>') {
            Some(g) => g,
            None => panic!("an unclosed tag in {svg}"), // ok: a fuzz target reports a broken promise by panicking; libFuzzer keeps the input
        };
        let tag = &after[..gt];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop(), Some(name.trim()), "a closing tag out of order in {svg}");
        } else {
            let self_closing = tag.ends_with('/');
            let body = tag.trim_end_matches('/');
            let name = body.split_whitespace().next().unwrap_or("");
            assert!(
                !name.is_empty() && name.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b':'),
                "a bad tag <{tag}> in {svg}"
            );
            attributes_ok(&body[name.len()..], svg);
            if stack.is_empty() {
                roots += 1;
            }
            if !self_closing {
                stack.push(name);
            }
        }
        rest = &after[gt + 1..];
    }
    text_ok(rest, svg);
    assert!(stack.is_empty() && roots == 1, "unbalanced tags in {svg}");
}

fn text_ok(text: &str, svg: &str) {
    assert!(!text.contains('>'), "a bare > in text of {svg}");
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        let after = &rest[i + 1..];
        let end = after.find(';').unwrap_or(usize::MAX);
        let entity = after.get(..end).unwrap_or("");
        let known = matches!(entity, "amp" | "lt" | "gt" | "quot" | "apos")
            || entity.strip_prefix('#').is_some_and(|n| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()));
        assert!(known, "a bare & in text of {svg}");
        rest = after;
    }
    assert!(!text.chars().any(|c| (c as u32) < 0x20 && c != '\n' && c != '\t' && c != '\r'), "a control character in {svg}");
}

fn attributes_ok(attrs: &str, svg: &str) {
    // name="value" pairs; values without `<` or `"`, entities as in text.
    let mut rest = attrs.trim();
    while !rest.is_empty() {
        let eq = match rest.find("=\"") {
            Some(e) => e,
            None => panic!("a bad attribute list {attrs:?} in {svg}"), // ok: a fuzz target reports a broken promise by panicking; libFuzzer keeps the input
        };
        let name = rest[..eq].trim();
        assert!(
            !name.is_empty() && name.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b':'),
            "a bad attribute name {name:?} in {svg}"
        );
        let value_and_rest = &rest[eq + 2..];
        let close = match value_and_rest.find('"') {
            Some(c) => c,
            None => panic!("an unclosed attribute value in {svg}"), // ok: a fuzz target reports a broken promise by panicking; libFuzzer keeps the input
        };
        let value = &value_and_rest[..close];
        assert!(!value.contains('<'), "a < in an attribute value of {svg}");
        text_ok(value, svg);
        rest = value_and_rest[close + 1..].trim_start();
    }
}
