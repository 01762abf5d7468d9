//! Pictures as SVG strings: pure functions, no I/O, so every host can show them (a notebook, a
//! web page, a printed report). Geometry is in whole pixels; no floats.

use crate::learning::{Bucket, Shares, Target};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The language of labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Dutch (the default).
    #[default]
    Nl,
    /// English.
    En,
}

impl Lang {
    /// Parses `nl` or `en`.
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Escapes text for XML.
pub fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => o.push(c),
        }
    }
    o
}

/// Pixels of a share of `width` (rounded down).
fn px(share: Decimal, width: i64) -> i64 {
    // A share beyond any sense (a target of 10^28) fills the bar; it never overflows.
    crate::num::mul(share, Decimal::from(width)).map_or(width, |p| p.trunc().try_into().unwrap_or(width)).clamp(0, width)
}

/// A stacked bar of a 70:20:10 mix with its target marked, readable at 600 px wide.
///
/// ```
/// use lemniscaat::{learning::{Shares, Target}, svg::{mix_svg, Lang}};
/// let s = Shares { experience: "0.5".parse().unwrap(), social: "0.2".parse().unwrap(),
///                  formal: "0.3".parse().unwrap(), unknown: "0".parse().unwrap() };
/// let svg = mix_svg(&s, &Target::default(), Lang::En);
/// assert!(svg.contains("formal (10): 30%"));
/// ```
pub fn mix_svg(shares: &Shares, target: &Target, lang: Lang) -> String {
    let width = 560i64;
    let colours = [("#2e7d32", Bucket::Experience), ("#1565c0", Bucket::Social), ("#ef6c00", Bucket::Formal), ("#9e9e9e", Bucket::Unknown)];
    let mut x = 20i64;
    let mut bars = String::new();
    let mut legend = String::new();
    let mut desc = String::new();
    let pct = |d: Decimal| crate::num::mul(d, Decimal::from(100)).unwrap_or(d).round_dp(0);
    for (i, (colour, b)) in colours.iter().enumerate() {
        let share = shares.get(*b);
        let label = b.label();
        let name = if lang == Lang::Nl { label.nl } else { label.en };
        let w = px(share, width);
        if w > 0 {
            bars.push_str(&format!(
                "<rect class=\"bar {}\" x=\"{x}\" y=\"40\" width=\"{w}\" height=\"36\" fill=\"{colour}\"/>",
                b.as_str()
            ));
            if w >= 40 {
                bars.push_str(&format!(
                    "<text x=\"{}\" y=\"63\" text-anchor=\"middle\" font-size=\"13\" fill=\"#fff\" font-weight=\"600\">{}%</text>",
                    x + w / 2,
                    pct(share)
                ));
            }
        }
        x += w;
        let tgt = if *b == Bucket::Unknown {
            String::new()
        } else {
            format!(" ({} {}%)", crate::message::label("svg.target", lang), pct(target.get(*b)))
        };
        let line = format!("{name}: {}%{tgt}", pct(share));
        desc.push_str(&line);
        desc.push_str(". ");
        let ly = 104 + 18 * i as i64;
        legend.push_str(&format!("<rect x=\"20\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{colour}\"/><text x=\"38\" y=\"{}\" font-size=\"12\" fill=\"#1a1a1a\">{}</text>", ly - 10, ly, escape(&line)));
    }
    // Target markers: the boundaries of 70 and 70+20.
    let t1 = 20 + px(target.experience, width);
    let t2 = 20 + px(crate::num::add(target.experience, target.social).unwrap_or(Decimal::MAX), width);
    let title = crate::message::label("svg.mix", lang);
    format!(
        concat!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 600 180\" width=\"600\" role=\"img\" aria-labelledby=\"mix-title mix-desc\" font-family=\"system-ui, sans-serif\">",
            "<title id=\"mix-title\">{title}</title><desc id=\"mix-desc\">{desc}</desc>",
            "<rect width=\"600\" height=\"180\" fill=\"#fff\"/>",
            "<text x=\"20\" y=\"26\" font-size=\"14\" font-weight=\"600\" fill=\"#1a1a1a\">{title}</text>",
            "<rect x=\"20\" y=\"40\" width=\"{width}\" height=\"36\" fill=\"#eceff1\"/>{bars}",
            "<line class=\"target\" x1=\"{t1}\" y1=\"34\" x2=\"{t1}\" y2=\"82\" stroke=\"#111\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/>",
            "<line class=\"target\" x1=\"{t2}\" y1=\"34\" x2=\"{t2}\" y2=\"82\" stroke=\"#111\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/>",
            "{legend}</svg>"
        ),
        title = escape(&title),
        desc = escape(desc.trim()),
        width = width,
        bars = bars,
        t1 = t1,
        t2 = t2,
        legend = legend
    )
}
