//! 「入力内容の確認」: the answers as the user should read them, page by page.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::Answers;
use super::decimal::Decimal;
use super::definition::{FieldDefinition, FieldKind, FormDefinition, Item};
use super::fields::{is_empty, parse_iso_date, scalar_text};
use crate::era::format_date;
use crate::text::current::forms as t;

/// One line of 「入力内容の確認」.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewRow {
    /// The page to go back to with 「変更」.
    pub page: String,
    pub path: String,
    /// The field's label.
    pub label: String,
    /// For group rows, the row's heading, e.g. 「職員（2行目）」.
    pub row_heading: Option<String>,
    /// As the user should read it: choices as labels, dates with the era, declarations as 「はい」.
    pub value: String,
}

impl ReviewRow {
    /// The label with its row's heading, as the review page and notices name the item:
    /// 「職員（2行目）　氏名」.
    pub fn full_label(&self) -> String {
        match &self.row_heading {
            Some(h) => format!(
                "{h}{}{}",
                crate::text::current::HEADING_SEPARATOR(),
                self.label
            ),
            None => self.label.clone(),
        }
    }
}

/// The rows of the check-your-answers page for `normalised` (the answers from a
/// [`super::CheckReport`]).
pub fn review_rows(def: &FormDefinition, normalised: &Answers) -> Vec<ReviewRow> {
    let mut rows = Vec::new();
    for page in &def.pages {
        for item in &page.items {
            match item {
                Item::Field(f) => {
                    let value = normalised.get(&f.id);
                    if f.only_for.is_some() && is_empty(value) {
                        continue;
                    }
                    rows.push(ReviewRow {
                        page: page.id.clone(),
                        path: f.id.clone(),
                        label: f.label.clone(),
                        row_heading: None,
                        value: display_value(f, value),
                    });
                }
                Item::Group(g) => {
                    let Some(Value::Array(items)) = normalised.get(&g.id) else {
                        continue;
                    };
                    for (i, row) in items.iter().enumerate() {
                        let heading = t::row_heading(&g.row_label, i);
                        for f in &g.fields {
                            let value = row.get(&f.id);
                            if f.only_for.is_some() && is_empty(value) {
                                continue;
                            }
                            rows.push(ReviewRow {
                                page: page.id.clone(),
                                path: format!("{}[{i}].{}", g.id, f.id),
                                label: f.label.clone(),
                                row_heading: Some(heading.clone()),
                                value: display_value(f, value),
                            });
                        }
                    }
                }
                Item::Computed(_) => {}
            }
        }
    }
    rows
}

/// A value as the review page shows it.
pub fn display_value(f: &FieldDefinition, v: Option<&Value>) -> String {
    if let FieldKind::Declaration { .. } = f.kind {
        return if matches!(v, Some(Value::Bool(true))) {
            t::YES()
        } else {
            t::NO()
        }
        .to_string();
    }
    let Some(s) = v.and_then(scalar_text).filter(|s| !s.trim().is_empty()) else {
        return t::NOT_ENTERED().to_string();
    };
    let with_unit = |value: String, unit: &Option<String>| match unit {
        Some(u) => format!("{value}{u}"),
        None => value,
    };
    match &f.kind {
        FieldKind::Integer { unit, .. } => match Decimal::parse(&s) {
            Ok(d) => with_unit(d.to_grouped(), unit),
            Err(_) => s,
        },
        FieldKind::Decimal { unit, .. } => with_unit(s, unit),
        FieldKind::WeeklyHours => format!("{s}{}", t::UNIT_HOURS()),
        FieldKind::Date { .. } => parse_iso_date(&s).map(format_date).unwrap_or(s),
        FieldKind::Choice { options } => options
            .iter()
            .find(|o| o.value == s)
            .map(|o| o.label.clone())
            .unwrap_or(s),
        _ => s,
    }
}

#[cfg(test)]
mod full_label_tests {
    use super::ReviewRow;

    #[test]
    fn rows_inside_a_group_are_named_with_their_heading() {
        let mut r = ReviewRow {
            page: "p".into(),
            path: "staff[0].name".into(),
            label: "氏名".into(),
            row_heading: None,
            value: "山田".into(),
        };
        assert_eq!(r.full_label(), "氏名");
        r.row_heading = Some("医師 1".into());
        assert_eq!(r.full_label(), "医師 1　氏名");
    }
}
