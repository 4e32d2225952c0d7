//! `integer`, `decimal` and `weekly_hours`: exact decimals, full-width digits, thousands commas
//! only in groups of three, and the field's own unit typed after the number dropped.

use super::Verdict;
use crate::forms::decimal::{Decimal, DecimalError, comma_as_decimal_point};
use crate::forms::issue::{Bounds, IssueCode};
use crate::text::current::forms as t;
use crate::width::to_half_width;

/// Hours in a week: the most a weekly-hours field accepts.
pub const MAX_WEEKLY_HOURS: i64 = 168;
/// Weekly hours above this are a warning (possible, but more likely a typing slip).
pub const UNUSUAL_WEEKLY_HOURS: i64 = 80;

/// A whole number in `min..=max`.
pub(super) fn integer(typed: &str, min: i64, max: i64, unit: &str) -> Verdict {
    let number = match number_text(typed, unit) {
        Ok(n) => n,
        Err(code) => return Verdict::refuse(code),
    };
    let n = match Decimal::parse(&number) {
        Err(DecimalError::Grouping) => return Verdict::refuse(comma_misplaced(typed, &number, 0)),
        Err(_) => None,
        Ok(d) => d.to_i128_exact(),
    };
    let Some(n) = n else {
        return Verdict::refuse(IssueCode::IntegerShape);
    };
    if n < i128::from(min) || n > i128::from(max) {
        return Verdict::refuse(IssueCode::OutOfRange(Bounds::Between {
            min: Decimal::from(min).to_grouped(),
            max: Decimal::from(max).to_grouped(),
            unit: unit.to_string(),
        }));
    }
    Verdict::ok(n.to_string())
}

/// An exact decimal with at most `scale` decimals in `min..=max` (decimal strings; a bound that
/// does not parse is no bound), normalised to exactly `scale` decimals.
pub(super) fn decimal(typed: &str, scale: u32, min: &str, max: &str, unit: &str) -> Verdict {
    let (min, max) = (Decimal::parse(min).ok(), Decimal::parse(max).ok());
    match exact(typed, scale, min, max, unit) {
        Ok(d) => Verdict::ok(d.to_string()),
        Err(code) => Verdict::refuse(code),
    }
}

/// Hours a week, one decimal, more than 0 and at most [`MAX_WEEKLY_HOURS`]; above
/// [`UNUSUAL_WEEKLY_HOURS`] a warning.
pub(super) fn weekly_hours(typed: &str) -> Verdict {
    let hours = match exact(typed, 1, None, None, t::UNIT_HOURS()) {
        Ok(d) => d,
        Err(code) => return Verdict::refuse(code),
    };
    if hours <= Decimal::ZERO || hours > Decimal::from(MAX_WEEKLY_HOURS) {
        return Verdict::refuse(IssueCode::OutOfRange(Bounds::Week));
    }
    let value = hours.to_string();
    if hours > Decimal::from(UNUSUAL_WEEKLY_HOURS) {
        let hours = value.clone();
        return Verdict::with(value, IssueCode::WeeklyHoursUnusual { hours });
    }
    Verdict::ok(value)
}

/// `typed` as a decimal of exactly `scale` decimals within the bounds.
fn exact(
    typed: &str,
    scale: u32,
    min: Option<Decimal>,
    max: Option<Decimal>,
    unit: &str,
) -> Result<Decimal, IssueCode> {
    let number = number_text(typed, unit)?;
    let d = match Decimal::parse(&number) {
        Ok(d) => d,
        Err(DecimalError::Grouping) => return Err(comma_misplaced(typed, &number, scale)),
        Err(DecimalError::Empty | DecimalError::Shape | DecimalError::TooLong) => {
            return Err(IssueCode::DecimalShape { scale });
        }
    };
    let d = d
        .rescale_exact(scale)
        .ok_or(IssueCode::DecimalScale { scale })?;
    if min.is_some_and(|m| d < m) || max.is_some_and(|m| d > m) {
        let shown = |b: Option<Decimal>| b.map(|b| b.to_string()).unwrap_or_default();
        let unit = unit.to_string();
        return Err(IssueCode::OutOfRange(match (min, max) {
            (Some(_), Some(_)) => Bounds::Between {
                min: shown(min),
                max: shown(max),
                unit,
            },
            (None, Some(_)) => Bounds::AtMost {
                max: shown(max),
                unit,
            },
            _ => Bounds::AtLeast {
                min: shown(min),
                unit,
            },
        }));
    }
    Ok(d)
}

