//! The documents a user can keep as PDFs: the receipt of arrival (到達確認書、控え) of every
//! submission, the acceptance notice (受理通知書) once a bureau has accepted it, and the manual.
//! Each is built here as plain [`FlowDocument`] content from what the screens show (the same
//! rows, labels and catalogue texts, so the PDF and the page never differ), then laid out and
//! tagged by [`crate::pdf::flow`]. Like the screens, they are in the reader's language; the
//! answers are as the institution typed them.

use time::{Date, OffsetDateTime};
use todoke_core::api::{FilingStatus, InstitutionSummary, Submission};
use todoke_core::era::format_date;
use todoke_core::forms::{definition, review_rows};
use todoke_core::service_hours::{JST, format_jst_datetime};
use todoke_core::text::Lang;
use todoke_core::text::current as text;

use crate::AppState;
use crate::db::Conn;
use crate::error::AppError;
use crate::filings::{Scope, detail};
use crate::pdf::flow::{self, Block, Field, FlowDocument};
use crate::pdf::{Fonts, PdfError};

/// Lays out, tags and serialises `doc` off the async threads (font subsetting takes a while).
pub async fn pdf(state: &AppState, doc: FlowDocument) -> Result<Vec<u8>, AppError> {
    let unavailable = |e: PdfError| AppError::DocumentsUnavailable(e.to_string());
    let config = state.config.clone();
    let fonts = state
        .fonts
        .get_or_try_init(|| async move {
            tokio::task::spawn_blocking(move || {
                Fonts::load(&config.document_font, &config.document_mono_font)
            })
            .await
            .map_err(|e| PdfError::Output(e.to_string()))?
        })
        .await
        .map_err(unavailable)?
        .clone();
    tokio::task::spawn_blocking(move || flow::render(&fonts, &doc))
        .await
        .map_err(|e| AppError::DocumentsUnavailable(e.to_string()))?
        .map_err(unavailable)
}

