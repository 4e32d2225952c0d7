//! A small exact fixed-point decimal for form arithmetic (weekly hours, full-time equivalents,
//! per-10,000 figures, percentages). No binary floating point anywhere: a value is an `i128`
//! mantissa and a decimal scale, `mantissa / 10^scale`.
//!
//! Every operation that could lose digits takes an explicit [`Rounding`]; every operation that
//! could overflow is `checked_*` and returns `None` instead of panicking (form fields have bounds
//! far below the limits, so `None` never happens for values that passed their field checks).

use std::cmp::Ordering;
use std::fmt;

use crate::width::to_half_width;

/// Largest scale accepted or produced. Forms use at most 4.
pub const MAX_SCALE: u32 = 12;
/// Most digits a parsed value may have (integer and fraction together).
const MAX_DIGITS: usize = 24;

/// How to drop digits when a result has more decimals than wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    /// 四捨五入: half away from zero (1.25 → 1.3, −1.25 → −1.3).
    HalfUp,
    /// 切り捨て: toward zero (1.29 → 1.2, −1.29 → −1.2).
    Down,
}

/// An exact decimal number: `mantissa / 10^scale`. Equality and ordering compare values, so
/// `1.0 == 1.00`.
#[derive(Debug, Clone, Copy)]
pub struct Decimal {
    mantissa: i128,
    scale: u32,
}

/// Why a text is not a decimal number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalError {
    Empty,
    /// Not digits with an optional sign and one decimal point.
    Shape,
    /// More digits than the type holds.
    TooLong,
    /// A comma outside groups of three (`18,50`, `7,5`): probably a decimal point typed on the
    /// wrong key, so it is not dropped.
    Grouping,
}

/// The number with its one comma read as a decimal point (`7,5` → `7.5`), for the message that
/// says how to type a decimal. `None` unless there is exactly one comma between digits.
pub fn comma_as_decimal_point(input: &str) -> Option<String> {
    let half = to_half_width(input).value;
    let (int_part, frac_part) = half.trim().split_once(',')?;
    let digits = int_part.trim_start_matches(['-', '+']);
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    (all_digits(digits) && all_digits(frac_part)).then(|| format!("{int_part}.{frac_part}"))
}

/// Whether the commas in a number whose shape is otherwise valid sit between groups of three
/// digits: `1,234,567.5` yes; `18,50`, `1234,567`, `0,500`, `,500`, `1.234,5` no.
fn commas_group_thousands(number: &str) -> bool {
    let unsigned = number.trim_start_matches(['-', '+']);
    let int_part = unsigned.split_once('.').map_or(unsigned, |(i, _)| i);
    let mut groups = int_part.split(',');
    let first = groups.next().unwrap_or("");
    // A fraction holds no commas: after the decimal point every digit is part of the number.
    !unsigned[int_part.len()..].contains(',')
        && (1..=3).contains(&first.len())
        && !first.starts_with('0')
        && groups.all(|g| g.len() == 3)
}

fn pow10(exp: u32) -> Option<i128> {
    10i128.checked_pow(exp)
}

