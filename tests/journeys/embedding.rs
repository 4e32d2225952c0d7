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

/// The bureau's own page beside the app, which the host page links to: the app must not take it.
const NEWS_PAGE: &str = r#"<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">
<title>お知らせ | 関東信越厚生局</title></head><body><main><h1>厚生局からのお知らせ</h1></main></body></html>"#;

/// A copy of the build whose `index.html` is a bureau's page with the app inside its `<main>`:
/// its own skip link, header, a link to a page beside the app, and `head` (e.g. the bureau's
/// stylesheet) added to the page's `<head>`. The app's files are under `/todoke/`, as a build
/// with `trunk build --public-url /todoke/` names them, so the wasm chunks that pages load on
/// demand must be found relative to the loader, under the same path.
pub(crate) fn bureau_site(into: &Path, head: &str) {
    copy_tree(&dist_dir(), &into.join("todoke"));
    let index = std::fs::read_to_string(into.join("todoke/index.html")).expect("index.html");
    assert!(
        index.contains(DEFAULT_HOST),
        "the build's host element changed"
    );
    let assets = index.matches("=\"/todoke-").count();
    assert!(assets >= 3, "the build's asset URLs changed: {index}");
    let index = index.replace("=\"/todoke-", "=\"/todoke/todoke-");
    std::fs::remove_file(into.join("todoke/index.html")).expect("remove the copied index.html");
    let host = r##"<a class="bureau-skip" id="bureau-skip" href="#host-main">本文へ移動（厚生局）</a>
    <header class="bureau-header"><p>関東信越厚生局</p>
      <nav aria-label="厚生局のメニュー"><ul><li><a href="/">トップページ</a></li>
        <li><a id="bureau-news" href="/todoke-news.html">お知らせ</a></li></ul></nav></header>
    <main class="bureau-main" id="host-main" tabindex="-1"><p class="bureau-breadcrumb">トップページ ＞ 電子申請・届出</p>
    <div id="todoke" data-todoke-app data-base-path="/todoke" data-api-base="/api/v1" data-embedded="true">"##;
    let page = index
        .replacen(DEFAULT_HOST, host, 1)
        .replacen(
            "</body>",
            "</main><footer><p>関東信越厚生局</p></footer></body>",
            1,
        )
        .replacen("</head>", &format!("{head}</head>"), 1);
    std::fs::write(into.join("index.html"), page).expect("write index.html");
    std::fs::write(into.join("todoke-news.html"), NEWS_PAGE).expect("write the news page");
}

pub(crate) fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("dir entry");
        let target = to.join(entry.file_name());
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// The embedded app on a fresh server, at `/todoke/login`.
pub(crate) async fn embedded_login(browser: Browser, site: &Path) -> Journey {
    let j = Journey::start(
        browser,
        ServerOptions {
            dist_dir: Some(site.to_path_buf()),
            ..Default::default()
        },
    )
    .await;
    j.open("/todoke/login").await;
    j.wait_for_heading("ログイン").await;
    j
}

async fn embedded_journey(browser: Browser) {
    let site = tempfile::tempdir().expect("temp dir");
    bureau_site(site.path(), "");
    let j = embedded_login(browser, site.path()).await;
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
    // The list's code came in a chunk of its own, fetched from under the public URL.
    let chunks = j
        .client
        .execute(
            "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)
                 .filter(p => p.endsWith('.wasm') && !p.endsWith('/todoke_bg.wasm'));",
            vec![],
        )
        .await
        .expect("resources");
    let chunks: Vec<String> = serde_json::from_value(chunks).expect("paths");
    assert!(
        !chunks.is_empty() && chunks.iter().all(|p| p.starts_with("/todoke/todoke-")),
        "chunks: {chunks:?}"
    );
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

/// The host page's own links work as if the app were not there: a page beside the app whose
/// path starts with the base path as a string, and the host's skip link.
async fn host_links_journey(browser: Browser) {
    let site = tempfile::tempdir().expect("temp dir");
    bureau_site(site.path(), "");
    let j = embedded_login(browser, site.path()).await;

    // The host's skip link: focus moves to the host's main, as the browser does without the app.
    j.tab_to("bureau-skip").await;
    j.press(Key::Enter).await;
    j.wait_for_focus("host-main").await;
    assert_eq!(j.location().await, "/todoke/login");
    // The app still works after it: the next Tab goes on from the host's main, into the app.
    j.tab_to("todoke-user_id").await;

    // A link beside the app leaves it: the browser loads the bureau's page.
    j.tab_to("bureau-news").await;
    j.press(Key::Enter).await;
    j.wait_for_heading("厚生局からのお知らせ").await;
    assert_eq!(j.location().await, "/todoke-news.html");
    j.finish().await;
}

in_every_browser!(embedded_journey, host_links_journey);
