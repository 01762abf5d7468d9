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
    // The message catalogues without their comments and blank lines.
    for name in ["nl.txt", "en.txt", "titles.nl.txt", "titles.en.txt"] {
        let src = Path::new("data/messages").join(name);
        println!("cargo:rerun-if-changed={}", src.display());
        let text = std::fs::read_to_string(&src).map_err(|e| format!("{}: {e}", src.display()))?;
        let kept: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        let dest = Path::new(&out).join(format!("messages.{name}"));
        std::fs::write(&dest, kept.join("\n")).map_err(|e| format!("{}: {e}", dest.display()))?;
    }
    Ok(())
}
