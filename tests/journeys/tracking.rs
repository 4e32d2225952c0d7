//! Issue 4's journey: the applicant submits, the bureau returns it with a comment on a field,
//! the applicant sees the comment beside the field, revises and resubmits, the bureau accepts,
//! and the applicant sees 受理 with the effective date and can print the receipt.

use fantoccini::key::Key;

use crate::filing::{
    choose, contact_page, filing_page_then_submit, fill, fill_staff_row, fill_today, first_sign_in,
    header_and_filing_pages_then_submit, next, start_filing, submission_id_in_url, tick,
    wait_for_field,
};
use crate::harness::{Browser, Journey, NEW_PASSWORD, ServerOptions};

async fn press(j: &Journey, id: &str) {
    j.tab_to(id).await;
    j.press(Key::Enter).await;
}

/// A bureau action that succeeds: the review page reloads the filing and, on the next frame,
/// moves the focus to its heading; wait for that before the next key.
async fn review_action(j: &Journey, id: &str) {
    press(j, id).await;
    j.wait_for_focus("todoke-page-heading").await;
}

/// From the list, opens submission `id` with the keyboard.
async fn open_submission(j: &Journey, id: i64) {
    press(j, &format!("todoke-open-{id}")).await;
    j.wait_for_heading("提出した届書・申請書").await;
}

async fn return_and_accept_journey(browser: Browser) {
    let j = Journey::start(browser, ServerOptions::default()).await;
    start_filing(&j, "DEMO-MED", "Demo#Med0001", "staff-change").await;
    contact_page(&j, "山田 花子", "03-1234-5678", "staff[0].name").await;
    fill_staff_row(&j, "40").await;
    next(&j).await;
    let id = header_and_filing_pages_then_submit(&j, "とどけ内科クリニック").await;
    open_submission(&j, id).await;
    j.sign_out().await;

    // The bureau: the filing is in the queue; receive, start review, return with a field comment.
    first_sign_in(&j, "DEMO-REVIEW", "Demo#Rev0001").await;
    j.wait_for_text("とどけ内科クリニック").await;
    j.assert_accessible("review queue").await;
    j.open(&format!("/review/{id}")).await;
    j.wait_for_heading("届書・申請書の審査").await;
    j.assert_accessible("review detail").await;
    review_action(&j, "todoke-receive").await;
    j.by_id("todoke-start-review").await;
    review_action(&j, "todoke-start-review").await;
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
    review_action(&j, "todoke-return").await;
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
    // The return's notice says what the bureau said: its comment and the item commented on.
    j.wait_for_text("厚生局からのコメント").await;
    j.wait_for_text("医療機関コードを確認してください。").await;
    j.wait_for_text("コメントのある項目").await;
    j.wait_for_text("コードの末尾を確認してください。").await;
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
    review_action(&j, "todoke-receive").await;
    j.by_id("todoke-start-review").await;
    review_action(&j, "todoke-start-review").await;
    j.by_id("todoke-accept").await;
    review_action(&j, "todoke-accept").await;
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
    // The receipt and the acceptance notice as PDFs, reached with the keyboard.
    for link in ["todoke-receipt-pdf", "todoke-acceptance-notice-pdf"] {
        j.tab_to(link).await;
        let (status, content_type, is_pdf) = j.fetch_link(link).await;
        assert_eq!(
            (status, content_type.as_str(), is_pdf),
            (200, "application/pdf", true),
            "{link}"
        );
    }
    j.assert_accessible("accepted filing").await;
    j.snapshot("accepted-filing").await;
    j.finish().await;
}

