//! Declarative form definitions: pages, fields, repeatable row groups and the places where
//! computed values show. Definitions are plain data (JSON-serialisable) so the server can publish
//! them and the browser can render them; the rules that span several fields live beside each
//! definition in `catalogue/` and are found by the form's `id` and `version`.

use serde::{Deserialize, Serialize};

use crate::institution::FeeScheduleClass;

/// One procedure (届出・申請) at one fee revision.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FormDefinition {
    /// Stable identifier, e.g. `staff-change`.
    pub id: String,
    /// The fee revision whose rules the form follows, e.g. `2024`. Every submission records it.
    pub version: String,
    pub title: String,
    pub description: String,
    /// The fee-schedule classes whose accounts may file this form.
    pub classes: Vec<FeeScheduleClass>,
    /// In the order the wizard shows them; one topic per page.
    pub pages: Vec<PageDefinition>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PageDefinition {
    pub id: String,
    /// The page heading (the question or the section).
    pub title: String,
    #[serde(default)]
    pub intro: Option<String>,
    pub items: Vec<Item>,
}

/// Something on a page.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Item {
    Field(FieldDefinition),
    Group(GroupDefinition),
    Computed(ComputedDefinition),
}

/// Repeatable rows (a table): the answer under `id` is an array of row objects, each keyed by
/// the group's field ids. Paths inside are `id[row].field`, rows counted from 0.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GroupDefinition {
    pub id: String,
    pub label: String,
    /// What one row is called in messages and on the review page, e.g. 「職員」 → 「職員（3行目）」.
    pub row_label: String,
    pub min_rows: usize,
    pub max_rows: usize,
    pub fields: Vec<FieldDefinition>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldDefinition {
    pub id: String,
    pub label: String,
    /// Support text with an example, shown under the label.
    #[serde(default)]
    pub hint: Option<String>,
    /// 「※必須」 when true, 「※任意」 when false. A required field left empty is an error.
    pub required: bool,
    pub kind: FieldKind,
    /// Shown and checked only for these classes (e.g. the department, 医科 only). `None`: all.
    #[serde(default)]
    pub only_for: Option<Vec<FeeScheduleClass>>,
}

/// What a field holds, and so how it is normalised and checked. See the module documentation of
/// [`crate::forms`] for the JSON value each kind expects in the answers.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FieldKind {
    /// Free text, trimmed, at most `max_chars` characters.
    Text { max_chars: usize },
    /// Full-width katakana; half-width katakana and hiragana are converted.
    Furigana { max_chars: usize },
    /// Whole number in `min..=max`; full-width digits, thousands commas (in groups of three)
    /// and `unit` typed after the number accepted. `unit` is shown beside the input.
    Integer {
        min: i64,
        max: i64,
        unit: Option<String>,
    },
    /// Exact decimal with at most `scale` decimals in `min..=max` (decimal strings);
    /// normalised to exactly `scale` decimals. Commas and `unit` as for `Integer`.
    Decimal {
        scale: u32,
        min: String,
        max: String,
        unit: Option<String>,
    },
    /// `YYYY-MM-DD`. When set, the date may be at most `not_before_days` days before the
    /// context's `today` and at most `not_after_days` days after it.
    Date {
        not_before_days: Option<i64>,
        not_after_days: Option<i64>,
    },
    /// One of the options, stored by `value`.
    Choice { options: Vec<ChoiceOption> },
    /// A checkbox the user must tick (JSON `true`) to confirm `statement`.
    Declaration { statement: String },
    /// 医療機関コード / 薬局コード (10 digits). Prefilled from the context when left empty.
    InstitutionCode,
    /// 保険医 / 保険薬剤師 登録の記号及び番号, e.g. 阪医52752.
    RegistrationNumber,
    /// Telephone number: 10 or 11 digits, hyphens allowed.
    Phone,
    /// 郵便番号: 7 digits, normalised to `123-4567`.
    PostalCode,
    /// Hours a week: one decimal place, more than 0 and at most 168; above 80 is a warning.
    /// The unit is 時間 (`32時間`, `32h` accepted).
    WeeklyHours,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChoiceOption {
    pub value: String,
    pub label: String,
}

