//! Exact numbers: decimals as strings in JSON, exact fractions until the one rounding at the end,
//! and the rounding options of `domain.md` section 3 step 4.
//!
//! No floats anywhere: hours, money and factors are [`Decimal`]s, and a quotient whose exact
//! value matters (a share of days in a school year) is kept as a [`Ratio`] and rounded once.

use crate::error::{tagged, Error, ErrorCode, Result};
use crate::message::Msg;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use rust_decimal::Decimal as Dec;

/// serde's float, named once: the only float of the core, met only to be refused (`visit_f64`,
/// and the receipt's encoder).
pub(crate) type Float = f64; // ok: the only f64 in the core, and it is refused
/// serde's other float, named once: its serialisers' trait asks for it; the receipt's encoder refuses it.
pub(crate) type Float32 = f32; // ok: the only f32 in the core, and it is refused
/// Parses a decimal written as a JSON string (`"49.80"`, `"-3"`, `"1e2"` is refused).
///
/// ```
/// use lemniscaat::num::parse_decimal;
/// assert_eq!(parse_decimal("49.80").unwrap().to_string(), "49.80");
/// assert_eq!(parse_decimal("4,5").unwrap_err().code(), lemniscaat::ErrorCode::InvalidDecimal);
/// // Never rounded silently: more digits than a decimal holds is an error, trailing zeros are not.
/// assert!(parse_decimal("0.12345678901234567890123456789012345").is_err());
/// assert!(parse_decimal("0.50000000000000000000000000000000000").is_ok());
/// ```
pub fn parse_decimal(s: &str) -> Result<Decimal> {
    let t = s.trim();
    // The fast path serves the batch (a million cells); the browser build, which has no batch,
    // keeps its size instead.
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(d) = short_decimal(t).filter(|d| d.abs() < MAX_AMOUNT) {
        return Ok(d);
    }
    let ok = !t.is_empty()
        && t.len() <= 40
        && t.chars().enumerate().all(|(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && (c == '-' || c == '+')))
        && t.chars().any(|c| c.is_ascii_digit());
    if !ok {
        return Err(Error::of(ErrorCode::InvalidDecimal, Msg::NotADecimal { text: s.to_string() }));
    }
    if t.bytes().filter(|&c| c == b'.').count() > 1 {
        return Err(Error::of(ErrorCode::InvalidDecimal, Msg::NotADecimal { text: s.to_string() }));
    }
    exact_decimal(t)
        .filter(|d| d.abs() < MAX_AMOUNT)
        .ok_or_else(|| Error::of(ErrorCode::InvalidDecimal, Msg::DecimalOutOfRange { text: s.to_string() }))
}

/// Every decimal the library reads is smaller than 10^15 in size (a thousand million million:
/// hours, euros, a board's lumpsum are far below it), so that no sum or product of the amounts of
/// one input can leave the range of a decimal (10^28): arithmetic on what was read never
/// overflows.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0);

/// A checked text (an optional sign, digits, at most one point) as the decimal of exactly that
/// value and scale; `None` when a decimal cannot hold it (more than 96 bits of digits, or more
/// than 28 decimals that are not all trailing zeros). rust_decimal's own parser would round what
/// lies past its 28 digits (and brings scientific notation the library never reads).
fn exact_decimal(t: &str) -> Option<Decimal> {
    let b = t.as_bytes();
    let (negative, digits) = match b.first()? {
        b'-' => (true, &b[1..]),
        b'+' => (false, &b[1..]),
        _ => (false, b),
    };
    let (int, frac) = match digits.iter().position(|&c| c == b'.') {
        Some(p) => (&digits[..p], &digits[p + 1..]),
        None => (digits, &digits[..0]),
    };
    // Zeros past the 28th decimal change nothing; any other digit there cannot be held.
    let keep = frac.len().min(Decimal::MAX_SCALE as usize);
    if frac[keep..].iter().any(|&c| c != b'0') {
        return None;
    }
    let mut m: i128 = 0;
    for &c in int.iter().chain(&frac[..keep]) {
        m = m.checked_mul(10)?.checked_add(i128::from(c - b'0'))?;
    }
    let d = Decimal::try_from_i128_with_scale(if negative { -m } else { m }, keep as u32).ok()?;
    Some(d)
}

