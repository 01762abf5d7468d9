//! Reading JSON into the library's types with typed errors: every serde failure becomes an
//! [`Error`] with a stable code and the JSON Pointer path of the offending value.

use crate::error::{untag, Error, ErrorCode, Result};
use crate::message::Msg;
use serde::de::DeserializeOwned;
use serde::Serialize;

mod strict;

/// The largest JSON document the library reads (64 MiB): beyond it, `LIMIT_EXCEEDED`.
pub const MAX_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;

/// The longest text (a string of the JSON: a name, an id, a plan's prose) the library reads, in
/// bytes (16 KiB): beyond it, `LIMIT_EXCEEDED` with the string's path. No field of the format
/// needs more, and a 50 MB name is a mistake, not a name.
pub const MAX_STRING_BYTES: usize = 16 * 1024;

/// The byte offset of the first string in `text` longer than [`MAX_STRING_BYTES`], with its length.
fn long_string(text: &str) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'"' {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < b.len() && b[i] != b'"' {
            i += if b[i] == b'\\' { 2 } else { 1 };
        }
        if i - start - 1 > MAX_STRING_BYTES {
            return Some((start, i - start - 1));
        }
        i += 1;
    }
    None
}

/// The document's and its strings' sizes within the limits (one copy for every type read: the
/// browser build counts its bytes).
#[inline(never)]
fn check_size(text: &str) -> Result<()> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(Error::of(ErrorCode::LimitExceeded, Msg::DocumentTooLarge { bytes: text.len(), limit: MAX_DOCUMENT_BYTES }));
    }
    if let Some((at, bytes)) = long_string(text) {
        let path = pointers_at(text, at + 1).0;
        let msg = Msg::TooMany { what: "text_bytes".into(), count: bytes, limit: MAX_STRING_BYTES };
        return Err(Error::of(ErrorCode::LimitExceeded, msg).at(path));
    }
    Ok(())
}

/// Reads a value from JSON text.
///
/// ```
/// use lemniscaat::{json, people::Appointment, ErrorCode};
/// let err = json::from_str::<Vec<Appointment>>(
///     r#"[{"category":"teacher","wtf":"1.5","start":"2014-08-01","end":null}]"#).unwrap_err();
/// assert_eq!(err.code(), ErrorCode::InvalidWtf);
/// assert_eq!(err.path(), "/0/wtf");
/// let err = json::from_str::<Vec<Appointment>>(
///     r#"[{"category":"teacher","wtf":"1","start":"2014-08-01","ends":null}]"#).unwrap_err();
/// assert_eq!((err.code(), err.path()), (ErrorCode::UnknownField, "/0/ends"));
/// ```
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T> {
    check_size(text)?;
    let mut de = serde_json::Deserializer::from_str(text);
    T::deserialize(strict::Strict(&mut de)).and_then(|v| de.end().map(|()| v)).map_err(|e| refusal(text, &e))
}

/// The library's error for serde_json's refusal of `text` (one copy for every type read).
#[inline(never)]
fn refusal(text: &str, e: &serde_json::Error) -> Error {
    // serde_json finishes the object and the array around a value before it places an error
    // that was made outside its own calls: back up over those closing brackets (see below).
    // A missing field is the exception: its error is placed just after the closing brace
    // of the object that lacks it, which may end a run of braces (`{"a":{"b":{}}}`), so
    // only that last brace is backed over.
    let b = text.as_bytes();
    let offset = byte_offset(text, e.line(), e.column());
    let message = e.to_string();
    let missing = message.starts_with("missing field");
    // A value of the wrong type that opens an array or object (a record given as an array) is
    // placed at its own first bracket: it is the value, nothing before it.
    if message.starts_with("invalid type") && matches!(b.get(offset), Some(b'[' | b'{')) {
        let (field, container) = pointers_at(text, offset);
        return classify(e, field, container);
    }
    // In an array, serde_json has also read the comma after the element (and the space after
    // it) before it places the error: back over that one comma first.
    // serde_json consumes at most two closing brackets after the value an error belongs to: the
    // value's own (its reading completed before a check of the whole failed) and that of the
    // container whose reading placed the error, which it does not reach when an element follows
    // (then it has read that comma). Brackets before those are the value's own inner ones.
    let mut q = offset;
    let mut at = offset;
    let mut comma = true;
    let mut limit = 2;
    while q > 0 {
        match b[q - 1] {
            b'}' | b']' => {
                at = q - 1;
                q -= 1;
                comma = false;
                limit -= 1;
                if missing || limit == 0 {
                    break;
                }
            }
            b',' if comma => {
                comma = false;
                limit = 1;
                q -= 1;
            }
            c if c.is_ascii_whitespace() => q -= 1,
            _ => break,
        }
    }
    let (field, container) = pointers_at(text, at);
    classify(e, field, container)
}

