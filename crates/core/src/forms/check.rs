//! The one check: field normalisation and validation driven by the definition, then the form's
//! own cross-field rules (`catalogue`), then issues sorted into page and field order.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::{Date, Duration, Month};

use super::decimal::{Decimal, DecimalError, comma_as_decimal_point};
use super::definition::{FieldDefinition, FieldKind, FormDefinition, Item, split_path};
use super::kana::normalise_furigana;
use super::registration::{Profession, RegistrationNumber, RegistrationNumberError};
use super::{Answers, catalogue};
use crate::era::format_date;
use crate::institution::{FeeScheduleClass, InstitutionCode, InstitutionCodeError};
use crate::text::ja::forms as t;
use crate::width::to_half_width;

/// Hours in a week: the most a weekly-hours field accepts.
pub const MAX_WEEKLY_HOURS: i64 = 168;
/// Weekly hours above this are a warning (possible, but more likely a typing slip).
pub const UNUSUAL_WEEKLY_HOURS: i64 = 80;

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

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Blocks submission.
    Error,
    /// Does not block, but must be acknowledged (by [`Issue::key`]) before submission.
    Warning,
}

/// One problem with the answers.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Issue {
    /// The field: `contact_phone`, `staff[2].weekly_hours` (rows from 0), or a group id.
    pub path: String,
    /// The id of the page holding the field, for the error summary's links and 「変更」.
    pub page: String,
    pub severity: Severity,
    /// Machine-readable, stable across versions (see the list in [`crate::forms`]).
    pub code: String,
    /// Japanese, says what to do.
    pub message: String,
}

impl Issue {
    /// The stable identifier of this issue, `code@path`, that an acknowledgement of a warning
    /// refers to. A changed value that still fails keeps its key; a different failure does not.
    pub fn key(&self) -> String {
        format!("{}@{}", self.code, self.path)
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
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

/// Runs every check of `def` on `answers`. The browser and the server call this same function.
pub fn check(def: &FormDefinition, answers: &Answers, ctx: &CheckContext) -> CheckReport {
    let mut c = Checker {
        def,
        ctx,
        normalised: Answers::new(),
        computed: Vec::new(),
        issues: Vec::new(),
        invalid: BTreeSet::new(),
    };
    for page in &def.pages {
        for item in &page.items {
            match item {
                Item::Field(f) if f.applies_to(ctx.class) => {
                    c.field(f, answers.get(&f.id), &f.id, "")
                }
                Item::Group(g) => c.group(g, answers.get(&g.id)),
                _ => {}
            }
        }
    }
    catalogue::apply_rules(&mut c);
    c.sort_issues();
    CheckReport {
        normalised: c.normalised,
        computed: c.computed,
        issues: c.issues,
    }
}

/// The rows of the check-your-answers page for `normalised` (the answers from a [`CheckReport`]).
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

fn is_empty(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(Value::Bool(b)) => !b,
        _ => false,
    }
}

/// A value as the review page shows it.
pub fn display_value(f: &FieldDefinition, v: Option<&Value>) -> String {
    if let FieldKind::Declaration { .. } = f.kind {
        return if matches!(v, Some(Value::Bool(true))) {
            t::YES
        } else {
            t::NO
        }
        .to_string();
    }
    let Some(s) = v.and_then(scalar_text).filter(|s| !s.trim().is_empty()) else {
        return t::NOT_ENTERED.to_string();
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
        FieldKind::WeeklyHours => format!("{s}{}", t::UNIT_HOURS),
        FieldKind::Date { .. } => parse_iso_date(&s).map(format_date).unwrap_or(s),
        FieldKind::Choice { options } => options
            .iter()
            .find(|o| o.value == s)
            .map(|o| o.label.clone())
            .unwrap_or(s),
        _ => s,
    }
}

/// Parses the canonical `YYYY-MM-DD`.
pub fn parse_iso_date(s: &str) -> Option<Date> {
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let month = Month::try_from(m.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok()
}

/// A date as people type it into one box: `2026-04-01`, `2026/4/1`, `2026.4.1` or
/// `2026年4月1日`, with full-width digits too. `None` when it is not a real date.
pub fn parse_typed_date(s: &str) -> Option<Date> {
    let half = crate::width::to_half_width(s.trim()).value;
    let unified: String = half
        .chars()
        .map(|c| match c {
            '/' | '.' | '年' | '月' => '-',
            c => c,
        })
        .collect();
    let unified = unified.trim_end_matches('日');
    let mut parts = unified.split('-').map(str::trim);
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |p: &str, max: usize| {
        !p.is_empty() && p.len() <= max && p.bytes().all(|b| b.is_ascii_digit())
    };
    if parts.next().is_some() || y.len() != 4 || !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
        return None;
    }
    let month = Month::try_from(m.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok()
}

pub fn format_iso_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// A JSON scalar as the text the user typed. Floating-point JSON numbers are refused (`None`):
/// decimals travel as strings so that no binary floating point is ever involved.
fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) if n.is_i64() || n.is_u64() => Some(n.to_string()),
        _ => None,
    }
}

/// The result of checking one field.
struct FieldResult {
    /// What goes into the normalised answers (`None`: leave the key out).
    value: Option<Value>,
    /// Problems found; any error makes the field invalid for the cross-field rules.
    issues: Vec<(Severity, &'static str, String)>,
}

impl FieldResult {
    fn ok(value: Value) -> Self {
        Self {
            value: Some(value),
            issues: Vec::new(),
        }
    }

    fn empty() -> Self {
        Self {
            value: None,
            issues: Vec::new(),
        }
    }

