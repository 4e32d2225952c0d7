//! The Japanese business calendar: public holidays (国民の祝日, 振替休日 and 国民の休日), the
//! year-end closure of government offices (12/29–1/3) and weekends, and the effective date of an
//! accepted facility-standard filing (docs/domain.md, "Effective dates").
//!
//! Holidays follow the rules of 国民の祝日に関する法律 as they stood in each year, including the
//! special days of 2019 and the Olympic moves of 2020 and 2021. The equinox days use the standard
//! approximation (valid 1980–2099), so the whole calendar is valid for 2000–2099; the Cabinet
//! Office announces each equinox in February of the year before, and a year where the formula
//! and the announcement disagreed would be fixed here.

use time::{Date, Duration, Month, Weekday};

use crate::text::current as text;

/// `YYYY-MM-DD` (de)serialisation of dates in the API (`with = "crate::calendar::iso_date::format"`,
/// or `…::format::option` for an `Option<Date>`).
pub mod iso_date {
    time::serde::format_description!(pub format, Date, "[year]-[month]-[day]");
}

/// First and last years the calendar is valid for.
pub const VALID_YEARS: std::ops::RangeInclusive<i32> = 2000..=2099;

fn ymd(year: i32, month: Month, day: u8) -> Date {
    Date::from_calendar_date(year, month, day).expect("a valid calendar date")
}

/// The `n`th (1-based) `weekday` of the month.
fn nth_weekday(year: i32, month: Month, weekday: Weekday, n: u8) -> Date {
    let first = ymd(year, month, 1);
    let offset = (7 + weekday.number_days_from_monday() as i64
        - first.weekday().number_days_from_monday() as i64)
        % 7;
    first + Duration::days(offset + 7 * (n as i64 - 1))
}

/// 春分日 (day of March) by the standard formula.
fn vernal_equinox_day(year: i32) -> u8 {
    let y = (year - 1980) as i64;
    ((20_843_100 + 242_194 * y) / 1_000_000 - y.div_euclid(4)) as u8
}

/// 秋分日 (day of September) by the standard formula.
fn autumnal_equinox_day(year: i32) -> u8 {
    let y = (year - 1980) as i64;
    ((23_248_800 + 242_194 * y) / 1_000_000 - y.div_euclid(4)) as u8
}

/// The 国民の祝日 of `year` themselves (no substitute or in-between days).
fn statutory_holidays(year: i32) -> Vec<(Date, &'static str)> {
    use Month::*;
    let mut days = vec![
        (ymd(year, January, 1), text::HOLIDAY_NEW_YEAR()),
        (
            nth_weekday(year, January, Weekday::Monday, 2),
            text::HOLIDAY_COMING_OF_AGE(),
        ),
        (ymd(year, February, 11), text::HOLIDAY_FOUNDATION()),
        (
            ymd(year, March, vernal_equinox_day(year)),
            text::HOLIDAY_VERNAL_EQUINOX(),
        ),
        (
            ymd(year, April, 29),
            if year >= 2007 {
                text::HOLIDAY_SHOWA()
            } else {
                text::HOLIDAY_GREENERY()
            },
        ),
        (ymd(year, May, 3), text::HOLIDAY_CONSTITUTION()),
        (ymd(year, May, 5), text::HOLIDAY_CHILDREN()),
        (
            ymd(year, September, autumnal_equinox_day(year)),
            text::HOLIDAY_AUTUMNAL_EQUINOX(),
        ),
        (ymd(year, November, 3), text::HOLIDAY_CULTURE()),
        (ymd(year, November, 23), text::HOLIDAY_LABOUR_THANKSGIVING()),
    ];
    if year >= 2007 {
        days.push((ymd(year, May, 4), text::HOLIDAY_GREENERY()));
    }
    match year {
        ..=2018 => days.push((ymd(year, December, 23), text::HOLIDAY_EMPEROR())),
        2019 => {}
        _ => days.push((ymd(year, February, 23), text::HOLIDAY_EMPEROR())),
    }
    if year == 2019 {
        days.push((ymd(year, May, 1), text::HOLIDAY_ENTHRONEMENT()));
        days.push((
            ymd(year, October, 22),
            text::HOLIDAY_ENTHRONEMENT_CEREMONY(),
        ));
    }
    let marine = match year {
        ..=2002 => ymd(year, July, 20),
        2020 => ymd(year, July, 23),
        2021 => ymd(year, July, 22),
        _ => nth_weekday(year, July, Weekday::Monday, 3),
    };
    days.push((marine, text::HOLIDAY_MARINE()));
    let aged = if year <= 2002 {
        ymd(year, September, 15)
    } else {
        nth_weekday(year, September, Weekday::Monday, 3)
    };
    days.push((aged, text::HOLIDAY_RESPECT_AGED()));
    let sports = match year {
        ..=2019 => (
            nth_weekday(year, October, Weekday::Monday, 2),
            text::HOLIDAY_HEALTH_SPORTS(),
        ),
        2020 => (ymd(year, July, 24), text::HOLIDAY_SPORTS()),
        2021 => (ymd(year, July, 23), text::HOLIDAY_SPORTS()),
        _ => (
            nth_weekday(year, October, Weekday::Monday, 2),
            text::HOLIDAY_SPORTS(),
        ),
    };
    days.push(sports);
    match year {
        ..=2015 => {}
        2020 => days.push((ymd(year, August, 10), text::HOLIDAY_MOUNTAIN())),
        2021 => days.push((ymd(year, August, 8), text::HOLIDAY_MOUNTAIN())),
        _ => days.push((ymd(year, August, 11), text::HOLIDAY_MOUNTAIN())),
    }
    days.sort();
    days
}