/// Reads a value from an already parsed JSON value (through its text, so that errors get the
/// same paths as [`from_str`]).
pub fn from_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T> {
    from_str(&to_string(&value))
}

/// Writes a value as compact JSON (decimals as strings).
pub fn to_string<T: Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

/// Writes a value as indented JSON.
pub fn to_string_pretty<T: Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string_pretty(v).unwrap_or_else(|_| "null".into())
}

fn invalid_json(e: &serde_json::Error) -> Error {
    Error::of(ErrorCode::InvalidJson, Msg::InvalidJson { line: e.line(), column: e.column(), detail: serde_detail(e) })
}

/// The byte offset just after the last byte serde_json consumed (its line and column are
/// 1-based; a column counts bytes).
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    if line == 0 {
        return text.len();
    }
    let mut start = 0usize;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(k) => start += k + 1,
            None => return text.len(),
        }
    }
    (start + column).min(text.len())
}

enum Frame {
    Object { key: Option<String>, expecting_key: bool },
    Array { index: usize },
}

/// The JSON Pointers at `end` (a byte offset): of the value being read, and of the object or
/// array that holds it. A small scan of the text that tracks object keys and array indices, so
/// that paths need no per-type machinery.
fn pointers_at(text: &str, end: usize) -> (String, String) {
    let b = text.as_bytes();
    let end = end.min(b.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0usize;
    while i < end {
        match b[i] {
            b'{' => stack.push(Frame::Object { key: None, expecting_key: true }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, expecting_key }) => {
                    *key = None;
                    *expecting_key = true;
                }
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { expecting_key, .. }) = stack.last_mut() {
                    *expecting_key = false;
                }
            }
            b'"' => {
                let mut j = i + 1;
                let mut raw = Vec::new();
                while j < b.len() && b[j] != b'"' {
                    if b[j] == b'\\' {
                        j += 1;
                    }
                    if j < b.len() {
                        raw.push(b[j]);
                    }
                    j += 1;
                }
                if let Some(Frame::Object { key, expecting_key: true }) = stack.last_mut() {
                    // The key as the document means it (`"\u0061"` is `a`), else as written.
                    let decoded = text.get(i..=j).and_then(|quoted| serde_json::from_str::<String>(quoted).ok());
                    *key = Some(decoded.unwrap_or_else(|| String::from_utf8_lossy(&raw).into_owned()));
                }
                i = j;
            }
            _ => {}
        }
        i += 1;
    }
    let segment = |f: &Frame| -> String {
        match f {
            Frame::Object { key: Some(k), .. } => format!("/{}", token(k)),
            Frame::Object { key: None, .. } => String::new(),
            Frame::Array { index } => format!("/{index}"),
        }
    };
    let parts: Vec<String> = stack.iter().map(segment).collect();
    let field = parts.concat();
    // The holder of the value: every frame but the value's own key or index.
    let container = parts[..parts.len().saturating_sub(1)].concat();
    (field, container)
}

