//! What the check needs beyond the answers ([`CheckContext`]) and what it returns
//! ([`CheckReport`]: normalised answers, computed values that explain themselves, issues).

use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::{Date, Month};

use super::Answers;
use super::fields::is_empty;
use super::issue::{Issue, Severity};
use crate::institution::{FeeScheduleClass, InstitutionCode};

/// `YYYY-MM-DD` (de)serialisation for dates in the context.
mod iso_date {
    time::serde::format_description!(pub format, Date, "[year]-[month]-[day]");
}

/// What the check needs to know beyond the answers. The server fills it from the session and
/// its configuration; the browser from the session it was given.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckContext {
    /// The signed-in account's class: decides class-only fields and the class digit check.
    pub class: FeeScheduleClass,
    /// The signed-in account's code: prefills empty institution code fields, and a different
    /// code is an error.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub institution_code: Option<InstitutionCode>,
    /// Today in Japan: date windows are counted from it.
    #[serde(with = "iso_date::format")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub today: Date,
    /// 定例報告の報告基準日 (configuration; 1 August of the year since FY2024).
    #[serde(with = "iso_date::format")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub periodic_report_as_of: Date,
}

impl CheckContext {
    /// A context with no account code and the default as-of date ([`Self::default_as_of`]).
    pub fn new(class: FeeScheduleClass, today: Date) -> Self {
        Self {
            class,
            institution_code: None,
            today,
            periodic_report_as_of: Self::default_as_of(today),
        }
    }

    pub fn with_institution_code(mut self, code: InstitutionCode) -> Self {
        self.institution_code = Some(code);
        self
    }

    /// 1 August of `today`'s year: the 定例報告 as-of date since FY2024 *(configuration)*.
    pub fn default_as_of(today: Date) -> Date {
        Date::from_calendar_date(today.year(), Month::August, 1).expect("1 August exists")
    }
}

/// A label and a value, both for display.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NamedValue {
    pub label: String,
    pub value: String,
}

impl NamedValue {
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            value: value.into(),
        }
    }
}

/// A value the check computed, with everything needed to explain it to the user.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ComputedValue {
    /// Unique within a report, e.g. `per10k.night_holiday` or `fte.staff[3]`.
    pub id: String,
    /// The [`super::ComputedDefinition`] id where it shows (several values may share one).
    pub section: String,
    pub label: String,
    /// The rule in Japanese words, e.g. 「実績回数 ÷ max(処方箋受付回数, 10,000) × 10,000」.
    pub formula: String,
    /// The inputs it used, as displayed.
    pub inputs: Vec<NamedValue>,
    /// The result as displayed (fixed decimals, with unit where there is one).
    pub result: String,
    /// What the result is compared with, e.g. 「40以上」.
    pub threshold: Option<String>,
    /// Whether the threshold is met.
    pub met: Option<bool>,
    /// The field or row the value belongs to, when there is one (`staff[2]`).
    pub path: Option<String>,
}

/// Everything the one check found.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckReport {
    /// The answers after normalisation (half-width codes, katakana furigana, `YYYY-MM-DD` dates,
    /// fixed-scale decimals). Values that failed their check are kept as typed. Empty values and
    /// keys the definition does not know are left out.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub normalised: Answers,
    pub computed: Vec<ComputedValue>,
    /// In page order, then field order.
    pub issues: Vec<Issue>,
}

impl CheckReport {
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues
            .iter()
            .filter(|i| i.severity == Severity::Warning)
    }

    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }

    pub fn issues_on_page(&self, page: &str) -> Vec<&Issue> {
        self.issues.iter().filter(|i| i.page == page).collect()
    }

    /// Issues for one path.
    pub fn issues_at(&self, path: &str) -> Vec<&Issue> {
        self.issues.iter().filter(|i| i.path == path).collect()
    }

    /// Keys of the warnings not in `acknowledged`: submission may go ahead when this is empty
    /// and there are no errors.
    pub fn unacknowledged_warnings<'a>(&'a self, acknowledged: &'a [String]) -> Vec<&'a Issue> {
        self.warnings()
            .filter(|w| !acknowledged.contains(&w.key()))
            .collect()
    }

    pub fn computed_value(&self, id: &str) -> Option<&ComputedValue> {
        self.computed.iter().find(|c| c.id == id)
    }

    /// Paths whose typed value was rewritten by normalisation (full-width digits made half-width,
    /// half-width kana made full-width, …), so the page can tell the user what changed. Values
    /// that were left empty (e.g. a prefilled institution code) or kept as typed are not listed.
    pub fn changed_by_normalisation(&self, answers: &Answers) -> Vec<String> {
        let differs = |typed: Option<&Value>, normalised: Option<&Value>| match (typed, normalised)
        {
            (Some(t), Some(n)) => !is_empty(Some(t)) && t != n,
            _ => false,
        };
        let mut paths = Vec::new();
        for (key, normalised) in &self.normalised {
            match (answers.get(key), normalised) {
                (Some(Value::Array(typed_rows)), Value::Array(rows)) => {
                    for (i, (typed, row)) in typed_rows.iter().zip(rows).enumerate() {
                        let Value::Object(row) = row else { continue };
                        for (field, n) in row {
                            if differs(typed.get(field), Some(n)) {
                                paths.push(format!("{key}[{i}].{field}"));
                            }
                        }
                    }
                }
                (typed, n) => {
                    if differs(typed, Some(n)) {
                        paths.push(key.clone());
                    }
                }
            }
        }
        paths
    }
}
