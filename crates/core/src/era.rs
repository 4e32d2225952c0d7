//! Japanese era (和暦) display for dates: forms accept the Western year and show the era beside it.

use time::{Date, Month};

use crate::text::current as text;

/// First day of each era from newest to oldest, in the order of `text::ERA_NAMES`.
const ERAS: [(i32, Month, u8); 4] = [
    (2019, Month::May, 1),
    (1989, Month::January, 8),
    (1926, Month::December, 25),
    (1912, Month::July, 30),
];

/// The era year of a date, e.g. 2024-11-18 → 「令和6年」, 2019-05-01 → 「令和元年」.
/// None before 大正.
pub fn era_year(date: Date) -> Option<String> {
    ERAS.iter()
        .zip(text::ERA_NAMES())
        .find_map(|(&(y, m, d), name)| {
            let start = Date::from_calendar_date(y, m, d).ok()?;
            (date >= start).then(|| text::era_year(name, date.year() - y + 1))
        })
}

/// 「2024年（令和6年）11月18日」
pub fn format_date(date: Date) -> String {
    let era = era_year(date).unwrap_or_default();
    text::calendar_date(date.year(), &era, u8::from(date.month()), date.day())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn era_boundaries() {
        assert_eq!(era_year(date!(2019 - 04 - 30)).unwrap(), "平成31年");
        assert_eq!(era_year(date!(2019 - 05 - 01)).unwrap(), "令和元年");
        assert_eq!(era_year(date!(2024 - 11 - 18)).unwrap(), "令和6年");
        assert_eq!(era_year(date!(1989 - 01 - 07)).unwrap(), "昭和64年");
        assert_eq!(era_year(date!(1989 - 01 - 08)).unwrap(), "平成元年");
        assert_eq!(era_year(date!(1900 - 01 - 01)), None);
    }

    #[test]
    fn formats_western_year_with_era() {
        assert_eq!(
            format_date(date!(2024 - 11 - 18)),
            "2024年（令和6年）11月18日"
        );
    }

    #[test]
    fn english_dates_name_the_era_in_romaji() {
        use crate::text::{Lang, lang::in_lang};
        let (plain, first, old) = in_lang(Lang::En, || {
            (
                format_date(date!(2024 - 11 - 18)),
                format_date(date!(2019 - 05 - 01)),
                format_date(date!(1900 - 01 - 01)),
            )
        });
        assert_eq!(plain, "18 November 2024 (Reiwa 6)");
        assert_eq!(first, "1 May 2019 (Reiwa 1)");
        assert_eq!(old, "1 January 1900");
    }
}