    fn error(raw: Option<&Value>, code: &'static str, message: String) -> Self {
        Self {
            value: raw.cloned(),
            issues: vec![(Severity::Error, code, message)],
        }
    }
}

/// The state of one check run, handed to each form's rules.
pub(crate) struct Checker<'a> {
    pub def: &'a FormDefinition,
    pub ctx: &'a CheckContext,
    pub normalised: Answers,
    pub computed: Vec<ComputedValue>,
    pub issues: Vec<Issue>,
    /// Paths whose value failed its own check: rules skip them instead of piling on.
    invalid: BTreeSet<String>,
}

impl Checker<'_> {
    fn page_of(&self, path: &str) -> String {
        self.def
            .locate(path)
            .map(|l| l.page.id.clone())
            .unwrap_or_default()
    }

    pub fn issue(&mut self, path: &str, severity: Severity, code: &str, message: String) {
        let page = self.page_of(path);
        self.issues.push(Issue {
            path: path.to_string(),
            page,
            severity,
            code: code.to_string(),
            message,
        });
    }

    pub fn error(&mut self, path: &str, code: &str, message: String) {
        self.issue(path, Severity::Error, code, message);
    }

    pub fn warning(&mut self, path: &str, code: &str, message: String) {
        self.issue(path, Severity::Warning, code, message);
    }

    pub fn push_computed(&mut self, value: ComputedValue) {
        self.computed.push(value);
    }

    /// The normalised value at a path (`name` or `staff[2].name`).
    pub fn value(&self, path: &str) -> Option<&Value> {
        match split_path(path) {
            (head, None, None) => self.normalised.get(head),
            (head, Some(row), Some(field)) => {
                self.normalised.get(head)?.as_array()?.get(row)?.get(field)
            }
            _ => None,
        }
    }

    /// The normalised text at a path when it is present and passed its own check.
    pub fn text(&self, path: &str) -> Option<&str> {
        if self.invalid.contains(path) {
            return None;
        }
        self.value(path)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    }

    pub fn decimal(&self, path: &str) -> Option<Decimal> {
        self.text(path).and_then(|s| Decimal::parse(s).ok())
    }

    pub fn integer(&self, path: &str) -> Option<i64> {
        self.text(path).and_then(|s| s.parse().ok())
    }

    pub fn is_present(&self, path: &str) -> bool {
        !is_empty(self.value(path))
    }

    /// Rows in a group's normalised answer.
    pub fn row_count(&self, group: &str) -> usize {
        self.normalised
            .get(group)
            .and_then(Value::as_array)
            .map_or(0, Vec::len)
    }

    /// Whether the field passed its own check (or was empty).
    pub fn is_valid(&self, path: &str) -> bool {
        !self.invalid.contains(path)
    }

    /// Sets a value in the normalised answers that the check itself decides (e.g. the as-of date).
    pub fn set(&mut self, key: &str, value: Value) {
        self.normalised.insert(key.to_string(), value);
    }

    fn field(&mut self, f: &FieldDefinition, raw: Option<&Value>, path: &str, context: &str) {
        let result = check_field(f, raw, self.ctx, context);
        if let Some(v) = result.value.clone() {
            // Top-level fields go straight in; row fields are put in by `group`.
            if !path.contains('[') {
                self.normalised.insert(f.id.clone(), v);
            }
        }
        if result.issues.iter().any(|(s, _, _)| *s == Severity::Error) {
            self.invalid.insert(path.to_string());
        }
        for (severity, code, message) in result.issues {
            self.issue(path, severity, code, message);
        }
    }

    fn field_in_row(
        &mut self,
        f: &FieldDefinition,
        raw: Option<&Value>,
        path: &str,
        context: &str,
    ) -> Option<Value> {
        let result = check_field(f, raw, self.ctx, context);
        if result.issues.iter().any(|(s, _, _)| *s == Severity::Error) {
            self.invalid.insert(path.to_string());
        }
        for (severity, code, message) in result.issues {
            self.issue(path, severity, code, message);
        }
        result.value
    }

    fn group(&mut self, g: &super::GroupDefinition, raw: Option<&Value>) {
        let rows: &[Value] = match raw {
            None | Some(Value::Null) => &[],
            Some(Value::Array(rows)) => rows,
            Some(_) => {
                self.error(&g.id, "invalid_type", t::invalid_type("", &g.label));
                self.invalid.insert(g.id.clone());
                return;
            }
        };
        if rows.len() < g.min_rows {
            self.error(
                &g.id,
                "group_too_few_rows",
                t::group_too_few_rows(&g.label, &g.row_label, g.min_rows),
            );
        }
        if rows.len() > g.max_rows {
            self.error(
                &g.id,
                "group_too_many_rows",
                t::group_too_many_rows(&g.label, g.max_rows, rows.len()),
            );
        }
        let mut out = Vec::with_capacity(rows.len());
        let empty = serde_json::Map::new();
        for (i, row) in rows.iter().enumerate() {
            let row_path = format!("{}[{i}]", g.id);
            let fields = match row {
                Value::Object(m) => m,
                _ => {
                    self.error(
                        &row_path,
                        "group_row_invalid",
                        t::group_row_invalid(&g.row_label, i),
                    );
                    self.invalid.insert(row_path.clone());
                    &empty
                }
            };
            let context = t::row_context(&g.row_label, i);
            let mut normalised_row = serde_json::Map::new();
            for f in g.fields.iter().filter(|f| f.applies_to(self.ctx.class)) {
                let path = format!("{row_path}.{}", f.id);
                if let Some(v) = self.field_in_row(f, fields.get(&f.id), &path, &context) {
                    normalised_row.insert(f.id.clone(), v);
                }
            }
            out.push(Value::Object(normalised_row));
        }
        self.normalised.insert(g.id.clone(), Value::Array(out));
    }

    /// Sorts issues by page, then item, then row, then field, keeping the order of issues that
    /// share a position (field checks before the rules that build on them).
    fn sort_issues(&mut self) {
        let def = self.def;
        self.issues
            .sort_by_cached_key(|i| match def.locate(&i.path) {
                Some(l) => (
                    l.page_index,
                    l.item_index,
                    l.row.map_or(0, |r| r + 1),
                    l.field_index,
                ),
                None => (usize::MAX, 0, 0, 0),
            });
    }
}