/// Submission `id` as `scope` sees it, with the institution that filed it.
pub async fn filing(
    conn: &mut Conn,
    scope: Scope,
    id: i64,
) -> Result<(Submission, Option<InstitutionSummary>), AppError> {
    let submission = detail::submission(conn, scope, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let institution = detail::institution(conn, scope, id).await?;
    Ok((submission, institution))
}

/// The day the latest acceptance was recorded, when the filing stands accepted.
pub fn accepted_on(s: &Submission) -> Option<Date> {
    if s.status != FilingStatus::Accepted {
        return None;
    }
    s.history
        .iter()
        .rev()
        .find(|h| h.to_status == FilingStatus::Accepted)
        .map(|h| h.at.to_offset(JST).date())
}

fn institution_fields(institution: Option<&InstitutionSummary>) -> Vec<Field> {
    institution
        .map(|i| {
            vec![
                Field::new(text::forms::INSTITUTION_CODE(), i.code.as_str()),
                Field::new(text::INSTITUTION(), i.name.clone()),
            ]
        })
        .unwrap_or_default()
}

fn footer(s: &Submission) -> String {
    format!(
        "{}{}{}",
        text::SERVICE_NAME(),
        text::PARTS_SEPARATOR(),
        text::label_value(text::ARRIVAL_NUMBER(), &s.arrival_number)
    )
}

/// 到達確認書（控え）: when it arrived, what it was, the digest, and every answer as
/// 「入力内容の確認」 shows it.
pub fn receipt(
    s: &Submission,
    institution: Option<&InstitutionSummary>,
    lang: Lang,
) -> FlowDocument {
    let mut fields = vec![
        Field::mono(text::ARRIVAL_NUMBER(), s.arrival_number.clone()),
        Field::new(text::SUBMITTED_AT(), format_jst_datetime(s.submitted_at)),
        Field::new(text::PROCEDURE(), s.title.clone()),
        Field::new(text::FORM_VERSION(), s.form_version.clone()),
    ];
    fields.extend(institution_fields(institution));
    fields.push(Field::mono(text::DIGEST(), s.content_sha256.clone()));
    let mut blocks = vec![
        Block::Title(text::RECEIPT_TITLE().to_string()),
        Block::Paragraph(text::RECEIPT_LEAD().to_string()),
        Block::Fields(fields),
        Block::Note(text::DIGEST_HINT().to_string()),
    ];
    if let Some(def) = definition(&s.form_id) {
        let rows = review_rows(&def, &s.answers);
        if !rows.is_empty() {
            blocks.push(Block::Heading(text::RECEIPT_CONTENT_HEADING().to_string()));
            blocks.push(Block::Fields(
                rows.iter()
                    .map(|r| Field::new(r.full_label(), r.value.clone()))
                    .collect(),
            ));
        }
    }
    blocks.push(Block::Note(text::DOCUMENT_GENERATED_NOTE().to_string()));
    FlowDocument {
        title: text::RECEIPT_TITLE().to_string(),
        lang,
        blocks,
        footer: footer(s),
    }
}

/// 受理通知書, from the filing's bureau to the institution; `None` unless it is accepted.
pub fn acceptance_notice(
    s: &Submission,
    institution: Option<&InstitutionSummary>,
    made_at: OffsetDateTime,
    lang: Lang,
) -> Option<FlowDocument> {
    let accepted = accepted_on(s)?;
    let mut head = vec![Field::new(
        text::DOCUMENT_ISSUED_ON(),
        format_date(made_at.to_offset(JST).date()),
    )];
    if let Some(i) = institution {
        head.push(Field::new(
            text::DOCUMENT_ADDRESSEE(),
            text::parenthetical(&i.name, i.code.as_str()),
        ));
        head.push(Field::new(
            text::DOCUMENT_ISSUED_BY(),
            i.prefecture.bureau().name(),
        ));
    }
    let mut fields = vec![
        Field::mono(
            text::ACCEPTANCE_NUMBER(),
            s.acceptance_number.clone().unwrap_or_default(),
        ),
        Field::new(text::ACCEPTED_ON(), format_date(accepted)),
    ];
    if let Some(d) = s.effective_date {
        fields.push(Field::new(text::EFFECTIVE_DATE(), format_date(d)));
    }
    fields.extend([
        Field::new(text::PROCEDURE(), s.title.clone()),
        Field::mono(text::ARRIVAL_NUMBER(), s.arrival_number.clone()),
        Field::new(text::SUBMITTED_AT(), format_jst_datetime(s.submitted_at)),
        Field::mono(text::DIGEST(), s.content_sha256.clone()),
    ]);
    Some(FlowDocument {
        title: text::ACCEPTANCE_NOTICE_TITLE().to_string(),
        lang,
        blocks: vec![
            Block::Title(text::ACCEPTANCE_NOTICE_TITLE().to_string()),
            Block::Fields(head),
            Block::Paragraph(text::ACCEPTANCE_NOTICE_LEAD().to_string()),
            Block::Fields(fields),
            Block::Note(text::DOCUMENT_GENERATED_NOTE().to_string()),
        ],
        footer: footer(s),
    })
}

/// The manual: the HTML manual's sections, steps and FAQ, in the same order.
pub fn manual(lang: Lang) -> FlowDocument {
    let mut blocks = vec![
        Block::Title(text::MANUAL_TITLE().to_string()),
        Block::Paragraph(text::MANUAL_LEAD().to_string()),
    ];
    for section in text::MANUAL_SECTIONS() {
        blocks.push(Block::Heading(section.heading.to_string()));
        blocks.extend(
            section
                .paragraphs
                .iter()
                .map(|p| Block::Paragraph(p.to_string())),
        );
        if !section.steps.is_empty() {
            blocks.push(Block::Steps(
                section.steps.iter().map(|s| s.to_string()).collect(),
            ));
        }
    }
    blocks.push(Block::Heading(text::MANUAL_FAQ_HEADING().to_string()));
    for f in text::FAQ() {
        blocks.push(Block::SubHeading(f.question.to_string()));
        blocks.push(Block::Paragraph(f.answer.to_string()));
    }
    FlowDocument {
        title: text::MANUAL_TITLE().to_string(),
        lang,
        blocks,
        footer: text::SERVICE_NAME().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;
    use todoke_core::api::HistoryEntry;
    use todoke_core::text::lang::in_lang;

    fn accepted_submission() -> Submission {
        let entry = |at: OffsetDateTime, to: FilingStatus| HistoryEntry {
            at,
            actor_label: "関東信越厚生局".into(),
            action_label: String::new(),
            action: String::new(),
            from_status: None,
            to_status: to,
            comment: None,
            field_comments: Vec::new(),
            deadline: None,
        };
        Submission {
            id: 1,
            arrival_number: "20261204-000001".into(),
            form_id: "staff-change".into(),
            form_version: "2026.1".into(),
            title: "職員の異動届".into(),
            status: FilingStatus::Accepted,
            answers: Default::default(),
            acknowledged_warnings: Vec::new(),
            submitted_at: datetime!(2026-12-01 10:00 +9),
            history: vec![
                entry(datetime!(2026-12-01 10:00 +9), FilingStatus::Submitted),
                // 23:30 UTC is already the next day in Japan.
                entry(datetime!(2026-12-02 23:30 UTC), FilingStatus::Accepted),
            ],
            allowed_actions: Vec::new(),
            field_comments: Vec::new(),
            return_comment: None,
            return_deadline: None,
            acceptance_number: Some("関東-2026-000001".into()),
            effective_date: Some(time::macros::date!(2027 - 01 - 01)),
            rejection_reason: None,
            content_sha256: "ab".repeat(32),
            previous_answers: None,
            next_actor_label: String::new(),
            institution: None,
            linked_accounts: Vec::new(),
        }
    }

    fn texts(doc: &FlowDocument) -> String {
        doc.blocks
            .iter()
            .map(|b| match b {
                Block::Fields(f) => f
                    .iter()
                    .map(|f| format!("{} {}\n", f.label, f.value))
                    .collect(),
                Block::Steps(s) => s.join("\n"),
                Block::Title(t)
                | Block::Heading(t)
                | Block::SubHeading(t)
                | Block::Paragraph(t)
                | Block::Note(t) => t.clone(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_acceptance_day_is_the_japanese_calendar_day() {
        assert_eq!(
            accepted_on(&accepted_submission()),
            Some(time::macros::date!(2026 - 12 - 03))
        );
    }

    #[test]
    fn only_an_accepted_filing_has_an_acceptance_notice() {
        let mut s = accepted_submission();
        let now = datetime!(2026-12-04 09:00 +9);
        assert!(acceptance_notice(&s, None, now, Lang::Ja).is_some());
        s.status = FilingStatus::Returned;
        assert!(acceptance_notice(&s, None, now, Lang::Ja).is_none());
    }

    #[test]
    fn the_notice_names_number_dates_and_digest() {
        in_lang(Lang::Ja, || {
            let s = accepted_submission();
            let doc =
                acceptance_notice(&s, None, datetime!(2026-12-04 09:00 +9), Lang::Ja).unwrap();
            let all = texts(&doc);
            for wanted in [
                "関東-2026-000001",
                &format_date(time::macros::date!(2027 - 01 - 01)),
                &format_date(time::macros::date!(2026 - 12 - 03)),
                "20261204-000001",
                &"ab".repeat(32),
                text::ACCEPTANCE_NOTICE_LEAD(),
            ] {
                assert!(all.contains(wanted), "{wanted} missing from {all}");
            }
        });
    }

    #[test]
    fn the_manual_has_every_section_and_question_in_order() {
        in_lang(Lang::En, || {
            let doc = manual(Lang::En);
            let headings: Vec<&str> = doc
                .blocks
                .iter()
                .filter_map(|b| match b {
                    Block::Heading(h) => Some(h.as_str()),
                    _ => None,
                })
                .collect();
            let mut expected: Vec<&str> =
                text::MANUAL_SECTIONS().iter().map(|s| s.heading).collect();
            expected.push(text::MANUAL_FAQ_HEADING());
            assert_eq!(headings, expected);
            let all = texts(&doc);
            assert!(text::FAQ().iter().all(|f| all.contains(f.question)));
        });
    }
}
