//! The PDFs: a submission's receipt and acceptance notice for the institution that filed it,
//! and the manual for anyone, read back with `pdftotext`.

use axum::http::StatusCode;
use time::macros::datetime;
use todoke_core::api::endpoints;
use todoke_core::api::{FilingStatus, Submission};
use todoke_core::era::format_date;
use todoke_core::lifecycle::Action;
use todoke_core::text::{en, ja};
use todoke_core::{ErrorCode, ServiceHours};
use todoke_server::clock::Clock;

use super::helpers::{TestResponse, osaka_clinic, pdf_text, spawn_app_with, tokyo_clinic};
use super::lifecycle::{act, submitted_filing};

fn assert_pdf_attachment(r: &TestResponse, name: &str) {
    assert_eq!(r.status, StatusCode::OK, "{r:?}");
    assert_eq!(r.header("content-type").as_deref(), Some("application/pdf"));
    let disposition = r.header("content-disposition").unwrap_or_default();
    assert!(
        disposition.starts_with("attachment") && disposition.contains(name),
        "{disposition}"
    );
}

/// `pdftotext -layout` keeps the words of a line apart with spaces; compare without them.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[tokio::test]
async fn the_receipt_carries_arrival_digest_and_every_answer() {
    let (app, applicant, _, s) = submitted_filing().await;
    let r = app
        .get(&endpoints::RECEIPT_PDF.at(&[&s.id]), Some(&applicant))
        .await;
    assert_pdf_attachment(&r, &format!("receipt-{}.pdf", s.arrival_number));
    assert_eq!(
        r.header("cache-control").as_deref(),
        Some("private, no-store")
    );
    let pdf = String::from_utf8_lossy(&r.body).into_owned();
    assert!(pdf.contains("/StructTreeRoot"), "not tagged");
    assert!(pdf.contains("/Lang(ja)"), "no document language");
    let text = squeezed(&pdf_text(&r.body));
    for wanted in [
        ja::RECEIPT_TITLE,
        s.arrival_number.as_str(),
        s.content_sha256.as_str(),
        s.title.as_str(),
        "1310100019",
        tokyo_clinic().institution_name.as_str(),
        // Answers as 「入力内容の確認」 shows them.
        "山田太郎",
        "東医12345",
    ] {
        assert!(text.contains(&squeezed(wanted)), "{wanted} not in {text}");
    }
}

#[tokio::test]
async fn another_institution_and_strangers_get_no_receipt() {
    let (app, _, reviewer, s) = submitted_filing().await;
    let (_, osaka) = app.signed_in_as(osaka_clinic()).await;
    let path = endpoints::RECEIPT_PDF.at(&[&s.id]);
    let r = app.get(&path, Some(&osaka)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.api_error().code, ErrorCode::NotFound);
    assert_eq!(app.get(&path, None).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        app.get(&path, Some(&reviewer)).await.status,
        StatusCode::FORBIDDEN
    );
    let r = app
        .get("/api/v1/submissions/abc/receipt.pdf", Some(&osaka))
        .await;
    assert!(r.status.is_client_error(), "{r:?}");
    assert!(!r.api_error().message.is_ascii());
}

#[tokio::test]
async fn the_acceptance_notice_exists_once_accepted() {
    let (app, applicant, reviewer, s) = submitted_filing().await;
    let path = endpoints::ACCEPTANCE_NOTICE_PDF.at(&[&s.id]);
    let early = app.get(&path, Some(&applicant)).await;
    assert_eq!(early.status, StatusCode::CONFLICT);
    let error = early.api_error();
    assert_eq!(error.code, ErrorCode::DocumentNotIssued);
    assert_eq!(error.message, ja::DOCUMENT_NOT_ISSUED);

    for action in [Action::Receive, Action::Accept] {
        let r = act(&app, &reviewer, action, s.id).await;
        assert_eq!(r.status, StatusCode::OK, "{r:?}");
    }
    let accepted: Submission = app
        .call_ok(
            &endpoints::SUBMISSION,
            &[&s.id],
            None,
            Some(&applicant),
            StatusCode::OK,
        )
        .await;
    assert_eq!(accepted.status, FilingStatus::Accepted);
    let r = app.get(&path, Some(&applicant)).await;
    assert_pdf_attachment(&r, "acceptance-notice-");
    let text = squeezed(&pdf_text(&r.body));
    let effective = accepted.effective_date.expect("an effective date");
    for wanted in [
        ja::ACCEPTANCE_NOTICE_TITLE.to_string(),
        ja::ACCEPTANCE_NOTICE_LEAD.to_string(),
        accepted.acceptance_number.clone().unwrap(),
        format_date(effective),
        // Accepted today in the test clock's Japan time.
        format_date(
            app.clock
                .now()
                .to_offset(todoke_core::service_hours::JST)
                .date(),
        ),
        accepted.arrival_number.clone(),
        "関東信越厚生局".to_string(),
    ] {
        assert!(text.contains(&squeezed(&wanted)), "{wanted} not in {text}");
    }
}

#[tokio::test]
async fn the_manual_pdf_has_the_manual_in_the_asked_language_at_any_hour() {
    let app = spawn_app_with(|c| c.service_hours = ServiceHours::default()).await;
    app.clock.set(datetime!(2026-11-29 23:00 +9)); // a Sunday night: the service is closed
    let r = app.get(endpoints::MANUAL_PDF.path, None).await;
    assert_pdf_attachment(&r, "todoke-manual.pdf");
    let text = squeezed(&pdf_text(&r.body));
    assert!(text.contains(&squeezed(ja::MANUAL_TITLE)), "{text}");
    for section in ja::MANUAL_SECTIONS {
        assert!(
            text.contains(&squeezed(section.heading)),
            "{}",
            section.heading
        );
    }
    assert!(text.contains(&squeezed(ja::FAQ[0].question)));

    let r = app
        .get(&format!("{}?lang=en", endpoints::MANUAL_PDF.path), None)
        .await;
    assert_pdf_attachment(&r, "todoke-manual-en.pdf");
    assert!(String::from_utf8_lossy(&r.body).contains("/Lang(en)"));
    let text = squeezed(&pdf_text(&r.body));
    assert!(text.contains(&squeezed(en::MANUAL_TITLE)), "{text}");
    assert!(text.contains(&squeezed(en::MANUAL_SECTIONS[0].heading)));
    assert!(
        text.contains("Page1of"),
        "the footer's page number is English: {text}"
    );
}

#[tokio::test]
async fn without_its_font_the_server_says_documents_are_unavailable() {
    let app = spawn_app_with(|c| c.document_font = "/nonexistent/font.ttf".into()).await;
    let r = app.get(endpoints::MANUAL_PDF.path, None).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    let error = r.api_error();
    assert_eq!(error.code, ErrorCode::DocumentsUnavailable);
    assert_eq!(error.message, ja::DOCUMENTS_UNAVAILABLE);
    assert!(!error.message.contains("nonexistent"), "no detail leaks");
}
