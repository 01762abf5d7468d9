//! The SVG functions on arbitrary input: `cycle::cycle_svg` on any list of stages and statuses
//! (repeats, gaps, any order), `svg::mix_svg` on shares and targets, and `svg::escape` on any
//! text. Asserts: every picture is a well-formed SVG document (tags in order, text and attribute
//! values escaped); the lemniscate shows each part with the status it was given first (missing
//! when not given); escaped text has no markup left and reads back to the text without its
//! control characters.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use lemniscaat::cycle::{cycle_svg, Stage, StageStatus};
use lemniscaat::learning::{Shares, Target};
use lemniscaat::num::Dec;
use lemniscaat::svg::{escape, mix_svg, Lang};
use lemniscaat_fuzz::svg_document;
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    stages: Vec<(u8, u8)>,
    english: bool,
    shares: [Amount; 4],
    target: Option<[Amount; 3]>,
    text: String,
}

/// A decimal: mostly a share between 0 and 1, now and then any decimal.
#[derive(Arbitrary, Debug)]
enum Amount {
    Share(u16),
    Exact(u32, u8),
    Any(i128, u8),
}

impl Amount {
    fn value(&self) -> Dec {
        match *self {
            // 0.0000 to 1.0000 (and a little above, as a sum that does not add up gives).
            Amount::Share(n) => Dec::new((n % 10_500) as i64, 4),
            Amount::Exact(n, s) => Dec::new(n as i64, (s % 29) as u32),
            Amount::Any(m, s) => Dec::try_from_i128_with_scale(m % (1i128 << 96), (s % 29) as u32).unwrap_or(Dec::MAX),
        }
    }
}

fn stage(n: u8) -> Stage {
    Stage::ALL[n as usize % Stage::ALL.len()]
}

fn status(n: u8) -> StageStatus {
    [StageStatus::Attended, StageStatus::InProgress, StageStatus::Missing][n as usize % 3]
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = Input::arbitrary_take_rest(Unstructured::new(data)) else { return };
    let lang = if input.english { Lang::En } else { Lang::Nl };
    let stages: Vec<(Stage, StageStatus)> = input.stages.iter().map(|&(s, t)| (stage(s), status(t))).collect();
    let svg = cycle_svg(&stages, lang);
    svg_document(&svg);
    for s in Stage::ALL {
        let given = stages.iter().find(|(x, _)| *x == s).map_or(StageStatus::Missing, |(_, st)| *st);
        let class = match given {
            StageStatus::Attended => "attended",
            StageStatus::InProgress => "in-progress",
            StageStatus::Missing => "missing",
        };
        let mark = format!("class=\"stage {} {class}\"", s.as_str());
        assert!(svg.contains(&mark), "{} is not shown as {class}", s.as_str());
    }

    let [e, so, f, un] = &input.shares;
    let shares = Shares { experience: e.value(), social: so.value(), formal: f.value(), unknown: un.value() };
    let target = match &input.target {
        Some([e, so, f]) => Target { experience: e.value(), social: so.value(), formal: f.value() },
        None => Target::default(),
    };
    svg_document(&mix_svg(&shares, &target, lang));

    let escaped = escape(&input.text);
    assert!(!escaped.contains(['<', '>', '"', '\'']), "markup left in {escaped:?}");
    let back = escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    let plain: String = input.text.chars().filter(|&c| (c as u32) >= 0x20 || c == '\n' || c == '\t').collect();
    assert_eq!(back, plain, "escape does not read back");
});
