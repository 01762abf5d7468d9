//! The texts a person reads in the command's tables and reports (headings, column names, labels,
//! notes), in Dutch and English. They are data: `data/texts.nl.txt` and `data/texts.en.txt`, one
//! line per text (`key = text`, `#` starts a comment), so that a sentence is changed in one place
//! per language without touching the code. A text with a value in it has a placeholder `{name}`
//! that [`trf`] fills; amounts, dates and whole sentences about computed values come from the
//! library's formats (`lemniscaat::locale`, `lemniscaat::message`).
//!
//! The tests below hold both files to the same keys and placeholders, every key the code uses to
//! a text, every text to a use, and the Dutch file to Dutch.

use lemniscaat::svg::Lang;
use std::collections::HashMap;
use std::sync::OnceLock;

const NL: &str = include_str!("../data/texts.nl.txt");
const EN: &str = include_str!("../data/texts.en.txt");

type Texts = HashMap<&'static str, &'static str>;

/// The `key = text` lines of a file (blank lines and `#` comments skipped).
fn parse(src: &'static str) -> Texts {
    src.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_once('='))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect()
}

fn texts(l: Lang) -> &'static Texts {
    static DUTCH: OnceLock<Texts> = OnceLock::new();
    static ENGLISH: OnceLock<Texts> = OnceLock::new();
    match l {
        Lang::Nl => DUTCH.get_or_init(|| parse(NL)),
        Lang::En => ENGLISH.get_or_init(|| parse(EN)),
    }
}