/// Normalises and checks one value. `context` prefixes messages for row fields (「職員（2行目）の」).
fn check_field(
    f: &FieldDefinition,
    raw: Option<&Value>,
    ctx: &CheckContext,
    context: &str,
) -> FieldResult {
    let label = f.label.as_str();
    // Declarations are booleans; everything else is text.
    if let FieldKind::Declaration { .. } = f.kind {
        let checked = match raw {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(Value::String(s)) if s == "true" => true,
            Some(Value::String(s)) if s == "false" || s.is_empty() => false,
            Some(_) => {
                return FieldResult::error(raw, "invalid_type", t::invalid_type(context, label));
            }
        };
        return if checked {
            FieldResult::ok(Value::Bool(true))
        } else if f.required {
            FieldResult {
                value: None,
                issues: vec![(
                    Severity::Error,
                    "declaration_required",
                    t::declaration_required(label),
                )],
            }
        } else {
            FieldResult::empty()
        };
    }
    let text = match raw {
        None | Some(Value::Null) => String::new(),
        Some(v) => match scalar_text(v) {
            Some(s) => s,
            None => {
                return FieldResult::error(raw, "invalid_type", t::invalid_type(context, label));
            }
        },
    };
    let trimmed = text.trim();
    if trimmed.is_empty() {
        if let (FieldKind::InstitutionCode, Some(code)) = (&f.kind, &ctx.institution_code) {
            return check_institution_code(code.as_str(), raw, ctx);
        }
        if !f.required {
            return FieldResult::empty();
        }
        let message = match f.kind {
            FieldKind::Choice { .. } => t::required_choice(context, label),
            _ => t::required_input(context, label),
        };
        return FieldResult {
            value: raw.cloned(),
            issues: vec![(Severity::Error, "required", message)],
        };
    }
    let s = |v: String| FieldResult::ok(Value::String(v));
    match &f.kind {
        FieldKind::Text { max_chars } => {
            let len = trimmed.chars().count();
            if len > *max_chars {
                return FieldResult::error(
                    raw,
                    "too_long",
                    t::too_long(context, label, *max_chars, len),
                );
            }
            s(trimmed.to_string())
        }
        FieldKind::Furigana { max_chars } => {
            let k = normalise_furigana(trimmed);
            if !k.valid {
                return FieldResult::error(
                    raw,
                    "furigana_not_katakana",
                    t::furigana_not_katakana(context, label),
                );
            }
            let len = k.value.chars().count();
            if len > *max_chars {
                return FieldResult::error(
                    raw,
                    "too_long",
                    t::too_long(context, label, *max_chars, len),
                );
            }
            s(k.value)
        }
        FieldKind::Integer { min, max, unit } => {
            let number =
                match number_text(trimmed, raw, unit.as_deref().unwrap_or(""), context, label) {
                    Ok(n) => n,
                    Err(e) => return e,
                };
            let d = match Decimal::parse(&number) {
                Ok(d) => d,
                Err(DecimalError::Grouping) => {
                    return comma_misplaced(trimmed, &number, raw, 0, context, label);
                }
                Err(_) => {
                    return FieldResult::error(
                        raw,
                        "integer_shape",
                        t::integer_shape(context, label),
                    );
                }
            };
            let Some(n) = d.to_i128_exact() else {
                return FieldResult::error(raw, "integer_shape", t::integer_shape(context, label));
            };
            if n < i128::from(*min) || n > i128::from(*max) {
                let unit = unit.as_deref().unwrap_or("");
                let (lo, hi) = (
                    Decimal::from(*min).to_grouped(),
                    Decimal::from(*max).to_grouped(),
                );
                return FieldResult::error(
                    raw,
                    "out_of_range",
                    t::out_of_range(context, label, &lo, &hi, unit),
                );
            }
            s(n.to_string())
        }
        FieldKind::Decimal {
            scale,
            min,
            max,
            unit,
        } => {
            let unit = unit.as_deref().unwrap_or("");
            let (min, max) = (Decimal::parse(min).ok(), Decimal::parse(max).ok());
            check_decimal(trimmed, raw, *scale, min, max, context, label, unit)
        }
        FieldKind::WeeklyHours => {
            let result = check_decimal(trimmed, raw, 1, None, None, context, label, t::UNIT_HOURS);
            let v = match &result.value {
                Some(Value::String(v)) if result.issues.is_empty() => v.clone(),
                _ => return result,
            };
            let hours = Decimal::parse(&v).unwrap_or(Decimal::ZERO);
            if hours <= Decimal::ZERO || hours > Decimal::from(MAX_WEEKLY_HOURS) {
                return FieldResult::error(
                    raw,
                    "out_of_range",
                    t::weekly_hours_range(context, label),
                );
            }
            let mut result = result;
            if hours > Decimal::from(UNUSUAL_WEEKLY_HOURS) {
                result.issues.push((
                    Severity::Warning,
                    "weekly_hours_unusual",
                    t::weekly_hours_unusual(context, label, &v),
                ));
            }
            result
        }
        FieldKind::Date {
            not_before_days,
            not_after_days,
        } => {
            let date = match parse_date_input(trimmed) {
                Ok(d) => d,
                Err(DateInputError::Incomplete) => {
                    return FieldResult::error(
                        raw,
                        "date_incomplete",
                        t::date_incomplete(context, label),
                    );
                }
                Err(DateInputError::Shape) => {
                    return FieldResult::error(raw, "date_shape", t::date_shape(context, label));
                }
                Err(DateInputError::NoSuchDay { year, month, day }) => {
                    return FieldResult::error(
                        raw,
                        "date_invalid",
                        t::date_invalid(context, label, year, month, day),
                    );
                }
            };
            if let Some(days) = not_before_days {
                let earliest = ctx
                    .today
                    .checked_sub(Duration::days(*days))
                    .unwrap_or(Date::MIN);
                if date < earliest {
                    return FieldResult::error(
                        raw,
                        "date_too_early",
                        t::date_too_early(context, label, &format_date(earliest)),
                    );
                }
            }
            if let Some(days) = not_after_days {
                let latest = ctx
                    .today
                    .checked_add(Duration::days(*days))
                    .unwrap_or(Date::MAX);
                if date > latest {
                    return FieldResult::error(
                        raw,
                        "date_too_late",
                        t::date_too_late(context, label, &format_date(latest)),
                    );
                }
            }
            s(format_iso_date(date))
        }
        FieldKind::Choice { options } => match options
            .iter()
            .find(|o| o.value == trimmed || o.label == trimmed)
        {
            Some(o) => s(o.value.clone()),
            None => FieldResult::error(raw, "choice_unknown", t::choice_unknown(context, label)),
        },
        FieldKind::Declaration { .. } => unreachable!("handled above"),
        FieldKind::InstitutionCode => check_institution_code(trimmed, raw, ctx),
        FieldKind::RegistrationNumber => match RegistrationNumber::parse(trimmed) {
            Ok(r) => {
                let expected = Profession::for_class(ctx.class);
                if r.profession != expected {
                    return FieldResult::error(
                        raw,
                        "registration_number_profession",
                        t::registration_number_profession(
                            context,
                            label,
                            r.profession.kanji(),
                            ctx.class.label(),
                            expected.kanji(),
                        ),
                    );
                }
                s(r.to_string())
            }
            Err(RegistrationNumberError::UnknownPrefecture) => {
                let first = trimmed.chars().next().unwrap_or(' ');
                FieldResult::error(
                    raw,
                    "registration_number_prefecture",
                    t::registration_number_prefecture(context, label, first),
                )
            }
            Err(_) => FieldResult::error(
                raw,
                "registration_number_shape",
                t::registration_number_shape(context, label),
            ),
        },
        FieldKind::Phone => {
            let half = to_half_width(trimmed).value;
            let ok_chars = half
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | '(' | ')' | ' '));
            let digits: String = half.chars().filter(char::is_ascii_digit).collect();
            if !ok_chars || !(10..=11).contains(&digits.len()) || !digits.starts_with('0') {
                return FieldResult::error(raw, "phone_shape", t::phone_shape(context, label));
            }
            let groups: Vec<&str> = half
                .split(|c: char| !c.is_ascii_digit())
                .filter(|g| !g.is_empty())
                .collect();
            s(groups.join("-"))
        }
        FieldKind::PostalCode => {
            let half = to_half_width(trimmed).value;
            let body = half.trim_start_matches('〒').trim();
            let ok_chars = body
                .chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c == ' ');
            let digits: String = body.chars().filter(char::is_ascii_digit).collect();
            if !ok_chars || digits.len() != 7 {
                return FieldResult::error(
                    raw,
                    "postal_code_shape",
                    t::postal_code_shape(context, label),
                );
            }
            s(format!("{}-{}", &digits[..3], &digits[3..]))
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn check_decimal(
    text: &str,
    raw: Option<&Value>,
    scale: u32,
    min: Option<Decimal>,
    max: Option<Decimal>,
    context: &str,
    label: &str,
    unit: &str,
) -> FieldResult {
    let number = match number_text(text, raw, unit, context, label) {
        Ok(n) => n,
        Err(e) => return e,
    };
    let d = match Decimal::parse(&number) {
        Ok(d) => d,
        Err(DecimalError::Grouping) => {
            return comma_misplaced(text, &number, raw, scale, context, label);
        }
        Err(DecimalError::Empty | DecimalError::Shape | DecimalError::TooLong) => {
            return FieldResult::error(
                raw,
                "decimal_shape",
                t::decimal_shape(context, label, scale),
            );
        }
    };
    let Some(d) = d.rescale_exact(scale) else {
        return FieldResult::error(
            raw,
            "decimal_scale",
            t::decimal_scale(context, label, scale),
        );
    };
    let below = min.is_some_and(|m| d < m);
    let above = max.is_some_and(|m| d > m);
    if below || above {
        let lo = min.map(|m| m.to_string()).unwrap_or_default();
        let hi = max.map(|m| m.to_string()).unwrap_or_default();
        let message = match (min, max) {
            (Some(_), Some(_)) => t::out_of_range(context, label, &lo, &hi, unit),
            (None, Some(_)) => t::at_most(context, label, &hi, unit),
            _ => t::at_least(context, label, &lo, unit),
        };
        return FieldResult::error(raw, "out_of_range", message);
    }
    FieldResult::ok(Value::String(d.to_string()))
}

