//! Issue 2's journeys: first sign-in with the mailed password, the forced change (with a policy
//! error shown and fixed), the list page, sign-out, sign-in with the new password; the session
//! timeout warning; the out-of-hours page; the manual and not-found pages.

use fantoccini::key::Key;
use std::time::Duration;
use time::Time;
use todoke_core::ServiceHours;
use todoke_core::service_hours::JST;

use crate::harness::{Browser, Journey, NEW_PASSWORD, ServerOptions};

async fn first_sign_in_journey(browser: Browser) {
    let j = Journey::start(browser, ServerOptions::default()).await;

    j.open("/login").await;
    j.wait_for_heading("ログイン").await;
    assert!(
        j.title().await.starts_with("ログイン"),
        "title: {}",
        j.title().await
    );
    j.assert_accessible("login").await;

    // Submitting nothing: an error summary takes focus, the page title says エラー.
    j.tab_to("todoke-user_id").await;
    j.press(Key::Enter).await;
    j.wait_for_text("入力内容に誤りがあります").await;
    j.wait_for_text("ユーザIDを入力してください").await;
    assert!(
        j.title().await.starts_with("エラー："),
        "title: {}",
        j.title().await
    );
    assert_eq!(
        j.attr("todoke-user_id", "aria-invalid").await.as_deref(),
        Some("true")
    );
    j.wait_for_focus("todoke-error-summary").await;
    j.assert_accessible("login with missing input").await;

    // A wrong password: one message for ID and password alike, and what was typed stays.
    j.tab_to("todoke-user_id").await;
    j.type_text("demo-med").await;
    j.press(Key::Tab).await;
    j.wait_for_focus("todoke-password").await;
    j.type_text("Wrong#Pass123").await;
    j.press(Key::Enter).await;
    j.wait_for_text("ユーザIDまたはパスワードが正しくありません")
        .await;
    assert_eq!(j.value("todoke-user_id").await, "demo-med");
    j.assert_accessible("login with wrong credentials").await;

    // The mailed initial password leads to the forced change, with focus on the new page's heading.
    j.tab_to("todoke-password").await;
    j.retype("Demo#Med0001").await;
    j.press(Key::Enter).await;
    j.wait_for_heading("パスワード変更").await;
    wait_until(
        || async { j.focused_id().await == "todoke-page-heading" },
        "focus on the heading",
    )
    .await;
    j.wait_for_text("10文字以上20文字以下（まだ満たしていません）")
        .await;
    j.assert_accessible("password change").await;

    // A policy violation: messages on each field, nothing typed is lost.
    j.tab_to("todoke-current_password").await;
    j.type_text("Demo#Med0001").await;
    j.tab_to("todoke-new_password").await;
    j.type_text("short").await;
    j.tab_to("todoke-new_password_confirmation").await;
    j.type_text("different").await;
    j.press(Key::Enter).await;
    j.wait_for_text("新しいパスワードは10文字以上で入力してください（現在5文字）")
        .await;
    j.wait_for_text("新しいパスワード（確認用）が新しいパスワードと一致しません")
        .await;
    assert!(j.title().await.starts_with("エラー："));
    assert_eq!(
        j.attr("todoke-new_password", "aria-invalid")
            .await
            .as_deref(),
        Some("true")
    );
    assert_eq!(j.value("todoke-current_password").await, "Demo#Med0001");
    assert_eq!(j.value("todoke-new_password").await, "short");
    j.assert_accessible("password change with errors").await;

    // Fixed: on to the list page.
    j.tab_to("todoke-new_password").await;
    j.retype(NEW_PASSWORD).await;
    j.wait_for_text("10文字以上20文字以下（満たしています）")
        .await;
    j.tab_to("todoke-new_password_confirmation").await;
    j.retype(NEW_PASSWORD).await;
    j.press(Key::Enter).await;
    j.wait_for_heading("届書・申請書検索一覧").await;
    j.wait_for_text("パスワードを変更しました").await;
    j.wait_for_text("とどけ内科クリニック").await;
    j.wait_for_text("1310100019").await;
    j.wait_for_text("まだ届書・申請書はありません").await;
    j.assert_accessible("submission list").await;

    // Sign out, then sign in with the new password: no password page this time.
    j.sign_out().await;
    j.wait_for_text("ログアウトしました").await;
    j.sign_in("DEMO-MED", NEW_PASSWORD).await;
    j.wait_for_heading("届書・申請書検索一覧").await;
    j.wait_for_text("前回ログイン").await;

    // The manual and an unknown address.
    j.open("/manual").await;
    j.wait_for_heading("マニュアル（ご利用の手引き）").await;
    j.wait_for_text("よくあるお問い合わせ").await;
    j.tab_to("todoke-manual-pdf").await;
    assert_eq!(
        j.fetch_link("todoke-manual-pdf").await,
        (200, "application/pdf".to_string(), true)
    );
    j.assert_accessible("manual").await;
    j.open("/no-such-page").await;
    j.wait_for_heading("ページが見つかりません").await;
    j.assert_accessible("not found").await;
    j.finish().await;
}

