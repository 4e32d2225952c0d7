//! The submission lifecycle through the API: every status × action for each role, who may see
//! and act on what, return → revise → resubmit → accept with the effective date, notices, and the
//! append-only audit log.

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use time::Duration;
use time::macros::{date, datetime};
use todoke_core::ErrorCode;
use todoke_core::api::endpoints;
use todoke_core::api::{Draft, FieldComment, FilingStatus, NoticeList, Submission};
use todoke_core::forms::{Answers, CheckReport};
use todoke_core::lifecycle::{self, Action, Actor};
use todoke_core::text::ja;
use todoke_server::accounts::NewApplicant;

use super::drafts::{create_draft, staff_change_answers};
use super::helpers::{TestApp, TestResponse, spawn_app_with, tokyo_clinic};

/// The app with sessions long enough for the clock to jump days.
pub async fn long_sessions_app() -> TestApp {
    spawn_app_with(|c| {
        c.session_idle = Duration::days(60);
        c.session_absolute = Duration::days(60);
    })
    .await
}

/// A valid staff change for the institution `applicant`.
pub fn answers_for(applicant: &NewApplicant, weekly_hours: &str) -> Answers {
    let mut a = staff_change_answers(&applicant.institution_code, weekly_hours);
    a.insert("institution_name".into(), json!(applicant.institution_name));
    a
}

/// Creates and submits a staff change (acknowledging whatever warnings the check gives).
/// A Tokyo clinic's filing, just submitted, with the clinic's and a reviewer's sessions.
pub async fn submitted_filing() -> (TestApp, String, String, Submission) {
    let app = long_sessions_app().await;
    let clinic = tokyo_clinic();
    let (_, applicant) = app.signed_in_as(clinic.clone()).await;
    let (_, reviewer) = app.signed_in_reviewer().await;
    let s = submit_new(&app, &applicant, &answers_for(&clinic, "40")).await;
    (app, applicant, reviewer, s)
}

pub async fn submit_new(app: &TestApp, cookie: &str, answers: &Answers) -> Submission {
    submit_new_form(app, cookie, "staff-change", answers).await
}

/// Creates and submits a filing of `form_id` (acknowledging whatever warnings the check gives).
pub async fn submit_new_form(
    app: &TestApp,
    cookie: &str,
    form_id: &str,
    answers: &Answers,
) -> Submission {
    let draft = create_draft(app, cookie, form_id, answers).await;
    let response = submit_draft(app, cookie, &draft).await;
    assert_eq!(response.status, StatusCode::CREATED, "{response:?}");
    serde_json::from_value(response.json()).unwrap()
}

pub async fn submit_draft(app: &TestApp, cookie: &str, draft: &Draft) -> TestResponse {
    let report: CheckReport = serde_json::from_value(
        app.send(
            Method::POST,
            &format!("/api/v1/forms/{}/check", draft.form_id),
            Some(json!({"answers": draft.answers})),
            Some(cookie),
        )
        .await
        .json(),
    )
    .unwrap();
    let keys: Vec<String> = report.warnings().map(|w| w.key()).collect();
    app.send(
        Method::POST,
        &format!("/api/v1/drafts/{}/submit", draft.id),
        Some(json!({"version": draft.version, "acknowledged_warnings": keys})),
        Some(cookie),
    )
    .await
}

/// The endpoint and body of `action`, as its own role calls it.
fn endpoint(action: Action, id: i64) -> (String, Value) {
    let body = match action {
        Action::Return => json!({"comment": "添付書類が不足しています。"}),
        Action::Reject => json!({"reason": "要件を満たしていません。"}),
        _ => json!({}),
    };
    let path = endpoints::action_path(action).replace("{id}", &id.to_string());
    (path, body)
}

pub async fn act(app: &TestApp, cookie: &str, action: Action, id: i64) -> TestResponse {
    let (path, body) = endpoint(action, id);
    app.send(Method::POST, &path, Some(body), Some(cookie))
        .await
}

