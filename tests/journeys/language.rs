//! Issue 12 item 8: the English UI. The switch in the header reloads the same page in the other
//! language (the wizard saves its draft first, so the answers come back), the choice is
//! remembered, `lang` is right on the page and on the app's root, and the server's messages
//! come in the chosen language. axe runs on the English states too.

use fantoccini::key::Key;
use todoke_core::text::{en, ja};

use crate::embedding::{bureau_site, embedded_login};
use crate::filing::{fill, id, next, wait_for_field};
use crate::harness::{Browser, Journey, NEW_PASSWORD, ServerOptions};

/// (`<html lang>`, the app root's `lang`).
async fn langs(j: &Journey) -> (String, String) {
    let v = j
        .client
        .execute(
            "const root = document.querySelector('.todoke');
             return [document.documentElement.lang, root ? root.lang : ''];",
            vec![],
        )
        .await
        .expect("read lang");
    let s = |i: usize| v[i].as_str().unwrap_or_default().to_string();
    (s(0), s(1))
}

/// Presses the header's language switch (before the page content: Shift+Tab reaches it) and
/// waits for `text` in the new language.
async fn switch_language(j: &Journey, to: &str, text: &str) {
    j.shift_tab_to("todoke-language-switch").await;
    assert_eq!(
        j.attr("todoke-language-switch", "lang").await.as_deref(),
        Some(to),
        "the switch names its language in that language"
    );
    j.press(Key::Enter).await;
    // The page reloads: wait for the new document's app root in the new language.
    for _ in 0..200 {
        if langs(j).await.1 == to {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(langs(j).await.1, to, "the app did not come back in {to}");
    j.wait_for_text(text).await;
}

async fn english_journey(browser: Browser) {
    let j = Journey::start(browser, ServerOptions::default()).await;
    j.open("/login").await;
    j.wait_for_heading(ja::LOGIN_TITLE).await;
    assert_eq!(langs(&j).await, ("ja".into(), "ja".into()));

    // To English: the same address, the page and its title in English.
    j.tab_to("todoke-user_id").await;
    switch_language(&j, "en", en::LOGIN_TITLE).await;
    assert_eq!(j.location().await, "/login");
    assert_eq!(langs(&j).await, ("en".into(), "en".into()));
    assert!(
        j.title().await.starts_with(en::LOGIN_TITLE),
        "title: {}",
        j.title().await
    );
    assert_eq!(
        j.by_id("todoke-language-switch")
            .await
            .text()
            .await
            .unwrap(),
        "日本語"
    );
    j.assert_accessible("login in English").await;

    // The manual, and its PDF in the chosen language (a link carries the choice as `lang`).
    j.open("/manual").await;
    j.wait_for_heading(en::MANUAL_TITLE).await;
    j.tab_to("todoke-manual-pdf").await;
    let href = j
        .attr("todoke-manual-pdf", "href")
        .await
        .unwrap_or_default();
    assert!(href.ends_with("/api/v1/manual.pdf?lang=en"), "{href}");
    assert_eq!(
        j.fetch_link("todoke-manual-pdf").await,
        (200, "application/pdf".to_string(), true)
    );
    j.assert_accessible("manual in English").await;
    j.open("/login").await;
    j.wait_for_heading(en::LOGIN_TITLE).await;

    // The app's own check, then the server's answer, in English.
    j.tab_to("todoke-user_id").await;
    j.press(Key::Enter).await;
    j.wait_for_text(en::ERROR_SUMMARY_HEADING).await;
    j.wait_for_text(en::USER_ID_REQUIRED).await;
    assert!(
        j.title().await.starts_with(en::ERROR_PREFIX),
        "title: {}",
        j.title().await
    );
    j.assert_accessible("login with missing input in English")
        .await;
    j.tab_to("todoke-user_id").await;
    j.type_text("demo-med").await;
    j.tab_to("todoke-password").await;
    j.type_text("Wrong#Pass123").await;
    j.press(Key::Enter).await;
    j.wait_for_text(en::INVALID_CREDENTIALS).await;
    j.assert_accessible("login with wrong credentials in English")
        .await;

    // Signing in and the forced change, in English.
    j.tab_to("todoke-password").await;
    j.retype("Demo#Med0001").await;
    j.press(Key::Enter).await;
    j.wait_for_heading(en::PASSWORD_CHANGE_TITLE).await;
    j.tab_to("todoke-current_password").await;
    j.type_text("Demo#Med0001").await;
    j.tab_to("todoke-new_password").await;
    j.type_text(NEW_PASSWORD).await;
    j.tab_to("todoke-new_password_confirmation").await;
    j.type_text(NEW_PASSWORD).await;
    j.press(Key::Enter).await;
    j.wait_for_heading(en::SUBMISSIONS_TITLE).await;
    j.assert_accessible("list in English").await;

    // A form in English (its definition comes from the server in the request's language).
    j.tab_to("todoke-new-filing").await;
    j.press(Key::Enter).await;
    j.wait_for_heading(en::PROCEDURES_TITLE).await;
    j.assert_accessible("procedures in English").await;
    j.tab_to("todoke-start-staff-change").await;
    j.press(Key::Enter).await;
    wait_for_field(&j, "contact_name").await;
    j.wait_for_text(en::forms::CONTACT_NAME).await;
    let wizard = j.location().await;
    fill(&j, "contact_name", "Hanako Todoke").await;

    // Switching mid-form keeps the page and what was typed (saved before the reload).
    switch_language(&j, "ja", ja::forms::CONTACT_NAME).await;
    assert_eq!(j.location().await, wizard);
    assert_eq!(j.value(&id("contact_name")).await, "Hanako Todoke");
    assert_eq!(langs(&j).await, ("ja".into(), "ja".into()));

    // And back: the form's errors in English.
    j.tab_to(&id("contact_name")).await;
    switch_language(&j, "en", en::forms::CONTACT_NAME).await;
    assert_eq!(j.value(&id("contact_name")).await, "Hanako Todoke");
    next(&j).await;
    j.wait_for_text(en::ERROR_SUMMARY_HEADING).await;
    assert_eq!(j.value(&id("contact_name")).await, "Hanako Todoke");
    j.assert_accessible("wizard error in English").await;

    // The choice is remembered: a new visit starts in English.
    j.open("/submissions").await;
    j.wait_for_heading(en::SUBMISSIONS_TITLE).await;
    assert_eq!(langs(&j).await, ("en".into(), "en".into()));
    j.finish().await;
}

/// Embedded, the host page keeps its own `lang`; the app says its language on its root, and
/// the switch stays under the base path.
async fn embedded_english_journey(browser: Browser) {
    let site = tempfile::tempdir().expect("temp dir");
    bureau_site(site.path(), "");
    let j = embedded_login(browser, site.path()).await;
    j.tab_to("todoke-user_id").await;
    switch_language(&j, "en", en::LOGIN_TITLE).await;
    assert_eq!(j.location().await, "/todoke/login");
    assert_eq!(langs(&j).await, ("ja".into(), "en".into()));
    j.assert_accessible("embedded login in English").await;
    switch_language(&j, "ja", ja::LOGIN_TITLE).await;
    assert_eq!(langs(&j).await, ("ja".into(), "ja".into()));
    j.finish().await;
}

in_every_browser!(english_journey, embedded_english_journey);
