//! Reading and writing answers by path (`contact_phone`, `staff[2].weekly_hours`). Plain
//! functions, unit-tested; the year / month / day split of dates is `crate::date_parts`.

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
    if let Some(rows) = answers.get_mut(group).and_then(Value::as_array_mut)
        && index < rows.len()
    {
        rows.remove(index);
    }
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
    fn ids_are_safe_for_element_ids() {
        assert_eq!(
            path_id("staff[2].weekly_hours"),
            "todoke-staff-2-weekly_hours"
        );
    }
}
