//! Service hours (サービス時間). Outside them the service says when it reopens instead of failing.
//! The default is the ministry's: Monday to Saturday, 08:00 to 21:00 Japan time.

use std::fmt;
use time::{Duration, OffsetDateTime, Time, UtcOffset};

use crate::text::current as text;

/// Japan has one time zone and no daylight saving time, so a fixed offset is exact.
pub const JST: UtcOffset = match UtcOffset::from_hms(9, 0, 0) {
    Ok(o) => o,
    Err(_) => panic!("valid offset"),
};

const DAY_NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// When the service accepts requests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServiceHours {
    /// No gate (development, tests, or a bureau that runs around the clock).
    Always,
    /// Open on `days` from `opens` until `closes` (exclusive), Japan time.
    Weekly {
        days: [bool; 7],
        opens: Time,
        closes: Time,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServiceState {
    Open,
    Closed { resumes_at: OffsetDateTime },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("service hours must look like `Mon-Sat 08:00-21:00` or `always`: {0}")]
pub struct ServiceHoursParseError(String);

impl Default for ServiceHours {
    fn default() -> Self {
        Self::parse("Mon-Sat 08:00-21:00").expect("default parses")
    }
}

impl ServiceHours {
    /// Parses `always`, or days and times such as `Mon-Sat 08:00-21:00` or `Mon,Wed,Fri 09:00-17:00`.
    pub fn parse(spec: &str) -> Result<Self, ServiceHoursParseError> {
        let err = || ServiceHoursParseError(spec.to_string());
        let spec = spec.trim();
        if spec.eq_ignore_ascii_case("always") {
            return Ok(Self::Always);
        }
        let (days_part, times_part) = spec.split_once(char::is_whitespace).ok_or_else(err)?;
        let mut days = [false; 7];
        for item in days_part.split(',') {
            let day = |s: &str| DAY_NAMES.iter().position(|d| s.eq_ignore_ascii_case(d));
            match item.split_once('-') {
                Some((a, b)) => {
                    let (a, b) = (day(a).ok_or_else(err)?, day(b).ok_or_else(err)?);
                    if a > b {
                        return Err(err());
                    }
                    days[a..=b].iter_mut().for_each(|d| *d = true);
                }
                None => days[day(item).ok_or_else(err)?] = true,
            }
        }
        let (o, c) = times_part.trim().split_once('-').ok_or_else(err)?;
        let time = |s: &str| -> Option<Time> {
            let (h, m) = s.trim().split_once(':')?;
            Time::from_hms(h.parse().ok()?, m.parse().ok()?, 0).ok()
        };
        let (opens, closes) = (time(o).ok_or_else(err)?, time(c).ok_or_else(err)?);
        if opens >= closes || !days.contains(&true) {
            return Err(err());
        }
        Ok(Self::Weekly {
            days,
            opens,
            closes,
        })
    }

    pub fn state_at(&self, now: OffsetDateTime) -> ServiceState {
        let Self::Weekly {
            days,
            opens,
            closes,
        } = self
        else {
            return ServiceState::Open;
        };
        let now = now.to_offset(JST);
        let open_on = |d: time::Date| days[usize::from(d.weekday().number_days_from_monday())];
        if open_on(now.date()) && now.time() >= *opens && now.time() < *closes {
            return ServiceState::Open;
        }
        let mut day = now.date();
        if now.time() >= *opens {
            day += Duration::days(1);
        }
        while !open_on(day) {
            day += Duration::days(1);
        }
        ServiceState::Closed {
            resumes_at: day.with_time(*opens).assume_offset(JST),
        }
    }

    /// The hours in Japanese, e.g. 「月曜日から土曜日の8時00分から21時00分まで（日本時間）」.
    pub fn describe(&self) -> String {
        match self {
            Self::Always => text::SERVICE_ALWAYS().to_string(),
            Self::Weekly {
                days,
                opens,
                closes,
            } => {
                let names: Vec<usize> = (0..7).filter(|&i| days[i]).collect();
                let contiguous = names.windows(2).all(|w| w[1] == w[0] + 1);
                let days = if contiguous && names.len() > 2 {
                    text::day_range(
                        text::WEEKDAY_LONG()[names[0]],
                        text::WEEKDAY_LONG()[names[names.len() - 1]],
                    )
                } else {
                    names
                        .iter()
                        .map(|&i| text::WEEKDAY_LONG()[i])
                        .collect::<Vec<_>>()
                        .join(text::DAY_LIST_SEPARATOR())
                };
                text::service_hours(&days, &hm(*opens), &hm(*closes))
            }
        }
    }

    /// The message shown while closed.
    pub fn closed_message(&self, resumes_at: OffsetDateTime) -> String {
        text::service_closed(&self.describe(), &format_jst_minute(resumes_at))
    }
}

impl fmt::Display for ServiceHours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Always => f.write_str("always"),
            Self::Weekly {
                days,
                opens,
                closes,
            } => {
                let idx: Vec<usize> = (0..7).filter(|&i| days[i]).collect();
                let contiguous = idx.windows(2).all(|w| w[1] == w[0] + 1);
                let d = if contiguous && idx.len() > 1 {
                    format!("{}-{}", DAY_NAMES[idx[0]], DAY_NAMES[idx[idx.len() - 1]])
                } else {
                    idx.iter()
                        .map(|&i| DAY_NAMES[i])
                        .collect::<Vec<_>>()
                        .join(",")
                };
                write!(
                    f,
                    "{d} {:02}:{:02}-{:02}:{:02}",
                    opens.hour(),
                    opens.minute(),
                    closes.hour(),
                    closes.minute()
                )
            }
        }
    }
}