async fn timeout_warning_journey(browser: Browser) {
    // A 14-second session warns at 7 seconds and signs out at about 11.
    let j = Journey::start(
        browser,
        ServerOptions {
            session_idle: Some(time::Duration::seconds(14)),
            ..Default::default()
        },
    )
    .await;
    j.open("/login").await;
    j.wait_for_heading("ログイン").await;
    j.sign_in("DEMO-PHARM", "Demo#Phar0001").await;
    j.wait_for_heading("パスワード変更").await;

    wait_until(|| async { dialog_open(&j).await }, "the timeout warning").await;
    j.wait_for_text("ログインを延長する").await;
    wait_until(
        || async { j.focused_id().await == "todoke-timeout-extend" },
        "focus in the dialog",
    )
    .await;
    j.assert_accessible("session timeout warning").await;
    j.press(Key::Enter).await;
    wait_until(
        || async { !dialog_open(&j).await },
        "the dialog to close after extending",
    )
    .await;
    assert!(
        j.client
            .find(fantoccini::Locator::Id("todoke-current_password"))
            .await
            .is_ok(),
        "still on the page"
    );

    // Left alone, the session ends and the login page says why.
    j.wait_for_text("一定時間操作がなかったため").await;
    j.wait_for_heading("ログイン").await;
    j.assert_accessible("signed out after inactivity").await;
    j.finish().await;
}

async fn out_of_hours_journey(browser: Browser) {
    // Open only tomorrow: today is outside the hours whatever the time.
    let tomorrow = time::OffsetDateTime::now_utc()
        .to_offset(JST)
        .weekday()
        .next();
    let mut days = [false; 7];
    days[usize::from(tomorrow.number_days_from_monday())] = true;
    let hours = ServiceHours::Weekly {
        days,
        opens: Time::from_hms(8, 0, 0).unwrap(),
        closes: Time::from_hms(21, 0, 0).unwrap(),
    };
    let j = Journey::start(
        browser,
        ServerOptions {
            service_hours: Some(hours),
            ..Default::default()
        },
    )
    .await;
    j.open("/login").await;
    j.wait_for_heading("サービス時間外です").await;
    j.wait_for_text("から利用できます").await;
    let weekday =
        ["月", "火", "水", "木", "金", "土", "日"][usize::from(tomorrow.number_days_from_monday())];
    j.wait_for_text(&format!("（{weekday}）8時00分")).await;
    j.assert_accessible("out of service hours").await;
    // The closed page is the main content: the skip link leads to it, not to hidden pages.
    j.tab_to("todoke-skip-link").await;
    j.press(Key::Enter).await;
    j.wait_for_focus("todoke-main").await;
    let shown = j
        .client
        .execute(
            "const m = document.getElementById('todoke-main');
             return m.tagName === 'MAIN' && m.offsetHeight > 0 && m.textContent.includes('サービス時間外です');",
            vec![],
        )
        .await
        .expect("main landmark");
    assert_eq!(shown, true, "the closed page is not inside a visible main");
    j.finish().await;
}

/// Pages load again and again in one browser session: a revalidated page (304) keeps its own
/// CSP, so the app starts every time.
async fn reload_after_sign_out_journey(browser: Browser) {
    let j = Journey::start(browser, ServerOptions::default()).await;
    j.open("/manual").await;
    j.wait_for_heading("マニュアル（ご利用の手引き）").await;
    j.open("/login").await;
    j.wait_for_heading("ログイン").await;
    j.open("/manual").await;
    j.wait_for_heading("マニュアル（ご利用の手引き）").await;
    j.finish().await;
}