/// The number in a numeric answer, ready for [`Decimal::parse`]. The field's own unit typed after
/// it (`32時間`, `３２ｈ`, `18500回`) is dropped, so the answer is rewritten to the bare number;
/// other trailing text (`10枚` where the unit is 回) is an error that says to drop it, since the
/// number may not mean what the field counts. Text that is not a number followed by a unit is
/// returned as it is for the shape check to report.
fn number_text(
    text: &str,
    raw: Option<&Value>,
    unit: &str,
    context: &str,
    label: &str,
) -> Result<String, FieldResult> {
    let Some((number, suffix)) = split_unit(text) else {
        return Ok(text.to_string());
    };
    if is_unit(&suffix, unit) {
        return Ok(number);
    }
    Err(FieldResult::error(
        raw,
        "number_with_unit",
        t::number_with_unit(context, label, text, &suffix, unit),
    ))
}

/// `(number, suffix)` when `text` (half-width or not) is a number-like start followed by text with
/// no digits in it: `18,500 回` → (`18,500`, `回`). `None` for a bare number, for text that does
/// not start with a digit and for digits after the suffix (`1e5`, `1 2`).
fn split_unit(text: &str) -> Option<(String, String)> {
    let half = to_half_width(text).value;
    let split = half
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '+' | '-')))
        .unwrap_or(half.len());
    let (number, suffix) = (half[..split].trim(), half[split..].trim());
    let has_digit = |s: &str| s.bytes().any(|b| b.is_ascii_digit());
    (has_digit(number) && !suffix.is_empty() && !has_digit(suffix))
        .then(|| (number.to_string(), suffix.to_string()))
}

