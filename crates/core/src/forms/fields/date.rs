//! `date`: one string `YYYY-MM-DD`, typed in the ways people write dates, optionally within a
//! window around today; and the canonical form's parser and formatter.

use time::{Date, Duration, Month};

use super::Verdict;
use crate::forms::issue::IssueCode;
use crate::width::to_half_width;

/// A date in the window: at most `not_before_days` before `today` and at most `not_after_days`
/// after it, where set.
pub(super) fn date(
    typed: &str,
    today: Date,
    not_before_days: Option<i64>,
    not_after_days: Option<i64>,
) -> Verdict {
    let date = match parse(typed) {
        Ok(d) => d,
        Err(code) => return Verdict::refuse(code),
    };
    if let Some(days) = not_before_days {
        let earliest = today.checked_sub(Duration::days(days)).unwrap_or(Date::MIN);
        if date < earliest {
            return Verdict::refuse(IssueCode::DateTooEarly { earliest });
        }
    }
    if let Some(days) = not_after_days {
        let latest = today.checked_add(Duration::days(days)).unwrap_or(Date::MAX);
        if date > latest {
            return Verdict::refuse(IssueCode::DateTooLate { latest });
        }
    }
    Verdict::ok(format_iso_date(date))
}

/// Accepts `2024-08-01`, `2024-8-1`, `2024/8/1`, `2024.8.1`, `2024年8月1日`, full-width digits.
/// The error is `date_incomplete`, `date_shape` or `date_invalid`.
fn parse(input: &str) -> Result<Date, IssueCode> {
    let half = to_half_width(input).value;
    let unified: String = half
        .trim()
        .trim_end_matches('日')
        .chars()
        .map(|c| {
            if matches!(c, '/' | '.' | '年' | '月') {
                '-'
            } else {
                c
            }
        })
        .collect();
    let parts: Vec<&str> = unified.split('-').map(str::trim).collect();
    if parts.len() != 3 {
        return Err(if parts.len() < 3 {
            IssueCode::DateIncomplete
        } else {
            IssueCode::DateShape
        });
    }
    if parts.iter().any(|p| p.is_empty()) {
        return Err(IssueCode::DateIncomplete);
    }
    if !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        || parts[0].len() != 4
        || parts[1].len() > 2
        || parts[2].len() > 2
    {
        return Err(IssueCode::DateShape);
    }
    let year: i32 = parts[0].parse().map_err(|_| IssueCode::DateShape)?;
    let month: u8 = parts[1].parse().map_err(|_| IssueCode::DateShape)?;
    let day: u8 = parts[2].parse().map_err(|_| IssueCode::DateShape)?;
    Month::try_from(month)
        .ok()
        .and_then(|m| Date::from_calendar_date(year, m, day).ok())
        .ok_or(IssueCode::DateInvalid { year, month, day })
}

/// A date as people type it into one box: `2026-04-01`, `2026/4/1`, `2026.4.1` or
/// `2026年4月1日`, with full-width digits too. `None` when it is not a real date.
pub fn parse_typed_date(s: &str) -> Option<Date> {
    parse(s).ok()
}

/// Parses the canonical `YYYY-MM-DD`.
pub fn parse_iso_date(s: &str) -> Option<Date> {
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let month = Month::try_from(m.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok()
}

pub fn format_iso_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn typed_dates_in_the_ways_people_write_them() {
        for typed in [
            "2026-04-01",
            "2026/4/1",
            "2026.04.01",
            "2026年4月1日",
            "２０２６－０４－０１",
            " 2026/04/1 ",
        ] {
            assert_eq!(
                parse_typed_date(typed),
                Some(date!(2026 - 04 - 01)),
                "{typed}"
            );
        }
        for bad in [
            "",
            "2026",
            "2026-4",
            "26/4/1",
            "2026-02-30",
            "2026-13-01",
            "2026-4-1-1",
            "令和8年4月1日",
            "2026-+4-01",
        ] {
            assert_eq!(parse_typed_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn what_is_wrong_with_a_date() {
        assert_eq!(parse("2024-02-"), Err(IssueCode::DateIncomplete));
        assert_eq!(parse("2024-8"), Err(IssueCode::DateIncomplete));
        assert_eq!(parse("24-02-01"), Err(IssueCode::DateShape));
        assert_eq!(parse("2024-1-1-1"), Err(IssueCode::DateShape));
        assert_eq!(
            parse("2023-02-29"),
            Err(IssueCode::DateInvalid {
                year: 2023,
                month: 2,
                day: 29
            })
        );
        let today = date!(2024 - 11 - 18);
        assert_eq!(
            date("2024-11-17", today, Some(0), None),
            Verdict::refuse(IssueCode::DateTooEarly { earliest: today })
        );
        assert_eq!(
            date("2024-11-19", today, None, Some(0)),
            Verdict::refuse(IssueCode::DateTooLate { latest: today })
        );
        assert_eq!(
            date("２０２４年１１月１８日", today, Some(0), Some(0)),
            Verdict::ok("2024-11-18".into())
        );
    }

    #[test]
    fn iso_dates() {
        assert_eq!(parse_iso_date("2019-05-01"), Some(date!(2019 - 05 - 01)));
        assert_eq!(parse_iso_date("2019-5-1"), None);
        assert_eq!(parse_iso_date("2019-02-29"), None);
        assert_eq!(format_iso_date(date!(2019 - 05 - 01)), "2019-05-01");
    }
}
