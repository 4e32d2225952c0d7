//! Focus under forced colours (Windows High Contrast, WCAG 2.4.7 / 1.4.11): the browser drops
//! backgrounds and shadows and paints outlines in a system colour, so every link must show an
//! outline when focused. Chromium can emulate the mode (DevTools protocol through ChromeDriver);
//! the other engines cannot, so this journey runs in Chromium only.

use fantoccini::key::Key;
use fantoccini::wd::WebDriverCompatibleCommand;
use serde_json::{Value, json};

use crate::filing::{
    contact_page, declarations_and_filing_page, fill_staff_row, next, start_filing,
};
use crate::harness::{Browser, Journey, ServerOptions};

/// A DevTools protocol command sent through ChromeDriver's `goog/cdp/execute`.
#[derive(Debug)]
struct DevTools {
    method: &'static str,
    params: Value,
}

impl WebDriverCompatibleCommand for DevTools {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.method, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

async fn emulate_forced_colours(j: &Journey) {
    j.client
        .issue_cmd(DevTools {
            method: "Emulation.setEmulatedMedia",
            params: json!({ "features": [{ "name": "forced-colors", "value": "active" }] }),
        })
        .await
        .expect("emulate forced colours");
    let active = j
        .client
        .execute(
            "return matchMedia('(forced-colors: active)').matches",
            vec![],
        )
        .await
        .expect("media query");
    assert_eq!(active, true, "forced colours are not emulated");
}

/// Tabs through the whole page once and fails for every link that, focused, has no outline of
/// at least 2px. Returns how many links it saw, so a page without links cannot pass silently.
async fn assert_links_show_focus(j: &Journey, state: &str) -> usize {
    let mut seen: Vec<String> = Vec::new();
    let mut problems = Vec::new();
    let mut links = 0;
    for _ in 0..80 {
        j.press(Key::Tab).await;
        let focused = j
            .client
            .execute(
                r##"const el = document.activeElement;
                if (!el || el === document.body) return null;
                const s = getComputedStyle(el);
                const path = [];
                for (let e = el; e && e !== document.body; e = e.parentElement) {
                  path.unshift(e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + ":" +
                    Array.prototype.indexOf.call(e.parentElement ? e.parentElement.children : [], e));
                }
                return { key: path.join(">"), link: el.tagName === "A",
                         text: (el.textContent || "").trim().slice(0, 30),
                         style: s.outlineStyle, width: parseFloat(s.outlineWidth) || 0 };"##,
                vec![],
            )
            .await
            .expect("focused element");
        if focused.is_null() {
            continue;
        }
        let key = focused["key"].as_str().unwrap_or_default().to_string();
        if seen.contains(&key) {
            break;
        }
        seen.push(key);
        if focused["link"] == true {
            links += 1;
            let width = focused["width"].as_f64().unwrap_or(0.0);
            if focused["style"] == "none" || width < 2.0 {
                problems.push(format!(
                    "「{}」: outline {} {width}px",
                    focused["text"].as_str().unwrap_or_default(),
                    focused["style"]
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "links without a focus outline under forced colours on {state}:\n{}",
        problems.join("\n")
    );
    links
}

async fn forced_colours_journey() {
    let j = Journey::start(Browser::Chromium, ServerOptions::default()).await;
    emulate_forced_colours(&j).await;

    // The login page with its error summary: skip link, header links, error-summary links.
    j.open("/login").await;
    j.wait_for_heading("ログイン").await;
    j.tab_to("todoke-user_id").await;
    j.press(Key::Enter).await;
    j.wait_for_text("入力内容に誤りがあります").await;
    assert!(assert_links_show_focus(&j, "login with errors").await >= 3);

    // A draft on the list: header links, 「新規作成」 and the row's 「開く」.
    start_filing(&j, "DEMO-MED", "Demo#Med0001", "staff-change").await;
    next(&j).await;
    j.wait_for_text("入力内容に誤りがあります").await;
    assert!(assert_links_show_focus(&j, "wizard page with errors").await >= 2);
    contact_page(&j, "山田 花子", "03-1234-5678", "staff[0].name").await;
    fill_staff_row(&j, "40").await;
    next(&j).await;
    declarations_and_filing_page(&j, "とどけ内科クリニック", "山田太郎").await;
    // The review page: a 「変更」 link per section.
    j.wait_for_heading("入力内容の確認").await;
    assert!(assert_links_show_focus(&j, "review").await >= 4);

    j.open("/submissions").await;
    j.wait_for_heading("届書・申請書検索一覧").await;
    j.wait_for_text("作成中").await;
    assert!(assert_links_show_focus(&j, "list with a draft").await >= 3);
    j.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chromium_forced_colours_focus() {
    forced_colours_journey().await;
}