/// The common case of [`parse_decimal`] without rust_decimal's general parser: at most 18
/// digits, an optional sign and one point. The same value and scale (`"0.80"` keeps two
/// decimals); anything else goes the general way.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
fn short_decimal(t: &str) -> Option<Decimal> {
    let b = t.as_bytes();
    let (negative, digits) = match b.first()? {
        b'-' => (true, &b[1..]),
        b'+' => (false, &b[1..]),
        _ => (false, b),
    };
    if digits.is_empty() || digits.len() > 19 {
        return None;
    }
    let (mut mantissa, mut scale, mut point, mut count) = (0i64, 0u32, false, 0u32);
    for &c in digits {
        match c {
            b'0'..=b'9' if count < 18 => {
                mantissa = mantissa * 10 + i64::from(c - b'0');
                scale += u32::from(point);
                count += 1;
            }
            b'.' if !point => point = true,
            _ => return None,
        }
    }
    if count == 0 {
        return None;
    }
    Some(Decimal::new(if negative { -mantissa } else { mantissa }, scale))
}

/// `d > 0` from the sign and the mantissa alone (a comparison with zero aligns scales first).
#[inline]
pub(crate) fn positive(d: Decimal) -> bool {
    !d.is_zero() && d.is_sign_positive()
}

/// The newtype name under which decimals are serialised: transparent in JSON (a string), and a
/// mark for host serialisers (Python) that turn it into their exact decimal type.
pub const DECIMAL_TOKEN: &str = "$lemniscaat::Decimal";

/// A decimal's text as its `Display` writes it (`-12.50`: every digit of its scale), formatted
/// into a buffer and written in one piece; rust_decimal's own `Display` goes through the
/// formatter's padding and is several times slower, which the receipt's input hash and every JSON
/// output feel.
pub(crate) struct Plain(pub Decimal);

impl Plain {
    /// The text, in a buffer of its own.
    fn text(&self) -> DigitsFromRight {
        let d = self.0;
        let mut t = DigitsFromRight { text: [b'0'; 64], at: 64, written: 0, scale: d.scale() as usize };
        // In 64-bit arithmetic once the rest fits (nearly always at once).
        let mut wide = d.mantissa().unsigned_abs();
        let mut n = loop {
            match u64::try_from(wide) {
                Ok(n) => break n,
                Err(_) => {
                    t.push((wide % 10) as u8);
                    wide /= 10;
                }
            }
        };
        while n > 0 || t.written <= t.scale {
            t.push((n % 10) as u8);
            n /= 10;
        }
        if d.is_sign_negative() && !d.is_zero() {
            t.at -= 1;
            t.text[t.at] = b'-';
        }
        t
    }
}

impl std::fmt::Display for Plain {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.text().as_str())
    }
}

/// Written as a string in one piece (`serialize_str`): no formatter in between, for JSON and the
/// receipt's hash alike.
impl Serialize for Plain {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.text().as_str())
    }
}

/// A decimal's digits written from the right, the point after `scale` of them.
struct DigitsFromRight {
    text: [u8; 64],
    at: usize,
    written: usize,
    scale: usize,
}

impl DigitsFromRight {
    /// The digits written so far (ASCII, so never the empty fallback).
    fn as_str(&self) -> &str {
        std::str::from_utf8(self.text.get(self.at..).unwrap_or_default()).unwrap_or_default()
    }

    fn push(&mut self, digit: u8) {
        if self.written == self.scale && self.scale > 0 {
            self.at -= 1;
            self.text[self.at] = b'.';
        }
        self.at -= 1;
        self.text[self.at] = b'0' + digit;
        self.written += 1;
    }
}

/// Serde for a decimal as a JSON string; numbers are refused because a JSON number may already
/// have lost its exact value in the sender's float.
pub mod dec {
    use super::*;
    /// Serialises as a string (marked with [`DECIMAL_TOKEN`]).
    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_newtype_struct(DECIMAL_TOKEN, &Plain(*d))
    }
    /// Deserialises from a string.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Decimal, D::Error> {
        d.deserialize_any(DecVisitor)
    }

    pub(crate) struct DecVisitor;
    impl serde::de::Visitor<'_> for DecVisitor {
        type Value = Decimal;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a decimal number as a string")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<Decimal, E> {
            parse_decimal(v).map_err(|e| E::custom(String::from(e)))
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> std::result::Result<Decimal, E> {
            // Whole numbers are exact in JSON; accept them.
            Ok(Decimal::from(v))
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> std::result::Result<Decimal, E> {
            Ok(Decimal::from(v))
        }
        // A JSON number with a fraction never becomes a decimal.
        fn visit_f64<E: serde::de::Error>(self, _: Float) -> std::result::Result<Decimal, E> {
            Err(E::custom(tagged(Error::of(ErrorCode::InvalidDecimal, Msg::DecimalAsFloat {}))))
        }
    }
}

