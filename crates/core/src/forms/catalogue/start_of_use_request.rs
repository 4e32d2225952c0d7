//! 利用開始届出 (様式1) as a one-page form, checked by the engine like the reissue request: sent
//! without signing in, because a new institution has no user ID and one whose code, class or
//! address changes needs a new one (FAQ A9; `api::StartOfUseRequestInput`).

use super::reissue_request::{contact_fields, institution_fields};
use super::{choice, field, form, page, text};
use crate::api::StartOfUseReason;
use crate::forms::definition::{FormDefinition, Item};
use crate::institution::FeeScheduleClass;
use crate::text::current as t;
use crate::user_id::UserId;

pub const FORM_START_OF_USE_REQUEST: &str = "start-of-use-request";

/// The fields, ids as in `api::START_OF_USE_REQUEST_FIELDS`. The previous user ID is optional
/// here; `api::StartOfUseRequestInput::check` requires it for every reason but a new one.
pub fn definition() -> FormDefinition {
    let reasons: Vec<(&str, &str)> = StartOfUseReason::ALL
        .iter()
        .map(|r| (r.as_str(), r.label()))
        .collect();
    let mut items = vec![
        Item::Field(field("reason", t::START_REASON(), choice(&reasons))),
        Item::Field(
            field(
                "previous_user_id",
                t::START_PREVIOUS_USER_ID(),
                text(UserId::MAX_LEN),
            )
            .optional(),
        ),
    ];
    items.extend(institution_fields());
    items.push(Item::Field(field("address", t::START_ADDRESS(), text(200))));
    items.extend(contact_fields());
    form(
        FORM_START_OF_USE_REQUEST,
        t::START_TITLE(),
        t::START_LEAD(),
        &FeeScheduleClass::ALL,
        vec![page("request", t::START_TITLE(), None, items)],
    )
}
