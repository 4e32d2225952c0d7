//! `choice` (one of the options, stored by value; a label is accepted too) and `declaration`
//! (a checkbox: JSON `true` when ticked).

use serde_json::Value;

use super::{Checked, Verdict};
use crate::forms::definition::ChoiceOption;
use crate::forms::issue::IssueCode;

/// The option whose value or label was typed, as its value.
pub(super) fn choice(typed: &str, options: &[ChoiceOption]) -> Verdict {
    match options
        .iter()
        .find(|o| o.value == typed || o.label == typed)
    {
        Some(o) => Verdict::ok(o.value.clone()),
        None => Verdict::refuse(IssueCode::ChoiceUnknown),
    }
}

/// `true` when ticked (JSON `true` or `"true"`); `false`, `"false"`, `""`, `null` and absent
/// are not ticked, which a required declaration reports.
pub(super) fn declaration(raw: Option<&Value>, required: bool) -> Checked {
    let ticked = match raw {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) if s == "true" => true,
        Some(Value::String(s)) if s == "false" || s.is_empty() => false,
        Some(_) => return Checked::refuse(raw, IssueCode::InvalidType),
    };
    Checked {
        value: ticked.then_some(Value::Bool(true)),
        issue: (!ticked && required).then_some(IssueCode::DeclarationRequired),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn declarations() {
        let ticked = Checked {
            value: Some(json!(true)),
            issue: None,
        };
        assert_eq!(declaration(Some(&json!(true)), true), ticked);
        assert_eq!(declaration(Some(&json!("true")), true), ticked);
        assert_eq!(
            declaration(Some(&json!("")), true),
            Checked {
                value: None,
                issue: Some(IssueCode::DeclarationRequired)
            }
        );
        assert_eq!(declaration(None, false), Checked::empty());
        assert_eq!(
            declaration(Some(&json!(1)), false),
            Checked::refuse(Some(&json!(1)), IssueCode::InvalidType)
        );
    }
}
