//! Reading JSON into the library's types with typed errors: every serde failure becomes an
//! [`Error`] with a stable code and the JSON Pointer path of the offending value.

use crate::error::{untag, Error, ErrorCode, Result};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The largest JSON document the library reads (64 MiB): beyond it, `LIMIT_EXCEEDED`.
pub const MAX_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;

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
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(Error::new(
            ErrorCode::LimitExceeded,
            format!("the document has {} bytes; the limit is {MAX_DOCUMENT_BYTES}", text.len()),
            format!("het document heeft {} bytes; de grens is {MAX_DOCUMENT_BYTES}", text.len()),
        ));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let res: std::result::Result<T, _> = serde_path_to_error::deserialize(&mut de);
    match res {
        Ok(v) => {
            // Trailing characters after the value.
            de.end().map_err(|e| invalid_json(&e))?;
            Ok(v)
        }
        Err(e) => {
            let path = pointer(e.path());
            Err(classify(e.inner(), path))
        }
    }
}

/// Reads a value from an already parsed JSON value.
pub fn from_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T> {
    let res: std::result::Result<T, _> = serde_path_to_error::deserialize(value);
    res.map_err(|e| {
        let path = pointer(e.path());
        classify(e.inner(), path)
    })
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
    Error::new(ErrorCode::InvalidJson, format!("not valid JSON: {e}"), format!("geen geldige JSON: {e}"))
}

fn pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut s = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => {
                s.push('/');
                s.push_str(&index.to_string());
            }
            Segment::Map { key } => {
                s.push('/');
                s.push_str(&key.replace('~', "~0").replace('/', "~1"));
            }
            Segment::Enum { variant } => {
                s.push('/');
                s.push_str(variant);
            }
            Segment::Unknown => {}
        }
    }
    s
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

fn classify(e: &serde_json::Error, path: String) -> Error {
    use serde_json::error::Category as C;
    match e.classify() {
        C::Syntax | C::Eof | C::Io => return invalid_json(e).at(path),
        C::Data => {}
    }
    let full = e.to_string();
    let msg = bare(&full);
    if let Some((code, sub, en, nl)) = untag(msg) {
        return Error::new(code, en, nl).at(format!("{path}{sub}"));
    }
    if msg.starts_with("unknown field") {
        let field = between_backticks(msg).unwrap_or("?");
        let expected = msg.split_once(", expected ").map(|x| x.1).unwrap_or("");
        return Error::new(
            ErrorCode::UnknownField,
            format!("unknown field '{field}' (expected {expected})"),
            format!("onbekend veld '{field}' (verwacht: {expected})"),
        )
        .at(if path.ends_with(&format!("/{field}")) { path } else { format!("{path}/{field}") });
    }
    if msg.starts_with("missing field") {
        let field = between_backticks(msg).unwrap_or("?");
        return Error::new(
            ErrorCode::MissingField,
            format!("required field '{field}' is missing"),
            format!("verplicht veld '{field}' ontbreekt"),
        )
        .at(format!("{path}/{field}"));
    }
    if msg.starts_with("unknown variant") {
        let v = between_backticks(msg).unwrap_or("?");
        let expected = msg.split_once(", expected ").map(|x| x.1).unwrap_or("");
        return Error::new(
            ErrorCode::InvalidValue,
            format!("'{v}' is not one of the allowed values (expected {expected})"),
            format!("'{v}' is geen toegestane waarde (verwacht: {expected})"),
        )
        .at(path);
    }
    Error::new(ErrorCode::InvalidValue, msg.to_string(), format!("ongeldige waarde: {msg}")).at(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::Appointment;

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
}