/// The serde message without serde_json's " at line L column C".
fn bare(msg: &str) -> &str {
    match msg.rfind(" at line ") {
        Some(i) if msg[i..].contains(" column ") => &msg[..i],
        _ => msg,
    }
}

fn between_backticks(msg: &str) -> Option<&str> {
    let a = msg.find('`')?;
    let rest = &msg[a + 1..];
    let b = rest.find('`')?;
    Some(&rest[..b])
}

/// A key as a JSON Pointer token: `~` as `~0`, `/` as `~1` (RFC 6901).
fn token(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// The name in serde's ``unknown field `name`, expected ...``: from the first backtick to the one
/// before the message goes on, so that a name with a backtick of its own stays whole.
fn unknown_field_name(msg: &str) -> Option<&str> {
    let a = msg.find('`')? + 1;
    let b = [msg.rfind("`, expected"), msg.rfind("`, there are no fields")].into_iter().flatten().min().or_else(|| msg.rfind('`'))?;
    msg.get(a..b.max(a))
}

/// `field`: the path of the value being read; `container`: the path of the object that was being
/// read when the error was found (they differ when the error came at its closing brace).
fn classify(e: &serde_json::Error, field: String, container: String) -> Error {
    use serde_json::error::Category as C;
    match e.classify() {
        C::Syntax | C::Eof | C::Io => return invalid_json(e),
        C::Data => {}
    }
    let full = e.to_string();
    let msg = bare(&full);
    if let Some((code, sub, message)) = untag(msg) {
        // A sub-path comes from a check of a whole object (`try_from`): it is relative to it.
        return if sub.is_empty() { Error::of(code, message).at(field) } else { Error::of(code, message).at(format!("{container}{sub}")) };
    }
    let path = field;
    if msg.starts_with("unknown field") {
        let field = unknown_field_name(msg).unwrap_or("?");
        let expected = msg.rsplit_once("`, expected ").map(|x| x.1).unwrap_or("");
        let segment = format!("/{}", token(field));
        return Error::of(ErrorCode::UnknownField, Msg::UnknownField { field: field.to_string(), expected: backticked(expected) })
            .at(if path.ends_with(&segment) { path } else { format!("{path}{segment}") });
    }
    if msg.starts_with("missing field") {
        let name = between_backticks(msg).unwrap_or("?");
        return Error::of(ErrorCode::MissingField, Msg::MissingField { field: name.to_string() }).at(format!("{container}/{name}"));
    }
    if msg.starts_with("unknown variant") {
        let v = between_backticks(msg).unwrap_or("?");
        let expected = msg.split_once(", expected ").map(|x| x.1).unwrap_or("");
        return Error::of(ErrorCode::InvalidValue, Msg::NotAllowed { value: v.to_string(), expected: backticked(expected) }).at(path);
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        if let Some((got, expected)) = rest.split_once(", expected ") {
            let message = Msg::WrongType { got: json_kind(got).into(), expected: json_expected(expected).into(), detail: rest.to_string() };
            return Error::of(ErrorCode::InvalidValue, message).at(path);
        }
    }
    Error::of(ErrorCode::InvalidValue, Msg::InvalidValue { detail: msg.to_string() }).at(path)
}

/// The kind of JSON value serde found (`string "x"`, `sequence`, `integer `3``), as a label id.
fn json_kind(got: &str) -> &'static str {
    match got.split(' ').next().unwrap_or("") {
        "string" => "string",
        "sequence" => "sequence",
        "map" => "map",
        "integer" => "integer",
        "floating" => "floating",
        "boolean" => "boolean",
        "null" | "unit" => "null",
        _ => "other",
    }
}

/// What serde expected, as a label id where it is one of the library's own phrases.
fn json_expected(expected: &str) -> &'static str {
    match expected {
        "a string" => "string",
        "a sequence" => "sequence",
        "a map" => "map",
        "a boolean" => "boolean",
        e if e.starts_with("a decimal number") => "decimal",
        e if e.starts_with("struct ") => "object",
        e if e.starts_with('u') || e.starts_with('i') => "integer",
        _ => "other",
    }
}