/// Serde for an optional decimal as a JSON string or null.
pub mod opt_dec {
    use super::*;
    /// Serialises as a string or null.
    pub fn serialize<S: Serializer>(d: &Option<Decimal>, s: S) -> std::result::Result<S::Ok, S::Error> {
        match d {
            Some(d) => dec::serialize(d, s),
            None => s.serialize_none(),
        }
    }
    /// Deserialises from a string or null.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Option<Decimal>, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Option<Decimal>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a decimal number as a string, or null")
            }
            fn visit_none<E: serde::de::Error>(self) -> std::result::Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: serde::de::Error>(self) -> std::result::Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> std::result::Result<Self::Value, D2::Error> {
                dec::deserialize(d).map(Some)
            }
        }
        d.deserialize_option(V)
    }
}

/// Serde for a map of names to decimals, each a JSON string.
pub mod dec_map {
    use super::*;
    use std::collections::BTreeMap;

    /// A decimal written as [`dec`] writes it.
    struct Out<'a>(&'a Decimal);
    impl Serialize for Out<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
            dec::serialize(self.0, s)
        }
    }

    /// A decimal read as [`dec`] reads it.
    struct In(Decimal);
    impl<'de> Deserialize<'de> for In {
        fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
            dec::deserialize(d).map(In)
        }
    }

    /// Serialises as an object of strings.
    pub fn serialize<S: Serializer>(m: &BTreeMap<String, Decimal>, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_map(m.iter().map(|(k, v)| (k, Out(v))))
    }
    /// Deserialises from an object of strings (or whole numbers).
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<BTreeMap<String, Decimal>, D::Error> {
        let m = BTreeMap::<String, In>::deserialize(d)?;
        Ok(m.into_iter().map(|(k, In(v))| (k, v)).collect())
    }
}

/// How to round: the modes of the `rounding` policy option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum RoundingMode {
    /// Half away from zero (the default).
    #[default]
    HalfUp,
    /// Half to even (banker's rounding).
    HalfEven,
    /// Away from zero.
    Up,
    /// Toward zero.
    Down,
}

impl RoundingMode {
    /// The kebab-case id used in JSON and explanations.
    pub fn as_str(self) -> &'static str {
        match self {
            RoundingMode::HalfUp => "half-up",
            RoundingMode::HalfEven => "half-even",
            RoundingMode::Up => "up",
            RoundingMode::Down => "down",
        }
    }
}

/// Rounding of one unit: decimals (0 to 8) and mode.
///
/// ```
/// use lemniscaat::num::{Rounding, RoundingMode};
/// let r = Rounding::default();
/// assert_eq!((r.decimals, r.mode), (2, RoundingMode::HalfUp));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rounding {
    /// Number of decimals kept, 0 to 8.
    #[serde(default = "two")]
    pub decimals: u32,
    /// The rounding mode.
    #[serde(default)]
    pub mode: RoundingMode,
}

fn two() -> u32 {
    2
}

impl Default for Rounding {
    fn default() -> Self {
        Rounding { decimals: 2, mode: RoundingMode::HalfUp }
    }
}

impl Rounding {
    /// The largest number of decimals accepted.
    pub const MAX_DECIMALS: u32 = 8;

    /// Checks the number of decimals (the error's path is the caller's to add).
    pub fn check(&self) -> Result<()> {
        if self.decimals > Self::MAX_DECIMALS {
            return Err(Error::of(ErrorCode::InvalidValue, Msg::RoundingDecimals { given: self.decimals, max: Self::MAX_DECIMALS }));
        }
        Ok(())
    }

