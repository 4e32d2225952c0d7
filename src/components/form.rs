//! Form error state as plain data: which field has which message, in page order.

use todoke_core::api::FieldErrors;

use crate::api::ClientError;

/// The id of the input for a field name or answer path, e.g. `new_password` →
/// `todoke-new_password`, `staff[2].name` → `todoke-staff-2-name`.
pub fn input_id(field: &str) -> String {
    let safe: String = field
        .chars()
        .filter(|c| *c != ']')
        .map(|c| if matches!(c, '[' | '.') { '-' } else { c })
        .collect();
    format!("todoke-{safe}")
}

/// One line of the error summary: the message and the input it links to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryItem {
    pub target: String,
    pub message: String,
}

/// The errors a form shows: per-field messages, plus messages that concern the form as a whole
/// (e.g. wrong credentials) and link to a chosen field without marking it invalid.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormErrors {
    pub fields: FieldErrors,
    pub general: Vec<SummaryItem>,
}

impl FormErrors {
    pub fn from_fields(fields: FieldErrors) -> Self {
        Self {
            fields,
            general: Vec::new(),
        }
    }

    pub fn general(target_field: &str, message: impl Into<String>) -> Self {
        Self {
            fields: FieldErrors::default(),
            general: vec![SummaryItem {
                target: input_id(target_field),
                message: message.into(),
            }],
        }
    }

    /// The server's refusal: its field messages, or else its one message linked to
    /// `general_field` (e.g. wrong credentials, no connection).
    pub fn from_client_error(e: &ClientError, general_field: &str) -> Self {
        match e.fields() {
            Some(f) => Self::from_fields(f.clone()),
            None => Self::general(general_field, e.message()),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.general.is_empty()
    }

    /// The first message for a field: shown under the field.
    pub fn first_for(&self, field: &str) -> Option<String> {
        self.fields.get(field).and_then(|m| m.first()).cloned()
    }

    /// Summary lines: general messages first, then every field message in `order`, then any
    /// field the page did not list (so no server message is ever dropped).
    pub fn summary(&self, order: &[&str]) -> Vec<SummaryItem> {
        let mut items = self.general.clone();
        let mut push = |field: &str, msgs: &[String]| {
            items.extend(msgs.iter().map(|m| SummaryItem {
                target: input_id(field),
                message: m.clone(),
            }));
        };
        for field in order {
            if let Some(msgs) = self.fields.get(field) {
                push(field, msgs);
            }
        }
        for (field, msgs) in &self.fields.0 {
            if !order.contains(&field.as_str()) {
                push(field, msgs);
            }
        }
        items
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_follows_page_order_and_keeps_unknown_fields() {
        let mut f = FieldErrors::default();
        f.add("b", "second");
        f.add("a", "first");
        f.add("zz", "server-only");
        let e = FormErrors::from_fields(f);
        let s: Vec<_> = e
            .summary(&["a", "b"])
            .into_iter()
            .map(|i| i.message)
            .collect();
        assert_eq!(s, vec!["first", "second", "server-only"]);
        assert_eq!(e.first_for("a").as_deref(), Some("first"));
        assert_eq!(e.first_for("c"), None);
    }

    #[test]
    fn general_messages_link_to_a_field() {
        let e = FormErrors::general("user_id", "wrong");
        assert_eq!(
            e.summary(&[]),
            vec![SummaryItem {
                target: "todoke-user_id".into(),
                message: "wrong".into()
            }]
        );
        assert!(!e.is_empty());
        assert!(FormErrors::default().is_empty());
    }

    #[test]
    fn server_refusals_keep_their_fields_or_link_their_message() {
        let offline = FormErrors::from_client_error(&ClientError::Network, "user_id");
        assert_eq!(
            offline,
            FormErrors::general("user_id", crate::text::NETWORK_ERROR())
        );
        let mut f = FieldErrors::default();
        f.add("new_password", "short");
        let refused = ClientError::Api(todoke_core::api::ApiError::validation(f.clone()));
        assert_eq!(
            FormErrors::from_client_error(&refused, "user_id"),
            FormErrors::from_fields(f)
        );
    }
}
