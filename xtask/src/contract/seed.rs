//! Accounts and data for the fuzz: the demo accounts signed in with a fresh password, and filings in every status.

use super::*;

/// A new password for the demo accounts that passes the policy and differs from run to run.
pub(super) fn new_password() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    // Letters far apart on the keyboard and in the alphabet: no run of neighbours, no word.
    let tail: String = (0..4)
        .map(|i| b"kmtx"[(nanos >> (i * 2)) as usize % 4] as char)
        .collect();
    format!("Kx7#mQ2!vRt9{tail}")
}

/// Signs in with the initial password and changes it; answers the new session's cookie
/// (`todoke_session=…`).
pub(super) fn first_session(
    addr: SocketAddr,
    user_id: &str,
    initial: &str,
    new: &str,
) -> Result<String> {
    let signed_in = expect(
        http(
            addr,
            "POST",
            "/api/v1/session",
            None,
            Some(&json!({"user_id": user_id, "password": initial})),
        )?,
        200,
        &format!("sign-in as {user_id}"),
    )?;
    let cookie = signed_in.cookie().ok_or("sign-in set no session cookie")?;
    let changed = expect(
        http(
            addr,
            "PUT",
            "/api/v1/account/password",
            Some(&cookie),
            Some(&json!({
                "current_password": initial,
                "new_password": new,
                "new_password_confirmation": new,
            })),
        )?,
        200,
        &format!("password change of {user_id}"),
    )?;
    changed
        .cookie()
        .ok_or_else(|| "the password change set no session cookie".to_string())
}

/// The lifecycle steps taken on each seeded submission, so that the fuzz finds one in every
/// status an action starts from.
pub(super) const SUBMISSIONS: &[&[&str]] = &[
    &[],
    &[],
    &["receive"],
    &["receive"],
    &["receive", "start-review"],
    &["receive", "start-review"],
    &["receive", "return"],
    &["receive", "start-review", "return"],
    &["withdraw"],
    &["receive", "start-review", "reject"],
];

/// One draft and [`SUBMISSIONS`] of the applicant (利用終了届出, the shortest form), taken
/// through the lifecycle by the applicant and the reviewer.
pub(super) fn seed(addr: SocketAddr, applicant: &str, reviewer: &str) -> Result {
    let bundle = expect(
        http(
            addr,
            "GET",
            "/api/v1/forms/end-of-use",
            Some(applicant),
            None,
        )?,
        200,
        "the end-of-use form",
    )?
    .json()?;
    let today = bundle["context"]["today"]
        .as_str()
        .ok_or("the form bundle has no context.today")?
        .to_string();
    let answers = json!({
        "institution_code": DEMO_CODE,
        "contact_name": "届出 花子",
        "contact_phone": "03-1234-5678",
        "end_reason": "closure",
        "last_day_of_use": today,
        "declaration_end_of_use": true,
        "filing_date": today,
        "institution_name": DEMO_NAME,
        "institution_postal_code": "100-0001",
        "institution_address": "東京都千代田区千代田1-1",
        "founder_name": "医療法人とどけ会 理事長 届出 太郎",
    });
    let new_draft = || -> Result<Value> {
        expect(
            http(
                addr,
                "POST",
                "/api/v1/drafts",
                Some(applicant),
                Some(&json!({"form_id": "end-of-use", "answers": answers})),
            )?,
            201,
            "creating a draft",
        )?
        .json()
    };
    new_draft()?;
    let report = expect(
        http(
            addr,
            "POST",
            "/api/v1/forms/end-of-use/check",
            Some(applicant),
            Some(&json!({"answers": answers})),
        )?,
        200,
        "checking the answers",
    )?
    .json()?;
    let issues = report["issues"].as_array().cloned().unwrap_or_default();
    if let Some(error) = issues.iter().find(|i| i["severity"] == "error") {
        return Err(format!("the seeded answers fail the check: {error}"));
    }
    let warnings: Vec<String> = issues
        .iter()
        .map(|i| {
            format!(
                "{}@{}",
                i["code"].as_str().unwrap_or(""),
                i["path"].as_str().unwrap_or("")
            )
        })
        .collect();
    let mut submissions = Vec::new();
    for _ in 0..SUBMISSIONS.len() {
        let draft = new_draft()?;
        let submitted = expect(
            http(
                addr,
                "POST",
                &format!("/api/v1/drafts/{}/submit", draft["id"]),
                Some(applicant),
                Some(&json!({"version": draft["version"], "acknowledged_warnings": warnings})),
            )?,
            201,
            "submitting a draft",
        )?
        .json()?;
        submissions.push(submitted["id"].clone());
    }
    for (id, steps) in submissions.iter().zip(SUBMISSIONS) {
        for step in *steps {
            let (who, path, body) = match *step {
                "withdraw" => (
                    applicant,
                    format!("/api/v1/submissions/{id}/withdraw"),
                    json!({}),
                ),
                "return" => (
                    reviewer,
                    format!("/api/v1/review/filings/{id}/return"),
                    json!({"comment": "添付書類を確認してください。"}),
                ),
                "reject" => (
                    reviewer,
                    format!("/api/v1/review/filings/{id}/reject"),
                    json!({"reason": "要件を満たしていません。"}),
                ),
                action => (
                    reviewer,
                    format!("/api/v1/review/filings/{id}/{action}"),
                    json!({}),
                ),
            };
            expect(
                http(addr, "POST", &path, Some(who), Some(&body))?,
                200,
                &format!("seeding: {step} of submission {id}"),
            )?;
        }
    }
    Ok(())
}
