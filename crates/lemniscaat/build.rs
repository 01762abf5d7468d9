//! Embeds the data files (rule sets, taxonomy, cycle texts, message catalogues) without their
//! indentation and comments: the
//! sources stay readable, the binaries (and the WebAssembly package) stay small.

use std::path::Path;

/// JSON without whitespace outside strings.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// The message ids of the `catalogue!` block of `src/message/mod.rs`, in order (lines such as
/// `    KadersMissing = "finding.kaders_missing" { ... }`); a test holds them equal to `Msg::IDS`.
fn catalogue_ids(code: &str) -> Vec<String> {
    let start = code.find("\ncatalogue! {").unwrap_or(code.len());
    let block = &code[start..];
    let end = block.find("\n}\n").unwrap_or(block.len());
    block[..end]
        .lines()
        .filter_map(|l| {
            let (head, rest) = l.trim().split_once(" = \"")?;
            let ident = head.chars().next().is_some_and(|c| c.is_ascii_uppercase()) && head.chars().all(|c| c.is_ascii_alphanumeric());
            ident.then(|| rest.split('"').next().unwrap_or("").to_string())
        })
        .collect()
}

/// Minifies the embedded data files into OUT_DIR; a file that cannot be read or written stops the
/// build with its path (cargo prints the error).
fn main() -> Result<(), String> {
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    for name in ["rulesets.json", "taxonomy.json", "cycle.json"] {
        let src = Path::new("data").join(name);
        println!("cargo:rerun-if-changed={}", src.display());
        let text = std::fs::read_to_string(&src).map_err(|e| format!("{}: {e}", src.display()))?;
        let dest = Path::new(&out).join(name);
        std::fs::write(&dest, minify(&text)).map_err(|e| format!("{}: {e}", dest.display()))?;
    }
    // The message catalogues: the templates one per line in the catalogue's order (the ids are in
    // the code already: repeating them costs the WebAssembly package bytes), then the labels as
    // `label.<id> = text`; the titles (command only) as they are, without comments.
    let source = Path::new("src/message/mod.rs");
    println!("cargo:rerun-if-changed={}", source.display());
    let code = std::fs::read_to_string(source).map_err(|e| format!("{}: {e}", source.display()))?;
    let ids = catalogue_ids(&code);
    std::fs::write(Path::new(&out).join("messages.ids.txt"), ids.join("\n")).map_err(|e| format!("{out}: {e}"))?;
    for name in ["nl.txt", "en.txt", "titles.nl.txt", "titles.en.txt"] {
        let src = Path::new("data/messages").join(name);
        println!("cargo:rerun-if-changed={}", src.display());
        let text = std::fs::read_to_string(&src).map_err(|e| format!("{}: {e}", src.display()))?;
        let kept: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        let body = if name.starts_with("titles.") {
            kept.join("\n")
        } else {
            let entry = |key: &str| kept.iter().find_map(|l| l.split_once(" = ").filter(|(k, _)| k.trim() == key).map(|(_, t)| t));
            let mut lines: Vec<&str> = ids.iter().map(|id| entry(id).unwrap_or("")).collect();
            lines.extend(kept.iter().copied().filter(|l| l.starts_with("label.")));
            lines.join("\n")
        };
        let dest = Path::new(&out).join(format!("messages.{name}"));
        std::fs::write(&dest, body).map_err(|e| format!("{}: {e}", dest.display()))?;
    }
    Ok(())
}