/// Every public holiday of `year`, in date order, with its name: the 祝日, the 振替休日 (a 祝日
/// on a Sunday moves to the next day that is not a 祝日; before 2007, to the Monday) and the
/// 国民の休日 (a weekday between two 祝日).
pub fn holidays(year: i32) -> Vec<(Date, &'static str)> {
    let statutory = statutory_holidays(year);
    let is_statutory = |d: Date| statutory.iter().any(|(h, _)| *h == d);
    let mut all = statutory.clone();
    for (day, _) in &statutory {
        if day.weekday() != Weekday::Sunday {
            continue;
        }
        let mut substitute = *day + Duration::days(1);
        if year >= 2007 {
            while is_statutory(substitute) {
                substitute += Duration::days(1);
            }
        } else if is_statutory(substitute) {
            continue;
        }
        all.push((substitute, text::HOLIDAY_SUBSTITUTE()));
    }
    for (day, _) in &statutory {
        let between = *day + Duration::days(1);
        let next = between + Duration::days(1);
        if is_statutory(next)
            && !is_statutory(between)
            && between.weekday() != Weekday::Sunday
            && !all.iter().any(|(h, _)| *h == between)
        {
            all.push((between, text::HOLIDAY_CITIZENS()));
        }
    }
    all.sort();
    all
}

/// The holiday's name when `date` is a public holiday.
pub fn holiday_name(date: Date) -> Option<&'static str> {
    holidays(date.year())
        .into_iter()
        .find(|(d, _)| *d == date)
        .map(|(_, name)| name)
}

/// 12/29–1/3, when government offices are closed (行政機関の休日).
pub fn is_year_end_closure(date: Date) -> bool {
    matches!(
        (date.month(), date.day()),
        (Month::December, 29..=31) | (Month::January, 1..=3)
    )
}

/// Not a weekend, a public holiday or the year-end closure.
pub fn is_business_day(date: Date) -> bool {
    !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
        && !is_year_end_closure(date)
        && holiday_name(date).is_none()
}

/// The first business day of `date`'s month.
pub fn first_business_day_of_month(year: i32, month: Month) -> Date {
    let mut d = ymd(year, month, 1);
    while !is_business_day(d) {
        d += Duration::days(1);
    }
    d
}