/// The other lifecycle actions and the 利用終了届出: the applicant files an end of use (with
/// an error shown and fixed), withdraws it after a confirmation, copies it into a new draft and
/// submits that; the bureau rejects it (a missing reason shown first); the applicant sees the
/// reason. The list keeps its filters and pages in the URL and says when nothing matches.
async fn withdraw_copy_and_reject_journey(browser: Browser) {
    let j = Journey::start(browser, ServerOptions::default()).await;
    start_filing(&j, "DEMO-MED", "Demo#Med0001", "end-of-use").await;
    contact_page(&j, "山田 花子", "03-1234-5678", "end_reason").await;
    choose(&j, "end_reason", 3).await;
    fill_today(&j, "last_day_of_use").await;
    next(&j).await;
    j.wait_for_text("その他の理由を入力してください。").await;
    j.assert_accessible("end of use without the other reason")
        .await;
    fill(&j, "end_reason_other", "法人の合併のため").await;
    next(&j).await;
    wait_for_field(&j, "declaration_end_of_use").await;
    tick(&j, "declaration_end_of_use").await;
    next(&j).await;
    let first = filing_page_then_submit(&j, "とどけ内科クリニック").await;

    // Withdraw, after a confirmation that takes the focus.
    open_submission(&j, first).await;
    j.wait_for_text("法人の合併のため").await;
    press(&j, "todoke-withdraw").await;
    j.wait_for_text("本当に取り下げますか").await;
    j.wait_for_focus("todoke-withdraw-confirm-title").await;
    j.assert_accessible("withdraw confirmation").await;
    j.tab_to("todoke-withdraw-comment").await;
    j.type_text("記載内容を見直すため").await;
    press(&j, "todoke-withdraw-confirm").await;
    j.by_id("todoke-copy").await;
    j.wait_for_text("記載内容を見直すため").await;
    j.assert_accessible("withdrawn filing").await;

    // Copy into a new draft: every answer comes along; submit it again.
    press(&j, "todoke-copy").await;
    wait_for_field(&j, "contact_name").await;
    assert_eq!(j.value("todoke-contact_name").await, "山田 花子");
    for field in ["end_reason", "declaration_end_of_use", "filing_date"] {
        next(&j).await;
        wait_for_field(&j, field).await;
    }
    assert_eq!(
        j.value("todoke-institution_name").await,
        "とどけ内科クリニック"
    );
    next(&j).await;
    j.wait_for_heading("入力内容の確認").await;
    press(&j, "todoke-submit").await;
    j.wait_for_heading("提出が完了しました").await;
    let second = submission_id_in_url(&j).await;
    assert_ne!(first, second);
    j.sign_out().await;

    // The bureau rejects it; a missing reason is said first.
    first_sign_in(&j, "DEMO-REVIEW", "Demo#Rev0001").await;
    j.open(&format!("/review/{second}")).await;
    j.wait_for_heading("届書・申請書の審査").await;
    review_action(&j, "todoke-receive").await;
    j.by_id("todoke-reject").await;
    press(&j, "todoke-reject").await;
    j.wait_for_text("不受理の理由を入力してください。").await;
    j.assert_accessible("reject without a reason").await;
    j.tab_to("todoke-reject_reason").await;
    j.type_text("同一内容の届出が受理済みのため").await;
    review_action(&j, "todoke-reject").await;
    j.wait_for_text("操作を受け付けました").await;
    j.sign_out().await;

    // The applicant sees 不受理 with the reason.
    j.sign_in("DEMO-MED", NEW_PASSWORD).await;
    j.wait_for_heading("届書・申請書検索一覧").await;
    open_submission(&j, second).await;
    j.wait_for_text("同一内容の届出が受理済みのため").await;
    j.by_id("todoke-copy").await;
    j.assert_accessible("rejected filing").await;

    // The list: a filter in the URL fills the form; pages link by keyboard; no match is said.
    j.open("/submissions?status=withdrawn").await;
    j.wait_for_text("全1件中 1〜1件を表示").await;
    assert_eq!(j.value("todoke-search-status").await, "withdrawn");
    j.by_id(&format!("todoke-open-{first}")).await;
    j.assert_accessible("list filtered by status").await;
    j.open("/submissions?per_page=1").await;
    j.wait_for_text("全2件中 1〜1件を表示").await;
    press(&j, "todoke-next-page").await;
    j.wait_for_text("全2件中 2〜2件を表示").await;
    let location = j.location().await;
    assert!(
        location.contains("page=2"),
        "the page is not in the URL: {location}"
    );
    j.by_id("todoke-prev-page").await;
    j.assert_accessible("list, second page").await;
    // A date the list cannot read is said beside the box, which keeps what was typed.
    j.tab_to("todoke-search-from").await;
    j.type_text("2026/13/1").await;
    j.press(Key::Enter).await;
    j.wait_for_text("西暦の年・月・日で入力してください").await;
    j.wait_for_focus("todoke-search-from").await;
    assert_eq!(j.value("todoke-search-from").await, "2026/13/1");
    j.assert_accessible("list search with a wrong date").await;
    j.retype("2026/1/1").await;
    j.tab_to("todoke-search-arrival").await;
    j.type_text("99999999").await;
    j.press(Key::Enter).await;
    j.wait_for_text("条件に合う届書・申請書はありません").await;
    let location = j.location().await;
    assert!(
        location.contains("arrival_number=99999999"),
        "the search is not in the URL: {location}"
    );
    j.assert_accessible("list without a match").await;
    j.finish().await;
}

in_every_browser!(return_and_accept_journey, withdraw_copy_and_reject_journey);