/// Where on a page the live computed values with this `id` as their `section` show.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ComputedDefinition {
    pub id: String,
    pub label: String,
}

impl FieldDefinition {
    /// Whether the field is shown and checked for an account of `class`.
    pub fn applies_to(&self, class: FeeScheduleClass) -> bool {
        self.only_for.as_ref().is_none_or(|c| c.contains(&class))
    }
}

impl ChoiceOption {
    pub fn new(value: &str, label: &str) -> Self {
        Self {
            value: value.to_string(),
            label: label.to_string(),
        }
    }
}

/// Where a path points in a definition: the page, the item, and for group rows the row and field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Located<'a> {
    pub page_index: usize,
    pub page: &'a PageDefinition,
    pub item_index: usize,
    pub row: Option<usize>,
    pub field_index: usize,
    pub field: Option<&'a FieldDefinition>,
}

/// Splits `staff[2].weekly_hours` into (`staff`, Some(2), Some(`weekly_hours`)).
pub(crate) fn split_path(path: &str) -> (&str, Option<usize>, Option<&str>) {
    let Some((head, rest)) = path.split_once('[') else {
        return (path, None, None);
    };
    let Some((index, tail)) = rest.split_once(']') else {
        return (head, None, None);
    };
    let field = tail.strip_prefix('.').filter(|f| !f.is_empty());
    (head, index.parse().ok(), field)
}

impl FormDefinition {
    /// Finds the page and item a field path (`contact_phone`, `staff[2].weekly_hours`, `staff`)
    /// belongs to.
    pub(crate) fn locate(&self, path: &str) -> Option<Located<'_>> {
        let (head, row, field_id) = split_path(path);
        for (page_index, page) in self.pages.iter().enumerate() {
            for (item_index, item) in page.items.iter().enumerate() {
                match item {
                    Item::Field(f) if f.id == head => {
                        return Some(Located {
                            page_index,
                            page,
                            item_index,
                            row: None,
                            field_index: 0,
                            field: Some(f),
                        });
                    }
                    Item::Group(g) if g.id == head => {
                        let found = field_id
                            .and_then(|id| g.fields.iter().enumerate().find(|(_, f)| f.id == id));
                        return Some(Located {
                            page_index,
                            page,
                            item_index,
                            row,
                            field_index: found.map_or(0, |(i, _)| i),
                            field: found.map(|(_, f)| f),
                        });
                    }
                    Item::Computed(c) if c.id == head => {
                        return Some(Located {
                            page_index,
                            page,
                            item_index,
                            row,
                            field_index: 0,
                            field: None,
                        });
                    }
                    _ => {}
                }
            }
        }
        None
    }

    /// The field definition with this id on any page (top-level fields only).
    pub fn field(&self, id: &str) -> Option<&FieldDefinition> {
        self.locate(id)
            .and_then(|l| l.field)
            .filter(|_| !id.contains('['))
    }

    /// The group definition with this id.
    pub fn group(&self, id: &str) -> Option<&GroupDefinition> {
        self.pages
            .iter()
            .flat_map(|p| &p.items)
            .find_map(|i| match i {
                Item::Group(g) if g.id == id => Some(g),
                _ => None,
            })
    }

    /// Every field and group id, for checking that a definition has no duplicates.
    pub fn ids(&self) -> Vec<&str> {
        self.pages
            .iter()
            .flat_map(|p| &p.items)
            .map(|i| match i {
                Item::Field(f) => f.id.as_str(),
                Item::Group(g) => g.id.as_str(),
                Item::Computed(c) => c.id.as_str(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_split_into_group_row_and_field() {
        assert_eq!(split_path("contact_phone"), ("contact_phone", None, None));
        assert_eq!(
            split_path("staff[2].weekly_hours"),
            ("staff", Some(2), Some("weekly_hours"))
        );
        assert_eq!(split_path("staff[10]"), ("staff", Some(10), None));
        assert_eq!(split_path("staff[x].name"), ("staff", None, Some("name")));
    }
}
