//! Issue 13 item 1: a clinic whose code changes files the 利用開始届出 from the login page
//! without signing in (the previous user ID asked for once the reason needs it, nothing typed
//! lost) and gets a reception number; the bureau finds it with the previous ID, is told it
//! cannot accept before that ID's 利用終了届出, and rejects it with a reason.

use fantoccini::key::Key;

use crate::filing::{
    contact_page, fill_staff_row, first_sign_in, header_and_filing_pages_then_submit, next,
    start_filing,
};
use crate::harness::{Browser, Journey, NEW_PASSWORD, ServerOptions};

async fn start_of_use_journey(browser: Browser) {
    let j = Journey::start(browser, ServerOptions::default()).await;
    j.open("/login").await;
    j.wait_for_heading("ログイン").await;
    j.tab_to("todoke-start-of-use-link").await;
    j.press(Key::Enter).await;
    j.wait_for_heading("利用開始届出（様式1）").await;
    j.assert_accessible("start-of-use request").await;

    // Nothing entered: the summary takes focus and every field says what to enter.
    j.tab_to("todoke-start-of-use-submit").await;
    j.press(Key::Enter).await;
    j.wait_for_focus("todoke-error-summary").await;
    j.wait_for_text("届出の理由を選んでください").await;
    assert!(j.title().await.starts_with("エラー："));
    j.assert_accessible("start-of-use request with errors")
        .await;
    j.snapshot("start-of-use-errors").await;

    // A code change, typed as a clinic would, without the previous user ID.
    j.tab_to("todoke-reason").await;
    j.press(Key::Space).await;
    j.press(Key::Down).await;
    j.tab_to("todoke-institution_code").await;
    j.type_text("１３１０１０００２７").await;
    j.tab_to("todoke-fee_schedule_class").await;
    j.press(Key::Space).await;
    j.tab_to("todoke-institution_name").await;
    j.type_text("とどけ内科クリニック").await;
    j.tab_to("todoke-postal_code").await;
    j.type_text("1000013").await;
    j.tab_to("todoke-address").await;
    j.type_text("東京都千代田区霞が関1-2-2").await;
    j.tab_to("todoke-contact_name").await;
    j.type_text("届出 花子").await;
    j.tab_to("todoke-contact_phone").await;
    j.type_text("03-1234-5678").await;
    j.press(Key::Enter).await;
    j.wait_for_text("これまでのユーザIDを入力してください")
        .await;
    assert_eq!(
        j.attr("todoke-previous_user_id", "aria-invalid")
            .await
            .as_deref(),
        Some("true")
    );
    assert_eq!(j.value("todoke-address").await, "東京都千代田区霞が関1-2-2");
    assert_eq!(
        j.value("todoke-institution_code").await,
        "１３１０１０００２７"
    );
    j.assert_accessible("start-of-use request without the previous ID")
        .await;
    j.tab_to("todoke-previous_user_id").await;
    j.type_text("demo-med").await;
    j.press(Key::Enter).await;
    j.wait_for_heading("利用開始届出を受け付けました").await;
    let number = j
        .by_id("todoke-reception-number")
        .await
        .text()
        .await
        .unwrap();
    assert!(number.starts_with('S'), "{number}");
    j.assert_accessible("start-of-use request received").await;
    j.snapshot("start-of-use-received").await;

    // The bureau: the previous ID as registered, no 利用終了届出 yet, so only a rejection.
    first_sign_in(&j, "DEMO-REVIEW", "Demo#Rev0001").await;
    j.wait_for_text("利用開始届出（未処理1件）").await;
    j.tab_to("todoke-start-of-use-requests-link").await;
    j.press(Key::Enter).await;
    j.wait_for_heading("利用開始届出").await;
    j.wait_for_text(&number).await;
    j.wait_for_text("DEMO-MED").await;
    j.wait_for_text("利用終了届出（様式5）が提出されていない")
        .await;
    j.assert_accessible("start-of-use requests").await;
    j.snapshot("start-of-use-requests").await;
    let id = j
        .client
        .find(fantoccini::Locator::Css("[id$='-reject']"))
        .await
        .unwrap()
        .attr("id")
        .await
        .unwrap()
        .unwrap();
    let prefix = id.trim_end_matches("-reject").to_string();
    assert!(
        j.client
            .find(fantoccini::Locator::Id(&format!("{prefix}-accept")))
            .await
            .is_err(),
        "no acceptance before the end of use"
    );
    j.tab_to(&id).await;
    j.press(Key::Enter).await;
    j.wait_for_text("却下の理由を入力してください").await;
    j.assert_accessible("start-of-use rejection without a reason")
        .await;
    j.tab_to(&format!("{prefix}-reason")).await;
    j.type_text("利用終了届出を先に提出してください").await;
    j.tab_to(&id).await;
    j.press(Key::Enter).await;
    j.wait_for_text("却下しました").await;
    let link = j.by_id("todoke-start-of-use-requests-link").await;
    assert_eq!(
        link.text().await.unwrap(),
        "利用開始届出",
        "the count follows the decision"
    );
    j.assert_accessible("start-of-use request rejected").await;
    j.sign_out().await;

    // History across IDs: once `admin start-use` has issued DEMO-DENT as DEMO-MED's successor
    // (recorded here as that run records it), the bureau's page of a DEMO-MED filing names it.
    start_filing(&j, "DEMO-MED", "Demo#Med0001", "staff-change").await;
    contact_page(&j, "山田 花子", "03-1234-5678", "staff[0].name").await;
    fill_staff_row(&j, "40").await;
    next(&j).await;
    let filing = header_and_filing_pages_then_submit(&j, "とどけ内科クリニック").await;
    j.sign_out().await;
    sqlx::query(
        "INSERT INTO start_of_use_requests (received_at, bureau, reason, previous_user_id,
             institution_code, fee_schedule_class, institution_name, postal_code, address,
             contact_name, contact_phone, requester, status, previous_account_id, account_id)
         SELECT 0, 'kanto_shinetsu', 'class_change', 'DEMO-MED', d.institution_code,
             d.fee_schedule_class, d.institution_name, '100-0013', '東京都千代田区霞が関1-2-2',
             '届出 花子', '03-1234-5678', 'journey', 'issued', m.id, d.id
         FROM accounts m, accounts d WHERE m.user_id = 'DEMO-MED' AND d.user_id = 'DEMO-DENT'",
    )
    .execute(&j.state().pool)
    .await
    .expect("link the demo accounts");
    j.sign_in("DEMO-REVIEW", NEW_PASSWORD).await;
    // Signed in once the queue lists the filing.
    j.wait_for_text("とどけ内科クリニック").await;
    j.open(&format!("/review/{filing}")).await;
    j.wait_for_heading("届書・申請書の審査").await;
    j.wait_for_text("同じ医療機関等の別のユーザID").await;
    j.wait_for_text("後継のユーザID：DEMO-DENT").await;
    j.wait_for_text("このユーザIDで提出された届出はありません")
        .await;
    j.assert_accessible("review detail with a successor user ID")
        .await;
    j.finish().await;
}

in_every_browser!(start_of_use_journey);
