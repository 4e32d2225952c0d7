//! Embedding in a bureau's website: the SPA mounted into the bureau's own page under a path
//! (`data-base-path="/todoke"`), with the page's header, main and footer landmarks around it
//! (`data-embedded="true"`). The host page here is the build's `index.html` with the bureau's
//! markup in place of the default host element, as the README tells a bureau to do.

use std::path::Path;

use fantoccini::key::Key;

use crate::filing::change_initial_password;
use crate::harness::{Browser, Journey, ServerOptions, dist_dir};

const DEFAULT_HOST: &str =
    r#"<div id="todoke" data-todoke-app data-base-path="" data-api-base="/api/v1">"#;

/// A copy of the build whose `index.html` is a bureau's page with the app inside its `<main>`.
fn bureau_site(into: &Path) {
    for entry in std::fs::read_dir(dist_dir()).expect("dist") {
        let entry = entry.expect("dist entry");
        if entry.file_type().is_ok_and(|t| t.is_file()) {
            std::fs::copy(entry.path(), into.join(entry.file_name())).expect("copy");
        }
    }
    let index = std::fs::read_to_string(into.join("index.html")).expect("index.html");
    assert!(
        index.contains(DEFAULT_HOST),
        "the build's host element changed"
    );
    let host = r#"<header class="bureau-header"><p>関東信越厚生局</p>
      <nav aria-label="厚生局のメニュー"><ul><li><a href="/">トップページ</a></li></ul></nav></header>
    <main class="bureau-main"><p class="bureau-breadcrumb">トップページ ＞ 電子申請・届出</p>
    <div id="todoke" data-todoke-app data-base-path="/todoke" data-api-base="/api/v1" data-embedded="true">"#;
    let page = index.replacen(DEFAULT_HOST, host, 1).replacen(
        "</body>",
        "</main><footer><p>関東信越厚生局</p></footer></body>",
        1,
    );
    std::fs::write(into.join("index.html"), page).expect("write index.html");
}

async fn embedded_journey(browser: Browser) {
    let site = tempfile::tempdir().expect("temp dir");
    bureau_site(site.path());
    let j = Journey::start(
        browser,
        ServerOptions {
            dist_dir: Some(site.path().to_path_buf()),
            ..Default::default()
        },
    )
    .await;
    j.open("/todoke/login").await;
    j.wait_for_heading("ログイン").await;
    // One banner, one main: the bureau's. The app adds regions, not landmarks of its own.
    let landmarks = j
        .client
        .execute(
            "return [document.querySelectorAll('main, [role=main]').length,
                     document.querySelectorAll('header:not(main header), [role=banner]').length,
                     getComputedStyle(document.body).marginTop];",
            vec![],
        )
        .await
        .expect("count landmarks");
    assert_eq!(landmarks[0], 1, "main landmarks: {landmarks}");
    assert_eq!(landmarks[1], 1, "banner landmarks: {landmarks}");
    // No global reset: the host page's body keeps the browser's default margin.
    assert_eq!(landmarks[2], "8px", "body margin: {landmarks}");
    j.assert_accessible("embedded login").await;

    j.sign_in("DEMO-MED", "Demo#Med0001").await;
    change_initial_password(&j, "Demo#Med0001").await;
    assert_eq!(j.location().await, "/todoke/submissions");
    j.assert_accessible("embedded list").await;
    // A reload under the base path comes back to the same page, still signed in.
    j.client.refresh().await.expect("reload");
    j.wait_for_heading("届書・申請書検索一覧").await;
    j.tab_to("todoke-new-filing").await;
    j.press(Key::Enter).await;
    j.wait_for_heading("届書・申請書の作成").await;
    assert_eq!(j.location().await, "/todoke/procedures");
    j.assert_accessible("embedded procedures").await;
    j.snapshot("embedded-procedures").await;
    j.finish().await;
}

in_both_browsers!(embedded_journey);
