//! Japanese era (和暦) display for dates: forms accept the Western year and show the era beside it.

use time::{Date, Month};

/// (era name, first day) from newest to oldest.
const ERAS: [(&str, i32, Month, u8); 4] = [
    ("令和", 2019, Month::May, 1),
    ("平成", 1989, Month::January, 8),
    ("昭和", 1926, Month::December, 25),
    ("大正", 1912, Month::July, 30),
];

/// The era year of a date, e.g. 2024-11-18 → 「令和6年」, 2019-05-01 → 「令和元年」.
/// None before 大正.
pub fn era_year(date: Date) -> Option<String> {
    ERAS.iter().find_map(|&(name, y, m, d)| {
        let start = Date::from_calendar_date(y, m, d).ok()?;
        (date >= start).then(|| {
            let n = date.year() - y + 1;
            if n == 1 {
                format!("{name}元年")
            } else {
                format!("{name}{n}年")
            }
        })
    })
}

/// 「2024年（令和6年）11月18日」
pub fn format_date(date: Date) -> String {
    let era = era_year(date)
        .map(|e| format!("（{e}）"))
        .unwrap_or_default();
    format!(
        "{}年{}{}月{}日",
        date.year(),
        era,
        u8::from(date.month()),
        date.day()
    )
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
}
