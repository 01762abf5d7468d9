//! The texts of the catalogue (`data/messages/<lang>.txt`, embedded without comments by
//! `build.rs`) and the renderer of their templates.

use super::Msg;
use crate::locale::Lang;
use std::sync::OnceLock;

const NL: &str = include_str!(concat!(env!("OUT_DIR"), "/messages.nl.txt"));
const EN: &str = include_str!(concat!(env!("OUT_DIR"), "/messages.en.txt"));

/// One language's texts: the template of every message by its catalogue position, and the labels.
struct Texts {
    templates: Vec<&'static str>,
    labels: Vec<(&'static str, &'static str)>,
}

/// A language's embedded file: the templates one per line in catalogue order (`build.rs` wrote
/// them so), then `label.<id> = text` lines.
fn parse(file: &'static str) -> Texts {
    let mut lines = file.split('\n');
    let templates: Vec<&'static str> = lines.by_ref().take(Msg::IDS.len()).collect();
    let labels = lines.filter_map(|l| l.strip_prefix("label.")?.split_once(" = ")).collect();
    Texts { templates, labels }
}

/// The ids `build.rs` read from the catalogue, in the order of the embedded templates.
#[cfg(test)]
pub(super) const EMBEDDED_IDS: &str = include_str!(concat!(env!("OUT_DIR"), "/messages.ids.txt"));

fn texts(l: Lang) -> &'static Texts {
    static NL_TEXTS: OnceLock<Texts> = OnceLock::new();
    static EN_TEXTS: OnceLock<Texts> = OnceLock::new();
    match l {
        Lang::Nl => NL_TEXTS.get_or_init(|| parse(NL)),
        Lang::En => EN_TEXTS.get_or_init(|| parse(EN)),
    }
}

/// The template of the message at `index` in `l` (empty when the catalogue lacks it; a test
/// holds every message to a text).
pub(super) fn of(index: usize, l: Lang) -> &'static str {
    texts(l).templates.get(index).copied().unwrap_or("")
}

/// The label of one of the library's ids in `l` (`label.events`); an id without one as it is.
pub(super) fn label(id: &str, l: Lang) -> String {
    texts(l).labels.iter().find(|(k, _)| *k == id).map_or_else(|| id.to_string(), |(_, t)| t.to_string())
}

/// Every placeholder name of a template, choices included (for the catalogue's tests).
#[cfg(test)]
pub(super) fn placeholders(template: &str) -> Vec<String> {
    let mut out = Vec::new();
    walk(template, &mut |inner| {
        let parts = split_top(inner);
        let head = parts.first().copied().unwrap_or("");
        out.push(head.split_once(':').map_or(head, |(n, _)| n).to_string());
        for alt in parts.iter().skip(1) {
            out.extend(placeholders(alt));
        }
    });
    out
}

/// Renders `template` with the arguments of `m`.
pub(super) fn render(m: &Msg, template: &str, l: Lang) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        if let Some(after) = tail.strip_prefix('}') {
            rest = after;
            continue;
        }
        let Some(end) = closing(tail) else {
            out.push_str(tail);
            return out;
        };
        out.push_str(&placeholder(m, &tail[1..end], l));
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    out
}

/// One placeholder: `name`, `name:kind` or `name:choice|A|B...`.
fn placeholder(m: &Msg, inner: &str, l: Lang) -> String {
    let parts = split_top(inner);
    let head = parts.first().copied().unwrap_or("");
    let (name, kind) = head.split_once(':').unwrap_or((head, ""));
    let Some(arg) = m.arg(name) else { return format!("{{{name}}}") };
    if parts.len() == 1 {
        return arg.text(kind, l);
    }
    let n = arg.count();
    let pick = match kind {
        "one" => usize::from(n != 1),
        "n" => (n.min(2)) as usize,
        _ => usize::from(n == 0),
    };
    parts.get(pick + 1).map(|alt| render(m, alt, l)).unwrap_or_default()
}

/// The position of the `}` that closes the `{` at the start of `s`.
fn closing(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Splits at the `|` outside nested braces.
fn split_top(inner: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            '|' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
}

/// Calls `f` with the inside of every top-level placeholder of `template`.
#[cfg(test)]
fn walk(template: &str, f: &mut dyn FnMut(&str)) {
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        let tail = &rest[i..];
        if let Some(after) = tail.strip_prefix("{{") {
            rest = after;
            continue;
        }
        let Some(end) = closing(tail) else { return };
        f(&tail[1..end]);
        rest = &tail[end + 1..];
    }
}

/// The short title of a finding code (`data/messages/titles.<lang>.txt`); a code without one as it
/// is. Kept apart from the messages: only tables and reports use them, so the WebAssembly module
/// does not carry them.
pub(super) fn title(code: &str, l: Lang) -> String {
    const NL_TITLES: &str = include_str!(concat!(env!("OUT_DIR"), "/messages.titles.nl.txt"));
    const EN_TITLES: &str = include_str!(concat!(env!("OUT_DIR"), "/messages.titles.en.txt"));
    let file = match l {
        Lang::Nl => NL_TITLES,
        Lang::En => EN_TITLES,
    };
    file.lines()
        .find_map(|line| line.split_once(" = ").filter(|(k, _)| *k == code).map(|(_, t)| t.to_string()))
        .unwrap_or_else(|| code.to_string())
}
