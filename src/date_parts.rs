//! The year / month / day split of a date typed into three inputs (the wizard's date fields,
//! the return deadline of a review). Plain functions, unit-tested.

/// A date answer as the three inputs show it. Accepts what the engine stores (`2024-08-01`)
/// and what the user left half-typed (`2024--1`).
pub fn date_parts(value: &str) -> [String; 3] {
    let mut parts = value.splitn(3, '-').map(str::to_string);
    [
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    ]
}

/// Joins the three inputs; all empty means no answer.
pub fn join_date(parts: &[String; 3]) -> String {
    if parts.iter().all(|p| p.trim().is_empty()) {
        String::new()
    } else {
        parts.iter().map(|p| p.trim()).collect::<Vec<_>>().join("-")
    }
}

/// The date the three inputs name, if it exists (full-width digits accepted), for showing the era.
pub fn date_from_parts(parts: &[String; 3]) -> Option<time::Date> {
    let n = |s: &str| {
        todoke_core::width::to_half_width(s.trim())
            .value
            .parse::<u16>()
            .ok()
    };
    let (y, m, d) = (n(&parts[0])?, n(&parts[1])?, n(&parts[2])?);
    let month = time::Month::try_from(u8::try_from(m).ok()?).ok()?;
    time::Date::from_calendar_date(i32::from(y), month, u8::try_from(d).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_split_and_join() {
        assert_eq!(date_parts("2024-08-01"), ["2024", "08", "01"]);
        assert_eq!(date_parts(""), ["", "", ""]);
        assert_eq!(
            join_date(&["2024".into(), "".into(), "1".into()]),
            "2024--1"
        );
        assert_eq!(join_date(&["".into(), " ".into(), "".into()]), "");
        assert_eq!(
            date_parts(&join_date(&date_parts("2024--1"))),
            ["2024", "", "1"]
        );
    }

    #[test]
    fn dates_from_parts_accept_full_width_and_refuse_missing_days() {
        let p = |y: &str, m: &str, d: &str| [y.to_string(), m.to_string(), d.to_string()];
        assert_eq!(
            date_from_parts(&p("２０２４", "8", "1")),
            Some(time::macros::date!(2024 - 08 - 01))
        );
        assert_eq!(date_from_parts(&p("2024", "2", "30")), None);
        assert_eq!(date_from_parts(&p("2024", "", "1")), None);
    }
}