impl Decimal {
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        scale: 0,
    };
    pub const ONE: Decimal = Decimal {
        mantissa: 1,
        scale: 0,
    };

    /// `mantissa / 10^scale`. Panics if `scale > MAX_SCALE` (a programming error).
    pub const fn new(mantissa: i128, scale: u32) -> Self {
        assert!(scale <= MAX_SCALE, "decimal scale too large");
        Decimal { mantissa, scale }
    }

    pub const fn from_int(n: i64) -> Self {
        Decimal {
            mantissa: n as i128,
            scale: 0,
        }
    }

    /// Parses `123`, `-4.5`, `+0.25`, `.5`, `18,500`, `1,234,567.5`, full-width `３７．５`.
    /// Commas are thousands separators, so only in groups of three before the decimal point with
    /// no leading zero (`18,50`, `7,5`, `0,500` are [`DecimalError::Grouping`]). The scale is the
    /// number of fraction digits typed.
    pub fn parse(input: &str) -> Result<Self, DecimalError> {
        let half = to_half_width(input).value;
        let half = half.trim();
        let s: String = half.chars().filter(|&c| c != ',').collect();
        if s.is_empty() {
            return Err(DecimalError::Empty);
        }
        let (negative, body) = match s.as_bytes()[0] {
            b'-' => (true, &s[1..]),
            b'+' => (false, &s[1..]),
            _ => (false, &s[..]),
        };
        let (int_part, frac_part) = match body.split_once('.') {
            Some((i, f)) => (i, f),
            None => (body, ""),
        };
        if (int_part.is_empty() && frac_part.is_empty())
            || !int_part.bytes().all(|b| b.is_ascii_digit())
            || !frac_part.bytes().all(|b| b.is_ascii_digit())
            || (body.ends_with('.') && frac_part.is_empty() && int_part.is_empty())
        {
            return Err(DecimalError::Shape);
        }
        if body.contains('.') && frac_part.is_empty() {
            // "12." is a typing slip, not a number we should guess at.
            return Err(DecimalError::Shape);
        }
        if s.len() != half.len() && !commas_group_thousands(half) {
            return Err(DecimalError::Grouping);
        }
        let digits = int_part.trim_start_matches('0').len() + frac_part.len();
        if digits > MAX_DIGITS || frac_part.len() > MAX_SCALE as usize {
            return Err(DecimalError::TooLong);
        }
        let mut mantissa: i128 = 0;
        for b in int_part.bytes().chain(frac_part.bytes()) {
            mantissa = mantissa * 10 + i128::from(b - b'0');
        }
        if negative {
            mantissa = -mantissa;
        }
        Ok(Decimal {
            mantissa,
            scale: frac_part.len() as u32,
        })
    }

    pub fn mantissa(self) -> i128 {
        self.mantissa
    }

    pub fn scale(self) -> u32 {
        self.scale
    }

    pub fn is_zero(self) -> bool {
        self.mantissa == 0
    }

    pub fn is_negative(self) -> bool {
        self.mantissa < 0
    }

    /// The same value at a larger or equal scale (exact), or `None` on overflow or a smaller scale.
    fn widen(self, scale: u32) -> Option<Decimal> {
        if scale < self.scale || scale > MAX_SCALE {
            return None;
        }
        let m = self.mantissa.checked_mul(pow10(scale - self.scale)?)?;
        Some(Decimal { mantissa: m, scale })
    }

    /// The value at exactly `scale` decimals, dropping digits with `rounding` if needed.
    pub fn round(self, scale: u32, rounding: Rounding) -> Decimal {
        if scale >= self.scale {
            return self.widen(scale.min(MAX_SCALE)).unwrap_or(self);
        }
        let div = pow10(self.scale - scale).expect("scale difference is at most MAX_SCALE");
        let q = self.mantissa / div;
        let r = self.mantissa % div;
        let q = match rounding {
            Rounding::Down => q,
            Rounding::HalfUp if r.abs() * 2 >= div => q + self.mantissa.signum(),
            Rounding::HalfUp => q,
        };
        Decimal { mantissa: q, scale }
    }

    /// The value at `scale` decimals if no non-zero digit is lost (`37.50` → `37.5`), else `None`.
    pub fn rescale_exact(self, scale: u32) -> Option<Decimal> {
        let r = self.round(scale, Rounding::Down);
        (r == self).then_some(r)
    }

    /// The number of decimals needed to write the value without trailing zeros.
    pub fn significant_scale(self) -> u32 {
        let mut d = self;
        while d.scale > 0 && d.mantissa % 10 == 0 {
            d = Decimal {
                mantissa: d.mantissa / 10,
                scale: d.scale - 1,
            };
        }
        d.scale
    }

    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        let (a, b) = (self.widen(scale)?, other.widen(scale)?);
        Some(Decimal {
            mantissa: a.mantissa.checked_add(b.mantissa)?,
            scale,
        })
    }

    pub fn checked_sub(self, other: Decimal) -> Option<Decimal> {
        self.checked_add(Decimal {
            mantissa: other.mantissa.checked_neg()?,
            scale: other.scale,
        })
    }

    /// Exact product; its scale is the sum of the scales (at most `MAX_SCALE`).
    pub fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale + other.scale;
        if scale > MAX_SCALE {
            return None;
        }
        Some(Decimal {
            mantissa: self.mantissa.checked_mul(other.mantissa)?,
            scale,
        })
    }

    /// `self / other` at `scale` decimals with `rounding`; `None` when dividing by zero or on overflow.
    pub fn checked_div(self, other: Decimal, scale: u32, rounding: Rounding) -> Option<Decimal> {
        if other.mantissa == 0 || scale > MAX_SCALE {
            return None;
        }
        // self / other = (a / 10^sa) / (b / 10^sb); scaled by 10^scale:
        // q = a · 10^(scale + sb) / (b · 10^sa)
        let num = self.mantissa.checked_mul(pow10(scale + other.scale)?)?;
        let den = other.mantissa.checked_mul(pow10(self.scale)?)?;
        let q = num / den;
        let r = num % den;
        let negative = (num < 0) != (den < 0);
        let q = match rounding {
            Rounding::Down => q,
            Rounding::HalfUp if r != 0 && r.unsigned_abs() * 2 >= den.unsigned_abs() => {
                if negative { q - 1 } else { q + 1 }
            }
            Rounding::HalfUp => q,
        };
        Some(Decimal { mantissa: q, scale })
    }

    /// True when `self / other` has no more than `scale` decimals, i.e. the division is exact there.
    pub fn divides_exactly(self, other: Decimal, scale: u32) -> bool {
        match (
            self.checked_div(other, scale, Rounding::Down),
            self.checked_div(other, scale, Rounding::HalfUp),
        ) {
            (Some(a), Some(b)) => a == b && a.checked_mul(other).is_some_and(|p| p == self),
            _ => false,
        }
    }

    pub fn min(self, other: Decimal) -> Decimal {
        if self <= other { self } else { other }
    }

    pub fn max(self, other: Decimal) -> Decimal {
        if self >= other { self } else { other }
    }

    /// Written with exactly `scale` decimals (rounding half up when digits are dropped).
    pub fn to_fixed(self, scale: u32) -> String {
        self.round(scale, Rounding::HalfUp).to_string()
    }

    /// Written with thousands separators in the integer part: `18,500`, `1,234.50`.
    pub fn to_grouped(self) -> String {
        let plain = self.to_string();
        let (sign, rest) = plain
            .strip_prefix('-')
            .map_or(("", plain.as_str()), |r| ("-", r));
        let (int_part, frac) = rest
            .split_once('.')
            .map_or((rest, None), |(i, f)| (i, Some(f)));
        let mut grouped = String::new();
        for (i, c) in int_part.chars().enumerate() {
            if i > 0 && (int_part.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        match frac {
            Some(f) => format!("{sign}{grouped}.{f}"),
            None => format!("{sign}{grouped}"),
        }
    }

    /// The value as an integer when it has no fraction.
    pub fn to_i128_exact(self) -> Option<i128> {
        self.rescale_exact(0).map(|d| d.mantissa)
    }
}

impl From<i64> for Decimal {
    fn from(n: i64) -> Self {
        Decimal::from_int(n)
    }
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Decimal {}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        let scale = self.scale.max(other.scale);
        match (self.widen(scale), other.widen(scale)) {
            (Some(a), Some(b)) => a.mantissa.cmp(&b.mantissa),
            // Widening overflows only for huge magnitudes: compare by cross-multiplying signs first.
            _ => {
                let (sa, sb) = (self.mantissa.signum(), other.mantissa.signum());
                if sa != sb {
                    return sa.cmp(&sb);
                }
                // Same sign, one of them enormous: the one with the smaller scale is larger in magnitude.
                let mag = other.scale.cmp(&self.scale);
                if sa < 0 { mag.reverse() } else { mag }
            }
        }
    }
}