/// Whether `suffix` names `unit` (empty: the field has none), by the aliases in the text module.
fn is_unit(suffix: &str, unit: &str) -> bool {
    if unit.is_empty() {
        return false;
    }
    let same = |alias: &str| alias.eq_ignore_ascii_case(suffix);
    match t::UNIT_ALIASES.iter().find(|(u, _)| *u == unit) {
        Some((_, aliases)) => aliases.iter().any(|a| same(a)),
        None => same(unit),
    }
}

/// The error for a comma outside groups of three; fields with decimals suggest the comma as a
/// decimal point (`7,5` → `7.5`).
fn comma_misplaced(
    typed: &str,
    number: &str,
    raw: Option<&Value>,
    scale: u32,
    context: &str,
    label: &str,
) -> FieldResult {
    let reading = (scale > 0)
        .then(|| comma_as_decimal_point(number))
        .flatten();
    FieldResult::error(
        raw,
        "number_comma_misplaced",
        t::comma_misplaced(context, label, typed, scale > 0, reading.as_deref()),
    )
}

/// Shape errors and a 点数表 digit that is not the account's are errors; a failed check digit is a
/// warning, because some old codes may predate the rule *(confirm)*.
fn check_institution_code(text: &str, raw: Option<&Value>, ctx: &CheckContext) -> FieldResult {
    let code = match InstitutionCode::parse(text) {
        Ok(c) => c,
        Err(e) => return FieldResult::error(raw, "institution_code_shape", e.to_string()),
    };
    let value = Value::String(code.as_str().to_string());
    if code.verify_class(ctx.class).is_err() {
        return FieldResult {
            value: Some(value),
            issues: vec![(
                Severity::Error,
                "institution_code_class_mismatch",
                t::institution_code_class_mismatch(code.class(), ctx.class),
            )],
        };
    }
    if let Some(account) = &ctx.institution_code
        && account != &code
    {
        return FieldResult {
            value: Some(value),
            issues: vec![(
                Severity::Error,
                "institution_code_account_mismatch",
                t::institution_code_account_mismatch(account.as_str()),
            )],
        };
    }
    let mut result = FieldResult::ok(value);
    if let Err(InstitutionCodeError::CheckDigit { expected }) = code.verify_check_digit() {
        result.issues.push((
            Severity::Warning,
            "institution_code_check_digit",
            t::institution_code_check_digit_warning(expected),
        ));
    }
    result
}

enum DateInputError {
    /// A year, month or day is missing.
    Incomplete,
    Shape,
    NoSuchDay {
        year: i32,
        month: u8,
        day: u8,
    },
}