/// The actions that take a fresh submission to `status`.
fn path_to(status: FilingStatus) -> &'static [Action] {
    use Action::*;
    match status {
        FilingStatus::Submitted => &[],
        FilingStatus::Received => &[Receive],
        FilingStatus::UnderReview => &[Receive, StartReview],
        FilingStatus::Returned => &[Receive, StartReview, Return],
        FilingStatus::Accepted => &[Receive, Accept],
        FilingStatus::Rejected => &[Receive, Reject],
        FilingStatus::Withdrawn => &[Withdraw],
        FilingStatus::Draft => unreachable!("drafts are not submissions"),
    }
}

struct Parties {
    applicant: String,
    reviewer: String,
}

impl Parties {
    fn cookie(&self, actor: Actor) -> &str {
        match actor {
            Actor::Applicant => &self.applicant,
            Actor::Reviewer => &self.reviewer,
        }
    }
}

async fn submission_in(app: &TestApp, p: &Parties, status: FilingStatus) -> Submission {
    let mut s = submit_new(app, &p.applicant, &answers_for(&tokyo_clinic(), "40")).await;
    for action in path_to(status) {
        let r = act(app, p.cookie(action.actor()), *action, s.id).await;
        assert_eq!(r.status, StatusCode::OK, "{action:?}: {r:?}");
        s = serde_json::from_value(r.json()).unwrap();
    }
    assert_eq!(s.status, status);
    s
}

