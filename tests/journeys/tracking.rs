//! Issue 4's journey: the applicant submits, the bureau returns it with a comment on a field,
//! the applicant sees the comment beside the field, revises and resubmits, the bureau accepts,
//! and the applicant sees 受理 with the effective date and can print the receipt.

use fantoccini::key::Key;

use crate::filing::{
    fill, fill_staff_row, first_sign_in, header_and_filing_pages_then_submit, next, start_filing,
    wait_for_field,
};
use crate::harness::{Browser, Journey, NEW_PASSWORD, ServerOptions};

async fn press(j: &Journey, id: &str) {
    j.tab_to(id).await;
    j.press(Key::Enter).await;
}

async fn return_and_accept_journey(browser: Browser) {
    let j = Journey::start(browser, ServerOptions::default()).await;
    start_filing(&j, "DEMO-MED", "Demo#Med0001", "staff-change").await;
    fill(&j, "contact_name", "山田 花子").await;
    fill(&j, "contact_phone", "03-1234-5678").await;
    next(&j).await;
    wait_for_field(&j, "staff[0].name").await;
    fill_staff_row(&j, "40").await;
    next(&j).await;
    header_and_filing_pages_then_submit(&j, "とどけ内科クリニック").await;
    j.wait_for_text("内容を見る")
        .await
        .click()
        .await
        .expect("open the submission");
    j.wait_for_heading("提出した届書・申請書").await;
    let url = j.client.current_url().await.expect("url");
    let id: i64 = url
        .path()
        .rsplit('/')
        .next()
        .and_then(|s| s.parse().ok())
        .expect("submission id");
    j.sign_out().await;

    // The bureau: the filing is in the queue; receive, start review, return with a field comment.
    first_sign_in(&j, "DEMO-REVIEW", "Demo#Rev0001").await;
    j.wait_for_text("とどけ内科クリニック").await;
    j.assert_accessible("review queue").await;
    j.open(&format!("/review/{id}")).await;
    j.wait_for_heading("届書・申請書の審査").await;
    j.assert_accessible("review detail").await;
    press(&j, "todoke-receive").await;
    j.by_id("todoke-start-review").await;
    press(&j, "todoke-start-review").await;
    j.by_id("todoke-return").await;
    press(&j, "todoke-return").await;
    j.wait_for_text("差戻しの理由（コメント）を入力してください")
        .await;
    j.assert_accessible("return without a comment").await;
    j.tab_to("todoke-return_comment").await;
    j.type_text("医療機関コードを確認してください。").await;
    j.tab_to("todoke-field-comment-text").await;
    j.type_text("コードの末尾を確認してください。").await;
    press(&j, "todoke-add-field-comment").await;
    press(&j, "todoke-return").await;
    j.wait_for_text("操作を受け付けました").await;
    j.wait_for_text("差戻し").await;
    j.sign_out().await;

    // The applicant is told in the header, sees the comment beside the field, revises and resubmits.
    j.sign_in("DEMO-MED", NEW_PASSWORD).await;
    j.wait_for_heading("届書・申請書検索一覧").await;
    j.wait_for_text("お知らせ（未読3件）").await;
    // The header comes before the page content: Shift+Tab reaches it.
    j.shift_tab_to("todoke-notices-link").await;
    j.press(Key::Enter).await;
    j.wait_for_heading("お知らせ").await;
    j.wait_for_text("未読").await;
    j.assert_accessible("notices").await;
    j.open("/submissions").await;
    j.wait_for_heading("届書・申請書検索一覧").await;
    j.wait_for_text("差戻し").await;
    j.open(&format!("/submissions/{id}")).await;
    j.wait_for_text("コードの末尾を確認してください。").await;
    j.wait_for_text("医療機関コードを確認してください。").await;
    // Opening the filing read its notices: the header count goes away.
    let unread =
        fantoccini::Locator::XPath("//a[@id='todoke-notices-link' and contains(., '未読')]");
    for _ in 0..50 {
        if j.client.find(unread).await.is_err() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        j.client.find(unread).await.is_err(),
        "notices still unread after opening the filing"
    );
    j.assert_accessible("returned filing").await;
    press(&j, "todoke-revise").await;
    wait_for_field(&j, "contact_name").await;
    crate::filing::refill(&j, "contact_name", "山田 花子（確認済）").await;
    for field in [
        "staff[0].name",
        "declaration_no_improper_filing",
        "filing_date",
    ] {
        next(&j).await;
        wait_for_field(&j, field).await;
    }
    next(&j).await;
    j.wait_for_heading("入力内容の確認").await;
    press(&j, "todoke-submit").await;
    j.wait_for_heading("提出が完了しました").await;
    j.sign_out().await;

    // The bureau accepts.
    j.sign_in("DEMO-REVIEW", NEW_PASSWORD).await;
    j.wait_for_heading("届書・申請書検索一覧").await;
    j.open(&format!("/review/{id}")).await;
    j.wait_for_heading("届書・申請書の審査").await;
    j.wait_for_text("前回の提出から変更").await;
    press(&j, "todoke-receive").await;
    j.by_id("todoke-start-review").await;
    press(&j, "todoke-start-review").await;
    j.by_id("todoke-accept").await;
    press(&j, "todoke-accept").await;
    j.wait_for_text("算定開始日").await;
    j.sign_out().await;

    // The applicant sees 受理, the effective date, and can print the receipt.
    j.sign_in("DEMO-MED", NEW_PASSWORD).await;
    j.wait_for_heading("届書・申請書検索一覧").await;
    j.open(&format!("/submissions/{id}")).await;
    j.wait_for_text("受理番号").await;
    j.wait_for_text("算定開始日").await;
    j.wait_for_text("SHA-256").await;
    j.by_id("todoke-print").await;
    j.assert_accessible("accepted filing").await;
    j.snapshot("accepted-filing").await;
    j.finish().await;
}

in_both_browsers!(return_and_accept_journey);
