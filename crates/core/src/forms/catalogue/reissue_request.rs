//! 再発行の申請 (FAQ A6) as a one-page form, so that the engine checks and normalises it with
//! the same field kinds and messages as the filings. Not in the catalogue a signed-in account
//! files from: the request is sent without signing in (`api::ReissueRequestInput`).

use super::{choice, field, form, page, text};
use crate::forms::definition::{FieldKind, FormDefinition, Item};
use crate::institution::FeeScheduleClass;
use crate::text::current as t;

pub const FORM_REISSUE_REQUEST: &str = "reissue-request";

/// The fields, ids as in `api::REISSUE_REQUEST_FIELDS`.
pub fn definition() -> FormDefinition {
    let mut items = institution_fields();
    items.extend(contact_fields());
    form(
        FORM_REISSUE_REQUEST,
        t::REISSUE_TITLE(),
        t::REISSUE_LEAD(),
        &FeeScheduleClass::ALL,
        vec![page("request", t::REISSUE_TITLE(), None, items)],
    )
}

/// Code, class, name and postal code of the institution, as a request without sign-in asks them.
pub(super) fn institution_fields() -> Vec<Item> {
    let classes: Vec<(&str, &str)> = FeeScheduleClass::ALL
        .iter()
        .map(|c| (c.as_str(), c.label()))
        .collect();
    vec![
        Item::Field(field(
            "institution_code",
            t::forms::INSTITUTION_CODE(),
            FieldKind::InstitutionCode,
        )),
        Item::Field(field(
            "fee_schedule_class",
            t::HEADER_CLASS(),
            choice(&classes),
        )),
        Item::Field(field(
            "institution_name",
            t::forms::INSTITUTION_NAME(),
            text(100),
        )),
        Item::Field(field(
            "postal_code",
            t::forms::POSTAL_CODE(),
            FieldKind::PostalCode,
        )),
    ]
}

/// The person the bureau may call about the request.
pub(super) fn contact_fields() -> Vec<Item> {
    vec![
        Item::Field(field("contact_name", t::forms::CONTACT_NAME(), text(30))),
        Item::Field(field(
            "contact_phone",
            t::forms::CONTACT_PHONE(),
            FieldKind::Phone,
        )),
    ]
}