/// Written with the value's own scale: `37.5`, `0.625`, `-3`, `40.00`.
impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let abs = self.mantissa.unsigned_abs();
        let sign = if self.mantissa < 0 { "-" } else { "" };
        if self.scale == 0 {
            return write!(f, "{sign}{abs}");
        }
        let div = 10u128.pow(self.scale);
        write!(
            f,
            "{sign}{}.{:0width$}",
            abs / div,
            abs % div,
            width = self.scale as usize
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).unwrap()
    }

    #[test]
    fn parses_half_and_full_width() {
        assert_eq!(d("37.5").to_string(), "37.5");
        assert_eq!(d("３７．５").to_string(), "37.5");
        assert_eq!(d("18,500").to_string(), "18500");
        assert_eq!(d("１８，５００").to_string(), "18500");
        assert_eq!(d("-0.25").to_string(), "-0.25");
        assert_eq!(d("+4").to_string(), "4");
        assert_eq!(d(".5").to_string(), "0.5");
        assert_eq!(d("007").to_string(), "7");
        assert_eq!(Decimal::parse(""), Err(DecimalError::Empty));
        assert_eq!(Decimal::parse("  "), Err(DecimalError::Empty));
        for bad in [
            "abc", "1.2.3", "12.", ".", "-", "1e5", "1 2", "3,5.", "0x10",
        ] {
            assert_eq!(Decimal::parse(bad), Err(DecimalError::Shape), "{bad}");
        }
        assert_eq!(Decimal::parse(&"9".repeat(30)), Err(DecimalError::TooLong));
    }

    /// A comma is a thousands separator only where one belongs; anywhere else it is more likely
    /// a decimal point typed on the wrong key, and dropping it would change the number.
    #[test]
    fn commas_only_in_groups_of_three() {
        assert_eq!(d("1,234,567").to_string(), "1234567");
        assert_eq!(d("-1,000").to_string(), "-1000");
        assert_eq!(d("1,234.5").to_string(), "1234.5");
        assert_eq!(d("１，２３４，５６７").to_string(), "1234567");
        for bad in [
            "18,50",
            "1,8500",
            "7,5",
            ",500",
            "500,",
            "1,,000",
            "1.234,5",
            "0,500",
            "1234,567",
            "12,34,567",
            "0,5",
            "-,5",
        ] {
            assert_eq!(Decimal::parse(bad), Err(DecimalError::Grouping), "{bad}");
        }
    }

    #[test]
    fn a_comma_typed_for_a_decimal_point() {
        assert_eq!(comma_as_decimal_point("7,5").as_deref(), Some("7.5"));
        assert_eq!(comma_as_decimal_point("１８，５").as_deref(), Some("18.5"));
        assert_eq!(comma_as_decimal_point("1,2,3"), None);
        assert_eq!(comma_as_decimal_point("1.2,3"), None);
        assert_eq!(comma_as_decimal_point(",5"), None);
    }

    #[test]
    fn equality_and_order_compare_values() {
        assert_eq!(d("1.0"), d("1.00"));
        assert_eq!(d("1"), Decimal::ONE);
        assert!(d("0.625") > d("0.6"));
        assert!(d("-1") < d("0"));
        assert!(d("32") >= d("32.0"));
        assert_eq!(d("2").max(d("1.5")), d("2"));
        assert_eq!(d("2").min(d("1.5")), d("1.5"));
    }

    #[test]
    fn rounding_half_up_and_down() {
        assert_eq!(d("0.625").round(1, Rounding::HalfUp).to_string(), "0.6");
        assert_eq!(d("0.65").round(1, Rounding::HalfUp).to_string(), "0.7");
        assert_eq!(d("0.65").round(1, Rounding::Down).to_string(), "0.6");
        assert_eq!(d("-1.25").round(1, Rounding::HalfUp).to_string(), "-1.3");
        assert_eq!(d("-1.29").round(1, Rounding::Down).to_string(), "-1.2");
        assert_eq!(d("40").round(2, Rounding::Down).to_string(), "40.00");
        assert_eq!(d("37.50").rescale_exact(1).unwrap().to_string(), "37.5");
        assert_eq!(d("37.55").rescale_exact(1), None);
        assert_eq!(d("37.500").significant_scale(), 1);
    }

    #[test]
    fn arithmetic_is_exact() {
        assert_eq!(d("0.1").checked_add(d("0.2")).unwrap(), d("0.3"));
        assert_eq!(d("1").checked_sub(d("0.9")).unwrap().to_string(), "0.1");
        assert_eq!(
            d("1.5").checked_mul(d("2.25")).unwrap().to_string(),
            "3.375"
        );
        let x = d("600000")
            .checked_div(d("18500"), 2, Rounding::HalfUp)
            .unwrap();
        assert_eq!(x.to_string(), "32.43");
        assert_eq!(
            d("20")
                .checked_div(d("32"), 3, Rounding::HalfUp)
                .unwrap()
                .to_string(),
            "0.625"
        );
        assert_eq!(
            d("2")
                .checked_div(d("3"), 2, Rounding::HalfUp)
                .unwrap()
                .to_string(),
            "0.67"
        );
        assert_eq!(
            d("2")
                .checked_div(d("3"), 2, Rounding::Down)
                .unwrap()
                .to_string(),
            "0.66"
        );
        assert_eq!(
            d("-2")
                .checked_div(d("3"), 2, Rounding::HalfUp)
                .unwrap()
                .to_string(),
            "-0.67"
        );
        assert_eq!(d("1").checked_div(Decimal::ZERO, 2, Rounding::HalfUp), None);
        assert!(d("20").divides_exactly(d("32"), 3));
        assert!(!d("10").divides_exactly(d("33"), 4));
    }

    #[test]
    fn formatting() {
        assert_eq!(d("32.4").to_fixed(2), "32.40");
        assert_eq!(d("18500").to_grouped(), "18,500");
        assert_eq!(d("1234567.5").to_grouped(), "1,234,567.5");
        assert_eq!(d("-1000").to_grouped(), "-1,000");
        assert_eq!(d("999").to_grouped(), "999");
        assert_eq!(d("0.05").to_string(), "0.05");
        assert_eq!(d("-0.05").to_string(), "-0.05");
    }

    proptest! {
        #[test]
        fn display_then_parse_is_identity(m in -10_000_000_000i64..10_000_000_000, s in 0u32..6) {
            let x = Decimal::new(i128::from(m), s);
            let back = Decimal::parse(&x.to_string()).unwrap();
            prop_assert_eq!(back, x);
            prop_assert_eq!(back.scale(), s);
        }

        #[test]
        fn division_brackets_the_true_quotient(a in 0i64..1_000_000, b in 1i64..1_000_000) {
            let (x, y) = (Decimal::from(a), Decimal::from(b));
            let down = x.checked_div(y, 2, Rounding::Down).unwrap();
            let half = x.checked_div(y, 2, Rounding::HalfUp).unwrap();
            // down ≤ a/b < down + 0.01, checked without division: down·b ≤ a < (down+0.01)·b
            prop_assert!(down.checked_mul(y).unwrap() <= x);
            prop_assert!(down.checked_add(Decimal::new(1, 2)).unwrap().checked_mul(y).unwrap() > x);
            prop_assert!(half == down || half == down.checked_add(Decimal::new(1, 2)).unwrap());
        }
    }
}