/// The day a facility-standard filing accepted on `accepted_on` takes effect (docs/domain.md, "Effective dates"):
/// accepted on (or before) the first business day of a month → the 1st of that month; otherwise
/// → the 1st of the next month. Nothing is retroactive beyond that.
pub fn effective_date(accepted_on: Date) -> Date {
    let (year, month) = (accepted_on.year(), accepted_on.month());
    if accepted_on <= first_business_day_of_month(year, month) {
        ymd(year, month, 1)
    } else if month == Month::December {
        ymd(year + 1, Month::January, 1)
    } else {
        ymd(year, month.next(), 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn dates(year: i32) -> Vec<Date> {
        holidays(year).into_iter().map(|(d, _)| d).collect()
    }

    #[test]
    fn holidays_2024_match_the_cabinet_office_list() {
        assert_eq!(
            dates(2024),
            [
                date!(2024 - 01 - 01),
                date!(2024 - 01 - 08),
                date!(2024 - 02 - 11),
                date!(2024 - 02 - 12),
                date!(2024 - 02 - 23),
                date!(2024 - 03 - 20),
                date!(2024 - 04 - 29),
                date!(2024 - 05 - 03),
                date!(2024 - 05 - 04),
                date!(2024 - 05 - 05),
                date!(2024 - 05 - 06),
                date!(2024 - 07 - 15),
                date!(2024 - 08 - 11),
                date!(2024 - 08 - 12),
                date!(2024 - 09 - 16),
                date!(2024 - 09 - 22),
                date!(2024 - 09 - 23),
                date!(2024 - 10 - 14),
                date!(2024 - 11 - 03),
                date!(2024 - 11 - 04),
                date!(2024 - 11 - 23),
            ]
        );
        assert_eq!(
            holiday_name(date!(2024 - 02 - 12)),
            Some(text::HOLIDAY_SUBSTITUTE())
        );
    }

    #[test]
    fn holidays_2025_match_the_cabinet_office_list() {
        assert_eq!(
            dates(2025),
            [
                date!(2025 - 01 - 01),
                date!(2025 - 01 - 13),
                date!(2025 - 02 - 11),
                date!(2025 - 02 - 23),
                date!(2025 - 02 - 24),
                date!(2025 - 03 - 20),
                date!(2025 - 04 - 29),
                date!(2025 - 05 - 03),
                date!(2025 - 05 - 04),
                date!(2025 - 05 - 05),
                date!(2025 - 05 - 06),
                date!(2025 - 07 - 21),
                date!(2025 - 08 - 11),
                date!(2025 - 09 - 15),
                date!(2025 - 09 - 23),
                date!(2025 - 10 - 13),
                date!(2025 - 11 - 03),
                date!(2025 - 11 - 23),
                date!(2025 - 11 - 24),
            ]
        );
    }

    #[test]
    fn holidays_2026_match_the_cabinet_office_list() {
        assert_eq!(
            dates(2026),
            [
                date!(2026 - 01 - 01),
                date!(2026 - 01 - 12),
                date!(2026 - 02 - 11),
                date!(2026 - 02 - 23),
                date!(2026 - 03 - 20),
                date!(2026 - 04 - 29),
                date!(2026 - 05 - 03),
                date!(2026 - 05 - 04),
                date!(2026 - 05 - 05),
                date!(2026 - 05 - 06),
                date!(2026 - 07 - 20),
                date!(2026 - 08 - 11),
                date!(2026 - 09 - 21),
                date!(2026 - 09 - 22),
                date!(2026 - 09 - 23),
                date!(2026 - 10 - 12),
                date!(2026 - 11 - 03),
                date!(2026 - 11 - 23),
            ]
        );
        // 5/3 is a Sunday and 5/4, 5/5 are holidays: the substitute is Wednesday 5/6.
        assert_eq!(
            holiday_name(date!(2026 - 05 - 06)),
            Some(text::HOLIDAY_SUBSTITUTE())
        );
        // Between 敬老の日 and 秋分の日.
        assert_eq!(
            holiday_name(date!(2026 - 09 - 22)),
            Some(text::HOLIDAY_CITIZENS())
        );
    }

    #[test]
    fn special_years() {
        // 2019: no 天皇誕生日; 即位の日 and the days around it; 即位礼正殿の儀.
        for d in [
            date!(2019 - 04 - 30),
            date!(2019 - 05 - 01),
            date!(2019 - 05 - 02),
            date!(2019 - 05 - 06),
            date!(2019 - 10 - 22),
        ] {
            assert!(holiday_name(d).is_some(), "{d}");
        }
        assert_eq!(holiday_name(date!(2019 - 12 - 23)), None);
        assert_eq!(
            holiday_name(date!(2018 - 12 - 24)),
            Some(text::HOLIDAY_SUBSTITUTE())
        );
        // The Olympic years.
        for d in [
            date!(2020 - 07 - 23),
            date!(2020 - 07 - 24),
            date!(2020 - 08 - 10),
            date!(2021 - 07 - 22),
            date!(2021 - 07 - 23),
            date!(2021 - 08 - 08),
            date!(2021 - 08 - 09),
        ] {
            assert!(holiday_name(d).is_some(), "{d}");
        }
        assert_eq!(holiday_name(date!(2020 - 10 - 12)), None);
        assert_eq!(holiday_name(date!(2021 - 08 - 11)), None);
        // Before 2007 the 5/4 between two holidays was a 国民の休日.
        assert_eq!(
            holiday_name(date!(2006 - 05 - 04)),
            Some(text::HOLIDAY_CITIZENS())
        );
        // 2009 and 2015 had a September 国民の休日 too.
        assert_eq!(
            holiday_name(date!(2009 - 09 - 22)),
            Some(text::HOLIDAY_CITIZENS())
        );
        assert_eq!(
            holiday_name(date!(2015 - 09 - 22)),
            Some(text::HOLIDAY_CITIZENS())
        );
        // Equinoxes by the formula, across the range.
        assert_eq!(vernal_equinox_day(2000), 20);
        assert_eq!(autumnal_equinox_day(2000), 23);
        assert_eq!(vernal_equinox_day(2099), 20);
        assert_eq!(autumnal_equinox_day(2012), 22);
        for year in VALID_YEARS {
            assert!(holidays(year).len() >= 15, "{year}");
        }
    }

    #[test]
    fn business_days() {
        assert!(is_business_day(date!(2025 - 04 - 01)));
        assert!(!is_business_day(date!(2025 - 04 - 05))); // Saturday
        assert!(!is_business_day(date!(2025 - 12 - 29))); // Monday, closure
        assert!(!is_business_day(date!(2026 - 01 - 02)));
        assert!(!is_business_day(date!(2026 - 01 - 03)));
        assert!(is_business_day(date!(2026 - 01 - 05)));
        assert_eq!(
            first_business_day_of_month(2026, Month::January),
            date!(2026 - 01 - 05)
        );
        assert_eq!(
            first_business_day_of_month(2025, Month::November),
            date!(2025 - 11 - 04)
        );
        assert_eq!(
            first_business_day_of_month(2026, Month::May),
            date!(2026 - 05 - 01)
        );
    }

    #[test]
    fn effective_dates() {
        for (accepted, effective) in [
            // Tuesday, the first business day of April.
            (date!(2025 - 04 - 01), date!(2025 - 04 - 01)),
            (date!(2025 - 04 - 02), date!(2025 - 05 - 01)),
            (date!(2025 - 04 - 30), date!(2025 - 05 - 01)),
            // Monday after the closure and the weekend: the first business day of January.
            (date!(2026 - 01 - 05), date!(2026 - 01 - 01)),
            (date!(2026 - 01 - 06), date!(2026 - 02 - 01)),
            (date!(2025 - 12 - 26), date!(2026 - 01 - 01)),
            // November 2025: 1st Saturday, 3rd 文化の日 → 4th is the first business day.
            (date!(2025 - 11 - 04), date!(2025 - 11 - 01)),
            (date!(2025 - 11 - 05), date!(2025 - 12 - 01)),
            // May 2026: 1st Friday is a business day, so 7th is not the first.
            (date!(2026 - 05 - 01), date!(2026 - 05 - 01)),
            (date!(2026 - 05 - 07), date!(2026 - 06 - 01)),
            (date!(2026 - 11 - 25), date!(2026 - 12 - 01)),
            (date!(2026 - 12 - 01), date!(2026 - 12 - 01)),
        ] {
            assert_eq!(effective_date(accepted), effective, "{accepted}");
        }
    }
}