    /// The rounding as a policy value, `<decimals>:<mode>` (`2:half-up`): a static text for up to
    /// four decimals (no allocation in an explanation or receipt), formatted beyond.
    ///
    /// ```
    /// use lemniscaat::num::{Rounding, RoundingMode};
    /// assert_eq!(Rounding::default().policy_value(), "2:half-up");
    /// assert_eq!(Rounding { decimals: 6, mode: RoundingMode::Down }.policy_value(), "6:down");
    /// ```
    pub fn policy_value(&self) -> std::borrow::Cow<'static, str> {
        const VALUES: [[&str; 4]; 5] = [
            ["0:half-up", "0:half-even", "0:up", "0:down"],
            ["1:half-up", "1:half-even", "1:up", "1:down"],
            ["2:half-up", "2:half-even", "2:up", "2:down"],
            ["3:half-up", "3:half-even", "3:up", "3:down"],
            ["4:half-up", "4:half-even", "4:up", "4:down"],
        ];
        let mode = match self.mode {
            RoundingMode::HalfUp => 0,
            RoundingMode::HalfEven => 1,
            RoundingMode::Up => 2,
            RoundingMode::Down => 3,
        };
        match VALUES.get(self.decimals as usize) {
            Some(row) => row[mode].into(),
            None => format!("{}:{}", self.decimals, self.mode.as_str()).into(),
        }
    }

    /// Rounds a decimal.
    ///
    /// ```
    /// use lemniscaat::num::{Rounding, RoundingMode};
    /// use rust_decimal::Decimal;
    /// let r = Rounding { decimals: 2, mode: RoundingMode::HalfUp };
    /// assert_eq!(r.round(Decimal::new(7055, 3)).to_string(), "7.06");
    /// ```
    pub fn round(&self, d: Decimal) -> Decimal {
        Ratio::from(d).round(*self).unwrap_or(d)
    }
}

/// An exact fraction `num / den` with a decimal numerator and a whole positive denominator: a
/// sum of `base x wtf x days` over the days of a school year, kept exact until the one rounding.
///
/// ```
/// use lemniscaat::num::{Ratio, Rounding};
/// use rust_decimal::Decimal;
/// // 83 x 0.255 x 122 / 366 is exactly 7.055: it rounds half-up to 7.06.
/// let r = Ratio::new(Decimal::new(83, 0) * Decimal::new(255, 3) * Decimal::from(122), 366).unwrap();
/// assert_eq!(r.round(Rounding::default()).unwrap().to_string(), "7.06");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ratio {
    num: Decimal,
    den: u64,
}

impl From<Decimal> for Ratio {
    fn from(d: Decimal) -> Self {
        Ratio { num: d, den: 1 }
    }
}

fn overflow() -> Error {
    Error::of(ErrorCode::LimitExceeded, Msg::TooLarge {})
}

/// `a * b`, or `None` on overflow: one copy of rust_decimal's multiplication (inlined at every
/// call otherwise; the browser build counts its bytes).
#[inline(never)]
pub(crate) fn mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}

/// `a + b`, or `None` on overflow (one copy, as [`mul`]).
#[inline(never)]
pub(crate) fn add(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_add(b)
}

/// `n * k`, or the overflow error (one copy of the multiplication for every caller: the browser
/// build counts its bytes).
#[inline(never)]
fn times(n: Decimal, k: u64) -> Result<Decimal> {
    mul(n, Decimal::from(k)).ok_or_else(overflow)
}

impl Ratio {
    /// Zero.
    pub const ZERO: Ratio = Ratio { num: Decimal::ZERO, den: 1 };

    /// `num / den`; `den` must be positive.
    pub fn new(num: Decimal, den: u64) -> Result<Ratio> {
        if den == 0 {
            return Err(overflow());
        }
        Ok(Ratio { num, den })
    }

    /// The numerator.
    pub fn numerator(&self) -> Decimal {
        self.num
    }

    /// The denominator.
    pub fn denominator(&self) -> u64 {
        self.den
    }

    /// The exact sum of two fractions (common denominator when they differ).
    pub fn checked_add(self, other: Ratio) -> Result<Ratio> {
        // A sum starts at zero (0/1): adding to it is the other fraction, as it is (the general
        // path below gives the same numerator and denominator; the browser build, which must
        // stay small and has no batch, takes that path).
        if cfg!(not(target_arch = "wasm32")) && self.num.is_zero() && self.den == 1 {
            return Ok(other);
        }
        let (a, b, den) = if self.den == other.den {
            (self.num, other.num, self.den)
        } else {
            let den = self.den.checked_mul(other.den).ok_or_else(overflow)?;
            (times(self.num, other.den)?, times(other.num, self.den)?, den)
        };
        Ok(Ratio { num: add(a, b).ok_or_else(overflow)?, den })
    }