/// The number in a numeric answer, ready for [`Decimal::parse`]. The field's own unit typed after
/// it (`32時間`, `３２ｈ`, `18500回`) is dropped, so the answer is rewritten to the bare number;
/// other trailing text (`10枚` where the unit is 回) is an error that says to drop it, since the
/// number may not mean what the field counts. Text that is not a number followed by a unit is
/// returned as it is for the shape check to report.
fn number_text(typed: &str, unit: &str) -> Result<String, IssueCode> {
    let Some((number, suffix)) = split_unit(typed) else {
        return Ok(typed.to_string());
    };
    if is_unit(&suffix, unit) {
        return Ok(number);
    }
    Err(IssueCode::NumberWithUnit {
        typed: typed.to_string(),
        suffix,
        unit: unit.to_string(),
    })
}

/// `(number, suffix)` when `text` (half-width or not) is a number-like start followed by text with
/// no digits in it: `18,500 回` → (`18,500`, `回`). `None` for a bare number, for text that does
/// not start with a digit and for digits after the suffix (`1e5`, `1 2`).
fn split_unit(text: &str) -> Option<(String, String)> {
    let half = to_half_width(text).value;
    let split = half
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '+' | '-')))
        .unwrap_or(half.len());
    let (number, suffix) = (half[..split].trim(), half[split..].trim());
    let has_digit = |s: &str| s.bytes().any(|b| b.is_ascii_digit());
    (has_digit(number) && !suffix.is_empty() && !has_digit(suffix))
        .then(|| (number.to_string(), suffix.to_string()))
}

/// Whether `suffix` names `unit` (empty: the field has none), by the aliases in the text module.
fn is_unit(suffix: &str, unit: &str) -> bool {
    if unit.is_empty() {
        return false;
    }
    let same = |alias: &str| alias.eq_ignore_ascii_case(suffix);
    match t::UNIT_ALIASES().iter().find(|(u, _)| *u == unit) {
        Some((_, aliases)) => aliases.iter().any(|a| same(a)),
        None => same(unit),
    }
}

/// A comma outside groups of three; fields with decimals suggest the comma as a decimal point
/// (`7,5` → `7.5`).
fn comma_misplaced(typed: &str, number: &str, scale: u32) -> IssueCode {
    IssueCode::NumberCommaMisplaced {
        typed: typed.to_string(),
        decimals: scale > 0,
        reading: (scale > 0)
            .then(|| comma_as_decimal_point(number))
            .flatten(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_split_from_the_number() {
        let split = |s| split_unit(s).map(|(n, u)| format!("{n}|{u}"));
        assert_eq!(split("18,500 回").as_deref(), Some("18,500|回"));
        assert_eq!(split("３２ｈ").as_deref(), Some("32|h"));
        assert_eq!(split("18500"), None);
        assert_eq!(split("回"), None);
        assert_eq!(split("1e5"), None);
        assert!(is_unit("HR", t::UNIT_HOURS()));
        assert!(is_unit("名", t::UNIT_PERSONS()));
        assert!(is_unit("%", "%"));
        assert!(!is_unit("回", ""));
    }

    #[test]
    fn bounds_are_stated_as_the_field_has_them() {
        assert_eq!(
            integer("100001", -5, 100_000, "回"),
            Verdict::refuse(IssueCode::OutOfRange(Bounds::Between {
                min: "-5".into(),
                max: "100,000".into(),
                unit: "回".into()
            }))
        );
        assert_eq!(
            decimal("12", 1, "x", "10", "%"),
            Verdict::refuse(IssueCode::OutOfRange(Bounds::AtMost {
                max: "10".into(),
                unit: "%".into()
            }))
        );
        assert_eq!(
            decimal("0.5", 1, "1", "", ""),
            Verdict::refuse(IssueCode::OutOfRange(Bounds::AtLeast {
                min: "1".into(),
                unit: String::new()
            }))
        );
        assert_eq!(
            weekly_hours("0"),
            Verdict::refuse(IssueCode::OutOfRange(Bounds::Week))
        );
        assert_eq!(
            weekly_hours("81"),
            Verdict::with(
                "81.0".into(),
                IssueCode::WeeklyHoursUnusual {
                    hours: "81.0".into()
                }
            )
        );
    }
}
