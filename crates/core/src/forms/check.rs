//! The engine: every field normalised and checked as its definition says ([`super::fields`]),
//! then the form's own cross-field rules, then the issues sorted into page and field order.
//!
//! The engine knows no form. The rules come with the call ([`run`]); [`super::check`] takes them
//! from the catalogue, which is built on this module and not the other way round.

use std::collections::BTreeSet;

use serde_json::Value;

use super::Answers;
use super::decimal::Decimal;
use super::definition::{FieldDefinition, FormDefinition, GroupDefinition, Item, split_path};
use super::fields::{check_field, is_empty};
use super::issue::{Issue, IssueCode, Severity};
use super::report::{CheckContext, CheckReport, ComputedValue};
use crate::text::current::forms as t;

/// A form's cross-field rules: run after the field checks, they read the normalised answers
/// through the [`Checker`] and add computed values and issues.
pub(crate) type Rules = fn(&mut Checker<'_>);

/// Checks `answers` against `def`, then runs `rules`.
/// The groups of `def` whose answer has more rows than the group allows, as (group id,
/// message): the engine's own `group_too_many_rows` rule, for a server that must refuse such
/// answers before checking them (a check answers per row, so a small request with thousands of
/// rows would make a huge answer).
pub fn too_many_rows(def: &FormDefinition, answers: &Answers) -> Vec<(String, String)> {
    def.pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|i| match i {
            Item::Group(g) => Some(g),
            _ => None,
        })
        .filter_map(|g| match answers.get(&g.id) {
            Some(Value::Array(rows)) if rows.len() > g.max_rows => {
                let code = IssueCode::GroupTooManyRows {
                    max: g.max_rows,
                    count: rows.len(),
                };
                Some((g.id.clone(), code.message("", &g.label)))
            }
            _ => None,
        })
        .collect()
}

pub(crate) fn run(
    def: &FormDefinition,
    rules: Option<Rules>,
    answers: &Answers,
    ctx: &CheckContext,
) -> CheckReport {
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
                    if let Some(v) = c.field(f, answers.get(&f.id), &f.id, "") {
                        c.normalised.insert(f.id.clone(), v);
                    }
                }
                Item::Group(g) => c.group(g, answers.get(&g.id)),
                _ => {}
            }
        }
    }
    if let Some(rules) = rules {
        rules(&mut c);
    }
    c.sort_issues();
    CheckReport {
        normalised: c.normalised,
        computed: c.computed,
        issues: c.issues,
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

impl<'a> Checker<'a> {
    fn page_of(&self, path: &str) -> String {
        self.def
            .locate(path)
            .map(|l| l.page.id.clone())
            .unwrap_or_default()
    }

    /// What messages about `path` name: the row (「職員（3行目）の」, empty outside rows) and
    /// the label of the field there.
    fn subject(&self, path: &str) -> (String, &'a str) {
        let Some(l) = self.def.locate(path) else {
            return (String::new(), "");
        };
        let Some(field) = l.field else {
            return (String::new(), "");
        };
        let context = match (l.row, &l.page.items[l.item_index]) {
            (Some(row), Item::Group(g)) => t::row_context(&g.row_label, row),
            _ => String::new(),
        };
        (context, field.label.as_str())
    }

    fn push(&mut self, path: &str, code: &IssueCode, context: &str, label: &str) {
        let page = self.page_of(path);
        self.issues
            .push(Issue::new(path, page, code, context, label));
    }

    /// Reports `code` at `path`; its message names the field there.
    pub fn report(&mut self, path: &str, code: IssueCode) {
        let (context, label) = self.subject(path);
        self.push(path, &code, &context, label);
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

    /// Checks one answer at `path` (`context` is its row, empty outside rows) and gives the value
    /// for the normalised answers.
    fn field(
        &mut self,
        f: &FieldDefinition,
        raw: Option<&Value>,
        path: &str,
        context: &str,
    ) -> Option<Value> {
        let checked = check_field(f, raw, self.ctx);
        if let Some(code) = &checked.issue {
            if code.severity() == Severity::Error {
                self.invalid.insert(path.to_string());
            }
            self.push(path, code, context, &f.label);
        }
        checked.value
    }

    /// A group's own issues (not an array, too few or too many rows, a row that is no object)
    /// and each row's fields.
    fn group(&mut self, g: &GroupDefinition, raw: Option<&Value>) {
        let group_issue = |c: &mut Self, path: &str, code: IssueCode| {
            c.invalid.insert(path.to_string());
            c.push(path, &code, "", &g.label);
        };
        let rows: &[Value] = match raw {
            None | Some(Value::Null) => &[],
            Some(Value::Array(rows)) => rows,
            Some(_) => return group_issue(self, &g.id, IssueCode::InvalidType),
        };
        if rows.len() < g.min_rows {
            let (row_label, min) = (g.row_label.clone(), g.min_rows);
            self.push(
                &g.id,
                &IssueCode::GroupTooFewRows { row_label, min },
                "",
                &g.label,
            );
        }
        if rows.len() > g.max_rows {
            let (max, count) = (g.max_rows, rows.len());
            self.push(
                &g.id,
                &IssueCode::GroupTooManyRows { max, count },
                "",
                &g.label,
            );
        }
        let mut out = Vec::with_capacity(rows.len());
        let empty = serde_json::Map::new();
        for (index, row) in rows.iter().enumerate() {
            let row_path = format!("{}[{index}]", g.id);
            let fields = match row {
                Value::Object(m) => m,
                _ => {
                    let row_label = g.row_label.clone();
                    group_issue(
                        self,
                        &row_path,
                        IssueCode::GroupRowInvalid { row_label, index },
                    );
                    &empty
                }
            };
            let context = t::row_context(&g.row_label, index);
            let mut normalised_row = serde_json::Map::new();
            for f in g.fields.iter().filter(|f| f.applies_to(self.ctx.class)) {
                let path = format!("{row_path}.{}", f.id);
                if let Some(v) = self.field(f, fields.get(&f.id), &path, &context) {
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

#[cfg(test)]
mod tests;
