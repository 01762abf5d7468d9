//! Records and enums of the core's inputs and results, as Kotlin and Swift see them.
//!
//! Where uniffi can take the core type itself, it is declared as a remote type (its fields or
//! variants repeated once for uniffi, with the core's doc comments): the unit enums through
//! `core_enum!`, the flat records with `#[uniffi::remote(Record)]`. The rest are mirrors:
//! records whose core types hold decimals, dates, school years, `Arc<str>`, `Cow`, ordered maps,
//! message ids or `usize` counts, which uniffi cannot carry. Each mirror has the core type's JSON
//! shape, so a value crosses between the two through the core's own parser: an input is checked
//! by the same constructors (and gets the same error paths) as JSON from any other host, and an
//! output keeps every field. `docs/bindings.md` lists which type is which.

/// Declares an enum of the core to uniffi, with the core's doc comments (a test compares them).
///
/// An exhaustive core enum becomes a remote type (`#[uniffi::remote(Enum)]`): Kotlin and Swift get
/// the core type itself under the binding's name (`StepUnit` for `explain::Unit`), there is
/// nothing to convert, and uniffi's exhaustive match stops the build when the core gains, loses
/// or renames a variant. A `#[non_exhaustive]` core enum would get uniffi's default arm, which
/// panics on a variant it does not list; such an enum gets a mirror instead, with `From` into the
/// core, `TryFrom` out of it (a variant this binding does not know is
/// [`LemniscaatError::Internal`](crate::LemniscaatError::Internal), never a panic) and the core's
/// JSON form through those two.
macro_rules! core_enum {
    (#[non_exhaustive] $(#[doc = $doc:literal])* $name:ident = $core:path { $($(#[$vm:meta])* $v:ident),* $(,)? }) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
        pub enum $name {
            $($(#[$vm])* $v,)*
        }

        impl From<$name> for $core {
            fn from(v: $name) -> $core {
                match v {
                    $($name::$v => <$core>::$v,)*
                }
            }
        }

        impl TryFrom<$core> for $name {
            type Error = $crate::LemniscaatError;
            fn try_from(v: $core) -> Result<$name, $crate::LemniscaatError> {
                #[allow(unreachable_patterns)]
                match v {
                    $(<$core>::$v => Ok($name::$v),)*
                    other => Err($crate::LemniscaatError::Internal {
                        detail: format!("{other:?} is a {} this binding does not know", stringify!($name)),
                    }),
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                serde::Serialize::serialize(&<$core>::from(*self), s)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                let v = <$core as serde::Deserialize>::deserialize(d)?;
                $name::try_from(v).map_err(serde::de::Error::custom)
            }
        }
    };
    ($(#[doc = $doc:literal])* $name:ident = $core:path { $($(#[$vm:meta])* $v:ident $(($($f:ty),*))?),* $(,)? }) => {
        $(#[doc = $doc])*
        pub type $name = $core;

        #[uniffi::remote(Enum)]
        $(#[doc = $doc])*
        pub enum $name {
            $($(#[$vm])* $v $(($($f),*))?,)*
        }
    };
}
pub(crate) use core_enum;

pub mod common;
pub mod cycle;
pub mod entitlement;
pub mod learning;
pub mod ledger;
pub mod rights;
pub mod rules;
pub mod validation;

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use std::collections::BTreeMap;

    /// A type as declared in a source file: its name, the core type it stands for, its doc
    /// comment, and its fields or variants (`Variant.field` inside a variant) with theirs.
    struct Decl {
        name: String,
        core: String,
        doc: Vec<String>,
        members: Vec<(String, Vec<String>)>,
    }

    fn ident(s: &str) -> String {
        s.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect()
    }

    /// `[`x`]` and `[`x`](path)` as `` `x` ``: intra-doc links of the core do not resolve here.
    fn unlink(d: &str) -> String {
        let mut out = String::new();
        let mut rest = d;
        while let Some(i) = rest.find("[`") {
            let Some(j) = rest[i..].find("`]") else { break };
            out.push_str(&rest[..i]);
            out.push_str(&rest[i + 1..i + j + 1]);
            rest = &rest[i + j + 2..];
            if rest.starts_with('(') {
                rest = rest.find(')').map_or(rest, |k| &rest[k + 1..]);
            }
        }
        out.push_str(rest);
        out
    }

    /// The first paragraph of a doc comment, links unlinked.
    fn summary(doc: &[String]) -> Vec<String> {
        doc.iter().take_while(|d| !d.is_empty()).map(|d| unlink(d)).collect()
    }

    fn decls(text: &str) -> Vec<Decl> {
        let lines: Vec<&str> = text.lines().collect();
        let mut out = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let t = line.trim_start();
            let indent = line.len() - t.len();
            let (name, core) = if indent == 0 && line.ends_with('{') && (t.starts_with("pub struct ") || t.starts_with("pub enum ")) {
                let n = ident(t.trim_start_matches("pub struct ").trim_start_matches("pub enum "));
                (n.clone(), n)
            } else if indent == 4 && t.ends_with(" {") && t.contains(" = lemniscaat::") {
                let path = t.split(" = ").nth(1).unwrap().trim_end_matches(" {");
                (ident(t), path.rsplit("::").next().unwrap().to_string())
            } else {
                continue;
            };
            let mut doc = Vec::new();
            for l in lines[..i].iter().rev() {
                let l = l.trim();
                if let Some(d) = l.strip_prefix("///") {
                    doc.insert(0, d.trim().to_string());
                } else if !l.starts_with('#') {
                    break;
                }
            }
            let (mut members, mut docs, mut depth, mut variant) = (Vec::new(), Vec::new(), 0i32, String::new());
            for l in &lines[i + 1..] {
                let t = l.trim_start();
                let at = l.len() - t.len();
                if at <= indent && t.starts_with('}') {
                    break;
                }
                let count = |s: &str| s.matches(['(', '[']).count() as i32 - s.matches([')', ']']).count() as i32;
                if depth > 0 {
                    depth += count(t);
                } else if let Some(d) = t.strip_prefix("///") {
                    docs.push(d.trim().to_string());
                } else if t.starts_with("#[") {
                    depth = count(t);
                } else if t.starts_with('}') || t.is_empty() {
                    docs.clear();
                } else {
                    let n = ident(t.trim_start_matches("pub "));
                    if at == indent + 4 {
                        variant = n.clone();
                        members.push((n, std::mem::take(&mut docs)));
                    } else if at == indent + 8 {
                        members.push((format!("{variant}.{n}"), std::mem::take(&mut docs)));
                    }
                }
            }
            out.push(Decl { name, core, doc, members });
        }
        out
    }

    fn read(dir: &str) -> Vec<Decl> {
        let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        let mut out = Vec::new();
        for f in files {
            if f.is_dir() {
                out.extend(read(f.to_str().unwrap()));
            } else if f.extension().is_some_and(|e| e == "rs") {
                out.extend(decls(&std::fs::read_to_string(&f).unwrap()));
            }
        }
        out
    }

    /// Every type Kotlin and Swift see (a remote declaration or a mirror) carries the doc comment
    /// of its core type, and every field or variant the core also has carries the core's (the
    /// first paragraph; links as code). Types of the binding's own are listed.
    #[test]
    fn every_declaration_has_the_core_doc_comments() {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut core: BTreeMap<String, Vec<Decl>> = BTreeMap::new();
        for d in read(&format!("{root}/../../crates/lemniscaat/src")) {
            core.entry(d.name.clone()).or_default().push(d);
        }
        let own = ["Message", "StageState", "RuleSetInfo", "LemniscaatError"];
        let renamed = [("Source", "Policy.is_default", "Policy.default")];
        let (mut types, mut members, mut differ) = (0, 0, Vec::new());
        for d in read(&format!("{root}/src")) {
            if own.contains(&d.name.as_str()) {
                continue;
            }
            let Some(cs) = core.get(&d.core) else { panic!("{} stands for no core type {}", d.name, d.core) };
            let c = &cs[0];
            types += 1;
            if summary(&c.doc) != d.doc {
                differ.push(format!("{}: {:?}, the core: {:?}", d.name, d.doc, summary(&c.doc)));
            }
            for (m, doc) in &d.members {
                let key = renamed.iter().find(|r| r.0 == d.name && r.1 == m).map_or(m.as_str(), |r| r.2);
                if let Some((_, cdoc)) = c.members.iter().find(|(n, _)| n == key) {
                    members += 1;
                    if &summary(cdoc) != doc {
                        differ.push(format!("{}.{m}: {doc:?}, the core: {:?}", d.name, summary(cdoc)));
                    }
                }
            }
        }
        assert!(differ.is_empty(), "doc comments differ from the core's:\n{}", differ.join("\n"));
        assert!(types > 70 && members > 300, "{types} types, {members} members compared");
    }

    mod core {
        /// A stand-in for a `#[non_exhaustive]` enum of the core.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum Phase {
            Draft,
            Approved,
            Archived,
        }
    }

    core_enum! {
        #[non_exhaustive]
        /// A phase.
        Phase = core::Phase {
            /// Draft.
            Draft,
            /// Approved.
            Approved,
        }
    }

    #[test]
    fn a_non_exhaustive_core_enum_gets_a_mirror_that_refuses_unknown_variants_with_a_typed_error() {
        assert_eq!(core::Phase::from(Phase::Approved), core::Phase::Approved);
        assert_eq!(Phase::try_from(core::Phase::Draft), Ok(Phase::Draft));
        let e = Phase::try_from(core::Phase::Archived).unwrap_err();
        assert!(matches!(&e, crate::LemniscaatError::Internal { detail } if detail.contains("Archived")), "{e:?}");
        assert_eq!(serde_json::to_string(&Phase::Approved).unwrap(), r#""approved""#);
        assert_eq!(serde_json::from_str::<Phase>(r#""draft""#).unwrap(), Phase::Draft);
        assert!(serde_json::from_str::<Phase>(r#""archived""#).unwrap_err().to_string().contains("Archived"));
    }
}