fn hm(t: Time) -> String {
    text::time_of_day(t.hour(), t.minute())
}

/// 「11月26日（木）8時00分」 in Japan time.
pub fn format_jst_minute(at: OffsetDateTime) -> String {
    let at = at.to_offset(JST);
    let wd = usize::from(at.weekday().number_days_from_monday());
    text::month_day_weekday_time(u8::from(at.month()), at.day(), wd, &hm(at.time()))
}

/// 「2026年11月25日 12時30分」 in Japan time, for times shown to the user (last login etc.).
pub fn format_jst_datetime(at: OffsetDateTime) -> String {
    let at = at.to_offset(JST);
    text::date_and_time(at.year(), u8::from(at.month()), at.day(), &hm(at.time()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn default_hours() -> ServiceHours {
        ServiceHours::default()
    }

    #[test]
    fn open_inside_hours_closed_at_the_edges() {
        let h = default_hours();
        // 2026-11-25 is a Wednesday.
        assert_eq!(
            h.state_at(datetime!(2026-11-25 08:00 +9)),
            ServiceState::Open
        );
        assert_eq!(
            h.state_at(datetime!(2026-11-25 20:59 +9)),
            ServiceState::Open
        );
        assert_eq!(
            h.state_at(datetime!(2026-11-25 21:00 +9)),
            ServiceState::Closed {
                resumes_at: datetime!(2026-11-26 08:00 +9)
            }
        );
        assert_eq!(
            h.state_at(datetime!(2026-11-25 07:59 +9)),
            ServiceState::Closed {
                resumes_at: datetime!(2026-11-25 08:00 +9)
            }
        );
    }

    #[test]
    fn sunday_resumes_monday_and_utc_input_is_converted() {
        let h = default_hours();
        // Saturday 2026-11-28 21:30 JST = 12:30 UTC.
        assert_eq!(
            h.state_at(datetime!(2026-11-28 12:30 UTC)),
            ServiceState::Closed {
                resumes_at: datetime!(2026-11-30 08:00 +9)
            }
        );
        assert_eq!(
            h.state_at(datetime!(2026-11-29 10:00 +9)),
            ServiceState::Closed {
                resumes_at: datetime!(2026-11-30 08:00 +9)
            }
        );
    }

    #[test]
    fn always_is_always_open() {
        let h = ServiceHours::parse("always").unwrap();
        assert_eq!(
            h.state_at(datetime!(2026-11-29 03:00 +9)),
            ServiceState::Open
        );
    }

    #[test]
    fn parse_and_display_round_trip() {
        for spec in ["mon-sat 08:00-21:00", "mon,wed,fri 09:00-17:30", "always"] {
            let h = ServiceHours::parse(spec).unwrap();
            assert_eq!(h.to_string(), spec);
        }
        for bad in [
            "",
            "Mon-Sat",
            "Sat-Mon 08:00-21:00",
            "Mon-Sat 21:00-08:00",
            "Xyz 08:00-09:00",
            "Mon 25:00-26:00",
        ] {
            assert!(ServiceHours::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn describes_in_japanese() {
        let h = default_hours();
        assert_eq!(
            h.describe(),
            "月曜日から土曜日の8時00分から21時00分まで（日本時間）"
        );
        let msg = h.closed_message(datetime!(2026-11-30 08:00 +9));
        assert!(msg.contains("11月30日（月）8時00分"), "{msg}");
    }

    #[test]
    fn describes_in_english_when_asked() {
        use crate::text::{Lang, lang::in_lang};
        let h = default_hours();
        let (hours, closed, at) = in_lang(Lang::En, || {
            (
                h.describe(),
                h.closed_message(datetime!(2026-11-30 08:00 +9)),
                format_jst_datetime(datetime!(2026-11-25 03:30 UTC)),
            )
        });
        assert!(hours.contains("Monday to Saturday"), "{hours}");
        assert!(
            hours.contains("08:00") && hours.contains("21:00"),
            "{hours}"
        );
        assert!(closed.contains("Mon 30 November, 08:00"), "{closed}");
        assert_eq!(at, "25 November 2026, 12:30");
        // Days that are not a run are listed.
        let odd = ServiceHours::parse("mon,wed 09:00-17:00").unwrap();
        let listed = in_lang(Lang::En, || odd.describe());
        assert!(listed.contains("Monday, Wednesday"), "{listed}");
        assert!(
            odd.describe().contains("月曜日・水曜日"),
            "{}",
            odd.describe()
        );
    }
}
