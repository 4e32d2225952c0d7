//! Reading and writing answers by path (`contact_phone`, `staff[2].weekly_hours`), and the
//! year / month / day split of date answers. Plain functions, unit-tested.

use serde_json::{Map, Value};
use todoke_core::forms::Answers;

/// Splits `staff[2].weekly_hours` into ("staff", Some(2), Some("weekly_hours")).
fn split(path: &str) -> (&str, Option<usize>, Option<&str>) {
    match path.split_once('[') {
        Some((group, rest)) => {
            let (index, field) = rest.split_once(']').unwrap_or((rest, ""));
            (group, index.parse().ok(), field.strip_prefix('.'))
        }
        None => (path, None, None),
    }
}

/// The text of the answer at `path` ("" when absent; `true` declarations read as "true").
pub fn text_at(answers: &Answers, path: &str) -> String {
    let value = match split(path) {
        (key, None, _) => answers.get(key),
        (group, Some(i), Some(field)) => answers
            .get(group)
            .and_then(|rows| rows.get(i))
            .and_then(|row| row.get(field)),
        _ => None,
    };
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// Sets the answer at `path`; an empty string removes it (the engine treats both as "not entered").
pub fn set_at(answers: &mut Answers, path: &str, value: Value) {
    let empty = matches!(&value, Value::String(s) if s.is_empty()) || value.is_null();
    match split(path) {
        (key, None, _) => {
            if empty {
                answers.remove(key);
            } else {
                answers.insert(key.to_string(), value);
            }
        }
        (group, Some(i), Some(field)) => {
            let rows = answers
                .entry(group.to_string())
                .or_insert_with(|| Value::Array(Vec::new()));
            if !rows.is_array() {
                *rows = Value::Array(Vec::new());
            }
            let rows = rows.as_array_mut().expect("made an array above");
            while rows.len() <= i {
                rows.push(Value::Object(Map::new()));
            }
            if let Some(row) = rows[i].as_object_mut() {
                if empty {
                    row.remove(field);
                } else {
                    row.insert(field.to_string(), value);
                }
            }
        }
        _ => {}
    }
}

pub fn row_count(answers: &Answers, group: &str) -> usize {
    answers
        .get(group)
        .and_then(Value::as_array)
        .map_or(0, Vec::len)
}

pub fn add_row(answers: &mut Answers, group: &str) {
    let rows = answers
        .entry(group.to_string())
        .or_insert_with(|| Value::Array(Vec::new()));
    if !rows.is_array() {
        *rows = Value::Array(Vec::new());
    }
    if let Some(rows) = rows.as_array_mut() {
        rows.push(Value::Object(Map::new()));
    }
}

pub fn remove_row(answers: &mut Answers, group: &str, index: usize) {
    if let Some(rows) = answers.get_mut(group).and_then(Value::as_array_mut) {
        if index < rows.len() {
            rows.remove(index);
        }
    }
}

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

/// An element id for an answer path: `staff[2].weekly_hours` → `todoke-staff-2-weekly_hours`.
pub fn path_id(path: &str) -> String {
    crate::components::form::input_id(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn answers(v: Value) -> Answers {
        v.as_object().cloned().unwrap()
    }

    #[test]
    fn reads_and_writes_plain_and_row_paths() {
        let mut a = answers(json!({"contact_phone": "03-1234-5678", "declaration": true}));
        assert_eq!(text_at(&a, "contact_phone"), "03-1234-5678");
        assert_eq!(text_at(&a, "declaration"), "true");
        set_at(&mut a, "staff[1].name", json!("山田"));
        assert_eq!(row_count(&a, "staff"), 2);
        assert_eq!(text_at(&a, "staff[1].name"), "山田");
        assert_eq!(text_at(&a, "staff[0].name"), "");
        set_at(&mut a, "staff[1].name", json!(""));
        assert_eq!(a["staff"][1], json!({}));
        set_at(&mut a, "contact_phone", json!(""));
        assert!(!a.contains_key("contact_phone"));
    }

    #[test]
    fn adds_and_removes_rows() {
        let mut a = answers(json!({"staff": [{"name": "A"}, {"name": "B"}]}));
        add_row(&mut a, "staff");
        assert_eq!(row_count(&a, "staff"), 3);
        assert_eq!(a["staff"][2], json!({}));
        remove_row(&mut a, "staff", 0);
        assert_eq!(text_at(&a, "staff[0].name"), "B");
        assert_eq!(row_count(&a, "staff"), 2);
        let mut empty = Answers::new();
        add_row(&mut empty, "staff");
        assert_eq!(row_count(&empty, "staff"), 1);
    }

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

    #[test]
    fn ids_are_safe_for_element_ids() {
        assert_eq!(
            path_id("staff[2].weekly_hours"),
            "todoke-staff-2-weekly_hours"
        );
    }
}
