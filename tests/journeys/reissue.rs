//! Issue 13 item 2: a clinic that lost its letter asks for a new one from the login page without
//! signing in (errors said and fixed, nothing typed lost), gets a reception number and no
//! password; the bureau finds the request beside the register, is told a rejection needs a
//! reason, and accepts.

use fantoccini::key::Key;

use crate::filing::first_sign_in;
use crate::harness::{Browser, Journey, ServerOptions};

async fn reissue_request_journey(browser: Browser) {
    let j = Journey::start(browser, ServerOptions::default()).await;
    j.open("/login").await;
    j.wait_for_heading("ログイン").await;
    j.tab_to("todoke-reissue-link").await;
    j.press(Key::Enter).await;
    j.wait_for_heading("ユーザID・初期パスワード通知の再発行の申請")
        .await;
    j.assert_accessible("reissue request").await;

    // Nothing entered: the summary takes focus and every field says what to enter.
    j.tab_to("todoke-reissue-submit").await;
    j.press(Key::Enter).await;
    j.wait_for_focus("todoke-error-summary").await;
    j.wait_for_text("点数表区分を選んでください").await;
    assert_eq!(
        j.attr("todoke-institution_code", "aria-invalid")
            .await
            .as_deref(),
        Some("true")
    );
    assert!(j.title().await.starts_with("エラー："));
    j.assert_accessible("reissue request with errors").await;
    j.snapshot("reissue-request-errors").await;

    // Typed as a clinic would: full-width code, a postal code one digit short.
    j.tab_to("todoke-institution_code").await;
    j.type_text("１３１０１０００１９").await;
    j.tab_to("todoke-fee_schedule_class").await;
    j.press(Key::Space).await;
    j.tab_to("todoke-institution_name").await;
    j.type_text("とどけ内科クリニック").await;
    j.tab_to("todoke-postal_code").await;
    j.type_text("100-001").await;
    j.tab_to("todoke-contact_name").await;
    j.type_text("届出 花子").await;
    j.tab_to("todoke-contact_phone").await;
    j.type_text("03-1234-5678").await;
    j.press(Key::Enter).await;
    j.wait_for_text("7桁").await;
    assert_eq!(
        j.value("todoke-institution_code").await,
        "１３１０１０００１９"
    );
    assert_eq!(j.value("todoke-contact_name").await, "届出 花子");
    j.assert_accessible("reissue request with a wrong postal code")
        .await;
    j.tab_to("todoke-postal_code").await;
    j.retype("100-0013").await;
    j.press(Key::Enter).await;
    j.wait_for_heading("再発行の申請を受け付けました").await;
    let number = j
        .by_id("todoke-reception-number")
        .await
        .text()
        .await
        .unwrap();
    assert!(number.starts_with('R'), "{number}");
    j.wait_for_text("登録されている所在地に郵送します").await;
    j.assert_accessible("reissue request received").await;
    j.snapshot("reissue-request-received").await;

    // The bureau: the request beside the register; a rejection needs a reason; accepted.
    first_sign_in(&j, "DEMO-REVIEW", "Demo#Rev0001").await;
    j.wait_for_text("再発行の申請（未処理1件）").await;
    j.tab_to("todoke-reissue-requests-link").await;
    j.press(Key::Enter).await;
    j.wait_for_heading("通知書の再発行の申請").await;
    j.wait_for_text(&number).await;
    j.wait_for_text("DEMO-MED").await;
    j.wait_for_text("東京都千代田区霞が関1-2-2").await;
    j.assert_accessible("reissue requests").await;
    j.snapshot("reissue-requests").await;
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
    j.tab_to(&id).await;
    j.press(Key::Enter).await;
    j.wait_for_text("却下の理由を入力してください").await;
    assert_eq!(
        j.attr(&format!("{prefix}-reason"), "aria-invalid")
            .await
            .as_deref(),
        Some("true")
    );
    j.assert_accessible("reissue rejection without a reason")
        .await;
    j.tab_to(&format!("{prefix}-accept")).await;
    j.press(Key::Enter).await;
    j.wait_for_text("受理しました").await;
    j.wait_for_text("受理（発行待ち）").await;
    let link = j.by_id("todoke-reissue-requests-link").await;
    assert_eq!(
        link.text().await.unwrap(),
        "再発行の申請",
        "the count follows the decision"
    );
    j.assert_accessible("reissue request accepted").await;
    j.snapshot("reissue-request-accepted").await;
    j.finish().await;
}

in_every_browser!(reissue_request_journey);