    /// Whether two fractions have the same exact value (cross-multiplied; `false` on overflow).
    ///
    /// ```
    /// use lemniscaat::num::Ratio;
    /// use rust_decimal::Decimal;
    /// assert!(Ratio::new(Decimal::from(2), 6).unwrap().same_value(&Ratio::new(Decimal::from(1), 3).unwrap()));
    /// ```
    pub fn same_value(&self, other: &Ratio) -> bool {
        match (times(self.num, other.den), times(other.num, self.den)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
    }

    /// The value as a decimal (28 significant digits; for display, not for rounding).
    pub fn approx(&self) -> Decimal {
        self.num.checked_div(Decimal::from(self.den)).unwrap_or(self.num)
    }

    /// Rounds the exact value once, with integer arithmetic: no intermediate rounding.
    pub fn round(&self, r: Rounding) -> Result<Decimal> {
        let dp = r.decimals.min(Rounding::MAX_DECIMALS);
        let scale = self.num.scale();
        let m: i128 = self.num.mantissa();
        // value = m / 10^scale / den ; we want q = value * 10^dp rounded.
        let (n, d): (i128, i128) = if scale >= dp {
            let p = 10i128.checked_pow(scale - dp).ok_or_else(overflow)?;
            (m, p.checked_mul(self.den as i128).ok_or_else(overflow)?)
        } else {
            let p = 10i128.checked_pow(dp - scale).ok_or_else(overflow)?;
            (m.checked_mul(p).ok_or_else(overflow)?, self.den as i128)
        };
        let q = n / d;
        let rem = (n % d).abs();
        let neg = n < 0;
        let twice = rem.checked_mul(2).ok_or_else(overflow)?;
        let away = match r.mode {
            RoundingMode::Down => false,
            RoundingMode::Up => rem != 0,
            RoundingMode::HalfUp => twice >= d,
            RoundingMode::HalfEven => twice > d || (twice == d && q % 2 != 0),
        };
        let q = if away {
            if neg {
                q - 1
            } else {
                q + 1
            }
        } else {
            q
        };
        Decimal::try_from_i128_with_scale(q, dp).map_err(|_| overflow())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use std::str::FromStr;

    proptest::proptest! {
        /// The one-piece decimal text is rust_decimal's own, for every mantissa, scale and sign.
        #[test]
        fn a_plain_decimal_is_written_as_rust_decimal_writes_it(lo in proptest::num::u32::ANY, mid in proptest::num::u32::ANY, hi in proptest::num::u32::ANY, negative: bool, scale in 0u32..=28) {
            let d = Decimal::from_parts(lo, mid, hi, negative, scale);
            proptest::prop_assert_eq!(Plain(d).to_string(), d.to_string());
            // Written as a JSON string in one piece, the same text.
            proptest::prop_assert_eq!(serde_json::to_string(&Plain(d)).unwrap(), format!("\"{d}\""));
        }
    }

    #[test]
    fn positive_is_greater_than_zero_at_every_scale_and_sign() {
        for t in ["0", "0.00", "-0.00", "0.0001", "-0.0001", "5", "-5", "79228162514264337593543950335"] {
            let d = Decimal::from_str(t).unwrap();
            assert_eq!(positive(d), d > Decimal::ZERO, "{t}");
        }
        assert!(!positive(Decimal::from_parts(0, 0, 0, true, 2)), "negative zero");
    }

    #[test]
    fn small_and_signed_decimals_are_written_as_rust_decimal_writes_them() {
        for t in ["0", "0.00", "-0.5", "5", "0.80", "-12.50", "0.0001", "79228162514264337593543950335", "-0.0000000000000000000000000001"]
        {
            let d = Decimal::from_str(t).unwrap();
            assert_eq!(Plain(d).to_string(), d.to_string(), "{t}");
        }
        let negative_zero = Decimal::from_parts(0, 0, 0, true, 2);
        assert_eq!(Plain(negative_zero).to_string(), negative_zero.to_string());
    }

    #[test]
    fn a_rounding_policy_value_is_decimals_and_mode_whether_static_or_formatted() {
        for decimals in 0..=Rounding::MAX_DECIMALS {
            for mode in [RoundingMode::HalfUp, RoundingMode::HalfEven, RoundingMode::Up, RoundingMode::Down] {
                let r = Rounding { decimals, mode };
                assert_eq!(r.policy_value(), format!("{decimals}:{}", mode.as_str()));
                assert_eq!(matches!(r.policy_value(), std::borrow::Cow::Borrowed(_)), decimals <= 4);
            }
        }
    }

    proptest::proptest! {
        /// The short path gives what rust_decimal's parser gives, value and scale, or steps aside.
        #[test]
        fn short_decimals_parse_as_the_general_parser(t in "[+-]?[0-9]{0,12}(\\.[0-9]{0,9})?") {
            if let Some(d) = short_decimal(&t) {
                let general = Decimal::from_str(&t).unwrap();  // ok: a test
                proptest::prop_assert_eq!(d.to_string(), general.to_string());
            }
        }
    }

    proptest::proptest! {
        /// The exact parser gives rust_decimal's value and scale for every text rust_decimal
        /// holds without rounding (up to 28 digits).
        #[test]
        fn exact_decimals_parse_as_rust_decimal(t in "[+-]?[0-9]{1,14}(\\.[0-9]{0,14})?") {
            let general = Decimal::from_str(&t).unwrap();  // ok: a test
            let exact = exact_decimal(&t).unwrap();  // ok: a test
            proptest::prop_assert_eq!(exact.to_string(), general.to_string());
        }
    }

    #[test]
    fn exact_decimals_refuse_what_a_decimal_cannot_hold() {
        let p = |t: &str| parse_decimal(t).map(|d| d.to_string()).map_err(|e| e.code());
        assert_eq!(p("0.80"), Ok("0.80".into()));
        assert_eq!(p(".5"), Ok("0.5".into()));
        assert_eq!(p("+7."), Ok("7".into()));
        assert_eq!(p("-0.0010"), Ok("-0.0010".into()));
        // Trailing zeros past 28 decimals are dropped; another digit there is refused.
        assert_eq!(p(&format!("0.1{}", "0".repeat(35))), Ok(format!("0.1{}", "0".repeat(27))));
        assert_eq!(p(&format!("0.{}1", "0".repeat(28))), Err(ErrorCode::InvalidDecimal));
        // Below 10^15 in size (so that no sum of what was read can overflow), and 28 decimals.
        assert_eq!(p("999999999999999.9999"), Ok("999999999999999.9999".into()));
        assert_eq!(p("1000000000000000"), Err(ErrorCode::InvalidDecimal));
        assert_eq!(p("-1000000000000000"), Err(ErrorCode::InvalidDecimal));
        assert_eq!(p("79228162514264337593543950335"), Err(ErrorCode::InvalidDecimal));
        assert_eq!(exact_decimal("79228162514264337593543950335").map(|d| d.to_string()), Some("79228162514264337593543950335".into()));
        assert_eq!(exact_decimal("79228162514264337593543950336"), None);
        assert_eq!(p("1.2.3"), Err(ErrorCode::InvalidDecimal));
        assert_eq!(p("1e5"), Err(ErrorCode::InvalidDecimal));
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn modes() {
        let cases = [
            ("2.345", RoundingMode::HalfUp, "2.35"),
            ("2.345", RoundingMode::HalfEven, "2.34"),
            ("2.355", RoundingMode::HalfEven, "2.36"),
            ("2.341", RoundingMode::Up, "2.35"),
            ("2.349", RoundingMode::Down, "2.34"),
            ("-2.345", RoundingMode::HalfUp, "-2.35"),
            ("-2.341", RoundingMode::Up, "-2.35"),
            ("5", RoundingMode::HalfUp, "5.00"),
        ];
        for (v, m, want) in cases {
            let got = Rounding { decimals: 2, mode: m }.round(d(v));
            assert_eq!(got.to_string(), want, "{v} {m:?}");
        }
    }

    #[test]
    fn ratio_sum_with_different_denominators() {
        let a = Ratio::new(d("1"), 3).unwrap();
        let b = Ratio::new(d("1"), 6).unwrap();
        let s = a.checked_add(b).unwrap();
        assert_eq!(s.round(Rounding::default()).unwrap().to_string(), "0.50");
    }

    #[test]
    fn rejects_bad_decimals() {
        for s in ["", "abc", "1,5", "1e3", "--1", ".", "1.2.3"] {
            assert_eq!(parse_decimal(s).unwrap_err().code(), ErrorCode::InvalidDecimal, "{s}");
        }
    }
}