/// The text of `key` in `l`; a key without a text (which a test rules out) as itself, never a
/// panic.
pub fn tr(l: Lang, key: &'static str) -> &'static str {
    texts(l).get(key).copied().unwrap_or(key)
}

/// The name of a part of the dataset (`field.<name>` in the texts: `personal_plans` is
/// "persoonlijk plan"); a name without one as it is.
pub fn field(l: Lang, name: &str) -> String {
    texts(l).get(format!("field.{name}").as_str()).map_or_else(|| name.to_string(), |v| v.to_string())
}

/// The text of `key` in `l` with its placeholders filled: `trf(l, "x", &[("n", "3")])`.
pub fn trf(l: Lang, key: &'static str, args: &[(&str, &str)]) -> String {
    fill(tr(l, key), args)
}

/// The texts of `keys` in `l`: the column names of a table.
pub fn heads(l: Lang, keys: &[&'static str]) -> Vec<String> {
    keys.iter().map(|k| tr(l, k).to_string()).collect()
}

/// A count with its noun: `one` for 1 (`1 fout`), `other` for any other number (`3 fouten`); both
/// texts have the placeholder `{n}`.
pub fn count(l: Lang, n: usize, one: &'static str, other: &'static str) -> String {
    trf(l, if n == 1 { one } else { other }, &[("n", &n.to_string())])
}

/// A text with its first letter a capital: a column heading of the HTML report.
pub fn cap(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// `template` with every `{name}` of `args` replaced by its value; a placeholder without a value
/// stays as it is.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| args.iter().find(|(name, _)| *name == &after[..close]).map(|(_, v)| (close, v))) {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The source files that look texts up.
    const SOURCES: [(&str, &str); 5] = [
        ("main.rs", include_str!("main.rs")),
        ("batch.rs", include_str!("batch.rs")),
        ("render.rs", include_str!("render.rs")),
        ("html.rs", include_str!("html.rs")),
        ("csv.rs", include_str!("csv.rs")),
    ];

    /// The keys of a file, in order, with duplicates.
    fn keys(src: &'static str) -> Vec<&'static str> {
        src.lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .map(|line| line.split_once('=').map_or(line, |(k, _)| k.trim()))
            .collect()
    }

    /// The placeholders of a text: `{name}`.
    fn placeholders(text: &str) -> BTreeSet<&str> {
        text.split('{').skip(1).filter_map(|s| s.split_once('}').map(|(name, _)| name)).collect()
    }

    /// The keys the code uses: the dotted string literals in the arguments of every call of `tr`,
    /// `trf`, `count` and `heads`, and of the HTML report's `th` and `text` (placeholder names have
    /// no dot).
    fn used() -> BTreeSet<&'static str> {
        let mut out = BTreeSet::new();
        for (file, src) in SOURCES {
            let code = src.split("#[cfg(test)]").next().unwrap_or(src);
            for name in ["tr(", "trf(", "count(", "heads(", "th(", "text("] {
                for (at, _) in code.match_indices(name) {
                    let before = code[..at].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                        continue; // `as_str(`, `x.count(`: not a lookup
                    }
                    let args = &code[at + name.len()..];
                    if args.starts_with("l: Lang") || args.starts_with("l, key)") {
                        continue; // a definition, or a helper that passes its key on
                    }
                    // The arguments up to the closing parenthesis of the call.
                    let mut depth = 1;
                    let end = args
                        .char_indices()
                        .find(|&(_, c)| {
                            match c {
                                '(' => depth += 1,
                                ')' => depth -= 1,
                                _ => {}
                            }
                            depth == 0
                        })
                        .map_or(args.len(), |(i, _)| i);
                    let literals: Vec<&str> = args[..end].split('"').skip(1).step_by(2).filter(|s| s.contains('.')).collect();
                    assert!(!literals.is_empty(), "{file}: a lookup without a literal key: {name}{}", &args[..end.min(80)]);
                    out.extend(literals);
                }
            }
        }
        out
    }

    #[test]
    fn both_languages_have_the_same_keys_and_placeholders() {
        for (name, src) in [("nl", NL), ("en", EN)] {
            let all = keys(src);
            let unique: BTreeSet<&str> = all.iter().copied().collect();
            assert_eq!(all.len(), unique.len(), "texts.{name}.txt has a key twice");
            for line in src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
                assert!(line.contains(" = "), "texts.{name}.txt: not `key = text`: {line}");
            }
            for k in &all {
                assert!(!k.is_empty() && k.contains('.') && !k.contains(' '), "texts.{name}.txt: a bad key {k:?}");
            }
        }
        let (nl, en) = (parse(NL), parse(EN));
        for (k, v) in &nl {
            let other = en.get(k).unwrap_or_else(|| panic!("{k} is in texts.nl.txt but not in texts.en.txt")); // ok: a test
            assert!(!v.is_empty() && !other.is_empty(), "{k} has an empty text");
            assert_eq!(placeholders(v), placeholders(other), "{k}: the placeholders of the two languages differ");
        }
        for k in en.keys() {
            assert!(nl.contains_key(k), "{k} is in texts.en.txt but not in texts.nl.txt");
        }
    }

    #[test]
    fn every_key_the_code_uses_has_a_text_and_every_text_a_use() {
        let used = used();
        assert!(used.len() > 120, "the scan found only {} keys", used.len());
        let nl = parse(NL);
        for k in &used {
            assert!(nl.contains_key(k), "the code uses {k}, which has no text");
        }
        for k in nl.keys().filter(|k| !k.starts_with("field.")) {
            assert!(used.contains(k), "{k} has a text but no use");
        }
    }

    #[test]
    fn the_dutch_texts_have_no_common_english_words() {
        let english = [
            "employee",
            "employees",
            "staff",
            "school year",
            "hours",
            "hour",
            "money",
            "error",
            "errors",
            "warning",
            "warnings",
            "advice",
            "line",
            "column",
            "rule set",
            "finding",
            "findings",
            "total",
            "amount",
            "value",
            "source",
            "step",
            "granted",
            "used",
            "available",
            "saved",
            "lapsed",
            "lapses",
            "balance",
            "opening",
            "unit",
            "days",
            "months",
            "share",
            "spent",
            "shortfall",
            "compliant",
            "goals",
            "theme",
            "yes",
            "the",
            "and",
            "of the",
            "with",
            "see",
            "from",
            "summary",
            "field",
            "matched",
            "period",
            "missing",
            "done",
            "next",
            "input",
            "choices",
            "note",
            "notes",
            "employer",
            "pays",
            "sources",
            "article",
            "confidence",
            "entitlement",
            "entitlements",
            "validation",
        ];
        // Words that are Dutch as well ("budget", "extra", "school", "team", "parameter", "in",
        // "kind") are not in the list.
        let nl = parse(NL);
        for (k, v) in &nl {
            // The text without its placeholders (whose names are English ids).
            let mut words = String::new();
            for (i, part) in v.split('{').enumerate() {
                words.push(' ');
                words.push_str(if i == 0 { part } else { part.split_once('}').map_or(part, |(_, after)| after) });
            }
            let text = format!(" {} ", words.to_lowercase().replace(|c: char| !(c.is_alphanumeric() || c == '-'), " "));
            for w in english {
                assert!(!text.contains(&format!(" {w} ")), "texts.nl.txt: {k} = {v}: English word '{w}'");
            }
        }
    }

    #[test]
    fn a_missing_key_is_itself_and_placeholders_are_filled() {
        assert_eq!(tr(Lang::Nl, "no.such.key"), "no.such.key");
        assert_eq!(fill("{a} van {b} ({c})", &[("a", "3"), ("b", "4")]), "3 van 4 ({c})");
        assert_eq!(fill("{{x}", &[("x", "1")]), "{1");
        assert_eq!(fill("open {", &[]), "open {");
        assert_eq!(cap("cao"), "Cao");
        assert_eq!(cap("één"), "Één");
        assert_eq!(cap(""), "");
    }
}
