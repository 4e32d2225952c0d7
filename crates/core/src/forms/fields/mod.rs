//! One normaliser per [`FieldKind`]: each takes what the user typed (trimmed, never empty) and
//! the kind's settings, and gives the normalised text or the [`IssueCode`] that refuses it.
//! [`check_field`] does what all kinds share first: JSON types, empty answers, required fields,
//! the prefilled institution code.
//!
//! | kind | module |
//! |---|---|
//! | `text`, `furigana` | [`text`] |
//! | `integer`, `decimal`, `weekly_hours` | [`number`] |
//! | `date` | [`date`] |
//! | `choice`, `declaration` | [`choice`] |
//! | `institution_code`, `registration_number` | [`identifier`] |
//! | `phone`, `postal_code` | [`contact`] |

mod choice;
mod contact;
pub(super) mod date;
mod identifier;
pub(super) mod number;
mod text;

use serde_json::Value;

use super::definition::{FieldDefinition, FieldKind};
use super::issue::{Ask, IssueCode};
use super::report::CheckContext;

pub use date::{format_iso_date, parse_iso_date, parse_typed_date};
pub use number::{MAX_WEEKLY_HOURS, UNUSUAL_WEEKLY_HOURS};

/// What a normaliser makes of a non-empty answer: the normalised text (`None`: keep the answer
/// as sent) and at most one issue.
#[derive(Debug, PartialEq)]
pub(super) struct Verdict {
    value: Option<String>,
    issue: Option<IssueCode>,
}

impl Verdict {
    /// Normalised, nothing to say.
    fn ok(value: String) -> Self {
        Self {
            value: Some(value),
            issue: None,
        }
    }

    /// Refused: the answer stays as typed.
    fn refuse(code: IssueCode) -> Self {
        Self {
            value: None,
            issue: Some(code),
        }
    }

    /// Normalised, with an issue all the same (a warning, or a well-formed value that is wrong
    /// for this account).
    fn with(value: String, code: IssueCode) -> Self {
        Self {
            value: Some(value),
            issue: Some(code),
        }
    }
}

/// What checking one answer gives.
#[derive(Debug, PartialEq)]
pub(crate) struct Checked {
    /// What goes into the normalised answers (`None`: leave the key out).
    pub value: Option<Value>,
    /// The problem found, if any; an error makes the field invalid for the form's rules.
    pub issue: Option<IssueCode>,
}

impl Checked {
    fn empty() -> Self {
        Self {
            value: None,
            issue: None,
        }
    }

    fn refuse(raw: Option<&Value>, code: IssueCode) -> Self {
        Self {
            value: raw.cloned(),
            issue: Some(code),
        }
    }

    fn from_verdict(v: Verdict, raw: Option<&Value>) -> Self {
        Self {
            value: v.value.map(Value::String).or_else(|| raw.cloned()),
            issue: v.issue,
        }
    }
}

/// Normalises and checks the answer `raw` to field `f`.
pub(crate) fn check_field(f: &FieldDefinition, raw: Option<&Value>, ctx: &CheckContext) -> Checked {
    // Declarations are booleans; everything else is text.
    if let FieldKind::Declaration { .. } = f.kind {
        return choice::declaration(raw, f.required);
    }
    let text = match raw {
        None | Some(Value::Null) => String::new(),
        Some(v) => match scalar_text(v) {
            Some(s) => s,
            None => return Checked::refuse(raw, IssueCode::InvalidType),
        },
    };
    let typed = text.trim();
    if typed.is_empty() {
        return match (&f.kind, &ctx.institution_code) {
            (FieldKind::InstitutionCode, Some(code)) => {
                Checked::from_verdict(identifier::institution_code(code.as_str(), ctx), raw)
            }
            _ if !f.required => Checked::empty(),
            (FieldKind::Choice { .. }, _) => Checked::refuse(raw, IssueCode::Required(Ask::Choice)),
            _ => Checked::refuse(raw, IssueCode::Required(Ask::Input)),
        };
    }
    let verdict = match &f.kind {
        FieldKind::Text { max_chars } => text::text(typed, *max_chars),
        FieldKind::Furigana { max_chars } => text::furigana(typed, *max_chars),
        FieldKind::Integer { min, max, unit } => {
            number::integer(typed, *min, *max, unit.as_deref().unwrap_or(""))
        }
        FieldKind::Decimal {
            scale,
            min,
            max,
            unit,
        } => number::decimal(typed, *scale, min, max, unit.as_deref().unwrap_or("")),
        FieldKind::WeeklyHours => number::weekly_hours(typed),
        FieldKind::Date {
            not_before_days,
            not_after_days,
        } => date::date(typed, ctx.today, *not_before_days, *not_after_days),
        FieldKind::Choice { options } => choice::choice(typed, options),
        FieldKind::Declaration { .. } => unreachable!("handled above"),
        FieldKind::InstitutionCode => identifier::institution_code(typed, ctx),
        FieldKind::RegistrationNumber => identifier::registration_number(typed, ctx.class),
        FieldKind::Phone => contact::phone(typed),
        FieldKind::PostalCode => contact::postal_code(typed),
    };
    Checked::from_verdict(verdict, raw)
}

/// A JSON scalar as the text the user typed. Floating-point JSON numbers are refused (`None`):
/// decimals travel as strings so that no binary floating point is ever involved.
pub(crate) fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) if n.is_i64() || n.is_u64() => Some(n.to_string()),
        _ => None,
    }
}

/// Not entered: absent, `null`, blank text or an unticked declaration.
pub(crate) fn is_empty(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(Value::Bool(b)) => !b,
        _ => false,
    }
}

#[cfg(test)]
pub(crate) mod tests;