/// Accepts `2024-08-01`, `2024-8-1`, `2024/8/1`, `2024.8.1`, `2024年8月1日`, full-width digits.
fn parse_date_input(input: &str) -> Result<Date, DateInputError> {
    let half = to_half_width(input).value;
    let unified: String = half
        .trim()
        .trim_end_matches('日')
        .chars()
        .map(|c| {
            if matches!(c, '/' | '.' | '年' | '月') {
                '-'
            } else {
                c
            }
        })
        .collect();
    let parts: Vec<&str> = unified.split('-').map(str::trim).collect();
    if parts.len() != 3 {
        return Err(if parts.len() < 3 {
            DateInputError::Incomplete
        } else {
            DateInputError::Shape
        });
    }
    if parts.iter().any(|p| p.is_empty()) {
        return Err(DateInputError::Incomplete);
    }
    if !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        || parts[0].len() != 4
        || parts[1].len() > 2
        || parts[2].len() > 2
    {
        return Err(DateInputError::Shape);
    }
    let year: i32 = parts[0].parse().map_err(|_| DateInputError::Shape)?;
    let month: u8 = parts[1].parse().map_err(|_| DateInputError::Shape)?;
    let day: u8 = parts[2].parse().map_err(|_| DateInputError::Shape)?;
    Month::try_from(month)
        .ok()
        .and_then(|m| Date::from_calendar_date(year, m, day).ok())
        .ok_or(DateInputError::NoSuchDay { year, month, day })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::definition::{ChoiceOption, GroupDefinition, PageDefinition};
    use proptest::prelude::*;
    use serde_json::json;
    use time::macros::date;

    #[test]
    fn typed_dates_in_the_ways_people_write_them() {
        for typed in [
            "2026-04-01",
            "2026/4/1",
            "2026.04.01",
            "2026年4月1日",
            "２０２６－０４－０１",
            " 2026/04/1 ",
        ] {
            assert_eq!(
                parse_typed_date(typed),
                Some(date!(2026 - 04 - 01)),
                "{typed}"
            );
        }
        for bad in [
            "",
            "2026",
            "2026-4",
            "26/4/1",
            "2026-02-30",
            "2026-13-01",
            "2026-4-1-1",
            "令和8年4月1日",
            "2026-+4-01",
        ] {
            assert_eq!(parse_typed_date(bad), None, "{bad}");
        }
    }

    fn f(id: &str, kind: FieldKind) -> FieldDefinition {
        FieldDefinition {
            id: id.into(),
            label: id.into(),
            hint: None,
            required: false,
            kind,
            only_for: None,
        }
    }

    /// One optional field of every kind, and a group holding a few of them again.
    fn every_kind() -> FormDefinition {
        let fields = vec![
            f("text", FieldKind::Text { max_chars: 5 }),
            f("furigana", FieldKind::Furigana { max_chars: 20 }),
            f(
                "integer",
                FieldKind::Integer {
                    min: -5,
                    max: 100_000,
                    unit: Some("回".into()),
                },
            ),
            f(
                "decimal",
                FieldKind::Decimal {
                    scale: 2,
                    min: "0".into(),
                    max: "99.99".into(),
                    unit: None,
                },
            ),
            f(
                "date",
                FieldKind::Date {
                    not_before_days: None,
                    not_after_days: None,
                },
            ),
            f(
                "choice",
                FieldKind::Choice {
                    options: vec![
                        ChoiceOption::new("a", "選択A"),
                        ChoiceOption::new("b", "選択B"),
                    ],
                },
            ),
            f(
                "declaration",
                FieldKind::Declaration {
                    statement: "確認しました".into(),
                },
            ),
            f("institution_code", FieldKind::InstitutionCode),
            f("registration_number", FieldKind::RegistrationNumber),
            f("phone", FieldKind::Phone),
            f("postal_code", FieldKind::PostalCode),
            f("weekly_hours", FieldKind::WeeklyHours),
        ];
        let group = GroupDefinition {
            id: "rows".into(),
            label: "行".into(),
            row_label: "行".into(),
            min_rows: 0,
            max_rows: 3,
            fields: fields
                .iter()
                .filter(|f| f.id != "institution_code")
                .cloned()
                .collect(),
        };
        let mut items: Vec<Item> = fields.into_iter().map(Item::Field).collect();
        items.push(Item::Group(group));
        FormDefinition {
            id: "every-kind".into(),
            version: "test".into(),
            title: "t".into(),
            description: "d".into(),
            classes: vec![FeeScheduleClass::Medical],
            pages: vec![PageDefinition {
                id: "p".into(),
                title: "p".into(),
                intro: None,
                items,
            }],
        }
    }

    fn ctx() -> CheckContext {
        CheckContext::new(FeeScheduleClass::Medical, date!(2024 - 11 - 18))
    }

    fn one(id: &str, value: Value) -> CheckReport {
        let mut a = Answers::new();
        a.insert(id.into(), value);
        check(&every_kind(), &a, &ctx())
    }

    #[test]
    fn each_kind_normalises_or_reports() {
        // (field, input, Ok(normalised) or Err(issue code))
        let cases: &[(&str, Value, Result<Value, &str>)] = &[
            ("text", json!("  山田  "), Ok(json!("山田"))),
            ("text", json!("123456"), Err("too_long")),
            ("furigana", json!("ﾔﾏﾀﾞ ﾊﾟﾝ"), Ok(json!("ヤマダ　パン"))),
            ("furigana", json!("やまだ"), Ok(json!("ヤマダ"))),
            ("furigana", json!("山田"), Err("furigana_not_katakana")),
            ("integer", json!("１８，５００"), Ok(json!("18500"))),
            ("integer", json!(42), Ok(json!("42"))),
            ("integer", json!("-5"), Ok(json!("-5"))),
            ("integer", json!("-6"), Err("out_of_range")),
            ("integer", json!("1.5"), Err("integer_shape")),
            ("integer", json!("abc"), Err("integer_shape")),
            ("integer", json!(1.5), Err("invalid_type")),
            ("decimal", json!("１２．５"), Ok(json!("12.50"))),
            ("decimal", json!("12.345"), Err("decimal_scale")),
            ("decimal", json!("12.340"), Ok(json!("12.34"))),
            ("decimal", json!("100"), Err("out_of_range")),
            ("decimal", json!("1..2"), Err("decimal_shape")),
            ("date", json!("2024/2/29"), Ok(json!("2024-02-29"))),
            ("date", json!("2023-02-29"), Err("date_invalid")),
            ("date", json!("2024-02-"), Err("date_incomplete")),
            ("date", json!("24-02-01"), Err("date_shape")),
            ("choice", json!("b"), Ok(json!("b"))),
            ("choice", json!("選択A"), Ok(json!("a"))),
            ("choice", json!("c"), Err("choice_unknown")),
            ("declaration", json!(true), Ok(json!(true))),
            ("declaration", json!(1), Err("invalid_type")),
            (
                "institution_code",
                json!("３４１０７１２３６２"),
                Ok(json!("3410712362")),
            ),
            (
                "institution_code",
                json!("34-1071-2362"),
                Ok(json!("3410712362")),
            ),
            (
                "institution_code",
                json!("3410712360"),
                Err("institution_code_check_digit"),
            ),
            (
                "institution_code",
                json!("3440712362"),
                Err("institution_code_class_mismatch"),
            ),
            (
                "institution_code",
                json!("12345"),
                Err("institution_code_shape"),
            ),
            (
                "registration_number",
                json!("阪医第５２７５２号"),
                Ok(json!("阪医52752")),
            ),
            (
                "registration_number",
                json!("阪歯52752"),
                Err("registration_number_profession"),
            ),
            (
                "registration_number",
                json!("米医52752"),
                Err("registration_number_prefecture"),
            ),
            (
                "registration_number",
                json!("52752"),
                Err("registration_number_shape"),
            ),
            (
                "phone",
                json!("０９０－１２３４－５６７８"),
                Ok(json!("090-1234-5678")),
            ),
            ("phone", json!("(03)1234-5678"), Ok(json!("03-1234-5678"))),
            ("phone", json!("1234567890"), Err("phone_shape")),
            ("postal_code", json!("〒1000001"), Ok(json!("100-0001"))),
            (
                "postal_code",
                json!("１００－０００１"),
                Ok(json!("100-0001")),
            ),
            ("postal_code", json!("100-00011"), Err("postal_code_shape")),
            ("weekly_hours", json!("40"), Ok(json!("40.0"))),
            ("weekly_hours", json!("３７．５"), Ok(json!("37.5"))),
            ("weekly_hours", json!("0"), Err("out_of_range")),
            ("weekly_hours", json!("168.1"), Err("out_of_range")),
            ("weekly_hours", json!("37.25"), Err("decimal_scale")),
            ("weekly_hours", json!("90"), Err("weekly_hours_unusual")),
        ];
        for (id, input, expected) in cases {
            let r = one(id, input.clone());
            match expected {
                Ok(v) => {
                    assert!(r.issues.is_empty(), "{id} {input}: {:?}", r.issues);
                    assert_eq!(&r.normalised[*id], v, "{id} {input}");
                }
                Err(code) => {
                    assert_eq!(r.issues.len(), 1, "{id} {input}: {:?}", r.issues);
                    assert_eq!(
                        (r.issues[0].code.as_str(), r.issues[0].path.as_str()),
                        (*code, *id),
                        "{input}"
                    );
                    assert_eq!(r.issues[0].page, "p");
                    assert!(!r.issues[0].message.is_empty());
                }
            }
        }
    }

    /// 「18,50」 must not become 1850, nor 「7,5」 75 hours: a comma outside groups of three is
    /// refused with what was typed and how to type it.
    #[test]
    fn a_misplaced_comma_is_an_error_not_a_different_number() {
        for (id, typed) in [
            ("integer", "18,50"),
            ("integer", "1,8500"),
            ("integer", "１８，５０"),
            ("integer", "0,5"),
            ("weekly_hours", "7,5"),
            ("decimal", "12,5"),
        ] {
            let r = one(id, json!(typed));
            assert_eq!(r.issues.len(), 1, "{id} {typed}: {:?}", r.issues);
            assert_eq!(r.issues[0].code, "number_comma_misplaced", "{id} {typed}");
            assert_eq!(r.normalised[id], typed, "kept as typed");
            assert!(
                r.issues[0].message.contains(&format!("「{typed}」")),
                "{}",
                r.issues[0].message
            );
        }
        assert_eq!(
            one("weekly_hours", json!("7,5")).issues[0].message,
            t::comma_misplaced("", "weekly_hours", "7,5", true, Some("7.5"))
        );
        assert_eq!(
            one("integer", json!("18,50")).issues[0].message,
            t::comma_misplaced("", "integer", "18,50", false, None)
        );
        // Valid groups of three are still thousands separators.
        for (id, typed, normalised) in [
            ("integer", "18,500", "18500"),
            ("integer", "１８，５００", "18500"),
            ("integer", "-5", "-5"),
            ("decimal", "1.25", "1.25"),
            ("weekly_hours", "7.5", "7.5"),
        ] {
            let r = one(id, json!(typed));
            assert!(r.issues.is_empty(), "{id} {typed}: {:?}", r.issues);
            assert_eq!(r.normalised[id], normalised, "{id} {typed}");
        }
    }

    /// The field's own unit typed after the number is dropped and the value rewritten to the
    /// bare number; other trailing text is refused with a message that says to drop it.
    #[test]
    fn a_unit_after_the_number() {
        for (id, typed, normalised) in [
            ("integer", "18500回", "18500"),
            ("integer", "１８，５００回", "18500"),
            ("integer", "12 回", "12"),
            ("weekly_hours", "32時間", "32.0"),
            ("weekly_hours", "３２ｈ", "32.0"),
            ("weekly_hours", "7.5h", "7.5"),
            ("weekly_hours", "40 hr", "40.0"),
            ("weekly_hours", "40H", "40.0"),
            ("weekly_hours", "３７．５時間", "37.5"),
        ] {
            let mut a = Answers::new();
            a.insert(id.into(), json!(typed));
            let r = check(&every_kind(), &a, &ctx());
            assert!(r.issues.is_empty(), "{id} {typed}: {:?}", r.issues);
            assert_eq!(r.normalised[id], normalised, "{id} {typed}");
            assert_eq!(
                r.changed_by_normalisation(&a),
                [id],
                "the page says it changed"
            );
        }
        for (id, typed, suffix, unit) in [
            ("integer", "3人", "人", "回"),
            ("integer", "10枚", "枚", "回"),
            ("integer", "18500 times", "times", "回"),
            ("weekly_hours", "32分", "分", "時間"),
            ("decimal", "12.5%", "%", ""),
            ("decimal", "3人", "人", ""),
        ] {
            let r = one(id, json!(typed));
            assert_eq!(r.issues.len(), 1, "{id} {typed}: {:?}", r.issues);
            assert_eq!(r.issues[0].code, "number_with_unit", "{id} {typed}");
            assert_eq!(r.normalised[id], typed, "kept as typed");
            assert_eq!(
                r.issues[0].message,
                t::number_with_unit("", id, typed, suffix, unit),
                "{id} {typed}"
            );
        }
        // A unit does not excuse a misplaced comma, and text with digits in it is no unit.
        assert_eq!(
            one("integer", json!("18,50回")).issues[0].code,
            "number_comma_misplaced"
        );
        assert_eq!(
            one("weekly_hours", json!("7,5h")).issues[0].message,
            t::comma_misplaced("", "weekly_hours", "7,5h", true, Some("7.5"))
        );
        assert_eq!(one("integer", json!("1e5")).issues[0].code, "integer_shape");
        assert_eq!(one("integer", json!("abc")).issues[0].code, "integer_shape");
        assert_eq!(one("integer", json!("回")).issues[0].code, "integer_shape");
        // In a row, the message names the row.
        let r = one("rows", json!([{"integer": "3人"}]));
        assert_eq!(
            r.issues[0].message,
            t::number_with_unit("行（1行目）の", "integer", "3人", "人", "回")
        );
    }

    #[test]
    fn warnings_keep_the_normalised_value_and_do_not_block() {
        let r = one("weekly_hours", json!("90"));
        assert_eq!(r.normalised["weekly_hours"], "90.0");
        assert_eq!(r.issues[0].severity, Severity::Warning);
        assert!(!r.has_errors());
        assert_eq!(r.issues[0].key(), "weekly_hours_unusual@weekly_hours");
        let r = one("institution_code", json!("3410712360"));
        assert_eq!(r.normalised["institution_code"], "3410712360");
        assert!(!r.has_errors());
    }

    #[test]
    fn empty_optional_values_are_left_out_and_required_ones_reported() {
        let r = one("text", json!("   "));
        assert!(r.issues.is_empty());
        assert!(r.normalised.get("text").is_none());
        let mut def = every_kind();
        for item in &mut def.pages[0].items {
            if let Item::Field(f) = item {
                f.required = true;
            }
        }
        let r = check(&def, &Answers::new(), &ctx());
        let codes: Vec<&str> = r.issues.iter().map(|i| i.code.as_str()).collect();
        assert_eq!(codes.len(), 12);
        assert!(
            codes
                .iter()
                .all(|c| *c == "required" || *c == "declaration_required"),
            "{codes:?}"
        );
        let choice = r.issues.iter().find(|i| i.path == "choice").unwrap();
        assert_eq!(choice.message, "choiceを選んでください。");
    }

    #[test]
    fn the_report_serialises_for_the_api() {
        let r = one("weekly_hours", json!("90"));
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["issues"][0]["severity"], "warning");
        assert_eq!(v["issues"][0]["path"], "weekly_hours");
        assert_eq!(v["normalised"]["weekly_hours"], "90.0");
        let back: CheckReport = serde_json::from_value(v).unwrap();
        assert_eq!(back, r);
        let c = ctx().with_institution_code(InstitutionCode::parse("0110113719").unwrap());
        let v = serde_json::to_value(&c).unwrap();
        assert_eq!(
            v,
            json!({"class": "medical", "institution_code": "0110113719", "today": "2024-11-18", "periodic_report_as_of": "2024-08-01"})
        );
        assert_eq!(serde_json::from_value::<CheckContext>(v).unwrap(), c);
    }

    #[test]
    fn group_rows_are_normalised_in_place() {
        let r = one(
            "rows",
            json!([{"phone": "０３１２３４５６７８", "furigana": "ｱｲ"}, {}, {"integer": "x"}]),
        );
        assert_eq!(
            r.normalised["rows"],
            json!([{"phone": "0312345678", "furigana": "アイ"}, {}, {"integer": "x"}])
        );
        assert_eq!(r.issues.len(), 1);
        assert_eq!(r.issues[0].path, "rows[2].integer");
        assert_eq!(
            r.issues[0].message,
            "行（3行目）のintegerは小数点のない数字で入力してください（例：18500）。"
        );
        assert_eq!(r.issues_at("rows[2].integer").len(), 1);
        assert_eq!(r.issues_on_page("p").len(), 1);
        assert!(r.issues_on_page("q").is_empty());
    }

    #[test]
    fn changed_values_are_listed_for_the_notice() {
        let mut a = Answers::new();
        a.insert("phone".into(), json!("０３１２３４５６７８"));
        a.insert("text".into(), json!("same"));
        a.insert("integer".into(), json!("bad"));
        a.insert("rows".into(), json!([{"furigana": "ｱｲ", "text": "x"}]));
        let c = ctx().with_institution_code(InstitutionCode::parse("0110113719").unwrap());
        let r = check(&every_kind(), &a, &c);
        let mut changed = r.changed_by_normalisation(&a);
        changed.sort();
        assert_eq!(changed, ["phone", "rows[0].furigana"]);
        assert_eq!(r.normalised["institution_code"], "0110113719");
    }

    #[test]
    fn iso_dates() {
        assert_eq!(parse_iso_date("2019-05-01"), Some(date!(2019 - 05 - 01)));
        assert_eq!(parse_iso_date("2019-5-1"), None);
        assert_eq!(parse_iso_date("2019-02-29"), None);
        assert_eq!(format_iso_date(date!(2019 - 05 - 01)), "2019-05-01");
    }

    fn messy() -> impl Strategy<Value = String> {
        "[0-9０-９\\-－ー（）()〒 　a-zＡ-Ｚｈｱ-ﾝﾞﾟあ-んア-ン阪医東歯.,，．、年月日/回時間人枚%％]{0,14}"
    }

    proptest! {
        /// Checking the normalised answers again changes nothing: normalisation is idempotent for
        /// every kind, valid or not.
        #[test]
        fn normalisation_is_idempotent(values in proptest::collection::vec(messy(), 12), row in proptest::collection::vec(messy(), 11)) {
            let def = every_kind();
            let ids: Vec<String> = def.pages[0].items.iter().filter_map(|i| match i { Item::Field(f) => Some(f.id.clone()), _ => None }).collect();
            let Some(Item::Group(g)) = def.pages[0].items.last() else { unreachable!() };
            let mut a = Answers::new();
            for (id, v) in ids.iter().zip(&values) {
                a.insert(id.clone(), Value::String(v.clone()));
            }
            let r: serde_json::Map<String, Value> = g.fields.iter().zip(&row).map(|(f, v)| (f.id.clone(), Value::String(v.clone()))).collect();
            a.insert("rows".into(), json!([r]));
            let once = check(&def, &a, &ctx());
            let twice = check(&def, &once.normalised, &ctx());
            prop_assert_eq!(&once.normalised, &twice.normalised);
        }
    }
}