async fn event_count(app: &TestApp, id: i64) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM filing_events WHERE submission_id = $1")
        .bind(id)
        .fetch_one(&app.state.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn every_status_and_action_for_each_role() {
    let app = long_sessions_app().await;
    let (_, applicant) = app.signed_in_as(tokyo_clinic()).await;
    let (_, reviewer) = app.signed_in_reviewer().await;
    let p = Parties {
        applicant,
        reviewer,
    };
    let statuses = FilingStatus::ALL
        .into_iter()
        .filter(|s| *s != FilingStatus::Draft);
    for status in statuses {
        for action in Action::ALL {
            let s = submission_in(&app, &p, status).await;
            let before = event_count(&app, s.id).await;
            assert_eq!(before as usize, 1 + path_to(status).len());

            // The other role has no such endpoint: 403 forbidden, nothing changes.
            let other = match action.actor() {
                Actor::Applicant => Actor::Reviewer,
                Actor::Reviewer => Actor::Applicant,
            };
            let r = act(&app, p.cookie(other), action, s.id).await;
            assert_eq!(
                r.status,
                StatusCode::FORBIDDEN,
                "{status:?} {action:?} {other:?}"
            );
            assert_eq!(r.api_error().code, ErrorCode::Forbidden);

            // The role the action belongs to: allowed or refused exactly as the machine says.
            let actor = action.actor();
            let r = act(&app, p.cookie(actor), action, s.id).await;
            match lifecycle::transition(status, action, actor) {
                Ok(to) => {
                    let expected = match action {
                        Action::Resubmit | Action::CopyToNewDraft => StatusCode::CREATED,
                        _ => StatusCode::OK,
                    };
                    assert_eq!(r.status, expected, "{status:?} {action:?}: {r:?}");
                    if action == Action::Resubmit {
                        // Revise gives the draft; submitting it completes the resubmission.
                        let draft: Draft = serde_json::from_value(r.json()).unwrap();
                        assert_eq!(detail(&app, &p, s.id).await.status, status);
                        let done = submit_draft(&app, &p.applicant, &draft).await;
                        assert_eq!(done.status, StatusCode::CREATED, "{done:?}");
                    }
                    let now = detail(&app, &p, s.id).await;
                    assert_eq!(now.status, to, "{status:?} {action:?}");
                    let added = match action {
                        Action::CopyToNewDraft => 0,
                        _ => 1,
                    };
                    assert_eq!(event_count(&app, s.id).await, before + added);
                }
                Err(e) => {
                    assert_eq!(
                        r.status,
                        StatusCode::CONFLICT,
                        "{status:?} {action:?}: {r:?}"
                    );
                    let error = r.api_error();
                    assert_eq!(error.code, ErrorCode::TransitionNotAllowed);
                    assert_eq!(error.message, e.message());
                    assert_eq!(detail(&app, &p, s.id).await.status, status);
                    assert_eq!(event_count(&app, s.id).await, before);
                }
            }
        }
    }
}

async fn detail(app: &TestApp, p: &Parties, id: i64) -> Submission {
    let r = app
        .get(&format!("/api/v1/submissions/{id}"), Some(&p.applicant))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{r:?}");
    serde_json::from_value(r.json()).unwrap()
}

#[tokio::test]
async fn allowed_actions_are_the_machines_for_each_viewer() {
    let app = long_sessions_app().await;
    let (_, applicant) = app.signed_in_as(tokyo_clinic()).await;
    let (_, reviewer) = app.signed_in_reviewer().await;
    let p = Parties {
        applicant,
        reviewer,
    };
    for status in [
        FilingStatus::Submitted,
        FilingStatus::UnderReview,
        FilingStatus::Returned,
        FilingStatus::Accepted,
    ] {
        let s = submission_in(&app, &p, status).await;
        let mine = detail(&app, &p, s.id).await;
        assert_eq!(
            mine.allowed_actions,
            lifecycle::allowed_actions(status, Actor::Applicant)
        );
        assert_eq!(mine.next_actor_label, lifecycle::next_actor_label(status));
        assert!(mine.institution.is_none());
        let theirs: Submission = serde_json::from_value(
            app.get(
                &format!("/api/v1/review/filings/{}", s.id),
                Some(&p.reviewer),
            )
            .await
            .json(),
        )
        .unwrap();
        assert_eq!(
            theirs.allowed_actions,
            lifecycle::allowed_actions(status, Actor::Reviewer)
        );
        assert_eq!(theirs.institution.unwrap().name, "とどけ内科");
        assert_eq!(theirs.history, mine.history);
    }
}

#[tokio::test]
async fn another_institution_cannot_see_or_act_by_guessing_ids() {
    let app = long_sessions_app().await;
    let (_, owner) = app.signed_in_as(tokyo_clinic()).await;
    let (_, other) = app.signed_in_as(super::helpers::hiroshima_clinic()).await;
    let (_, reviewer) = app.signed_in_reviewer().await;
    let s = submit_new(&app, &owner, &answers_for(&tokyo_clinic(), "40")).await;
    let r = act(&app, &reviewer, Action::Receive, s.id).await;
    assert_eq!(r.status, StatusCode::OK);

    for id in [s.id, 999_999] {
        let r = app
            .get(&format!("/api/v1/submissions/{id}"), Some(&other))
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        for action in [Action::Withdraw, Action::Resubmit, Action::CopyToNewDraft] {
            let r = act(&app, &other, action, id).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{action:?}: {r:?}");
            assert_eq!(r.api_error().code, ErrorCode::NotFound);
        }
    }
    // The notice of the receipt is the owner's alone.
    let notices: NoticeList =
        serde_json::from_value(app.get("/api/v1/notices", Some(&owner)).await.json()).unwrap();
    let id = notices.items[0].id;
    let r = app
        .send(
            Method::POST,
            &format!("/api/v1/notices/{id}/read"),
            None,
            Some(&other),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let theirs: NoticeList =
        serde_json::from_value(app.get("/api/v1/notices", Some(&other)).await.json()).unwrap();
    assert_eq!(theirs.unread, 0);
    assert!(theirs.items.is_empty());
    // Nothing changed.
    let p = Parties {
        applicant: owner,
        reviewer,
    };
    let now = detail(&app, &p, s.id).await;
    assert_eq!(now.status, FilingStatus::Received);
    assert_eq!(now.history.len(), 2);
}

fn sha256_hex(s: &str) -> String {
    hex::encode(Sha256::digest(s.as_bytes()))
}

#[tokio::test]
async fn return_revise_resubmit_accept_with_the_effective_date() {
    let app = long_sessions_app().await;
    let clinic = tokyo_clinic();
    let (_, applicant) = app.signed_in_as(clinic.clone()).await;
    let (_, reviewer) = app.signed_in_reviewer().await;
    let p = Parties {
        applicant: applicant.clone(),
        reviewer: reviewer.clone(),
    };
    let first = submit_new(&app, &applicant, &answers_for(&clinic, "40")).await;
    assert_eq!(first.status, FilingStatus::Submitted);
    assert_eq!(
        first.content_sha256,
        sha256_hex(&serde_json::to_string(&first.answers).unwrap())
    );
    assert_eq!(first.history.len(), 1);
    assert_eq!(first.history[0].action, "submit");
    assert_eq!(first.history[0].action_label, ja::ACTION_SUBMIT);
    assert_eq!(first.history[0].actor_label, "とどけ内科");
    assert_eq!(first.next_actor_label, ja::ACTOR_REVIEWER);

    for action in [Action::Receive, Action::StartReview] {
        assert_eq!(
            act(&app, &reviewer, action, first.id).await.status,
            StatusCode::OK
        );
    }
    // A return needs a comment; a past deadline is refused.
    let path = format!("/api/v1/review/filings/{}/return", first.id);
    let bad = app
        .send(
            Method::POST,
            &path,
            Some(json!({"comment": " ", "deadline": "2026-11-24"})),
            Some(&reviewer),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad:?}");
    let error = bad.api_error();
    assert_eq!(
        error.fields.get("comment").unwrap(),
        [ja::RETURN_COMMENT_REQUIRED]
    );
    assert_eq!(
        error.fields.get("deadline").unwrap(),
        [ja::RETURN_DEADLINE_PAST]
    );

    // Field comments must name an item of this filing's content: not a field the form does
    // not have, not a row the filing does not have, not the form of another procedure.
    for (i, bogus) in [
        "staff[0].no_such_field",
        "staff[5].weekly_hours",
        "no_such_field",
        "prescriptions_last_year",
    ]
    .into_iter()
    .enumerate()
    {
        let bad = app
            .send(
                Method::POST,
                &path,
                Some(json!({
                    "comment": "確認してください。",
                    "field_comments": [
                        {"path": "staff[0].weekly_hours", "comment": "確認してください。"},
                        {"path": bogus, "comment": "確認してください。"},
                    ],
                })),
                Some(&reviewer),
            )
            .await;
        assert_eq!(
            bad.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{i} {bogus}: {bad:?}"
        );
        let error = bad.api_error();
        assert_eq!(
            error.fields.get("field_comments[1]").unwrap(),
            [ja::FIELD_COMMENT_NO_SUCH_ITEM],
            "{bogus}"
        );
        assert_eq!(error.fields.get("field_comments[0]"), None);
    }
    assert_eq!(
        detail(&app, &p, first.id).await.status,
        FilingStatus::UnderReview,
        "nothing changed"
    );

    app.clock.advance(Duration::hours(1));
    let returned = app
        .send(
            Method::POST,
            &path,
            Some(json!({
                "comment": "勤務時間を確認してください。",
                "field_comments": [{"path": "staff[0].weekly_hours", "comment": "週32時間以上か確認してください。"}],
                "deadline": "2026-12-10",
            })),
            Some(&reviewer),
        )
        .await;
    assert_eq!(returned.status, StatusCode::OK, "{returned:?}");

    // The applicant sees the comments beside the field, the deadline, and what to do.
    let seen = detail(&app, &p, first.id).await;
    assert_eq!(seen.status, FilingStatus::Returned);
    assert_eq!(
        seen.field_comments,
        [FieldComment {
            path: "staff[0].weekly_hours".into(),
            comment: "週32時間以上か確認してください。".into()
        }]
    );
    assert_eq!(
        seen.return_comment.as_deref(),
        Some("勤務時間を確認してください。")
    );
    assert_eq!(seen.return_deadline, Some(date!(2026 - 12 - 10)));
    assert_eq!(seen.allowed_actions, [Action::Withdraw, Action::Resubmit]);
    assert_eq!(seen.next_actor_label, ja::ACTOR_APPLICANT);
    let last = seen.history.last().unwrap();
    assert_eq!(last.action_label, ja::ACTION_RETURN);
    assert_eq!(last.actor_label, "関東信越厚生局 審査担当");
    assert_eq!(
        last.comment.as_deref(),
        Some("勤務時間を確認してください。")
    );
    assert_eq!(last.field_comments, seen.field_comments);
    assert_eq!(last.deadline, Some(date!(2026 - 12 - 10)));

    // Revise: a draft with the submitted answers, linked; asking again gives the same draft.
    let revise = format!("/api/v1/submissions/{}/revise", first.id);
    let r = app
        .send(Method::POST, &revise, None, Some(&applicant))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{r:?}");
    let draft: Draft = serde_json::from_value(r.json()).unwrap();
    assert_eq!(draft.revises_submission_id, Some(first.id));
    assert_eq!(draft.answers, first.answers);
    let again = app
        .send(Method::POST, &revise, None, Some(&applicant))
        .await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(
        serde_json::from_value::<Draft>(again.json()).unwrap(),
        draft
    );

    // Fix and resubmit through the ordinary submit endpoint.
    app.clock.advance(Duration::hours(1));
    let fixed = answers_for(&clinic, "38");
    let saved = app
        .send(
            Method::PUT,
            &format!("/api/v1/drafts/{}", draft.id),
            Some(json!({"answers": fixed, "version": 1})),
            Some(&applicant),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{saved:?}");
    let draft: Draft = serde_json::from_value(saved.json()).unwrap();
    let r = submit_draft(&app, &applicant, &draft).await;
    assert_eq!(r.status, StatusCode::CREATED, "{r:?}");
    let resubmitted: Submission = serde_json::from_value(r.json()).unwrap();
    assert_eq!(resubmitted.id, first.id);
    assert_eq!(resubmitted.arrival_number, first.arrival_number);
    assert_eq!(resubmitted.status, FilingStatus::Submitted);
    assert_eq!(resubmitted.submitted_at, datetime!(2026-11-25 12:00 +9));
    assert_eq!(resubmitted.answers["staff"][0]["weekly_hours"], "38.0");
    assert_eq!(resubmitted.previous_answers.as_ref(), Some(&first.answers));
    assert_ne!(resubmitted.content_sha256, first.content_sha256);
    assert_eq!(
        resubmitted.content_sha256,
        sha256_hex(&serde_json::to_string(&resubmitted.answers).unwrap())
    );
    let actions: Vec<&str> = resubmitted
        .history
        .iter()
        .map(|h| h.action.as_str())
        .collect();
    assert_eq!(
        actions,
        ["submit", "receive", "start_review", "return", "resubmit"]
    );
    // Submitting the revision draft again is the same resubmission, not another.
    let twice = submit_draft(&app, &applicant, &draft).await;
    assert_eq!(twice.status, StatusCode::OK);
    assert_eq!(event_count(&app, first.id).await, 5);
    assert_eq!(app.count("submissions").await, 1);

    // Accepted on Tuesday 1 December 2026, the first business day: effective that day.
    app.clock.set(datetime!(2026-12-01 10:00 +9));
    for action in [Action::Receive, Action::Accept] {
        let r = act(&app, &reviewer, action, first.id).await;
        assert_eq!(r.status, StatusCode::OK, "{r:?}");
    }
    let accepted = detail(&app, &p, first.id).await;
    assert_eq!(accepted.status, FilingStatus::Accepted);
    assert_eq!(accepted.effective_date, Some(date!(2026 - 12 - 01)));
    assert_eq!(accepted.acceptance_number.as_deref(), Some("2026-A-000001"));
    assert!(accepted.allowed_actions.is_empty());
    assert_eq!(accepted.next_actor_label, ja::NEXT_ACTOR_NONE);

    // Another accepted the next day takes effect on 1 January.
    app.clock.set(datetime!(2026-12-02 10:00 +9));
    let second = submit_new(&app, &applicant, &answers_for(&clinic, "40")).await;
    for action in [Action::Receive, Action::Accept] {
        assert_eq!(
            act(&app, &reviewer, action, second.id).await.status,
            StatusCode::OK
        );
    }
    let second = detail(&app, &p, second.id).await;
    assert_eq!(second.effective_date, Some(date!(2027 - 01 - 01)));
    assert_eq!(second.acceptance_number.as_deref(), Some("2026-A-000002"));
}

#[tokio::test]
async fn reject_needs_a_reason_and_copy_makes_an_unlinked_draft() {
    let (app, applicant, reviewer, s) = submitted_filing().await;
    act(&app, &reviewer, Action::Receive, s.id).await;
    let path = format!("/api/v1/review/filings/{}/reject", s.id);
    let r = app
        .send(
            Method::POST,
            &path,
            Some(json!({"reason": ""})),
            Some(&reviewer),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        r.api_error().fields.get("reason").unwrap(),
        [ja::REJECTION_REASON_REQUIRED]
    );
    let r = app
        .send(
            Method::POST,
            &path,
            Some(json!({"reason": "施設基準を満たしていません。"})),
            Some(&reviewer),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let rejected: Submission = serde_json::from_value(r.json()).unwrap();
    assert_eq!(
        rejected.rejection_reason.as_deref(),
        Some("施設基準を満たしていません。")
    );
    let copy = app
        .send(
            Method::POST,
            &format!("/api/v1/submissions/{}/copy", s.id),
            None,
            Some(&applicant),
        )
        .await;
    assert_eq!(copy.status, StatusCode::CREATED);
    let draft: Draft = serde_json::from_value(copy.json()).unwrap();
    assert_eq!(draft.revises_submission_id, None);
    assert_eq!(draft.answers, s.answers);
    // Submitting the copy is a new submission with a new arrival number.
    let r = submit_draft(&app, &applicant, &draft).await;
    assert_eq!(r.status, StatusCode::CREATED);
    let new: Submission = serde_json::from_value(r.json()).unwrap();
    assert_ne!(new.id, s.id);
    assert_ne!(new.arrival_number, s.arrival_number);
}

#[tokio::test]
async fn notices_count_unread_and_are_marked_read() {
    let app = long_sessions_app().await;
    let clinic = tokyo_clinic();
    let (_, applicant) = app.signed_in_as(clinic.clone()).await;
    let (_, reviewer) = app.signed_in_reviewer().await;
    let notices = |cookie: String| {
        let app = &app;
        async move {
            let r = app.get("/api/v1/notices", Some(&cookie)).await;
            assert_eq!(r.status, StatusCode::OK, "{r:?}");
            serde_json::from_value::<NoticeList>(r.json()).unwrap()
        }
    };
    let s = submit_new(&app, &applicant, &answers_for(&clinic, "40")).await;
    assert_eq!(notices(applicant.clone()).await.unread, 0);
    act(&app, &reviewer, Action::Receive, s.id).await;
    app.clock.advance(Duration::minutes(1));
    act(&app, &reviewer, Action::StartReview, s.id).await;
    let list = notices(applicant.clone()).await;
    assert_eq!(list.unread, 2);
    assert_eq!(list.items.len(), 2);
    assert_eq!(list.items[0].status, FilingStatus::UnderReview);
    assert_eq!(list.items[0].submission_id, s.id);
    assert_eq!(
        list.items[0].message,
        ja::notice_status_changed(&s.title, &s.arrival_number, "審査中")
    );
    assert!(!list.items[0].read);

    let read = |id: i64| {
        let app = &app;
        let cookie = applicant.clone();
        async move {
            app.send(
                Method::POST,
                &format!("/api/v1/notices/{id}/read"),
                None,
                Some(&cookie),
            )
            .await
        }
    };
    assert_eq!(read(list.items[1].id).await.status, StatusCode::NO_CONTENT);
    assert_eq!(read(list.items[1].id).await.status, StatusCode::NO_CONTENT);
    let after = notices(applicant.clone()).await;
    assert_eq!(after.unread, 1);
    assert!(after.items[1].read);
    assert!(!after.items[0].read);
    assert_eq!(read(999_999).await.status, StatusCode::NOT_FOUND);

    // The applicant's own withdrawal is no notice to itself.
    act(&app, &applicant, Action::Withdraw, s.id).await;
    assert_eq!(notices(applicant.clone()).await.unread, 1);
    // Reviewers have no notices endpoint.
    assert_eq!(
        app.get("/api/v1/notices", Some(&reviewer)).await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn the_audit_log_has_one_row_per_transition_and_cannot_be_changed() {
    let (app, applicant, reviewer, s) = submitted_filing().await;
    let mut expected = vec![("submit", "applicant", Some("draft"), "submitted")];
    for (action, cookie) in [
        (Action::Receive, &reviewer),
        (Action::StartReview, &reviewer),
        (Action::Withdraw, &applicant),
    ] {
        let r = act(&app, cookie, action, s.id).await;
        assert_eq!(r.status, StatusCode::OK);
        // Refused attempts leave no row.
        let refused = act(&app, &reviewer, Action::Receive, s.id).await;
        assert_eq!(refused.status, StatusCode::CONFLICT);
        expected.push(match action {
            Action::Receive => ("receive", "reviewer", Some("submitted"), "received"),
            Action::StartReview => ("start_review", "reviewer", Some("received"), "under_review"),
            _ => ("withdraw", "applicant", Some("under_review"), "withdrawn"),
        });
    }
    let rows: Vec<(String, String, Option<String>, String)> = sqlx::query_as(
        "SELECT action, actor_role, from_status, to_status FROM filing_events
         WHERE submission_id = $1 ORDER BY id",
    )
    .bind(s.id)
    .fetch_all(&app.state.pool)
    .await
    .unwrap();
    let rows: Vec<(&str, &str, Option<&str>, &str)> = rows
        .iter()
        .map(|(a, r, f, t)| (a.as_str(), r.as_str(), f.as_deref(), t.as_str()))
        .collect();
    assert_eq!(rows, expected);

    // The database refuses changes, whoever asks.
    for sql in [
        "UPDATE filing_events SET comment = 'x'",
        "DELETE FROM filing_events",
    ] {
        assert!(
            sqlx::query(sql).execute(&app.state.pool).await.is_err(),
            "{sql}"
        );
    }
    assert_eq!(app.count("filing_events").await, 4);

    // And the API has no route that could: only GET and POST on the lifecycle's paths, none
    // on the log itself.
    let doc = serde_json::to_value(todoke_server::openapi::document()).unwrap();
    for (path, item) in doc["paths"].as_object().unwrap() {
        assert!(
            !path.contains("event") && !path.contains("history"),
            "{path}"
        );
        if path.starts_with("/api/v1/review") || path.starts_with("/api/v1/submissions") {
            for method in item.as_object().unwrap().keys() {
                assert!(
                    ["get", "post", "parameters"].contains(&method.as_str()),
                    "{method} {path}"
                );
            }
        }
    }
    for method in [Method::PUT, Method::DELETE, Method::PATCH] {
        let r = app
            .send(
                method.clone(),
                &format!("/api/v1/review/filings/{}", s.id),
                Some(json!({})),
                Some(&reviewer),
            )
            .await;
        assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED, "{method}");
    }
}

#[tokio::test]
async fn a_revision_draft_cannot_resubmit_a_withdrawn_filing() {
    let (app, applicant, reviewer, s) = submitted_filing().await;
    for action in [Action::Receive, Action::Return] {
        assert_eq!(
            act(&app, &reviewer, action, s.id).await.status,
            StatusCode::OK
        );
    }
    let r = act(&app, &applicant, Action::Resubmit, s.id).await;
    assert_eq!(r.status, StatusCode::CREATED);
    let draft: Draft = serde_json::from_value(r.json()).unwrap();
    assert_eq!(
        act(&app, &applicant, Action::Withdraw, s.id).await.status,
        StatusCode::OK
    );
    let r = submit_draft(&app, &applicant, &draft).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{r:?}");
    let error = r.api_error();
    assert_eq!(error.code, ErrorCode::TransitionNotAllowed);
    assert!(error.message.contains("取下げ"), "{}", error.message);
    let p = Parties {
        applicant,
        reviewer,
    };
    assert_eq!(detail(&app, &p, s.id).await.status, FilingStatus::Withdrawn);
    assert_eq!(event_count(&app, s.id).await, 4);
}

/// `GET path` as the app sends it for a user who chose `lang`.
async fn get_in(app: &TestApp, path: &str, cookie: &str, lang: &str) -> TestResponse {
    let request = axum::http::Request::get(path)
        .header(axum::http::header::COOKIE, cookie)
        .header(axum::http::header::ACCEPT_LANGUAGE, lang)
        .body(axum::body::Body::empty())
        .unwrap();
    app.request(request).await
}

#[tokio::test]
async fn a_reader_in_english_gets_notices_and_titles_in_english_and_the_record_stays_japanese() {
    use todoke_core::text::{Lang, en, lang::in_lang};
    let (app, applicant, reviewer, s) = submitted_filing().await;
    act(&app, &reviewer, Action::Receive, s.id).await;

    let english_title = in_lang(Lang::En, || {
        todoke_core::forms::definition(&s.form_id).unwrap().title
    });
    assert_ne!(english_title, s.title, "the record's title is Japanese");
    let received = in_lang(Lang::En, || FilingStatus::Received.label());
    assert_eq!(received, "Received");

    let r = get_in(
        &app,
        "/api/v1/notices",
        &applicant,
        "en-GB,en;q=0.9,ja;q=0.5",
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{r:?}");
    assert!(
        r.header("vary")
            .is_some_and(|v| v.contains("accept-language")),
        "{r:?}"
    );
    let list: NoticeList = serde_json::from_value(r.json()).unwrap();
    assert_eq!(
        list.items[0].message,
        en::notice_status_changed(&english_title, &s.arrival_number, received)
    );
    // The same notice in Japanese is the one the record wrote.
    let r = get_in(&app, "/api/v1/notices", &applicant, "ja").await;
    let list: NoticeList = serde_json::from_value(r.json()).unwrap();
    assert_eq!(
        list.items[0].message,
        ja::notice_status_changed(&s.title, &s.arrival_number, "受付済")
    );

    let path = endpoints::SUBMISSION.at(&[&s.id]);
    let detail: Submission =
        serde_json::from_value(get_in(&app, &path, &applicant, "en").await.json()).unwrap();
    assert_eq!(detail.title, english_title);
    let detail: Submission =
        serde_json::from_value(get_in(&app, &path, &applicant, "ja").await.json()).unwrap();
    assert_eq!(detail.title, s.title);
}

#[tokio::test]
async fn notices_carry_what_the_bureau_said() {
    let (app, applicant, reviewer, s) = submitted_filing().await;
    let notices = || async {
        let r = app.get("/api/v1/notices", Some(&applicant)).await;
        serde_json::from_value::<NoticeList>(r.json())
            .unwrap()
            .items
    };
    act(&app, &reviewer, Action::Receive, s.id).await;
    assert_eq!(
        notices().await[0].comment,
        None,
        "a plain change says nothing more"
    );
    let path = endpoints::action_path(Action::Return).replace("{id}", &s.id.to_string());
    let returned = app
        .send(
            Method::POST,
            &path,
            Some(json!({
                "comment": "勤務時間を確認してください。\n修正のうえ再提出してください。",
                "field_comments": [{"path": "staff[0].weekly_hours", "comment": "週32時間以上か確認してください。"}],
                "deadline": "2026-12-10",
            })),
            Some(&reviewer),
        )
        .await;
    assert_eq!(returned.status, StatusCode::OK, "{returned:?}");
    let def = todoke_core::forms::definition(&s.form_id).unwrap();
    let label = todoke_core::forms::review_rows(&def, &s.answers)
        .into_iter()
        .find(|r| r.path == "staff[0].weekly_hours")
        .unwrap()
        .full_label();
    let n = &notices().await[0];
    assert_eq!(n.status, FilingStatus::Returned);
    assert_eq!(
        n.comment.as_deref(),
        Some("勤務時間を確認してください。\n修正のうえ再提出してください。")
    );
    assert_eq!(
        n.field_comments,
        [todoke_core::api::NoticeFieldComment {
            label,
            comment: "週32時間以上か確認してください。".into()
        }]
    );
    assert_eq!(n.deadline, Some(date!(2026 - 12 - 10)));
    assert_eq!(n.effective_date, None);

    // Accepted: the 算定開始日. Rejected: the reason.
    let clinic = tokyo_clinic();
    let accepted = submit_new(&app, &applicant, &answers_for(&clinic, "40")).await;
    act(&app, &reviewer, Action::Receive, accepted.id).await;
    act(&app, &reviewer, Action::Accept, accepted.id).await;
    let n = &notices().await[0];
    assert_eq!(n.status, FilingStatus::Accepted);
    let detail: Submission = serde_json::from_value(
        app.get(&endpoints::SUBMISSION.at(&[&accepted.id]), Some(&applicant))
            .await
            .json(),
    )
    .unwrap();
    assert!(detail.effective_date.is_some());
    assert_eq!(n.effective_date, detail.effective_date);
    assert_eq!((n.comment.as_ref(), n.deadline), (None, None));

    let rejected = submit_new(&app, &applicant, &answers_for(&clinic, "40")).await;
    act(&app, &reviewer, Action::Receive, rejected.id).await;
    act(&app, &reviewer, Action::Reject, rejected.id).await;
    let n = &notices().await[0];
    assert_eq!(n.status, FilingStatus::Rejected);
    assert_eq!(n.comment.as_deref(), Some("要件を満たしていません。"));
    assert!(n.field_comments.is_empty());
}