async fn dialog_open(j: &Journey) -> bool {
    j.client
        .execute(
            "const d = document.querySelector('dialog'); return !!(d && d.open);",
            vec![],
        )
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

async fn wait_until<F, Fut>(mut check: F, what: &str)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..200 {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("timed out waiting for {what}");
}

/// The operator's announcement on the list page (issue 13 item 8): its text with line breaks,
/// its link reached with Tab, in the reader's language; axe on the page that shows it.
async fn announcement_journey(browser: Browser) {
    use todoke_core::announcement::Announcement;
    let ja = Announcement::parse(
        "定例報告に関するアンケートにご協力ください。\n回答期限は12月25日です。",
        Some("アンケートに回答する"),
        Some("https://example.go.jp/survey"),
    )
    .unwrap();
    let en = Announcement::parse(
        "Please answer our survey.",
        Some("Answer the survey"),
        Some("https://example.go.jp/survey"),
    )
    .unwrap();
    let j = Journey::start(
        browser,
        ServerOptions {
            announcement: Some((ja, Some(en))),
            ..Default::default()
        },
    )
    .await;
    crate::filing::first_sign_in(&j, "DEMO-MED", "Demo#Med0001").await;
    j.wait_for_text("運営からのお知らせ").await;
    j.wait_for_text("回答期限は12月25日です。").await;
    j.tab_to("todoke-announcement-link").await;
    assert_eq!(
        j.attr("todoke-announcement-link", "href").await.as_deref(),
        Some("https://example.go.jp/survey")
    );
    j.assert_accessible("list with an announcement").await;
    // In English, the English text.
    j.shift_tab_to("todoke-language-switch").await;
    j.press(Key::Enter).await;
    j.wait_for_text("Please answer our survey.").await;
    j.wait_for_text("Answer the survey").await;
    j.assert_accessible("list with an announcement in English")
        .await;
    j.finish().await;
}

/// 「接続確認」 (issue 13 item 5), from the login page with the keyboard: every step passes on
/// this machine, the status line says so, and it can run again. The loading message of
/// index.html is gone once the app runs.
async fn connection_check_journey(browser: Browser) {
    use todoke_core::text::ja;
    let j = Journey::start(browser, ServerOptions::default()).await;
    j.open("/login").await;
    j.wait_for_heading(ja::LOGIN_TITLE).await;
    let boot = j
        .client
        .execute(
            "return document.querySelector('[data-todoke-boot]') === null;",
            vec![],
        )
        .await
        .expect("look for the loading message");
    assert_eq!(
        boot, true,
        "the loading message stays after the app started"
    );
    j.tab_to("todoke-check-link").await;
    j.press(Key::Enter).await;
    j.wait_for_heading(ja::CHECK_TITLE).await;
    j.wait_for_text(ja::CHECK_DONE_OK).await;
    let outcomes = j
        .client
        .execute(
            "return Array.from(document.querySelectorAll('.todoke-check__outcome'), e => e.textContent);",
            vec![],
        )
        .await
        .expect("read the outcomes");
    let outcomes: Vec<&str> = outcomes
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|o| o.as_str())
        .collect();
    assert_eq!(outcomes, [ja::CHECK_OK; 6], "{outcomes:?}");
    j.assert_accessible("connection check").await;
    j.tab_to("todoke-check-again").await;
    j.press(Key::Enter).await;
    j.wait_for_text(ja::CHECK_DONE_OK).await;
    j.finish().await;
}

/// A deployment that requires a client certificate refuses a browser without one with a page
/// that says which certificate to choose; it passes axe too.
async fn client_certificate_refusal_journey(browser: Browser) {
    use todoke_core::text::ja;
    let j = Journey::start(
        browser,
        ServerOptions {
            require_client_certificate: true,
            ..Default::default()
        },
    )
    .await;
    j.open("/login").await;
    j.wait_for_text("Online Billing NW Common Root CA").await;
    // Server-rendered, in the language the browser asks for (headless Chromium asks for
    // English), and says which on <html>.
    let page = j
        .client
        .execute(
            "return [document.documentElement.lang, document.querySelector('h1').textContent];",
            vec![],
        )
        .await
        .expect("read the page");
    let expected = match page[0].as_str() {
        Some("ja") => ja::CLIENT_CERTIFICATE_PAGE_TITLE,
        Some("en") => todoke_core::text::en::CLIENT_CERTIFICATE_PAGE_TITLE,
        other => panic!("lang {other:?}"),
    };
    assert_eq!(page[1], expected);
    j.assert_accessible("client certificate refusal").await;
    j.finish().await;
}

in_every_browser!(
    announcement_journey,
    connection_check_journey,
    client_certificate_refusal_journey,
    first_sign_in_journey,
    timeout_warning_journey,
    out_of_hours_journey,
    reload_after_sign_out_journey
);