/// The names between backticks in serde's list of what it expected (`one of `a`, `b``).
fn backticked(expected: &str) -> Vec<String> {
    expected.split('`').skip(1).step_by(2).map(str::to_string).collect()
}

/// serde_json's description of a syntax error without its position.
fn serde_detail(e: &serde_json::Error) -> String {
    bare(&e.to_string()).to_string()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::people::Appointment;

    #[test]
    fn an_unknown_field_is_named_whole_and_placed_at_its_escaped_key() {
        let app = |extra: &str| {
            format!(
                r#"{{"school_year":"2014-2015","appointments":[{{"category":"teacher","wtf":"1","start":"2010-08-01","end":null,{extra}:1}}]}}"#
            )
        };
        for (key, name, path) in [
            (r#""a`b""#, "a`b", "/appointments/0/a`b"),
            (r#""a~b""#, "a~b", "/appointments/0/a~0b"),
            (r#""a/b""#, "a/b", "/appointments/0/a~1b"),
            (r#""x""#, "x", "/appointments/0/x"),
        ] {
            let e = crate::api::call("entitlement", &app(key)).unwrap_err();
            assert_eq!((e.code(), e.path()), (ErrorCode::UnknownField, path), "{key}");
            assert!(e.message_en().contains(name), "{key}: {}", e.message_en());
        }
    }

    #[test]
    fn a_whole_event_check_is_placed_at_the_event_even_when_it_ends_in_an_array() {
        let saving = r#"{"type":"saving","from":"2014-2015","units":["hours","money"],"basis":"agreement"}"#;
        let usage = r#"{"type":"usage","date":"2015-03-02","hours":"1","money":"0","activity":"A"}"#;
        let ledger = |events: &str| {
            format!(
                r#"{{"appointments":[{{"category":"teacher","wtf":"1","start":"2010-08-01","end":null}}],"school_years":["2014-2015"],"events":[{events}]}}"#
            )
        };
        for (events, path) in [
            (format!("{usage},{saving},{usage}"), "/events/1/until"),
            (format!("{usage},{saving}"), "/events/1/until"),
            (saving.to_string(), "/events/0/until"),
            (format!("{saving} , {usage}"), "/events/0/until"),
        ] {
            let e = crate::api::call("ledger", &ledger(&events)).unwrap_err();
            assert_eq!((e.code(), e.path()), (ErrorCode::MissingField, path), "{events}");
        }
    }

    #[test]
    fn a_key_written_with_escapes_is_placed_by_what_it_means() {
        let text = r#"{"school_year":"2014-2015","appointments":[{"category":"teacher","wtf":"1","start":"2010-08-01","end":null,"x":1}]}"#;
        let e = crate::api::call("entitlement", text).unwrap_err();
        assert_eq!((e.code(), e.path()), (ErrorCode::UnknownField, "/appointments/0/x"));
        let text = r#"{"school_year":"2014-2015","appointments":[{"category":"teacher","wtf":"1.5","start":"2010-08-01","end":null}]}"#;
        let e = crate::api::call("entitlement", text).unwrap_err();
        assert_eq!((e.code(), e.path()), (ErrorCode::InvalidWtf, "/appointments/0/wtf"));
    }

    #[test]
    fn a_record_is_read_from_an_object_only_never_from_an_array_of_its_fields() {
        let e = from_str::<Appointment>(r#"["teacher","1","2014-08-01",null]"#).unwrap_err();
        assert_eq!((e.code(), e.path()), (ErrorCode::InvalidValue, ""));
        let e = from_str::<Vec<Appointment>>(
            r#"[{"category":"teacher","wtf":"1","start":"2014-08-01","end":null},["teacher","1","2014-08-01",null]]"#,
        )
        .unwrap_err();
        assert_eq!((e.code(), e.path()), (ErrorCode::InvalidValue, "/1"));
        let ok = from_str::<Vec<Appointment>>(r#"[{"category":"teacher","wtf":"1","start":"2014-08-01","end":null}]"#).unwrap();
        assert_eq!(ok.len(), 1);
        // Deeper: an input whose appointment is an array, and a ledger event (a tagged record).
        let e = crate::api::call("entitlement", r#"{"school_year":"2014-2015","appointments":[["teacher","1","2014-08-01",null]]}"#)
            .unwrap_err();
        assert_eq!((e.code(), e.path()), (ErrorCode::InvalidValue, "/appointments/0"));
        let e =
            crate::api::call("ledger", r#"{"appointments":[],"school_years":["2014-2015"],"events":[["usage","2015-01-01","1","0","A"]]}"#)
                .unwrap_err();
        assert_eq!((e.code(), e.path()), (ErrorCode::InvalidValue, "/events/0"));
    }

    #[test]
    fn paths_survive_escapes_nesting_and_whitespace() {
        let text = "{\n \"a\\\"b\": [1, {\"x/y\": [\"}\", 2, {\"k\": \"v\"}]}]\n}";
        let end = text.find("\"v\"").unwrap() + 3;
        assert_eq!(pointers_at(text, end), ("/a\"b/1/x~1y/2/k".to_string(), "/a\"b/1/x~1y/2".to_string()));
        let e = from_str::<Vec<Appointment>>("[\n {\"category\": \"teacher\", \"wtf\": \"1\", \"start\": \"2015-01-01\"},\n {\"category\": \"teacher\", \"wtf\": \"1\", \"start\": \"2014-13-01\"}\n ]").unwrap_err();
        assert_eq!((e.code(), e.path()), (ErrorCode::InvalidDate, "/1/start"));
    }

    #[test]
    fn codes_and_paths() {
        let cases: [(&str, ErrorCode, &str); 8] = [
            ("[", ErrorCode::InvalidJson, ""),
            ("[] x", ErrorCode::InvalidJson, ""),
            (r#"[{"category":"boss","wtf":"1","start":"2014-08-01"}]"#, ErrorCode::InvalidValue, "/0/category"),
            (r#"[{"category":"teacher","wtf":"x","start":"2014-08-01"}]"#, ErrorCode::InvalidDecimal, "/0/wtf"),
            (r#"[{"category":"teacher","wtf":0.5,"start":"2014-08-01"}]"#, ErrorCode::InvalidDecimal, "/0/wtf"),
            (r#"[{"category":"teacher","wtf":"1","start":"2014-02-30"}]"#, ErrorCode::InvalidDate, "/0/start"),
            (r#"[{"category":"teacher","wtf":"1"}]"#, ErrorCode::MissingField, "/0/start"),
            (r#"[{"category":"teacher","wtf":"1","start":"2015-01-01","end":"2014-01-01"}]"#, ErrorCode::InvalidDateRange, "/0/end"),
        ];
        for (text, code, path) in cases {
            let e = from_str::<Vec<Appointment>>(text).unwrap_err();
            assert_eq!((e.code(), e.path()), (code, path), "{text}: {e}");
        }
    }

    #[test]
    fn a_missing_field_is_placed_in_its_object_when_nested_objects_close_it() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Inner {
            k: u8,
        }
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Outer {
            name: String,
            inner: Inner,
        }
        let cases = [
            (r#"[{"inner":{"k":1}}]"#, "/0/name"),
            (r#"[{"name":"x","inner":{"k":1}}, {"inner":{"k":1} } ]"#, "/1/name"),
            (r#"[{"name":"x","inner":{}}]"#, "/0/inner/k"),
        ];
        for (text, path) in cases {
            let e = from_str::<Vec<Outer>>(text).unwrap_err();
            assert_eq!((e.code(), e.path()), (ErrorCode::MissingField, path), "{text}: {e}");
        }
    }
}
